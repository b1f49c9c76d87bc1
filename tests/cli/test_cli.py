"""The CLI contract: stdout, stderr and exit code checked separately."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsld.cli import main
from helpers import ROOT, SEED as SEED_PATH

SEED = str(SEED_PATH)


def run(args, input=None):
    r = CliRunner().invoke(main, args, input=input, standalone_mode=True, catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_extract_seed_prints_reviewed_jsonld():
    code, out, err = run(["extract", SEED])
    assert code == 0
    assert out == (ROOT / "examples" / "000_fbfac43950afd32e.jsonld").read_text(encoding="utf-8")
    assert err == ""


def test_extract_stdin_dash():
    code, out, _ = run(["extract", "-"], input=Path(SEED).read_bytes())
    assert code == 0
    assert json.loads(out)["@graph"][0]["headline"].startswith("Trump's government")


def test_missing_file_is_exit_2_with_one_line():
    code, out, err = run(["extract", "nope/missing.txt"])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("newsld: error: cannot read nope/missing.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\x00\x01\x02binary\x00" * 10])
def test_empty_or_binary_stdin_is_exit_2(data):
    code, out, err = run(["extract", "-"], input=data)
    assert code == 2 and out == ""
    assert err.startswith("newsld: error:") and "Traceback" not in err


def test_several_inputs_give_ndjson_in_order_and_bad_ones_their_own_line(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    code, out, err = run(["extract", SEED, str(bad), SEED])
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["source"] for x in lines] == [SEED, str(bad), SEED]
    assert [x["ok"] for x in lines] == [True, False, True]
    assert lines[1]["jsonld"] is None and lines[1]["issues"][0]["severity"] == "error"
    assert code == 2


def test_ndjson_flag_with_one_input():
    code, out, _ = run(["extract", "--ndjson", SEED])
    (rec,) = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and rec["ok"] and rec["source"] == SEED and rec["issues"] == []


def test_metadata_options_override_and_dates_are_iso():
    code, out, _ = run(["extract", SEED, "--url", "https://example.com/a", "--date-published",
                        "April 2, 2025 10:30", "--timezone", "Europe/Madrid", "--date-modified",
                        "2025-04-03", "--image", "https://example.com/1.jpg", "--image",
                        "https://example.com/2.jpg", "--publisher-name", "Example News",
                        "--publisher-logo", "https://example.com/logo.png", "--section", "World",
                        "--lang", "es"])
    art = json.loads(out)["@graph"][0]
    assert code == 0
    assert art["datePublished"] == "2025-04-02T10:30:00+02:00"
    assert art["dateModified"] == "2025-04-03"
    assert art["image"] == ["https://example.com/1.jpg", "https://example.com/2.jpg"]
    assert art["articleSection"] == "World" and art["inLanguage"] == "es"
    pub = next(n for n in json.loads(out)["@graph"] if n["@id"] == art["publisher"]["@id"])
    assert pub["name"] == "Example News" and pub["logo"]["url"] == "https://example.com/logo.png"


def test_bad_date_option_is_exit_2():
    code, out, err = run(["extract", SEED, "--date-published", "not a date"])
    assert code == 2 and out == "" and "not a date" in err


def test_bad_timezone_is_exit_2():
    code, _, err = run(["extract", SEED, "--timezone", "Mars/Olympus"])
    assert code == 2 and "unknown timezone" in err


def test_html_script_escapes_everything_that_could_close_the_script(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Headline </script><script>alert(1)</script> & more\u2028\n\nBody <b>.\n")
    code, out, _ = run(["extract", str(src), "--format", "html-script", "--no-validate"])
    assert code == 0
    assert out.startswith('<script type="application/ld+json">')
    inner = out[out.index(">") + 1:out.rindex("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner and "\u2028" not in inner
    assert json.loads(inner)["@graph"][0]["headline"].startswith("Headline </script><script>")


def test_output_file_is_written(tmp_path):
    out_file = tmp_path / "seed.jsonld"
    code, out, _ = run(["extract", SEED, "-o", str(out_file)])
    assert code == 0 and out == ""
    assert json.loads(out_file.read_text())["@graph"][0]["@type"] == "NewsArticle"
    assert [p.name for p in tmp_path.iterdir()] == ["seed.jsonld"]


def test_usage_error_is_exit_2():
    code, _, err = run(["extract"])
    assert code == 2 and "Missing argument" in err


def test_validate_clean_file(tmp_path):
    f = tmp_path / "ok.jsonld"
    f.write_text((ROOT / "examples" / "000_fbfac43950afd32e.jsonld").read_text())
    code, out, err = run(["validate", str(f)])
    assert code == 0 and out == ""
    assert "1 checked, 1 valid" in err


def test_validate_reports_bad_date_and_broken_json(tmp_path):
    bad_date = tmp_path / "date.json"
    bad_date.write_text(json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                                    "headline": "H", "datePublished": "19 Nov 2019 07:09 GMT"}))
    broken = tmp_path / "broken.json"
    broken.write_text('{"@context": "https://schema.org", "@type": "NewsArticle",\n "headline": "H",}')
    code, out, err = run(["validate", "--format", "json", str(bad_date), str(broken)])
    recs = [json.loads(x) for x in out.splitlines()]
    assert code == 1
    assert [r["source"] for r in recs] == [str(bad_date), str(broken)]
    assert not recs[0]["valid"] and "date-format" in {i["code"] for i in recs[0]["issues"]}
    assert "json-syntax" in {i["code"] for i in recs[1]["issues"]}
    syntax = next(i for i in recs[1]["issues"] if i["code"] == "json-syntax")
    assert "line 2" in syntax["message"]


def test_validate_text_format_is_one_line_per_issue(tmp_path):
    f = tmp_path / "d.json"
    f.write_text(json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                             "headline": "H", "datePublished": "yesterday"}))
    code, out, _ = run(["validate", str(f)])
    assert code == 1
    line = next(x for x in out.splitlines() if " date-format " in x)
    assert line.startswith(f"{f}: error date-format ")


def test_extract_then_validate_via_pipe():
    _, doc, _ = run(["extract", SEED])
    code, out, err = run(["validate", "--profile", "google", "-"], input=doc)
    assert code == 0  # warnings only
    assert "missing-property" in out and "faq-eligibility" in out


def test_validate_stdin_array_of_documents():
    docs = [{"@context": "https://schema.org", "@type": "Person", "name": "A"},
            {"@context": "https://schema.org", "@type": "person", "name": "B"}]
    code, out, _ = run(["validate", "-"], input=json.dumps(docs))
    assert code == 1
    assert out.startswith("-: error unknown-type $[1]['@type']: ")


def test_text_starting_with_a_bracket_is_still_text():
    code, out, _ = run(["extract", "--no-validate", "-"], input="[Updated] Title\n\nBody text here.\n")
    assert code == 0 and json.loads(out)["@graph"][0]["headline"] == "[Updated] Title"


@pytest.mark.parametrize("jsonld,fragment", [
    ('{"@type": "NewsArticle", "wordCount": NaN}', "not a json value: nan"),
    ('{"@type": "NewsArticle", "x": -Infinity}', "not a json value: -infinity"),
    ("[" * 100_000 + "]" * 100_000, "deeper than 500"),
    ('{"@type": "NewsArticle", "n": ' + "9" * 5000 + "}", "digits"),
])
def test_inject_jsonld_is_read_as_strict_depth_limited_json(tmp_path, jsonld, fragment):
    """--jsonld used a bare json.loads: NaN/Infinity went into the page (no browser reads that
    JSON), and 100k-deep JSON or a 5000-digit number ended in 'internal error'."""
    page = tmp_path / "p.html"
    page.write_bytes(b"<html><head><title>T</title></head><body><p>x</p></body></html>")
    doc = tmp_path / "doc.jsonld"
    doc.write_text(jsonld)
    code, out, err = run(["inject", str(page), "--jsonld", str(doc)])
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err.lower(), err
    assert "internal error" not in err


def test_cli_choices_come_from_the_registries():
    """One registry each for input formats, report formats and syntaxes: the CLI, batch's
    file walk and the fuzzer read them, so adding one there is enough."""
    import importlib.util

    from newsld import batch
    from newsld.cli import extract, validate
    from newsld.io.reports import FORMATTERS
    from newsld.pages import page
    from newsld.readers.formats import DEFAULT_SYNTAXES, EXTENSION_FORMATS, FORMATS, SYNTAXES
    choices = {(cmd.name, p.name): list(p.type.choices) for cmd in (extract, validate)
               for p in cmd.params if hasattr(p.type, "choices")}
    assert choices["extract", "from_"] == [*FORMATS, *batch.CONTAINERS]
    assert set(choices["validate", "from_"]) <= set(choices["extract", "from_"])
    assert choices["validate", "fmt"] == list(FORMATTERS)
    assert choices["extract", "syntaxes"] == choices["validate", "syntaxes"] == list(SYNTAXES)
    assert set(DEFAULT_SYNTAXES) | set(page.DEFAULT_SYNTAXES) <= set(SYNTAXES)
    assert set(EXTENSION_FORMATS.values()) <= set(FORMATS)
    assert set(EXTENSION_FORMATS) - {".jsonld"} <= set(batch.EXTRACT_EXTENSIONS)
    assert {e for e, f in EXTENSION_FORMATS.items() if f in ("html", "json")} <= set(batch.VALIDATE_EXTENSIONS)
    for ext in batch.EXTENSIONS:  # every name -r reads is a registered format, gzipped, or WARC
        assert ext.removesuffix(".gz") in EXTENSION_FORMATS or ext in batch.WARC_EXTENSIONS
    spec = importlib.util.spec_from_file_location("fuzz_extract", ROOT / "fuzz" / "fuzz_extract.py")
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    assert fuzz.FORMATS == FORMATS


def test_recursive_walk_reads_every_extension_the_readers_know(tmp_path):
    (tmp_path / "a.text").write_text("Headline of a text file\n\nBody of the article, one paragraph.\n")
    (tmp_path / "b.xyz").write_text("not read")
    code, out, _ = run(["extract", "-r", "--no-validate", str(tmp_path)])
    assert [json.loads(ln)["source"] for ln in out.splitlines()] == [str(tmp_path / "a.text")]


# ---- issue 14: nothing about one input may end a batch ------------------------------------

PAGE_WITH_LONE_SURROGATE = (b'<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
                            b'"@type": "NewsArticle", "headline": "Storm \\ud83d"}</script></head><body>'
                            b'<h1>Storm</h1><p>Body text of the article, long enough.</p></body></html>')


def _lines(data: bytes) -> list[dict]:
    return [json.loads(ln) for ln in data.decode("utf-8").splitlines()]  # strict UTF-8


def test_lone_surrogate_in_a_page_does_not_end_the_batch(tmp_path):
    from helpers import cli
    (tmp_path / "a.html").write_bytes(PAGE_WITH_LONE_SURROGATE)
    (tmp_path / "b.txt").write_text("Headline\n\nBody text of the second article.\n")
    proc = cli("extract", "--ndjson", tmp_path / "a.html", tmp_path / "b.txt")
    assert b"internal error" not in proc.stderr
    assert [r["source"].rsplit("/", 1)[-1] for r in _lines(proc.stdout)] == ["a.html", "b.txt"]
    out = tmp_path / "out.ndjson"
    proc = cli("extract", "-o", out, tmp_path / "a.html", tmp_path / "b.txt")
    assert b"internal error" not in proc.stderr and len(_lines(out.read_bytes())) == 2
    proc = cli("extract", tmp_path / "a.html")
    assert proc.returncode in (0, 1) and json.loads(proc.stdout.decode("utf-8"))


def test_lone_surrogate_in_an_ndjson_source_and_a_non_utf8_file_name(tmp_path):
    from helpers import cli
    records = tmp_path / "in.ndjson"
    records.write_text('{"source": "a\\udc80b \\ud83d", "text": "Head\\n\\nBody text here."}\n'
                       '{"text": "Second\\n\\nBody text."}\n')
    proc = cli("extract", "--from", "ndjson", records)
    assert [r["source"] for r in _lines(proc.stdout)] == ["a\ufffdb \ufffd", f"{records}:2"]
    bad = os.path.join(os.fsencode(tmp_path), b"bad\xff.txt")
    with open(bad, "wb") as f:
        f.write(b"Headline\n\nBody text of the article.\n")
    out = tmp_path / "out.ndjson"
    env_run = subprocess.run([sys.executable, "-m", "newsld", "extract", "--write-invalid", "-o", str(out), bad,
                              str(tmp_path / "in.ndjson")], capture_output=True, cwd=ROOT,
                             env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert b"internal error" not in env_run.stderr
    assert [r["source"].rsplit("/", 1)[-1] for r in _lines(out.read_bytes())] == ["bad\ufffd.txt", "in.ndjson"]


def test_malformed_url_among_inputs_is_its_own_error_line(tmp_path):
    from helpers import cli
    (tmp_path / "b.txt").write_text("Headline\n\nBody text of the article.\n")
    proc = cli("extract", "--ndjson", "http://[::1", tmp_path / "b.txt")
    recs = _lines(proc.stdout)
    assert proc.returncode == 2 and b"internal error" not in proc.stderr
    assert [r["ok"] for r in recs] == [False, True]
    assert "not a valid URL" in recs[0]["issues"][0]["message"]


def test_validate_ndjson_with_a_raw_line_separator_in_a_string(tmp_path):
    """NDJSON lines end at \\n: a raw U+2028 inside a string is JSON, not a line break."""
    f = tmp_path / "docs.jsonld"
    doc = {"@context": "https://schema.org", "@type": "Person", "name": "Jane\u2028Doe"}
    f.write_text(json.dumps(doc, ensure_ascii=False) + "\n" + json.dumps(doc, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    code, out, _ = run(["validate", "--format", "json", str(f)])
    assert code == 0, out
    assert "json-syntax" not in out
