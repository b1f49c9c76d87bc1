"""Issue 14: the second round of hostile inputs, one test (or a few) per promise of the README's
"Limits and security": nothing about one input ends a batch, nothing hangs past its limit,
time stays linear, memory bounded, writes never destroy, failures are one line and exit 2."""
from __future__ import annotations

import os
import time

import pytest

from helpers import assert_clean, cli

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")


# ---- 2. hangs past every limit ------------------------------------------------------------

@needs_fifo
@pytest.mark.parametrize("command", [["validate"], ["inject"]])
def test_a_fifo_nobody_writes_to_is_an_error_line_after_timeout(tmp_path, command):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    start = time.monotonic()
    proc = cli(*command, "--timeout", "1", fifo, timeout=20)
    assert time.monotonic() - start < 10
    assert "took longer than 1 s" in proc.stderr.decode() + proc.stdout.decode()
    assert proc.returncode == 2
    assert_clean(proc)


# ---- 3. linear time (each with the 60 s hang detector of helpers.cli) -------------------

def test_inject_over_200k_old_blocks_is_linear(tmp_path):
    # each removed block sliced the whole page before it: 300,000 blocks took 304 s
    page, doc = tmp_path / "p.html", tmp_path / "doc.json"
    page.write_bytes(b"<html><head>\n" + b'<script type="application/ld+json" data-newsld>{}</script>\n' * 200_000
                     + b"</head><body><p>x</p></body></html>\n")
    doc.write_text('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Storm"}')
    proc = cli("inject", "--jsonld", doc, page)
    assert_clean(proc)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count(b"data-newsld") == 1 and b'"headline": "Storm"' in proc.stdout


def test_validate_50k_invalid_ld_json_blocks_is_linear(tmp_path):
    # each block's error counted the page's newlines from its start: 80,000 blocks took 91 s
    page = tmp_path / "p.html"
    page.write_bytes(b"<html><head>\n" + b'<script type="application/ld+json">{x</script>\n' * 50_000
                     + b"</head><body><p>x</p></body></html>\n")
    proc = cli("validate", "--format", "json", page)
    assert_clean(proc)
    assert proc.returncode == 1
    assert b"ld+json[50000]" in proc.stdout and b"line 50001, column 37" in proc.stdout


def test_tag_line_of_100k_spaces_then_a_word_is_linear(tmp_path):
    # \s+ / \s* around the date-segment and tag separators backtracked over the spaces at
    # every position (65 s)
    p = tmp_path / "a.txt"
    p.write_text("Storm hits the coast\n\nStrong winds hit the coast on Sunday.\n\nTags:" + " " * 100_000 + "x\n")
    proc = cli("extract", "--timeout", "30", p)
    assert_clean(proc)
    assert proc.returncode == 0, proc.stderr
    assert b'"headline": "Storm hits the coast"' in proc.stdout


def test_html_faq_of_50k_questions_is_linear(tmp_path):
    # finding each question's wrapper took len() of its parent (all the questions): 70 s
    p = tmp_path / "faq.html"
    p.write_text("<html><body><article><h1>Storm questions</h1>" + "".join(
        f"<h3>Will the storm hit town {i}?</h3><p>Answer number {i} for the town.</p>"
        for i in range(50_000)) + "</article></body></html>")
    proc = cli("extract", "--no-validate", "--timeout", "50", p)
    assert_clean(proc)
    assert proc.returncode == 0, proc.stderr
    assert b"Will the storm hit town 49999?" in proc.stdout
