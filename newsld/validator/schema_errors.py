"""jsonschema errors -> issues: one handler per JSON Schema keyword (KEYWORD_HANDLERS).

The bundled schemas (schemas.py) say *that* a value is wrong; the handlers say what is wrong in
schema.org's terms and how to fix it. Two rules come before the keyword: a null or blank value is
an empty value whatever keyword caught it, and a bad value of a Date/DateTime property is a date
issue."""
from __future__ import annotations

import re
from functools import lru_cache

from newsld.validator.schemas import clock_ok, iso_shape
from newsld.validator.values import VisibleText, describe, expected, iso_of, time_of
from newsld.validator.vocab import (
    BOOLEAN_PATTERN,
    INTEGER_PATTERN,
    ISO_REDUCED_DATE,
    NONEMPTY_PATTERN,
    NUMBER_PATTERN,
)

PUBLICATION_DATES = frozenset({"datePublished", "dateModified"})
_DATE_KEYWORDS = ("minLength", "pattern", "type", "format", "anyOf")
_TYPED_PATTERNS = (NUMBER_PATTERN, INTEGER_PATTERN, BOOLEAN_PATTERN)


class Failure:
    """One jsonschema error, located in the document (a plain class: a dataclass cost ~0.5 ms
    of every start-up, for documents that mostly have no such error)."""
    __slots__ = ("err", "keyword", "path", "loc", "prop", "value", "kinds", "schema")

    def __init__(self, err, keyword: str, path: list, loc: tuple, prop: str, value, kinds: tuple,
                 schema: dict):
        self.err = err              # the jsonschema ValidationError
        self.keyword = keyword
        self.path = path            # inside the node
        self.loc = loc              # the walker's location of the wrong value
        self.prop = prop            # the property the value belongs to ("value" when none)
        self.value = value
        self.kinds = kinds          # the value kinds the property's range allows
        self.schema = schema        # the subschema that failed


def report_error(w, err, node, loc, known, role_prop=None) -> None:
    """Turn one jsonschema error on ``node`` (at ``loc``, of types ``known``) into issues."""
    kw = err.validator
    path = list(err.absolute_path)
    if kw == "additionalProperties" and not path:
        allowed = w.vocab.props_for(frozenset(known))
        for k in node:
            if k in allowed or k.startswith("@") or ":" in k or k == role_prop:
                continue
            unknown_property(w, k, w.child(loc, node, k), known, allowed)
        return
    eloc = loc
    cur = node
    for seg in path:
        eloc = w.child(eloc, cur if isinstance(seg, str) else None, seg)
        cur = cur[seg]
    prop = next((s for s in path if isinstance(s, str)), None) or "value"
    value = err.instance
    kinds = w.vocab.kinds(prop) if prop in w.vocab.properties else ()
    schema = err.schema if isinstance(err.schema, dict) else {}
    f = Failure(err, kw, path, eloc, prop, value, kinds, schema)
    if value is None or (isinstance(value, str) and not value.strip()):
        # JSON-LD drops a null or empty value: it is a value left out, not a wrong one
        # (an empty url is even a valid relative reference, so not a bad URL)
        what = "null" if value is None else "empty"
        w.emit("warning", "empty-value", eloc, f"{prop} is {what}; give it a value or remove the property")
    elif {"Date", "DateTime"} & set(kinds) and not isinstance(value, (list, dict)) and kw in _DATE_KEYWORDS:
        # a date value that is not an ISO 8601 string (a number, a non-ISO text)
        date_issue(w, prop, value, eloc)
    else:
        KEYWORD_HANDLERS.get(kw, _generic)(w, f)


# -- one handler per keyword --------------------------------------------------------------------
def _generic(w, f: Failure) -> None:
    w.emit("error", "wrong-type", f.loc, f"{f.prop}: {f.err.message}")


def _empty(w, f: Failure) -> None:
    """minLength, minItems, and the non-empty pattern."""
    what = "an empty list" if isinstance(f.value, list) else "empty"
    w.emit("warning", "empty-value", f.loc, f"{f.prop} is {what}; give it a value or remove the property")


