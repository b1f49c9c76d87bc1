"""Byline and author-box rules shared by every reader: "By A, B and C, Staff Writers" becomes
people with job titles and affiliations; newsroom names become Organizations."""
from __future__ import annotations

import re
from functools import lru_cache

from newsld import locales as locale
from newsld.article.model import Agent

_SPACE = re.compile(r"\s+")
_LETTERS = re.compile(r"[^\W\d_]+")
_TRIM = " \t\r\n.,;:|-–—·"


def strip_byline_word(text: str) -> str | None:
    """The text after a leading byline word ("By ", "Por "), or None when there is none."""
    m = locale.load().byline.match(text.strip())
    return text.strip()[m.end():] if m else None


def is_job_title(part: str) -> bool:
    return bool(locale.load().job_title.search(part))


def singular_title(title: str) -> str:
    """"Staff Writers" -> "Staff Writer" when the singular is a known job-title word (a title
    shared by several people names each of them in the singular)."""
    head, _, last = title.rpartition(" ")
    words = locale.load().job_words
    if last.lower() in words:
        for cut in (2, 1):
            if len(last) > cut + 2 and last.lower().endswith("es"[-cut:]) and last[:-cut].lower() in words:
                return f"{head} {last[:-cut]}".strip()
    return title


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,5}$")  # CNN, BBC, EFE, NPR: a newsroom, not a person


@lru_cache(maxsize=1)
def _segment() -> re.Pattern:
    """The separator between a byline's parts ("By X | May 2, 2025"). Compiled at its first byline,
    not at import: no page of the 79 benchmark pages asks it. Same pattern: the same splits."""
    return re.compile(r"\s+[|·•—–]\s+")


@lru_cache(maxsize=4096)
def is_organisation(name: str) -> bool:
    """Whether ``name`` names an organisation (an agency, a newsroom, a team, an acronym).
    Cached: a pure test of the string, and a page's bylines, meta tags and author links name
    the same people again (2 calls in 5 on the benchmark pages repeat one of the page's)."""
    r = locale.load()
    return bool(r.agency.match(name) or r.newsroom.search(name) or r.org_suffix.search(name)
                or _ACRONYM.match(name) or r.any_team.search(name))


def split_dates(text: str) -> tuple[str, dict]:
    """"Jane Doe | April 2, 2025 | Updated April 3, 2025" -> ("Jane Doe", {date_published,
    date_modified}); also "Jane Doe, April 2, 2025". Date text is kept as written (dates.to_iso
    runs later, with the caller's timezone)."""
    from newsld.locales.dates import to_iso
    from newsld.errors import InputError

    def as_date(s: str) -> bool:
        if not any(map(str.isdigit, s)):
            return False
        try:
            to_iso(s)
            return True
        except InputError:
            return False

    if len(text) > 300:  # not a byline anyone writes; keep the scan below bounded
        return text, {}
    rules = locale.load()
    segments = _segment().split(text)
    names, found = [segments[0]], {}
    for seg in segments[1:]:
        key = "date_modified" if rules.updated_label.match(seg) else "date_published"
        seg_date = rules.updated_label.sub("", rules.published_label.sub("", seg, count=1), count=1)
        if key not in found and as_date(seg_date):
            found[key] = seg_date
        else:
            names.append(seg)
    head = ", ".join(names)
    for k in range(len(head)):  # "Jane Doe, April 2, 2025": the longest date after a comma
        if head[k] == "," and "date_published" not in found and as_date(head[k + 1:]) \
                and not as_date(head[:k]):
            found["date_published"] = head[k + 1:].strip()
            head = head[:k]
            break
    return head, found


def outlet_of_team(name: str) -> str | None:
    """"CiberCuba Editorial Team" -> "CiberCuba"; "Redacción El País" -> "El País"."""
    for p in locale.load().team:
        m = p.match(name.strip())
        if m and m.group("outlet").strip(_TRIM):
            return m.group("outlet").strip(_TRIM)
    return None


def clean_name(name: str) -> str:
    name = _SPACE.sub(" ", name).strip(_TRIM + "\"'“”")
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters) and not is_organisation(name):
        # "TOM KRISHER" -> "Tom Krisher", "DEE-ANN O'NEIL" -> "Dee-Ann O'Neil"
        name = _LETTERS.sub(lambda m: m.group().capitalize(), name)
    return name


def agent_for(name: str) -> Agent:
    name = clean_name(name)
    return Agent(name=name, kind="Organization" if is_organisation(name) else "Person")


def parse_people(text: str) -> list[Agent]:
    """Split a byline or author-box name line into authors.

    Parts are separated by commas, semicolons and the locales' "and" words. A part that is a
    job title applies to the people named since the last title; a part that is an organisation
    becomes their affiliation (or an Organization author when nobody precedes it)."""
    if "&" in text:  # "Jos&#xE9; Volta Pinto": one name, not three parts split at the entity's ";"
        import html  # here: most bylines have no entity, and html.entities costs a cold start ~2 ms
        text = html.unescape(text)
    rest = strip_byline_word(text)
    text = rest if rest is not None else text
    people: list[Agent] = []
    group: list[Agent] = []  # people still waiting for a title/affiliation
    # Flags instead of rescanning ``people``/``group`` for every part, so a byline of 50,000
    # names (or titles) is read in linear time: untitled = the Persons of ``group`` without a
    # job title; titled = some member of ``group`` got one; has_person = a Person in ``people``.
    untitled: list[Agent] = []
    titled = has_person = False
    for raw in locale.load().author_split.split(_SPACE.sub(" ", text).strip()):
        part = raw.strip(_TRIM)
        if not part:
            continue
        if people and is_job_title(part):
            if group:
                targets, untitled = untitled, []
                titled = titled or bool(targets)
            else:
                targets = [p for p in people[-1:] if p.kind == "Person" and p.job_title is None]
            for p in targets:
                p.job_title = singular_title(part) if len(targets) > 1 else part
            continue
        if people and has_person and is_organisation(part):
            for p in group or people[-1:]:
                if p.kind == "Person" and p.affiliation is None:
                    p.affiliation = clean_name(part)
            group, untitled, titled = [], [], False
            continue
        if group and titled:
            group, untitled, titled = [], [], False
        agent = agent_for(part)
        people.append(agent)
        group.append(agent)
        if agent.kind == "Person":
            has_person = True
            untitled.append(agent)
    return people
