"""One pass over the parsed tree that collects every candidate the other html_* modules need
(meta tags, links, headings, time elements, byline/date-looking elements, paragraphs, FAQ
markup), so the page is walked once and later rules only look at short lists."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from lxml.etree import tostring as _tostring

from newsld.readers.selectors import (ANY_CLS as _ANY_CLS, ANY_NOT_ASCII as _ANY_NOT_ASCII, BYLINE_CLS as _BYLINE_CLS, DATE_CLS as _DATE_CLS,
                                     DEK_CLS as _DEK_CLS, FAQ_CLS as _FAQ_CLS, NOT_BYLINE_CLS as _NOT_BYLINE_CLS)

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button", "textarea", "input", "img", "path"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Scan:
    lang: str | None = None
    title: str | None = None
    meta: dict = field(default_factory=dict)      # lower-cased name/property/itemprop -> [content]
    links: dict = field(default_factory=dict)     # rel -> [(href, <a> or <link> element)]
    h1: list = field(default_factory=list)
    headings: list = field(default_factory=list)  # h2..h6 elements, document order
    times: list = field(default_factory=list)     # <time> elements
    itemprops: dict = field(default_factory=dict)  # itemprop (non-meta element) -> [element]
    bylines: list = field(default_factory=list)   # elements whose class/id says byline/author
    dateish: list = field(default_factory=list)   # elements whose class/id says date/time
    deks: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)
    articles: list = field(default_factory=list)  # <article> / role=article / articleBody
    faq_blocks: list = field(default_factory=list)  # details, dl, faq/accordion-classed elements
    strongs: int = 0
    ldjson: list = field(default_factory=list)  # <script type="application/ld+json">, document order
    microdata: bool | None = None  # whether any element, <html> included, has itemscope (None: not scanned)
    itemscopes: list = field(default_factory=list)  # elements with itemscope, root included, document order
    itemprop_els: list = field(default_factory=list)  # every element with itemprop (meta, img... too), document order
    og_url: str | None = None  # content of the first <meta property="og:url" content>
    base_href: str | None = None  # href of the first <base href>

    def url_heads(self) -> tuple[str | None, str | None, str | None]:
        """The first <link rel=canonical href>'s href, <meta property=og:url content>'s content
        and <base href>'s href, as microdata.base_url reads them (exact attribute values)."""
        canonical = next((h for h, el in self.links.get("canonical", ())
                          if h is not None and el.tag == "link" and el.get("rel") == "canonical"), None)
        return canonical, self.og_url, self.base_href


# tag -> what the scan does with it, the commonest first in the chain below: <a>/<link> (a
# quarter of the elements), p, title, h1, h2-h6, time, article/details/dl, strong/b/base
_KIND = {"link": 0, "a": 0, "p": 1, "title": 2, "h1": 3, "h2": 4, "h3": 4, "h4": 4, "h5": 4, "h6": 4,
         "time": 5, "article": 6, "details": 6, "dl": 6, "strong": 7, "b": 7, "base": 7}
_WIDE = {"html", "body", "main", "article", "section", "p"}
_NO_DEK = {"html", "body", "article", "section"}


# tag -> dispatch code: the _KIND codes, 8 for <meta>, 9 for the skipped tags (_SKIP) but
# <script> (11: its type is read) and 10 for other common names (nothing to do by tag: no
# lower() and second lookup for them)
_PLAIN = ("div", "span", "li", "ul", "ol", "section", "header", "footer", "nav", "aside", "figure", "figcaption",
          "picture", "source", "i", "em", "u", "s", "small", "br", "hr", "td", "tr", "th", "table", "tbody", "thead",
          "form", "label", "body", "html", "head", "main", "blockquote", "cite", "code", "pre", "sup", "sub",
          "abbr", "dt", "dd", "use", "g", "font", "center", "video", "audio", "canvas", "noindex")
_DISPATCH = {**{t: 10 for t in _PLAIN}, **_KIND, "meta": 8, **{t: 9 for t in _SKIP}, "script": 11}
# the attributes the scan reads on an element besides its tag's own ones (aria-labelledby
# counts only beside a class or id): an element holding none of them is done with after its
# tag's rule, by one isdisjoint call over its attribute names (half the <a> carry only href,
# target, rel...)
_ATTRS = frozenset({"itemscope", "itemprop", "role", "class", "id", "aria-controls", "data-target"})
_ITEM_ATTRS = frozenset({"itemscope", "itemprop", "role"})
_FAQ_ATTRS = frozenset({"aria-labelledby", "aria-controls", "data-target"})  # an FAQ toggle's attributes
_FLAGS: dict = {}  # "class id" string -> _flags(), across pages (bounded below)
_CLS_FLAGS: dict = {}  # class string (no id) -> _flags(class + " ")


