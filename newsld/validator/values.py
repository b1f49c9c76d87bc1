"""Small helpers on JSON-LD values that the walker, the schema-error mapping and the Google
rules share: how a value is described in a message, empty values, lists, schema.org type names."""
from __future__ import annotations

import re
from functools import lru_cache

SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:",
                   "https://www.schema.org/", "http://www.schema.org/")


class VisibleText(str):
    """A microdata value that is an element's visible text, not a content/datetime/value
    attribute: a date there that is not ISO 8601 is fixed in the markup, not in the text."""
    __slots__ = ()


def schema_type(t: str) -> str | None:
    """The schema.org local name of a type (``https://schema.org/NewsArticle`` -> ``NewsArticle``),
    or None for a type from another vocabulary."""
    for p in SCHEMA_PREFIXES:
        if t.startswith(p):
            return t[len(p):]
    return None if ":" in t else t


def describe(value) -> str:
    """A value as a message names it: "the text 'x'", "a number (7)", "an object of type Person"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        t = value.get("@type")
        return f"an object of type {t}" if t else "an object"
    return type(value).__name__


def expected(kinds) -> str:
    """The value kinds of a property's range (see Vocab.kinds) in words."""
    words = {"Text": "text", "URL": "a URL", "Date": "an ISO 8601 date",
             "DateTime": "an ISO 8601 date-time", "Time": "a time", "Number": "a number",
             "Integer": "an integer", "Boolean": "true or false",
             "Media": "an ImageObject/MediaObject",
             "Node": "a nested object (or its name/URL as text)"}
    return " or ".join(words[k] for k in kinds)


def iso_of(value: str) -> tuple[str | None, bool]:
    """The ISO 8601 form of a date written another way (None when the text is not a full date),
    and whether a time zone had to be assumed for it. Deterministic: nothing is taken from today."""
    from newsld.errors import InputError
    from newsld.locales.dates import to_iso
    try:
        iso = to_iso(value, "UTC")
    except InputError:
        return None, False
    return iso, len(iso) > 10 and to_iso(value, "+05:00") != iso


@lru_cache(maxsize=1)
def _clock_and_zone() -> tuple[re.Pattern, re.Pattern]:
    """A clock time written any common way (9:00, 09:00:00, 7:09 PM, 9am, 9 a.m.), then a zone:
    compiled at the first time to fix, not at import."""
    return (re.compile(r"(?<![\d:])(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?\s*(?:([ap])\.?\s*m\b\.?)?", re.I),
            re.compile(r"\s*(Z|[+-]\d{2}:?\d{2})(?!\d)"))


def time_of(value: str) -> str | None:
    """The xsd:time form (``hh:mm:ss``, and the zone as written, ``+hh:mm``) of the first clock
    time in the text, or None. ``9:00 +08:00`` -> ``09:00:00+08:00``; ``7:09 PM`` -> ``19:09:00``;
    the time of a date-time (``2019-11-19T09:00:00+08:00``) -> ``09:00:00+08:00``."""
    clock, zones = _clock_and_zone()
    for m in clock.finditer(value):
        hour, minute, second, half = m.groups()
        if minute is None and half is None:
            continue  # a bare number is no time
        h = int(hour)
        if half:
            if not 1 <= h <= 12:
                continue
            h = h % 12 + (12 if half.lower() == "p" else 0)
        if h > 23 or int(minute or 0) > 59 or int(second or 0) > 59:
            continue
        zone = zones.match(value, m.end())
        tz = ""
        if zone:
            z = zone.group(1)
            tz = "Z" if z == "Z" else f"{z[:3]}:{z[-2:]}"
        return f"{h:02d}:{minute or '00'}:{second or '00'}{tz}"
    return None


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def is_empty(value) -> bool:
    return value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip())
