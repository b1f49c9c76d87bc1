"""Locale rules (FAQ headings, tag labels, byline words, newsroom and job-title words, date
words) loaded from one JSON data file per language in ``newsld/locales``: every word of a
language lives there, never in Python (``words(key)`` gives a list, ``load()`` the compiled
rules). Readers match against the rules of every language at once, so an article is parsed
the same whatever language it is in; the article's own language is detected separately from
its stopwords.

Word keys read with ``words(key)`` by the readers (besides the ones ``load()`` compiles):
``ordinal_suffixes``, ``day_month_links`` ("5 de mayo"), ``month_year_links`` ("mayo de 2020"),
``time_connectors`` ("um 10:30"), ``not_names`` / ``not_name_phrases`` (byline text that names
nobody), ``name_end_words`` (where a name in a byline ends), ``byline_class_words`` /
``date_class_words`` (CMS class names in the language: "autor", "fecha"). Add a language's
words to its own file; readers take the union over all files."""
from __future__ import annotations

import json
import os
import re
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_DIR = os.path.dirname(os.path.realpath(__file__))  # (pathlib, with urllib.parse, costs a cold start ~4 ms)


def locales_dir() -> Path:
    """The folder of the bundled locale files (``newsld/locales/*.json``)."""
    from pathlib import Path
    return Path(_DIR)


