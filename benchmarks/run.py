"""newsld performance benchmark: one command, medians and ratios against anchors measured in
the same run (docs/performance.md).

    python benchmarks/run.py [--corpus DIR] [--anchors-python PY] [--quick] [--profile] [--json OUT]

--corpus defaults to $NEWSLD_CORPUS, else ../shared/corpus beside the checkout; --anchors-python
(a venv with trafilatura 2.3.1) to $NEWSLD_ANCHORS_PYTHON, else that anchor is skipped.

Rows (each: newsld, anchor, ratio, target, PASS/FAIL):
  html-vs-trafilatura  full HTML pipeline per page (read, extract, build, validate: what
                       `newsld extract --from html` does per page, in-process) vs trafilatura
                       bare_extraction(with_metadata=True) in the anchors venv
  html-vs-lxml         the same pipeline vs lxml.html.document_fromstring alone
  extruct-all-vs-3     extruct.extract with all six syntaxes vs the default three (anchor row)
  text-rate            seed-sized text articles per second (extract + build + validate)
  cold-text            `newsld extract seed.txt` as a subprocess vs `python -c pass`
  cold-html            `newsld extract --from html page.html` vs trafilatura's CLI on the page
  jobs2-vs-jobs1       CLI throughput on the HTML pages, --jobs 2 vs --jobs 1
  split-vs-jobs1       two --jobs 1 runs at once on halves of those pages vs one run: what two
                       processes of newsld give on this machine now, the ceiling for --jobs 2
  rss-10n-vs-n         peak RSS of `newsld extract --from ndjson` for 10N vs N records
  warm-text            newsld.extract per article in a long-running host (no validation)
  warm-html            newsld.extract per page in a long-running host (no validation)

Without the corpus (CI), pages and articles are generated here, so --quick runs in seconds.
Without the anchors venv, anchor cells read n/a. Times are medians; the machine is shared and
noisy, so compare ratios, not absolute times."""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import generate_pages, generate_text  # noqa: E402

AEB = "article-extraction-benchmark/html"
SEED = ROOT / "seeds" / "000_fbfac43950afd32e.txt"
WORKER = Path(__file__).resolve().parent / "anchors" / "trafilatura_worker.py"
ALL_SYNTAXES = ["json-ld", "microdata", "opengraph", "microformat", "rdfa", "dublincore"]
DEFAULT_SYNTAXES = ["json-ld", "microdata", "opengraph"]
clock = time.perf_counter

# metric -> (description, unit, ratio meaning, target operator, target value)
ROWS = {
    "html-vs-trafilatura": ("HTML pipeline vs trafilatura bare_extraction", "ms/page", "anchor/newsld", ">=", 6.0),
    "html-total-vs-trafilatura": ("same, summed over the pages (in-process totals)", "s", "anchor/newsld", ">=", 6.0),
    "html-run-vs-trafilatura": ("whole run `extract --from html --ndjson` pages x3 vs a trafilatura script, start-up included",
                                "s", "anchor/newsld", ">=", 6.0),
    "html-vs-lxml": ("HTML pipeline vs lxml parse alone", "ms/page", "newsld/anchor", "<=", 4.0),
    "extruct-all-vs-3": ("extruct default 3 syntaxes vs all 6", "ms/page", "anchor/newsld", None, None),
    "text-rate": ("text articles/s (seed-sized, validated)", "articles/s", "newsld", ">=", 1000.0),
    "cold-text": ("cold start `newsld extract seed.txt` vs `python -c pass`", "ms", "newsld/anchor", "<=", 8.0),
    "cold-html": ("cold start `--from html page.html` vs trafilatura CLI", "ms", "newsld/anchor", "<=", 2.5),
    "jobs2-vs-jobs1": ("CLI --jobs 2 vs --jobs 1 on HTML pages", "pages/s", "newsld/anchor", ">=", 1.7),
    "split-vs-jobs1": ("this machine now: two --jobs 1 runs on halves of the pages at once vs one run", "pages/s", "newsld/anchor", None, None),
    "cpu-2proc-ceiling": ("this machine now: pure-Python CPU loop, 2 processes vs 1", "x", "newsld", None, None),
    "rss-10n-vs-n": ("peak RSS, NDJSON 10N records vs N", "MB", "newsld/anchor", "<=", 1.10),
    "warm-text": ("warm newsld.extract, text (no validation)", "ms/article", None, None, None),
    "warm-html": ("warm newsld.extract, HTML (no validation)", "ms/page", None, None, None),
}


