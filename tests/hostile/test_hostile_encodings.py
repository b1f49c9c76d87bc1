"""Encodings: BOMs, cp1252 and latin-1, HTML meta charset and http-equiv, invalid byte
sequences, NUL bytes: each gives the right text or a clean exit 2."""
from __future__ import annotations

import codecs
import json

import pytest

import newsld
from helpers import assert_clean, assert_one_line_error, cli

HEADLINE = "Café — “quotes”"
LATIN1_HEADLINE = "Café à la carte, señor"
BODY = "The café reopened on Monday — “finally”, said its owner, after the storm."


def _article(headline=HEADLINE, body=BODY) -> str:
    return f"{headline}\n\n{body}\n"


def _node(doc, type_="NewsArticle"):
    return next(n for n in doc["@graph"] if n["@type"] == type_)


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + _article().encode("utf-8"),
    codecs.BOM_UTF16_LE + _article().encode("utf-16-le"),
    codecs.BOM_UTF16_BE + _article().encode("utf-16-be"),
    codecs.BOM_UTF32_LE + _article().encode("utf-32-le"),
    _article().encode("utf-8"),
    _article().encode("cp1252"),
    _article().replace("\n", "\r\n").encode("cp1252"),
], ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf8", "cp1252", "cp1252-crlf"])
def test_text_encodings(data):
    doc = newsld.extract(data, format="text")
    art = _node(doc)
    assert art["headline"] == HEADLINE
    assert art["articleBody"] == BODY


def test_latin1_text():
    doc = newsld.extract(_article(LATIN1_HEADLINE, "Un texto en español, señor.").encode("latin-1"))
    assert _node(doc)["headline"] == LATIN1_HEADLINE


@pytest.mark.slow
@pytest.mark.parametrize("enc", ["utf-8-sig", "utf-16", "cp1252"])
def test_cli_stdin_encodings(enc):
    proc = cli("extract", "--no-validate", "-", input=_article().encode(enc))
    assert_clean(proc)
    assert proc.returncode == 0
    assert _node(json.loads(proc.stdout))["headline"] == HEADLINE


def test_markdown_and_json_record_bom():
    doc = newsld.extract(codecs.BOM_UTF8 + ("# " + _article()).encode(), format="markdown")
    assert _node(doc)["headline"] == HEADLINE
    rec = json.dumps({"text": _article()}, ensure_ascii=False)
    for data in (codecs.BOM_UTF8 + rec.encode(), codecs.BOM_UTF16_LE + rec.encode("utf-16-le"),
                 rec.encode("cp1252")):
        assert _node(newsld.extract(data, format="json"))["headline"] == HEADLINE


HTML_HEADLINE = "Café “quotes”, señor"  # no " — ": see test_html_headline_with_a_dash


def _page(meta: str, headline: str = HTML_HEADLINE) -> str:
    return (f"<!doctype html><html><head>{meta}<title>{headline}</title></head><body><article>"
            f"<h1>{headline}</h1><p>{BODY}</p></article></body></html>")


@pytest.mark.parametrize("meta,enc", [
    ('<meta charset="windows-1252">', "cp1252"),
    ('<meta charset="iso-8859-1">', "cp1252"),  # browsers read latin-1 labels as windows-1252
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
    ("<meta http-equiv='content-type' content='text/html;charset=ISO-8859-1'>", "cp1252"),
    ('<meta charset="utf-8">', "utf-8"),
    ('<meta charset="utf-8">', "cp1252"),  # a lying declaration: not valid UTF-8, so cp1252
    ("", "cp1252"),  # no declaration at all
    ("", "utf-8"),
])
def test_html_charsets(meta, enc):
    doc = newsld.extract(_page(meta).encode(enc), format="html")
    assert _node(doc)["headline"] == HTML_HEADLINE
    assert BODY in _node(doc)["articleBody"]


