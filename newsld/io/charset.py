"""Bytes to text for text, Markdown and JSON inputs: a BOM decides (UTF-8, UTF-16, UTF-32);
then strict UTF-8; then UTF-8 with U+FFFD for a few broken sequences when valid multi-byte
characters outnumber them; then cp1252 (which also reads latin-1 text). NUL bytes or control
characters in bulk mean binary input, which is refused."""
from __future__ import annotations

import codecs
import re

from newsld.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))
_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None, 0


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken sequences (a truncated character, a stray byte): the text
    with U+FFFD for each broken sequence, when valid multi-byte characters outnumber the broken
    sequences. cp1252/latin-1 text almost never holds a valid multi-byte UTF-8 sequence, so it
    still goes to cp1252; reading a mostly UTF-8 file as cp1252 would garble every accent."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # U+FFFD that were not in the data
    good = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return text if good > bad else None


def decode(data: bytes, source: str = "input") -> str:
    enc, skip = bom_encoding(data)
    if enc:
        try:
            text = data[skip:].decode(enc)
        except UnicodeDecodeError as e:
            raise InputError(f"{source}: invalid {enc} after its byte-order mark at byte {e.start + skip}") from None
    else:
        if b"\0" in data[:8192]:
            raise InputError(f"{source}: looks like binary data (NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _mostly_utf8(data)
            if text is None:
                text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    if sample and len(_CONTROL_RE.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{source}: looks like binary data (control characters), not text")
    return text.replace("\0", "")
