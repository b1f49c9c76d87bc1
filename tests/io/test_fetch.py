"""newsld.io.fetch against a local server on 127.0.0.1 (no other network)."""
from __future__ import annotations

import json
import time

import pytest

from newsld import __version__
from newsld.errors import InputError, LimitError
from newsld.batch import is_url
from newsld.io.fetch import as_utf8, fetch
from helpers import QuietHandler

BODY = "<html><head><title>Café</title></head><body>é</body></html>".encode("iso-8859-1")
SEEN: list[dict] = []


class Handler(QuietHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        SEEN.append({"path": self.path, "ua": self.headers.get("User-Agent")})
        path = self.path
        if path == "/page":
            self.send(200, BODY, "text/html; charset=ISO-8859-1")
        elif path == "/nocharset":
            self.send(200, b"<p>x</p>", "text/html")
        elif path.startswith("/r/"):
            n = int(path[3:])
            self.send_response(302 if n % 2 else 301)
            self.send_header("Location", f"/r/{n - 1}" if n > 1 else "/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/x")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big":
            self.send(200, b"x" * 2048, "text/html")
        elif path == "/big-unknown-length":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(8):
                self.wfile.write(b"y" * 512)
            self.close_connection = True
        elif path == "/exact":
            self.send(200, b"z" * 1024, "text/html")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, b"late", "text/html")
        elif path == "/trickle":  # one byte every 0.1 s: each read is quick, the whole is not
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"t")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path == "/error":
            self.send(500, b"oops", "text/plain")
        else:
            self.send(404, b"no", "text/plain")



@pytest.fixture(scope="module")
def base(http_server):
    return http_server(Handler).url


def test_200_with_charset_and_user_agent(base):
    SEEN.clear()
    body, charset = fetch(base + "/page")
    assert body == BODY and charset == "iso-8859-1"
    assert SEEN[-1]["ua"] == f"newsld/{__version__}"


def test_no_charset_is_none(base):
    assert fetch(base + "/nocharset") == (b"<p>x</p>", None)


def test_redirect_chain_within_the_limit(base):
    assert fetch(base + "/r/5", max_redirects=5)[0] == BODY


def test_redirect_chain_over_the_limit(base):
    with pytest.raises(InputError, match=r"more than 2 redirects"):
        fetch(base + "/r/3", max_redirects=2)


def test_redirect_to_another_scheme_is_refused(base):
    with pytest.raises(InputError, match="only http and https"):
        fetch(base + "/to-ftp")


def test_404_is_an_input_error_with_one_line(base):
    with pytest.raises(InputError) as e:
        fetch(base + "/missing")
    assert str(e.value) == f"{base}/missing: HTTP 404 Not Found"
    assert type(e.value) is InputError


def test_500(base):
    with pytest.raises(InputError, match="HTTP 500"):
        fetch(base + "/error")


@pytest.mark.parametrize("path", ["/big", "/big-unknown-length"])
def test_oversize_body_is_a_limit_error(base, path):
    with pytest.raises(LimitError, match="larger than 1024 bytes"):
        fetch(base + path, max_bytes=1024)


def test_body_of_exactly_max_bytes_is_fine(base):
    assert len(fetch(base + "/exact", max_bytes=1024)[0]) == 1024


def test_timeout(base):
    start = time.monotonic()
    with pytest.raises(InputError, match="timed out after 0.3 s"):
        fetch(base + "/slow", timeout=0.3)
    assert time.monotonic() - start < 1.4


def test_timeout_is_for_the_whole_fetch_not_each_read(base):
    # a server trickling bytes never lets one read time out; the deadline covers them all
    start = time.monotonic()
    with pytest.raises(InputError, match="timed out after 0.5 s"):
        fetch(base + "/trickle", timeout=0.5)
    assert time.monotonic() - start < 1.5


def test_connection_refused_is_an_input_error():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(InputError, match="cannot fetch"):
        fetch(f"http://127.0.0.1:{port}/", timeout=2)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x/", "data:text/html,hi",
                                 "/etc/passwd", "javascript:alert(1)"])
def test_non_http_schemes_are_refused(url):
    with pytest.raises(InputError, match="only http and https"):
        fetch(url)


@pytest.mark.parametrize("s,expected", [
    ("https://example.com/a", True), ("http://x", True), ("HTTP://X/", True), ("ftp://x/y", True),
    ("page.html", False), ("-", False), ("C:\\site\\a.html", False), ("c:/site/a.html", False),
    ("./http://x", False), ("", False), (None, False),
])
def test_is_url(s, expected):
    assert is_url(s) is expected


def test_as_utf8_lets_the_http_charset_win():
    page = "<meta charset=utf-8><p>Café</p>".encode("iso-8859-1")
    assert as_utf8(page, "iso-8859-1") == "<meta charset=utf-8><p>Café</p>".encode("utf-8")
    assert as_utf8(page, None) == page
    assert as_utf8(b"\xef\xbb\xbf<p>x</p>", "koi8-r") == b"\xef\xbb\xbf<p>x</p>"
    assert as_utf8("é".encode("utf-8"), "utf-8") == "é".encode("utf-8")
    assert as_utf8("é".encode("utf-8"), "utf8") == "é".encode("utf-8")


@pytest.mark.parametrize("charset", ["no-such-charset", "idna", "undefined", "rot13", "utf-7"])
def test_as_utf8_ignores_a_charset_browsers_do_not_know(charset):
    """Not a WHATWG label: browsers ignore it (so the reader's own sniffing decides). Python
    knows idna, undefined and rot13, which used to crash the whole run ('internal error')."""
    page = "<title>Caf\u00e9</title>".encode("cp1252")
    assert as_utf8(page, charset) == page
    import newsld
    doc = newsld.extract(as_utf8(page + b"<p>Some body text of the page.</p>", charset), format="html")
    assert "Caf\u00e9" in json.dumps(doc, ensure_ascii=False)


def test_as_utf8_reads_whatwg_labels():
    assert as_utf8("\u00e9".encode("utf-16-le"), "unicode") == "\u00e9".encode("utf-8")  # WHATWG: UTF-16LE
    assert as_utf8(b"caf\xe9", "latin1") == "caf\u00e9".encode("utf-8")
    assert as_utf8(b"\x80", "us-ascii") == "\u20ac".encode("utf-8")  # ascii is windows-1252 too


def test_a_url_input_is_fetched_within_the_inputs_time_budget(base):
    # batch fetched URLs while listing the work, outside the --timeout budget of the input
    from newsld import batch
    from newsld.batch import pool
    from newsld.batch.records import Options, extract_item
    start = time.monotonic()
    recs = list(pool.run(batch.items([base + "/trickle", base + "/page"]),
                          lambda item: extract_item(Options(), item), budget=0.5))
    assert time.monotonic() - start < 2.5
    assert "took longer than 0.5 s" in recs[0]["issues"][0]["message"]
    assert recs[1]["ok"]