def _pattern(w, f: Failure) -> None:
    pattern = f.schema.get("pattern")
    if pattern == NONEMPTY_PATTERN:
        _empty(w, f)
    elif pattern in _TYPED_PATTERNS:
        w.emit("error", "wrong-type", f.loc, f"{f.prop} is {describe(f.value)}; expected {expected(f.kinds)}")
    else:
        _generic(w, f)


def _format(w, f: Failure) -> None:
    """format, and anyOf (the URL-or-value-object and date-or-time alternatives)."""
    fmt = f.schema.get("format", "")
    if "date" in fmt or "time" in fmt or (f.keyword == "anyOf" and {"Date", "DateTime"} & set(f.kinds)):
        date_issue(w, f.prop, f.value, f.loc)
    else:
        w.emit("error", "bad-url", f.loc,
               f"{f.prop} {f.value!r} is not a valid URL; use an absolute URL such as "
               f"https://example.com/page (encode spaces as %20)")


def _required(w, f: Failure) -> None:
    """An object where a data value is expected (a value object needs @value)."""
    if isinstance(f.value, dict):
        w.emit("error", "wrong-type", f.loc,
               f"{f.prop} is {describe(f.value)}; expected {expected(f.kinds)} - "
               f"write the value itself (e.g. a string), not an object")
    else:
        _generic(w, f)


def _type(w, f: Failure) -> None:
    value, kinds, prop = f.value, f.kinds, f.prop
    if isinstance(value, list) and f.path and isinstance(f.path[-1], int):
        w.emit("error", "wrong-type", f.loc, f"{prop} contains a nested list; flatten it into one list")
        return
    hint = ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "Text" in kinds:
        hint = f' - write it as a string: "{value}"'
    elif kinds == ("Node",) or kinds[-1:] == ("Node",):
        hint = " - use an object with @type and name, or a URL string"
    if prop.startswith("@"):
        w.emit("error", "wrong-type", f.loc, f"{prop} is {describe(value)}; {f.err.message}")
    else:
        w.emit("error", "wrong-type", f.loc,
               f"{prop} is {describe(value)}; expected {expected(kinds) if kinds else f.err.message}{hint}")


KEYWORD_HANDLERS = {
    "minLength": _empty,
    "minItems": _empty,
    "pattern": _pattern,
    "format": _format,
    "anyOf": _format,
    "required": _required,
    "type": _type,
}


# -- the issues the handlers share -----------------------------------------------------------------
def unknown_property(w, k, kloc, known, allowed) -> None:
    vocab = w.vocab
    base, dash, io = k.rpartition("-")
    if dash and io in ("input", "output") and base in vocab.properties:
        return  # schema.org's Action annotation ("query-input"), used by the sitelinks search box
    types = "/".join(known)
    same = next((p for p in allowed if p.lower() == k.lower()), None) if k not in vocab.properties else None
    if same:
        # Google reads property names case-insensitively (its own examples write "contentURL",
        # "xPath"); JSON-LD terms are case-sensitive, so other consumers drop the value
        w.emit("warning", "unknown-property", kloc,
               f"{k!r} differs from schema.org's {same!r} only in case; JSON-LD is case-sensitive, so "
               f"consumers other than Google ignore it: write {same}")
    elif k in vocab.superseded:
        new = vocab.superseded[k]
        w.emit("warning", "unknown-property", kloc,
               f"{k!r} is superseded in schema.org by {new!r}; use {new} instead "
               f"(see https://schema.org/{new})")
    elif k in vocab.properties:
        doms = ", ".join(vocab.domains(k)[:6]) or "no type"
        w.emit("warning", "unknown-property", kloc,
               f"{k!r} is a schema.org property but not one of {types} (it belongs to {doms}); "
               f"move it to a node of such a type, or remove it")
    else:
        hint = vocab.suggest_property(k, allowed)
        fix = f'; did you mean "{hint}"?' if hint else \
            f"; see https://schema.org/{known[0]} for the properties of {known[0]}"
        w.emit("error", "unknown-property", kloc, f"{k!r} is not a schema.org property of {types}{fix}")