def scan(root) -> Scan:
    s = Scan(lang=root.get("lang") or root.get("xml:lang"))
    cache, cls_cache = _FLAGS, _CLS_FLAGS
    if len(cache) > 16384:
        cache.clear()
    if len(cls_cache) > 16384:
        cls_cache.clear()
    meta, links, itemprops = s.meta, s.links, s.itemprops
    articles, faq_blocks = s.articles, s.faq_blocks
    add_p, add_h1, add_heading, add_time = s.paragraphs.append, s.h1.append, s.headings.append, s.times.append
    add_byline, add_date, add_dek, add_faq = s.bylines.append, s.dateish.append, s.deks.append, faq_blocks.append

    def place(el, tag, flags, n):
        """Put an element whose class/id flags are set (rare) in its candidate lists; True
        when it is an FAQ block (the caller then skips its other attributes)."""
        if tag not in _WIDE or n < 80:
            if "b" in flags:
                add_byline(el)
            if "d" in flags:
                add_date(el)
            if "k" in flags and tag not in _NO_DEK:
                add_dek(el)
        if "f" in flags:
            add_faq(el)
            return True
        return False
    add_item, add_prop = s.itemscopes.append, s.itemprop_els.append
    dispatch = _DISPATCH.get
    # (the attribute names of an HTML element carry no namespace: "x" in keys exactly when
    # el.get("x") is not None)
    no_attr, no_item, no_faq_attr = _ATTRS.isdisjoint, _ITEM_ATTRS.isdisjoint, _FAQ_ATTRS.isdisjoint
    strongs = 0
    for el in root.iter():
        tag = el.tag
        kind = dispatch(tag)
        if kind is None:
            if not isinstance(tag, str):
                continue
            low = tag.lower()
            if low != tag:  # libxml2 lower-cases HTML names already
                tag = low
                kind = dispatch(tag)
            if kind is None:
                kind = 10
        keys = el.keys()  # one call; most elements carry none of the attributes asked below
        if kind == 10:  # nothing to do by tag: only the attributes count
            if len(keys) == 1:  # the commonest shape: class alone, or one attribute read nowhere
                k0 = keys[0]
                if k0 == "class":
                    cls = el.get("class")
                    if cls:
                        flags = cls_cache.get(cls)
                        if flags is None:
                            flags = cls_cache[cls] = _flags(cls + " ")
                        if flags:
                            place(el, tag, flags, len(cls) + 1)
                    continue
                if k0 not in _ATTRS:
                    continue
            elif no_attr(keys):  # (no attribute at all too)
                continue
        elif kind >= 8:  # <meta>, <script> and the skipped tags: no class/id rule
            if not no_item(keys):
                if "itemscope" in keys:
                    add_item(el)  # what extruct's microdata XPath (descendant-or-self::*[@itemscope]) selects
                if "itemprop" in keys:
                    add_prop(el)  # what its property XPath (.//*[@itemprop]) selects
            if kind == 8:
                prop = el.get("property")
                key = prop or el.get("name") or el.get("itemprop") or el.get("http-equiv")
                content = el.get("content")
                if prop == "og:url" and s.og_url is None:  # (None until one has a content)
                    s.og_url = content
                if key and content:
                    content = content.strip()
                    if content:
                        for k in key.lower().split():
                            meta.setdefault(k, []).append(content)
            elif kind == 11 and "type" in keys and el.get("type") == "application/ld+json":
                s.ldjson.append(el)  # what extruct's JSON-LD XPath selects
            continue
        else:
            if kind == 0:
                if "rel" in keys:
                    rel = el.get("rel")
                    if rel:
                        for r in rel.lower().split():
                            links.setdefault(r, []).append((el.get("href"), el))
            elif kind == 1:
                add_p(el)
            elif kind == 2:
                if keys:
                    if "itemscope" in keys:
                        add_item(el)
                    if "itemprop" in keys:
                        add_prop(el)
                if s.title is None and el.text:
                    s.title = el.text
                continue
            elif kind == 3:
                add_h1(el)
            elif kind == 4:
                add_heading(el)
            elif kind == 5:
                add_time(el)
            elif kind == 6:
                (articles if tag == "article" else faq_blocks).append(el)
            elif tag == "base":
                if s.base_href is None and keys:
                    s.base_href = el.get("href")
            else:
                strongs += 1
            if no_attr(keys):
                continue
        if not no_item(keys):  # itemscope, itemprop or role: rare
            if "itemscope" in keys:
                add_item(el)
            if "itemprop" in keys:
                add_prop(el)
                ip = el.get("itemprop")
                if ip:
                    ips = ip.split()
                    for k in ips:
                        itemprops.setdefault(k, []).append(el)
                    if "articleBody" in ips:
                        articles.insert(0, el)
            if "role" in keys and el.get("role") == "article":
                articles.append(el)
        cls = el.get("class") if "class" in keys else None
        ident = el.get("id") if "id" in keys else None
        if cls or ident:
            if ident:
                c = f"{cls or ''} {ident}"
                flags = cache.get(c)
                if flags is None:
                    flags = cache[c] = _flags(c)
                n = len(c)
            else:  # class alone (most elements): keyed by the class string, no concatenation
                flags = cls_cache.get(cls)
                if flags is None:
                    flags = cls_cache[cls] = _flags(cls + " ")
                n = len(cls) + 1
            if flags and place(el, tag, flags, n):
                continue
            if no_faq_attr(keys):
                continue
            if ((el.get("aria-labelledby") if "aria-labelledby" in keys else None)
                    or (el.get("aria-controls") if "aria-controls" in keys else None)
                    or (el.get("data-target") if "data-target" in keys else None)):
                add_faq(el)
        elif not no_faq_attr(keys) and ((el.get("aria-controls") if "aria-controls" in keys else None)
                                        or (el.get("data-target") if "data-target" in keys else None)):
            add_faq(el)
    s.strongs = strongs
    s.microdata = bool(s.itemscopes)  # an item on <html> is an item too
    return s


