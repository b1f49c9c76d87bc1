"""Serialising JSON-LD: pretty JSON, one NDJSON line, or a <script> element safe to paste into
a page (``<``, ``>``, ``&``, U+2028 and U+2029 escaped so no text can close the script). Every
text made here encodes as UTF-8 (see ``printable``), so no input can make an output unwritable."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` that encodes as UTF-8: a lone surrogate (a JSON escape such as "\\ud83d" in a
    page's JSON-LD or an NDJSON source, a file name that is not UTF-8) becomes U+FFFD, so one
    input cannot make the output unwritable and end the run."""
    return _SURROGATE.sub("\ufffd", text)


def pretty(doc) -> str:
    return printable(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


def line(obj) -> str:
    return printable(json.dumps(obj, ensure_ascii=False, separators=(",", ":"))) + "\n"


def script_json(doc, indent: int | None = 2) -> str:
    """JSON text safe inside <script type="application/ld+json">: the escapes are still JSON."""
    return printable(json.dumps(doc, ensure_ascii=False, indent=indent)).translate(_SCRIPT_ESCAPES)


def html_script(doc, *, marker: bool = False) -> str:
    attr = " data-newsld" if marker else ""
    return f'<script type="application/ld+json"{attr}>\n{script_json(doc)}\n</script>\n'


class AtomicFile:
    """A binary file that appears at ``path`` only when closed without error: written to a
    temporary file in the same folder, fsynced, given the mode of the file it replaces, then
    renamed over it. On any error the temporary file is removed and ``path`` is untouched."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def __enter__(self):
        try:
            self.mode = self.path.stat().st_mode & 0o7777
        except FileNotFoundError:
            self.mode = 0o666 & ~_umask()
        import tempfile  # here: shutil and random are not needed by a run writing to stdout

        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                        dir=self.path.parent)
        self.file = os.fdopen(fd, "wb")
        return self.file

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            if exc_type is None:
                os.chmod(self.tmp, self.mode)
                os.replace(self.tmp, self.path)
        except BaseException:
            self._discard()
            raise
        if exc_type is not None:
            self._discard()
        return False

    def _discard(self):
        try:
            self.file.close()
        except Exception:
            pass
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see AtomicFile)."""
    with AtomicFile(path) as f:
        f.write(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
