"""Limits with clear messages (input size, JSON nesting depth) and linear time on pathological
text. Every case runs the CLI as a subprocess with a 60 s timeout: a hang detector, not a
performance assertion."""
from __future__ import annotations

import json

import pytest

import newsld
from newsld.validator import validate_json_text
from helpers import assert_clean, assert_one_line_error, cli, err_lines

DEEP = 200_000
ARTICLE = "Storm closes schools\n\nThe storm closed every school in the county on Monday.\n"


# ---- input size ----------------------------------------------------------------------------

@pytest.mark.slow
def test_default_max_bytes_is_20_mb_and_names_the_option(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(ARTICLE.encode() + b"x" * (20 * 1024 * 1024))
    line = assert_one_line_error(cli("extract", big), "--max-bytes")
    assert "20971520" in line


@pytest.mark.slow
def test_max_bytes_option_on_a_file_and_on_stdin(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    assert_one_line_error(cli("extract", "--max-bytes", 20, f), "--max-bytes")
    assert_one_line_error(cli("extract", "--max-bytes", 20, "-", input=ARTICLE.encode()), "--max-bytes")
    ok = cli("extract", "--max-bytes", len(ARTICLE), f)
    assert ok.returncode == 0, ok.stderr


@pytest.mark.slow
def test_max_bytes_in_validate_and_batch(tmp_path):
    f = tmp_path / "a.jsonld"
    f.write_text(json.dumps({"@context": "https://schema.org", "@type": "Person", "name": "x" * 100}))
    proc = cli("validate", "--max-bytes", 50, f)
    assert_clean(proc)
    assert proc.returncode == 2
    assert "--max-bytes" in proc.stdout.decode()
    g = tmp_path / "b.txt"
    g.write_text(ARTICLE)
    proc = cli("extract", "--ndjson", "--max-bytes", 100, g, f)
    assert proc.returncode == 2
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [x["ok"] for x in lines] == [True, False]
    assert "--max-bytes" in lines[1]["issues"][0]["message"]


# ---- JSON nesting depth --------------------------------------------------------------------

def _deep_array() -> str:
    return "[" * DEEP + "]" * DEEP


def test_validate_json_text_deep_is_limit_error():
    with pytest.raises(newsld.LimitError, match="nesting"):
        validate_json_text(_deep_array())
    with pytest.raises(newsld.LimitError, match="nesting"):
        validate_json_text('{"a":' * DEEP + "1" + "}" * DEEP)
    # the depth scan skips strings: brackets inside a string are not nesting
    data, report = validate_json_text(json.dumps({"@type": "Person", "name": "[" * DEEP}))
    assert data["name"] == "[" * DEEP


@pytest.mark.slow
def test_cli_validate_deep_json_file(tmp_path):
    f = tmp_path / "deep.json"
    f.write_text(_deep_array())
    proc = cli("validate", f)
    assert_clean(proc)
    assert proc.returncode == 2
    assert "nesting is deeper than" in proc.stdout.decode()
    assert "flatten the document or raise the depth limit" in proc.stdout.decode()


@pytest.mark.slow
def test_cli_validate_deep_ndjson_line(tmp_path):
    f = tmp_path / "deep.ndjson"
    f.write_text('{"@context": "https://schema.org", "@type": "Person", "name": "A"}\n'
                 '{"a": ' + _deep_array() + "}\n")
    proc = cli("validate", "--format", "json", f)
    assert_clean(proc)
    assert proc.returncode == 2


def _deep_page() -> str:
    return ("<!doctype html><html><head><title>Storm closes schools</title>"
            '<script type="application/ld+json">' + _deep_array() + "</script></head><body>"
            "<article><h1>Storm closes schools</h1><p>The storm closed every school in the county "
            "on Monday, officials said.</p></article></body></html>")


@pytest.mark.slow
def test_cli_validate_html_with_deep_ld_json(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text(_deep_page())
    proc = cli("validate", f)
    assert_clean(proc)
    assert proc.returncode in (1, 2), proc.stdout[-500:]
    assert "nest" in proc.stdout.decode().lower()


@pytest.mark.slow
def test_cli_extract_html_with_deep_ld_json_is_clean(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text(_deep_page())
    proc = cli("extract", f)
    assert_clean(proc)
    if proc.returncode == 2:
        assert len(err_lines(proc)) == 1 and "nest" in err_lines(proc)[0].lower()
    else:
        assert json.loads(proc.stdout)["@graph"][0]["headline"] == "Storm closes schools"


@pytest.mark.slow
def test_cli_extract_html_with_deep_ld_json_reads_the_markup(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text(_deep_page())
    proc = cli("extract", f)
    assert proc.returncode == 0, err_lines(proc)


@pytest.mark.slow
def test_cli_extract_from_json_deep(tmp_path):
    f = tmp_path / "deep.json"
    f.write_text('{"text": "Storm closes schools\\n\\nBody.", "x": ' + _deep_array() + "}")
    proc = cli("extract", "--from", "json", f)
    assert_one_line_error(proc, "nesting")


@pytest.mark.slow
def test_cli_extract_ndjson_deep_record_is_its_own_error_line(tmp_path):
    f = tmp_path / "deep.ndjson"
    f.write_text('{"text": "Storm closes schools\\n\\nBody here."}\n'
                 '{"text": "x", "y": ' + _deep_array() + "}\n"
                 '{"text": "Rain closes roads\\n\\nBody here."}\n')
    proc = cli("extract", "-q", "--from", "ndjson", f)
    assert_clean(proc)
    assert proc.returncode == 2
    assert [json.loads(x)["ok"] for x in proc.stdout.decode().splitlines()] == [True, False, True]


# ---- linear time on pathological text ------------------------------------------------------

def _extract(tmp_path, name, text, *args):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    proc = cli("extract", *args, f)
    assert_clean(proc)
    assert proc.returncode in (0, 1), err_lines(proc)
    return json.loads(proc.stdout)


def _node(doc, type_):
    return next((n for n in doc["@graph"] if n["@type"] == type_), None)


@pytest.mark.slow
def test_5mb_single_line(tmp_path):
    words = "word " * (5 * 1024 * 1024 // 5)
    doc = _extract(tmp_path, "long.txt", "Storm closes schools\n\n" + words + "end.\n")
    assert _node(doc, "NewsArticle")["wordCount"] == 5 * 1024 * 1024 // 5 + 1


@pytest.mark.slow
def test_5mb_single_line_markdown_no_newline_at_all(tmp_path):
    f = tmp_path / "one.md"
    f.write_text("# " + "a*b_c[d](e " * (5 * 1024 * 1024 // 11))
    proc = cli("extract", f)
    assert_clean(proc)
    assert proc.returncode in (0, 1, 2)


@pytest.mark.slow
def test_100k_spaces_before_a_question_mark(tmp_path):
    text = ("Storm closes schools\n\nThe storm closed every school.\n\nFrequently Asked Questions\n\n"
            + " " * 100_000 + "?\n\nAn answer.\n\n" + "Why" + " " * 100_000 + "?\n\nBecause.\n")
    doc = _extract(tmp_path, "spaces.txt", text)
    assert _node(doc, "NewsArticle")["headline"] == "Storm closes schools"


@pytest.mark.slow
def test_tag_line_of_100k_commas(tmp_path):
    text = "Storm closes schools\n\nThe storm closed every school.\n\nTags: " + "," * 100_000 + "storm\n"
    doc = _extract(tmp_path, "commas.txt", text)
    assert _node(doc, "NewsArticle")["keywords"] == ["storm"]


@pytest.mark.slow
def test_faq_of_10000_questions_all_kept(tmp_path):
    qa = "".join(f"What is question {i}?\n\nAnswer number {i}.\n\n" for i in range(10_000))
    text = "Storm closes schools\n\nThe storm closed every school.\n\nFrequently Asked Questions\n\n" + qa
    doc = _extract(tmp_path, "faq.txt", text)
    questions = _node(doc, "FAQPage")["mainEntity"]
    assert len(questions) == 10_000
    assert questions[0]["name"] == "What is question 0?"
    assert questions[-1]["acceptedAnswer"]["text"] == "Answer number 9999."
    assert len({q["name"] for q in questions}) == 10_000


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["[x](", "![", "[", "[x](a(b)(", "**a", " *a", "`a"])
def test_markdown_inline_syntax_repeated_100k_times(tmp_path, unit):
    # "[x](" x 100,000 took minutes before the link pattern was made linear
    doc = _extract(tmp_path, "inline.md", "# Storm closes schools\n\nBody " + unit * 100_000 + "\n")
    assert _node(doc, "NewsArticle")["headline"] == "Storm closes schools"


@pytest.mark.parametrize("text", [
    "/*" + "\n" * 100_000,         # exponential before: ".|\n" under re.S, two ways per newline
    "/*x" * 100_000,               # quadratic: every later "/*" searched for a "*/" again
    '"\\' * 100_000,              # quadratic: every later '"' searched for a closing quote
    '{"a": "' + "\\" * 100_001,    # an unclosed string ending in a lone backslash
])
def test_tolerant_json_reading_is_linear(text):
    # found by the atheris target: 2.8 KB of mutated HTML took 85 s in the tolerant JSON reader
    data, report = validate_json_text(text)
    assert data is None and [i.code for i in report.issues] == ["json-syntax"]


def test_markdown_links_still_read():
    doc = newsld.extract("# Storm\n\nSee [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) and "
                         "![a](https://example.com/a.png \"t\") and [b](/c \"T\").\n", format="markdown")
    art = _node(doc, "NewsArticle")
    assert art["articleBody"] == "See Foo and  and b."
    assert art["image"] == ["https://example.com/a.png"] or art["image"] == "https://example.com/a.png" \
        or "https://example.com/a.png" in json.dumps(art["image"])


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["Ann Lee, ", "CNN, ", "Ann Lee, Editor, "])
def test_byline_of_50k_names(tmp_path, unit):
    # "By A, A, A, ..." took 45 s before parse_people stopped rescanning its groups
    doc = _extract(tmp_path, "byline.txt", "Storm closes schools\n\nBy " + unit * 50_000
                   + "\n\nThe storm closed every school.\n", "--no-validate")
    assert _node(doc, "NewsArticle")["headline"] == "Storm closes schools"


@pytest.mark.slow
def test_front_matter_of_100k_lines(tmp_path):
    text = "---\n" + "tags: a\n" * 100_000 + "---\nStorm closes schools\n\nBody.\n"
    doc = _extract(tmp_path, "fm.md", text)
    assert _node(doc, "NewsArticle")["headline"] == "Storm closes schools"


@pytest.mark.slow
def test_100k_paragraphs(tmp_path):
    doc = _extract(tmp_path, "paras.txt", "Storm closes schools\n\n" + "A short line.\n\n" * 100_000)
    assert _node(doc, "NewsArticle")["wordCount"] == 300_000


@pytest.mark.slow
def test_html_pathological(tmp_path):
    f = tmp_path / "p.html"
    f.write_text("<html><head><title>Storm</title></head><body><h1>Storm closes schools</h1>"
                 + "<div>" * 100_000 + "<p>" + "x " * 100_000 + "</p>" + "<b>" * 50_000 + "</body></html>")
    proc = cli("extract", f)
    assert_clean(proc)
    assert proc.returncode in (0, 1, 2)
    if proc.returncode == 2:
        assert len(err_lines(proc)) == 1