@pytest.mark.parametrize("bom,enc", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                     (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_html_bom_beats_meta(bom, enc):
    doc = newsld.extract(bom + _page('<meta charset="windows-1252">').encode(enc), format="html")
    assert _node(doc)["headline"] == HTML_HEADLINE


def test_html_utf16_without_bom():
    doc = newsld.extract(_page("").encode("utf-16-le"), format="html")
    assert _node(doc)["headline"] == HTML_HEADLINE


def test_mostly_utf8_text_with_one_broken_sequence_keeps_its_accents():
    # one stray byte used to send the whole file to cp1252: "CafÃ©"
    data = _article().encode("utf-8").replace(b"Monday", b"Mon\xffday")
    art = _node(newsld.extract(data, format="text"))
    assert art["headline"] == HEADLINE
    assert art["articleBody"] == BODY.replace("Monday", "Mon\ufffdday")


def test_mostly_utf8_html_with_one_broken_sequence_keeps_its_accents():
    data = _page('<meta charset="utf-8">').encode("utf-8").replace(b"Monday", b"Mon\xffday")
    assert _node(newsld.extract(data, format="html"))["headline"] == HTML_HEADLINE


def test_html_headline_with_a_dash():
    doc = newsld.extract(_page('<meta charset="utf-8">', HEADLINE).encode("utf-8"), format="html")
    assert _node(doc)["headline"] == HEADLINE


@pytest.mark.parametrize("data", [
    b"Caf\xe9 \x81\x8d\x8f\x90\x9d\n\nBody text with undefined cp1252 bytes.\n",
    b"\xc3\x28 \xa0\xa1 \xe2\x28\xa1\n\nOverlong and truncated UTF-8 \xf0\x28\x8c\xbc.\n",
    b"\xed\xa0\x80 surrogate in UTF-8\n\nBody here.\n",
])
def test_invalid_byte_sequences_give_text(data):
    doc = newsld.extract(data, format="text")
    json.dumps(doc, ensure_ascii=False).encode("utf-8")  # no lone surrogates in the output
    assert _node(doc)["headline"]


@pytest.mark.slow
def test_invalid_utf16_after_bom_is_a_clean_exit_2():
    data = codecs.BOM_UTF16_LE + "Head\n\nBody.\n".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    assert_one_line_error(cli("extract", "-", input=data), "invalid utf-16")


@pytest.mark.slow
@pytest.mark.parametrize("data,fragment", [
    (b"Head\x00line\n\nBody text here.\n", "binary"),
    (_article().encode("utf-16-le"), "binary"),  # UTF-16 without a BOM: NUL bytes
    (bytes(range(256)) * 4, "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 200, "binary"),
    (b"\x00" * 100, "empty"),
])
def test_nul_and_binary_text_is_a_clean_exit_2(data, fragment):
    assert_one_line_error(cli("extract", "--from", "text", "-", input=data), fragment)


def test_nul_bytes_late_in_text_are_dropped():
    data = (_article() + "\n" + "More body text. " * 600 + "\x00tail\n").encode()
    art = _node(newsld.extract(data, format="text"))
    assert "\x00" not in json.dumps(art) and "\\u0000" not in json.dumps(art)


def test_nul_bytes_in_html_are_dropped():
    data = _page("").encode().replace(b"Monday", b"Mon\x00day")
    art = _node(newsld.extract(data, format="html"))
    assert "Monday" in art["articleBody"]


@pytest.mark.slow
def test_validate_jsonld_encodings(tmp_path):
    doc = {"@context": "https://schema.org", "@type": "Person", "name": HEADLINE}
    for enc, bom in (("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)):
        f = tmp_path / f"p-{enc}-{len(bom)}.jsonld"
        f.write_bytes(bom + json.dumps(doc, ensure_ascii=False).encode(enc))
        proc = cli("validate", "--format", "json", f)
        assert_clean(proc)
        assert proc.returncode == 0, proc.stdout


# ---- one label table (WHATWG, via webencodings) for reading, fetching and injecting ----------

@pytest.mark.parametrize("charset", ["idna", "undefined", "rot13", "utf-7", "no-such-thing"])
def test_html_meta_charset_browsers_do_not_know_is_ignored(charset):
    """Python knows idna, undefined and rot13 but cannot decode a page with them: they used to
    end the run with 'internal error' (and a `validate -r` gate with it)."""
    data = _page(f'<meta charset="{charset}">').encode("cp1252")
    assert _node(newsld.extract(data, format="html"))["headline"] == HTML_HEADLINE
    proc = cli("validate", "--from", "html", "-", input=data)
    assert_clean(proc)
    assert b"internal error" not in proc.stderr


def test_charset_labels_follow_whatwg():
    from newsld.io.charset import label
    assert label("unicode") == "utf-16-le"       # an html_parse table once said utf-8
    assert label(" Latin1 ") == label("US-ASCII") == label("iso-8859-1") == "cp1252"
    assert label("gb2312") == label("GBK") == "gb18030"   # the standard's GBK decoder is gb18030's
    assert label("x-user-defined") == "cp1252"
    assert label("shift_jis") == "cp932" and label("euc-kr") == "cp949"
    assert label("iso-2022-kr") is None           # WHATWG "replacement": nothing reads it so
    assert label("idna") is None and label("") is None and label(None) is None


@pytest.mark.parametrize("head,expected", [
    (b'<meta charset="koi8-r">', "koi8-r"),
    (b"<META CHARSET=KOI8-R>", "koi8-r"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8-r"),
    (b'<meta content="text/html; charset=\'koi8-r\'" http-equiv=content-type>', "koi8-r"),
    (b'<meta content="text/html; charset=koi8-r">', None),             # no http-equiv: no pragma
    (b"<!-- <meta charset=koi8-r> --><p>", None),                       # in a comment
    (b"<meta charset=nonsense><meta charset=koi8-r>", "koi8-r"),        # an unknown label is skipped
    (b'<p title="<meta charset=koi8-r>">', None),                       # inside an attribute value
    (b"<meta charset=utf-16>", "utf-8"),
    (b"<meta charset=x-user-defined>", "cp1252"),
])
def test_meta_prescan(head, expected):
    from newsld.io.charset import prescan
    assert prescan(head) == expected


def test_reading_and_injecting_agree_on_a_declared_page():
    from newsld.io.charset import browser_encoding, decode_html
    page = _page('<meta charset="windows-1250">', "Zażółć gęślą").encode("cp1250")
    assert browser_encoding(page) == "cp1250"
    assert browser_encoding(page, "nonsense") == "cp1250"   # an unknown HTTP label is ignored (was cp1252)
    assert browser_encoding(page, "koi8-r") == "koi8-r"      # a known one wins over the meta
    assert browser_encoding(b"<meta charset=nonsense><p>") == "utf-8"  # was cp1252
    assert "Zażółć gęślą" in decode_html(page)