def date_issue(w, prop, value, loc) -> None:
    """A non-empty date value that is not ISO 8601 (null and empty are empty-value above)."""
    kinds = set(w.vocab.kinds(prop)) if prop in w.vocab.properties else set()
    if isinstance(value, str) and "Time" in kinds and (
            not {"Date", "DateTime"} & kinds or not iso_of(value)[0]):
        time_issue(w, prop, value, loc)
        return
    if not isinstance(value, str):  # a number or boolean is the wrong JSON type, not a date format
        year = isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999
        w.emit("warning" if year else "error", "wrong-type", loc,
               f'{prop} is {describe(value)}; write dates as ISO 8601 strings, e.g. '
               + (f'"{value}" or better "{value}-01-01"' if year else '"2019-11-19"'))
        return
    if _reduced().match(value.strip()):
        # "1892" is valid ISO 8601 (reduced precision) and right for a birthDate or a
        # foundingDate; only a publication date needs the day, for search engines to use it
        if prop not in PUBLICATION_DATES:
            return
        w.emit("warning", "date-format", loc,
               f"{prop} {value!r} is only a year or month; write a full ISO 8601 date such as "
               f"{value.strip()[:4]}-01-01 (search engines need year, month and day)")
        return
    if iso_shape().match(value.strip()):  # the form, but not on the calendar
        w.emit("error", "date-format", loc, f"{prop} {value!r} " + _not_on_calendar(value.strip()))
        return
    iso, assumed = iso_of(value)
    if isinstance(value, VisibleText):
        iso = iso or "2019-11-19"
        w.emit("error", "date-text", loc,
               f"{prop} is read from the element's visible text {value!r}, which is not ISO "
               f"8601; keep the text and give the date in the markup: <time itemprop=\"{prop}\" "
               f"datetime=\"{iso}\">...</time> or a content=\"{iso}\" attribute")
        return
    fix = (f"{iso} (UTC assumed: use the page's own offset)" if assumed else iso) if iso else \
        "an ISO 8601 date such as 2019-11-19 or 2019-11-19T07:09:00+00:00"
    w.emit("error", "date-format", loc, f"{prop} {value!r} is not ISO 8601; write it as {fix}")


# compiled at the first wrong date, not at import
@lru_cache(maxsize=1)
def _reduced() -> re.Pattern:
    return re.compile(ISO_REDUCED_DATE)


@lru_cache(maxsize=1)
def _time_part() -> re.Pattern:
    return re.compile(r"(\d\d):(\d\d)(?::(\d\d))?(\.\d+)?(Z|[+-]\d\d:?\d\d)?$")


def _not_on_calendar(value: str) -> str:
    """Why a value of the ISO 8601 form is no date, and its fix when there is one."""
    from datetime import date, timedelta
    m = _time_part().match(value[11:])
    zone = (m.group(5) or "") if m else ""
    if zone[:1] in ("+", "-") and (int(zone[1:3]) > 23 or int(zone[-2:]) > 59):
        return (f"has the offset {zone}, which no time zone has (an offset is at most +23:59); "
                f"write the page's own offset, e.g. {value[:-len(zone)]}+00:00 for UTC")
    if m and m.group(1) == "24" and m.group(2) == "00" and int(m.group(3) or 0) == 0 and \
            not (m.group(4) or "").strip(".0"):
        try:
            nxt = (date.fromisoformat(value[:10]) + timedelta(days=1)).isoformat()
            return (f"uses 24:00, which not every reader takes as the end of the day; write it "
                    f"as {nxt}T00:00:00{zone}")
        except ValueError:
            pass
    return "has the ISO 8601 form, but that date or time does not exist; check the month, day, hour and minute"


def time_issue(w, prop, value: str, loc) -> None:
    """A value of a Time property (or of a date-time-or-time one, when it has no date) that is
    not an xsd:time: the fix proposed is a time, with the zone the value was written in."""
    t = time_of(value)
    if isinstance(value, VisibleText):
        t = t or "09:00:00"
        w.emit("error", "date-text", loc,
               f"{prop} is read from the element's visible text {value!r}, which is not an ISO "
               f"8601 time; keep the text and give the time in the markup: <time itemprop=\"{prop}\" "
               f"datetime=\"{t}\">...</time> or a content=\"{t}\" attribute")
        return
    if t and not clock_ok(t):   # an offset no zone has ("+99:00"): the time without it
        t = t[:8]
    fix = t or "an ISO 8601 time such as 09:00:00 or 09:00:00+08:00 (hh:mm:ss and the zone)"
    w.emit("error", "date-format", loc, f"{prop} {value!r} is not an ISO 8601 time; write it as {fix}")
