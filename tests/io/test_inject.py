"""newsld.io.inject and the ``inject`` command: one data-newsld block, the rest of the page byte
for byte, idempotent, safe JSON in any page encoding, atomic in-place writes."""
from __future__ import annotations

import importlib.util
import json
import os
import stat
import tempfile
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from newsld.cli import Cli
from newsld.cli.inject import inject as inject_cmd
from newsld.errors import InputError
from newsld.io.inject import detect_encoding, inject, remove
from helpers import QuietHandler

HAS_HTML_READER = importlib.util.find_spec("newsld.readers.html") is not None
needs_reader = pytest.mark.skipif(not HAS_HTML_READER, reason="newsld.readers.html not there yet")

DOC = {"@context": "https://schema.org", "@type": "NewsArticle",
       "headline": "Café “quoted” ☃ 😀 </script><script>alert(1)</script> \u2028 & \u2029 <!-- x",
       "author": {"@type": "Person", "name": "Zoë Ñandú"}}
OLD = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "an older headline"}
OPEN = b'<script type="application/ld+json" data-newsld>'

PAGE = (b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
        b"  <title>A &amp; B</title>\n"
        b"  <script>var s = \"</head>\"; // </head> in a script</script>\n"
        b"  <!-- </head> in a comment -->\n"
        b"  <style>p::after { content: \"</head>\" }</style>\n"
        b"</head>\n<body>\n<p>Caf\xc3\xa9</p>\n</body>\n</html>\n")


class Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._cur = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._cur = [dict(attrs), ""]

    def handle_data(self, data):
        if self._cur is not None:
            self._cur[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._cur is not None:
            self.found.append(tuple(self._cur))
            self._cur = None


def ldjson(text: str):
    p = Scripts()
    p.feed(text)
    p.close()
    return [(a, t) for a, t in p.found if a.get("type") == "application/ld+json"]


def ours(text: str):
    return [json.loads(t) for a, t in ldjson(text) if "data-newsld" in a]


def outside_is_original(result: bytes, original: bytes, nl: bytes = b"\n") -> bool:
    """Cutting the one inserted element (and the line break inserted with it) gives back the
    original bytes exactly."""
    a = result.index(OPEN)
    b = result.index(b"</script>", a) + len(b"</script>")
    cuts = [result[:a] + result[b:], result[:a] + result[b + len(nl):], result[:a - len(nl)] + result[b:]]
    return original in cuts


def lxml_head_blocks(result: bytes):
    lxml_html = pytest.importorskip("lxml.html")
    root = lxml_html.document_fromstring(result)
    return root.head.xpath("script[@data-newsld]"), root.xpath("//script[@data-newsld]")


# ---------------------------------------------------------------- library

def test_round_trip_head_page():
    out = inject(PAGE, DOC)
    assert out.count(OPEN) == 1
    assert outside_is_original(out, PAGE)
    assert out.index(OPEN) < out.index(b"\n</head>") + 1
    assert out.index(OPEN) > out.index(b"<style>")  # not inside the script/comment/style '</head>'
    assert ours(out.decode("utf-8")) == [DOC]
    head, everywhere = lxml_head_blocks(out)
    assert len(head) == 1 and len(everywhere) == 1
    assert json.loads(head[0].text) == DOC
    assert inject(out, DOC) == out                     # second run: no-op
    assert remove(out) == PAGE


def test_utf8_page_keeps_characters_readable():
    out = inject(PAGE, DOC)
    assert "Café".encode("utf-8") in out[out.index(OPEN):]


def test_script_breakout_and_line_separators_stay_data():
    out = inject(PAGE, DOC)
    block = out[out.index(OPEN) + len(OPEN):out.index(b"</script>", out.index(OPEN))]
    for bad in (b"</script", b"<script", b"<!--", "\u2028".encode(), "\u2029".encode()):
        assert bad not in block
    scripts = ldjson(out.decode("utf-8"))
    assert len(scripts) == 1 and json.loads(scripts[0][1]) == DOC


def test_replaces_an_older_block_with_different_content():
    first = inject(PAGE, OLD)
    second = inject(first, DOC)
    assert second.count(OPEN) == 1
    assert ours(second.decode()) == [DOC]
    assert second == inject(PAGE, DOC)
    assert inject(second, DOC) == second


@pytest.mark.parametrize("variant", [
    b"<SCRIPT DATA-NEWSLD TYPE='application/ld+json'>{\"old\": 1}</SCRIPT >",
    b"<script data-newsld=\"\" type=application/ld+json>{\"old\": 1}</script>",
    b"<script\ttype=\"application/ld+json\"\ndata-newsld='1' >{\"old\": 1}</script\n>",
])
def test_tolerates_attribute_variants_of_an_older_block(variant):
    page = PAGE.replace(b"</head>\n<body>", variant + b"\n</head>\n<body>", 1)
    out = inject(page, DOC)
    assert out.count(b"data-newsld") == 1 and ours(out.decode()) == [DOC]
    assert out == page.replace(variant, OPEN + b"\n" + _json_bytes(DOC) + b"\n</script>")
    assert inject(out, DOC) == out


def _json_bytes(doc) -> bytes:
    from newsld.io.output import script_json
    return script_json(doc).encode("utf-8")


def test_several_older_blocks_become_one():
    block = OPEN + b'{"old": 1}</script>'
    page = PAGE.replace(b"<title>", block + b"\n  <title>", 1).replace(b"<body>\n", b"<body>\n" + block + b"\n", 1)
    out = inject(page, DOC)
    assert out.count(b"data-newsld") == 1 and ours(out.decode()) == [DOC]
    assert inject(out, DOC) == out


def test_blocks_in_comments_and_scripts_are_not_ours():
    page = PAGE.replace(b"<body>", b"<body>\n<!-- <script data-newsld>{}</script> -->"
                                   b"\n<script>x = '<script data-newsld>';</script>", 1)
    out = inject(page, DOC)
    assert outside_is_original(out, page)
    assert len(ours(out.decode())) == 1


def test_unterminated_block_is_an_input_error():
    with pytest.raises(InputError):
        inject(b"<html><head>" + OPEN + b"{", DOC)


def test_page_without_head():
    page = b"<!doctype html>\n<html lang=en>\n<body><p>text</p></body>\n</html>\n"
    out = inject(page, DOC)
    assert out.startswith(b"<!doctype html>\n<html lang=en>\n" + OPEN)
    assert outside_is_original(out, page)
    head, everywhere = lxml_head_blocks(out)
    assert len(head) == 1 and len(everywhere) == 1
    assert inject(out, DOC) == out and remove(out) == page


def test_head_without_end_tag():
    page = b"<html><head><title>t</title><body><p>x</p>"
    out = inject(page, DOC)
    assert out.startswith(b"<html><head>" + OPEN)
    assert outside_is_original(out, page)
    assert inject(out, DOC) == out


@pytest.mark.parametrize("page", [b"<p>Only a <em>body</em> fragment.</p>\n", b"<article>x</article>",
                                  b"\xef\xbb\xbf<p>with a BOM</p>\n"])
def test_fragment_gets_the_block_at_the_top(page):
    out = inject(page, DOC)
    bom = b"\xef\xbb\xbf" if page.startswith(b"\xef\xbb\xbf") else b""
    assert out.startswith(bom + OPEN)
    assert outside_is_original(out, page)
    assert ours(out.decode("utf-8-sig")) == [DOC]
    assert inject(out, DOC) == out and remove(out) == page


def test_doctype_stays_first_in_a_headless_document():
    page = b"<!DOCTYPE html><title>t</title><p>x"
    out = inject(page, DOC)
    assert out.startswith(b"<!DOCTYPE html>" + OPEN)
    assert inject(out, DOC) == out and remove(out) == page


def test_crlf_page_gets_crlf_around_and_inside_the_block():
    page = PAGE.replace(b"\n", b"\r\n")
    out = inject(page, DOC)
    assert outside_is_original(out, page, b"\r\n")
    a = out.index(OPEN)
    block = out[a:out.index(b"</head>\r\n<body>")]
    assert b"\r\n" in block and b"\n" not in block.replace(b"\r\n", b"")
    assert out[a - 2:a] == b"\r\n"
    assert inject(out, DOC) == out
    assert ours(out.decode()) == [DOC]


def test_cp1252_page_gets_ascii_json():
    page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            "<title>Café – “news”</title></head><body><p>naïve</p></body></html>").encode("cp1252")
    assert detect_encoding(page) == "cp1252"
    out = inject(page, DOC)
    block = out[out.index(OPEN):out.index(b"</head>")]
    assert block.isascii()
    assert outside_is_original(out, page)
    assert ours(out.decode("cp1252")) == [DOC]
    assert inject(out, DOC) == out


