"""validate_page on HTML pages: fixtures cut from real corpus pages (tests/fixtures/pages)."""
import json
import re

import pytest
from click.testing import CliRunner

from newsld.cli import main
from newsld.pages.page import ld_json_blocks, validate_page
from helpers import FIXTURES

PAGES = FIXTURES / "pages"


def issues(name, **kw):
    return validate_page((PAGES / name).read_bytes(), source=name, **kw).issues


def codes(name, **kw):
    return [(i.code, i.path) for i in issues(name, **kw)]


def test_broken_ldjson_line_and_column_point_into_the_page():
    data = (PAGES / "broken_ldjson.html").read_text(encoding="utf-8")
    syn = [i for i in issues("broken_ldjson.html") if i.code == "json-syntax"]
    assert len(syn) == 1 and syn[0].severity == "error" and syn[0].path == "ld+json[1]"
    line, col = map(int, re.search(r"line (\d+), column (\d+)", syn[0].message).groups())
    # the page's own text at that line/column is where strict JSON fails: a single-quoted string
    assert data.splitlines()[line - 1][col - 1] == "'"
    assert "fix" in syn[0].message or "check" in syn[0].message


def test_commented_ldjson_is_reported_and_still_validated():
    got = issues("commented_ldjson.html")
    syn = [i for i in got if i.code == "json-syntax"]
    assert len(syn) == 1 and "read the block anyway" in syn[0].message
    data = (PAGES / "commented_ldjson.html").read_text(encoding="utf-8")
    line, col = map(int, re.search(r"line (\d+), column (\d+)", syn[0].message).groups())
    lines = data.splitlines()
    # strict JSON stops at the "}," that closes the object early; the // comment follows it
    assert lines[line - 1][col - 1] == "," and lines[line].lstrip().startswith("//")
    # the rest of the block was read: its issues have block-prefixed paths
    assert any(i.path.startswith("ld+json[1]$.") for i in got if i.code != "json-syntax")


def test_yoast_graph_paths_name_block_and_graph_index():
    got = codes("yoast_graph.html")
    # the block and @graph index name where each issue is (query-input is an Action annotation)
    assert ("empty-value", "ld+json[1]$['@graph'][5].sameAs") in got
    # each issue names the type of the node it is in: here the @graph member, not the block
    member = next(i for i in issues("yoast_graph.html") if i.path == "ld+json[1]$['@graph'][5].sameAs")
    assert member.message.startswith("Person: sameAs ")
    assert not any(c == "unknown-property" for c, _ in got)
    assert not any(c in ("json-syntax", "date-format", "no-article-markup", "mismatch") for c, _ in got)


def test_issue_names_the_innermost_node_type():
    ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm",'
          '"publisher":{"@type":"Organization","name":"Daily","foundingDate":"March 3, 1923"},'
          '"author":{"@type":"person","name":"Jane Doe"}}')
    page = f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>'
    got = {i.path: i.message for i in validate_page(page.encode()).issues}
    assert got["ld+json[1]$.publisher.foundingDate"].startswith("Organization: foundingDate ")
    # an unknown type is named by the node around it, not by itself
    assert got["ld+json[1]$.author['@type']"].startswith("NewsArticle: 'person' is not")


def test_microdata_only_page_is_validated_with_its_type():
    got = issues("microdata_only.html")
    assert [(i.code, i.path) for i in got] == [("unknown-property", "microdata[1]$.dateUpdated")]
    assert got[0].message.startswith("microdata BlogPosting: ")


def test_lower_case_microdata_types():
    got = codes("lowercase_type.html")
    assert ("unknown-type", "microdata[1]$['@type']") in got
    assert ("unknown-type", "microdata[2]$['@type']") in got
    assert ("no-article-markup", "$") in got


def test_non_iso_date():
    got = issues("non_iso_date.html")
    d = [i for i in got if i.path == "ld+json[1]$.datePublished"]
    assert d and d[0].code == "date-format" and "2019-11-19T07:09:00+00:00" in d[0].message
    assert d[0].message.startswith("NewsArticle: datePublished ")


MICRODATA_DATE = """<!doctype html><html><head><title>t</title></head>
<body itemscope itemtype="https://schema.org/WebPage"><h1>Storm closes schools</h1>
<ul class="elementor-post-info"><li itemprop="datePublished"> <span>July 2, 2018</span> </li></ul>
<div itemscope itemtype="https://schema.org/NewsArticle">%s</div></body></html>"""


