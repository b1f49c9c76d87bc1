"""HTML author rules on small snippets shaped like real pages (the byline markup is kept, the
article text cut)."""
import pytest

from newsld import locales as locale
from newsld.readers.html import read


def authors(html: str) -> list:
    a = read(html.encode("utf-8"), source="t")[0]
    return [(p.name, p.kind) for p in a.authors]


PAGE = ("<html><head><title>{title}</title>{head}</head><body>{body}"
        "<p>First paragraph of the article body, long enough to be the main text of the page.</p>"
        "<p>Second paragraph of the article body, also long enough to count as article text.</p>"
        "{tail}</body></html>")


def page(body="", head="", tail="", title="The Future of Banking Is You're Broke | WIRED"):
    return PAGE.format(title=title, head=head, body=body, tail=tail)


@pytest.mark.parametrize("href,slug", [
    ("/author/jane-doe/", "jane-doe"),
    ("https://example.com/contributor/molly-wood", "molly-wood"),
    ("https://example.com/author/jose-altoveros.html", "jose-altoveros"),
    ("/byline/news-nation-bureau", "news-nation-bureau"),
    ("/profil/es_detail/A7M7AUXCTH/nikolai-huke?cHash=9a67", "nikolai-huke"),
    ("/autor/juan-perez#top", "juan-perez"),
    ("/author/jdoe/", None),          # an author page, but no name in its URL
    ("/author/jane-doe/page/2/", None),
])
def test_author_url_slug(href, slug):
    from newsld.readers.html_authors import _author_href
    m = _author_href(href)
    assert m and m.group("slug") == slug


def test_not_an_author_url():
    assert locale.load().author_url.search("/news/2020/story-about-authors") is None


def test_contributor_link_in_byline_beats_company_meta_author():
    # Condé Nast pages: meta author is the company, the byline links to /contributor/<slug>
    html = page(head='<meta name="author" content="Condé Nast"><meta property="og:site_name" content="Wired">',
                body='<h1>The Future of Banking Is You\'re Broke</h1><div class="bylines"><div class="byline">'
                     '<a class="byline__name-link" href="/contributor/molly-wood">Molly Woo<span>d</span></a>'
                     '</div></div>')
    assert authors(html) == [("Molly Wood", "Person")]


def test_author_link_whose_slug_names_someone_else_is_a_label():
    # WordPress author box: "Alle Artikel" links to /author/frank-hahn/; the name is in "Von Frank Hahn"
    html = page(body="<h1>Unstillbares Heimweh</h1>",
                tail='<div class="author-profile"><div class="author-profile-info">'
                     '<h3 class="author-profile-title">Von Frank Hahn</h3>\n'
                     '<p>Freier Autor in Berlin und Vorsitzender des Vereins Spree-Athen e.V., der regelmäßig '
                     'ins Literaturhaus Berlin zu Lesungen einlädt.</p>\n<div class="author-profile-links"><a href="https://tell-review.de/author/frank-hahn/">'
                     'Alle Artikel</a></div></div></div>')
    assert authors(html) == [("Frank Hahn", "Person")]


def test_author_page_link_after_the_headline_names_the_author():
    # no byline class, no meta author: the link whose text is the name its URL slug spells
    html = page(title="Lexus wants you to go topless - Auto News",
                head='<meta property="og:site_name" content="AutoIndustriya.com">',
                body='<nav><a href="/author/site-editor/">Site Editor</a></nav>'
                     '<h1>Lexus wants you to go topless with 2020 LC500 Convertible</h1>'
                     '<div class="large-9"><h4><a class="name" href="https://x.example/author/jose-altoveros.html">'
                     'Jose Altoveros</a><a href="https://x.example/author/jose-altoveros.html">View More Articles</a>'
                     '</h4></div>',
                tail='<ul><li><a href="/story-2">Story 2</a> <a href="/author/ana-cruz">Ana Cruz</a></li></ul>')
    assert authors(html) == [("Jose Altoveros", "Person")]


def test_author_page_links_side_by_side_are_all_authors():
    html = page(title="Fact check | News Nation",
                body='<h1>Fact check: an oxygen bar in Delhi</h1><span>New Delhi, '
                     '<a href="/byline/asha-rao">Asha Rao</a> and <a href="/byline/news-nation-bureau">'
                     'News Nation Bureau</a> | Updated: 19 November 2019</span>')
    assert [name for name, _ in authors(html)] == ["Asha Rao", "News Nation Bureau"]


