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

The visible values come from the HTML reader's public view of the page
(``newsld.readers.visible.PageView``: the same scan, main block, byline and date rules the
reader uses) on the same parsed tree, never from the page's declared markup.
"""
from __future__ import annotations

import datetime as _dt
import difflib

from newsld import locales as locale
from newsld.readers.html_dates import iso
from newsld.readers.html_meta import norm
from newsld.readers.visible import PageView, clip
from newsld.validator import Issue


def mismatches(root, arts, text: str | None = None) -> list[Issue]:
    """Issues for the page's main Article node (the first one with a headline)."""
    arts.sort(key=lambda a: not isinstance(a[0].get("headline"), str))
    node, label, ids = arts[0]
    view = PageView(root)
    visible = view.text()
    out: list[Issue] = []
    out += _headline(node, label, view, visible)
    out += _date(node, label, view)
    out += _authors(node, label, ids, view, visible)
    return out


def _norm(s) -> str:
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


def _headline(node, label, view: PageView, visible) -> list[Issue]:
    h = node.get("headline")
    if isinstance(h, list):
        h = next((x for x in h if isinstance(x, str)), None)
    if not isinstance(h, str):
        return []
    import html as _html
    nh = _norm(_html.unescape(h))
    if len(nh) < 8:
        return []
    h1s = view.h1s
    shown = [t for t in h1s + [view.title or ""] if len(_norm(t)) >= 3]
    if not shown:
        return []
    if any(_similar(nh, _norm(t)) for t in shown) or nh in visible:
        return []
    first = h1s[0] if h1s else view.title
    which = "<h1>" if h1s else "<title>"
    return [Issue("warning", "mismatch", f"{label}.headline",
                  f"the declared headline {clip(h)!r} does not match what the page shows: "
                  f"{which} {clip(' '.join(first.split()))!r}; Google requires structured data to "
                  "describe the visible content, so use the page's own headline")]


# ---------- date ----------

def _day(value) -> _dt.date | None:
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


def _date(node, label, view: PageView) -> list[Issue]:
    declared = _day(node.get("datePublished"))
    if declared is None:
        return []
    shown = view.dates()
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
    n = _norm(locale.load().author_name_prefix.sub("", name.strip(), count=1))
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


def _authors(node, label, ids, view: PageView, visible) -> list[Issue]:
    people = list(dict.fromkeys(_declared_people(node, ids)))
    if not people:
        return []
    try:
        shown = view.bylines()
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
