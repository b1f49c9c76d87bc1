"""locales.date_forms reads the common date shapes without dateutil: its answers must be the
ones the dateutil path gives (same ISO text, same kind: date, LocalTime, Noted with the same
note, or the same refusal), on many generated strings of those shapes and near misses."""
import itertools
import subprocess
import sys
import random

import pytest

from helpers import ROOT
from newsld.errors import InputError
from newsld.locales import date_forms, dates

MONTHS = ["January", "Jan", "jan", "JAN", "Jan.", "February", "Feb", "March", "Mar", "MAR", "April", "May", "June",
          "Jun", "July", "August", "Aug.", "September", "Sept", "Sep", "Sept.", "October", "Oct", "November",
          "Nov", "NOV", "December", "Dec", "Juli", "Mai", "März", "mars", "août", "Dezember", "set", "ago", "gen",
          "décembre", "dic", "Okt", "Januari", "mei", "Maio", "Marzo", "Foo", "Monday", "Mon", "Noon"]
ZONES = ["GMT", "UTC", "Z", "EST", "EDT", "CET", "CEST", "MEZ", "BST", "IST", "CST", "AST", "ET", "PT", "UT",
         "AKST", "NZDT", "XYZ", "AM", "PM", "ON", "MAR", "SAT", "M", "T", "ST", "A"]
DAYS = ["1", "01", "9", "12", "13", "28", "29", "30", "31", "0", "32", "00"]
TIMES = ["9:02", "09:02", "12:00", "12:30", "0:15", "00:00", "13:45", "23:59", "24:00", "7:60", "10:00:05",
         "10:00:60", "5:44:06"]
AMPM = ["", " AM", " PM", " am", " pm", "AM", "pm", " Am"]


def dateutil_answer(monkeypatch, text, **kw):
    with monkeypatch.context() as m:
        m.setattr(date_forms, "read_common", lambda *a: None)
        return answer(text, **kw)


def answer(text, **kw):
    try:
        out = dates.to_iso(text, **kw)
    except InputError as e:
        return ("refused", str(e))
    return (out, type(out).__name__, getattr(out, "note", ""))


def strings(rng: random.Random, n: int):
    for _ in range(n):
        month, day, year = rng.choice(MONTHS), rng.choice(DAYS), rng.choice(["2019", "2020", "1999", "2024", "1899"])
        time = rng.choice(["", "", rng.choice(TIMES) + rng.choice(AMPM)])
        zone = rng.choice(["", "", " " + rng.choice(ZONES)]) if time else ""
        tail = (rng.choice([", ", " ", " - ", ", - "]) + time + zone) if time else ""
        shape = rng.randrange(5)
        if shape == 0:
            yield f"{month} {day}{rng.choice([',', ''])} {year}{tail}"
        elif shape == 1:
            yield f"{day}{rng.choice(['.', ''])} {month}{rng.choice([',', ''])} {year}{tail}"
        elif shape == 2:
            wd = rng.choice(["Tue", "Wed", "Sun", "Mon", "Tues", "Noon"])
            t = rng.choice(TIMES[6:] + ["05:44:06", "23:00:00", "00:00:00"])
            off = rng.choice(["+0000", "-0500", "+0530", "+1400", "-2359", "+2400", "+0060"])
            z = rng.choice(["", "", " (UTC)", " (CET)", " (IST)", " (XYZ)", " (Coordinated)", " (AM)"])
            yield f"{wd} {month} {day} {year} {t} {rng.choice(['', 'GMT'])}{off}{z}"
        elif shape == 3:
            mo = rng.choice(["01", "02", "11", "12", "13", "00"])
            d = rng.choice(["01", "18", "29", "30", "31", "00"])
            yield f"{year}-{mo}-{d} {rng.choice(TIMES)}{rng.choice(['', ' ' + rng.choice(ZONES)])}"
        else:  # near misses: other separators and words around the shapes
            yield rng.choice([f"{month} {day}th, {year}", f"on {month} {day}, {year}", f"{month} {day} {year}",
                              f"{day} de {month} de {year}", f"{month}, {day} {year}{tail}",
                              f"{day}-{month}-{year}", f"{month} {day}, {year},{tail}"])


OBSERVED = ["November 18, 2019", "November 19, 2019, 9:02 AM", "November 19, 2019, 07:47 PM EST", "19 NOV 2019",
            "19 Nov 2019 07:09 GMT", "Tue Nov 19 2019 05:44:06 +0000", "19 Nov 2019 05:44 GMT",
            "Wed Nov 20 2019 09:28:00 +0000 (UTC)", "October 12, 2017", "November 20, 2019, 10:54 am",
            "2019-11-18 17:19:53 GMT", "Nov 18, 2019", "30. Juli 2018", "November 20, 2019 - 11:28 AM",
            "Tue Nov 19 2019 05:44:06 GMT+0100"]


@pytest.mark.parametrize("text", OBSERVED)
def test_the_shapes_of_the_benchmark_pages_are_read_here(text):
    raw = dates.numeric_dates(" ".join(text.replace("GMT+", "+").split()))
    assert date_forms.read_common(raw, lambda name, offset: None, frozenset({"GMT", "EST", "UTC"})) is not None


def test_same_answers_as_dateutil(monkeypatch):
    rng = random.Random(15)
    cases = list(dict.fromkeys([*OBSERVED, *strings(rng, 6000)]))
    read = date_forms.read_common
    read_here = []
    monkeypatch.setattr(date_forms, "read_common", lambda *a: read_here.append(read(*a)) or read_here[-1])
    for text, fuzzy, lang, tz in itertools.product(cases, (False, True), (None, "en-IN", "de"), (None, "+02:00")):
        if rng.random() > 0.25 and text not in OBSERVED:  # a quarter of the combinations, all observed ones
            continue
        kw = {"fuzzy": fuzzy, "lang": lang, "tz": tz}
        expected = dateutil_answer(monkeypatch, text, **kw)
        assert answer(text, **kw) == expected, (text, kw)
    assert sum(r is not None for r in read_here) > 1000  # the generator does reach the shapes read here


def test_the_common_shapes_do_not_import_dateutil():
    code = ("import sys; from newsld.locales.dates import to_iso\n"
            f"for t in {OBSERVED!r}: to_iso(t, fuzzy=True); to_iso(t)\n"
            "print('dateutil' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split() == ["False"]
