"""Issue 11 points 1-3: zone abbreviations keep their instants (one table, no dateutil
warning), a time with no zone is given none, numeric dates follow the article's locale."""
import json
import warnings

import pytest
from helpers import cli

from newsld.locales.dates import to_iso
from newsld.readers.html import read as read_html


@pytest.mark.parametrize("written,iso", [
    ("May 4, 2025 10:30 PM EDT", "2025-05-04T22:30:00-04:00"),
    ("Jan 4, 2025 10:30 PM EST", "2025-01-04T22:30:00-05:00"),
    ("May 4, 2025 10:30 PM PDT", "2025-05-04T22:30:00-07:00"),
    ("Jan 4, 2025 10:30 PM PST", "2025-01-04T22:30:00-08:00"),
    ("4 Jan 2025 10:30 CET", "2025-01-04T10:30:00+01:00"),
    ("4 May 2025 10:30 CEST", "2025-05-04T10:30:00+02:00"),
    ("4 May 2025 10:30 BST", "2025-05-04T10:30:00+01:00"),
    ("4 May 2025 10:30 JST", "2025-05-04T10:30:00+09:00"),
    ("4 May 2025 10:30 AEST", "2025-05-04T10:30:00+10:00"),
])
def test_zone_abbreviations_keep_their_instant_without_a_warning(written, iso):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # dateutil's UnknownTimezoneWarning must not happen
        assert to_iso(written) == iso


def test_date_published_option_keeps_the_zone_and_stderr_is_clean(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("A headline for the test\n\nA body paragraph with some words.\n")
    r = cli("extract", "--no-validate", "--date-published", "May 4, 2025 10:30 PM EDT", str(art))
    assert json.loads(r.stdout)["@graph"][0]["datePublished"] == "2025-05-04T22:30:00-04:00"
    assert b"Warning" not in r.stderr and b"UnknownTimezone" not in r.stderr


@pytest.mark.parametrize("lang,iso,reading", [
    (None, "2025-05-04T10:30:00+05:30", "India"),
    ("en-IE", "2025-05-04T10:30:00+01:00", "Ireland"),
    ("he", "2025-05-04T10:30:00+02:00", "Israel"),
])
def test_an_ambiguous_zone_takes_the_locale_reading_and_says_so(lang, iso, reading):
    got = to_iso("May 4, 2025 10:30 IST", lang=lang)
    assert got == iso and f"read as {reading}" in got.note


def test_an_ambiguous_zone_is_a_warning_of_extract(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("A headline for the test\n\nA body paragraph with some words.\n")
    r = cli("extract", "--ndjson", "--date-published", "May 4, 2025 10:30 AM CST", str(art))
    issues = json.loads(r.stdout)["issues"]
    assert any(i["code"] == "date-zone" and "read as US Central" in i["message"] for i in issues)


PAGE = ('<html lang="en"><head><title>Big news</title>{head}</head><body><article><h1>Big news</h1>'
        '<p class="date">{date}</p><p>Body text of the article, long enough to be one.</p></article></body></html>')


def test_a_page_date_with_an_abbreviation_keeps_its_instant():
    a, _ = read_html(PAGE.format(head="", date="Nov. 19, 2019 5:09 p.m. EST").encode())
    assert a.date_published == "2019-11-19T17:09:00-05:00"


def test_a_page_time_with_no_zone_stays_zone_less_and_warns(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(PAGE.format(head="", date="Nov. 19, 2019 5:09 p.m."))
    rec = json.loads(cli("extract", "--ndjson", str(page)).stdout)
    assert rec["jsonld"]["@graph"][0]["datePublished"] == "2019-11-19T17:09:00"
    assert any(i["code"] == "date-zone" and "--timezone" in i["message"] for i in rec["issues"])
    rec = json.loads(cli("extract", "--ndjson", "--timezone", "-05:00", str(page)).stdout)
    assert rec["jsonld"]["@graph"][0]["datePublished"] == "2019-11-19T17:09:00-05:00"
    assert not any(i["code"] == "date-zone" for i in rec["issues"])


def test_a_page_time_takes_the_offset_the_page_states_elsewhere():
    head = '<meta property="article:modified_time" content="2019-11-20T10:00:00+01:00">'
    a, _ = read_html(PAGE.format(head=head, date="Nov. 19, 2019 5:09 p.m.").encode())
    assert a.date_published == "2019-11-19T17:09:00+01:00"


def test_a_text_time_with_no_zone_gets_none_unless_timezone(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("A headline for the test\n\nA body paragraph with some words.\n")
    r = cli("extract", "--no-validate", "--date-published", "May 4, 2025 10:30 PM", str(art))
    assert json.loads(r.stdout)["@graph"][0]["datePublished"] == "2025-05-04T22:30:00"
    r = cli("extract", "--no-validate", "--timezone", "Europe/Madrid", "--date-published", "May 4, 2025 10:30 PM", str(art))
    assert json.loads(r.stdout)["@graph"][0]["datePublished"] == "2025-05-04T22:30:00+02:00"


@pytest.mark.parametrize("lang,iso", [("es", "2025-05-04"), ("de", "2025-05-04"), ("fr", "2025-05-04"),
                                      ("en-GB", "2025-05-04"), ("en-US", "2025-04-05")])
@pytest.mark.parametrize("written", ["04.05.2025", "04/05/2025"])
def test_numeric_dates_follow_the_locale(written, lang, iso):
    assert to_iso(written, lang=lang) == iso


def test_iso_is_read_as_written_whatever_the_locale():
    assert to_iso("2025-04-05", lang="es") == to_iso("2025/04/05", lang="de") == "2025-04-05"


def test_numeric_dates_through_lang_and_front_matter(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Un titular para la prueba\n\nUn párrafo del cuerpo con algunas palabras.\n")
    r = cli("extract", "--no-validate", "--lang", "es", "--date-published", "04/05/2025", str(art))
    assert json.loads(r.stdout)["@graph"][0]["datePublished"] == "2025-05-04"
    md = tmp_path / "b.md"
    md.write_text("---\nlang: es\ndate: 04.05.2025\n---\n# Un titular\n\nUn párrafo del cuerpo.\n")
    r = cli("extract", "--no-validate", str(md))
    assert json.loads(r.stdout)["@graph"][0]["datePublished"] == "2025-05-04"


def test_a_german_page_reads_slashed_dates_day_first():
    page = PAGE.replace('lang="en"', 'lang="de"').format(head="", date="04/05/2025")
    a, _ = read_html(page.encode())
    assert a.date_published == "2025-05-04"
