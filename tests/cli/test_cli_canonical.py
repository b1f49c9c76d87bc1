"""The page's canonical link names the article for URL and WARC inputs, as it does for a file
(issue 11 point 5): the address it was fetched from (an AMP page, utm_ parameters, a #fragment)
is only where the page was found."""
import json

import pytest

from helpers import QuietHandler, run_cli
from warcs import write_warc

BODY = ("<body><article><h1>Bridge reopens after repairs</h1><p>The river bridge reopened on "
        "Monday after a year of repairs, the city said.</p><p>Traffic was light.</p></article></body>")


def page(head: str = "") -> bytes:
    return f"<html><head><title>Bridge reopens after repairs</title>{head}</head>{BODY}</html>".encode()


AMP = "/amp/news/bridge.html?utm_source=twitter&utm_medium=social"
# relative, as many AMP pages write it: it resolves against the address the page came from
AMP_PAGE = page("<link rel='canonical' href='/news/bridge.html'>")


class Handler(QuietHandler):
    def do_GET(self):
        if self.path == AMP:
            self.send(200, AMP_PAGE)
        elif self.path == "/plain.html":
            self.send(200, page())
        elif self.path == "/note.txt":
            self.send(200, b"Bridge reopens after repairs\n\nThe river bridge reopened on Monday.\n",
                      "text/plain; charset=utf-8")
        else:
            self.send_error(404)


@pytest.fixture(scope="module")
def server(http_server):
    return http_server(Handler).url


def article(proc) -> dict:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["@graph"][0]


def test_url_input_is_named_by_its_canonical_link(server):
    art = article(run_cli("extract", "--no-validate", server + AMP))
    assert art["url"] == art["mainEntityOfPage"] == f"{server}/news/bridge.html"
    assert art["@id"] == f"{server}/news/bridge.html#article"


def test_url_input_without_canonical_keeps_its_address_without_the_fragment(server):
    art = article(run_cli("extract", "--no-validate", f"{server}/plain.html#comments"))
    assert art["url"] == f"{server}/plain.html"
    assert art["@id"] == f"{server}/plain.html#article"


def test_text_url_input_is_named_by_its_address_without_the_fragment(server):
    art = article(run_cli("extract", "--no-validate", f"{server}/note.txt#top"))
    assert art["url"] == f"{server}/note.txt"


def test_an_explicit_url_still_wins_over_the_canonical_link(server):
    art = article(run_cli("extract", "--no-validate", "--url", "https://example.org/given",
                          server + AMP))
    assert art["url"] == "https://example.org/given"


def test_warc_record_is_named_by_its_canonical_link(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [
        ("https://amp.example.com/news/bridge.amp?utm_source=feed&utm_campaign=x", "text/html",
         page("<link rel='canonical' href='https://example.com/news/bridge'>")),
        ("https://example.com/news/other.html#top", "text/html", page()),
    ])
    proc = run_cli("extract", "--no-validate", "--ndjson", warc)
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    first, second = (r["jsonld"]["@graph"][0] for r in recs)
    assert first["url"] == first["mainEntityOfPage"] == "https://example.com/news/bridge"
    assert first["@id"] == "https://example.com/news/bridge#article"
    # the record's source stays the WARC target URI: it says where the page was found
    assert recs[0]["source"].startswith("https://amp.example.com/")
    assert second["url"] == "https://example.com/news/other.html"


def test_inject_of_a_url_names_the_article_by_its_canonical_link(server):
    proc = run_cli("inject", server + AMP)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8") if isinstance(proc.stdout, bytes) else proc.stdout
    block = out.split('data-newsld>', 1)[1].split("</script>", 1)[0]
    art = json.loads(block)["@graph"][0]
    assert art["url"] == f"{server}/news/bridge.html"
    assert art["@id"] == f"{server}/news/bridge.html#article"


def test_inject_refuses_a_url_option_that_is_not_an_address(tmp_path):
    page_file = tmp_path / "p.html"
    page_file.write_bytes(page())
    proc = run_cli("inject", "--url", "not a url", str(page_file))
    assert proc.returncode == 2 and b"absolute http(s) URL" in (proc.stderr if isinstance(proc.stderr, bytes) else proc.stderr.encode())
