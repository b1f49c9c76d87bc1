"""Publication and modification dates of an HTML page, in the order of trust: declared
structured data, meta tags, <time datetime> / itemprop elements, the URL, then date text in
date-classed elements near the top. dateutil only sees a few candidate strings."""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

from newsld import locales as locale
from newsld.locales.dates import day_first, zone_table, numeric_dates, to_iso, zone_less
from newsld.errors import InputError
from newsld.readers.html_scan import Scan, text_of
from newsld.readers.selectors import ENTRY_CLS, MODIFIED_CLS, NOT_ARTICLE_DATE_CLS, PUBLISHED_CLS

PUBLISHED_META = ("article:published_time", "og:published_time", "article:published", "datepublished",
                  "article.published", "publishdate", "publish-date", "publish_date", "published_time",
                  "published-date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
                  "dcterms.issued", "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "date",
                  "citation_publication_date", "citation_date", "originalpublicationdate", "cxenseparse:recs:publishtime",
                  "article_date_original", "og:article:published_time", "bt:pubdate", "dc.date.published",
                  "release_date", "datecreated", "creation_date", "displaydate", "pub_date", "prism.publicationdate",
                  "og:updated_time")
MODIFIED_META = ("article:modified_time", "og:modified_time", "datemodified", "last-modified", "dcterms.modified",
                 "dc.date.modified", "article.updated", "lastmod", "og:updated_time", "updated_time")
def _one_of(key: str, lang: str | None = None) -> str:
    return locale.alternation(locale.words(key, lang))


# The patterns below are compiled at their first use (``lru_cache``), not at import: most pages
# take their dates from structured data or meta tags and never read a date in text or a URL
# (over the 79 benchmark pages the text pattern served 13, the URL ones 8, the short date 4),
# and the text pattern alone is ~1.7 ms of a cold start's compiles. Same pattern text, same
# flags: the same matches, only later.
@lru_cache(maxsize=1)
def _url_dates() -> tuple[re.Pattern, re.Pattern]:
    return (re.compile(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:/|[_-]|\.|$)"),
            re.compile(r"/((?:19|20)\d{2})/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/"))


# Longest alternative first and no digit after: "2018-08-16" must not read as 2018-08-01.
_DD = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_MM = r"(?:1[0-2]|0?[1-9])(?!\d)"


@lru_cache(maxsize=1)
def _text_date() -> re.Pattern:
    """A date written in text. A month is any word of 3-10 letters here (dateutil and the
    locales' parserinfo decide whether it is one); ordinals, "de"/"of" links and time connectors
    come from the locale files. Month-first dates take the English ordinals only ("May 1st,
    2020"), as they always did. A zone abbreviation may follow the time ("5:09 p.m. EST"), as
    the zone table writes it (upper case)."""
    zones = locale.alternation(k for part in ("offsets", "regions", "ambiguous") for k in zone_table()[part])
    return re.compile(
        rf"(?<!\d)(?:(?:19|20)\d\d[-/.]{_MM}[-/.]{_DD}(?:[T ]\d\d:\d\d(?::\d\d)?)?"
        rf"|{_DD}[./-]{_MM}[./-](?:19|20)\d\d(?!\d)"
        rf"|(?:[^\W\d_]{{3,10}}\.?\s+\d{{1,2}}(?:{_one_of('ordinal_suffixes', 'en')})?,?\s+(?:19|20)\d\d(?!\d))"
        rf"|(?:\d{{1,2}}(?:{_one_of('ordinal_suffixes')})?\.?\s+(?:(?:{_one_of('day_month_links')})\s+)?"
        rf"[^\W\d_]{{3,10}}\.?,?\s+(?:(?:{_one_of('month_year_links')})\s+)?(?:19|20)\d\d(?!\d)))"
        rf"(?:,?\s+(?:(?:{_one_of('time_connectors')}|-)\s+)?\d{{1,2}}[:.h]\d\d(?!\d)(?:\s*[ap]\.?m\.?)?"
        rf"(?:\s+(?-i:{zones})(?!\w))?)?", re.I)