class Rules:
    """The compiled rules of every language at once. Each pattern is compiled on first use
    (compiling all of them took a large share of a cold start, and a plain-text article uses
    few of them); the value is then kept on the object (``load()`` returns one per process)."""

    def __init__(self, data: tuple):
        self._data = data

    def _all(self, key: str) -> list:
        return [w for d in self._data for w in d.get(key, [])]

    def _alt_of(self, key: str) -> str:
        return _alt(self._all(key))

    def _heads_of(self, key: str) -> str:
        return _alt(heads(self._all(key)))

    @cached_property
    def langs(self) -> tuple[str, ...]:
        return tuple(d["lang"] for d in self._data)

    def _gated(self, pattern: str, key: str, lead: str = "", flags: int = re.I) -> Gated:
        """``^{lead}(?:{the words of key}){pattern}``, gated by the words' first letters."""
        return Gated(rf"^{lead}(?:{self._alt_of(key)}){pattern}", flags, rf"^{lead}(?:{self._heads_of(key)})")

    @cached_property
    def byline(self) -> Gated:  # "By " / "Por " at the start of a line
        return self._gated(r"\s*:?\s+(?=\S)", "byline_words")

    @cached_property
    def author_split(self) -> re.Pattern:  # separators between several authors
        seps = self._alt_of("author_separators")
        return re.compile(rf"\s*[,;]\s*(?:(?:{seps})\s+)?|\s+(?:{seps})\s+", re.I)

    @cached_property
    def faq_heading(self) -> Gated:  # a FAQ section heading
        return self._gated(rf"{_WORD_END}(?:\s*(?:[:\-–—(]|(?:{self._alt_of('faq_about')})\s)|\s*$)",
                           "faq_headings", _HASHES)

    @cached_property
    def question_prefix(self) -> re.Pattern:  # an optional "Q:" / "1." before a question (may match nothing)
        return re.compile(rf"^(?:#{{1,6}}\s*)?(?:(?:{self._alt_of('question_prefixes')})\s*|\d{{1,3}}[.)]\s+)?", re.I)

    @cached_property
    def question_label(self) -> re.Pattern:  # a "Q:" / "1." that is there (never matches the empty string)
        return re.compile(rf"^(?:#{{1,6}}\s*)?(?:(?:{self._alt_of('question_prefixes')})\s*|\d{{1,3}}[.)]\s+)", re.I)

    @cached_property
    def published_label(self) -> Gated:  # "Published:" before a date
        return self._gated(r"\s*:?\s*", "published_labels")

    @cached_property
    def updated_label(self) -> Gated:  # "Updated:" before a date
        return self._gated(r"\s*:?\s*", "updated_labels")

    @cached_property
    def author_box_heading(self) -> Gated:  # "About the author" before an author box
        return self._gated(r"\s*:?$", "author_box_headings", _HASHES)

    @cached_property
    def author_url(self) -> re.Pattern:
        """An author-page URL path ("/author/", "/autor/"...); group "slug": a name-shaped last
        segment ("jane-doe", "jane-doe.html") or None."""
        return re.compile(rf"/(?:{self._alt_of('author_url_words')})/"
                          r"(?:(?:[^/]*/)*?(?P<slug>[^\W\d_]+(?:-[^\W\d_]+){1,3})(?:\.html?)?/?$)?", re.I)

    @cached_property
    def answer_prefix(self) -> Gated:
        return self._gated(r"\s*", "answer_prefixes")

    @cached_property
    def tag_label(self) -> Gated:  # "Filed under:" ... (group "rest" holds what follows the colon)
        return self._gated(r"\s*:(?P<rest>.*)$", "tag_labels", _HASHES, re.I | re.S)

    @cached_property
    def job_words(self) -> frozenset:  # the job-title words, lower case
        return frozenset(w.lower() for w in self._all("job_title_words"))

    @cached_property
    def name_particles(self) -> frozenset:  # lower-case words inside names ("de", "van", "do")
        return frozenset(w.lower() for w in self._all("name_particles"))

    @cached_property
    def team(self) -> Compiled:  # newsroom team named after its outlet (group "outlet"), in order
        return Compiled(self._all("team_patterns"), re.I)

    @cached_property
    def any_team(self) -> Gated:
        """Whether some ``team`` pattern matches a name (``search``), as one pattern: their
        alternation with each "outlet" group made non-capturing, so one C-level match replaces
        a Python-level try of each (byline.is_organisation asks every name). Exact: each team
        pattern is anchored with ^ (no re.M), so the alternation finds a match exactly when one
        of them matches at the start, and a group that captures nobody reads matches the same
        texts. Gated by the ``team_words`` (a word each team pattern always holds, such as
        "Redaktion"), searched anywhere: the alternation is ~1.5 ms to compile and most pages
        name no team (the gate lets through every team name; tests/locales/test_gated.py)."""
        return Gated("|".join(f"(?:{p.replace('(?P<outlet>', '(?:')})" for p in self._all("team_patterns")),
                     re.I, f"(?:{self._alt_of('team_words')})")

    @cached_property
    def newsroom(self) -> Gated:  # a newsroom/team word anywhere in a name
        return Gated(rf"(?<!\w)(?:{self._alt_of('newsroom_words')}){_WORD_END}", re.I,
                     rf"(?<!\w)(?:{self._heads_of('newsroom_words')})")

    @cached_property
    def agency(self) -> Gated:  # a whole name that is a news agency
        return self._gated("$", "agencies")

    @cached_property
    def org_suffix(self) -> Gated:  # a name ending like an organisation ("... Press", "... .com")
        domain = r"\.(?:com|net|org|es|co\.uk|news)"
        return Gated(rf"(?:\s(?:{self._alt_of('organisation_suffixes')})|{domain})$", re.I,
                     rf"\s(?:{self._heads_of('organisation_suffixes')})|{domain}$")

    @cached_property
    def job_title(self) -> Gated:  # a phrase that is a job title
        return Gated(rf"(?<!\w)(?:{self._alt_of('job_title_words')})"
                     rf"(?:\s+(?:{self._alt_of('job_title_links')})\s+\S.*)?$", re.I,
                     rf"(?<!\w)(?:{self._heads_of('job_title_words')})")

    @cached_property
    def stopwords(self) -> dict:  # lang -> frozenset of words
        return {d["lang"]: frozenset(d.get("stopwords", [])) for d in self._data}

    @cached_property
    def months(self) -> dict:  # foreign month name (lower case) -> month number
        return {k.lower(): v for d in self._data for k, v in d.get("months", {}).items()}

    @cached_property
    def date_words(self) -> Gated:  # foreign filler words in dates ("de", weekday names)
        return Gated(rf"(?<!\w)(?:{self._alt_of('date_words')})(?!\w)\.?", re.I,
                     rf"(?<!\w)(?:{self._heads_of('date_words')})")

    @cached_property
    def author_name_prefix(self) -> re.Pattern:
        """A byline word written into an author's name in markup ("By Jane Doe"; group "word");
        key author_name_prefixes."""
        return re.compile(rf"^(?P<word>{self._alt_of('author_name_prefixes') or '(?!)'})\b\s*:?\s*", re.I)

    @cached_property
    def question_start(self) -> Gated:  # a title in a question form without "?" ("How to...", "Wie...", "¿")
        return Gated("^(?:" + "|".join(
            re.escape(w) + (r"(?!\w)" if w[-1:].isalnum() else "") for w in sorted(
                set(self._all("question_starts")), key=lambda w: (-len(w), w))) + ")", re.I,
            rf"^(?:{self._heads_of('question_starts')})")


_WORD_END = r"(?![\w])"
_HASHES = r"#{0,6}\s*"  # Markdown heading marks before a heading's words


def heads(words, size: int = 3) -> set[str]:
    """The first ``size`` characters of each of ``words``: a gate's alternation (see Gated)."""
    return {w[:size] for w in words}


