"""Lines inside an exported article's text that are not part of the article (docs/text-format.md,
"Noise lines"): ad markers ("Advertisement"), links to other stories ("Related: <headline>",
"Read more: <headline>"), photo credits ("Photo: Name/Reuters", "(Photo by Name/Getty Images)")
and, in Markdown, site-generator shortcodes and HTML comments. The words are locale data
(``noise_lines``, ``noise_link_labels``, ``photo_credit_labels``, ``photo_credit_by``)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newsld import locales

# "— Advertisement —", "[ADVERTISEMENT]", "*Sponsored*": decoration around a marker
_DECORATION = " \t-–—_*[](){}|·•:."
# a credit names a source, not a sentence: a few words, no closing sentence punctuation
_CREDIT_WORDS = 12
_SENTENCE_END = tuple(".!?:;")
_LINK_MAX = 250
# Hugo {{< figure ... >}} / {{% note %}}, Jekyll/Liquid {% include ... %}, <!--more--> and other
# HTML comments: page-building instructions, never article text
_MARKUP_LINE = re.compile(r"^(?:\{\{[<%].*[%>]\}\}|\{%.*%\}|<!--.*-->)$")


class _Patterns(NamedTuple):
    marker: locales.Gated   # a whole line that is an ad marker
    link: locales.Gated     # "Related: ..." (a label, a colon, a headline)
    credit: locales.Gated   # "Photo: ..." / "Photo by ..."; group "who" is the credited source


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """Made at the first line read (never for HTML), each compiled at the first line that
    starts with one of its words; the words are the locale files' (the files already parsed by
    newsld.locales, not read again)."""
    def words(*keys):
        return [w for key in keys for w in locales.words(key)]

    def gated(pattern, *keys):
        return locales.Gated(pattern, re.I, rf"^(?:{locales.alternation(locales.heads(words(*keys)))})")

    alt = locales.alternation
    return _Patterns(
        marker=gated(rf"^(?:{alt(words('noise_lines'))})$", "noise_lines"),
        link=gated(rf"^(?:{alt(words('noise_link_labels'))})\s*:\s*\S", "noise_link_labels"),
        credit=gated(rf"^(?:(?:{alt(words('photo_credit_labels'))})\s*:|(?:{alt(words('photo_credit_by'))})\s)"
                     r"\s*(?P<who>\S.*)$", "photo_credit_labels", "photo_credit_by"),
    )


def _is_credit(line: str) -> bool:
    inner = line[1:-1].strip() if line[:1] + line[-1:] in ("()", "[]") else line
    m = _patterns().credit.match(inner)
    if not m:
        return False
    who = m.group("who").strip()
    return len(who.split()) <= _CREDIT_WORDS and not who.endswith(_SENTENCE_END)


def is_noise_line(line: str, *, markdown: bool = False) -> bool:
    """Whether one line (inline Markdown already removed) is not article text."""
    line = line.strip()
    if not line:
        return False
    if markdown and _MARKUP_LINE.match(line):
        return True
    p = _patterns()
    if p.marker.match(line.strip(_DECORATION)):
        return True
    if len(line) <= _LINK_MAX and p.link.match(line):
        return True
    return _is_credit(line)