def median(xs):
    return statistics.median(xs) if xs else float("nan")


# ---- data ------------------------------------------------------------------------------

def load_pages(corpus: Path | None, quick: bool) -> tuple[list[tuple[str, bytes]], str]:
    """[(name, html bytes)] from the corpus when present, else generated pages."""
    d = corpus / AEB if corpus else None
    if d and d.is_dir():
        paths = sorted(d.glob("*.html.gz"))
        if paths:
            if quick:
                paths = paths[:12]
            return [(p.name, gzip.open(p).read()) for p in paths], f"{shown(d)} ({len(paths)} pages)"
    n = 12 if quick else 80
    return generate_pages(n), f"generated ({n} pages)"


def shown(path: Path) -> str:
    """``path`` relative to the checkout when it is beside it (no machine path in the output)."""
    try:
        return os.path.relpath(path.resolve(), ROOT) if path.resolve().is_relative_to(ROOT.parent) else str(path)
    except ValueError:  # another drive
        return str(path)


def load_text() -> tuple[bytes, str]:
    if SEED.exists():
        return SEED.read_bytes(), SEED.name
    return generate_text(0).encode(), "generated"


def newsld_cmd() -> list[str]:
    return [sys.executable, "-m", "newsld"]


def env() -> dict:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e.setdefault("PYTHONWARNINGS", "ignore")
    return e


# ---- in-process timings ----------------------------------------------------------------

def per_page(fn, pages, rounds: int) -> list[float]:
    """Seconds per page: the fastest of ``rounds`` calls (the least disturbed by the noisy
    machine), in page order."""
    best = [float("inf")] * len(pages)
    fn(pages[0][1])  # warm: imports, caches
    for _ in range(rounds):
        for i, (_name, data) in enumerate(pages):
            t0 = clock()
            fn(data)
            best[i] = min(best[i], clock() - t0)
    return best


def html_pipeline():
    from newsld.batch.records import Options, extract_record
    opts = Options(format="html")
    return lambda data: extract_record("page.html", data, opts)


def bench_html(pages, rounds, anchors_python, tmp) -> dict:
    import lxml.html
    run = html_pipeline()
    run(pages[0][1])  # warm: imports, schemas
    ours = per_page(run, pages, rounds)
    lx = per_page(lambda d: lxml.html.document_fromstring(d), pages, rounds)
    out = {"newsld": ours, "lxml": lx}
    try:
        import extruct
        ex3 = per_page(lambda d: extruct.extract(d, syntaxes=DEFAULT_SYNTAXES, errors="ignore"), pages, rounds)
        exall = per_page(lambda d: extruct.extract(d, syntaxes=ALL_SYNTAXES, errors="ignore"), pages, rounds)
        out.update(extruct3=ex3, extruct_all=exall)
    except ImportError:
        pass
    if anchors_python:
        files = []
        for i, (_name, data) in enumerate(pages):
            p = tmp / f"traf_{i:04d}.html"
            p.write_bytes(data)
            files.append(str(p))
        r = subprocess.run([anchors_python, str(WORKER), str(rounds), *files], capture_output=True, text=True)
        if r.returncode == 0:
            got = json.loads(r.stdout)
            out["trafilatura"] = [min(col) for col in zip(*got["times"])]
            out["trafilatura_version"] = got["version"]
        else:
            out["trafilatura_error"] = (r.stderr.strip().splitlines() or ["failed"])[-1]
    return out


_TRAF_SCRIPT = ("import sys, trafilatura\nfor f in sys.argv[1:]:\n"
                "    trafilatura.bare_extraction(open(f, encoding='utf-8', errors='replace').read(), with_metadata=True)\n")


def bench_html_run(pages, anchors_python, tmp, copies: int, reps: int) -> dict:
    """What a user waits for: one CLI run over every page ``copies`` times (start-up, reading,
    writing NDJSON included) against one trafilatura process over the same files, alternately;
    the same measure as ``../shared/tools/speed.py``'s html_batch."""
    d = tmp / "run"
    d.mkdir()
    files = []
    for i, (_name, data) in enumerate(pages):
        p = d / f"r{i:04d}.html"
        p.write_bytes(data)
        files.append(str(p))
    files = files * copies
    cmds = {"newsld": [*newsld_cmd(), "extract", "-q", "--from", "html", "--ndjson", *files]}
    if anchors_python:
        script = d / "traf.py"
        script.write_text(_TRAF_SCRIPT)
        cmds["trafilatura"] = [anchors_python, str(script), *files]
    return interleaved(cmds, reps)


