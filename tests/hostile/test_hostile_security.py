"""Security: no XXE (no file read, no request), and JSON-LD written into HTML stays data whatever
any field holds (<, >, &, U+2028, U+2029 escaped; one script element; same values back)."""
from __future__ import annotations

import http.server
import json
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsld
from newsld.io.output import html_script, script_json
from helpers import assert_clean, cli

EVIL = "</script><script>alert(1)</script>"
NASTY = EVIL + " <!-- <script> \u2028\u2029 & &amp; </SCRIPT > <\\/script> ]]> \"'"


# ---- XXE -----------------------------------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):  # noqa: N802
        _Recorder.hits.append(self.path)
        body = b"SECRET-FROM-NETWORK"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


@pytest.fixture
def server(http_server):
    _Recorder.hits = []
    return http_server(_Recorder)


def _xxe_page(port: int, secret_file) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [
  <!ENTITY file SYSTEM "file:///etc/passwd">
  <!ENTITY mine SYSTEM "file://{secret_file}">
  <!ENTITY net SYSTEM "http://127.0.0.1:{port}/xxe">
  <!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/dtd"> %remote;
]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Storm closes schools &file;</title>
<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css"/>
<script type="application/ld+json">{{"@context": "http://127.0.0.1:{port}/context", "@type": "NewsArticle", "headline": "&net;"}}</script>
</head><body><article><h1>Storm closes schools &file; &mine; &net;</h1>
<img src="http://127.0.0.1:{port}/img.png"/>
<p>The storm closed every school &file; in the county &mine; on Monday &net;.</p>
<div itemscope itemtype="http://127.0.0.1:{port}/Type"><span itemprop="name">&net;</span></div>
</article></body></html>""".encode()


@pytest.mark.slow
@pytest.mark.parametrize("command", [
    ["extract"], ["extract", "--syntax", "json-ld", "--syntax", "microdata", "--syntax", "rdfa",
                  "--syntax", "microformat", "--syntax", "dublincore", "--syntax", "opengraph"],
    ["validate"], ["validate", "--syntax", "rdfa", "--syntax", "microdata", "--syntax", "json-ld"],
    ["inject"],
])
def test_xxe_reads_no_file_and_makes_no_request(tmp_path, server, command):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-FILE-CONTENT")
    page = tmp_path / "xxe.html"
    page.write_bytes(_xxe_page(server.server_address[1], secret))
    proc = cli(*command, page)
    assert_clean(proc)
    out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
    assert "root:" not in out and "/bin/" not in out
    assert "TOP-SECRET-FILE-CONTENT" not in out
    assert "SECRET-FROM-NETWORK" not in out
    assert _Recorder.hits == []
    assert proc.returncode in (0, 1, 2)


def test_xxe_through_the_library(tmp_path, server):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-FILE-CONTENT")
    doc = newsld.extract(_xxe_page(server.server_address[1], secret), format="html")
    text = json.dumps(doc)
    assert "root:" not in text and "TOP-SECRET" not in text and "SECRET-FROM-NETWORK" not in text
    assert _Recorder.hits == []


@pytest.mark.slow
def test_url_input_is_the_only_fetch(server):
    """A URL given on the command line is fetched (once); nothing the page names is."""
    port = server.server_address[1]
    cli("extract", f"http://127.0.0.1:{port}/page")
    assert [h for h in _Recorder.hits if h != "/page"] == []


# ---- <script> escaping ---------------------------------------------------------------------

class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self._in = None
        self.other_tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in = (dict(attrs), [])
        elif self._in is None:
            self.other_tags.append(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self._in is not None:
            self.scripts.append((self._in[0], "".join(self._in[1])))
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self._in[1].append(data)


def _scripts(html: str):
    p = _Scripts()
    p.feed(html)
    p.close()
    return p


def _assert_one_script_holding(html: str, doc):
    p = _scripts(html)
    ld = [s for a, s in p.scripts if a.get("type") == "application/ld+json"]
    assert len(p.scripts) == 1 and len(ld) == 1, p.scripts
    assert "script" not in p.other_tags
    assert json.loads(ld[0]) == doc
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        assert ch not in ld[0]


def _evil_article() -> str:
    return (f"Head {NASTY}\n\nBy Jane {EVIL} Doe\n\n_Dek {NASTY}_\n\n\nBody {NASTY} paragraph.\n\n"
            f"Frequently Asked Questions\n\nWhat {NASTY}?\n\nAnswer {NASTY}.\n\n"
            f"Tags: storm{EVIL}, {NASTY}\n")


FIELDS = ["headline", "description", "articleBody", "keywords", "author", "faq-question", "faq-answer"]


@pytest.mark.slow
def test_html_script_keeps_every_field_data(tmp_path):
    f = tmp_path / "evil.md"
    f.write_text(_evil_article())
    plain = cli("extract", "--no-validate", f)
    assert plain.returncode == 0, plain.stderr
    doc = json.loads(plain.stdout)
    proc = cli("extract", "--no-validate", "--format", "html-script", f)
    assert_clean(proc)
    assert proc.returncode == 0
    _assert_one_script_holding(proc.stdout.decode(), doc)
    # the hostile text did reach each field, as data
    text = json.dumps(doc, ensure_ascii=False)
    art = doc["@graph"][0]
    assert EVIL in art["headline"] and EVIL in art["description"] and EVIL in art["articleBody"]
    assert any(EVIL in k for k in art["keywords"])
    faq = next(n for n in doc["@graph"] if n["@type"] == "FAQPage")
    assert EVIL in faq["mainEntity"][0]["name"] and EVIL in faq["mainEntity"][0]["acceptedAnswer"]["text"]
    assert text.count("alert(1)") >= 7


@pytest.mark.slow
def test_html_script_with_metadata_options(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Storm closes schools\n\nThe storm closed every school.\n")
    opts = ["--author", f"Jane {EVIL}", "--publisher-name", NASTY, "--section", NASTY,
            "--url", f"https://example.com/a?x={EVIL}", "--image", f"https://example.com/{EVIL}.jpg"]
    doc = json.loads(cli("extract", "--no-validate", *opts, f).stdout)
    proc = cli("extract", "--no-validate", "--format", "html-script", *opts, f)
    assert_clean(proc)
    _assert_one_script_holding(proc.stdout.decode(), doc)
    assert any(NASTY in v for v in _strings(doc))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


@pytest.mark.slow  # a property search over arbitrary values
@settings(max_examples=200, deadline=None)
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(),
                              st.sampled_from([EVIL, NASTY, "<!--", "-->", "\u2028", "</scr", "ipt>"])),
                    lambda inner: st.one_of(st.lists(inner, max_size=4),
                                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                    max_leaves=20))
def test_script_json_round_trips_any_value(value):
    _assert_one_script_holding(html_script(value), value)
    for indent in (None, 2):
        assert json.loads(script_json(value, indent=indent)) == value


def test_inject_keeps_fields_data():
    inject = pytest.importorskip("newsld.io.inject").inject
    doc = newsld.extract(_evil_article(), format="markdown")
    page = b"<!doctype html><html><head><title>x</title></head><body><p>Hi</p></body></html>"
    out = inject(page, doc)
    _assert_one_script_holding(out.decode("utf-8"), doc)
    # a second run replaces its own block: still one script, same values
    _assert_one_script_holding(inject(out, doc).decode("utf-8"), doc)
    # a latin-1 page gets ASCII-only JSON that still round-trips
    page1 = '<html><head><meta charset="iso-8859-1"><title>Café</title></head><body></body></html>'.encode("latin-1")
    out1 = inject(page1, doc)
    _assert_one_script_holding(out1.decode("cp1252"), doc)


@pytest.mark.slow
def test_cli_inject_keeps_fields_data(tmp_path):
    doc = newsld.extract(_evil_article(), format="markdown")
    ld = tmp_path / "doc.jsonld"
    ld.write_text(json.dumps(doc))
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>x</title></head><body><p>Hi</p></body></html>")
    proc = cli("inject", "--jsonld", ld, page)
    if proc.returncode == 2 and b"no such command" in proc.stderr.lower():
        pytest.skip("no inject command")
    assert_clean(proc)
    assert proc.returncode == 0, proc.stderr
    _assert_one_script_holding(proc.stdout.decode(), doc)


@pytest.mark.slow
def test_written_file_is_atomic_on_error(tmp_path):
    out = tmp_path / "out.jsonld"
    out.write_text("previous")
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    proc = cli("extract", "-o", out, bad)
    assert proc.returncode == 2
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# ---- reports stay well-formed whatever the document's keys and values hold ------------------

HOSTILE_DOC = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": 5,
               "bad\u0001key]]></x>&<\n::error::injected\u2028": "v\u0000\u000b",
               "\ud800": "lone surrogate key", "datePublished": "x\u001b]]>\n::warning::y",
               "author": {"@type": "Person\n::error::z", "name": EVIL}}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "json", "junit", "github", "sarif"])
def test_reports_stay_well_formed(tmp_path, fmt):
    import xml.etree.ElementTree as ET
    f = tmp_path / "evil.jsonld"
    f.write_text(json.dumps(HOSTILE_DOC))  # ensure_ascii: the lone surrogate is a \ud800 escape
    proc = cli("validate", "--format", fmt, f)
    assert_clean(proc)
    assert proc.returncode == 1
    out = proc.stdout.decode("utf-8")  # strict: no lone surrogate reached the output
    if fmt == "junit":
        ET.fromstring(proc.stdout)
    elif fmt == "sarif":
        json.loads(out)
    elif fmt == "json":
        [json.loads(x) for x in out.splitlines()]
    else:  # one issue per line: no key or value starts a line of its own
        lines = out.splitlines()
        prefix = "::" if fmt == "github" else f"{f}: "
        assert lines and all(ln.startswith(prefix) for ln in lines), lines
        assert not any(ln.startswith(("::error::", "::warning::")) for ln in lines)
