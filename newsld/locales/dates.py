"""Dates: any text python-dateutil understands, written as ISO 8601. A time without a zone
takes the given timezone (default UTC); a date alone stays a date. Foreign month names and
date words are read through a dateutil parserinfo built from the locale files. Dates written
in an article's own text (``text_date``) also read zone abbreviations from
``zones/abbreviations.json`` and keep a time with no (or an ambiguous) zone zone-less unless a
timezone is given."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path

from newsld.errors import InputError

_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$", re.I)
_A = datetime(2000, 1, 1, 0, 0, 0)
_B = datetime(2001, 2, 2, 1, 1, 1)
# The zone when the caller names none: UTC for dates given as metadata, while a LocalTime (a
# time the article's text writes with no zone) stays zone-less under it.
NO_ZONE_GIVEN = timezone(timedelta(0), "UTC")


class LocalTime(str):
    """An ISO 8601 date-time with no offset, read from an article's text where no zone (or an
    ambiguous one) was written: ``to_iso`` keeps it zone-less unless a timezone is given."""
    __slots__ = ()


def parse_timezone(name: str | None) -> tzinfo:
    """"UTC", "+02:00", "-0500" or an IANA name such as "Europe/Madrid"."""
    if not name:
        return NO_ZONE_GIVEN
    if name.upper() in ("UTC", "Z", "GMT"):
        return timezone.utc
    m = _OFFSET.match(name.strip())
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
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
    path = Path(__file__).resolve().parent / "zones" / "abbreviations.json"
    return json.loads(path.read_text(encoding="utf-8"))


def zone_of(abbreviation: str) -> tzinfo | None:
    """The zone an abbreviation means ("EDT" -> UTC-04:00, "ET" -> America/New_York); None for
    an ambiguous ("IST") or unknown one."""
    table = zone_table()
    name = abbreviation.upper()
    if name in table["offsets"]:
        minutes = table["offsets"][name]
        return timezone.utc if minutes == 0 else timezone(timedelta(minutes=minutes))
    if name in table["regions"]:
        from zoneinfo import ZoneInfo
        return ZoneInfo(table["regions"][name])
    return None


def _tzinfos(name: str | None, offset: int | None) -> tzinfo | None:
    # dateutil's hook for the zone it found: a written offset wins, else the table
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    return zone_of(name) if name else None


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
    if a.tzinfo is None:
        a = a.replace(tzinfo=tz)
    return a.isoformat(timespec="seconds" if not a.microsecond else "auto")


def to_iso(text: str, tz: tzinfo | str | None = None, *, fuzzy: bool = False,
           zones: bool = False) -> str:
    """ISO 8601 for ``text``; raises InputError when it is not a date. ``zones``: read zone
    abbreviations ("EDT") from the zone table."""
    if not isinstance(tz, tzinfo):
        tz = parse_timezone(tz)
    if isinstance(text, LocalTime) and tz is NO_ZONE_GIVEN:
        return str(text)
    kw: dict = {"fuzzy": fuzzy, "tzinfos": _tzinfos} if zones else {"fuzzy": fuzzy}
    raw = " ".join(str(text).split())
    fast = _iso_fast(raw, tz)
    if fast is not None:
        return fast
    raw = _GMT_OFFSET.sub("", raw)
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
    if a.tzinfo is None:
        a = a.replace(tzinfo=tz)
    return a.isoformat(timespec="seconds" if not a.microsecond else "auto")


# "19.11.2019" is day first wherever dots separate a date; "15.32" and "14 h 30" are times
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
# "03/04/2024" or "03-04-2024": day first where the text's language writes it so (day_first)
_SLASHED_DATE = re.compile(r"(?<![\d/-])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\d/-])")
_DOT_TIME = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])(?:\.|\s*h\s*)([0-5]\d)(?![\d.:])")
_PROBE = timezone(timedelta(hours=5))


def _dotted(m: re.Match) -> str:
    day, month = int(m.group(1)), int(m.group(2))
    return f"{m.group(3)}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else m.group()


def text_date(text: str, *, day_first: bool = False) -> str | None:
    """A date as an article's own text writes it ("10:32 AM EDT, April 2, 2025", "19.11.2019,
    14.30 Uhr MEZ"): ISO 8601 with the offset its zone abbreviation means; a LocalTime when it
    names no zone or an ambiguous one (never an invented +00:00); a date alone stays a date.
    None when the text is not a full date. ``day_first``: "03/04/2024" is 3 April (else the
    US reading, 4 March)."""
    s = _DOTTED_DATE.sub(_dotted, text)
    if day_first:
        s = _SLASHED_DATE.sub(_dotted, s)
    s = _DOT_TIME.sub(r"\1:\2", s)
    if not any(c.isdigit() for c in s):
        return None
    try:
        iso = to_iso(s, timezone.utc, zones=True)
        if len(iso) > 10 and to_iso(s, _PROBE, zones=True) != iso:
            return LocalTime(iso[:-6])
    except InputError:
        return None
    return iso