def bench_text(text: bytes, n: int) -> dict:
    import newsld
    from newsld.batch.records import Options, extract_record
    opts = Options(format="text")
    for _ in range(5):
        extract_record("seed.txt", text, opts)
    full, warm = [], []
    for _ in range(n):
        t0 = clock()
        extract_record("seed.txt", text, opts)
        full.append(clock() - t0)
    for _ in range(n):
        t0 = clock()
        newsld.extract(text, format="text")
        warm.append(clock() - t0)
    return {"full": full, "warm": warm}


def bench_warm_html(pages, rounds) -> list[float]:
    import newsld
    newsld.extract(pages[0][1], format="html")
    return per_page(lambda d: newsld.extract(d, format="html"), pages, rounds)


# ---- subprocess timings ----------------------------------------------------------------

def timed(cmd, *, stdin=None, reps: int) -> list[float]:
    out = []
    for _ in range(reps):
        f = open(stdin, "rb") if stdin else subprocess.DEVNULL
        try:
            t0 = clock()
            subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env())
            out.append(clock() - t0)
        finally:
            if stdin:
                f.close()
    return out


def interleaved(cmds: dict, reps: int, stdin: dict | None = None) -> dict:
    """Time several commands alternately (so a noisy spell hits all of them)."""
    got = {k: [] for k in cmds}
    for _ in range(reps):
        for k, cmd in cmds.items():
            got[k] += timed(cmd, stdin=(stdin or {}).get(k), reps=1)
    return got


def max_rss_mb(cmd) -> float:
    """Peak RSS of ``cmd``, measured from a fresh intermediate process (RUSAGE_CHILDREN of
    this process would keep the maximum of every earlier child)."""
    probe = ("import resource,subprocess,sys;"
             "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    r = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env())
    kb = int(r.stdout.strip())
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


def bench_cold(text: bytes, page: bytes, anchors_python, tmp, reps) -> dict:
    seed = tmp / "seed.txt"
    seed.write_bytes(text)
    html = tmp / "page.html"
    html.write_bytes(page)
    cmds = {"text": [*newsld_cmd(), "extract", "-q", str(seed)],
            "pass": [sys.executable, "-c", "pass"],
            "html": [*newsld_cmd(), "extract", "-q", "--from", "html", str(html)]}
    stdin = {}
    traf = Path(anchors_python).parent / "trafilatura" if anchors_python else None
    if traf and traf.exists():
        cmds["trafilatura"] = [str(traf), "--with-metadata", "--json"]
        stdin["trafilatura"] = str(html)
    timed(cmds["text"], reps=1)  # page cache, .pyc files
    return interleaved(cmds, reps, stdin)


def _cpu_children() -> float:
    import resource
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


JOBS_PAGES = 543  # pages per --jobs run


def bench_jobs(pages, tmp, copies, reps) -> dict:
    """Wall-clock pages/s of the CLI with --jobs 1, with --jobs 2, and of two --jobs 1
    processes started together on alternate halves of the same pages ("split": no pool at all,
    so what two processes of newsld give on this machine now, the ceiling for any pool),
    alternately, and the CPU seconds each run used (its own and its pool workers'): on a shared
    machine the wall clock shows the other tenants too, the CPU time shows newsld's own
    overhead of running a pool."""
    d = tmp / "pages"
    d.mkdir()
    for i, (_name, data) in enumerate(pages):
        (d / f"p{i:04d}.html").write_bytes(data)
    files = [str(p) for p in sorted(d.iterdir())] * copies
    base = [*newsld_cmd(), "extract", "-q", "--from", "html"]
    n = len(files)
    got: dict = {"pages": n, "j1": [], "j2": [], "split": [], "cpu_j1": [], "cpu_j2": [], "cpu_split": []}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env()}
    for _ in range(reps):
        for j in ("1", "2", "split"):
            c0, t0 = _cpu_children(), clock()
            if j == "split":
                procs = [subprocess.Popen([*base, "--jobs", "1", *files[k::2]], **quiet) for k in (0, 1)]
                for p in procs:
                    p.wait()
            else:
                subprocess.run([*base, "--jobs", j, *files], **quiet)
            wall, cpu = clock() - t0, _cpu_children() - c0
            key = j if j == "split" else "j" + j
            got[key].append(n / wall)
            got["cpu_" + key].append(cpu / n)
    return got


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


