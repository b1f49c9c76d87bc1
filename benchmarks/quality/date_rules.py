"""Dev experiment: which html_dates rule gave each page's published date, and per rule how often
newsld and htmldate's extensive search (original_date True / False) are right, per set. WITHOUT
the case url (as the CLI eval). Writes /tmp/date_rules.json (one row per page) for variants.

usage: python benchmarks/quality/date_rules.py CASES.json [--tools DIR]
"""
import argparse
import json
import sys
import time
import warnings
import logging
from collections import defaultdict
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
from htmldate import find_date  # noqa: E402
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

from rule_probe import rule  # noqa: E402  (records which rule gave each date)

cases = [c for c in json.load(open(a.cases)) if "date" in c["truth"]]
rows = []
for c in cases:
    data = page_bytes(c)
    rule.clear()
    try:
        doc = newsld.extract(data, format="html")
        nd = next((n.get("datePublished") for n in doc.get("@graph", [doc]) if "datePublished" in n), None)
    except newsld.NewsldError:
        nd = None
    page = data.decode("utf-8", "replace")
    out = {}
    for mode, orig in (("orig", True), ("pub", False)):
        t = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out[mode] = find_date(page, extensive_search=True, original_date=orig)
        except Exception:
            out[mode] = None
        out[mode + "_ms"] = (time.perf_counter() - t) * 1000
    rows.append(dict(set=c["set"], id=c["id"], truth=day(c["truth"]["date"]), newsld=nd, rule=rule.get("r", ""), **out))
json.dump(rows, open("/tmp/date_rules.json", "w"), indent=1)
agg = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
for r in rows:
    g = agg[(r["rule"], r["set"])]
    ok = day(r["newsld"]) == r["truth"]
    hits = (True, ok, day(r["orig"]) == r["truth"], day(r["pub"]) == r["truth"],
            day(r["orig"]) == day(r["newsld"]), (not ok) and day(r["orig"]) == r["truth"])
    for i, hit in enumerate(hits):
        g[i] += hit
print("| rule | set | pages | newsld right | htmldate orig right | htmldate pub right | agree | htmldate right where newsld wrong |")
print("|---|---|---|---|---|---|---|---|")
for (ru, s), g in sorted(agg.items()):
    print(f"| {ru or 'none'} | {s} | " + " | ".join(map(str, g)) + " |")
