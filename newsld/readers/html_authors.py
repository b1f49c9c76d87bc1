"""Authors of an HTML page: the declared ones, then itemprop, byline markup, meta tags,
rel=author, looser byline text, an author-page URL and, last, a link after the headline whose
text is the name its author-page slug spells. Each rule's names go through byline.parse_people."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsld import locales as locale
from newsld.article.model import Agent
from newsld.locales.names import not_a_name
from newsld.readers import byline
from newsld.readers.html_meta import norm, within
from newsld.readers.html_scan import Scan, text_of

_URLISH = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)/", re.I)

_AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "citation_author", "og:article:author", "author_name", "twitter:creator:name")
_LETTER = re.compile(r"[^\W\d_]")
# not a name: an address, a long number or markup; the rest (placeholder words, link labels,
# dates, weekdays, photo credits) is locales.names.not_a_name, which the validator shares
_NOT_NAME_MARKUP = re.compile(r"https?:|\d{3,}|[<>{}=]")


def _not_name(name: str) -> bool:
    return bool(_NOT_NAME_MARKUP.search(name) or not_a_name(name))


def _names_from(text: str) -> list:
    """People (Agents) named by a byline text, job titles kept (new Agents: callers change them)."""
    return [Agent(name=n, kind=k, job_title=j, affiliation=a) for n, k, j, a in _people_named(" ".join((text or "").split()))]


@lru_cache(maxsize=2048)
def _people_named(text: str) -> tuple:
    """(name, kind, job title, affiliation) of each person a whitespace-folded byline text
    names (byline.parse_people sets no other field). Cached: a pure function of the text, and
    nested byline elements (a byline box, the author link in it) and the meta tags repeat a
    page's byline texts (2 calls in 5 on the benchmark pages)."""
    if not text or len(text) > 150:
        return ()
    r = locale.load()
    if not r.byline.match(text):  # "Posted on September 21, 2020 by Adi Tzlil"
        for m in re.finditer(r"\s", text):
            if r.byline.match(text[m.end():]):
                text = text[m.end():]
                break
    out = []
    for p in byline.parse_people(text):
        n = _name_end().split(p.name, maxsplit=1)[0]
        p.name = n.strip(" ,.|-–—·:")
        if 2 <= len(p.name) <= 60 and not _not_name(p.name) and len(p.name.split()) <= 6 \
                and _LETTER.match(p.name):  # not "11:51", not "12. März" ("vom 12. März 2020")
            out.append((p.name, p.kind, p.job_title, p.affiliation))
    return tuple(out)


@lru_cache(maxsize=1)
def _name_end() -> locale.Gated:
    """Where a name in a byline ends: a date ("Tom Krisher Updated 5 min ago", "Jane Doe 20 Nov
    2019", a locale date word before a number: "Christian Weber am 03.05.2013") or a " | "
    segment ("Jacobo Betancur | Publicado hace 3 horas"), a weekday or an English month before a
    number ("Nathan Willis March 25"). Gated: most names hold no digit, bar, end word or weekday."""
    ends, weekdays = locale.words("name_end_words"), locale.words("weekdays")
    return locale.Gated(rf"\s+(?:{locale.alternation(ends)}|\d{{1,2}}[/.:]|(?:19|20)\d\d)\b|\s+[|·•]\s"
                        rf"|\s+(?:{locale.load().date_words.pattern})\s*(?=\d)"
                        rf"|\s+(?:{locale.alternation(weekdays)})(?!\w)"  # "Joe Wee Monday"
                        rf"|\s+(?:{locale.alternation(locale.words('month_names'))})\.?\s*(?=\d)",  # "Nathan Willis March 25"
                        re.I, rf"\d|\s[|·•]|\s(?:{locale.alternation(ends)}|{locale.alternation(locale.heads(weekdays))})")