_YEAR = re.compile(r"(?:19|20)\d\d")
_ZONE = re.compile(r"(?:Z|[+-]\d\d:?\d\d|GMT|UTC)$", re.I)
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")
_NUMERIC_DATE = re.compile(r"^\d{1,2}([./-])\d{1,2}[./-]\d{4}")
_CLOCK = re.compile(r"\d:\d\d")


def iso(value: str | None, *, text: bool = False, lang: str | None = None) -> str | None:
    """ISO 8601 for a candidate string, or None (also for dates before 1990 or too far ahead).
    ``lang``: the page's language, which decides numeric dates ("04/05/2025")."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    if len(v) > 80:
        return None
    if _EPOCH.fullmatch(v):  # epoch seconds / milliseconds
        from datetime import datetime, timezone
        try:
            return datetime.fromtimestamp(int(v[:10]), timezone.utc).isoformat()
        except (ValueError, OverflowError, OSError):
            return None
    if not _YEAR.search(v):
        return None
    m = _NUMERIC_DATE.match(v)
    if m:  # 20.11.2019 / 20-11-2019 day first, 11/20/2019 month first, unless the language says
        first = day_first(lang)
        v, text = numeric_dates(v, first=m.group(1) in ".-" if first is None else first), True
    try:
        out = to_iso(v, fuzzy=text, lang=lang)
    except (InputError, Exception):
        return None
    y = int(out[:4])
    return out if 1990 <= y <= 2100 else None


def page_offset(sc: Scan, *dates: str | None):
    """The offset the page states for its times: that of another of its dates, else of its
    published/modified meta (article:published_time); None when it states none."""
    from datetime import datetime
    metas = (v for k in PUBLISHED_META + MODIFIED_META for v in sc.meta.get(k, ()))
    for d in (*dates, *(iso(v) for v in metas)):
        if d and len(d) > 10 and not zone_less(d):
            try:
                return datetime.fromisoformat(d).tzinfo
            except ValueError:
                continue
    return None


def published(sc: Scan, declared: str | None, url: str | None) -> tuple[str | None, str]:
    """(ISO date, which rule found it)."""
    lang = sc.lang
    d = iso(declared)
    if d:
        return _local(d, sc), "declared"
    for k in PUBLISHED_META:
        for v in sc.meta.get(k, ()):
            d = iso(v)
            if d:
                return _local(d, sc), "meta"
    for el in sc.itemprops.get("datePublished", []) + sc.itemprops.get("dateCreated", []):
        d = iso(el.get("datetime") or el.get("content")) or iso(text_of(el), text=True, lang=lang)
        if d:
            return d, "itemprop"
    times = [t for t in sc.times if not _modified_el(t)]
    pub = [t for t in times if t.get("pubdate") is not None or PUBLISHED_CLS.search((t.get("class") or "") + (t.get("itemprop") or ""))]
    for t in pub:
        d = _time_el(t, lang)
        if d:
            return d, "time"
    for t in [t for t in times if t.get("datetime") and not _in_dated_list(t)][:5]:
        d = _time_el(t, lang)
        if d:
            return d, "time-any"
    for t in [t for t in times if not _in_dated_list(t)][:5]:
        d = iso(text_of(t), text=True, lang=lang)
        if d:
            return d, "time-text"
    d = url_date(url)
    if d:
        return d, "url"
    d = text_date(sc)
    if d:
        return d, "text"
    return None, ""


def _time_el(t, lang: str | None = None) -> str | None:
    """A <time>'s datetime, unless its visible text is a full date more than a day away: the
    date readers see ("Publié le 29 juin 2019" on a datetime of 3 July)."""
    d = iso(t.get("datetime"))
    txt = text_of(t)
    if d and txt and _YEAR.search(txt) and len(txt) <= 80:
        m = _text_date().search(txt)
        v = iso(m.group(0), text=True, lang=lang) if m else None
        if v and abs(_days(v) - _days(d)) > 1:
            return v
    return d or iso(txt, text=True, lang=lang)


def _days(d: str) -> int:
    from datetime import date
    return date.fromisoformat(d[:10]).toordinal()


def url_date(url: str | None) -> str | None:
    if url:
        dated, dated2 = _url_dates()
        m = dated.search(url) or dated2.search(url)
        if m:
            return iso("-".join((m.group(1), m.group(2).zfill(2), m.group(3).zfill(2))))
    return None


def loose_text_date(root, limit: int = 4000, lang: str | None = None) -> str | None:
    """Last resort: the first full date written in any short text of the page (document order),
    after the first <h1> when the page has one (a date above the headline is mostly a "today"
    widget or a news ticker)."""
    n = 0
    before = None
    seen_h1 = root.find(".//h1") is None
    for el in root.iter():
        n += 1
        if n > limit:
            break
        if el.tag == "h1":
            seen_h1 = True
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "option", "input"):
            continue
        for t in (el.text, el.tail):
            if t and 6 <= len(t) <= 160 and _YEAR.search(t):
                m = _text_date().search(t)
                if m:
                    d = iso(m.group(0), text=True, lang=lang)
                    if d:
                        if seen_h1:
                            return d
                        before = before or d
    return before or _htmldate(root)


def _htmldate(root) -> str | None:
    """When no rule of ours finds a date: htmldate's extensive search (its URL-in-links, text and
    heuristics), if htmldate is installed. Imported here only, so the text path and pages with
    a date never pay its import (~70 ms with dateparser)."""
    try:
        from htmldate import find_date
        from lxml import etree
    except ImportError:
        return None
    import logging
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            d = find_date(etree.tostring(root, encoding="unicode", method="html"),
                          extensive_search=True, original_date=True)
    except Exception:  # any failure inside htmldate: no date, never an error
        return None
    return iso(d) if d else None


def _local(d: str, sc: Scan) -> str:
    """A UTC time that the page also gives in the publisher's own time: a <time datetime> with
    an offset at the same instant, or a zone-less meta time (sailthru.date, dc.date...) at the
    same minute a whole number of quarter hours away (at most 14 h) on another day: that one,
    so the date is the publisher's day. (Written dates and times in the page text were tried as
    well: +1 traf, +1 hdate but -2 aeb, whose truth is the declared UTC day.)"""
    if not (d.endswith("+00:00") and len(d) > 10):
        return d
    from datetime import datetime, timedelta, timezone
    try:
        a = datetime.fromisoformat(d)
    except ValueError:
        return d
    for t in sc.times[:10]:
        v = iso(t.get("datetime"))
        if v and len(v) > 10 and not v.endswith("+00:00"):
            try:
                b = datetime.fromisoformat(v)
            except ValueError:
                continue
            if b.tzinfo and abs((a - b).total_seconds()) < 120:
                return v
    au = a.replace(tzinfo=None)

    def shifted(b: datetime) -> str | None:
        if b.date() == au.date():
            return None
        for x in (au, au.replace(second=0, microsecond=0)):
            off = (b - x).total_seconds()
            if off and abs(off) <= 14 * 3600 and off % 900 == 0:
                return b.replace(tzinfo=timezone(timedelta(seconds=off))).isoformat()
        return None

    for k in PUBLISHED_META:  # zone-less values only
        for v in sc.meta.get(k, ()):
            if v and not _ZONE.search(v.strip()) and _CLOCK.search(v):
                w = iso(v)
                out = shifted(datetime.fromisoformat(w).replace(tzinfo=None)) if w and len(w) > 10 else None
                if out:
                    return out
    return d


def _in_dated_list(el) -> bool:
    """Whether el sits in a list item (<li>, at most 6 levels up) whose list has another item
    with a date of the same kind (a <time>, or an element of the same tag and class): a list
    of other posts (recent posts, related, archive), not this article's date."""
    li, n = el.getparent(), 0
    while li is not None and li.tag != "li" and n < 6:
        li, n = li.getparent(), n + 1
    if li is None or li.tag != "li" or li.getparent() is None:
        return False
    if el.tag == "time":
        path = ".//time"
    else:
        cls = el.get("class")
        if cls and ('"' in cls or "'" in cls):
            return False
        path = f".//{el.tag}[@class='{cls}']" if cls else f".//{el.tag}"
    for preceding in (False, True):  # up to 20 list items on each side
        for k, other in enumerate(li.itersiblings("li", preceding=preceding)):
            if k >= 20:
                break
            for x in other.iterfind(path):
                t = text_of(x) if el.tag != "time" or not x.get("datetime") else x.get("datetime")
                if t and _YEAR.search(t):
                    return True
    return False