def test_byline_name_ends_where_a_bar_segment_starts():
    html = page(title="¿Buses de la Alcaldía al servicio de Petro?",
                body='<h1>¿Buses de la Alcaldía al servicio de Petro?</h1>'
                     '<div class="autor">Jacobo Betancur Peláez | Publicado hace 3 horas</div>')
    assert authors(html) == [("Jacobo Betancur Peláez", "Person")]


def test_a_time_after_a_comma_is_not_a_name():
    html = page(title="Elektromobilität, der neue Trend",
                body="<h1>Elektromobilität, der neue Trend</h1>"
                     "<p>Von Christian Weber am 03.05.2013, 11:51 | 0 Meinungen | Energie sparen</p>")
    assert [name for name, _ in authors(html)] == ["Christian Weber"]


def test_meta_author_that_is_the_site_domain_gives_way_to_the_byline():
    # "El Colombiano" is the site "www.elcolombiano.com" written with a space: a placeholder
    html = page(title="¿Buses de la Alcaldía al servicio de Petro?",
                head='<meta name="author" content="El Colombiano">'
                     '<meta property="og:site_name" content="www.elcolombiano.com">',
                body='<h1>¿Buses de la Alcaldía al servicio de Petro?</h1>'
                     '<div class="autor">Jacobo Betancur Peláez | Publicado hace 3 horas</div>')
    assert authors(html) == [("Jacobo Betancur Peláez", "Person")]


def test_german_vom_byline_beats_a_bare_author_classed_heading():
    html = page(title="Das vermutlich schwulste Musikvideo der Welt : Krimiblog-Archiv | Gegründet 2005",
                body='<div id="header"><h1 class="vcard author">Krimiblog-Archiv</h1></div>'
                     '<h2>Das vermutlich schwulste Musikvideo der Welt</h2>'
                     '<h4 class="vcard author">vom Krimiblogger</h4>')
    assert [name for name, _ in authors(html)] == ["Krimiblogger"]


def test_a_date_after_a_byline_word_is_not_a_name():
    html = page(title="Neue Regeln | Beispiel",
                body='<h1>Neue Regeln</h1><div class="author">Artikel vom 12. März 2020</div>'
                     '<div class="author">Anna Schmidt</div>')
    assert authors(html) == [("Anna Schmidt", "Person")]


def test_site_name_from_the_feed_link_is_the_author_when_no_byline():
    # WordPress: no og:site_name, but "<site> » Feed" and "<title>… – <site>"
    html = page(title="Michigan Officials: 6th Fatality Linked To EEE Reported – CBS Detroit",
                head='<link rel="alternate" type="application/rss+xml" title="CBS Detroit &raquo; Feed" '
                     'href="https://detroit.cbslocal.com/feed/">',
                body="<h1>Michigan Officials: 6th Fatality Linked To EEE Reported</h1>")
    a = read(html.encode("utf-8"), source="t")[0]
    assert a.publisher.name == "CBS Detroit"
    assert [(p.name, p.kind) for p in a.authors] == [("CBS Detroit", "Organization")]
    assert a.headline == "Michigan Officials: 6th Fatality Linked To EEE Reported"


def test_feed_title_not_in_the_page_title_is_not_the_site():
    html = page(title="Michigan Officials: 6th Fatality Linked To EEE Reported",
                head='<link rel="alternate" type="application/rss+xml" title="Comments on this story » Feed">',
                body="<h1>Michigan Officials: 6th Fatality Linked To EEE Reported</h1>")
    assert read(html.encode("utf-8"), source="t")[0].publisher is None


# ---- names that name nobody (issue 12 point 1): dropped, whatever rule found them ----

@pytest.mark.parametrize("name", [
    "( Image: Getty Images/Cultura RF)",          # a photo credit in the declared author list
    "Robyn Beck/AFP/Getty Images",
    "Malcolm Owen Monday",                        # a weekday
    "November 18",                                # a date
    "MDR THÜRINGEN Stand: 28. April",             # a dateline
    "Danmark - 10. marts",
    "Afficher mon profil complet",                # interface text
    "Themen bearbeiten",
    "Biography",
    "Por",                                        # a byline word alone
])
def test_declared_junk_author_is_dropped(name):
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline here",'
          f' "author": [{{"@type": "Person", "name": "{name}"}}, {{"@type": "Person", "name": "Emma Mackenzie"}}]}}'
          '</script>')
    assert authors(page(head=ld)) == [("Emma Mackenzie", "Person")]


