"""readers.microdata: the one microdata -> JSON-LD converter (WHATWG HTML microdata), for
extract (the reader's lxml.etree tree) and validate (pages)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsld.pages.page import validate_page
from newsld.readers.html import read
from newsld.readers.html_parse import parse
from newsld.readers.microdata import nodes

ARTICLE = ('<html><head><title>Storm closes every school</title></head><body>'
           '<article itemscope itemtype="https://schema.org/NewsArticle">'
           '<h1 itemprop="headline">Storm closes every school</h1>'
           '<p>By <span itemprop="author" itemscope itemtype="https://schema.org/Person">'
           '<span itemprop="name">Jane Doe%s</span></span></p>'
           '<meta itemprop="datePublished" content="2019-11-19">'
           '<p>Every school in the county is closed today after the storm hit overnight.</p>'
           '</article></body></html>')


def declared(html: str) -> list:
    article, _ = read(html.encode(), source="p.html")
    return article.declared


@pytest.mark.parametrize("child", ["<script>var x = 1;</script>", "<style>p{}</style>",
                                   '<link rel="x" href="/y">', '<meta name="x" content="y">'])
def test_itemprop_text_holding_a_hidden_element_keeps_the_items(child):
    # extruct's text cleaner raised on the reader's lxml.etree tree for these children and the
    # reader dropped every microdata item of the page, silently
    nodes = declared(ARTICLE % child)
    assert nodes == [{"@type": "NewsArticle", "headline": "Storm closes every school",
                      "author": {"@type": "Person", "name": "Jane Doe"}, "datePublished": "2019-11-19"}]


def test_an_item_without_properties_around_a_script_keeps_the_page_items():
    html = ARTICLE.replace("<body>", '<body itemscope itemtype="https://schema.org/WebPage">'
                                     "<script>var a = 1;</script>") % ""
    types = [n.get("@type") for n in declared(html)]
    assert "NewsArticle" in str(types)


def test_item_on_html_element_is_read_by_extract_and_validate():
    html = ('<html itemscope itemtype="https://schema.org/NewsArticle"><head><title>Storm closes every school'
            '</title><meta itemprop="datePublished" content="2019-11-19"></head><body>'
            '<h1 itemprop="headline">Storm closes every school</h1>'
            '<p>Every school in the county is closed today after the storm hit overnight.</p></body></html>')
    assert declared(html) == [{"@type": "NewsArticle", "datePublished": "2019-11-19",
                               "headline": "Storm closes every school"}]
    got = validate_page(html.encode(), profile="google").issues
    assert any(i.path.startswith("microdata[1]") for i in got)
    assert "no-article-markup" not in [i.code for i in got]


def test_empty_values_are_left_out_in_both_paths():
    html = ARTICLE.replace('<meta itemprop="datePublished" content="2019-11-19">',
                           '<meta itemprop="datePublished" content=""><span itemprop="keywords"></span>') % ""
    node = declared(html)[0]
    assert "datePublished" not in node and "keywords" not in node


ITEMREF = ('<html><head><title>Storm closes every school</title></head><body>'
           '<article itemscope itemtype="https://schema.org/NewsArticle" itemref="who when">'
           '<h1 itemprop="headline">Storm closes every school</h1>'
           '<p>Every school in the county is closed today after the storm hit overnight.</p></article>'
           '<aside><div id="who" itemprop="author" itemscope itemtype="https://schema.org/Person">'
           '<span itemprop="name">Jane Doe</span></div>'
           '<p id="when"><time itemprop="datePublished" datetime="2019-11-19">Nov 19</time></p></aside>'
           '</body></html>')


def test_itemref_brings_properties_in_and_the_referenced_item_is_not_top_level():
    # WHATWG microdata: an item's properties include those of the elements its itemref names
    assert declared(ITEMREF) == [{"@type": "NewsArticle", "headline": "Storm closes every school",
                                  "author": {"@type": "Person", "name": "Jane Doe"},
                                  "datePublished": "2019-11-19"}]
    got = validate_page(ITEMREF.encode(), profile="google").issues
    assert not [i for i in got if i.path.startswith("microdata[2]")]
    assert not [i for i in got if i.code == "missing-property" and i.path == "microdata[1]$"
                and "author" in i.message]


def test_itemref_to_a_missing_id_or_an_ancestor_is_harmless():
    html = ('<html><body><div id="top" itemscope itemtype="https://schema.org/Thing" itemref="nope top">'
            '<span itemprop="name">x</span></div></body></html>')
    assert nodes(parse(html.encode())) == [{"@type": "Thing", "name": "x"}]


def test_content_on_time_is_its_value():
    # the W3C microdata note, Google and schema.org's examples read content= on any element;
    # newsld did on <span> but judged a <time>'s visible text instead (false date-text errors)
    html = ARTICLE.replace('<meta itemprop="datePublished" content="2019-11-19">',
                           '<time itemprop="datePublished" content="2019-11-19">Tuesday morning</time>') % ""
    assert declared(html)[0]["datePublished"] == "2019-11-19"
    got = validate_page(html.encode()).issues
    assert not [i for i in got if i.code.startswith("date")]
    event = ('<div itemscope itemtype="https://schema.org/Event"><span itemprop="name">Fair</span>'
             '<time itemprop="startDate" content="2025-05-01T09:00:00">May 1, 9 AM</time></div>')
    assert not [i for i in validate_page(event.encode()).issues if i.code.startswith("date")]


@pytest.mark.parametrize("kind", ["MedicalScholarlyArticle", "AskPublicNewsArticle", "APIReference"])
def test_every_schema_org_subtype_of_article_is_an_article(kind):
    # schema.org: a MedicalScholarlyArticle is a ScholarlyArticle is an Article; the bundled
    # vocabulary says so, not a fixed list in the reader (the section is only in the markup)
    page = (ARTICLE.replace("NewsArticle", kind) % "").replace(
        "</article>", '<meta itemprop="articleSection" content="Health"></article>')
    article, _ = read(page.encode(), source="p.html")
    assert article.section == "Health"


def test_declared_nodes_finds_microdata_without_the_scan():
    # html_structured.declared_nodes called on a tree alone (no scan results) looked for an
    # itemscope with ElementPath, which has no descendant-or-self axis: it found none, ever
    from newsld.readers.html_structured import declared_nodes
    root = parse(b'<html><body><div itemscope itemtype="https://schema.org/Event">'
                 b'<span itemprop="name">Game 3</span></div></body></html>')
    assert declared_nodes(root, None, ("microdata",)) == [{"@type": "Event", "name": "Game 3"}]


# base_url reads the first <link rel=canonical href>, <meta property=og:url content> and <base
# href> in one walk; it answers as the three XPath searches it replaced did
_HEADS = ['<link rel="canonical">', '<link rel="Canonical" href="https://a.example/upper">',
          '<link rel="canonical alternate" href="https://a.example/two">', '<link rel="canonical" href="/rel">',
          '<link rel="canonical" href=" https://a.example/c ">', '<meta property="og:url" content="https://a.example/og">',
          '<meta property="og:url">', '<meta name="og:url" content="https://a.example/name">', '<base>',
          '<base href="  ">', '<base href="/static/">', '<base href="https://cdn.example/b/">', '<base href="x/">',
          '<a rel="canonical" href="https://a.example/a-tag">', '<meta property="og:url" content="">',
          '<base class="byline" href="https://cdn.example/classed/">']


def _base_by_xpath(root, url):
    from urllib.parse import urljoin
    page = url.strip() if url and url.strip() else None
    if page is None:
        for xp in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
            hit = [v.strip() for v in root.xpath(xp)[:1] if isinstance(v, str)]
            if hit and hit[0].startswith(("http://", "https://")):
                page = hit[0]
                break
    for href in root.xpath("//base/@href")[:1]:
        if isinstance(href, str) and href.strip(" \t\n\r\x0c"):
            resolved = urljoin(page, href.strip(" \t\n\r\x0c")) if page else href.strip(" \t\n\r\x0c")
            if resolved.startswith(("http://", "https://")):
                return resolved
    return page


@pytest.mark.parametrize("url", [None, "", "https://given.example/p.html"])
def test_base_url_answers_as_the_xpath_searches_did(url):
    import itertools

    import lxml.html

    from newsld.readers.html_scan import scan
    from newsld.readers.microdata import base_url
    for n in (1, 2, 3):
        for heads in itertools.permutations(_HEADS, n):
            page = f"<html><head>{''.join(heads)}</head><body><p>x</p><link rel='canonical' href='https://a.example/body'></body></html>"
            for root in (parse(page.encode()), lxml.html.document_fromstring(page)):
                want = _base_by_xpath(root, url)
                assert base_url(root, url) == want, (heads, url)
                assert base_url(root, url, heads=scan(root).url_heads()) == want, (heads, url)  # the scan's


_MARKUP = ["<p>", "</p>", "<div>", "</div>", "<br>", "<li>", "<ul>", "</ul>", "<h2>", "</h2>", "<b>", "</b>", "<span>",
           "</span>", "<blockquote>", "<pre>", "</pre>", "<table><tr><td>", "</td></tr></table>", "<hr>", "<dl><dt>",
           "a", "word", " ", "  ", "\n", "\t", ", ", ".", "!", "(", ")", "\"", ":", "x(", " (y", "Caf\u00e9", "\u00a0", "\u2003",
           "end \n", "&amp;", "<img alt=a>", "(\n", "x(\n ", "\x1c", "\x85", "\u2028", "\u3000", "?", ";"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP), max_size=30).map("".join))
def test_layout_text_lays_text_out_as_html_text_does(body):
    html_text = pytest.importorskip("html_text")
    from newsld.readers.microdata import layout_text
    root = parse(f"<html><body><div itemprop='x'>{body}</div>tail</body></html>".encode())
    for el in root.iter():
        assert layout_text(el) == html_text.etree_to_text(el), (body, el.tag)


def test_layout_text_agrees_with_html_text_on_the_test_pages():
    html_text = pytest.importorskip("html_text")
    from helpers import TESTS

    from newsld.readers.microdata import layout_text
    n = 0
    for page in sorted(TESTS.rglob("*.html")):
        try:
            root = parse(page.read_bytes())
        except Exception:  # noqa: BLE001 - the hostile pages the reader refuses
            continue
        for el in root.iter("p", "div", "span", "li", "td", "article", "h1", "h2", "a", "time", "section"):
            if next(el.iterdescendants("script", "style", "link", "meta"), None) is None:
                assert layout_text(el) == html_text.etree_to_text(el), (page.name, el.tag)
                n += 1
    assert n > 1000


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP), max_size=30).map("".join))
def test_text_content_of_an_element_without_children_is_its_folded_text(body):
    # text_content answers an element with no child (element, comment, PI) without
    # layout_text: the same text, for every element of the page
    from newsld.readers.microdata import layout_text, text_content
    root = parse(f"<html><body><div itemprop='x'>{body}</div>tail</body></html>".encode())
    for el in root.iter():
        if not len(el) and el.tag not in ("script", "style", "link", "meta"):
            assert text_content(el) == layout_text(el), (body, el.tag)


def test_schema_name_prefix_starts_with_h_alone():
    # schema_name returns a value whose first character is not h/H as it is: re.I matches
    # only "h" and "H" for it among all code points
    import re
    import sys

    from newsld.readers.microdata import schema_name
    h = re.compile("h", re.I)
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if h.match(c)] == ["H", "h"]
    assert schema_name("HTTPS://WWW.Schema.org/Person") == "Person"
    assert schema_name("schema:Person") == "schema:Person" and schema_name("") == ""


@pytest.mark.parametrize("body", ['{"@type": "NewsArticle", "headline": "' + "x" * 20000 + '"}',
                                  '<!-- c -->{"@type": "Person"}', '{"a": "</p>"}', "", "  "])
def test_ld_json_text_is_the_scripts_string_value(body):
    # declared_nodes reads a script with no child node other than text by .text, not XPath's
    # string(): the libxml2 parser gives a script's content as text alone, however long
    from newsld.readers.html_scan import scan
    root = parse(f'<html><head><script type="application/ld+json">{body}</script></head><body><p>x</p>'
                 f"</body></html>".encode())
    (script,) = scan(root).ldjson
    assert not len(script) and (script.text or "") == script.xpath("string()")
