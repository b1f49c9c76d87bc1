"""Tags from meta tags and rel=tag links of an HTML page."""
import time

from newsld.readers.html import read


def tags(head: str, body: str = "") -> list:
    page = (f"<html><head><title>T</title>{head}</head><body><h1>Headline</h1>"
            f"<p>First paragraph of the article body, long enough to be the main text.</p>{body}</body></html>")
    return read(page.encode("utf-8"), source="t")[0].tags


def test_keywords_are_split_and_deduplicated_ignoring_case():
    assert tags('<meta name="keywords" content="Climate, climate; Energy,  Wind ">') == ["Climate", "Energy", "Wind"]


def test_article_tags_win_over_keywords():
    assert tags('<meta property="article:tag" content="A"><meta property="article:tag" content="a">'
                '<meta name="keywords" content="x, y">') == ["A"]


def test_distinct_tags_are_deduplicated_in_linear_time():
    # each tag once rebuilt a set of every tag kept so far: 8,000 distinct keywords took
    # seconds. The bound is only a hang detector; at most 30 tags are kept.
    words = ", ".join(f"tag{i}" for i in range(8000))
    start = time.perf_counter()
    got = tags(f'<meta name="keywords" content="{words}">')
    assert time.perf_counter() - start < 2.0
    assert got == [f"tag{i}" for i in range(30)]
