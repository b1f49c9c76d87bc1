"""The CLI edges a CI pipeline meets: nothing to check is not a pass, compressed pages are read
where the user points, a closed pipe is a quiet end, newsld's own NDJSON envelopes validate."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys

from helpers import ROOT, assert_clean, assert_one_line_error, cli
from test_reports_sarif import page


def test_empty_directory_is_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = cli("validate", "-r", "--glob", "*.html", "empty", cwd=tmp_path)
    assert_one_line_error(proc, "nothing to check", "empty")


def test_glob_in_the_wrong_case_is_exit_2(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html").write_text(page())
    proc = cli("validate", "-r", "--glob", "*.HTML", "site", cwd=tmp_path)
    assert_one_line_error(proc, "nothing to check", "*.HTML", "case")


def test_extract_of_an_empty_directory_is_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    assert_one_line_error(cli("extract", "-r", "empty", cwd=tmp_path), "nothing to")


def test_html_gz_is_read_given_and_below_a_directory(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html.gz").write_bytes(gzip.compress(page().encode()))
    for args in (["site/a.html.gz"], ["-r", "site"]):
        proc = cli("validate", "--format", "json", *args, cwd=tmp_path)
        assert_clean(proc)
        assert proc.returncode == 1, proc.stderr
        rec = json.loads(proc.stdout)
        assert rec["source"] == "site/a.html.gz"
        assert "date-format" in {i["code"] for i in rec["issues"]}


def test_gzip_bomb_is_limited(tmp_path):
    (tmp_path / "big.html.gz").write_bytes(gzip.compress(b"<html>" + b" " * 5_000_000))
    proc = cli("validate", "--format", "json", "--max-bytes", "100000", "big.html.gz", cwd=tmp_path)
    assert_clean(proc)
    assert proc.returncode == 2
    assert "larger than 100000 bytes" in json.loads(proc.stdout)["issues"][0]["message"]


def test_warc_gz_is_read_as_warc_by_its_name(tmp_path):
    from warcs import write_warc  # tests/warcs.py
    write_warc(tmp_path / "crawl.warc.gz", [("https://example.com/a", "text/html", page().encode())])
    proc = cli("validate", "--format", "json", "crawl.warc.gz", cwd=tmp_path)
    assert_clean(proc)
    rec = json.loads(proc.stdout)
    assert rec["source"] == "https://example.com/a"
    assert "date-format" in {i["code"] for i in rec["issues"]}


def test_head_closing_the_pipe_is_a_quiet_success(tmp_path):
    for n in range(150):
        (tmp_path / f"a{n:03}.txt").write_text(f"Headline {n}\n\n" + "A paragraph of the article. " * 40)
    script = (f"set -o pipefail; {sys.executable} -m newsld extract --ndjson -q -r . | head -1 > first.json; "
              "echo \"rc=$?\"")
    proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    rc = int(proc.stdout.decode().strip().rsplit("rc=", 1)[1])
    assert rc in (0, 141), proc.stderr
    assert proc.stderr == b""
    assert json.loads((tmp_path / "first.json").read_text())["ok"] is True


def test_extract_ndjson_envelopes_validate_their_json_ld(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nA paragraph of the article. " * 3)
    (tmp_path / "b.txt").write_text("Other\n\nAnother paragraph of text here. " * 3)
    out = cli("extract", "--ndjson", "-q", "--url", "https://example.com/x", "a.txt", "b.txt", cwd=tmp_path).stdout
    proc = cli("validate", "--format", "json", "-", input=out, cwd=tmp_path)
    assert_clean(proc)
    rec = json.loads(proc.stdout)
    messages = " ".join(i["message"] for i in rec["issues"])
    assert "@context" not in messages and "unknown-property" not in {i["code"] for i in rec["issues"]}, rec
    assert proc.returncode == 0
    # a broken document inside an envelope is still found, on its line
    env = json.loads(out.splitlines()[1])
    env["jsonld"]["datePublished"] = "yesterday"
    bad = out.splitlines()[0] + b"\n" + json.dumps(env).encode() + b"\n"
    rec = json.loads(cli("validate", "--format", "json", "-", input=bad, cwd=tmp_path).stdout)
    dated = [i for i in rec["issues"] if i["code"] == "date-format"]
    assert dated and dated[0]["path"].startswith("line 2: $")


def test_negative_jobs_is_a_usage_error(tmp_path):
    (tmp_path / "a.jsonld").write_text('{"@context": "https://schema.org", "@type": "Thing"}')
    for cmd in ("validate", "extract"):
        assert_one_line_error(cli(cmd, "--jobs", "-1", "a.jsonld", cwd=tmp_path), "--jobs")


def test_extract_r_does_not_read_json_ld_files_as_articles(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.txt").write_text("Headline\n\nA paragraph of the article. " * 3)
    (tmp_path / "site" / "a.jsonld").write_text('{"@context": "https://schema.org", "@type": "NewsArticle"}')
    proc = cli("extract", "-r", "-q", "site", cwd=tmp_path)
    assert_clean(proc)
    assert [json.loads(x)["source"] for x in proc.stdout.splitlines()] == ["site/a.txt"]


def test_inject_in_place_on_a_symlink_writes_through_to_its_target(tmp_path):
    real = tmp_path / "real.html"
    real.write_text("<html><head><title>T</title></head><body><article><h1>Headline here</h1>"
                    "<p>" + "A paragraph of the article text. " * 10 + "</p></article></body></html>")
    link = tmp_path / "link.html"
    link.symlink_to(real.name)
    proc = cli("inject", "--in-place", "link.html", cwd=tmp_path)
    assert_clean(proc)
    assert proc.returncode in (0, 1), proc.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "application/ld+json" in real.read_text()


def test_distributed_docs_example_has_a_main_guard():
    from helpers import ROOT
    text = (ROOT / "docs" / "distributed.md").read_text("utf-8")
    block = text[text.index("```python\nfrom dask.distributed"):]
    block = block[:block.index("\n```", 10)]
    assert 'if __name__ == "__main__":' in block
    compile(block.removeprefix("```python\n"), "distributed.md", "exec")
