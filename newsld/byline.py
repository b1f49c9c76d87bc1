"""Byline and author-box rules shared by every reader: "By A, B and C, Staff Writers" becomes
people with job titles and affiliations; newsroom names become Organizations."""
from __future__ import annotations

import re

from . import locale
from .model import Agent

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


def is_organisation(name: str) -> bool:
    r = locale.load()
    return bool(r.agency.match(name) or r.newsroom.search(name) or r.org_suffix.search(name)
                or any(p.match(name) for p in r.team))


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
    rest = strip_byline_word(text)
    text = rest if rest is not None else text
    people: list[Agent] = []
    group: list[Agent] = []  # people still waiting for a title/affiliation
    for raw in locale.load().author_split.split(_SPACE.sub(" ", text).strip()):
        part = raw.strip(_TRIM)
        if not part:
            continue
        if people and is_job_title(part):
            targets = [p for p in group or people[-1:] if p.kind == "Person" and p.job_title is None]
            for p in targets:
                p.job_title = singular_title(part) if len(targets) > 1 else part
            continue
        if people and is_organisation(part) and any(p.kind == "Person" for p in people):
            for p in group or people[-1:]:
                if p.kind == "Person" and p.affiliation is None:
                    p.affiliation = clean_name(part)
            group = []
            continue
        if group and any(p.job_title for p in group):
            group = []
        agent = agent_for(part)
        people.append(agent)
        group.append(agent)
    return people
