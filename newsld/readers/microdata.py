"""Microdata -> JSON-LD nodes: the one converter, used by the HTML reader (extract) and the
page checks (validate).

newsld owns this walk instead of calling extruct's private microdata hooks (``_extract_item``,
``_extract_property_value``, ``_xp_prop``...), which no release promises to keep and which
read the tree in ways the fixes below need to change (followed ``itemref``, no item lost to a
text-cleaner exception, ``content=`` on ``<time>``). The algorithm is WHATWG HTML's microdata
("Associating names with items", "Values"), on the one lxml tree the reader already has:

* an item is an element with ``itemscope``; its types are ``itemtype`` split on whitespace,
  its global id ``itemid`` (only on a typed item);
* its properties are the elements with ``itemprop`` whose nearest ``itemscope`` ancestor is the
  item, and those its ``itemref`` ids bring in (the referenced elements and their descendants
  down to the first nested item), in document order; one element may name several
  properties. An item that is such a property is not also a top-level item;
* a property's value is an item when the element has ``itemscope``; else by element:
  ``meta@content``; ``audio/embed/iframe/img/source/track/video@src``, ``a/area/link@href``,
  ``object@data`` (URLs, resolved against the page URL); ``data/meter@value``;
  ``time@datetime``; else ``content=`` on any element, ``<time>`` included (the W3C microdata note, Google and
  schema.org's own examples read it), else the element's text;
* the text is what a reader sees: script, style, link and meta elements left out, layout
  spacing as html_text gives it (``layout_text``).

Items come out as JSON-LD nodes: ``@type`` (schema.org URLs shortened to the bare name by
``schema_name``, the one helper for those prefixes), ``@id``, then each property with one value
or a list. Empty strings (an itemprop on an empty element, ``content=""``) are left out: the
page declares no value there.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable
from urllib.parse import urljoin

__all__ = ["SCHEMA_PREFIX", "base_url", "nodes", "schema_name", "text_content"]

SCHEMA_PREFIX = re.compile(r"^https?://(?:www\.)?schema\.org/", re.I)
_HTML_WS = " \t\n\r\x0c"
_SRC = frozenset({"audio", "embed", "iframe", "img", "source", "track", "video"})
_HREF = frozenset({"a", "area", "link"})
_HIDDEN = ("script", "style", "link", "meta")  # not part of an element's visible text


def schema_name(value: str) -> str:
    """``https://schema.org/NewsArticle`` (http, www. or not) -> ``NewsArticle``; other
    values as they are."""
    if value[:1] not in ("h", "H"):
        # the prefix starts with h (re.I matches no other character for it: a test checks
        # every one): nothing to remove; str() as sub() gives a str subclass back
        return str(value)
    return SCHEMA_PREFIX.sub("", value)


def base_url(root, url: str | None = None, *, heads: tuple | None = None) -> str | None:
    """What relative microdata URLs resolve against (WHATWG "document base URL"): the first
    ``<base href>`` resolved against the page's URL, else the page's URL. ``url``: where the page
    is (fetched from, a WARC record's target URI, ``--url``); a page file without one is taken to
    be at its canonical link (else og:url), when that is an absolute http(s) URL. ``heads``:
    (canonical href, og:url content, base href) when the caller's scan has them (the first of
    each, Scan.url_heads); else one walk of the tree finds them."""
    page = url.strip() if url and url.strip() else None
    canonical = og_url = href = None
    if heads is not None:
        canonical, og_url, href = heads
    # one walk (lxml's C-level tag filter) for the first <link rel=canonical href>, <meta
    # property=og:url content> and <base href>: not three XPath searches of the whole tree
    for el in () if heads is not None else root.getroottree().getroot().iter(
            *(("link", "meta", "base") if page is None else ("base",))):
        tag = el.tag
        if tag == "base":
            if href is None:
                href = el.get("href")
        elif tag == "link":
            if canonical is None and el.get("rel") == "canonical":
                canonical = el.get("href")
        elif og_url is None and el.get("property") == "og:url":
            og_url = el.get("content")
    if page is None:
        for v in (canonical, og_url):
            if v is not None and v.strip().startswith(("http://", "https://")):
                page = v.strip()
                break
    if href is not None and href.strip(_HTML_WS):
        resolved = urljoin(page, href.strip(_HTML_WS)) if page else href.strip(_HTML_WS)
        if resolved.startswith(("http://", "https://")):
            return resolved
    return page


def text_content(el) -> str:
    """The text an element shows, without its script/style/link/meta elements (lxml.etree and
    lxml.html elements alike; the tree is not changed)."""
    from lxml import etree

    if el.tag in _HIDDEN:
        return ""
    if not len(el):
        # no child element, comment or PI: layout_text would give the text, its white space
        # folded (str.split and str.strip agree on what white space is), as this does
        return " ".join(el.text.split()) if el.text else ""
    hidden = list(el.iterdescendants(*_HIDDEN, etree.Comment, etree.ProcessingInstruction))
    if hidden:
        el = copy.deepcopy(el)
        for x in el.iterdescendants(*_HIDDEN, etree.Comment, etree.ProcessingInstruction):
            if x.getparent() is not None:
                _drop(x)
    return layout_text(el)


# html_text's layout (html-text 0.7, MIT; its etree_to_text with the default options): a line
# break around block elements, a blank line around paragraphs and headings, a space between
# inline texts unless punctuation follows. Written here because importing html_text loads
# lxml.html and lxml_html_clean (~12 ms at the first page with a microdata text value).
_NEWLINE_TAGS = frozenset({"article", "aside", "br", "dd", "details", "div", "dt", "fieldset", "figcaption", "footer",
                           "form", "header", "hr", "legend", "li", "main", "nav", "table", "tr"})
_DOUBLE_NEWLINE_TAGS = frozenset({"blockquote", "dl", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "p", "pre",
                                  "title", "ul"})
_LINE, _BLANK_LINE = object(), object()
_PUNCT = frozenset(',:;.!?")')


def layout_text(tree) -> str:
    """The text of ``tree`` (no comments or PIs in it) laid out as html_text.etree_to_text does
    (its regular expressions as string tests: "\\s+" is what str.split() splits on, "\\s$" a
    last character that isspace(); "\\($" also matches "(\\n", which "\\s$" has answered)."""
    from lxml import etree

    chunks: list[str] = []
    prev: object = _BLANK_LINE  # _LINE, _BLANK_LINE or the previous text as written

    def add_newlines(tag: str) -> None:
        nonlocal prev
        if prev is _BLANK_LINE:  # at most one blank line
            return
        if tag in _DOUBLE_NEWLINE_TAGS:
            chunks.append("\n" if prev is _LINE else "\n\n")
            prev = _BLANK_LINE
        elif tag in _NEWLINE_TAGS:
            if prev is not _LINE:
                chunks.append("\n")
            prev = _LINE

    def add_text(raw: str | None) -> None:
        nonlocal prev
        text = " ".join(raw.split()) if raw else ""
        if not text:
            return
        if prev is _LINE or prev is _BLANK_LINE:
            space = ""
        else:
            assert isinstance(prev, str)
            space = " " if (prev[-1].isspace() or (text[0] not in _PUNCT
                                                   and not prev.endswith("("))) else ""
        chunks.extend([space, text])
        prev = raw

    for event, el in etree.iterwalk(tree, events=("start", "end")):
        add_newlines(el.tag)
        if event == "start":
            add_text(el.text)
        elif el is not tree:
            add_text(el.tail)
    return "".join(chunks).strip()


def _drop(el) -> None:
    """Remove ``el`` and its subtree, keeping the text after it (lxml.html's drop_tree)."""
    parent, prev = el.getparent(), el.getprevious()
    if el.tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


class _Walk:
    def __init__(self, itemscopes: list, itemprop_els: list, base_url: str | None,
                 text: Callable[[str], str], time_text: bool):
        self.base_url = base_url
        self.text = text
        self.time_text = time_text
        self.seen: set = set()
        scopes = set(itemscopes)
        self.owned: dict = {}
        for p in itemprop_els:
            for anc in p.iterancestors():
                if anc in scopes:
                    self.owned.setdefault(anc, []).append(p)
                    break
        self._ids: dict | None = None  # id -> first element with it, built for itemref only
        self._order: dict | None = None  # element -> document position, for itemref only
        # the itemprop elements some item reaches through itemref: theirs, not top-level items
        self.referenced = {p for el in itemscopes if el.get("itemref") for p in self.refs(el)}

    def refs(self, el) -> list:
        """The itemprop elements ``el``'s itemref brings in (WHATWG "crawl the properties"):
        each referenced element, and its descendants down to (and including) the first
        element with itemscope on each branch, that carry itemprop."""
        names = el.get("itemref", "").split()
        if not names:
            return []
        if self._ids is None:
            root = el.getroottree().getroot()
            self._ids = {}
            for x in root.iter():
                i = x.get("id") if isinstance(x.tag, str) else None
                if i and i not in self._ids:
                    self._ids[i] = x
        out = []
        for name in names:
            stack = [self._ids[name]] if name in self._ids else []
            while stack:
                x = stack.pop()
                if x.get("itemprop") is not None:
                    out.append(x)
                if x.get("itemscope") is None:
                    stack.extend(reversed([c for c in x if isinstance(c.tag, str)]))
        return out

    def props(self, el) -> list:
        """The item's property elements in document order: those it owns, then (merged in
        order) those its itemref brings in."""
        own = self.owned.get(el, [])
        extra = [p for p in self.refs(el) if p is not el]
        if not extra:
            return own
        if self._order is None:
            self._order = {x: i for i, x in enumerate(el.getroottree().getroot().iter())}
        merged = list(dict.fromkeys(own + extra))
        return sorted(merged, key=lambda x: self._order.get(x, -1))

    def item(self, el) -> dict | None:
        if el in self.seen:
            return None
        self.seen.add(el)
        node: dict = {}
        types = el.get("itemtype", "").split()
        if types:
            names = [schema_name(t) for t in types]
            node["@type"] = names[0] if len(names) == 1 else names
            itemid = el.get("itemid")
            if itemid and itemid.strip():
                node["@id"] = itemid.strip()
        props: dict = {}
        for p in self.props(el):
            value = self.value(p)
            for name in p.get("itemprop").split():
                props.setdefault(name, []).append(value)
        for name, values in props.items():
            values = [v for v in values if not (isinstance(v, str) and not v.strip())]
            if values:
                node[name] = values[0] if len(values) == 1 else values
        return node

    def value(self, el):
        if el.get("itemscope") is not None:
            return self.item(el)
        tag = el.tag
        if tag == "meta":
            return el.get("content", "")
        if tag in _SRC:
            return self.url(el.get("src", ""))
        if tag in _HREF:
            return self.url(el.get("href", ""))
        if tag == "object":
            return self.url(el.get("data", ""))
        if tag in ("data", "meter"):
            return el.get("value", "")
        if tag == "time":
            if el.get("datetime") is not None:
                return el.get("datetime", "")
            if el.get("content"):  # content= on any element, <time> too (see the docstring)
                return el.get("content")
            return self.text(text_content(el)) if self.time_text else ""
        if el.get("content"):
            return el.get("content")
        prop = el.get("itemprop") or ""
        if prop.endswith(("-input", "-output")):  # https://schema.org/docs/actions.html#part-4
            out: dict = {}
            if "required" in el.attrib:
                out["valueRequired"] = True
            if el.get("name"):
                out["valueName"] = el.get("name")
            return out
        return self.text(text_content(el))

    def url(self, raw: str) -> str:
        return urljoin(self.base_url or "", raw.strip(_HTML_WS))


def nodes(root, base_url: str | None = None, *, itemscopes: list | None = None,
          itemprop_els: list | None = None, text: Callable[[str], str] = str,
          time_text: bool = False, schema_only: bool = False) -> list[dict]:
    """The page's microdata items as JSON-LD nodes, in document order.

    ``itemscopes`` / ``itemprop_els``: the elements with ``itemscope`` / ``itemprop`` below and
    including ``root`` in document order, when the caller has them (the reader's scan); else
    one walk finds them. ``text``: wraps each value read from an element's text (the page checks
    mark those, to judge a date written as text). ``time_text``: a ``<time>`` without
    ``datetime`` has its text as its value (HTML's rule) rather than "". ``schema_only``: leave
    out top-level items with no schema.org itemtype (menus, data-vocabulary.org breadcrumbs)."""
    if itemscopes is None or itemprop_els is None:
        from lxml import etree
        itemscopes, itemprop_els = [], []
        for el in root.iter(etree.Element):
            if el.get("itemscope") is not None:
                itemscopes.append(el)
            if el.get("itemprop") is not None:
                itemprop_els.append(el)
    walk = _Walk(itemscopes, itemprop_els, base_url, text, time_text)
    out: list = []
    for el in itemscopes:
        if el in walk.referenced:  # a property of the item whose itemref names it
            continue
        node = walk.item(el)
        if node is not None and (not schema_only or any(
                SCHEMA_PREFIX.match(t) for t in el.get("itemtype", "").split())):
            out.append(node)
    return out
