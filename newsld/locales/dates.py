"""Dates: any text python-dateutil understands, written as ISO 8601. A time with no zone takes
the timezone given, and stays zone-less when none is given (never an invented +00:00); a date
alone stays a date. Zone abbreviations ("EDT", "CEST", "IST") are read from the table
``zones/abbreviations.json``: an ambiguous one takes the reading the article's locale means
(else the table's first) and the result carries a note naming it. Numeric dates follow the
locale's ``day_first`` flag ("04/05/2025" is 4 May in es/de/fr, 5 April in en-US); ISO is
read as written. Foreign month names and date words are read through a dateutil parserinfo
built from the locale files."""
from __future__ import annotations

import json
import os
import re
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from newsld.errors import InputError
from newsld.locales import date_forms

_A = datetime(2000, 1, 1, 0, 0, 0)
_B = datetime(2001, 2, 2, 1, 1, 1)
# The zone when the caller names none: a time with no zone then stays zone-less
NO_ZONE_GIVEN = timezone(timedelta(0), "UTC")


class LocalTime(str):
    """An ISO 8601 date-time with no offset (no zone was written and none given): ``to_iso``
    keeps it zone-less unless a timezone is given."""
    __slots__ = ()


class Noted(str):
    """An ISO 8601 date-time read with a zone abbreviation several zones use: ``note`` says
    which reading was taken and how to choose another."""
    note: str = ""


def parse_timezone(name: str | None) -> tzinfo:
    """"UTC", "+02:00", "-0500" or an IANA name such as "Europe/Madrid"."""
    if not name:
        return NO_ZONE_GIVEN
    if name.upper() in ("UTC", "Z", "GMT"):
        return timezone.utc
    # compiled here, at a --timezone offset, not at import (a page never asks it); re's cache
    # keeps it for the next call
    m = re.match(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$", name.strip(), re.I)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 23 or minutes > 59:  # timezone() refuses a day or more: a usage error, not a crash
            raise InputError(f"timezone {name!r}: an offset is at most +23:59 (hours 0-23, minutes 0-59)")
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if m.group(1) == "-" else delta)
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo(name)
    except Exception:
        raise InputError(f"unknown timezone {name!r}: use an IANA name such as Europe/Madrid or an offset such as +02:00") from None


def _parse(text: str, default: datetime, info=None, **kw) -> datetime:
    from dateutil import parser
    if info is None:
        return parser.parse(text, default=default, **kw)
    return info.parse(text, default=default, **kw)


@lru_cache(maxsize=1)
def zone_table() -> dict:
    """The zone abbreviations (``zones/abbreviations.json``): offsets, regions, ambiguous."""
    with open(os.path.join(os.path.dirname(os.path.realpath(__file__)), "zones", "abbreviations.json"),
              encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _zone_names() -> frozenset:
    table = zone_table()
    return frozenset(k for part in ("offsets", "regions", "ambiguous") for k in table[part])


def zone_of(abbreviation: str) -> tzinfo | None:
    """The zone an unambiguous abbreviation means ("EDT" -> UTC-04:00, "ET" ->
    America/New_York); None for an ambiguous ("IST") or unknown one."""
    table = zone_table()
    name = abbreviation.upper()
    if name in table["offsets"]:
        return _fixed(table["offsets"][name])
    if name in table["regions"]:
        from zoneinfo import ZoneInfo
        return ZoneInfo(table["regions"][name])
    return None


def _fixed(minutes: int) -> tzinfo:
    return timezone.utc if minutes == 0 else timezone(timedelta(minutes=minutes))


def ambiguous_zone(abbreviation: str, lang: str | None) -> tuple[tzinfo, str] | None:
    """(the zone, a note naming the reading taken) for an abbreviation several zones use: the
    reading whose locales match ``lang`` ("en-IN" or "hi": IST is India), else the first."""
    readings = zone_table()["ambiguous"].get(abbreviation.upper())
    if not readings:
        return None
    tag = (lang or "").replace("_", "-").lower()
    wanted = [tag, tag.split("-")[0]] if tag else []
    name = next((r for w in wanted for r, v in readings.items() if w in (x.lower() for x in v["locales"])), None)
    why = f"the article's language {lang}" if name else "no language that decides it"
    name = name or next(iter(readings))
    minutes = readings[name]["offset"]
    zone = _fixed(minutes)
    off = datetime(2000, 1, 1, tzinfo=zone).isoformat()[-6:]
    others = ", ".join(r for r in readings if r != name)
    note = (f"the zone {abbreviation.upper()} is ambiguous ({name}, {others}): read as {name} ({off}) "
            f"from {why}; write the offset (e.g. {off}) to say which")
    return zone, note


# "GMT+0100" as JavaScript's Date.toString() and web pages write it means UTC+01:00; dateutil
# reads the POSIX way (GMT+1 = UTC-01:00), so the "GMT"/"UTC" before an offset is dropped
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)(?=[+-]\d)", re.I)
_MONTH_WORD = re.compile(r"[^\W\d_]{3,}\.?")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def locale_parser():
    """The dateutil parser for what the English one cannot read. Its parserinfo is built from
    the locale files: every language's month names beside the English ones, and the locale
    date words (weekdays, "de", "um", "Uhr", "a las") as words to jump over. A weekday is
    jumped, not read as one: it must not move a date. Built once."""
    from dateutil import parser
    from newsld import locales as locale
    rules = locale.load()
    jump = frozenset(w.lower() for phrase in locale.words("date_words") for w in _WORD.findall(phrase))
    months = [list(names) for names in parser.parserinfo.MONTHS]
    for name, n in rules.months.items():
        months[n - 1].append(name)

    class LocaleParserInfo(parser.parserinfo):
        MONTHS = [tuple(names) for names in months]
        JUMP = parser.parserinfo.JUMP + sorted(jump)
        # "am" (German "am 3. Mai") and the "a" of "a las" are date words here, not AM
        AMPM = [tuple(w for w in names if w not in jump) for names in parser.parserinfo.AMPM]

    class LocaleParser(parser.parser):
        def _could_be_tzname(self, hour, tzname, tzoffset, token):
            # nor a zone name ("AM" after a time is the German "am"): dateutil asks the parser,
            # not the parserinfo, so this one hook is overridden (tests/locales pin it)
            return super()._could_be_tzname(hour, tzname, tzoffset, token) and token.lower() not in jump

    return LocaleParser(LocaleParserInfo())


