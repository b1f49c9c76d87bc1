"""newsld over many machines or cores with Dask: a ``dask.bag.Bag`` of result records
``{"source", "ok", "jsonld", "issues"}`` — the same records, for the same inputs, as
``newsld extract --ndjson`` writes — on the local scheduler or on a dask.distributed cluster
(docs/distributed.md). Needs the extra: ``pip install 'newsld[dask]'``.

    import newsld.batch.dask as nd
    bag = nd.extract_bag(["a.txt", "pages/"], recursive=True, profile="google")
    nd.to_ndjson(bag, "out/part-*.ndjson")          # or bag.compute() for a list of records
    nd.extract_warc(["crawl-0.warc.gz", "crawl-1.warc.gz"]).filter(lambda r: r["ok"]).count().compute()

Inputs are read where the work runs (a worker reads its own files or WARC records; only paths
travel), through newsld.batch (``items``, ``warc_items``) and ``records.extract_item``, so a
bad input becomes a record with ``ok: false`` and the run goes on, as in the CLI."""
from __future__ import annotations

import functools
import os
import threading
from typing import Iterable

from newsld import batch
from newsld.batch import pool
from newsld.batch.records import Options, extract_item

try:
    import dask.bag as db
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("newsld.batch.dask needs dask: pip install 'newsld[dask]' (or dask[bag])") from e

MAX_BYTES = 20 * 2**20
_OPTION_KEYS = {"format", "profile", "strict", "validate", "syntaxes", "timezone"}


def options(**kw) -> Options:
    """records.Options from keyword arguments: format (auto, text, markdown, html, json),
    profile, strict, validate, syntaxes, timezone, and metadata (url, date_published,
    date_modified, images, author, publisher_name, publisher_url, publisher_logo, lang,
    section, tags), as the CLI builds them from its flags."""
    from newsld.readers.metadata import FIELDS
    opts = {k: kw.pop(k) for k in list(kw) if k in _OPTION_KEYS}
    unknown = set(kw) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown option or metadata: {', '.join(sorted(unknown))}")
    if opts.get("syntaxes") is not None:
        opts["syntaxes"] = tuple(opts["syntaxes"])
    if opts.get("timezone"):
        from newsld.locales.dates import parse_timezone
        parse_timezone(opts["timezone"])  # a bad zone fails here, not in every task
    return Options(**opts, metadata=kw)


def _items(path, *, from_: str, recursive: bool, glob: str | None, max_bytes: int) -> list:
    """The work items of one input path (a file, a directory with ``recursive``, an NDJSON or
    WARC file); errors are items too."""
    return list(batch.items([os.fspath(path)], from_=from_, recursive=recursive, glob=glob,
                            max_bytes=max_bytes))


def _as_item(x):
    if isinstance(x, batch.Item):
        return x
    if isinstance(x, dict):  # an NDJSON-style record: {"source"?, "html" | "text" | "markdown", ...}
        return batch.record_item(x, "record")
    raise TypeError(f"expected a path, a newsld.batch.Item or a record dict, not {type(x).__name__}")


def _extract(opts: Options, timeout: float | None, item) -> dict:
    """``records.extract_item`` with the CLI's per-input time budget where it can be enforced
    (SIGALRM: the main thread of a process, as in the local ``processes`` scheduler; dask
    threads and distributed workers run tasks in threads, where the budget is not applied)."""
    if timeout and threading.current_thread() is threading.main_thread():
        return pool.process(functools.partial(extract_item, opts), item, timeout)
    return extract_item(opts, item)


def extract_bag(inputs, *, from_: str = "auto", recursive: bool = False, glob: str | None = None,
                max_bytes: int = MAX_BYTES, timeout: float | None = None,
                npartitions: int | None = None, **options_) -> "db.Bag":
    """A lazy Bag of result records, in input order.

    ``inputs``: paths (files; directories with ``recursive``; with ``from_="ndjson"`` NDJSON
    files, one record per line; with ``from_="warc"`` WARC files), or a Bag of paths,
    ``newsld.batch.Item`` objects or record dicts ``{"html" | "text" | "markdown": ...}``.
    ``options_``: see ``options()``. ``from_`` is also the article format for plain files
    (text, markdown, html, json), as ``--from`` is in the CLI."""
    opts = options(format="auto" if from_ in ("ndjson", "warc") else from_, **options_)
    if isinstance(inputs, db.Bag):
        bag = inputs
    else:
        inputs = [os.fspath(p) for p in ([inputs] if isinstance(inputs, (str, os.PathLike)) else inputs)]
        if not inputs:
            raise ValueError("no inputs")
        bag = db.from_sequence(inputs, npartitions=npartitions or min(len(inputs), 100))
    read = functools.partial(_items, from_=from_, recursive=recursive, glob=glob, max_bytes=max_bytes)

    def to_items(x):
        return read(x) if isinstance(x, (str, os.PathLike)) else [_as_item(x)]

    return bag.map(to_items).flatten().map(functools.partial(_extract, opts, timeout))


def extract_warc(paths: Iterable | str, *, max_bytes: int = MAX_BYTES, timeout: float | None = None,
                 **options_) -> "db.Bag":
    """Result records for every HTML response record of the WARC files, one partition per file,
    in file order then record order; each record's source and default url are its
    WARC-Target-URI. A truncated archive yields its readable records, then an error record."""
    paths = [os.fspath(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    if not paths:
        raise ValueError("no WARC files")
    bag = db.from_sequence(paths, npartitions=len(paths))
    return extract_bag(bag, from_="warc", max_bytes=max_bytes, timeout=timeout, **options_)


def to_ndjson(bag: "db.Bag", path_pattern, **kwargs):
    """Write the records as NDJSON, one file per partition (``path_pattern`` has one ``*``, which
    becomes the partition number, or is a directory), in order — the lines the CLI's
    ``--ndjson`` writes. Any fsspec URL works (s3://, gcs://) with its package installed.
    ``kwargs`` go to ``Bag.to_textfiles`` (compute=False for a lazy write, compression, ...).
    Returns the written paths."""
    from newsld.io.output import line
    return bag.map(lambda rec: line(rec)[:-1]).to_textfiles(path_pattern, last_endline=True, **kwargs)
