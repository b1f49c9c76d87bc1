"""Experiment: newsld's own HTML date rules vs htmldate, and hybrids of the two, scored per set
like the yardstick's metadata_eval.py (date = same day), WITHOUT the case url (as the CLI eval).

usage: python benchmarks/quality/htmldate_hybrid.py CASES.json [--tools DIR]
Needs htmldate importable (pip install htmldate). Times are per page, in-process, warm:
newsld = the full newsld.extract pipeline; htmldate = find_date alone on the page string.
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
a = ap.parse_args()
sys.path.insert(0, a.tools)
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from metadata_eval import day, page_bytes  # noqa: E402

import newsld  # noqa: E402
from rule_probe import rule  # noqa: E402  (records which rule gave each date)

t0 = time.perf_counter()
from htmldate import find_date  # noqa: E402
import_ms = (time.perf_counter() - t0) * 1000

cases = [c for c in json.load(open(a.cases)) if "date" in c["truth"]]
rows = []
newsld.extract(b"<h1>warm up</h1><p>x</p>", format="html")
for c in cases:
    data = page_bytes(c)
    rule.clear()
    t = time.perf_counter()
    try:
        doc = newsld.extract(data, format="html")
        nd = next((n.get("datePublished") for n in doc.get("@graph", [doc]) if "datePublished" in n), None)
    except newsld.NewsldError:
        nd = None
    tn = (time.perf_counter() - t) * 1000
    page = data.decode("utf-8", "replace")
    out = {}
    for mode, ext in (("fast", False), ("ext", True)):
        t = time.perf_counter()
        try:
            out[mode] = find_date(page, extensive_search=ext, original_date=True)
        except Exception:
            out[mode] = None
        out[mode + "_ms"] = (time.perf_counter() - t) * 1000
    rows.append(dict(set=c["set"], id=c["id"], truth=day(c["truth"]["date"]), newsld=nd, rule=rule.get("r", ""),
                     n_ms=tn, **out))

NONE_OR_LOOSE = {"", "loose", "loose-h1", "htmldate"}
WEAK = {"", "loose", "loose-h1", "htmldate", "text"}  # no date, or one from loose text
variants = {
    "newsld": lambda r: (r["newsld"], r["n_ms"]),
    "htmldate fast": lambda r: (r["fast"], r["fast_ms"]),
    "htmldate extensive": lambda r: (r["ext"], r["ext_ms"]),
    "newsld, else htmldate ext (none found)": lambda r: (r["newsld"] or r["ext"], r["n_ms"] + (r["ext_ms"] if not r["newsld"] else 0)),
    "newsld, else htmldate ext (none/loose)": lambda r: ((r["ext"] or r["newsld"]) if r["rule"] in NONE_OR_LOOSE else r["newsld"],
                                                         r["n_ms"] + (r["ext_ms"] if r["rule"] in NONE_OR_LOOSE else 0)),
    "newsld, else htmldate ext (none/loose/text)": lambda r: ((r["ext"] or r["newsld"]) if r["rule"] in WEAK else r["newsld"],
                                                              r["n_ms"] + (r["ext_ms"] if r["rule"] in WEAK else 0)),
    "newsld, else htmldate fast (none/loose/text)": lambda r: ((r["fast"] or r["newsld"]) if r["rule"] in WEAK else r["newsld"],
                                                               r["n_ms"] + (r["fast_ms"] if r["rule"] in WEAK else 0)),
    "htmldate ext, else newsld": lambda r: (r["ext"] or r["newsld"], r["n_ms"] + r["ext_ms"]),
}
sets = sorted({r["set"] for r in rows})
print(f"htmldate import: {import_ms:.0f} ms")
print("| variant | " + " | ".join(sets) + " | all | median ms/page | mean ms/page |")
print("|---|" + "---|" * (len(sets) + 3))
for name, f in variants.items():
    acc, ms = {}, []
    for r in rows:
        d, t = f(r)
        acc.setdefault(r["set"], []).append(day(d) == r["truth"])
        ms.append(t)
    allv = [x for v in acc.values() for x in v]
    print(f"| {name} | " + " | ".join(f"{sum(acc[s]) / len(acc[s]):.3f}" for s in sets)
          + f" | {sum(allv) / len(allv):.3f} | {statistics.median(ms):.1f} | {statistics.mean(ms):.1f} |")
json.dump(rows, open("/tmp/hybrid_rows.json", "w"), indent=1)