@pytest.mark.parametrize("markup,expected", [
    # an itemprop on visible text (an Elementor post-info widget): the text is the value
    ("", [("date-text", "microdata[1]$.datePublished")]),
    # a machine value that is not ISO 8601 is a format error, as in JSON-LD
    ('<meta itemprop="dateModified" content="July 3, 2018">',
     [("date-text", "microdata[1]$.datePublished"), ("date-format", "microdata[2]$.dateModified")]),
    # <time datetime> and content= give ISO values: no date issue for them
    ('<time itemprop="dateModified" datetime="2018-07-03">July 3, 2018</time>'
     '<span itemprop="dateCreated" content="2018-07-01">July 1</span>',
     [("date-text", "microdata[1]$.datePublished")]),
])
def test_microdata_dates_from_visible_text(markup, expected):
    got = validate_page((MICRODATA_DATE % markup).encode(), source="p.html").issues
    dates = [i for i in got if i.code.startswith("date")]
    assert [(i.code, i.path) for i in dates] == expected
    assert all(i.severity == "error" for i in dates)
    text = dates[0].message
    assert "visible text 'July 2, 2018'" in text and 'datetime="2018-07-02"' in text


def test_microdata_time_without_datetime_is_its_text():
    # HTML's microdata rules: a <time> without datetime has its text as its value
    got = validate_page((MICRODATA_DATE % '<time itemprop="dateModified">July 3, 2018</time>'
                         '<time itemprop="dateCreated">2018-07-01</time>').encode()).issues
    assert [(i.code, i.path) for i in got if i.code.startswith("date")] == [
        ("date-text", "microdata[1]$.datePublished"), ("date-text", "microdata[2]$.dateModified")]


def test_headline_mismatch_with_visible_h1():
    got = [i for i in issues("headline_mismatch.html") if i.code == "mismatch"]
    assert [(i.severity, i.path) for i in got] == [("warning", "ld+json[1]$.headline")]
    assert "Taylor Swift is allowed" in got[0].message


def test_no_markup_page_is_one_info():
    got = issues("no_markup.html")
    assert [(i.severity, i.code) for i in got] == [("info", "no-article-markup")]
    assert "no structured data" in got[0].message


def test_script_type_variants_and_comments():
    page = ("<html><head>\n<script type=application/ld+json>{}</script>\n"
            "<SCRIPT TYPE='Application/LD+JSON; charset=utf-8'>[1]</SCRIPT>\n"
            "<!-- <script type=\"application/ld+json\">{bad</script> -->\n"
            "<script type=\"text/javascript\">var x = '<script type=\"application/ld+json\">';</script>\n"
            "<script>{}</script></head></html>")
    assert [raw for _, raw in ld_json_blocks(page)] == ["{}", "[1]"]


def test_blocks_are_one_page_for_references():
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
          '"headline":"Storm closes all schools in the county","datePublished":"2019-11-19",'
          '"author":{"@id":"#jane"}}</script>'
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person",'
          '"@id":"#jane","name":"Jane Doe"}</script>')
    html = f"<html><head><title>Storm closes all schools in the county</title>{ld}</head><body>" \
           "<h1>Storm closes all schools in the county</h1><p class=byline>By Jane Doe</p></body></html>"
    got = validate_page(html.encode())
    assert [i.code for i in got.issues] == []


def test_date_and_author_mismatch():
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
          '"headline":"Storm closes all schools in the county","datePublished":"2019-11-02",'
          '"author":{"@type":"Person","name":"John Smith"}}</script>')
    html = f"<html><head>{ld}</head><body><article><h1>Storm closes all schools in the county</h1>" \
           '<div class="byline">By <a href="/author/jane-doe">Jane Doe</a></div>' \
           '<time datetime="2019-11-19T07:09:00Z">19 November 2019</time><p>' + "Text. " * 30 + \
           "</p></article></body></html>"
    got = [(i.code, i.path) for i in validate_page(html.encode()).issues]
    assert ("mismatch", "ld+json[1]$.datePublished") in got
    assert ("mismatch", "ld+json[1]$.author") in got