@lru_cache(maxsize=1)
def _hyphenated() -> re.Pattern:
    """The locale date words written with a hyphen ("segunda-feira"): dateutil splits them, and
    after a time it reads the hyphen as the sign of a zone offset."""
    from newsld import locales as locale
    return re.compile(rf"(?<!\w)(?:{locale.alternation(w for w in locale.words('date_words') if '-' in w)})(?!\w)",
                      re.I)


def _locale_words(text: str) -> bool:
    """Whether ``text`` has a locale month name or date word (what the English parser lacks)."""
    from newsld import locales as locale
    rules = locale.load()
    months = rules.months
    return bool(rules.date_words.search(text)
                or any(m.group().rstrip(".").lower() in months for m in _MONTH_WORD.finditer(text)))


_STRICT_ISO = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?\d\d)?)?")


def _iso_fast(raw: str, tz: tzinfo) -> str | None:
    """The same answer as the dateutil path below for a strict ISO 8601 string (most declared
    dates), from datetime.fromisoformat: about 40x cheaper. None for anything else."""
    if not _STRICT_ISO.fullmatch(raw):
        return None
    try:
        a = datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith("Z") else raw)
    except ValueError:
        return None
    if len(raw) == 10:
        return a.date().isoformat()  # a date alone stays a date
    return _written(a, tz)


def day_first(lang: str | None) -> bool | None:
    """Whether the locale of ``lang`` ("es", "en-GB") writes numeric dates day first; None
    when the locale data does not say."""
    if not lang:
        return None
    from newsld import locales as locale
    base, _, region = lang.replace("_", "-").partition("-")
    flag = locale.setting("day_first", base.lower())
    if flag is not None and region and region.upper() in (locale.setting("day_first_regions", base.lower()) or ()):
        return True
    return flag


# "19.11.2019" (dots) and "03/04/2024" or "03-04-2024": read by the locale; ISO as written
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
_SLASHED_DATE = re.compile(r"(?<![\d/-])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\d/-])")


def _numeric(m: re.Match, first_day: bool) -> str:
    day, month = int(m.group(1)), int(m.group(2))
    if not first_day or day <= 12 < month:
        day, month = month, day
    return f"{m.group(3)}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else m.group()


def has_numeric_date(text: str) -> bool:
    """Whether ``text`` has a numeric date whose reading depends on the locale."""
    return bool(_DOTTED_DATE.search(text) or _SLASHED_DATE.search(text))


def zone_less(iso: str | None) -> bool:
    """Whether an ISO 8601 value is a date-time with no offset."""
    return bool(iso) and len(iso) > 10 and not _ISO_ZONE.search(iso)