# the patterns as the lower-cased ASCII class strings are searched (selectors.ClassPattern)
_PATTERNS = (_BYLINE_CLS, _NOT_BYLINE_CLS, _DATE_CLS, _DEK_CLS, _FAQ_CLS)
_PLAIN_PATTERNS = tuple(p.plain() for p in _PATTERNS)


def _flags(c: str) -> str:
    """Which candidate lists a class/id string puts an element in (scan caches it per distinct
    string, across pages: a site repeats its class names on every page)."""
    low = c.lower()
    if c.isascii():
        if not _ANY_CLS.search(low):  # one C-level scan first: most class names match none
            return ""
        byline, not_byline, date, dek, faq = _PLAIN_PATTERNS
        c = low
    else:
        if not _ANY_NOT_ASCII.plain().search(low):
            return ""
        byline, not_byline, date, dek, faq = (p.folded() for p in _PATTERNS)
    f = ""
    if byline.search(c) and not not_byline.search(c):
        f += "b"
    if date.search(c):
        f += "d"
    if dek.search(c):
        f += "k"
    if faq.search(c):
        f += "f"
    return f


_tls = threading.local()


@contextmanager
def text_cache():
    """Within this block text_of remembers each element's text (one page is read at a time:
    the body, FAQ, byline and date rules ask for the same paragraphs and headings)."""
    prev = getattr(_tls, "cache", None)
    _tls.cache = {}
    try:
        yield
    finally:
        _tls.cache = prev


def text_of(el) -> str:
    """Visible text of an element, whitespace folded, script/style left out."""
    cache = getattr(_tls, "cache", None)
    if cache is not None:
        t = cache.get(el)
        if t is None:
            t = cache[el] = _text_of(el)
        return t
    return _text_of(el)


def _text_of(el) -> str:
    if not len(el):  # no children (most headings and many paragraphs): the text alone
        t = el.text
        return folded(t) if t else ""
    # only descendants count (as .//script did); when no child has children of its own (3 in
    # 4 elements with children here: <a>, <em>, <b>), the children's tags answer without
    # lxml's tag-filtered iterator (the same names: the HTML parser gives no namespaces)
    hidden = False
    for c in el:
        if c.tag in _HIDDEN:
            hidden = True
            break
        if len(c):
            hidden = next(el.iterdescendants(*_HIDDEN), None) is not None
            break
    # inline markup adds no space ("Molly Woo<span>d</span>"); source whitespace does
    return folded("".join(visible_texts(el)) if hidden else inner_text(el))


_HIDDEN = ("script", "style")


def folded(t: str) -> str:
    """``" ".join(t.split())``: whitespace runs as one space, none at either end. A printable
    text holds no whitespace but the ASCII space (every other whitespace character is a
    control or separator character, which isprintable refuses; tests/readers/test_html_scan
    checks each code point); with no double space and none at an end, it is its own folding
    and is returned as it is (3 in 4 element texts of the benchmark pages), unsplit."""
    if t.isprintable() and "  " not in t and t[:1] != " " and t[-1:] != " ":
        return t
    return " ".join(t.split())


def inner_text(el) -> str:
    """All the text below ``el`` ("".join(el.itertext()), without el's tail), as libxml2
    serialises it: ~10x faster than joining lxml's text iterator (5 -> 0.5 us a paragraph)."""
    return _tostring(el, method="text", encoding="unicode", with_tail=False)


def visible_texts(el):
    if not isinstance(el.tag, str) or el.tag in _SKIP:
        return
    if el.text:
        yield el.text
    for c in el:
        yield from visible_texts(c)
        if c.tail:
            yield c.tail