class Gated:
    """A pattern made around a long alternation of words, compiled at the first text that could
    match it. Until then a small ``gate`` pattern (the same lead and the words' first letters,
    see ``heads``) answers alone: such an alternation takes milliseconds to compile, and most
    lines and names hold none of the words. Exact when the gate (same flags) matches at the start
    of every text the pattern matches at its start (for ``match``) and somewhere in every text
    the pattern finds a match in (for ``search``, ``sub`` and ``split``); a gate of the same lead and a
    prefix of the same words, matching wherever the pattern matches, does both. A text the gate
    refuses has no match: ``sub`` leaves it as it is, ``split`` gives it whole. For that same
    reason the gate is asked first after the compile too: it is a fraction of the whole
    alternation's cost (the words' first three letters, deduplicated, each tried once per
    position), so a text it refuses (most) is answered sooner."""

    __slots__ = ("pattern", "flags", "gate_pattern", "_gate", "_compiled")

    def __init__(self, pattern: str, flags: int, gate: str):
        self.pattern, self.flags, self.gate_pattern = pattern, flags, gate
        # The gate too is compiled at its first text, not here: many Gated patterns are made
        # at import or with their locale, and a page may never ask some of them (the weekday,
        # FAQ-answer and credit gates served 0-4 of the 79 benchmark pages; each gate is
        # 0.1-0.9 ms to compile). Same pattern, same flags: the same answers, only later.
        self._gate: re.Pattern | None = None
        self._compiled: re.Pattern | None = None

    @property
    def gate(self) -> re.Pattern:
        if self._gate is None:
            self._gate = re.compile(self.gate_pattern, self.flags)
        return self._gate

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def match(self, text: str) -> re.Match | None:
        if not (self._gate or self.gate).match(text):
            return None
        return (self._compiled or self.compiled).match(text)

    def search(self, text: str) -> re.Match | None:
        if not (self._gate or self.gate).search(text):
            return None
        return (self._compiled or self.compiled).search(text)

    def sub(self, repl, text: str, count: int = 0) -> str:
        if not (self._gate or self.gate).search(text):
            return text
        return (self._compiled or self.compiled).sub(repl, text, count=count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        if not (self._gate or self.gate).search(text):
            return [text]
        return (self._compiled or self.compiled).split(text, maxsplit=maxsplit)


class Compiled:
    """Patterns tried in order, each compiled when an iteration first reaches it (a name that
    the first patterns match never pays for the others)."""

    def __init__(self, patterns, flags: int):
        self._patterns, self._flags = tuple(patterns), flags
        self._compiled: list[re.Pattern] = []

    def __iter__(self):
        for i, p in enumerate(self._patterns):
            if i == len(self._compiled):
                self._compiled.append(re.compile(p, self._flags))
            yield self._compiled[i]


def alternation(words) -> str:
    """A regex alternation of ``words``: each escaped, longest first (so "Frequently Asked
    Questions" wins over "FAQ"), never empty (no words: a pattern that matches nothing)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"


_alt = alternation


@lru_cache(maxsize=1)
def _data() -> tuple:
    """The parsed locale files, in file-name order."""
    names = sorted(n for n in os.listdir(_DIR) if n.endswith(".json") and not n.startswith("."))
    out = []
    for name in names:
        with open(os.path.join(_DIR, name), encoding="utf-8") as f:
            out.append(json.load(f))
    return tuple(out)


@lru_cache(maxsize=None)
def words(key: str, lang: str | None = None) -> tuple[str, ...]:
    """The words listed under ``key``: the union over every language (file order, each once),
    or one language's when ``lang`` is given. A missing key gives ()."""
    out = [w for d in _data() if lang is None or d["lang"] == lang for w in d.get(key, [])]
    return tuple(dict.fromkeys(out))


def setting(key: str, lang: str):
    """One language's value for ``key`` (a flag such as "day_first"), or None."""
    return next((d.get(key) for d in _data() if d["lang"] == lang), None)


@lru_cache(maxsize=1)
def load() -> Rules:
    """The rules of every bundled language (each pattern compiled when first used)."""
    return Rules(_data())


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stopword_index() -> dict:
    """stopword -> the languages that have it."""
    index: dict = {}
    for lang, words in load().stopwords.items():
        for w in words:
            index.setdefault(w, []).append(lang)
    return index


def detect_language(text: str, default: str = "en") -> str:
    """The locale whose stopwords are most frequent in ``text`` (first 2,000 words)."""
    from collections import Counter
    rules = load()
    counts = dict.fromkeys(rules.stopwords, 0)
    index = _stopword_index()
    for w, k in Counter(_WORD.findall(text.lower())[:2000]).items():
        for lang in index.get(w, ()):
            counts[lang] += k
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == default))
    return best[0] if best[1] else default
