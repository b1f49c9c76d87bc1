"""Serialising JSON-LD: pretty JSON, one NDJSON line, or a <script> element safe to paste into
a page (``<``, ``>``, ``&``, U+2028 and U+2029 escaped so no text can close the script). Every
text made here encodes as UTF-8 (see ``printable``), so no input can make an output unwritable."""
from __future__ import annotations

import errno
import json
import os
import re
import stat
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


@lru_cache(maxsize=1)
def _surrogate() -> re.Pattern:
    return re.compile("[\ud800-\udfff]")  # (a wide class: ~0.3 ms to compile, for rare text)


def printable(text: str) -> str:
    """``text`` that encodes as UTF-8: a lone surrogate (a JSON escape such as "\\ud83d" in a
    page's JSON-LD or an NDJSON source, a file name that is not UTF-8) becomes U+FFFD, so one
    input cannot make the output unwritable and end the run."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")  # fails on a lone surrogate only
    except UnicodeEncodeError:
        return _surrogate().sub("\ufffd", text)
    return text


def pretty(doc) -> str:
    return printable(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


def utf8(text: str) -> bytes:
    """``printable(text)`` as UTF-8, in one pass for text that has no lone surrogate (the
    encoding is printable's check): what newsld writes to stdout or a file."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return printable(text).encode("utf-8")


def line(obj) -> str:
    """One NDJSON line (Dask's to_ndjson writes these as text)."""
    return printable(_compact(obj)) + "\n"


def line_bytes(obj) -> bytes:
    """``line(obj)`` as UTF-8, for a batch that writes one line per input: one encoding pass."""
    return utf8(_compact(obj) + "\n")


def _compact(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def script_json(doc, indent: int | None = 2) -> str:
    """JSON text safe inside <script type="application/ld+json">: the escapes are still JSON."""
    return printable(json.dumps(doc, ensure_ascii=False, indent=indent)).translate(_SCRIPT_ESCAPES)


def html_script(doc, *, marker: bool = False) -> str:
    attr = " data-newsld" if marker else ""
    return f'<script type="application/ld+json"{attr}>\n{script_json(doc)}\n</script>\n'


class AtomicFile:
    """A binary file that appears at ``path`` only when closed without error: written to a
    temporary file in the same folder, fsynced, given the mode (and, when it can, the owner and
    group) of the file it replaces, then renamed over it. On any error the temporary file is
    removed and ``path`` is untouched. The node at ``path`` is never replaced by another kind:

    * a symlink: its target is written (the link stays);
    * a FIFO, a character device (``/dev/stdout``, ``/dev/full``): written through, directly;
    * a file with other hard links, or whose owner cannot be kept (not root): the complete new
      content, once written and fsynced in the temporary file, is copied into the file in place,
      so every link and the owner stay (a reader may see it half-written: that is the price);
    * ``expect``: the bytes the caller read from ``path``; if the file holds other bytes just
      before it is replaced (someone edited it meanwhile), nothing is written (NewsldError).

    Errors are NewsldError naming the path (a missing folder, a full disk, no permission)."""

    def __init__(self, path: str | os.PathLike, expect: bytes | None = None):
        from pathlib import Path  # here: a run writing to stdout does not need it (nor urllib.parse)
        self.path = Path(path)
        self.expect = expect
        self.direct = False
        self.stat: os.stat_result | None = None

    def __enter__(self):
        try:
            return self._open()
        except OSError as e:
            raise _cannot_write(self.path, e) from None

    def _open(self):
        try:
            self.stat = os.stat(self.path)  # follows a symlink: the node that will be written
        except FileNotFoundError:
            self.stat = None
        if self.stat is not None and stat.S_ISDIR(self.stat.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if self.stat is not None and not stat.S_ISREG(self.stat.st_mode):
            self.direct = True  # a FIFO or a device: written through, never replaced
            self.file = open(self.path, "wb")
            return self.file
        if self.path.is_symlink():
            from pathlib import Path
            self.path = Path(os.path.realpath(self.path))
        import tempfile  # here: shutil and random are not needed by a run writing to stdout

        # a short temporary name: the final name may be near the 255-byte limit itself
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name[:32]}.", suffix=".tmp",
                                        dir=self.path.parent)
        self.file = os.fdopen(fd, "wb")
        return self.file

    def __exit__(self, exc_type, exc, tb):
        if self.direct:
            try:
                self.file.close()
            except OSError as e:
                if exc_type is None:
                    raise _cannot_write(self.path, e) from None
            return False
        try:
            if exc_type is None:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            if exc_type is None:
                self._commit()
        except BaseException as e:
            self._discard()
            if isinstance(e, OSError):
                raise _cannot_write(self.path, e) from None
            raise
        if exc_type is not None:
            self._discard()
        return False

    def _commit(self):
        """The finished temporary file in place of ``path``."""
        old = self.stat
        if self.expect is not None and _content(self.path) != self.expect:
            from newsld.errors import NewsldError
            raise NewsldError(f"{self.path}: changed while newsld was working on it; "
                              "left as it is (run again)")
        if old is None:
            os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.path)
            return
        os.chmod(self.tmp, old.st_mode & 0o7777)
        if old.st_nlink > 1 or not _same_owner(self.tmp, old):
            self._copy_into_place()
            return
        os.replace(self.tmp, self.path)

    def _copy_into_place(self):
        with open(self.tmp, "rb") as src, open(self.path, "r+b") as dst:
            dst.truncate(0)
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        os.unlink(self.tmp)

    def _discard(self):
        try:
            self.file.close()
        except Exception:
            pass
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass


def _same_owner(tmp: str, old: os.stat_result) -> bool:
    """Give ``tmp`` the owner and group of ``old``; False when that is not allowed."""
    st = os.stat(tmp)
    if (st.st_uid, st.st_gid) == (old.st_uid, old.st_gid):
        return True
    try:
        os.chown(tmp, old.st_uid, old.st_gid)
    except PermissionError:
        return False
    return True


def _content(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _cannot_write(path, e: OSError):
    from newsld.errors import NewsldError
    return NewsldError(f"cannot write {path}: {e.strerror or e}")


def write_atomic(path: str | os.PathLike, data: bytes, expect: bytes | None = None) -> None:
    """Write ``data`` to ``path`` atomically (see AtomicFile)."""
    with AtomicFile(path, expect) as f:
        write_all(f, data, path)


def write_all(stream, data: bytes, name) -> None:
    """All of ``data`` to a binary stream, flushed: a short write (an unbuffered stdout under
    PYTHONUNBUFFERED=1, a nearly full disk) is continued, and a write that makes no progress
    or fails is a NewsldError naming ``name``. A closed pipe stays a BrokenPipeError (a quiet
    end for the CLI)."""
    view = memoryview(data)
    try:
        while view:
            n = stream.write(view)
            if n is None:  # a non-blocking stream that is full: not ours to wait on
                raise BlockingIOError(errno.EAGAIN, "the output would block")
            if n <= 0:
                raise OSError(errno.ENOSPC, "no byte could be written")
            view = view[n:]
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise _cannot_write(name, e) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