_ISO_ZONE = re.compile(r"(?:Z|[+-]\d\d:?\d\d)$")


def numeric_dates(text: str, lang: str | None = None, *, first: bool | None = None) -> str:
    """``text`` with its numeric dates written as ISO: day first where the locale of ``lang``
    (or ``first``) says so; with neither, dots day first ("19.11.2019") and slashes month first
    (the US reading). A day above 12 decides whatever the locale."""
    first = day_first(lang) if first is None else first
    text = _DOTTED_DATE.sub(lambda m: _numeric(m, first is not False), text)
    return _SLASHED_DATE.sub(lambda m: _numeric(m, bool(first)), text)


def to_iso(text: str, tz: tzinfo | str | None = None, *, fuzzy: bool = False,
           lang: str | None = None) -> str:
    """ISO 8601 for ``text``; raises InputError when it is not a date. A time with no zone
    takes ``tz``, or stays zone-less (a LocalTime) when none is given. ``lang``: the article's
    language, for numeric dates and ambiguous zone abbreviations (the result is then Noted)."""
    if not isinstance(tz, tzinfo):
        tz = parse_timezone(tz)
    notes: list[str] = []

    def tzinfos(name: str | None, offset: int | None) -> tzinfo | None:
        # dateutil's hook for the zone it found: a written offset wins, else the table
        if offset is not None:
            return timezone(timedelta(seconds=offset))
        if not name:
            return None
        found = zone_of(name)
        if found is None and (amb := ambiguous_zone(name, lang)):
            found, note = amb
            notes.append(note)
        return found

    raw = " ".join(str(text).split())
    fast = _iso_fast(raw, tz)
    if fast is not None:
        return fast
    raw = numeric_dates(_GMT_OFFSET.sub("", raw), lang)
    common = date_forms.read_common(raw, tzinfos, _zone_names())
    if common is not None:
        a, timed = common
        return _written(a, tz, notes[0] if notes else "") if timed else a.date().isoformat()
    kw: dict = {"fuzzy": fuzzy, "tzinfos": tzinfos}
    try:
        try:
            a, b = _parse(raw, _A, **kw), _parse(raw, _B, **kw)
        except ValueError:
            a = b = None
        if a is None or (fuzzy and (a.month, a.day) != (b.month, b.day)):
            # a foreign month name: the English parser fails, or fuzzy parsing skips it and
            # finds no month; read it again with the locales' parserinfo
            if a is None or _locale_words(raw):
                info, text = locale_parser(), _hyphenated().sub(lambda m: m.group().replace("-", " "), raw)
                a, b = _parse(text, _A, info, **kw), _parse(text, _B, info, **kw)
    except (ValueError, OverflowError, TypeError):
        raise InputError(f"cannot read {raw[:60]!r} as a date: write it as 2025-04-02 or 2025-04-02T10:30:00+00:00") from None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        raise InputError(f"{raw[:60]!r} is not a full date (day, month and year): write it as 2025-04-02")
    if a.hour != b.hour and a.tzinfo is None:
        return a.date().isoformat()  # a date alone stays a date
    return _written(a, tz, notes[0] if notes else "")


def _written(a: datetime, tz: tzinfo, note: str = "") -> str:
    """ISO 8601 for a date-time: a naive one takes ``tz``, or stays zone-less (LocalTime)."""
    if a.tzinfo is None:
        if tz is NO_ZONE_GIVEN:
            return LocalTime(a.isoformat(timespec="seconds" if not a.microsecond else "auto"))
        a = a.replace(tzinfo=tz)
    iso = a.isoformat(timespec="seconds" if not a.microsecond else "auto")
    if note:
        iso = Noted(iso)
        iso.note = note
    return iso


_DOT_TIME = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])(?:\.|\s*h\s*)([0-5]\d)(?![\d.:])")


def text_date(text: str, *, day_first: bool = False, lang: str | None = None) -> str | None:
    """A date as an article's own text writes it ("10:32 AM EDT, April 2, 2025", "19.11.2019,
    14.30 Uhr MEZ"): ISO 8601 with the offset its zone abbreviation means; a LocalTime when it
    names no zone (never an invented +00:00); a date alone stays a date. None when the text is
    not a full date. ``day_first``: "03/04/2024" is 3 April (else the locale of ``lang`` decides,
    else the US reading, 4 March)."""
    s = _DOT_TIME.sub(r"\1:\2", numeric_dates(text, lang, first=day_first or None))
    if not any(map(str.isdigit, s)):  # (a paragraph tried as a date line: C speed over its text)
        return None
    try:
        return to_iso(s, lang=lang)
    except InputError:
        return None
