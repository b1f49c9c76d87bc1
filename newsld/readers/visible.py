"""What a page visibly shows, as the HTML reader sees it: the public API the reader builds on
and the page checks (newsld.pages) compare declared markup with.

``PageView(root)`` holds the one scan of the parsed page and its main text block, and answers:

* ``h1s`` / ``title``: the headline candidates a reader sees (``<h1>`` texts, ``<title>``);
* ``dates()``: the days shown near the article (``<time>`` elements, their datetime and their
  text, and date-classed elements), each with what shows it and whether it is an update;
* ``bylines()``: the names byline elements show;
* ``text()``: the page's visible text, normalised, read inline ("Molly Woo<span>d</span>") and
  with every element apart ("von<h4>Ingo Arzt</h4>"), so a name or headline may need either.

Meta tags (og:title, article:published_time...) are declarations, not what a reader sees: they
are not part of this view.
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from newsld.readers.html_body import main_block
from newsld.readers.html_dates import iso, written_date
from newsld.readers.html_meta import norm
from newsld.readers.html_scan import Scan, scan, text_of, visible_texts
from newsld.readers.selectors import MODIFIED_CLS as _UPDATE
from newsld.readers.selectors import NOT_ARTICLE_CLS as _JUNK

__all__ = ["PageView", "clip", "written_day"]

# blockquote: quotes and embedded posts; a: a date inside a link is a teaser's, for another page
_JUNK_TAGS = {"nav", "footer", "aside", "blockquote", "a"}


class PageView:
    """What the page at ``root`` shows (see the module docstring). ``sc``: the page's scan when
    the caller has it."""

    def __init__(self, root, sc: Scan | None = None):
        self.root = root
        self.scan = sc if sc is not None else scan(root)
        self.block = main_block(self.scan)  # the element holding the article's text, or None

    @property
    def h1s(self) -> list[str]:
        return [text_of(e) for e in self.scan.h1[:5]]

    @property
    def title(self) -> str | None:
        return self.scan.title

    def dates(self) -> list[tuple[_dt.date, str, bool]]:
        """(day, what shows it, whether it is marked as an update) for the dates the page shows
        near its article, in page order. A <time> gives its datetime and its text (they may
        differ by a zone or be another date); a numeric day such as 03/05/2022 is read both ways."""
        return _visible_dates(self.scan, self.block)

    def bylines(self) -> list[str]:
        """The names the page's byline elements show."""
        from newsld.readers.html_authors import byline_elements
        return [p.name for p in byline_elements(self.scan, self.block)]

    def text(self) -> str:
        body = self.root.find("body")
        if body is None:
            return ""
        return f"{norm(text_of(body) or '')} | {norm(' '.join(visible_texts(body)) or '')}"


def _in_scope(el, scope) -> bool:
    for a in el.iterancestors():
        tag = a.tag if isinstance(a.tag, str) else ""
        if tag in _JUNK_TAGS:
            return False
        c = f"{a.get('class') or ''} {a.get('id') or ''}"
        if len(c) > 1 and _JUNK.search(c):
            return False
        if a in scope:
            return True
    return False


def _scope(sc, block) -> set:
    scope = set(sc.articles)
    if block is not None:
        scope.add(block)
        for i, a in enumerate(block.iterancestors()):
            if i >= 2 or a.tag in ("body", "html"):
                break
            scope.add(a)
    for h in sc.h1[:2]:
        for i, a in enumerate(h.iterancestors()):
            if i >= 2 or a.tag in ("body", "html"):
                break
            scope.add(a)
    return scope


def _visible_dates(sc, block) -> list[tuple[_dt.date, str, bool]]:
    """(day, what shows it, whether it is marked as an update) for the dates the page shows
    near its article, in page order. A <time> gives its datetime and its text (they may differ
    by a zone or be another date); a numeric day such as 03/05/2022 is read both ways."""
    scope = _scope(sc, block)
    out = []
    for t in sc.times[:20]:
        if not _in_scope(t, scope):
            continue
        shown = text_of(t)
        if not shown:  # a <time> with nothing shown is not visible
            continue
        update = bool(_UPDATE.search(f"{t.get('class') or ''} {t.get('itemprop') or ''}"))
        d = iso(t.get("datetime")) if t.get("datetime") else None
        for day in _text_days(shown) + ([d] if d else []):  # what it shows first, for the message
            out.append((day, f"<time> {shown!r}", update))
    for el in sc.dateish[:40]:
        if el.tag == "time" or el.tag in ("meta", "html", "body"):
            continue
        c = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _JUNK.search(c) or not _in_scope(el, scope):
            continue
        t = text_of(el)
        if not t or len(t) > 200:
            continue
        update = bool(_UPDATE.search(c))
        out.extend((day, f"{clip(t, 60)!r}", update) for day in _text_days(t))
    days = []
    for d, what, update in out:
        try:
            days.append((_dt.date.fromisoformat(d[:10]), what, update))
        except ValueError:
            pass
    return days


# The two day patterns are compiled at their first text, not at import: the HTML reader imports
# this module on every page and no page of the 79 benchmark pages asks them (~0.3 ms of a cold
# start). Same patterns: the same matches.
@lru_cache(maxsize=1)
def _ambiguous_day() -> re.Pattern:
    return re.compile(r"(?<!\d)(0?[1-9]|1[0-2])([./-])(0?[1-9]|1[0-2])\2((?:19|20)\d\d)(?!\d)")


def _text_days(t: str) -> list[str]:
    """The first full date in a text (ISO), and for 03/05/2022 the other reading as well."""
    d = written_day(t)
    m = _ambiguous_day().search(t)
    if not d or not m or m.group(1).lstrip("0") == m.group(3).lstrip("0"):
        return [d] if d else []
    a, b, y = int(m.group(1)), int(m.group(3)), m.group(4)
    return list(dict.fromkeys([d, f"{y}-{b:02d}-{a:02d}", f"{y}-{a:02d}-{b:02d}"]))


@lru_cache(maxsize=1)
def _iso_day() -> re.Pattern:
    return re.compile(r"(?<!\d)(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)")


def written_day(t: str) -> str | None:
    """The first full date written in a visible text, as ISO. An ISO day is taken as it is
    (the reader's text-date pattern cuts "2018-08-16" to "2018-08-1"); other forms as the
    reader reads them (html_dates.written_date)."""
    m = _iso_day().search(t)
    if m:
        return m.group(0)
    found = written_date(t)
    if not found or t[found[1]:found[1] + 1].isdigit():
        return None
    return iso(found[0], text=True)


def clip(s: str, n: int = 90) -> str:
    """``s`` with whitespace folded, cut to ``n`` characters with an ellipsis (for messages)."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"
