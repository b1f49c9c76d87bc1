"""HTML bytes to one lxml tree: the page decoded by ``newsld.io.charset.decode_html`` (BOM,
valid UTF-8 over a lying declaration, meta charset, cp1252 fallback) and an XXE-safe parser (no
entities, DTDs or network)."""
from __future__ import annotations

import codecs
import re

from lxml import etree

from newsld.io.charset import decode_html
from newsld.errors import InputError

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


def _utf8_text(data: bytes) -> str | None:
    """The text when ``data`` is plain valid UTF-8 (no BOM, no NULs, no UTF-16 look), else None."""
    if data[:4].startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def parse(data: bytes, source: str = "input"):
    """The document root (<html>) for a whole page or a body fragment."""
    text = _utf8_text(data) if isinstance(data, bytes) else None
    if text is not None and text.strip() and not _XML_DECL.match(text):
        # valid UTF-8 is what decode_html would choose: hand lxml the bytes themselves
        try:
            root = etree.fromstring(data, _PARSER_UTF8)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            root = None
        if root is not None:
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
    return root