@pytest.mark.parametrize("name", ["BR24 Redaktion", "Channel 4 News", "June Smith", "dpa/lno", "Jun Li"])
def test_names_with_numbers_or_month_like_words_are_kept(name):
    from newsld.locales.names import not_a_name
    assert not_a_name(name) is None


def test_entity_in_a_declared_name_is_one_name():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline here",'
          ' "author": "Jos&#xE9; Volta Pinto"}</script>')
    assert authors(page(head=ld)) == [("José Volta Pinto", "Person")]


def test_dateline_agency_is_the_author_when_no_byline_names_anybody():
    body = ("<article><h1>Verhärtete Fronten nach Tumulten</h1>"
            "<p>Bernd Lucke verlässt den Hörsaal der Universität Hamburg. Foto: Christian Charisius</p>"
            "<p>Hamburg (dpa/lno) – Trotz eines Gespräches zwischen Lucke und dem AStA bleiben die Fronten"
            " verhärtet, sagte Lucke am Samstag.</p></article>")
    site = '<meta property="og:site_name" content="SAT.1 REGIONAL">'
    assert authors(page(body=body, head=site, title="Verhärtete Fronten")) == [("dpa/lno", "Organization")]


def test_a_byline_wins_over_the_dateline_agency():
    body = ('<article><h1>Storm hits the coast</h1><p class="byline">By Jane Doe</p>'
            "<p>WASHINGTON (AP) — A storm hit the coast on Tuesday, officials said in a statement.</p></article>")
    assert authors(page(body=body, title="Storm hits the coast")) == [("Jane Doe", "Person")]


def test_news_team_page_link_after_the_headline():
    body = ('<div><div><h1>Salon chain bans men</h1></div><div><span>By</span>'
            '<a href="https://abc13.com/about/newsteam/alex-bozarjian">Alex Bozarjian</a></div></div>')
    site = '<meta property="og:site_name" content="ABC13 Houston">'
    assert authors(page(body=body, head=site, title="Salon chain bans men")) == [("Alex Bozarjian", "Person")]


@pytest.mark.parametrize("line, name", [
    ("By Nathan Willis March 25, 2015", "Nathan Willis"),   # an English month and a day end the name
    ("By Joe Wee Monday, February 29, 2016", "Joe Wee"),    # so does a weekday
])
def test_byline_name_ends_at_a_weekday_or_a_dated_month(line, name):
    assert authors(page(body=f'<div class="byline">{line}</div>')) == [(name, "Person")]


def test_byline_elements_work_out_the_ranking_once_per_main_block():
    from newsld.readers.html_authors import byline_elements
    from newsld.readers.html_parse import parse
    from newsld.readers.html_scan import scan, text_cache
    root = parse(b"<html><body><div class='byline'>By Sidebar Person</div><article>"
                 b"<div class='byline'>By Jane Doe</div><p>Text of the story.</p></article></body></html>")
    sc = scan(root)
    main = root.find(".//article")
    with text_cache():
        first = byline_elements(sc, None, strong=True)
        assert [p.name for p in first] == ["Sidebar Person"]  # no main block: page order
        assert byline_elements(sc, None) is first  # the later rule gets the same answer, not a new reading
        assert [p.name for p in byline_elements(sc, main)] == ["Jane Doe"]  # another block: ranked again


def test_names_from_gives_new_agents_for_a_text_read_before():
    """_names_from caches what a text names; the Agents are new on every call (the rules go
    on to change their names), with the job title and affiliation parse_people found."""
    from newsld.readers.html_authors import _names_from
    first = _names_from("By Jane Doe, Staff Writer, and  John Roe")
    first[0].name = "changed"
    again = _names_from("By Jane Doe, Staff Writer, and John Roe")
    assert [(p.name, p.kind, p.job_title) for p in again] == [("Jane Doe", "Person", "Staff Writer"),
                                                            ("John Roe", "Person", None)]
    assert all(a is not b for a, b in zip(first, again))
