"""Time per page of newsld's HTML pipeline on the benchmark pages (median ms).

usage: python benchmarks/quality/speed.py CORPUS/article-extraction-benchmark/html [--strip-ld]
Stages: lxml parse only; newsld read (parse + scan + extruct + rules); extract (+ build);
extract + validate.
"""
import gzip
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import lxml.html  # noqa: E402

import newsld  # noqa: E402
from newsld.readers.html import read  # noqa: E402

LD = re.compile(rb'<script[^>]*type\s*=\s*["\']?application/ld\+json["\']?[^>]*>(.*?)</script\s*>', re.I | re.S)
folder = Path(sys.argv[1])
pages = []
for p in sorted(folder.glob("*.html*")):
    data = p.read_bytes()
    data = gzip.decompress(data) if p.name.endswith(".gz") else data
    pages.append(LD.sub(b"", data) if "--strip-ld" in sys.argv else data)


def median_ms(fn, repeat=3):
    """Median over the pages; the best of ``repeat`` runs (the machine is shared: noise is high)."""
    best = []
    for _ in range(repeat):
        out = []
        for d in pages:
            t = time.perf_counter()
            try:
                fn(d)
            except newsld.NewsldError:
                pass
            out.append((time.perf_counter() - t) * 1000)
        best.append(statistics.median(out))
    return min(best)


read(pages[0], source="warm")
newsld.validate(newsld.extract(pages[0], format="html"))
print(f"pages={len(pages)}")
print(f"lxml parse        {median_ms(lambda d: lxml.html.document_fromstring(d)):.1f} ms")
print(f"newsld read       {median_ms(lambda d: read(d, source='x')):.1f} ms")
print(f"extract (+build)  {median_ms(lambda d: newsld.extract(d, format='html')):.1f} ms")
print(f"extract+validate  {median_ms(lambda d: newsld.validate(newsld.extract(d, format='html'))):.1f} ms")
