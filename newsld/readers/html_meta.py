"""Headline, dek, tags, URL, images and publisher from meta tags and visible markup (authors:
html_authors)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urljoin

from newsld.readers.html_scan import Scan, text_of
from newsld.readers.selectors import HEADLINE_PART_CLS, KICKER_CLS

_SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u2022\u00bb/]{1,2}\s+|\s*\|\s*")


def first(sc: Scan, *keys) -> str | None:
    for k in keys:
        for v in sc.meta.get(k, ()):
            v = " ".join(v.split())
            if v:
                return v
    return None


_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=8192)
def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(_NON_WORD.sub(" ", s).split())


def norm(s: str) -> str:
    """Casefolded words only (cached: the headline vote and the author rules compare the same
    few strings pairwise)."""
    return _norm(s or "")


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


# Prior weight of each headline source; the rest of the vote is how many other sources agree.
_WEIGHTS = {"declared": 1.0, "og": 0.0, "twitter": 0.5, "title": 0.5, "h1": 0.25, "itemprop": 0.25}


def _agree(a: str, b: str) -> float:
    """1 for the same headline, 0.5 when one contains the other (a kicker or a site name more);
    ``a`` and ``b`` as norm gives them."""
    return 1.0 if a == b else 0.5 if (len(a) > 15 and len(b) > 15 and (a in b or b in a)) else 0.0


def headline(sc: Scan, main, site: str | None, declared: str | None = None) -> str | None:
    """The headline most sources agree on: og:title, twitter:title, <title> less the site name,
    the first <h1> that is not the site name (one inside the main block first), itemprop=headline
    and the declared one; ties go to the declared one, then the order of _WEIGHTS."""
    ns = norm(site or "")
    h1s = [" ".join(text_of(h).split()) for h in sc.h1]
    before = _before_h1_part(sc.title, h1s[0]) if sc.title and h1s and \
        (main is None or not within(sc.h1[0], main)) else None
    if before:  # the first <h1>, outside the article, is the blog's name: the title ends before it
        ns_h1 = norm(h1s[0])
        h1s = [t for t in h1s if norm(t) != ns_h1]
    h1s = [t for t in h1s if 3 <= len(t) <= 300 and norm(t) != ns]
    if main is not None:
        inside = [" ".join(text_of(h).split()) for h in sc.h1 if within(h, main)]
        h1s = [t for t in inside if t in h1s] + h1s
    ip = None
    for el in sc.itemprops.get("headline", [])[:1]:
        ip = el.get("content") if el.tag == "meta" else text_of(el)
    og, tw = first(sc, "og:title"), first(sc, "twitter:title")
    h1_norms = {norm(t) for t in h1s}

    def titled(t: str | None) -> str | None:
        # a title that is an h1 word for word has no site name to strip: "Café — “quotes”"
        # must not lose "Café — " as if it were one
        if not t:
            return t
        return " ".join(t.split()) if norm(t) in h1_norms else _strip_site(t, site)

    cands = {"declared": declared, "og": titled(og), "twitter": titled(tw),
             "title": before or titled(sc.title), "h1": h1s[0] if h1s else None,
             "itemprop": ip}
    cands = {k: " ".join(v.split()) for k, v in cands.items() if v and len(v.strip()) >= 3 and len(v) <= 400}
    if not cands:
        other = first(sc, "title", "sailthru.title", "parsely-title", "dc.title", "headline")
        return _strip_site(other, site) if other else None
    best, score = None, -1.0
    normed = {k: norm(v) for k, v in cands.items()}  # once each, not once per pair
    for k, v in cands.items():
        nv = normed[k]
        s = _WEIGHTS[k] + sum(_agree(nv, o) for kk, o in normed.items() if kk != k)
        if s > score:
            best, score = v, s
    h1 = cands.get("h1")
    if h1 and best != h1 and _KICKER.match(best) and norm(_KICKER.sub("", best)) == norm(h1):
        return h1  # "Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer" over the page's <h1>
    return _without_kicker(sc, best, [v for k, v in cands.items() if k in ("og", "twitter", "title")])


def _without_kicker(sc: Scan, best: str, meta: list[str]) -> str:
    """The headline part of the page's heading when the page marks it up as a kicker and a
    headline (<h2><span class=article__kicker>Neue Leipziger Schule</span><span
    class=article__headline>Judy Lybke, ...</span></h2>), ``best`` is both parts, and the page's
    meta titles (``meta``: og, twitter, <title>) state the headline without that kicker: the
    kicker is then a topic label, not the headline. When every title keeps the kicker
    ("Ausschuss zur Ahrtal-Flut: Zwei Rücktritte ..."), the publisher means it as part of it."""
    nb = norm(best)
    if not any(norm(m) != nb for m in meta):
        return best
    for h in sc.h1 + sc.headings[:20]:
        if len(h) < 2:  # (most headings) fewer than two children, so fewer than two parts
            continue
        kids = [c for c in h if isinstance(c.tag, str) and text_of(c).strip()]
        if len(kids) < 2 or norm(" ".join(text_of(c) for c in kids)) != nb:
            continue
        for i, c in enumerate(kids[1:], 1):
            if HEADLINE_PART_CLS.search(c.get("class") or "") and not KICKER_CLS.search(c.get("class") or "") \
                    and all(len(text_of(k)) <= 80 for k in kids[:i]):
                part = " ".join(text_of(c).split())
                np = norm(part)
                said = any(norm(m).endswith(np) and norm(m) != nb for m in meta)
                return part if len(part) >= 3 and said else best
    return best


_KICKER = re.compile(r"^[^:]{3,60}:\s+")


def _before_h1_part(title: str, h1: str) -> str | None:
    """"Post title : Blog name | Tagline" with the blog name as the page's first <h1>: the
    title before that part (None unless the h1 is a later part, shorter than the first)."""
    title = " ".join(title.split())
    seps = list(_SEPARATORS.finditer(title))
    n = norm(h1)
    for i, m in enumerate(seps):
        end = seps[i + 1].start() if i + 1 < len(seps) else len(title)
        part = title[m.end():end]
        if norm(part) == n and len(part) < seps[0].start():
            return title[:m.start()]
    return None


def within(el, ancestor) -> bool:
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
    """The URL the page names itself by: its canonical link, else og:url, else the URL its
    declared article node gives (``declared``), resolved against ``given`` (where the page is)
    when relative; None when it names no absolute http(s) URL. Where the page was found does
    not name it (readers.read_article falls back to that, without its #fragment)."""
    cands = [h for h, _ in sc.links.get("canonical", []) if h] + [first(sc, "og:url")] + [declared]
    for c in cands:
        if c and c.strip():
            c = c.strip()
            if given:
                c = urljoin(given, c)
            if c.startswith(("http://", "https://")):
                return c
    return None


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
    seen: set[str] = set()  # casefolded: one lookup per tag, linear in the number of tags

    def add(t):
        t = " ".join((t or "").split()).strip(" ,;#")
        if t and len(t) <= 60 and t.casefold() not in seen:
            seen.add(t.casefold())
            out.append(t)
    for v in sc.meta.get("article:tag", []):
        for t in v.split(",") if v.count(",") >= 1 and len(sc.meta.get("article:tag", [])) == 1 else [v]:
            add(t)
    for _, a in sc.links.get("tag", []):
        if a.tag == "a":
            add(text_of(a))
    if not out:
        for v in sc.meta.get("news_keywords", []) + sc.meta.get("keywords", []):
            for t in re.split(r"[,;]", v):
                add(t)
    return out[:30]


def section(sc: Scan, declared: str | None) -> str | None:
    return declared or first(sc, "article:section", "section", "parsely-section", "og:article:section")


def publisher(sc: Scan, declared: str | None) -> str | None:
    return declared or first(sc, "og:site_name", "application-name", "publisher", "dc.publisher",
                             "twitter:site:name") or _feed_site(sc)


def _feed_site(sc: Scan) -> str | None:
    """The site's name from its RSS/Atom feed link ("CBS Detroit » Feed", as WordPress writes
    it) when <title> has the same name as one of its parts."""
    feeds = [el for _, el in sc.links.get("alternate", ()) if "xml" in (el.get("type") or "")]
    if not feeds or not sc.title:
        return None
    parts = {norm(p) for p in _SEPARATORS.split(" ".join(sc.title.split()))[1:]}
    for link in feeds:
        name = _SEPARATORS.split(" ".join((link.get("title") or "").split()))[0]
        if name and norm(name) in parts:
            return name
    return None