def mismatch_page(date="2022-05-03", author="Jane Doe", body=""):
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
          f'"headline":"Storm closes all schools in the county","datePublished":"{date}",'
          f'"author":{{"@type":"Person","name":"{author}"}}}}</script>')
    html = f"<html><head>{ld}</head><body><article><h1>Storm closes all schools in the county</h1>" \
           f'<div class="byline">By <a href="/author/jane-doe">Jane Doe</a></div>{body}<p>' + \
           "Text. " * 30 + "</p></article></body></html>"
    return [(i.code, i.path) for i in validate_page(html.encode()).issues if i.code == "mismatch"]


@pytest.mark.parametrize("body", [
    '<p class="date">03/05/2022 22:46</p>',                          # day first: 3 May
    '<p class="date">05/03/2022</p>',                                # month first: May 3
    # the page's own date shown in a <time> marked as the modification, with a later datetime
    '<time itemprop="dateModified" datetime="2022-05-09T10:00:00Z">May 3, 2022</time>'
    '<p class="date">Event on May 20, 2022</p>',
    # dates in an embedded post and in a teaser link belong to other pages
    '<blockquote class="instagram-media"><p>A post shared '
    '<time datetime="2018-03-27T07:08:52Z">Mar 27, 2018</time></p></blockquote>',
    '<ul class="more"><li><a href="/other"><h2>Older story</h2><time>July 26, 2016</time></a></li></ul>',
])
def test_no_date_mismatch_when_the_page_shows_the_declared_day(body):
    assert mismatch_page(body=body) == []


def test_date_mismatch_names_the_shown_text():
    body = '<time datetime="17:00, 24 December 2015">Friday 25 December 2015</time>'
    got = [i for i in validate_page(
        f'<html><head><script type="application/ld+json">{{"@context":"https://schema.org",'
        f'"@type":"NewsArticle","headline":"Storm","datePublished":"2016-05-08"}}</script></head>'
        f'<body><article><h1>Storm</h1>{body}<p>Text.</p></article></body></html>'.encode()).issues
        if i.code == "mismatch"]
    assert len(got) == 1 and "the page shows 2015-12-25 (<time> 'Friday 25 December 2015')" in got[0].message


def test_author_named_in_a_block_next_to_other_text_appears():
    # "von<h4>Ingo Arzt</h4><h5>Redakteur</h5>" reads "voningo arztredakteur" inline
    body = '<div class="author-box">von<h4>Ingo Arzt</h4><h5>Redakteur</h5></div>'
    assert mismatch_page(date="2022-05-03", author="Ingo Arzt", body=body) == []
    assert mismatch_page(author="Ingo Arzt") == [("mismatch", "ld+json[1]$.author")]


# ---------- CLI ----------

def run(args):
    r = CliRunner().invoke(main, args, standalone_mode=True, catch_exceptions=False)
    return r.exit_code, r.stdout


def test_cli_json_exit_1_on_errors():
    code, out = run(["validate", "--format", "json", "-q", str(PAGES / "broken_ldjson.html")])
    assert code == 1
    rec = json.loads(out)
    assert rec["valid"] is False and rec["issues"][0]["code"] == "json-syntax"
    assert rec["issues"][0]["path"] == "ld+json[1]"


def test_cli_exit_0_on_warnings_only():
    code, _ = run(["validate", "--format", "json", "-q", str(PAGES / "headline_mismatch.html")])
    assert code == 0
    code, _ = run(["validate", "--strict", "--format", "json", "-q", str(PAGES / "headline_mismatch.html")])
    assert code == 1


@pytest.mark.parametrize("fmt,needle", [("text", "error json-syntax ld+json[1]"), ("junit", "<testsuite"),
                                        ("github", "::error"), ("sarif", '"json-syntax"')])
def test_cli_formats(fmt, needle):
    code, out = run(["validate", "--format", fmt, "-q", str(PAGES / "broken_ldjson.html")])
    assert code == 1
    assert needle in out


def test_validate_page_is_library_api():
    import newsld
    page = (b'<html><head><script type="application/ld+json">{"@context":"https://schema.org",'
            b'"@type":"NewsArticle","headline":7}</script></head><body><h1>x</h1></body></html>')
    report = newsld.validate_page(page, profile="google")
    assert "validate_page" in newsld.__all__
    assert ("wrong-type", "ld+json[1]$.headline") in [(i.code, i.path) for i in report.issues]
