"""HTML date rules: the text-date pattern reads whole numbers (no "2018-08-16" as 2018-08-01),
European day-first and foreign-language dates."""
import pytest

import newsld
from newsld.readers.html_dates import _text_date, _url_dates, iso, url_date


def text_date(s):
    m = _text_date().search(s)
    return iso(m.group(0), text=True) if m else None


@pytest.mark.parametrize("text,expected", [
    ("2018-08-16", "2018-08-16"),
    ("Posted 2018-08-16T10:20", "2018-08-16T10:20:00"),
    ("2018/12/31", "2018-12-31"),
    ("2018.10.05", "2018-10-05"),
    ("16.08.2018", "2018-08-16"),
    ("31-12-2019", "2019-12-31"),
    ("9.3.2021", "2021-03-09"),
    ("March 5, 2019 at 3:05 pm", "2019-03-05T15:05:00"),
    ("5 de março de 2024 às 10:30", "2024-03-05T10:30:00"),
    ("12. März 2024 um 14:05 Uhr", "2024-03-12T14:05:00"),
    ("Publié le 1er mars 2024", "2024-03-01"),
    ("3 maggio 2024", "2024-05-03"),
    ("14 de febrero de 2023", "2023-02-14"),
])
def test_text_dates(text, expected):
    assert text_date(text) == expected


@pytest.mark.parametrize("text", ["2018-08-165", "120.08.2018", "2018-13-01", "March 5, 20195", "32.01.2020"])
def test_no_partial_numbers(text):
    m = _text_date().search(text)
    assert m is None or text_date(text) is None or not text_date(text).startswith(("2018-08-16", "2018-08-01"))


def test_url_dates_longest_first():
    assert url_date("https://x.example/2018/8/16/story/") == "2018-08-16"
    assert url_date("https://x.example/2018/12/31/story/") == "2018-12-31"
    assert _url_dates()[1].search("/2018/12/3/").groups() == ("2018", "12", "3")


def page(body, head=""):
    return f"<html><head><title>T</title>{head}</head><body><h1>A headline here</h1>{body}</body></html>".encode()


def published(data):
    doc = newsld.extract(data, format="html")
    return next(n.get("datePublished") for n in doc["@graph"] if n.get("@type") == "NewsArticle")


def test_date_element_with_iso_date_keeps_its_day():
    assert published(page('<div class="date">2018-08-16</div><p>Some text of the article body.</p>')) == "2018-08-16"


def test_german_date_element():
    assert published(page('<span class="datum">Veröffentlicht am 12. März 2024</span><p>Text des Artikels.</p>')) \
        == "2024-03-12"


def test_no_date_without_htmldate(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "htmldate", None)  # import fails: our own rules only
    doc = newsld.extract(page("<p>No date anywhere in this short article body.</p>"), format="html")
    assert "datePublished" not in doc["@graph"][0]


@pytest.mark.slow
def test_text_path_never_imports_htmldate():
    import subprocess
    import sys
    code = ("import sys, newsld; newsld.extract(b'Headline\\n\\nBody text here.', format='text'); "
            "print('htmldate' in sys.modules, 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip() == "False False"


def test_utc_meta_time_takes_the_publishers_day_from_a_zoneless_meta():
    head = ('<meta property="article:published_time" content="2023-11-09T03:28:35+00:00">'
            '<meta name="sailthru.date" content="2023-11-08 22:28:35">')
    assert published(page("<p>Some text of the article body.</p>", head)) == "2023-11-08T22:28:35-05:00"


def test_utc_meta_time_kept_when_the_zoneless_meta_is_not_the_same_minute():
    head = ('<meta property="article:published_time" content="2023-11-09T03:28:35+00:00">'
            '<meta name="sailthru.date" content="2023-11-08 22:17:35">')
    assert published(page("<p>Some text of the article body.</p>", head)) == "2023-11-09T03:28:35+00:00"


def test_dates_in_a_list_of_other_posts_are_not_the_articles():
    recent = ('<ul><li><a href="/a">Other post</a><span class="post-date">09/09/2019</span></li>'
              '<li><a href="/b">Another</a><span class="post-date">05/07/2019</span></li></ul>')
    assert published(page(recent + '<p>Body.</p><p class="date">27 septembre 2016</p>')) == "2016-09-27"
    times = ('<aside><ul><li><a href="/a">Other</a><time datetime="2019-07-30">30 juil. 2019</time></li>'
             '<li><a href="/b">Another</a><time datetime="2019-06-27">27 juin 2019</time></li></ul></aside>')
    assert published(page('<ul class="info"><li>27 juin 2019</li><li>Par X</li></ul><p>Body text.</p>' + times)) \
        == "2019-06-27"


def test_byline_list_with_one_date_is_kept():
    assert published(page('<ul class="meta"><li class="date">12 March 2024</li><li>By A. Writer</li></ul>'
                          '<p>Body text of the article.</p>')) == "2024-03-12"


def test_site_header_date_only_when_nothing_else():
    head = '<header><a class="logo"><span class="date-edition">lun. 5 août 2019</span></a></header>'
    body = '<div class="sub"><ul class="info"><li>27 juin 2019</li></ul></div><p>Body text.</p>'
    html = f"<html><head><title>T</title></head><body>{head}<h1>A headline here</h1>{body}</body></html>"
    assert published(html.encode()) == "2019-06-27"
    html = f"<html><head><title>T</title></head><body>{head}<h1>A headline here</h1><p>Body.</p></body></html>"
    assert published(html.encode()) == "2019-08-05"


@pytest.mark.parametrize("text,expected", [("Party, 30.10.23", "2023-10-30"), ("8.5.12", "2012-05-08"),
                                           ("am 8.5.12.", "2012-05-08")])
def test_two_digit_year_in_date_element(text, expected):
    # the century is the one that does not put the date after the page's latest full year
    body = f'<div class="date">{text}</div><p>Some text of the article body.</p><footer>\u00a9 2024</footer>'
    assert published(page(body)) == expected


def test_two_digit_year_needs_a_full_year_in_the_page():
    # no full year written anywhere: no century to read "12" in (today's date is no reference)
    assert published(page('<div class="date">8.5.12</div><p>Some text of the article body.</p>')) is None


@pytest.mark.parametrize("text", ["Version 1.2.34", "32.10.23", "1.13.23", "30.10.234"])
def test_two_digit_year_needs_a_day_and_month(text):
    from lxml import etree

    from newsld.readers.html_dates import _short_date
    el = etree.fromstring("<html><body><div>x</div><p>\u00a9 2024</p></body></html>").find(".//div")
    assert _short_date(text, el) is None


@pytest.mark.parametrize("text,expected", [
    # ordinals, day-month links and time connectors come from the locale files
    ("May 1st, 2020", "2020-05-01"),
    ("1st of May 2020", "2020-05-01"),
    ("5 de mayo de 2020 a las 10:30", "2020-05-05T10:30:00"),
    ("10 mei 2021 om 09:15", "2021-05-10T09:15:00"),
    ("3 maggio 2024 alle 18:30", "2024-05-03T18:30:00"),
    ("le 2 avril 2024 à 08:00", "2024-04-02T08:00:00"),
    ("2 April 2024 at 8:00 pm", "2024-04-02T20:00:00"),
])
def test_locale_words_in_text_dates(text, expected):
    assert text_date(text) == expected


def test_month_first_dates_take_english_ordinals_only():
    # "1er" is a French ordinal, written day first ("1er mai 2020"); month first it never was one
    assert text_date("1er mai 2020") == "2020-05-01"
    assert _text_date().search("mai 1er, 2020") is None
