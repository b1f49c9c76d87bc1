"""Write what newsld says about every file of a corpus, to compare two revisions byte for byte.

usage: python tools/snapshot.py CORPUS OUTDIR [--newsld "python -m newsld"]

OUTDIR gets one NDJSON file per run (extract of HTML pages and of text articles, validate of
pages and JSON-LD under both profiles), with stderr beside each. A change meant to keep
behaviour (a move, a split) leaves `diff -r BEFORE AFTER` empty.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path

RUNS = {
    "extract_html": (["extract", "--from", "html", "--ndjson"], (".html", ".htm", ".html.gz")),
    "extract_text": (["extract", "--ndjson"], (".txt", ".md")),
    "validate_schemaorg": (["validate", "--format", "json"],
                           (".html", ".htm", ".html.gz", ".json", ".jsonld")),
    "validate_google": (["validate", "--format", "json", "--profile", "google"],
                        (".html", ".htm", ".html.gz", ".json", ".jsonld")),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--newsld", default=f"{shlex.quote(sys.executable)} -m newsld")
    args = ap.parse_args()
    files = sorted(str(p) for p in args.corpus.rglob("*") if p.is_file())
    args.outdir.mkdir(parents=True, exist_ok=True)
    for name, (argv, exts) in RUNS.items():
        chosen = [f for f in files if f.lower().endswith(exts)]
        cmd = [*shlex.split(args.newsld), *argv, *chosen]
        with open(args.outdir / f"{name}.ndjson", "wb") as out, \
                open(args.outdir / f"{name}.stderr", "wb") as err:
            rc = subprocess.run(cmd, stdout=out, stderr=err, env={**os.environ, "COLUMNS": "100"}).returncode
        (args.outdir / f"{name}.rc").write_text(f"{rc}\n")
        print(f"{name}: {len(chosen)} files, exit {rc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
