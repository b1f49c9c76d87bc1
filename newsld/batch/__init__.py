"""Many inputs, streamed: the work items of a run (files, directories, NDJSON records, WARC
response records), a pool that keeps input order with a bounded number of items in flight, and
a per-item time budget. Nothing reads all inputs first, so memory stays flat however many there
are."""
from __future__ import annotations

import contextlib
import fnmatch
import os
import re
import signal
import sys
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from newsld.io import jsontext
from newsld.errors import InputError, NewsldError
from newsld.readers.formats import EXTENSION_FORMATS

MAX_BYTES = 20 * 2**20  # default input size limit (--max-bytes)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(s) -> bool:
    """True for text of the form ``scheme://...`` (``fetch`` accepts only http and https and
    says so for the rest); False for paths, ``-`` and Windows drive letters. Here rather than
    in fetch, so telling a URL from a path does not import the HTTP stack."""
    return isinstance(s, str) and bool(_URL.match(s))


CONTAINERS = ("ndjson", "warc")  # --from values batch reads itself: many inputs in one file
# what -r reads below a directory, without --glob (from the readers' registry): extract reads
# articles, validate markup; a ".gz" page is decompressed (read_input), a WARC file read record
# by record (warc_items)
WARC_EXTENSIONS = (".warc", ".warc.gz")
EXTRACT_EXTENSIONS = tuple(e for e, f in EXTENSION_FORMATS.items() if e != ".jsonld") + tuple(
    e + ".gz" for e, f in EXTENSION_FORMATS.items() if f == "html") + WARC_EXTENSIONS
VALIDATE_EXTENSIONS = tuple(e for e, f in EXTENSION_FORMATS.items() if f in ("html", "json")) + tuple(
    e + ".gz" for e, f in EXTENSION_FORMATS.items() if f in ("html", "json")) + WARC_EXTENSIONS
EXTENSIONS = tuple(dict.fromkeys(EXTRACT_EXTENSIONS + VALIDATE_EXTENSIONS))


@dataclass
class Item:
    """One unit of work: its source name as the user should see it, and its payload (bytes of
    a file, an NDJSON record, or an error found while reading it)."""

    source: str
    data: bytes | dict | None = None
    error: str | None = None
    url: str | None = None
    format: str | None = None  # overrides the run's --from for this item (WARC: html)
    path: str | None = None    # a file read by whoever processes the item (a pool worker)
    max_bytes: int = 0

    def payload(self) -> bytes | dict:
        """The item's data, reading its file now if it has one (raises NewsldError)."""
        if self.data is None and self.path is not None:
            return read_input(self.path, self.max_bytes)
        return self.data


