"""Issue 10: markup read and judged as the specifications say (JSON-LD 1.1, WHATWG microdata,
schema.org's vocabulary), one test per point, each written from the rule it follows."""
import json

import pytest

from click.testing import CliRunner

from newsld.cli import main
from newsld.pages.page import validate_page

VALID_PAGE = b"""<html><head><title>T</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "T", "datePublished": "2024-01-02"}</script></head><body><h1>T</h1></body></html>"""


def test_point7_an_info_note_about_an_unchecked_syntax_does_not_make_exit_2(tmp_path):
    # README: exit 2 is "usage or input error"; an info note is neither, and the JSON says valid
    page = tmp_path / "p.html"
    page.write_bytes(VALID_PAGE)
    for syntax in ("rdfa", "microformat", "dublincore"):
        res = CliRunner().invoke(main, ["validate", "--format", "json", "--syntax", "json-ld",
                                        "--syntax", syntax, str(page)])
        rec = json.loads(res.output.splitlines()[0])
        assert any(i["severity"] == "info" and i["code"] == "input" for i in rec["issues"])
        assert rec["valid"] is True
        assert res.exit_code == 0, (syntax, res.output)


# WHATWG microdata, "Values": a src/href value is the attribute's value "parsed relative to the
# element's node document" (the document base URL: <base href> resolved against the document's
# URL, else the document's URL). A page file has no URL unless it is given (--url) or, failing
# that, the page names its own (the canonical link).
RELATIVE = ('<html><head>%s</head><body><article itemscope itemtype="https://schema.org/NewsArticle">'
            '<h1 itemprop="headline">Storm</h1><img itemprop="image" src="img/storm.jpg">'
            '<meta itemprop="datePublished" content="2019-11-19"></article></body></html>')


def _bad_urls(rec):
    return [i["message"] for i in rec["issues"] if i["code"] == "bad-url"]


def _validate(*args):
    res = CliRunner().invoke(main, ["validate", "-q", "--format", "json", "--profile", "google", *map(str, args)])
    return [json.loads(ln) for ln in res.output.splitlines()]


def test_point8_validate_url_option_resolves_relative_microdata_urls(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(RELATIVE % "", encoding="utf-8")
    (before,) = _validate(page)
    assert any("img/storm.jpg" in m for m in _bad_urls(before))
    (after,) = _validate("--url", "https://news.example/world/storm.html", page)
    assert _bad_urls(after) == []


def test_point8_a_warc_records_target_uri_is_the_pages_url(tmp_path):
    from warcs import write_warc
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://news.example/world/storm.html", "text/html",
                       (RELATIVE % "").encode())])
    (rec,) = _validate("--from", "warc", warc)
    assert rec["source"] == "https://news.example/world/storm.html"
    assert _bad_urls(rec) == []


def test_point8_base_href_resolves_against_the_given_url_and_canonical_is_the_fallback():
    from newsld.readers.microdata import base_url
    from newsld.readers.html_parse import parse
    root = parse((RELATIVE % '<base href="/static/">').encode())
    assert base_url(root, "https://news.example/world/storm.html") == "https://news.example/static/"
    root = parse((RELATIVE % '<link rel="canonical" href="https://news.example/a/b.html">').encode())
    assert base_url(root, None) == "https://news.example/a/b.html"
    assert base_url(root, "https://mirror.example/x.html") == "https://mirror.example/x.html"


def test_point8_extract_resolves_microdata_urls_against_base_and_canonical():
    from newsld.readers.html import read
    page = RELATIVE % '<link rel="canonical" href="https://news.example/world/storm.html">'
    article, _ = read(page.encode(), source="p.html")
    images = [n.get("image") for n in article.declared if isinstance(n, dict)]
    assert images == ["https://news.example/world/img/storm.jpg"]


# A block that starts with a complete HTML comment (a CMS plugin's signature) is not JSON, so it
# is reported; but the JSON after it is read and checked, as extruct reads it.
COMMENTED = ('<html><head><script type="application/ld+json">%s{"@context": "https://schema.org", '
             '"@type": "NewsArticle", "headline": "Storm closes every school in the county", '
             '"datePublished": "2024-01-02", "authr": "x"}</script></head><body>'
             '<h1>Storm closes every school in the county</h1><p>Every school is closed today.</p>'
             '</body></html>')


@pytest.mark.parametrize("comment", ["<!-- This site is optimized with the Yoast SEO plugin -->\n",
                                     "<!--\n  Schema by a plugin\n-->", "<!-- a --> <!-- b -->"])
def test_point5_a_leading_complete_comment_is_reported_and_the_json_checked(comment):
    got = validate_page((COMMENTED % comment).encode())
    syn = [i for i in got.issues if i.code == "json-syntax"]
    assert len(syn) == 1 and "comment" in syn[0].message and "read the block anyway" in syn[0].message
    assert any(i.code == "unknown-property" and "authr" in i.message for i in got.issues)


@pytest.mark.parametrize("comment", ["<!-- Yoast SEO -->\n", "<!--\n  Schema by a plugin\n-->"])
def test_point5_extract_reads_the_json_after_a_leading_comment(comment):
    from newsld.readers.html import read
    article, _ = read((COMMENTED % comment).encode(), source="p.html")
    assert [n.get("headline") for n in article.declared] == ["Storm closes every school in the county"]


def test_point10_same_id_in_two_blocks_names_both_blocks():
    block = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
             '"NewsArticle", "@id": "https://news.example/s.html#article", "headline": "%s"}</script>')
    page = ("<html><head>" + block % "Storm closes schools" + block % "Schools closed" +
            "</head><body><h1>Storm closes schools</h1></body></html>").encode()
    (issue,) = [i for i in validate_page(page).issues if i.code == "conflicting-id"]
    assert issue.path == "ld+json[2]$['@id']" and "ld+json[1]$" in issue.message
