"""Issue 14 point 12: what the third round of hostile input also found. Content nested past
libxml2's depth is said, not dropped silently; the validator refuses impossible offsets and
times; a broken <base> under --syntax rdfa is an issue of that syntax, not the end of the page;
the short-date rule gives the same date on any day it runs."""
from __future__ import annotations

import datetime as dt

import pytest

import newsld


def _page(footer: str = "") -> bytes:
    return ("<html><body><h1>Party at the harbour</h1><div class='date'>Party, 30.12.26</div>"
            "<p>The harbour held its winter party with music and food for everyone in town.</p>"
            f"{footer}</body></html>").encode()


def _published(page: bytes):
    doc = newsld.extract(page, format="html")
    return doc["@graph"][0].get("datePublished")


def _today_is(monkeypatch, day: dt.date) -> None:
    class Day(dt.date):
        @classmethod
        def today(cls):
            return cls(day.year, day.month, day.day)

    class Moment(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(day.year, day.month, day.day, 12, tzinfo=tz)

    monkeypatch.setattr(dt, "date", Day)
    monkeypatch.setattr(dt, "datetime", Moment)


@pytest.mark.parametrize("footer, expected", [
    ("", None),                                        # no full year: no year inferred
    ("<footer>\u00a9 2027 Example</footer>", "2026-12-30"),
    ("<footer>\u00a9 2026 Example</footer>", "2026-12-30"),
])
def test_the_short_date_rule_does_not_depend_on_the_day_it_runs(monkeypatch, footer, expected):
    seen = set()
    for today in (dt.date(2026, 12, 1), dt.date(2027, 1, 15)):
        with monkeypatch.context() as m:
            _today_is(m, today)
            seen.add(_published(_page(footer)))
    assert seen == {expected}
