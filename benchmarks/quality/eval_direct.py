"""Dev yardstick without the CLI: score newsld.extract (called in-process) with the scoring of
the yardstick's metadata_eval.py, and time read+extract+build per page.

usage: python benchmarks/quality/eval_direct.py CASES.json [--tools DIR] [--dump FILE] [--validate]
"""
import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from paths import TOOLS

ap = argparse.ArgumentParser()
ap.add_argument("cases")
ap.add_argument("--tools", default=TOOLS, help="the yardstick scripts (default $NEWSLD_TOOLS, else ../shared/tools)")
ap.add_argument("--dump")
ap.add_argument("--sets", default="aeb,traf,hdate")
ap.add_argument("--validate", action="store_true", help="also time newsld.validate on each result")
a = ap.parse_args()
sys.path.insert(0, a.tools)
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from metadata_eval import from_jsonld, page_bytes, score  # noqa: E402

import newsld  # noqa: E402

cases = [c for c in json.load(open(a.cases)) if c["set"] in a.sets.split(",")]
preds, times, errors = {}, [], {}
pages = [(c, page_bytes(c)) for c in cases]
newsld.extract(b"<h1>warm up</h1><p>x</p>", format="html")
for c, data in pages:
    t0 = time.perf_counter()
    try:
        doc = newsld.extract(data, format="html", url=c.get("url"))
        if a.validate:
            newsld.validate(doc)
    except newsld.NewsldError as e:
        doc, errors[c["id"]] = {}, str(e)
    times.append((time.perf_counter() - t0) * 1000)
    preds[c["id"]] = from_jsonld(doc)
rows = score(cases, preds)


def f(x):
    return round(x[0] / x[1], 3) if x[1] else None


for s, r in rows.items():
    print(f"{s:6} n={r['n']:4} headline={f(r['h'])} date={f(r['d'])} author={f(r['a'])}")
print(f"ms/page median={statistics.median(times):.1f} mean={statistics.mean(times):.1f} errors={len(errors)}")
if a.dump:
    json.dump({"preds": preds, "cases": cases, "errors": errors}, open(a.dump, "w"), ensure_ascii=False, indent=1)