def test_meta_charset_and_http_charset():
    latin = b"<head><meta charset=iso-8859-1><title>caf\xe9</title></head>"
    assert detect_encoding(latin) == "cp1252"
    assert inject(latin, DOC)[len(b"<head><meta charset=iso-8859-1><title>caf\xe9</title>"):].isascii()
    utf8_meta = b"<head><meta charset=utf-8><title>x</title></head>"
    assert detect_encoding(utf8_meta) == "utf-8"
    assert detect_encoding(utf8_meta, "iso-8859-2") == "iso8859-2"   # HTTP wins over meta
    assert inject(utf8_meta, DOC, charset="iso-8859-2").isascii()
    assert detect_encoding(b"\xef\xbb\xbf<meta charset=latin1>", "koi8-r") == "utf-8"  # the BOM wins
    assert detect_encoding(b"<meta charset=utf-16>") == "utf-8"
    assert detect_encoding(b"<!-- <meta charset=koi8-r> --><p>") == "utf-8"


def test_undeclared_page_that_is_not_utf8_gets_ascii_json():
    page = b"<html><head><title>caf\xe9</title></head></html>"
    out = inject(page, DOC)
    assert out[out.index(OPEN):].isascii()
    assert ours(out.decode("cp1252")) == [DOC]


def test_utf16_page():
    page = "\ufeff<html><head><title>Ünïcode</title></head><body></body></html>".encode("utf-16-le")
    page = b"\xff\xfe" + page[2:]
    out = inject(page, DOC)
    assert out.startswith(b"\xff\xfe")
    text = out.decode("utf-16")
    assert ours(text) == [DOC]
    assert inject(out, DOC) == out and remove(out) == page


def test_cdata_and_title_do_not_end_the_head():
    page = b"<html><head><title></head></title><![CDATA[ </head> ]]></head><body></body></html>"
    out = inject(page, DOC)
    assert out.index(OPEN) > out.index(b"]]>")
    assert outside_is_original(out, page)


def test_a_list_of_documents():
    docs = [DOC, OLD]
    out = inject(PAGE, docs)
    assert [json.loads(t) for a, t in ldjson(out.decode()) if "data-newsld" in a] == [docs]


# ---------------------------------------------------------------- command

def cli():
    group = Cli(name="newsld")
    group.add_command(inject_cmd)
    return group


def run(args, input=None):
    r = CliRunner().invoke(cli(), ["inject", *args], input=input, catch_exceptions=False)
    return r.exit_code, r.stdout_bytes, r.stderr


@pytest.fixture
def files(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    ld = tmp_path / "doc.jsonld"
    ld.write_text(json.dumps(DOC), encoding="utf-8")
    return tmp_path, page, ld


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("."))


def test_cli_stdout_is_the_exact_bytes(files):
    _, page, ld = files
    code, out, err = run([str(page), "--jsonld", str(ld)])
    assert code == 0 and err == ""
    assert out == inject(PAGE, DOC)


def test_cli_stdin_page(files):
    _, _, ld = files
    code, out, _ = run(["-", "--jsonld", str(ld)], input=PAGE)
    assert code == 0 and out == inject(PAGE, DOC)


def test_cli_output_file(files):
    folder, page, ld = files
    target = folder / "out.html"
    code, out, _ = run([str(page), "--jsonld", str(ld), "-o", str(target)])
    assert code == 0 and out == b""
    assert target.read_bytes() == inject(PAGE, DOC)
    assert page.read_bytes() == PAGE
    assert leftovers(folder) == []


def test_cli_in_place_keeps_mode_and_second_run_is_a_noop(files):
    folder, page, ld = files
    os.chmod(page, 0o640)
    code, out, err = run([str(page), "--jsonld", str(ld), "--in-place"])
    assert code == 0 and out == b"" and err == ""
    once = page.read_bytes()
    assert once == inject(PAGE, DOC)
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert leftovers(folder) == []
    before = page.stat().st_mtime_ns
    code, _, _ = run([str(page), "--jsonld", str(ld), "--in-place"])
    assert code == 0 and page.read_bytes() == once and page.stat().st_mtime_ns == before


@pytest.mark.parametrize("target", ["os.replace", "os.fsync", "tempfile.mkstemp"])
def test_cli_in_place_failure_leaves_the_page_untouched(files, monkeypatch, target):
    folder, page, ld = files

    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    module, name = target.split(".")
    monkeypatch.setattr({"os": os, "tempfile": tempfile}[module], name, boom)
    code, out, err = run([str(page), "--jsonld", str(ld), "--in-place"])
    monkeypatch.undo()
    assert code == 2 and out == b""
    assert err.count("\n") == 1 and err.startswith("newsld: error: cannot write") and "No space" in err
    assert page.read_bytes() == PAGE
    assert leftovers(folder) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes to read-only folders")
