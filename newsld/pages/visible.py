"""``mismatch`` warnings: where a page's declared Article contradicts what the page SHOWS.

Google asks that structured data describe the visible content. "Visible" here is rendered text
only: the <h1> and <title> for the headline, <time> elements and date-classed text near the
article for the day, byline elements for the author. Meta tags (og:title,
article:published_time...) are other declarations, not what a reader sees, so they are not
used. Only clear contradictions are reported:

* headline: the declared headline is neither equal to, contained in, nor containing (nor
  mostly the same words as) any <h1> or the <title>, and does not appear anywhere in the
  page's visible text;
* datePublished: the page shows a date near the article (a <time> or a date-classed element
  inside the article / main text block / the h1's container) and none of them is within one
  day of the declared datePublished (or dateModified);
* author: the page shows a byline naming people and none of the declared person names appears
  anywhere in the page's visible text.

The visible values come from the HTML reader's own helpers (scan, main_block, byline_elements,
the date parser) applied to the same parsed tree, never from the page's declared markup.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import re

from newsld.readers.selectors import MODIFIED_CLS as _UPDATE, NOT_ARTICLE_CLS as _JUNK
from newsld.validator._report import Issue

# blockquote: quotes and embedded posts; a: a date inside a link is a teaser's, for another page
_JUNK_TAGS = {"nav", "footer", "aside", "blockquote", "a"}


def mismatches(root, arts, text: str | None = None) -> list[Issue]:
    """Issues for the page's main Article node (the first one with a headline)."""
    from newsld.readers import html_body
    from newsld.readers.html_scan import scan, text_of, visible_texts

    arts.sort(key=lambda a: not isinstance(a[0].get("headline"), str))
    node, label, ids = arts[0]
    sc = scan(root)
    body_el = root.find("body")
    # the text as shown inline ("Molly Woo<span>d</span>") and with every element apart
    # ("von<h4>Ingo Arzt</h4><h5>Redakteur</h5>"): a name or headline may need either reading
    visible = "" if body_el is None else \
        f"{_norm(text_of(body_el))} | {_norm(' '.join(visible_texts(body_el)))}"
    block = html_body.main_block(sc)
    out: list[Issue] = []
    out += _headline(node, label, sc, visible, text_of)
    out += _date(node, label, sc, block, text_of)
    out += _authors(node, label, ids, sc, block, visible)
    return out


def _norm(s) -> str:
    from newsld.readers.html_meta import norm
    return norm(s or "")


# ---------- headline ----------

def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 0.4 * len(long_) and len(short) >= 10:
        return True  # "Headline" vs "Headline | Site name" / a kicker before it
    wa, wb = set(a.split()), set(b.split())
    if wa and wb and len(wa & wb) / min(len(wa), len(wb)) >= 0.8:
        return True  # mostly the same words
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


def _headline(node, label, sc, visible, text_of) -> list[Issue]:
    h = node.get("headline")
    if isinstance(h, list):
        h = next((x for x in h if isinstance(x, str)), None)
    if not isinstance(h, str):
        return []
    import html as _html
    nh = _norm(_html.unescape(h))
    if len(nh) < 8:
        return []
    h1s = [text_of(e) for e in sc.h1[:5]]
    shown = [t for t in h1s + [sc.title or ""] if len(_norm(t)) >= 3]
    if not shown:
        return []
    if any(_similar(nh, _norm(t)) for t in shown) or nh in visible:
        return []
    first = h1s[0] if h1s else sc.title
    which = "<h1>" if h1s else "<title>"
    return [Issue("warning", "mismatch", f"{label}.headline",
                  f"the declared headline {_clip(h)!r} does not match what the page shows: "
                  f"{which} {_clip(' '.join(first.split()))!r}; Google requires structured data to "
                  "describe the visible content, so use the page's own headline")]


