"""Many inputs, streamed: the work items of a run (files, directories, NDJSON records, WARC
response records); ``batch.pool`` runs them (an ordered process pool, a per-item time budget).
Nothing reads all inputs first, so memory stays flat however many there
are."""
from __future__ import annotations

import fnmatch
import os
import re
import sys
from dataclasses import dataclass
from typing import Iterable, Iterator

from newsld.io.output import printable
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
                # a first read of the file's size (+1, to see its end): no 1 MiB buffer to
                # allocate and shrink for a page of ~100 KiB (~30 us a page)
                data = _read_bounded(f, max_bytes, os.fstat(f.fileno()).st_size + 1)
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


def _read_bounded(f, max_bytes: int, first: int = 1 << 20) -> bytes:
    """At most max_bytes + 1 bytes, in chunks (the first of ``first`` bytes, then 1 MiB): a
    huge limit allocates nothing up front."""
    chunks, size, want = [], 0, max(first, 1)
    while size <= max_bytes:
        chunk = f.read(min(want, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        want = 1 << 20
    return b"".join(chunks)


def walk(path: str, pattern: str | None, extensions: tuple = EXTENSIONS) -> Iterator[str]:
    """Files below ``path`` in a stable (sorted) order, lazily, matching ``pattern`` or, without
    one, ``extensions``."""
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if (fnmatch.fnmatch(name, pattern) if pattern else name.lower().endswith(extensions)):
                yield os.path.join(root, name)


def outside(path: str, top: str) -> bool:
    """True when ``path``, its symbolic links followed, is not below the real folder ``top``."""
    real = os.path.realpath(path)
    return os.path.commonpath([real, top]) != top


def items(inputs: Iterable[str], *, from_: str = "auto", recursive: bool = False,
          glob: str | None = None, max_bytes: int = MAX_BYTES,
          extensions: tuple = EXTENSIONS) -> Iterator[Item]:
    for name in inputs:
        if name != "-" and os.path.isdir(name):
            if not recursive:
                yield Item(name, error=f"{name}: is a directory (use -r to read the files below it)")
                continue
            top = os.path.realpath(name)
            for path in walk(name, glob, extensions):
                if outside(path, top):  # a link to ../secret or /etc/passwd: never read
                    yield Item(path, error=f"{path}: a symbolic link to outside {name}; "
                                           "not read (-r reads only the files inside the tree it is given)")
                    continue
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
    from newsld.io import jsontext  # here: only NDJSON input needs it (a cold start of other input ~1 ms)
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
    yield record_item(obj, source)


def record_item(record: dict, default_source: str) -> Item:
    """The work item of one JSON record ``{"source"?, "html" | "text" | "markdown", ...}``; a lone
    surrogate in any of its strings ("\\ud83d" cut from a pair, common in crawls) becomes U+FFFD,
    so the record reads like text (it cannot be encoded as it is)."""
    record = _printable(record)
    return Item(str(record.get("source") or default_source), record)


def _printable(value):
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


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
        records = ArchiveIterator(stream)
        end = 0
        for rec in records:
            html = rec.rec_type == "response" and rec.http_headers is not None and \
                "html" in (rec.http_headers.get_header("Content-Type") or "").lower()
            uri = rec.rec_headers.get_header("WARC-Target-URI") or name
            body = rec.content_stream().read(max_bytes + 1) if html else b""
            records.read_to_end(rec)  # every record: a cut one hides what follows
            end = records.get_record_offset() + records.get_record_length()
            missing = max(int(getattr(rec.raw_stream, "limit", 0) or 0), 0)
            if missing:  # a cut file, or a Content-Length that swallowed the records after it
                yield Item(uri, error=f"{name}: the record of {uri} is cut short: it declares "
                                      f"{rec.length} bytes and the file ends {missing} bytes before "
                                      "that (a truncated file, or a wrong Content-Length that hid "
                                      "any record after it)")
                break
            if not html:
                continue
            if len(body) > max_bytes:
                yield Item(uri, error=f"{uri}: larger than {max_bytes} bytes; raise the limit with --max-bytes")
                continue
            yield Item(uri, body, url=uri, format="html")
        else:
            if _rest_of(stream, end).strip():  # the headers of a last record, cut: not silence
                yield Item(name, error=f"{name}: the file ends inside a record's headers after byte "
                                       f"{end} (a truncated file); the records before it were read")
    except Exception as e:  # a truncated or corrupt archive: say so, keep what was read
        yield Item(name, error=f"{name}: not a readable WARC file ({type(e).__name__}: {e})")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()



def _rest_of(stream, end: int) -> bytes:
    """What a seekable file holds after offset ``end`` (at most 64 KiB); b"" for a pipe."""
    try:
        stream.seek(end)
        return stream.read(1 << 16)
    except (OSError, ValueError):
        return b""
