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
import re
from dataclasses import dataclass
from functools import lru_cache

from pathlib import Path


def locales_dir() -> Path:
    """The folder of the bundled locale files (``newsld/locales/*.json``)."""
    return Path(__file__).resolve().parent


@dataclass(frozen=True)
class Rules:
    langs: tuple[str, ...]
    byline: re.Pattern          # "By " / "Por " at the start of a line
    author_split: re.Pattern    # separators between several authors
    faq_heading: re.Pattern     # a FAQ section heading
    question_prefix: re.Pattern  # an optional "Q:" / "1." before a question (may match nothing)
    question_label: re.Pattern  # a "Q:" / "1." that is there (never matches the empty string)
    answer_prefix: re.Pattern
    author_box_heading: re.Pattern  # "About the author" before an author box
    author_url: re.Pattern      # an author-page URL path ("/author/", "/autor/"...); group "slug":
                                # a name-shaped last segment ("jane-doe", "jane-doe.html") or None
    published_label: re.Pattern  # "Published:" before a date
    updated_label: re.Pattern    # "Updated:" before a date
    tag_label: re.Pattern       # "Filed under:" ... (group "rest" holds what follows the colon)
    team: tuple[re.Pattern, ...]  # newsroom team named after its outlet (group "outlet")
    newsroom: re.Pattern        # a newsroom/team word anywhere in a name
    agency: re.Pattern          # a whole name that is a news agency
    org_suffix: re.Pattern      # a name ending like an organisation ("... Press", "... .com")
    job_title: re.Pattern       # a phrase that is a job title
    job_words: frozenset        # the job-title words, lower case
    name_particles: frozenset   # lower-case words inside names ("de", "van", "do")
    stopwords: dict             # lang -> frozenset of words
    months: dict                # foreign month name (lower case) -> month number
    date_words: re.Pattern      # foreign filler words in dates ("de", weekday names)
    author_name_prefix: re.Pattern  # a byline word written into an author's name in markup
                                    # ("By Jane Doe"; group "word"); key author_name_prefixes
    question_start: re.Pattern  # a title in a question form without "?" ("How to...", "Wie...", "¿")


def alternation(words) -> str:
    """A regex alternation of ``words``: each escaped, longest first (so "Frequently Asked
    Questions" wins over "FAQ"), never empty (no words: a pattern that matches nothing)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"


_alt = alternation


@lru_cache(maxsize=1)
def _data() -> tuple:
    """The parsed locale files, in file-name order."""
    return tuple(json.loads(p.read_text(encoding="utf-8")) for p in sorted(locales_dir().glob("*.json")))


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
    data = _data()

    def all_of(key):
        return [w for d in data for w in d.get(key, [])]

    word_end = r"(?![\w])"
    return Rules(
        langs=tuple(d["lang"] for d in data),
        byline=re.compile(rf"^(?:{_alt(all_of('byline_words'))})\s*:?\s+(?=\S)", re.I),
        author_split=re.compile(
            rf"\s*[,;]\s*(?:(?:{_alt(all_of('author_separators'))})\s+)?"
            rf"|\s+(?:{_alt(all_of('author_separators'))})\s+", re.I),
        faq_heading=re.compile(
            rf"^#{{0,6}}\s*(?:{_alt(all_of('faq_headings'))}){word_end}"
            rf"(?:\s*(?:[:\-–—(]|(?:{_alt(all_of('faq_about'))})\s)|\s*$)", re.I),
        question_prefix=re.compile(
            rf"^(?:#{{1,6}}\s*)?(?:(?:{_alt(all_of('question_prefixes'))})\s*|\d{{1,3}}[.)]\s+)?", re.I),
        question_label=re.compile(
            rf"^(?:#{{1,6}}\s*)?(?:(?:{_alt(all_of('question_prefixes'))})\s*|\d{{1,3}}[.)]\s+)", re.I),
        published_label=re.compile(rf"^(?:{_alt(all_of('published_labels'))})\s*:?\s*", re.I),
        updated_label=re.compile(rf"^(?:{_alt(all_of('updated_labels'))})\s*:?\s*", re.I),
        author_box_heading=re.compile(rf"^#{{0,6}}\s*(?:{_alt(all_of('author_box_headings'))})\s*:?$", re.I),
        author_url=re.compile(
            rf"/(?:{_alt(all_of('author_url_words'))})/"
            r"(?:(?:[^/]*/)*?(?P<slug>[^\W\d_]+(?:-[^\W\d_]+){1,3})(?:\.html?)?/?$)?", re.I),
        answer_prefix=re.compile(rf"^(?:{_alt(all_of('answer_prefixes'))})\s*", re.I),
        tag_label=re.compile(rf"^#{{0,6}}\s*(?:{_alt(all_of('tag_labels'))})\s*:(?P<rest>.*)$", re.I | re.S),
        job_words=frozenset(w.lower() for w in all_of("job_title_words")),
        name_particles=frozenset(w.lower() for w in all_of("name_particles")),
        team=tuple(re.compile(p, re.I) for p in all_of("team_patterns")),
        newsroom=re.compile(rf"(?<!\w)(?:{_alt(all_of('newsroom_words'))}){word_end}", re.I),
        agency=re.compile(rf"^(?:{_alt(all_of('agencies'))})$", re.I),
        org_suffix=re.compile(rf"(?:\s(?:{_alt(all_of('organisation_suffixes'))})|\.(?:com|net|org|es|co\.uk|news))$", re.I),
        job_title=re.compile(
            rf"(?<!\w)(?:{_alt(all_of('job_title_words'))})"
            rf"(?:\s+(?:{_alt(all_of('job_title_links'))})\s+\S.*)?$", re.I),
        stopwords={d["lang"]: frozenset(d.get("stopwords", [])) for d in data},
        months={k.lower(): v for d in data for k, v in d.get("months", {}).items()},
        date_words=re.compile(rf"(?<!\w)(?:{_alt(all_of('date_words')) or '(?!)'})(?!\w)\.?", re.I),
        author_name_prefix=re.compile(
            rf"^(?P<word>{_alt(all_of('author_name_prefixes')) or '(?!)'})\b\s*:?\s*", re.I),
        question_start=re.compile("^(?:" + "|".join(
            re.escape(w) + (r"(?!\w)" if w[-1:].isalnum() else "") for w in sorted(
                set(all_of("question_starts")), key=lambda w: (-len(w), w))) + ")", re.I),
    )


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
