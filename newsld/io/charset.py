"""Bytes to text: every charset decision newsld makes, in one place.

* ``label(name)``: the Python codec for an encoding label, by the WHATWG Encoding Standard's
  table (webencodings, by the html5lib maintainers): ``"latin1"`` and ``"ascii"`` are
  windows-1252, ``"unicode"`` is UTF-16LE, ``"gb2312"`` is GBK (read with its superset gb18030,
  as the standard's GBK decoder does); a label browsers do not know (``"idna"``,
  ``"undefined"``, ``"utf-7"``) is None, ignored as browsers ignore it.
* ``prescan(head)``: the HTML standard's prescan of a page's first bytes for a ``<meta charset>``
  or ``<meta http-equiv=content-type content="...charset=...">`` (comments skipped).
* Two policies, because reading and writing differ:
  - ``decode_html(data)`` READS a page as forgivingly as a reader should: a BOM; UTF-16 without
    a BOM by its NUL bytes; then valid (or mostly valid) UTF-8 even when the page declares
    otherwise (pages saved as UTF-8 often keep an old latin-1 meta); then the declared charset;
    else cp1252. ``decode(data)`` is the same idea for text, Markdown and JSON files, which have
    no declaration and may be binary (refused).
  - ``browser_encoding(html, charset)`` is what a browser will decode the page with (BOM, HTTP
    charset, meta prescan, else UTF-8): inject must WRITE bytes the browser reads back the same.
"""
from __future__ import annotations

import codecs
import re

from newsld.errors import InputError

