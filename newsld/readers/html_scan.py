"""One pass over the parsed tree that collects every candidate the other html_* modules need
(meta tags, links, headings, time elements, byline/date-looking elements, paragraphs, FAQ
markup), so the page is walked once and later rules only look at short lists."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

_BYLINE_CLS = re.compile(r"byline|author|writer|reporter|contributor|(?<![a-z])autor(?![a-z])|creator", re.I)
_NOT_BYLINE_CLS = re.compile(r"comment|avatar|credit|caption|figure|photo|image|img|(?<![a-z])form|select|author-?(?:bio|box|image|img|photo|pic|desc|description|more|info|social|link|follow|twitter)|about-?author", re.I)
_DATE_CLS = re.compile(r"date|time|publish|posted|dateline|(?<![a-z])(?:meta|byline|info|fecha|datum)(?![a-z])", re.I)
_DEK_CLS = re.compile(r"standfirst|(?<![a-z])dek(?![a-z])|(?:sub-?)?headline-?sub|subtitle|sub-?head|summary|lede|lead|intro|teaser|excerpt|strapline|deck", re.I)
_FAQ_CLS = re.compile(r"faq|accordion|question|collaps|toggle|qa-|-qa(?![a-z])", re.I)
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button", "textarea", "input", "img", "path"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Scan:
    lang: str | None = None
    title: str | None = None
    meta: dict = field(default_factory=dict)      # lower-cased name/property/itemprop -> [content]
    links: dict = field(default_factory=dict)     # rel -> [(href, text)]
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


def scan(root) -> Scan:
    s = Scan(lang=root.get("lang") or root.get("xml:lang"))
    cache: dict = {}
    it = root.iter()
    for el in it:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        if tag in _SKIP:
            continue
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            content = el.get("content")
            if key and content and content.strip():
                for k in key.lower().split():
                    s.meta.setdefault(k, []).append(content.strip())
            continue
        if tag in ("link", "a"):
            rel = el.get("rel")
            if rel:
                for r in rel.lower().split():
                    s.links.setdefault(r, []).append((el.get("href"), el if tag == "a" else None))
        elif tag == "title":
            if s.title is None and el.text:
                s.title = el.text
            continue
        elif tag == "p":
            s.paragraphs.append(el)
        elif tag == "h1":
            s.h1.append(el)
        elif tag in HEADINGS:
            s.headings.append(el)
        elif tag == "time":
            s.times.append(el)
        elif tag in ("article", "details", "dl"):
            (s.articles if tag == "article" else s.faq_blocks).append(el)
        elif tag in ("strong", "b"):
            s.strongs += 1
        ip = el.get("itemprop")
        if ip:
            for k in ip.split():
                s.itemprops.setdefault(k, []).append(el)
            if "articleBody" in ip.split():
                s.articles.insert(0, el)
        if el.get("role") == "article":
            s.articles.append(el)
        cls = el.get("class")
        ident = el.get("id")
        if cls or ident:
            c = f"{cls or ''} {ident or ''}"
            flags = cache.get(c)
            if flags is None:
                flags = cache[c] = _flags(c)
            if flags:
                if tag not in ("html", "body", "main", "article", "section", "p") or len(c) < 80:
                    if "b" in flags:
                        s.bylines.append(el)
                    if "d" in flags:
                        s.dateish.append(el)
                    if "k" in flags and tag not in ("html", "body", "article", "section"):
                        s.deks.append(el)
                if "f" in flags:
                    s.faq_blocks.append(el)
                    continue
            if el.get("aria-labelledby") or el.get("aria-controls") or el.get("data-target"):
                s.faq_blocks.append(el)
        elif el.get("aria-controls") or el.get("data-target"):
            s.faq_blocks.append(el)
    return s


_ANY = ("by", "auth", "writ", "report", "contrib", "autor", "creat", "date", "time", "publish", "posted", "meta",
        "info", "fecha", "datum", "standfirst", "dek", "head", "sub", "summar", "lede", "lead", "intro", "teaser",
        "excerpt", "strap", "deck", "faq", "accordion", "question", "collaps", "toggle", "qa")


_ANY_RE = re.compile("|".join(map(re.escape, _ANY)))


@lru_cache(maxsize=16384)
def _flags(c: str) -> str:
    """Which candidate lists a class/id string puts an element in (cached per distinct string,
    across pages: a site repeats its class names on every page)."""
    if not _ANY_RE.search(c.lower()):  # one C-level scan first: most class names match none
        return ""
    f = ""
    if _BYLINE_CLS.search(c) and not _NOT_BYLINE_CLS.search(c):
        f += "b"
    if _DATE_CLS.search(c):
        f += "d"
    if _DEK_CLS.search(c):
        f += "k"
    if _FAQ_CLS.search(c):
        f += "f"
    return f


def text_of(el) -> str:
    """Visible text of an element, whitespace folded, script/style left out."""
    if el.find(".//script") is not None or el.find(".//style") is not None:
        parts = list(_visible_texts(el))
    else:
        parts = list(el.itertext())
    # inline markup adds no space ("Molly Woo<span>d</span>"); source whitespace does
    return " ".join("".join(parts).split())


def _visible_texts(el):
    if not isinstance(el.tag, str) or el.tag in _SKIP:
        return
    if el.text:
        yield el.text
    for c in el:
        yield from _visible_texts(c)
        if c.tail:
            yield c.tail
