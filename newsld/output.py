"""Serialising JSON-LD: pretty JSON, one NDJSON line, or a <script> element safe to paste into
a page (``<``, ``>``, ``&``, U+2028 and U+2029 escaped so no text can close the script)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


def pretty(doc) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def script_json(doc, indent: int | None = 2) -> str:
    """JSON text safe inside <script type="application/ld+json">: the escapes are still JSON."""
    return json.dumps(doc, ensure_ascii=False, indent=indent).translate(_SCRIPT_ESCAPES)


def html_script(doc, *, marker: bool = False) -> str:
    attr = " data-newsld" if marker else ""
    return f'<script type="application/ld+json"{attr}>\n{script_json(doc)}\n</script>\n'


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename:
    readers see the old file or the new one, never half of one; the file mode is kept; on any
    error the temporary file is removed and the original is untouched."""
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