def authors(sc: Scan, declared: list[str], main, site: str | None = None, root=None) -> tuple[list, str]:
    """(author strings, rule); each string goes on to byline.parse_people. The first rule that
    finds names wins, except that names which are only the site's own name (a CMS placeholder)
    give way to a person named by a later rule."""
    ns = norm(site or "").replace(" ", "")  # "www.elcolombiano.com" names "El Colombiano" too

    def placeholder(people):
        return bool(ns) and all(n == ns or (len(n) > 3 and (n in ns or ns in n))
                                for n in (norm(p.name).replace(" ", "") for p in people))

    fallback: tuple[list[str], str] | None = None
    for rule, get in (("declared", lambda: _clean([p for n in declared for p in byline.parse_people(n)])), ("itemprop", lambda: _itemprop_authors(sc)),
                      ("byline", lambda: byline_elements(sc, main, strong=True)),
                      ("meta", lambda: _meta_authors(sc)), ("rel", lambda: _rel_authors(sc)),
                      ("byline", lambda: byline_elements(sc, main)), ("url", lambda: _slug_authors(sc)),
                      ("link", lambda: _page_link_authors(sc, root)),
                      ("dateline", lambda: _dateline_agency(sc, main))):
        got = get()
        if not got:
            continue
        if placeholder(got):
            fallback = fallback or (got, rule)
            continue
        return got, rule
    return fallback or ([], "")


@lru_cache(maxsize=1)
def _dateline() -> locale.Gated:
    """Wire copy's dateline: "Hamburg (dpa/lno) – ...", "WASHINGTON (AP) — ...": a place, a news
    agency (the locales' ``agencies``, with its desk after a slash) in brackets, a dash. Gated
    by the same lead and the agencies' first letters (the agency alternation is ~1 ms to
    compile, and most pages open no paragraph with a bracket after a short place)."""
    agencies = locale.words("agencies")
    lead = r"^[^\W\d_][^()]{0,40}?\s*\("
    return locale.Gated(rf"{lead}(?P<agency>(?:{locale.alternation(agencies)})(?:/[^\W\d_]{{2,8}})*)\)\s*[-–—:]\s",
                        re.I, rf"{lead}(?:{locale.alternation(locale.heads(agencies))})")


def _dateline_agency(sc: Scan, main) -> list:
    """The agency of a dateline opening one of the article's first paragraphs (a photo caption
    may come first), as an Organization: the page names nobody else, and the agency wrote it
    (better than the site's own name)."""
    texts = (text_of(p) for p in sc.paragraphs if main is None or within(p, main))
    for t in [t for t in texts if t][:3]:
        m = _dateline().match(t)
        if m:
            return [Agent(name=m.group("agency"), kind="Organization")]
    return []


def _itemprop_authors(sc: Scan) -> list[str]:
    got = []
    for el in sc.itemprops.get("author", []) + sc.itemprops.get("creator", []):
        names = [n for n in sc.itemprops.get("name", []) if within(n, el)]
        if names:
            got += [p for n in names for p in byline.parse_people(n.get("content") or text_of(n))]
        elif el.tag == "meta" or el.get("content"):
            got += byline.parse_people(el.get("content"))
        elif el.tag != "link":
            got += _names_from(text_of(el))
    return _clean(got)


def _meta_authors(sc: Scan) -> list[str]:
    for k in _AUTHOR_META:
        vals = [v for v in sc.meta.get(k, []) if not _URLISH.search(v)]
        vals = _clean([n for v in vals for n in _names_from(v)])
        if vals:
            return vals
    return []


def _rel_authors(sc: Scan) -> list[str]:
    rel = [a for _, a in sc.links.get("author", []) if a.tag == "a"]
    return _clean([n for a in rel for n in _names_from(text_of(a))])


def _author_href(href: str | None):
    """The locale author_url match of a link to an author page ("/author/jane-doe/",
    "/contributor/molly-wood.html"), or None."""
    return locale.load().author_url.search(href.strip().split("?", 1)[0].split("#", 1)[0]) if href else None


def _folded_words(s: str) -> set:
    """Casefolded words without accents: "Peláez" and the slug "pelaez" compare equal."""
    s = unicodedata.normalize("NFKD", s)
    return set(norm("".join(c for c in s if not unicodedata.combining(c))).split())


