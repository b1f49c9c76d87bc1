"""Time per page (median ms) and date accuracy of the anchors: trafilatura, newspaper4k and
htmldate (fast mode). Run with the anchors' Python.

usage: ANCHOR_PYTHON benchmarks/quality/speed_anchors.py CASES.json AEB_HTML_DIR [--tools DIR]
"""
import gzip
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

from paths import TOOLS

warnings.filterwarnings("ignore")
tools = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--tools=")), TOOLS)
sys.path.insert(0, tools)
from metadata_eval import day, page_bytes  # noqa: E402

cases = json.load(open(sys.argv[1]))
aeb = [gzip.decompress(p.read_bytes()) if p.name.endswith(".gz") else p.read_bytes()
       for p in sorted(Path(sys.argv[2]).glob("*.html*"))]


def median_ms(fn, pages):
    out = []
    for d in pages:
        t = time.perf_counter()
        try:
            fn(d)
        except Exception:
            pass
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out)


import trafilatura  # noqa: E402
import newspaper  # noqa: E402
from htmldate import find_date  # noqa: E402


def np4k(d):
    a = newspaper.Article("http://example.com/", fetch_images=False, memorize_articles=False)
    a.download(input_html=d.decode("utf-8", "replace"))
    a.parse()


print(f"pages={len(aeb)}")
print(f"trafilatura bare_extraction  {median_ms(lambda d: trafilatura.bare_extraction(d.decode('utf-8', 'replace'), with_metadata=True), aeb):.1f} ms")
print(f"newspaper4k parse            {median_ms(np4k, aeb):.1f} ms")
print(f"htmldate fast                {median_ms(lambda d: find_date(d.decode('utf-8', 'replace'), extensive_search=False, original_date=True), aeb):.1f} ms")
print(f"htmldate extensive           {median_ms(lambda d: find_date(d.decode('utf-8', 'replace'), original_date=True), aeb):.1f} ms")
for mode, ext in (("fast", False), ("extensive", True)):
    rows = {}
    for c in cases:
        if "date" not in c["truth"]:
            continue
        try:
            got = find_date(page_bytes(c).decode("utf-8", "replace"), url=c.get("url"), extensive_search=ext, original_date=True)
        except Exception:
            got = None
        r = rows.setdefault(c["set"], [0, 0])
        r[1] += 1
        r[0] += day(got) == day(c["truth"]["date"]) and day(got) is not None
    print(f"htmldate {mode} date accuracy: " + " ".join(f"{s}={r[0] / r[1]:.3f}" for s, r in rows.items()))