def read_input(name: str, max_bytes: int) -> bytes:
    """The bytes of a path or of stdin (``-``), at most ``max_bytes``."""
    from newsld.errors import LimitError
    if is_url(name):
        from newsld.io.fetch import as_utf8, fetch  # http.client, ssl, certifi: only when a URL is given
        body, charset = fetch(name, max_bytes=max_bytes)
        return as_utf8(body, charset)  # the HTTP charset wins over <meta charset>
    try:
        if name == "-":
            data = _read_bounded(sys.stdin.buffer, max_bytes)
        else:
            if os.path.isdir(name):
                raise InputError(f"{name}: is a directory; give a file (extract and validate read "
                                 "the files below a directory with -r)")
            with open(name, "rb") as f:
                data = _read_bounded(f, max_bytes)
    except OSError as e:
        raise InputError(f"cannot read {name}: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise LimitError(f"{name}: larger than {max_bytes} bytes; raise the limit with --max-bytes")
    if name.lower().endswith(".gz") and data[:2] == b"\x1f\x8b":
        data = gunzip(name, data, max_bytes)
    return data


def gunzip(name: str, data: bytes, max_bytes: int) -> bytes:
    """A gzip file's content, at most ``max_bytes`` of it (a small file can hold gigabytes)."""
    import gzip
    import io
    import zlib

    from newsld.errors import LimitError
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = _read_bounded(f, max_bytes)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(f"{name}: not a readable gzip file ({e})") from None
    if len(out) > max_bytes:
        raise LimitError(f"{name}: larger than {max_bytes} bytes uncompressed; raise the limit with --max-bytes")
    return out


def _read_bounded(f, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes, in chunks: a huge limit allocates nothing up front."""
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = f.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def walk(path: str, pattern: str | None, extensions: tuple = EXTENSIONS) -> Iterator[str]:
    """Files below ``path`` in a stable (sorted) order, lazily, matching ``pattern`` or, without
    one, ``extensions``."""
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if (fnmatch.fnmatch(name, pattern) if pattern else name.lower().endswith(extensions)):
                yield os.path.join(root, name)


def items(inputs: Iterable[str], *, from_: str = "auto", recursive: bool = False,
          glob: str | None = None, max_bytes: int = MAX_BYTES,
          extensions: tuple = EXTENSIONS) -> Iterator[Item]:
    for name in inputs:
        if name != "-" and os.path.isdir(name):
            if not recursive:
                yield Item(name, error=f"{name}: is a directory (use -r to read the files below it)")
                continue
            for path in walk(name, glob, extensions):
                yield from _items_of(path, from_, max_bytes)
            continue
        yield from _items_of(name, from_, max_bytes)


def _items_of(name: str, from_: str, max_bytes: int) -> Iterator[Item]:
    if from_ == "auto" and name.lower().endswith(WARC_EXTENSIONS) and not is_url(name):
        from_ = "warc"  # a WARC file by its name
    if from_ == "warc":
        yield from warc_items(name, max_bytes)
        return
    if from_ == "ndjson" and not is_url(name):
        yield from ndjson_stream(name, max_bytes)
        return
    if from_ != "ndjson" and name != "-":  # read (or fetched) where it is processed, in its budget
        yield Item(name, path=name, max_bytes=max_bytes, url=name if is_url(name) else None)
        return
    try:
        data = read_input(name, max_bytes)
    except NewsldError as e:
        yield Item(name, error=str(e))
        return
    if from_ == "ndjson":
        yield from ndjson_items(name, data)
    else:
        yield Item(name, data, url=name if is_url(name) else None)


def ndjson_items(name: str, data: bytes) -> Iterator[Item]:
    """One item per non-blank line: ``{"source"?, "html" | "text" | "markdown", ...metadata}``."""
    for n, raw in enumerate(data.splitlines(), 1):
        yield from _ndjson_line(name, n, raw)


def _open_stream(name: str):
    """(a binary stream for a path or ``-``, None) or (None, the error Item). The caller
    closes a stream that is not stdin."""
    if name != "-" and os.path.isdir(name):
        return None, Item(name, error=f"{name}: is a directory (use -r to read the files below it)")
    try:
        return (sys.stdin.buffer if name == "-" else open(name, "rb")), None
    except OSError as e:
        return None, Item(name, error=f"cannot read {name}: {e.strerror or e}")


def ndjson_stream(name: str, max_bytes: int) -> Iterator[Item]:
    """The records of an NDJSON file (or stdin), read one line at a time, so memory stays flat
    however many records there are; ``max_bytes`` limits each line (record)."""
    f, error = _open_stream(name)
    if error:
        yield error
        return
    try:
        n = 0
        while True:
            raw = f.readline(max_bytes + 1)
            if not raw:
                break
            n += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                    raw = f.readline(2**20)
                yield Item(f"{name}:{n}", error=f"{name}:{n}: record larger than {max_bytes} bytes; "
                                                "raise the limit with --max-bytes")
                continue
            yield from _ndjson_line(name, n, raw)
    finally:
        if f is not sys.stdin.buffer:
            f.close()


def _ndjson_line(name: str, n: int, raw: bytes) -> Iterator[Item]:
    if not raw.strip():
        return
    source = f"{name}:{n}"
    try:
        obj = jsontext.loads(raw, source=source)
    except NewsldError as e:
        yield Item(source, error=str(e))
        return
    except ValueError as e:
        yield Item(source, error=f"{source}: not a JSON object: {e}")
        return
    if not isinstance(obj, dict):
        yield Item(source, error=f"{source}: expected a JSON object per line")
        return
    yield Item(str(obj.get("source") or source), obj)


def warc_items(name: str, max_bytes: int) -> Iterator[Item]:
    """Each HTML response record of a WARC file, its source being its WARC-Target-URI."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield Item(name, error="reading WARC needs warcio: pip install warcio")
        return
    stream, error = _open_stream(name)
    if error:
        yield error
        return
    try:
        for rec in ArchiveIterator(stream):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI") or name
            body = rec.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Item(uri, error=f"{uri}: larger than {max_bytes} bytes; raise the limit with --max-bytes")
                continue
            yield Item(uri, body, url=uri, format="html")
    except Exception as e:  # a truncated or corrupt archive: say so, keep what was read
        yield Item(name, error=f"{name}: not a readable WARC file ({type(e).__name__}: {e})")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


# ---- running -------------------------------------------------------------------------

class Timeout(BaseException):
    """The time budget ran out (a BaseException, so no `except Exception` in the work swallows it)."""


def _alarm(signum, frame):
    raise Timeout()


@contextlib.contextmanager
def time_limit(budget: float | None):
    """Raise Timeout in the block after ``budget`` seconds (SIGALRM, so only between Python
    bytecodes or in a blocking system call such as opening a FIFO nobody writes to; on
    platforms without it the budget is not enforced)."""
    if not budget or not hasattr(signal, "setitimer"):
        yield
        return
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def call_with_budget(fn: Callable, item: Item, budget: float | None):
    """``fn(item)``, interrupted after ``budget`` seconds (see time_limit)."""
    with time_limit(budget):
        return fn(item)


_WORKER: tuple | None = None


def _init_worker(fn, budget, warm):
    global _WORKER
    _WORKER = (fn, budget)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if warm is not None:
        warm()


def _work(items: list[Item]) -> list:
    fn, budget = _WORKER
    return [process(fn, item, budget) for item in items]


def _chunks(work: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in work:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process(fn, item, budget):
    """``fn(item)`` within ``budget`` seconds; past it, ``fn`` of an error item saying so."""
    try:
        return call_with_budget(fn, item, budget)
    except Timeout:
        return fn(Item(item.source, error=f"{item.source}: took longer than {budget:g} s; skipped"))


CHUNK = 8  # items per pool task: one task per item cost ~1 ms of parent CPU per item


def run(work: Iterable[Item], fn: Callable[[Item], dict], *, jobs: int = 1,
        budget: float | None = None, warm: Callable[[], object] | None = None) -> Iterator[dict]:
    """``fn`` over ``work``, results in input order. ``jobs`` > 1 uses a process pool fed
    CHUNK items per task, with at most 2 x jobs tasks in flight (memory stays bounded);
    ``fn`` must then be a module-level function. ``warm`` (load the readers, compile the
    validators) runs once in the parent before the workers are forked, so they inherit it
    instead of each paying it again (where processes cannot fork, it runs in each worker as it
    starts). A worker that dies (the OOM killer, a crash
    in a C library) does not stop the run: see ``Pool``."""
    if jobs <= 1:
        for item in work:
            yield process(fn, item, budget)
        return
    import gc
    import multiprocessing as mp
    if warm is not None and "fork" in mp.get_all_start_methods():
        warm()  # once, in the parent: forked workers inherit the loaded readers and compiled validators
        warm = None  # (warming each worker cost every worker ~0.1-0.2 s of CPU again)
    gc.freeze()  # the workers' collector leaves inherited objects alone: fewer copied pages
    with Pool(jobs, fn, budget, warm) as pool:
        pending: deque = deque()
        for chunk in _chunks(work, CHUNK):
            pending.append((pool.submit(chunk), chunk))
            while len(pending) >= 2 * jobs or (pending and pending[0][0].done()):
                yield from pool.results(*pending.popleft())
        while pending:
            yield from pool.results(*pending.popleft())


class Pool:
    """Worker processes (concurrent.futures, which notices a dead worker instead of waiting
    for its task forever). When one dies, every task in flight fails; each item of those tasks
    is then run again alone in a fresh pool, so only an item that kills its worker again
    becomes an error line, and the run goes on. Leaving the block early (an error, Ctrl-C)
    ends the workers at once."""

    def __init__(self, jobs: int, fn: Callable, budget: float | None, warm):
        import multiprocessing as mp
        self.ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.jobs, self.fn, self.args = jobs, fn, (fn, budget, warm)
        self.executor = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPoolExecutor(self.jobs, mp_context=self.ctx, initializer=_init_worker,
                                   initargs=self.args)

    def submit(self, chunk: list[Item]):
        try:
            return self.executor.submit(_work, chunk)
        except RuntimeError:  # broken by a death the results of an earlier chunk will report
            self.executor = self._start()
            return self.executor.submit(_work, chunk)

    def results(self, future, chunk: list[Item]) -> list:
        from concurrent.futures.process import BrokenProcessPool
        try:
            return future.result()
        except BrokenProcessPool:
            return [self._alone(item) for item in chunk]

    def _alone(self, item: Item):
        """``item`` in a fresh pool of its own: its result, or an error line if it kills it."""
        from concurrent.futures.process import BrokenProcessPool
        self._restart()
        try:
            return self.executor.submit(_work, [item]).result()[0]
        except BrokenProcessPool:
            self._restart()
            return self.fn(Item(item.source, error=f"{item.source}: the worker process died while "
                                                   "reading it (out of memory?); skipped"))

    def _restart(self):
        from concurrent.futures.process import BrokenProcessPool
        try:
            self.executor.submit(int).result()
        except (BrokenProcessPool, RuntimeError):
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.executor.shutdown(wait=True)
            return False
        self.executor.shutdown(wait=False, cancel_futures=True)
        # do not wait for tasks nobody will read (this pool's processes only, not the caller's)
        for child in list((getattr(self.executor, "_processes", None) or {}).values()):
            child.terminate()
        return False


def cpu_jobs(jobs: int) -> int:
    if jobs < 0:
        raise InputError("--jobs takes 0 (all cores) or a positive number")
    cores = os.cpu_count() or 1
    if jobs > MAX_JOBS_PER_CORE * cores:  # each job is a process: a huge value forked until killed
        raise InputError(f"--jobs {jobs}: at most {MAX_JOBS_PER_CORE * cores} "
                         f"({MAX_JOBS_PER_CORE} per core, {cores} cores)")
    return jobs or cores


MAX_JOBS_PER_CORE = 8
