"""URL inputs for extract and validate, served from 127.0.0.1 by the test itself."""
import json

import pytest
from click.testing import CliRunner

from newsld.cli import main
from helpers import QuietHandler

PAGE = ("<html><head><meta charset='utf-8'><title>Café reopens downtown</title>"
        "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\","
        " \"headline\": \"Café reopens downtown\", \"datePublished\": \"19 Nov 2019\"}</script></head>"
        "<body><article><h1>Café reopens downtown</h1><p>The café on Main Street reopened on Monday after"
        " a year of repairs, its owners said.</p><p>Queues formed before the doors opened.</p>"
        "</article></body></html>")


class Handler(QuietHandler):
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/a.html")
            self.end_headers()
            return
        if self.path != "/a.html":
            self.send_error(404)
            return
        # the HTTP charset must win over the page's meta utf-8
        self.send(200, PAGE.encode("cp1252"), "text/html; charset=windows-1252")


@pytest.fixture(scope="module")
def server(http_server):
    return http_server(Handler).url


def run(args):
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_extract_url_uses_it_as_the_article_url(server):
    code, out, err = run(["extract", "--no-validate", f"{server}/moved"])
    art = json.loads(out)["@graph"][0]
    assert code == 0, err
    assert art["headline"] == "Café reopens downtown"
    assert art["url"] == f"{server}/moved"


def test_validate_url_reports_the_bad_date(server):
    code, out, _ = run(["validate", "--format", "json", f"{server}/a.html"])
    rec = json.loads(out)
    assert code == 1 and rec["source"] == f"{server}/a.html"
    assert "date-format" in {i["code"] for i in rec["issues"]}


def test_missing_page_is_one_line_exit_2(server):
    code, out, err = run(["extract", f"{server}/nope.html"])
    assert code == 2 and out == "" and err.count("\n") == 1 and "404" in err
