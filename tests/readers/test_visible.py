"""readers.visible: the public view of what a page shows, shared by the reader and the page
checks (headline candidates, dates near the article, bylines, the visible text)."""
import datetime as dt

from newsld.readers.html_parse import parse
from newsld.readers.visible import PageView, written_day

PAGE = (b"<html><head><title>Storm closes schools | Daily</title><meta property='og:title' content='Meta only'>"
        b"</head><body><article><h1>Storm closes schools</h1><p class='byline'>By <a href='/author/jane-doe'>"
        b"Jane Doe</a></p><time datetime='2019-11-19T08:00:00Z'>November 19, 2019</time>"
        b"<p>Every school in the county is closed today after the storm.</p></article>"
        b"<footer><span class='date'>January 1, 2001</span></footer></body></html>")


def test_headline_candidates_are_h1_and_title_not_meta():
    view = PageView(parse(PAGE))
    assert view.h1s == ["Storm closes schools"]
    assert view.title == "Storm closes schools | Daily"
    assert "meta only" not in view.text()


def test_dates_near_the_article_only():
    days = PageView(parse(PAGE)).dates()
    assert {d for d, _, _ in days} == {dt.date(2019, 11, 19)}
    assert days[0][1] == "<time> 'November 19, 2019'"


def test_bylines():
    assert PageView(parse(PAGE)).bylines() == ["Jane Doe"]


def test_written_day():
    assert written_day("Posted 2018-08-16 at noon") == "2018-08-16"
    assert written_day("July 2, 2018") == "2018-07-02"
    assert written_day("no date here") is None
