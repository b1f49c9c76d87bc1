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


# ---- the validator: offsets and 24:00 --------------------------------------------------------

def _date_issues(prop: str, value: str, type_: str = "NewsArticle") -> list:
    from newsld.validator import validate
    doc = {"@context": "https://schema.org", "@type": type_, "headline": "Storm", "name": "Storm",
           "startDate": "2024-05-01", prop: value}
    return [i for i in validate(doc).issues if i.code == "date-format"]


@pytest.mark.parametrize("value, fix", [
    ("2024-05-01T10:00:00+99:99", "2024-05-01T10:00:00+00:00"),
    ("2024-05-01T10:00:00+24:00", "2024-05-01T10:00:00+00:00"),
    ("2024-05-01T10:00:00-05:60", "2024-05-01T10:00:00+00:00"),
    ("2024-05-01T24:00:00Z", "2024-05-02T00:00:00Z"),
    ("2024-12-31T24:00:00+01:00", "2025-01-01T00:00:00+01:00"),
])
def test_impossible_offsets_and_24_00_are_date_format_errors_with_the_fix(value, fix):
    issues = _date_issues("datePublished", value)
    assert [i.severity for i in issues] == ["error"]
    assert fix in issues[0].message and value in issues[0].message


@pytest.mark.parametrize("value", ["2024-05-01T10:00:00+14:00", "2024-05-01T10:00:00-03:30",
                                   "2024-05-01T23:59:60Z", "2024-05-01T00:00:00Z"])
def test_real_offsets_and_times_stay_valid(value):
    assert _date_issues("datePublished", value) == []


@pytest.mark.parametrize("value, fix", [("24:00:00", "09:00:00"), ("99:99:99", "09:00:00"),
                                        ("10:00:00+99:00", "write it as 10:00:00")])
def test_impossible_times_are_date_format_errors(value, fix):
    issues = _date_issues("doorTime", value, "Event")
    assert [i.severity for i in issues] == ["error"] and fix in issues[0].message


# ---- nesting past what the HTML parser reads -----------------------------------------------

def _deep_items(n: int = 10_000) -> bytes:
    return ("<html><head><title>Storm</title></head><body>"
            + '<div itemscope itemtype="https://schema.org/Thing">' * n
            + '<span itemprop="name">deep</span>' + "</div>" * n
            + "<h1>Storm hits the coast</h1><p>Strong winds hit the coast.</p></body></html>").encode()


def test_validate_says_the_page_nests_past_the_limit():
    from newsld.pages.page import validate_page
    from newsld.readers.html_parse import MAX_NESTING
    report = validate_page(_deep_items(), source="deep.html")
    said = [i for i in report.issues if i.code == "input"]
    assert [i.severity for i in said] == ["warning"]
    assert f"deeper than {MAX_NESTING} levels" in said[0].message
    # a page nested less deep is read whole: no such warning
    assert not [i for i in validate_page(_deep_items(200)).issues if i.code == "input"]


def test_extract_refuses_a_page_it_cannot_read_whole(tmp_path):
    from helpers import assert_one_line_error, run_cli
    page = tmp_path / "deep.html"
    page.write_bytes(_deep_items())
    assert_one_line_error(run_cli("extract", page), "deep.html", "nested deeper than 256 levels",
                          "close the elements left open")
    page.write_bytes(_deep_items(200))
    assert run_cli("extract", page).returncode == 0


# ---- RDFa: a <base> that is no URL ---------------------------------------------------------

def test_a_broken_base_under_syntax_rdfa_does_not_refuse_the_page():
    page = (b'<html><head><base href="http://[::1"><title>Storm</title></head><body>'
            b"<h1>Storm hits the coast</h1><p>Strong winds hit the coast on Sunday.</p></body></html>")
    for syntaxes in (["rdfa"], ["json-ld", "microdata", "rdfa"]):
        doc = newsld.extract(page, format="html", syntaxes=syntaxes)
        assert doc["@graph"][0]["articleBody"] == "Strong winds hit the coast on Sunday."
