"""Where does `newsld validate` say `date-format`, against validate_eval.py's own rule, over
every HTML page of a corpus (not only the benchmark set the eval runs on)?

usage: date_scan.py CORPUS [--tools DIR]    (DIR defaults to CORPUS/../tools)
Prints each page where the two disagree, then the counts. Dev script: needs the corpus.
"""
import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("corpus", type=Path)
ap.add_argument("--tools", type=Path)
args = ap.parse_args()
sys.path.insert(0, str(args.tools or args.corpus.resolve().parent / "tools"))
from validate_eval import expectations  # noqa: E402

files = sorted(p for p in args.corpus.rglob("*") if p.is_file() and p.name.endswith((".html", ".htm", ".html.gz")))
with tempfile.TemporaryDirectory() as td:
    exp = {}
    for i, p in enumerate(files):
        data = p.read_bytes()
        data = gzip.decompress(data) if p.name.endswith(".gz") else data
        q = Path(td) / f"{i:04d}.html"
        q.write_bytes(data)
        exp[str(q)] = (expectations(data), p)
    out = subprocess.run([sys.executable, "-m", "newsld", "validate", "--format", "json", *exp],
                         capture_output=True, text=True).stdout
got = {r["source"]: r for r in map(json.loads, out.splitlines())}
n = {"agree": 0, "extra": 0, "missed": 0}
for src, (want, orig) in exp.items():
    found = [i for i in got[src]["issues"] if i["code"] == "date-format"]
    if found and "date-format" not in want:
        n["extra"] += 1
        print("newsld only:", orig, *[f"\n    {i['severity']} {i['path']}: {i['message'][:100]}" for i in found])
    elif "date-format" in want:
        n["agree" if found else "missed"] += 1
        if not found:
            print("missed:", orig)
print(len(files), "pages", json.dumps(n))
