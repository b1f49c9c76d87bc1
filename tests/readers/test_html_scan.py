"""The one-pass scan of the HTML reader (newsld/readers/html_scan.py)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsld.readers import selectors as sel
from newsld.readers.html_parse import parse
from newsld.readers.html_scan import scan
from newsld.readers.selectors import stem_trie

_CLASS_CHARS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_ 0123456789AQZİK", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_CLASS_CHARS, st.sampled_from(sel.ANY_STEMS), _CLASS_CHARS)
def test_stem_trie_matches_what_the_plain_alternation_matches(before, stem, after):
    plain = re.compile("|".join(map(re.escape, sel.ANY_STEMS)))
    for s in (before, before + stem + after, before + stem[:-1] + after, (before + stem).lower()):
        assert bool(sel.ANY_CLS.search(s)) == bool(plain.search(s)), s


def test_stem_trie_leaves_out_stems_that_contain_another():
    assert stem_trie(["ab", "abc", "x"]) == "(?:ab|x)"


def test_scan_lists_candidates_in_document_order():
    root = parse(b"""<html><head><title>T</title><meta property="og:title" content=" OG "></head><body>
        <article itemprop="articleBody" role="article"><h1 class="headline">H</h1>
        <div class="byline">By A</div><span id="pub-date" class="x">1 May</span>
        <div class="faq" aria-controls="p1"><p>Q?</p></div><div aria-controls="p2">Q2</div>
        <a rel="author" href="/a" class="c-writer">A</a><strong>s</strong>
        <script type="application/ld+json">{}</script><div itemscope itemtype="x"><i itemprop="name">n</i></div>
        </article></body></html>""")
    s = scan(root)
    tags = lambda els: [e.tag for e in els]  # noqa: E731
    assert s.title == "T" and s.meta == {"og:title": ["OG"]}
    assert tags(s.articles) == ["article", "article", "article"]  # articleBody first, then the tag, then role
    assert tags(s.h1) == ["h1"] and tags(s.bylines) == ["div", "a"] and tags(s.dateish) == ["div", "span"]  # a byline box dates too
    assert tags(s.faq_blocks) == ["div", "div"] and s.strongs == 1 and len(s.ldjson) == 1
    assert [h for h, _ in s.links["author"]] == ["/a"]
    assert tags(s.itemscopes) == ["div"] and tags(s.itemprop_els) == ["article", "i"]
    assert list(s.itemprops) == ["articleBody", "name"] and s.microdata


def test_scan_reads_its_attributes_beside_any_other_on_any_tag():
    # scan passes by an element none of whose attribute names is in html_scan._ATTRS: each
    # attribute a rule reads must be there, on a tag with a rule of its own (<a>, <p>, <h2>) and
    # beside attributes read nowhere (title, href) as well as alone
    root = parse(b"""<html><body>
        <a href="/x" title="t" role="article">1</a><p title="t" itemprop="author">2</p>
        <h2 title="t" itemscope>3</h2><a href="#p" data-target="#p">4</a>
        <div title="t" aria-controls="p">5</div><span title="t" id="pub-date">6</span>
        <li title="t" class="byline">7</li><b title="t" class="faq">8</b></body></html>""")
    s = scan(root)
    texts = lambda els: [e.text for e in els]  # noqa: E731
    assert texts(s.articles) == ["1"] and texts(s.itemprop_els) == ["2"] and list(s.itemprops) == ["author"]
    assert texts(s.itemscopes) == ["3"] and texts(s.faq_blocks) == ["4", "5", "8"]
    assert texts(s.dateish) == ["6", "7"] and texts(s.bylines) == ["7"]


_INLINE = st.sampled_from(["<b>", "</b>", "<i>x</i>", "<br>", "<!-- note -->", "<?pi x?>", "&amp;", "&eacute;", "&#128512;",
                           " ", "\n", "Caf\u00e9", "\u00a0", "<span class='a'>Woo</span>", "d", "<script>var a = '<p>';</script>",
                           "<style>p{}</style>", "<p>", "</p>", "<a href='/x'>link</a>", "tail", "<![CDATA[c]]>"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_INLINE, max_size=25).map("".join))
def test_inner_text_is_the_joined_text_of_the_subtree(body):
    import lxml.html
    from lxml import etree

    from newsld.readers.html_scan import inner_text
    page = f"<html><body><div id='d'>{body}</div>after</body></html>"
    roots = [parse(page.encode()), etree.fromstring(page, etree.HTMLParser()),  # comments and PIs kept
             lxml.html.document_fromstring(page)]
    for root in roots:
        for el in root.iter(etree.Element):
            assert inner_text(el) == "".join(el.itertext()), (page, el.tag)


def test_no_whitespace_but_the_ascii_space_is_printable():
    """html_scan.folded returns a printable text without double or end spaces as it is: exact
    only while every other character that str.split splits at is not printable."""
    assert [hex(c) for c in range(0x110000) if chr(c).isspace() and chr(c).isprintable()] == ["0x20"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028\u3000ab.é"), max_size=12))
def test_folded_is_the_whitespace_folding_of_str_split(t):
    from newsld.readers.html_scan import folded
    assert folded(t) == " ".join(t.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(_INLINE, max_size=25).map("".join))
def test_text_of_leaves_out_script_and_style_at_any_depth(body):
    """_text_of asks the children's tags before lxml's iterator for script/style below: the
    same answer whether they are children, deeper, or absent."""
    from newsld.readers.html_scan import text_of, visible_texts
    root = parse(f"<html><body><div id='d'>{body}<p><i>{body}</i></p></div></body></html>".encode())
    for el in root.iter("div", "p", "i", "b", "span", "a"):
        hidden = el.find(".//script") is not None or el.find(".//style") is not None
        want = "".join(visible_texts(el)) if hidden else "".join(el.itertext())
        assert text_of(el) == " ".join(want.split()), (body, el.tag)
