"""HTML bytes to one lxml tree: the page decoded by ``newsld.io.charset.decode_html`` (BOM,
valid UTF-8 over a lying declaration, meta charset, cp1252 fallback) and an XXE-safe parser (no
entities, DTDs or network)."""
from __future__ import annotations

import codecs
import re

from lxml import etree

from newsld.io.charset import decode_html
from newsld.errors import InputError, LimitError

# libxml2's HTML parser never loads DTDs or expands external entities; no_network=True as well:
# the page cannot make us read files or fetch URLs (XXE-safe).
_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True,
                               default_doctype=False, collect_ids=False, huge_tree=False)
# The same parser reading UTF-8 bytes directly: libxml2 skips the str -> internal buffer copy
# and conversion (about 0.3 ms of a 1.1 ms parse on the corpus pages).
_PARSER_UTF8 = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True,
                                default_doctype=False, collect_ids=False, huge_tree=False,
                                encoding="utf-8")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Memory bound (docs/security.md): libxml2's tree and the walk over it take about 1 KB per
# element (5 million <p> in 19 MB peaked at 4.5 GB; 1 million, 0.94 GB). A page of more start
# tags is refused before it is parsed, by a count of '<' in its text (less end tags and
# comments/doctypes when the quick count is over): linear, no tree. The largest page of the
# test corpus has 10,000 elements.
MAX_ELEMENTS = 500_000


def check_elements(page: bytes | str, source: str = "input") -> None:
    """LimitError when ``page`` (bytes or text) has more than MAX_ELEMENTS start tags."""
    if len(page) <= MAX_ELEMENTS:  # fewer characters than the bound: no count needed (~0.1 ms a page)
        return
    lt, end, bang = ("<", "</", "<!") if isinstance(page, str) else (b"<", b"</", b"<!")
    if page.count(lt) <= MAX_ELEMENTS:
        return
    tags = page.count(lt) - page.count(end) - page.count(bang)
    if tags > MAX_ELEMENTS:
        raise LimitError(f"{source}: about {tags:,} HTML elements, more than the {MAX_ELEMENTS:,} "
                         f"newsld reads in one page (a memory bound); split the page")


# libxml2 stops reading an HTML page at 256 nested elements (without XML_PARSE_HUGE, which
# newsld does not set: it lifts the other limits too); what follows is dropped.
MAX_NESTING = 256


def nesting_cut(parser) -> int | None:
    """The line at which ``parser``'s last parse stopped because the page nests elements deeper
    than MAX_NESTING levels, or None when it read the whole page."""
    for e in parser.error_log:
        if "Excessive depth" in e.message:
            return e.line
    return None


def _too_deep(line: int, source: str) -> LimitError:
    return LimitError(f"{source}: elements nested deeper than {MAX_NESTING} levels (line {line}); "
                      f"the HTML parser reads no further, so the rest of the page would be lost: "
                      f"close the elements left open")


# A byte that is a character but no whitespace in any UTF-8 reading: an ASCII one outside
# str.isspace()'s (which counts \x1c-\x1f too).
_VISIBLE_ASCII = re.compile(rb"[^\t\n\x0b\x0c\r\x1c-\x1f \x80-\xff]")


def _utf8_candidate(data: bytes) -> bool:
    """Whether ``data`` may be read as UTF-8 bytes directly, if it is valid UTF-8: no BOM, no
    NULs, not blank and no XML declaration. Decides without decoding the page: its first
    visible ASCII byte shows it is not blank, and an XML declaration ends at the first ">"."""
    if data[:4].startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\0" in data:
        return False
    if not _VISIBLE_ASCII.search(data):  # only whitespace, or not ASCII at all: decode to know
        text = _utf8_text(data)
        return text is not None and bool(text) and not text.isspace() and not _XML_DECL.match(text)
    end = data.find(b">") + 1
    try:
        head = data[:end].decode("utf-8")  # "<!DOCTYPE html>" or "<?xml ...?>": a short prefix
    except UnicodeDecodeError:
        return False
    return not _XML_DECL.match(head)


def _utf8_text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def parse(data: bytes, source: str = "input"):
    """The document root (<html>) for a whole page or a body fragment (LimitError past
    MAX_ELEMENTS elements)."""
    check_elements(data, source)
    if isinstance(data, bytes) and _utf8_candidate(data):
        # valid UTF-8 is what decode_html would choose: hand lxml the bytes themselves
        try:
            root = etree.fromstring(data, _PARSER_UTF8)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            root = None
        # libxml2 logs an invalid-encoding error for any byte that is not UTF-8, so a page it
        # read to the end without any error is valid UTF-8 (no decode of the page to check it:
        # ~0.06 ms); after any error, Python's decoder decides as before
        if root is not None and (not _PARSER_UTF8.error_log or _utf8_text(data) is not None):
            cut = nesting_cut(_PARSER_UTF8)
            if cut is not None:
                raise _too_deep(cut, source)
            return root
    text = _XML_DECL.sub("", decode_html(data), count=1).replace("\0", "")
    if not text.strip():
        raise InputError(f"{source}: empty HTML")
    try:
        # plain lxml.etree elements (no lxml.html class lookup per element: faster to walk)
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise InputError(f"{source}: not readable as HTML ({str(e).splitlines()[0][:80] if str(e) else 'empty'})") from None
    if root is None:
        raise InputError(f"{source}: not readable as HTML")
    cut = nesting_cut(_PARSER)
    if cut is not None:
        raise _too_deep(cut, source)
    return root