def _modified_el(el) -> bool:
    return bool(MODIFIED_CLS.search(f"{el.get('class') or ''} {el.get('itemprop') or ''}"))


def modified(sc: Scan, declared: str | None) -> str | None:
    lang = sc.lang
    d = iso(declared)
    if d:
        return d
    for k in MODIFIED_META:
        for v in sc.meta.get(k, ()):
            d = iso(v)
            if d:
                return d
    for el in sc.itemprops.get("dateModified", []):
        d = iso(el.get("datetime") or el.get("content")) or iso(text_of(el), text=True, lang=lang)
        if d:
            return d
    return None


def text_date(sc: Scan) -> str | None:
    """The first date written in an element whose class/id says date/time/published (not
    updated, not a comment, not in a list of other posts), in document order; the first 40 such
    elements only. One in a site header (a <header>/<nav> without the <h1>: "today's edition")
    only when no other has a date."""
    header, lang = None, sc.lang
    for el in sc.dateish[:40]:
        if (_modified_el(el) and not ENTRY_CLS.search(el.get("class") or "")) or \
                NOT_ARTICLE_DATE_CLS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue
        t = text_of(el)
        if not t or len(t) > 300 or _in_dated_list(el):
            continue
        m = _text_date().search(t)
        d = iso(m.group(0), text=True, lang=lang) if m else _short_date(t, el)
        if d:
            if not _in_site_header(el):
                return d
            header = header or d
    return header