def bench_ceiling(reps: int, n: int = 2_000_000) -> list[float]:
    """What 2 processes gain over 1 on this machine right now, for pure-Python CPU work with
    no I/O or pickling: the ceiling for jobs2-vs-jobs1 (a shared or throttled 2-core VM may
    give far less than 2)."""
    import multiprocessing as mp
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    out = []
    with ctx.Pool(2) as pool:
        pool.map(_burn, [1000, 1000])
        for _ in range(reps):
            t0 = clock()
            _burn(n)
            _burn(n)
            one = clock() - t0
            t0 = clock()
            pool.map(_burn, [n, n], chunksize=1)
            out.append(one / (clock() - t0))
    return out


def bench_rss(pages, tmp, n) -> dict:
    """N records (every page once, so the largest page is in both runs) vs 10N records."""
    def write(path, count):
        with open(path, "w") as f:
            for i in range(count):
                name, data = pages[i % len(pages)]
                f.write(json.dumps({"source": f"{i}:{name}", "html": data.decode("utf-8", "replace")}) + "\n")
        return path
    small, big = write(tmp / "n.ndjson", n), write(tmp / "10n.ndjson", 10 * n)
    # --max-bytes just above the big file: newsld refuses larger inputs (and a huge limit
    # would be allocated up front by read_input's f.read(max_bytes + 1))
    base = [*newsld_cmd(), "extract", "-q", "--from", "ndjson", "--max-bytes", str(big.stat().st_size + 1)]
    return {"n": n, "small": max_rss_mb([*base, str(small)]), "big": max_rss_mb([*base, str(big)]),
            "bytes_small": small.stat().st_size, "bytes_big": big.stat().st_size}


# ---- profile ---------------------------------------------------------------------------

STAGES = [("newsld.readers.html", "parse", "parse (decode + lxml)"), ("newsld.readers.visible", "scan", "html_scan.scan"),
          ("newsld.readers.visible", "main_block", "html_body.main_block"),
          ("newsld.readers.html", "declared_nodes", "declared_nodes (extruct)"),
          ("newsld.readers.html_faq", "find", "html_faq.find"), ("newsld.readers.html_body", "paragraphs", "html_body.paragraphs"),
          ("newsld.readers.html_dates", "published", "html_dates.published"),
          ("newsld.readers.html_dates", "modified", "html_dates.modified"),
          ("newsld.readers.html_meta", "headline", "html_meta.headline"), ("newsld.readers.html_authors", "authors", "html_authors.authors"),
          ("newsld.article.builder", "build", "builder.build"), ("newsld.validator", "validate", "validator.validate")]


def stages(pages, rounds: int = 3) -> list[tuple[str, float, float]]:
    """Wall time per page of each stage of the HTML pipeline (wrapped with a timer; no profiler
    overhead), as (stage, ms/page, share of the whole)."""
    import functools
    import importlib
    acc: dict = {}
    undo = []
    for modname, attr, label in STAGES:
        try:
            mod = importlib.import_module(modname)
            f = getattr(mod, attr)
        except (ImportError, AttributeError):  # the reader changed shape: skip that stage
            continue

        def timed_stage(*a, _f=f, _label=label, **k):
            t0 = clock()
            try:
                return _f(*a, **k)
            finally:
                acc[_label] = acc.get(_label, 0.0) + clock() - t0
        setattr(mod, attr, functools.wraps(f)(timed_stage))
        undo.append((mod, attr, f))
    try:
        run = html_pipeline()
        run(pages[0][1])
        acc.clear()
        t0 = clock()
        for _ in range(rounds):
            for _name, data in pages:
                run(data)
        total = clock() - t0
    finally:
        for mod, attr, f in undo:
            setattr(mod, attr, f)
    n = rounds * len(pages)
    out = [("TOTAL (extract_record)", total / n * 1e3, 1.0)]
    out += sorted(((k, v / n * 1e3, v / total) for k, v in acc.items()), key=lambda x: -x[1])
    return out


def profile(pages, top: int = 25):
    import cProfile
    import pstats
    print(f"\n## HTML pipeline stages over {len(pages)} pages (mean ms/page, share)")
    for label, ms_, share in stages(pages):
        print(f"  {label:28s} {ms_:6.2f}  {share * 100:5.1f}%")
    run = html_pipeline()
    run(pages[0][1])
    pr = cProfile.Profile()
    pr.enable()
    for _name, data in pages:
        run(data)
    pr.disable()
    st = pstats.Stats(pr, stream=sys.stdout)
    print(f"\n## cProfile: HTML pipeline over {len(pages)} pages (sorted by own time)")
    st.sort_stats("tottime").print_stats(top)
    print("## by cumulative time")
    st.sort_stats("cumulative").print_stats(top)


