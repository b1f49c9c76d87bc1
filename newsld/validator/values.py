"""Small helpers on JSON-LD values that the walker, the schema-error mapping and the Google
rules share: how a value is described in a message, empty values, lists, schema.org type names."""
from __future__ import annotations

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


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def is_empty(value) -> bool:
    return value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip())
