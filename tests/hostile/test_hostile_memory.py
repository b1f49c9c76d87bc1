"""Issue 14 point 4: a memory bound per input, kept, and a clear refusal beyond it.

An HTML page is read only up to MAX_ELEMENTS elements (5 million ``<p>x`` in 19 MB peaked at
4.5 GB); one document's report lists at most MAX_ISSUES issues and no issue path is longer than
MAX_PATH characters (JSON-LD nested 490 deep under 4000-character keys built paths repeating
every key above them: 2 MB of input, 1.9 GB and a 480 MB report). The peak-RSS tests are hang
and blow-up detectors with a generous bound, not benchmarks."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsld.errors import LimitError
from newsld.readers.html_parse import MAX_ELEMENTS, check_elements
from newsld.validator import validate
from newsld.validator.report import MAX_ISSUES, MAX_PATH, format_path
from helpers import HANG, ROOT, assert_clean, assert_one_line_error, run_cli

PAGE_HEAD = "<title>Storm</title><h1>Storm hits the coast</h1>"


def many_p(n: int) -> str:
    return PAGE_HEAD + "<p>x" * n


def deep_long_keys(depth: int = 488, key_len: int = 4000) -> dict:
    """A Thing in a Thing ... ``depth`` levels, each under an unknown key of ``key_len``
    characters: every level is an unknown-property error whose path names all keys above."""
    node: dict = {}
    for i in reversed(range(depth)):
        node = {"@type": "Thing", "k" * key_len + str(i): node}
    return {"@context": "https://schema.org", "@type": "Thing", "x": node}


# ---- elements ------------------------------------------------------------------------------

def test_element_count_is_checked_on_bytes_and_text():
    check_elements(many_p(MAX_ELEMENTS - 10))
    check_elements(("<p>x</p><!-- c -->" * (MAX_ELEMENTS - 10)).encode())   # end tags not counted
    for page in (many_p(MAX_ELEMENTS + 1), many_p(MAX_ELEMENTS + 1).encode()):
        with pytest.raises(LimitError, match=f"more than the {MAX_ELEMENTS:,} newsld reads"):
            check_elements(page, "p.html")


def test_the_shortest_page_over_the_element_bound_is_still_counted():
    # a page of at most MAX_ELEMENTS characters is passed without a count: it cannot hold more
    check_elements("<" * MAX_ELEMENTS)
    check_elements(b"<" * MAX_ELEMENTS)
    for page in ("<" * (MAX_ELEMENTS + 1), b"<" * (MAX_ELEMENTS + 1)):
        with pytest.raises(LimitError):
            check_elements(page)


@pytest.mark.parametrize("command", ["extract", "validate"])
def test_a_page_of_too_many_elements_is_refused_in_one_line(tmp_path, command):
    page = tmp_path / "p.html"
    page.write_text(many_p(MAX_ELEMENTS + 1))
    proc = run_cli(command, page)
    if command == "extract":
        assert_one_line_error(proc, "p.html", "HTML elements", f"{MAX_ELEMENTS:,}", "split the page")
    else:   # validate reports an input as its own line
        assert proc.returncode == 2
        assert b"HTML elements" in proc.stdout and b"split the page" in proc.stdout


def test_in_a_batch_the_big_page_is_its_own_error_line(tmp_path):
    big, small = tmp_path / "big.html", tmp_path / "small.html"
    big.write_text(many_p(MAX_ELEMENTS + 1))
    small.write_text(PAGE_HEAD + "<p>Strong winds hit the coast on Sunday.</p>")
    proc = run_cli("extract", "--ndjson", big, small)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 2 and len(records) == 2
    assert not records[0]["ok"] and "HTML elements" in records[0]["issues"][0]["message"]
    assert records[1]["ok"]


# ---- issue paths and issues per document ---------------------------------------------------

def test_short_paths_are_unchanged_and_long_ones_keep_both_ends():
    assert format_path(["@graph", 0, "author", 1, "name"]) == "$['@graph'][0].author[1].name"
    long = format_path([f"key{i:03d}" + "k" * 40 for i in range(100)])
    assert len(long) <= MAX_PATH and "\u2026" in long
    assert long.startswith("$.key000") and long.endswith("key099" + "k" * 40)
    huge = format_path(["a" * 10_000, "b" * 10_000])
    assert len(huge) <= MAX_PATH and huge.startswith("$.aaa") and huge.endswith("bbb")


def test_deep_json_ld_with_long_keys_has_bounded_paths():
    report = validate(deep_long_keys(depth=300, key_len=1000))
    assert len(report.issues) == 301
    assert all(len(i.path) <= MAX_PATH for i in report.issues)
    last = report.issues[-1].path
    assert last.startswith("$.x\u2026kkk") and last.endswith("k" * 100 + "299")


def test_issues_per_document_are_capped_with_one_issue_counting_the_rest():
    doc = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Storm",
           **{f"madeUp{i:04d}": "x" for i in range(MAX_ISSUES + 500)}}
    report = validate(doc)
    assert len(report.issues) == MAX_ISSUES + 1
    last = report.issues[-1]
    assert (last.severity, last.code) == ("error", "input")
    assert last.message.startswith("500 more issues not listed (500 errors")
    assert f"at most {MAX_ISSUES} per document" in last.message
    assert not report.valid
    # below the cap nothing changes
    doc = {k: v for k, v in doc.items() if not k.startswith("madeUp") or int(k[6:]) < 10}
    assert [i.code for i in validate(doc).issues].count("input") == 0


# ---- peak memory of a whole run (slow: a subprocess each) ----------------------------------

# at exit: the program ends the process once its atexit handlers have run (newsld.startup.end)
_MEASURE = """
import atexit, os, resource, runpy, sys
sys.argv = ["newsld", *sys.argv[1:]]