# ---- report ----------------------------------------------------------------------------

def row(name, ours, anchor, ratio, *, anchor_name=""):
    desc, unit, _how, op, target = ROWS[name]
    if ratio is None or ratio != ratio:
        status = "n/a"
    elif op is None:
        status = "info"
    else:
        status = "PASS" if (ratio >= target if op == ">=" else ratio <= target) else "FAIL"
    return {"metric": name, "description": desc, "unit": unit, "newsld": ours, "anchor": anchor,
            "anchor_name": anchor_name, "ratio": ratio, "target": f"{op} {target:g}" if op else "-",
            "status": status}


def rows_by(rows) -> dict:
    return {r["metric"]: r for r in rows}


def fmt(x, digits=2):
    if x is None or x != x:
        return "n/a"
    return f"{x:.{digits}f}" if abs(x) < 1000 else f"{x:.0f}"


def print_table(rows, out=sys.stdout):
    head = ("metric", "unit", "newsld", "anchor", "ratio", "target", "result")
    cells = [(r["metric"], r["unit"], fmt(r["newsld"]),
              (fmt(r["anchor"]) + (f" ({r['anchor_name']})" if r["anchor_name"] else "")) if r["anchor"] is not None else "-",
              fmt(r["ratio"]), r["target"], r["status"]) for r in rows]
    widths = [max(len(str(c[i])) for c in [head, *cells]) for i in range(len(head))]
    for c in [head, tuple("-" * w for w in widths), *cells]:
        print("  ".join(str(v).ljust(w) for v, w in zip(c, widths)).rstrip(), file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("NEWSLD_CORPUS") or str(ROOT.parent / "shared" / "corpus"),
                    help="directory holding article-extraction-benchmark/ (default $NEWSLD_CORPUS, "
                         "else ../shared/corpus beside the checkout)")
    ap.add_argument("--quick", action="store_true", help="few pages and repetitions (CI smoke)")
    ap.add_argument("--anchors-python", default=os.environ.get("NEWSLD_ANCHORS_PYTHON", ""),
                    help="python of the venv with trafilatura (default $NEWSLD_ANCHORS_PYTHON; '' skips that anchor)")
    ap.add_argument("--rounds", type=int, help="in-process rounds per page (default 3, quick 1)")
    ap.add_argument("--reps", type=int, help="subprocess repetitions (default 9, quick 2)")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of the HTML pipeline")
    ap.add_argument("--json", help="write the rows and raw numbers here")
    a = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    rounds = a.rounds or (1 if a.quick else 3)
    reps = a.reps or (2 if a.quick else 9)
    anchors = a.anchors_python if a.anchors_python and Path(a.anchors_python).exists() else None
    corpus = Path(a.corpus) if a.corpus else None

    pages, pages_from = load_pages(corpus, a.quick)
    text, text_from = load_text()
    sizes = sorted(len(d) for _n, d in pages)
    print(f"# newsld benchmark  python {platform.python_version()}  {platform.machine()}  "
          f"cores={os.cpu_count()}  {platform.platform()}")
    print(f"# pages: {pages_from}, median {sizes[len(sizes) // 2] / 1024:.0f} KiB; text: {text_from} "
          f"({len(text)} bytes); anchors: {anchors or 'none'}; rounds={rounds} reps={reps}")
    sys.stdout.flush()
    raw: dict = {"pages_from": pages_from, "text_from": text_from, "machine": platform.platform(),
                 "cores": os.cpu_count(), "python": platform.python_version()}
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="newsld-bench-"))
    try:
        h = bench_html(pages, rounds, anchors, tmp)
        ms = lambda xs: median(xs) * 1e3  # noqa: E731
        ours = ms(h["newsld"])
        traf = ms(h["trafilatura"]) if "trafilatura" in h else None
        rows.append(row("html-vs-trafilatura", ours, traf, traf / ours if traf else None,
                        anchor_name=f"trafilatura {h.get('trafilatura_version', '')}".strip()))
        tot = sum(h["newsld"])
        ttot = sum(h["trafilatura"]) if "trafilatura" in h else None
        rows.append(row("html-total-vs-trafilatura", tot, ttot, ttot / tot if ttot else None,
                        anchor_name="trafilatura"))
        hr = bench_html_run(pages, anchors, tmp, 1 if a.quick else 3, 1 if a.quick else 3)
        tr_run = median(hr["trafilatura"]) if "trafilatura" in hr else None
        rows.append(row("html-run-vs-trafilatura", median(hr["newsld"]), tr_run,
                        tr_run / median(hr["newsld"]) if tr_run else None, anchor_name="trafilatura"))
        raw["html_run"] = hr
        rows.append(row("html-vs-lxml", ours, ms(h["lxml"]), ours / ms(h["lxml"]), anchor_name="lxml"))
        if "extruct3" in h:
            e3, eall = ms(h["extruct3"]), ms(h["extruct_all"])
            rows.append(row("extruct-all-vs-3", e3, eall, eall / e3, anchor_name="all 6"))
        else:
            rows.append(row("extruct-all-vs-3", None, None, None))
        raw["html"] = h

        n_text = 200 if a.quick else 2000
        t = bench_text(text, n_text)
        rate = 1 / median(t["full"])
        rows.append(row("text-rate", rate, None, rate))
        raw["text"] = t

        c = bench_cold(text, pages[len(pages) // 2][1], anchors, tmp, reps)
        rows.append(row("cold-text", ms(c["text"]), ms(c["pass"]), median(c["text"]) / median(c["pass"]),
                        anchor_name="python -c pass"))
        tr = ms(c["trafilatura"]) if "trafilatura" in c else None
        rows.append(row("cold-html", ms(c["html"]), tr, ms(c["html"]) / tr if tr else None,
                        anchor_name="trafilatura CLI"))
        raw["cold"] = c

        # the 543 pages (181 pages x 3 then): the pages repeated to at least that many
        copies = 1 if a.quick else -(-JOBS_PAGES // len(pages))
        j = bench_jobs(pages, tmp, copies, 1 if a.quick else max(1, reps // 2))
        rows.append(row("jobs2-vs-jobs1", median(j["j2"]), median(j["j1"]), median(j["j2"]) / median(j["j1"]),
                        anchor_name="--jobs 1"))
        rows.append(row("split-vs-jobs1", median(j["split"]), median(j["j1"]), median(j["split"]) / median(j["j1"]),
                        anchor_name="--jobs 1"))
        raw["jobs"] = j
        ceiling = bench_ceiling(reps=2 if a.quick else 5)
        rows.append(row("cpu-2proc-ceiling", median(ceiling), None, median(ceiling)))
        raw["ceiling"] = ceiling

        m = bench_rss(pages, tmp, len(pages))
        rows.append(row("rss-10n-vs-n", m["big"], m["small"], m["big"] / m["small"],
                        anchor_name=f"N={m['n']}"))
        raw["rss"] = m

        rows.append(row("warm-text", ms(t["warm"]), None, None))
        wh = bench_warm_html(pages, rounds)
        rows.append(row("warm-html", ms(wh), None, None))
        raw["warm_html"] = wh
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print_table(rows)
    if "trafilatura_error" in raw.get("html", {}):
        print(f"# trafilatura anchor failed: {raw['html']['trafilatura_error']}")
    print(f"# jobs: {raw['jobs']['pages']} pages per run; CPU ms/page (newsld + pool workers): "
          f"--jobs 1 {median(raw['jobs']['cpu_j1']) * 1e3:.2f}, --jobs 2 {median(raw['jobs']['cpu_j2']) * 1e3:.2f}, "
          f"split {median(raw['jobs']['cpu_split']) * 1e3:.2f}; jobs2-vs-jobs1 / ceiling = "
          f"{rows_by(rows)['jobs2-vs-jobs1']['ratio'] / rows_by(rows)['cpu-2proc-ceiling']['ratio']:.2f}, "
          f"/ split = {rows_by(rows)['jobs2-vs-jobs1']['ratio'] / rows_by(rows)['split-vs-jobs1']['ratio']:.2f}")
    cold = raw["cold"]
    print(f"# cold-text minima (speed.py's measure): {min(cold['text']) * 1e3:.1f} ms vs python -c pass "
          f"{min(cold['pass']) * 1e3:.1f} ms = {min(cold['text']) / min(cold['pass']):.2f}x")
    print(f"# rss: N={raw['rss']['n']} records "
          f"({raw['rss']['bytes_small'] / 2**20:.1f} MiB) vs 10N ({raw['rss']['bytes_big'] / 2**20:.1f} MiB)")
    if a.profile:
        profile(pages)
    if a.json:
        Path(a.json).write_text(json.dumps({"rows": rows, "raw": raw}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
