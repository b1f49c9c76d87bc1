"""Headline, dek, authors, tags, URL, images and publisher from meta tags and visible markup."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin

from .. import byline, locale
from .html_scan import Scan, text_of

_SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u2022\u00bb/]{1,2}\s+|\s*\|\s*")
_URLISH = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)/", re.I)


def first(sc: Scan, *keys) -> str | None:
    for k in keys:
        for v in sc.meta.get(k, ()):
            v = " ".join(v.split())
            if v:
                return v
    return None


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def _strip_site(title: str, site: str | None) -> str:
    """"Headline | Site" -> "Headline": drop the parts that are the site name, else the shortest
    end part when the rest is clearly longer."""
    title = " ".join(title.split())
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        ns = norm(site)
        kept = [p for p in parts if norm(p) != ns and not (len(norm(p)) > 2 and norm(p) in ns.replace(" ", ""))]
        if kept and len(kept) < len(parts):
            seps = _SEPARATORS.findall(title)
            # rebuild from the original text: the longest run of kept parts
            return max(kept, key=len) if len(kept) > 1 and not any(s.strip() in ":-" for s in seps) else \
                _rejoin(title, parts, kept)
    head, tail = parts[:-1], parts[-1]
    if len(tail) <= 40 and len(" ".join(head)) > len(tail):
        return title[: title.rfind(tail)].rstrip(" |-\u2013\u2014:\u00b7\u2022\u00bb/")
    first_part = parts[0]
    if len(first_part) <= 30 and len(title) - len(first_part) > len(first_part) * 1.5:
        return title[len(first_part):].lstrip(" |-\u2013\u2014:\u00b7\u2022\u00bb/")
    return title


def _rejoin(title, parts, kept):
    # keep the original separators between kept parts that are contiguous at the start/end
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end] if start >= 0 and end > start else " ".join(kept)


def headline(sc: Scan, main, site: str | None) -> str | None:
    og = first(sc, "og:title", "twitter:title", "title", "sailthru.title", "parsely-title", "dc.title", "headline")
    title = " ".join((sc.title or "").split()) or None
    h1s = [(" ".join(text_of(h).split()), h) for h in sc.h1]
    h1s = [(t, h) for t, h in h1s if 3 <= len(t) <= 300]
    refs = [norm(x) for x in (og, title) if x]
    for el in sc.itemprops.get("headline", []):
        t = el.get("content") if el.tag == "meta" else text_of(el)
        if t and 3 <= len(t) <= 300:
            return " ".join(t.split())
    # an h1 that the og:title / <title> repeat is the headline as the page shows it
    for t, _ in h1s:
        nt = norm(t)
        if nt and any(nt == r or (len(nt) > 15 and nt in r) for r in refs):
            return t
    if main is not None:
        inside = [t for t, h in h1s if _inside(h, main)]
        if inside and og is None:
            return inside[0]
    if og:
        return _strip_site(og, site)
    if h1s:
        return h1s[0][0]
    if title:
        return _strip_site(title, site)
    return None


def _inside(el, ancestor) -> bool:
    for a in el.iterancestors():
        if a is ancestor:
            return True
    return False


def dek(sc: Scan) -> str | None:
    d = first(sc, "og:description", "description", "twitter:description", "dc.description")
    if d:
        return d
    for el in sc.deks[:10]:
        t = text_of(el)
        if 30 <= len(t) <= 500:
            return t
    return None


def url(sc: Scan, given: str | None, declared: str | None) -> str | None:
    cands = [h for h, _ in sc.links.get("canonical", []) if h] + [first(sc, "og:url")] + [declared]
    for c in cands:
        if c and c.strip():
            c = c.strip()
            if given:
                c = urljoin(given, c)
            if c.startswith(("http://", "https://")):
                return c
    return given


def images(sc: Scan, base: str | None) -> list[str]:
    out = []
    for k in ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image"):
        for v in sc.meta.get(k, ()):
            v = urljoin(base, v.strip()) if base else v.strip()
            if v.startswith(("http://", "https://")) and v not in out:
                out.append(v)
    return out[:3]


def tags(sc: Scan) -> list[str]:
    out: list[str] = []

    def add(t):
        t = " ".join((t or "").split()).strip(" ,;#")
        if t and len(t) <= 60 and t.casefold() not in {x.casefold() for x in out}:
            out.append(t)
    for v in sc.meta.get("article:tag", []):
        for t in v.split(",") if v.count(",") >= 1 and len(sc.meta.get("article:tag", [])) == 1 else [v]:
            add(t)
    for _, a in sc.links.get("tag", []):
        if a is not None:
            add(text_of(a))
    if not out:
        for v in sc.meta.get("news_keywords", []) + sc.meta.get("keywords", []):
            for t in re.split(r"[,;]", v):
                add(t)
    return out[:30]


def section(sc: Scan, declared: str | None) -> str | None:
    return declared or first(sc, "article:section", "section", "parsely-section", "og:article:section")


def publisher(sc: Scan, declared: str | None) -> str | None:
    return declared or first(sc, "og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site:name")


# ---------- authors ----------

_AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "citation_author", "og:article:author", "author_name", "twitter:creator:name")
_NOT_NAME = re.compile(r"^(?:by|admin|administrator|staff|unknown|anonymous|guest|author|autor|editor)$|@|https?:|"
                       r"\d{3,}|(?:^|\s)(?:share|follow|email|comments?|read more|view all|posts? by|min read)(?:\s|$)", re.I)


def _names_from(text: str) -> list[str]:
    text = " ".join((text or "").split())
    if not text or len(text) > 150:
        return []
    text = re.sub(r"^(?:posted|written|published|updated)\s+", "", text, flags=re.I)
    people = byline.parse_people(text)
    out = []
    for p in people:
        n = p.name
        # "Tom Krisher Updated 5 min ago" / "Jane Doe 20 Nov 2019": cut where a date starts
        n = re.split(r"\s+(?:on|updated|published|posted|\d{1,2}[/.:]|(?:19|20)\d\d)\b", n, maxsplit=1, flags=re.I)[0]
        n = n.strip(" ,.|-–—·:")
        if 2 <= len(n) <= 60 and not _NOT_NAME.search(n) and len(n.split()) <= 6:
            out.append(n)
    return out


def authors(sc: Scan, declared: list[str], main) -> tuple[list[str], str]:
    """(author strings, rule). Each string is passed on to byline.parse_people by the caller."""
    if declared:
        return declared, "declared"
    # itemprop=author elements (their itemprop=name, else their text)
    got = []
    for el in sc.itemprops.get("author", []) + sc.itemprops.get("creator", []):
        names = [n for n in sc.itemprops.get("name", []) if _inside(n, el)]
        if names:
            got += [(n.get("content") or text_of(n)) for n in names]
        elif el.tag == "meta" or el.get("content"):
            got.append(el.get("content"))
        elif el.tag == "link":
            continue
        else:
            got.append(text_of(el))
    got = _clean(got)
    if got:
        return got, "itemprop"
    for k in _AUTHOR_META:
        vals = [v for v in sc.meta.get(k, []) if not _URLISH.search(v)]
        vals = _clean([n for v in vals for n in _names_from(v)])
        if vals:
            return vals, "meta"
    rel = [a for _, a in sc.links.get("author", []) if a is not None]
    got = _clean([n for a in rel for n in _names_from(text_of(a))])
    if got:
        return got, "rel"
    got = byline_elements(sc, main)
    if got:
        return got, "byline"
    return [], ""


def byline_elements(sc: Scan, main) -> list[str]:
    """Names in byline/author-classed elements; within one, links to author pages first."""
    best: list[str] = []
    for el in sc.bylines[:30]:
        t = text_of(el)
        if not t or len(t) > 200:
            continue
        links = [a for a in el.iter("a") if re.search(r"author|autor|/by/|/people/|/staff/|/profile", a.get("href") or "", re.I)]
        names = _clean([n for a in links for n in _names_from(text_of(a))])
        if not names:
            names = _clean(_names_from(t))
        if names:
            if main is None or _inside(el, main) or not best:
                return names
            best = best or names
    if best:
        return best
    # "By Jane Doe" as a short line near the top of the article
    r = locale.load()
    for p in sc.paragraphs[:15] + [el for el in sc.dateish[:10]]:
        t = text_of(p)
        if t and len(t) < 120 and r.byline.match(t):
            names = _clean(_names_from(t))
            if names:
                return names
    return []


def _clean(names) -> list[str]:
    out, seen = [], set()
    for n in names:
        if not n:
            continue
        n = " ".join(n.split()).strip(" ,.|-–—·:")
        k = n.casefold()
        if n and k not in seen and not _NOT_NAME.search(n) and len(n) <= 80:
            seen.add(k)
            out.append(n)
    return out