@atexit.register
def peak():
    with open(os.environ["RSS_OUT"], "w") as fh:
        fh.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))

runpy.run_module("newsld", run_name="__main__", alter_sys=True)
"""


def peak_rss_mb(tmp_path, *args) -> tuple[subprocess.CompletedProcess, float]:
    """Run newsld ARGS in a subprocess; (the process, its peak resident set in MB)."""
    out = tmp_path / "rss"
    env = dict(os.environ, RSS_OUT=str(out),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", _MEASURE, *map(str, args)], capture_output=True,
                          timeout=HANG, cwd=ROOT, env=env)
    kb = int(out.read_text())
    return proc, kb / 1024 if sys.platform != "darwin" else kb / 2**20


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs the resource module")
@pytest.mark.parametrize("command", ["extract", "validate"])
def test_19_mb_of_p_is_refused_in_bounded_memory(tmp_path, command):
    page = tmp_path / "p.html"
    page.write_text(many_p(4_999_000))     # 19 MB, under --max-bytes: peaked at 4.5 GB
    proc, mb = peak_rss_mb(tmp_path, command, page)
    assert_clean(proc)
    assert proc.returncode == 2 and b"HTML elements" in proc.stdout + proc.stderr
    assert mb < 1024, f"peak {mb:.0f} MB"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs the resource module")
def test_a_page_at_the_element_limit_is_read_in_bounded_memory(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(many_p(MAX_ELEMENTS - 100))
    proc, mb = peak_rss_mb(tmp_path, "extract", page)
    assert_clean(proc)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert mb < 1024, f"peak {mb:.0f} MB"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs the resource module")
def test_deep_json_ld_with_long_keys_validates_in_bounded_memory(tmp_path):
    doc = tmp_path / "deep.json"
    doc.write_text(json.dumps(deep_long_keys()))        # 2 MB, 490 levels: peaked at 1.9 GB
    proc, mb = peak_rss_mb(tmp_path, "validate", doc)
    assert_clean(proc)
    assert proc.returncode == 1
    assert len(proc.stdout) < 5_000_000           # was a 480 MB report
    assert max(len(line) for line in proc.stdout.splitlines()) < MAX_PATH + 4500
    assert mb < 1024, f"peak {mb:.0f} MB"