def test_cli_in_place_read_only_folder(files):
    folder, page, ld = files
    os.chmod(folder, 0o555)
    try:
        code, _, err = run([str(page), "--jsonld", str(ld), "--in-place"])
    finally:
        os.chmod(folder, 0o755)
    assert code == 2 and err.startswith("newsld: error: cannot write")
    assert page.read_bytes() == PAGE and leftovers(folder) == []


def test_cli_bad_json_names_file_line_and_column(files):
    folder, page, _ = files
    bad = folder / "bad.jsonld"
    bad.write_text('{\n  "headline": "x",\n}\n')
    code, out, err = run([str(page), "--jsonld", str(bad), "--in-place"])
    assert code == 2 and out == b""
    assert err.count("\n") == 1 and f"{bad}: invalid JSON at line 3 column 1" in err
    assert page.read_bytes() == PAGE


@pytest.mark.parametrize("args", [
    ["PAGE", "--in-place", "-o", "x.html"],
    ["-", "--in-place"],
    ["http://127.0.0.1:9/x", "--in-place"],
    ["-", "--jsonld", "-"],
])
def test_cli_usage_errors_are_one_line_exit_2(files, args):
    _, page, _ = files
    code, out, err = run([str(page) if a == "PAGE" else a for a in args], input=b"")
    assert code == 2 and out == b""
    assert err.count("\n") == 1 and err.startswith("newsld: error:")
    assert page.read_bytes() == PAGE


def test_cli_missing_page(tmp_path):
    code, _, err = run([str(tmp_path / "nope.html"), "--jsonld", str(tmp_path / "x")])
    assert code == 2 and err.startswith("newsld: error: cannot read")


ARTICLE = (b"<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           b"<title>Council approves new park budget</title>\n"
           b"<meta name=\"description\" content=\"The city council voted 7-2 on Tuesday to approve the budget.\">\n"
           b"</head>\n<body>\n<article>\n<h1>Council approves new park budget</h1>\n"
           b"<p class=\"byline\">By Jane Doe</p>\n"
           b"<time datetime=\"2025-04-02T10:30:00Z\">2 April 2025</time>\n"
           b"<p>The city council voted 7-2 on Tuesday to approve a new budget for the riverside park, "
           b"ending months of debate over its cost.</p>\n"
           b"<p>The plan adds playgrounds, a cycle path and new lighting along the river. Work starts in June.</p>\n"
           b"</article>\n</body>\n</html>\n")


@needs_reader
def test_cli_extracts_from_the_page_itself_and_is_idempotent(tmp_path):
    page = tmp_path / "a.html"
    page.write_bytes(ARTICLE)
    code, _, err = run([str(page), "--in-place", "--url", "https://example.com/a"])
    assert code == 0, err
    once = page.read_bytes()
    docs = ours(once.decode())
    assert len(docs) == 1
    assert docs[0]["@graph"][0]["headline"] == "Council approves new park budget"
    assert outside_is_original(once, ARTICLE)
    code, _, _ = run([str(page), "--in-place", "--url", "https://example.com/a"])
    assert code == 0 and page.read_bytes() == once


LATIN = ARTICLE.replace(b"Council approves new park budget", "Café council approves park budget".encode("latin-1"))


class PageHandler(QuietHandler):
    def do_GET(self):
        latin = self.path == "/latin.html"
        body = (ARTICLE if self.path == "/a.html" else LATIN if latin else b"not found")
        self.send(200 if self.path in ("/a.html", "/latin.html") else 404, body,
                  f"text/html; charset={'iso-8859-1' if latin else 'utf-8'}")


@pytest.fixture(scope="module")
def server(http_server):
    return http_server(PageHandler).url


@needs_reader
def test_cli_page_from_a_url(server):
    code, out, err = run([server + "/a.html"])
    assert code == 0, err
    docs = ours(out.decode())
    assert docs[0]["@graph"][0]["@id"].startswith(server + "/a.html")
    assert outside_is_original(out, ARTICLE)


def test_cli_url_404_is_one_line(server, tmp_path):
    ld = tmp_path / "d.jsonld"
    ld.write_text(json.dumps(DOC))
    code, out, err = run([server + "/missing", "--jsonld", str(ld)])
    assert code == 2 and out == b""
    assert err == f"newsld: error: {server}/missing: HTTP 404 Not Found\n"


@needs_reader
def test_cli_http_charset_wins_over_meta(server):
    code, out, err = run([server + "/latin.html"])   # meta says utf-8, HTTP says iso-8859-1
    assert code == 0, err
    assert outside_is_original(out, LATIN)
    block = out[out.index(OPEN):]
    assert block[:block.index(b"</script>")].isascii()
    docs = ours(out.decode("latin-1"))
    assert docs[0]["@graph"][0]["headline"] == "Café council approves park budget"
