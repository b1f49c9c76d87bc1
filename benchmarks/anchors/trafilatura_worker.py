"""Anchor worker, run by benchmarks/run.py in the anchors venv (the one with trafilatura):
times ``trafilatura.bare_extraction(html, with_metadata=True)`` per page, in its own process,
and prints one JSON object on stdout.

usage: $NEWSLD_ANCHORS_PYTHON trafilatura_worker.py ROUNDS PAGE...   (PAGE: .html or .html.gz)

Output: {"version": "...", "times": [[seconds per page, in PAGE order] per round]}. Pages are
read (and gunzipped) before timing; one untimed warm-up call on the first page loads the lazy
parts of trafilatura, as the in-process newsld timing does."""
import gzip
import json
import sys
import time
import warnings


def main(argv):
    rounds, paths = int(argv[0]), argv[1:]
    warnings.simplefilter("ignore")
    import logging
    logging.disable(logging.CRITICAL)
    import trafilatura
    pages = [(gzip.open(p).read() if p.endswith(".gz") else open(p, "rb").read()) for p in paths]
    if pages:
        trafilatura.bare_extraction(pages[0], with_metadata=True)
    clock = time.perf_counter
    times = []
    for _ in range(rounds):
        row = []
        for html in pages:
            t0 = clock()
            try:
                trafilatura.bare_extraction(html, with_metadata=True)
            except Exception:  # an anchor failure is still a measured call
                pass
            row.append(clock() - t0)
        times.append(row)
    json.dump({"version": trafilatura.__version__, "times": times}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
