"""Reading the page's bytes into one tree (newsld/readers/html_parse.py): valid UTF-8 goes to
libxml2 as bytes, decided without decoding the page in Python."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsld.errors import InputError
from newsld.readers.html_parse import _PARSER_UTF8, _XML_DECL, _utf8_candidate, parse
from lxml import etree

# pieces of pages: markup, valid UTF-8 of every length, and each kind of byte run Python's
# decoder refuses (stray continuation, overlong, surrogate, past U+10FFFF, F5-FF, cut short)
_PIECES = [b"<p>", b"</p>", b"<div class='a'>", b"x", b" ", b"\n", b"\t", b"\x1c", b"<!-- c -->", b"<?xml version='1.0'?>",
           b"<!DOCTYPE html>", b"<script>var a = 1;</script>", "é".encode(), "—".encode(), "😀".encode(),
           "\u00a0".encode(), "\u2003".encode(), b"\x80", b"\xbf", b"\xc0\xaf", b"\xc1\xbf", b"\xe0\x80\xaf",
           b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf0\x80\x80\xaf", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xff",
           b"\xe2\x82", b"\xf0\x9f\x98", b"\xc3", codecs.BOM_UTF8]
_PAGES = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=12).map(b"".join),
                   st.binary(max_size=40), st.binary(max_size=40).map(lambda b: b"<p>" + b + b"</p>"))


def _valid(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(max_examples=500, deadline=None)
@given(_PAGES)
def test_libxml2_logs_an_error_for_any_page_that_is_not_utf8(data):
    try:
        etree.fromstring(data, _PARSER_UTF8)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return
    if not _valid(data):
        assert len(_PARSER_UTF8.error_log) > 0


@settings(max_examples=500, deadline=None)
@given(_PAGES)
def test_the_bytes_are_read_directly_exactly_when_the_decoded_page_would_have_been(data):
    # the rule before: decode the page, then no BOM, no NUL, not blank, no XML declaration
    text = data.decode("utf-8") if _valid(data) else None
    before = (text is not None and not data[:4].startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
              and b"\0" not in data and bool(text.strip()) and not _XML_DECL.match(text))
    assert (_utf8_candidate(data) and _valid(data)) == before


@pytest.mark.parametrize("data", ["\u00a0 \u2003\n".encode(), b" \x1c\t\n", b""])
def test_a_blank_page_is_empty_html(data):
    with pytest.raises(InputError, match="empty HTML"):
        parse(data)


def test_a_page_with_one_bad_byte_is_read_as_decode_html_reads_it():
    page = "<html><head><title>Café</title></head><body><p>naïve \xff</p></body></html>".encode("utf-8")
    page = page.replace(b"\xc3\xbf", b"\xff")  # a stray byte in otherwise UTF-8 text
    root = parse(page)
    assert root.findtext(".//title") == "Café" and root.findtext(".//p") == "naïve \ufffd"