def _link_names(a) -> list:
    """Names in the text of a link to an author page. None when the URL's slug names somebody
    the text does not ("All articles" -> /author/frank-hahn/): the text is a label."""
    slug = _author_href(a.get("href")).group("slug")
    text = text_of(a)
    if slug and not _folded_words(text) & _folded_words(slug.replace("-", " ")):
        return []
    return _names_from(text)


def _page_link_authors(sc: Scan, root) -> list:
    """After the first <h1>, inside its grandparent (anywhere when there is no <h1>), the first
    link to an author page whose text is the name its URL slug spells ("<a href=
    /author/jose-altoveros.html>Jose Altoveros</a>"), and such links beside it (co-authors)."""
    h1 = sc.h1[0] if sc.h1 else None
    scope = h1 if h1 is not None else root
    for _ in range(2 if h1 is not None else 0):
        scope = scope.getparent() if scope.getparent() is not None else scope
    if scope is None:
        return []
    found: list = []
    after = h1 is None
    for a in scope.iter("a", "h1"):
        if not after:
            after = a is h1
            continue
        m = _author_href(a.get("href")) if a.tag == "a" else None
        slug = m and m.group("slug")
        if slug and _folded_words(text_of(a)) == _folded_words(slug.replace("-", " ")):
            if found and a.getparent() is not found[0].getparent():
                break
            found.append(a)
    return _clean([p for a in found for p in _names_from(text_of(a))])


def _slug_authors(sc: Scan) -> list[str]:
    """article:author / rel=author given as a profile URL ".../people/meg-james": its slug."""
    urls = sc.meta.get("article:author", []) + [h for h, _ in sc.links.get("author", []) if h]
    for u in urls:
        m = _author_href(u)
        if m and m.group("slug"):
            return [byline.agent_for(" ".join(w.capitalize() for w in m.group("slug").split("-")))]
    return []


def byline_elements(sc: Scan, main, strong: bool = False) -> list[str]:
    """Names in byline/author-classed elements. Elements that link to an author page, then
    those starting with a byline word ("By"), then any; inside the main block first."""
    r = locale.load()
    ranked = _ranked_bylines(sc, main)
    if strong:
        ranked = [r for r in ranked if r[0] < 2]
        return min(ranked)[3] if ranked else []
    if ranked:
        return min(ranked)[3]
    # "By Jane Doe" as a short line near the top of the article
    for p in sc.paragraphs[:15] + [el for el in sc.dateish[:10]]:
        t = text_of(p)
        if t and len(t) < 120 and r.byline.match(t):
            names = _clean(_names_from(t))
            if names:
                return names
    return []


def _ranked_bylines(sc: Scan, main) -> list:
    """(rank, outside the main block, position, names) of each byline element that names
    somebody; worked out once per page (the strong rule and the later one both ask)."""
    memo = sc.__dict__.get("_ranked_bylines")
    if memo is not None and memo[0] is main:
        return memo[1]
    r = locale.load()
    ranked = []
    for i, el in enumerate(sc.bylines[:40]):
        t = text_of(el)
        if not t or len(t) > 200:
            continue
        names = _clean([n for a in el.iter("a") if _author_href(a.get("href")) for n in _link_names(a)])
        rank = 0 if names else 1 if r.byline.match(t) else 2
        if not names:
            names = _clean(_names_from(t))
        if names:
            ranked.append((rank, main is not None and not within(el, main), i, names))
    sc.__dict__["_ranked_bylines"] = (main, ranked)
    return ranked


def _clean(people) -> list:
    out, seen = [], set()
    for p in people:
        if not p or not p.name:
            continue
        p.name = " ".join(p.name.split()).strip(" ,.|-–—·:")
        k = p.name.casefold()
        if p.name and k not in seen and not _not_name(p.name) and len(p.name) <= 80:
            seen.add(k)
            out.append(p)
    return out
