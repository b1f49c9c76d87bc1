"""A Time property (schema.org range Time: "a point in time recurring on multiple days", written
hh:mm[:ss][zone] as xsd:time) is told to take a time, not a date, and keeps the written offset."""
import pytest

from newsld.pages.page import validate_page
from newsld.validator import validate


def messages(prop, value, kind="OpeningHoursSpecification"):
    doc = {"@context": "https://schema.org", "@type": kind, prop: value}
    return [i.message for i in validate(doc).issues if i.code == "date-format"]


@pytest.mark.parametrize("value, fix", [
    ("9:00 +08:00", "09:00:00+08:00"),
    ("09:00:00 +0800", "09:00:00+08:00"),
    ("7:09 PM", "19:09:00"),
    ("9am", "09:00:00"),
    ("2019-11-19T09:00:00+08:00", "09:00:00+08:00"),
])
def test_a_time_property_is_offered_a_time_with_its_own_offset(value, fix):
    (msg,) = messages("opens", value)
    assert f"write it as {fix}" in msg
    assert "2019-11-19" not in msg.replace(value, "") and "+00:00" not in msg


def test_a_time_without_a_reading_is_offered_a_time_example():
    (msg,) = messages("opens", "morning")
    assert "09:00:00" in msg and "2019" not in msg


def test_doortime_datetime_or_time_gets_a_time_for_a_time_and_a_date_time_for_a_date():
    (t,) = messages("doorTime", "9:00 +08:00", "Event")
    assert "09:00:00+08:00" in t
    (d,) = messages("doorTime", "Nov 19, 2019 9:00 +08:00", "Event")
    assert "2019-11-19T09:00:00+08:00" in d


def test_microdata_time_text_fix_is_a_time_in_the_datetime_attribute():
    page = (b'<html><body><div itemscope itemtype="https://schema.org/OpeningHoursSpecification">'
            b'<time itemprop="opens">9:00 +08:00</time></div></body></html>')
    (msg,) = [i.message for i in validate_page(page).issues if i.code == "date-text"]
    assert 'datetime="09:00:00+08:00"' in msg and "2019-11-19" not in msg
