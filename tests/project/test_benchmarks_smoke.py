"""The benchmark runs end to end in --quick mode on the data it generates (no corpus, no
anchors venv) and prints every metric row. No timing assertions: CI machines are noisy."""
import json
import subprocess
import sys

import pytest

from helpers import ROOT

RUN = ROOT / "benchmarks" / "run.py"
METRICS = ["html-vs-trafilatura", "html-total-vs-trafilatura", "html-run-vs-trafilatura", "html-vs-lxml",
           "extruct-all-vs-3", "text-rate", "cold-text", "cold-html", "jobs2-vs-jobs1", "split-vs-jobs1", "cpu-2proc-ceiling", "rss-10n-vs-n", "warm-text", "warm-html"]


@pytest.mark.slow  # runs newsld and pools as subprocesses: ~10 s
def test_quick_benchmark_prints_every_metric_row(tmp_path):
    out_json = tmp_path / "bench.json"
    r = subprocess.run([sys.executable, str(RUN), "--quick", "--corpus", str(tmp_path / "no-corpus"),
                        "--anchors-python", "", "--json", str(out_json)],
                       capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.splitlines()
    assert "generated" in lines[1]
    header = next(i for i, x in enumerate(lines) if x.split()[:1] == ["metric"])
    assert lines[header].split() == ["metric", "unit", "newsld", "anchor", "ratio", "target", "result"]
    table = {x.split()[0]: x.split() for x in lines[header + 2:] if x and not x.startswith("#")}
    assert list(table) == METRICS
    for name, cells in table.items():
        assert cells[-1] in ("PASS", "FAIL", "n/a", "info"), (name, cells)
    # every measured newsld number is a positive number (anchors may be n/a without the venv)
    rows = json.loads(out_json.read_text())["rows"]
    assert [x["metric"] for x in rows] == METRICS
    assert all(x["newsld"] > 0 for x in rows), rows
    assert all(x["ratio"] > 0 for x in rows if x["metric"] in ("html-vs-lxml", "cold-text", "jobs2-vs-jobs1", "split-vs-jobs1",
                                                                "rss-10n-vs-n", "text-rate"))


def test_generated_pages_and_text_are_articles_newsld_reads():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from gen import generate_pages, generate_text
    finally:
        sys.path.pop(0)
    import newsld
    pages = generate_pages(3)
    assert [n for n, _ in pages] == ["gen-000.html", "gen-001.html", "gen-002.html"]
    assert generate_pages(3) == pages  # deterministic
    for _name, data in pages:
        node = newsld.extract(data, format="html")["@graph"][0]
        assert node["@type"] == "NewsArticle" and node["headline"] and node["datePublished"]
    text = generate_text(0)
    assert 4000 < len(text) < 6000
    assert newsld.extract(text, format="text")["@graph"][0]["headline"] == text.split("\n", 1)[0]