__all__ = ["label", "prescan", "bom_encoding", "mostly_utf8", "decode", "decode_html",
           "browser_encoding"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = set(range(9)) | {11, 12} | set(range(14, 32))
_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")
# WHATWG encodings whose standard decoder is a wider Python codec than webencodings picks
_WIDER = {"gbk": "gb18030"}
UTF16 = ("utf-16-le", "utf-16-be")


def label(name: str | bytes | None) -> str | None:
    """The Python codec name (``codecs.lookup(...).name``) for an encoding label, or None for
    none or a label the WHATWG Encoding Standard does not list. x-user-defined is read as
    windows-1252 (the HTML standard's rule for a declared x-user-defined); the labels of the
    standard's "replacement" encoding (ISO-2022-KR, HZ-GB-2312...), which browsers decode to
    one U+FFFD, are None: no Python codec reads them that way."""
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    if not name:
        return None
    import webencodings  # here: UTF-8 input never asks for a label (~1.5 ms of a cold start)
    enc = webencodings.lookup(name)
    if enc is None or enc.name == "replacement":
        return None
    if enc.name == "x-user-defined":
        return "cp1252"
    return codecs.lookup(_WIDER.get(enc.name, enc.codec_info.name)).name


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    """(codec, length of the BOM) for data that starts with a UTF-8/16/32 byte-order mark."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None, 0


# --------------------------------------------------------------------------- meta prescan

_SPACE = b"\t\n\f\r "
_META = re.compile(rb"<meta[\t\n\f\r /]", re.I)
_TAG = re.compile(rb"</?[A-Za-z]")
_CHARSET_WORD = re.compile(rb"charset", re.I)


def _attribute(s: bytes, i: int) -> tuple[bytes, bytes, int] | None:
    """The HTML standard's "get an attribute": (name, value, index after it), or None at ">"
    or the end of ``s``."""
    n = len(s)
    while i < n and (s[i] in _SPACE or s[i] == 0x2F):
        i += 1
    if i >= n or s[i] == 0x3E:
        return None
    name = bytearray()
    while True:
        if i >= n:
            return bytes(name), b"", i
        c = s[i]
        if c == 0x3D and name:  # "="
            i += 1
            break
        if c in _SPACE:
            while i < n and s[i] in _SPACE:
                i += 1
            if i >= n or s[i] != 0x3D:
                return bytes(name), b"", i
            i += 1
            break
        if c in (0x2F, 0x3E) and name:  # "/" or ">"
            return bytes(name), b"", i
        name.append(c + 0x20 if 0x41 <= c <= 0x5A else c)
        i += 1
    while i < n and s[i] in _SPACE:
        i += 1
    if i >= n:
        return bytes(name), b"", i
    if s[i] in (0x22, 0x27):  # quoted value
        q = s.find(s[i:i + 1], i + 1)
        end = n if q < 0 else q
        return bytes(name), s[i + 1:end].lower(), min(n, end + 1)
    if s[i] == 0x3E:
        return bytes(name), b"", i
    j = i
    while j < n and s[j] not in _SPACE and s[j] != 0x3E:
        j += 1
    return bytes(name), s[i:j].lower(), j


def _charset_in_content(value: bytes) -> bytes | None:
    """The HTML standard's "extracting a character encoding from a meta element"."""
    pos = 0
    while True:
        m = _CHARSET_WORD.search(value, pos)
        if not m:
            return None
        i = m.end()
        while i < len(value) and value[i] in _SPACE:
            i += 1
        if i >= len(value) or value[i] != 0x3D:
            pos = i
            continue
        i += 1
        while i < len(value) and value[i] in _SPACE:
            i += 1
        if i >= len(value):
            return None
        if value[i] in (0x22, 0x27):
            q = value.find(value[i:i + 1], i + 1)
            return value[i + 1:q] if q >= 0 else None
        j = i
        while j < len(value) and value[j] not in _SPACE and value[j] != 0x3B:
            j += 1
        return value[i:j]


def _meta_encoding(s: bytes, i: int) -> tuple[str | None, int]:
    """(codec or None, index after the tag) for the ``<meta`` whose attributes start at ``i``."""
    seen: set[bytes] = set()
    got_pragma, need_pragma, charset = False, None, None
    while True:
        attr = _attribute(s, i)
        if attr is None:
            break
        name, value, i = attr
        if name in seen:
            continue
        seen.add(name)
        if name == b"http-equiv":
            got_pragma = got_pragma or value == b"content-type"
        elif name == b"content" and charset is None:
            found = label(_charset_in_content(value))
            if found:
                charset, need_pragma = found, True
        elif name == b"charset":
            charset, need_pragma = label(value) or "", False
    if need_pragma is None or (need_pragma and not got_pragma) or not charset:
        return None, i
    return ("utf-8" if charset in UTF16 else charset), i


def prescan(head: bytes) -> str | None:
    """The codec a ``<meta>`` in ``head`` declares, by the HTML standard's prescan (a declared
    UTF-16 means UTF-8 there: a page the prescan can read is not UTF-16); None without one."""
    i, n = 0, len(head)
    while True:
        i = head.find(b"<", i)
        if i < 0 or i + 1 >= n:
            return None
        if head.startswith(b"<!--", i):
            e = head.find(b"-->", i + 2)
            if e < 0:
                return None
            i = e + 3
        elif _META.match(head, i):
            enc, i = _meta_encoding(head, i + 6)
            if enc:
                return enc
        elif _TAG.match(head, i):
            j = i + 1
            while j < n and head[j] not in _SPACE and head[j] != 0x3E:
                j += 1
            while True:
                attr = _attribute(head, j)
                if attr is None:
                    break
                j = attr[2]
            i = j
        elif head[i + 1] in b"!/?":
            e = head.find(b">", i + 1)
            if e < 0:
                return None
            i = e + 1
        else:
            i += 1


# --------------------------------------------------------------------------- the policies

def mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken sequences (a truncated character, a stray byte): the text
    with U+FFFD for each broken sequence, when valid multi-byte characters outnumber the broken
    sequences. cp1252/latin-1 text almost never holds a valid multi-byte UTF-8 sequence, so it
    still goes to cp1252; reading a mostly UTF-8 file as cp1252 would garble every accent."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # U+FFFD that were not in the data
    good = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return text if good > bad else None


def decode(data: bytes, source: str = "input") -> str:
    """Text, Markdown and JSON files: a BOM decides (UTF-8, UTF-16, UTF-32); then strict UTF-8;
    then mostly UTF-8; then cp1252 (which also reads latin-1 text). NUL bytes or control
    characters in bulk mean binary input, which is refused (InputError)."""
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
            text = mostly_utf8(data)
            if text is None:
                text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    if sample and len(_CONTROL_RE.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{source}: looks like binary data (control characters), not text")
    return text.replace("\0", "")


READ_PRESCAN_BYTES = 4096  # reading looks further than a browser's 1024 bytes for a late meta


def decode_html(data: bytes) -> str:
    """A page's text for reading. A BOM decides; then UTF-16 without a BOM (NUL bytes); then
    valid or mostly valid UTF-8 wins over a declaration; then the declared charset; else
    cp1252 (a declared UTF-8 or UTF-16 that is not valid is cp1252 too)."""
    enc, skip = bom_encoding(data)
    if enc:
        return data[skip:].decode(enc, "replace")
    if data[:2000].count(b"\0") > 10:  # UTF-16 without a BOM
        enc = "utf-16-le" if data[1:2] == b"\0" else "utf-16-be"
        return data.decode(enc, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = mostly_utf8(data)
    if text is not None:
        return text
    enc = prescan(data[:READ_PRESCAN_BYTES])
    if enc in (None, "utf-8"):
        enc = "cp1252"  # not valid UTF-8: the commonest real encoding of such pages
    return data.decode(enc, "replace")


BROWSER_PRESCAN_BYTES = 1024


def browser_encoding(html: bytes, charset: str | None = None) -> str:
    """The codec a browser decodes the page with: a BOM (UTF-8, UTF-16), then ``charset`` (the
    HTTP Content-Type charset, when known and a WHATWG label), then the meta prescan of the
    first 1024 bytes, else UTF-8."""
    if html.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if html.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if html.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    return label(charset) or prescan(html[:BROWSER_PRESCAN_BYTES]) or "utf-8"
