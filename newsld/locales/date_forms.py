"""The date shapes pages write most, read without dateutil: "November 19, 2019, 07:47 PM EST",
"19 Nov 2019 07:09 GMT", "Tue Nov 19 2019 05:44:06 +0000 (UTC)", "2019-11-18 17:19:53 GMT",
"30. Juli 2018". Importing dateutil.parser costs ~20-25 ms at the first such date of a run
(it loads dateutil.tz, importlib.resources, tempfile, ctypes, decimal...); these shapes are
read here exactly as locales.dates.to_iso's dateutil path reads them (tests/locales compare the
two on many generated strings). Anything else, or any value out of range, gives None and goes
to dateutil."""
from __future__ import annotations

from datetime import datetime

from newsld.locales import Compiled

# dateutil's English parserinfo: month names, and the words it reads before a zone name
# (weekday, month, am/pm, jump and h/m/s words), which therefore can never be one
_EN_MONTHS = {name: n for n, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), 1) for name in names}
_UTC_NAMES = ("UTC", "GMT", "Z")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_MONTH = r"(?P<mon>[^\W\d_]{3,9})\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_TIME = (r"(?:,?\s(?:-\s)?(?P<h>\d{1,2}):(?P<mi>\d\d)(?::(?P<s>\d\d))?(?:\s?(?P<ap>[AaPp][Mm]))?"
         r"(?:\s(?P<z>[A-Z]{1,5}))?)?")


# tried in this order, each compiled when a date first reaches it (a cold start needs none)
_SHAPES = Compiled((
    rf"{_MONTH}\s(?P<d>\d{{1,2}}),?\s{_YEAR}{_TIME}",  # November 19, 2019, 9:02 AM
    rf"(?P<d>\d{{1,2}})\.?\s{_MONTH},?\s{_YEAR}{_TIME}",  # 19 Nov 2019 07:09 GMT
    # JavaScript's Date.toString(), its "GMT" dropped by to_iso
    rf"(?:{'|'.join(_WEEKDAYS)})\s{_MONTH}\s(?P<d>\d{{1,2}})\s{_YEAR}\s(?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d)"
    r"\s(?P<sign>[+-])(?P<oh>\d\d)(?P<om>\d\d)(?:\s\((?P<z>[A-Z]{3,5})\))?",
    rf"{_YEAR}-(?P<mo>\d\d)-(?P<d>\d\d)\s(?P<h>\d\d):(?P<mi>\d\d)(?::(?P<s>\d\d))?\s(?P<z>[A-Z]{{1,5}})",
), 0)


def _not_zone_words() -> frozenset:
    hms = ("h", "hour", "hours", "m", "minute", "minutes", "s", "second", "seconds")
    jump = ("at", "on", "and", "ad", "m", "t", "of", "st", "nd", "rd", "th")
    weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return frozenset((*_EN_MONTHS, *hms, *jump, *weekdays, *(w.lower() for w in _WEEKDAYS), "am", "a", "pm", "p"))


_NOT_ZONE = _not_zone_words()


def read_common(raw: str, tzinfos, zones) -> tuple[datetime, bool] | None:
    """(the date-time dateutil would read from ``raw``, whether it has a time) for one of the
    common shapes, else None. ``tzinfos``: to_iso's zone hook, called as dateutil calls it;
    ``zones``: the zone names that hook knows (a name it does not know goes to dateutil)."""
    found = next(((i, m) for i, shape in enumerate(_SHAPES) if (m := shape.fullmatch(raw))), None)
    if found is None:
        return None
    i, g = found[0], found[1].groupdict()
    if i == 3:
        month = int(g["mo"])
    else:
        month = _EN_MONTHS.get(g["mon"].lower())
        if month is None:
            if i == 2 or g["h"]:  # a foreign month name: only a date alone is read here
                return None
            from newsld import locales as locale
            month = locale.load().months.get(g["mon"].lower())
            if month is None:
                return None
    try:
        if not g["h"]:
            return datetime(int(g["y"]), month, int(g["d"])), False
        hour, ampm = int(g["h"]), (g.get("ap") or "").lower()
        if ampm:
            if hour > 12:
                return None
            hour = hour + 12 if hour < 12 and ampm == "pm" else 0 if hour == 12 and ampm == "am" else hour
        naive = datetime(int(g["y"]), month, int(g["d"]), hour, int(g["mi"]), int(g["s"] or 0))
    except ValueError:  # out of range: dateutil says what is wrong
        return None
    name = g["z"]
    if i == 2:
        offset = int(g["oh"]) * 3600 + int(g["om"]) * 60
        if name is not None and name not in zones or int(g["om"]) > 59 or offset >= 86400:
            return None
        if name in _UTC_NAMES:  # dateutil: a UTC name overrides the offset before it
            offset = 0
        return naive.replace(tzinfo=tzinfos(name, -offset if g["sign"] == "-" else offset)), True
    if name is None:
        return naive.replace(tzinfo=tzinfos(None, None)), True
    if name not in zones or name.lower() in _NOT_ZONE:
        return None
    return naive.replace(tzinfo=tzinfos(name, None)), True
