"""Whether an author "name" names anybody: the one test the readers (which drop such names)
and the validator's author-name check (which reports them) share. Words come from the locale
files: ``weekdays``, ``month_names`` (English; other languages' ``months``), ``photo_credit_labels``, ``photo_agencies``, ``byline_words``, and
``not_names`` / ``not_name_phrases`` (interface text)."""
from __future__ import annotations

import re
from functools import lru_cache

from newsld.locales import Gated, alternation, heads, load, words


@lru_cache(maxsize=1)
def _patterns() -> dict:
    """Each test, the long word alternations gated (see locales.Gated): most names hold none
    of the words, and a first page would otherwise compile them all (~4 ms)."""
    months = sorted(set(load().months) | {m.casefold() for m in words("month_names")})
    credit_labels, agencies = words("photo_credit_labels"), words("photo_agencies")
    not_names, phrases = words("not_names"), words("not_name_phrases")
    bylines = [w.rstrip(":") for w in words("byline_words")]
    return {
        # "Jos&#xE9" (an entity cut at its ";"), "&amp" left in a name
        "an undecoded HTML entity": re.compile(r"&(?:#x?[0-9a-f]+|[a-z]{2,8})(?![\w;])|&#", re.I),
        # "Photo: Jane Doe", "(Image: Getty Images/Cultura RF)", "Robyn Beck/AFP/Getty Images"
        "a photo credit": Gated(
            rf"^\W*(?:{alternation(credit_labels)})\s*:|(?:^|/)\s*(?:{alternation(agencies)})\s*(?:/|$)", re.I,
            rf"^\W*(?:{alternation(heads(credit_labels))})|(?:^|/)\s*(?:{alternation(heads(agencies))})"),
        # "Stand: 28. April", "IGN StaffUpdated: 18 Nov": a label and its value, not a name
        "a label and its value": re.compile(r"\w:\s"),
        "a weekday": Gated(rf"(?<!\w)(?:{alternation(words('weekdays'))})(?!\w)", re.I,
                           rf"(?<!\w)(?:{alternation(heads(words('weekdays')))})"),
        # "November 18", "18 Nov", "Danmark - 10. marts", "2019": a day beside a month, a
        # numbered day ("10."), a year ("Channel 4 News" stays a name); each has a digit
        "a date": Gated(rf"(?<![\w.])\d{{1,2}}\.(?!\w)|(?<!\w)(?:19|20)\d\d(?!\w)"
                        rf"|(?<!\w)(?:{alternation(months)})\.?\s+\d|\d\.?\s+(?:{alternation(months)})(?!\w)",
                        re.I, r"\d"),
        "interface text": Gated(
            rf"^(?:{alternation(not_names)})$|(?:^|\s)(?:{alternation(phrases)})(?:\s|$)|[«»•|@©]", re.I,
            rf"^(?:{alternation(heads(not_names))})|(?:^|\s)(?:{alternation(heads(phrases))})|[«»•|@©]"),
        "a byline word alone": Gated(rf"^\W*(?:{alternation(bylines)})\W*$", re.I,
                                     rf"^\W*(?:{alternation(heads(bylines))})"),
    }


@lru_cache(maxsize=4096)
def not_a_name(name: str) -> str | None:
    """What ``name`` is when it is not somebody's name ("a weekday", "a photo credit", "a date",
    "interface text", ...), else None. A number beside letters ("BR24 Redaktion") is a name.
    Cached: a pure test of the string, which the HTML reader asks twice of most names (as it
    reads a byline, then as it cleans the list: more than half of the calls on the benchmark
    pages repeat one of the page's) and the validator once more."""
    s = " ".join((name or "").split())
    if not s:
        return None
    for what, pattern in _patterns().items():
        if pattern.search(s):
            return what
    return None