@lru_cache(maxsize=1)
def _short_date_pattern() -> re.Pattern:
    """"Party, 30.10.23" / "8.5.12": day.month.two-digit year, in date-classed elements only."""
    return re.compile(r"(?<![\d.])(3[01]|[12]\d|0?[1-9])\.(1[0-2]|0?[1-9])\.(\d\d)(?!\d|\.\d)")


def _short_date(t: str, el) -> str | None:
    """A day.month.two-digit-year date ("30.10.23"), read in the century that does not put it
    after the latest full year the page itself writes (its text or meta: "© 2023"); a page
    that writes no full year gets no date from it. Never today's date: the same page gives the
    same answer on any day ("1.2.34" in a page of 2023 is no date)."""
    m = _short_date_pattern().search(t)
    if not m:
        return None
    dd, mm, yy = m.groups()
    latest = _latest_year(el)
    if latest is None:
        return None
    year = 2000 + int(yy) if 2000 + int(yy) <= latest else 1900 + int(yy)
    return iso(f"{year}-{mm.zfill(2)}-{dd.zfill(2)}")


_FULL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _latest_year(el) -> int | None:
    """The latest year from 1990 to 2100 written in full in the page of ``el`` (text, meta)."""
    root = el.getroottree().getroot()
    years = [int(y) for chunk in root.itertext() for y in _FULL_YEAR.findall(chunk)]
    years += [int(y) for m in root.iter("meta") for y in _FULL_YEAR.findall(m.get("content") or "")]
    years = [y for y in years if 1990 <= y <= 2100]
    return max(years) if years else None


def _in_site_header(el) -> bool:
    n = 0
    for a in el.iterancestors():
        n += 1
        if n > 12:
            break
        if a.tag in ("header", "nav"):
            return a.find(".//h1") is None
    return False


def written_date(text: str) -> tuple[str, int] | None:
    """The first date written in ``text`` as the reader recognises one (numeric forms, month
    names, a time after it): (the matched text, the offset just past it), or None."""
    m = _text_date().search(text)
    return (m.group(0), m.end()) if m else None