def _clip(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


# ---------- date ----------

def _day(value) -> _dt.date | None:
    from newsld.readers.html_dates import iso
    if isinstance(value, list):
        value = next((x for x in value if isinstance(x, str)), None)
    if not isinstance(value, str):
        return None
    d = iso(value)
    if not d:
        return None
    try:
        return _dt.date.fromisoformat(d[:10])
    except ValueError:
        return None


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


def visible_dates(sc, block, text_of) -> list[tuple[_dt.date, str, bool]]:
    """(day, what shows it, whether it is marked as an update) for the dates the page shows
    near its article, in page order. A <time> gives its datetime and its text (they may differ
    by a zone or be another date); a numeric day such as 03/05/2022 is read both ways."""
    from newsld.readers.html_dates import iso
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
        out.extend((day, f"{_clip(t, 60)!r}", update) for day in _text_days(t))
    days = []
    for d, what, update in out:
        try:
            days.append((_dt.date.fromisoformat(d[:10]), what, update))
        except ValueError:
            pass
    return days


_AMBIGUOUS_DAY = re.compile(r"(?<!\d)(0?[1-9]|1[0-2])([./-])(0?[1-9]|1[0-2])\2((?:19|20)\d\d)(?!\d)")


def _text_days(t: str) -> list[str]:
    """The first full date in a text (ISO), and for 03/05/2022 the other reading as well."""
    d = _text_day(t)
    m = _AMBIGUOUS_DAY.search(t)
    if not d or not m or m.group(1).lstrip("0") == m.group(3).lstrip("0"):
        return [d] if d else []
    a, b, y = int(m.group(1)), int(m.group(3)), m.group(4)
    return list(dict.fromkeys([d, f"{y}-{b:02d}-{a:02d}", f"{y}-{a:02d}-{b:02d}"]))


_ISO_DAY = re.compile(r"(?<!\d)(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)")


def _text_day(t: str) -> str | None:
    """The first full date written in a visible text, as ISO. An ISO day is taken as it is
    (the reader's _TEXT_DATE cuts "2018-08-16" to "2018-08-1"); other forms via the reader."""
    from newsld.readers.html_dates import _TEXT_DATE, iso
    m = _ISO_DAY.search(t)
    if m:
        return m.group(0)
    m = _TEXT_DATE.search(t)
    if not m or t[m.end():m.end() + 1].isdigit():
        return None
    return iso(m.group(0), text=True)


def _date(node, label, sc, block, text_of) -> list[Issue]:
    declared = _day(node.get("datePublished"))
    if declared is None:
        return []
    shown = visible_dates(sc, block, text_of)
    if not shown:
        return []
    ok = [declared] + [d for d in [_day(node.get("dateModified")), _day(node.get("dateCreated"))] if d]
    if any(abs((s - o).days) <= 1 for s, _, _ in shown for o in ok):
        return []
    first = next(((d, w) for d, w, update in shown if not update), None)
    if first is None:  # the page shows only an update date: nothing to hold the markup to
        return []
    day, what = first
    return [Issue("warning", "mismatch", f"{label}.datePublished",
                  f"datePublished is {declared.isoformat()} but the page shows {day.isoformat()} "
                  f"({what}); make the markup's date the publication date the page displays")]


# ---------- authors ----------

def _declared_people(node, ids) -> list[str]:
    out = []
    for a in node.get("author") if isinstance(node.get("author"), list) else [node.get("author")]:
        if isinstance(a, dict) and "name" not in a and a.get("@id") in ids:
            a = ids[a["@id"]]
        if isinstance(a, str):
            if a.strip() and not a.startswith(("http://", "https://")):
                out.append(a)
        elif isinstance(a, dict):
            t = a.get("@type")
            types = {x for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)}
            if types and not types & {"Person", "http://schema.org/Person", "https://schema.org/Person"}:
                continue  # an Organization as author: not a byline name
            n = a.get("name")
            if isinstance(n, list):
                n = next((x for x in n if isinstance(x, str)), None)
            if isinstance(n, str) and n.strip():
                out.append(n)
    return out


def _appears(name: str, visible: str, shown_names: list[str]) -> bool:
    n = _norm(re.sub(r"^\s*by\s+", "", name, flags=re.I))
    if not n:
        return True
    if f" {n} " in f" {visible} ":
        return True
    toks = [t for t in n.split() if len(t) > 2]
    for s in shown_names:
        st = set(_norm(s).split())
        if toks and any(t in st for t in toks):
            return True
    return False


def _authors(node, label, ids, sc, block, visible) -> list[Issue]:
    from newsld.readers.html_authors import byline_elements
    people = list(dict.fromkeys(_declared_people(node, ids)))
    if not people:
        return []
    try:
        shown = [p.name for p in byline_elements(sc, block)]
    except Exception:  # noqa: BLE001 - the reader's heuristics must not break validation
        return []
    shown = [s for s in shown if s and len(_norm(s)) >= 3]
    if not shown:
        return []
    if any(_appears(p, visible, shown) for p in people):
        return []
    return [Issue("warning", "mismatch", f"{label}.author",
                  f"the declared author {', '.join(map(repr, people[:3]))} does not appear on the page, "
                  f"whose byline shows {', '.join(map(repr, shown[:3]))}; name the people the page credits")]
