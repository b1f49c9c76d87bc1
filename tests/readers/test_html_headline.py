"""HTML headline vote on small snippets shaped like real pages."""
from newsld.readers.html import read


def headline(html: str) -> str:
    return read(html.encode("utf-8"), source="t")[0].headline


BODY = ("<p>First paragraph of the article body, long enough to be the main text of the page.</p>"
        "<p>Second paragraph of the article body, also long enough to count as article text.</p>")


def test_meta_titles_with_a_kicker_before_the_h1_give_the_h1():
    # og/twitter/<title> say "Kicker: Headline", the page shows the headline alone
    html = ('<html><head><title>Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer - taz.de</title>'
            '<meta property="og:title" content="Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer">'
            '<meta name="twitter:title" content="Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer">'
            '</head><body><article><h4>Siemens und die Kohlemine Adani</h4>'
            f'<h1 itemprop="headline">Kaeser verarscht Neubauer</h1>{BODY}</article></body></html>')
    assert headline(html) == "Kaeser verarscht Neubauer"


def test_a_colon_inside_the_h1_is_kept():
    html = ('<html><head><title>Brexit: Nervenkrieg geht in nächste Runde | NZZ</title>'
            '<meta property="og:title" content="Brexit: Nervenkrieg geht in nächste Runde"></head>'
            f'<body><h1>Brexit: Nervenkrieg geht in nächste Runde</h1>{BODY}</body></html>')
    assert headline(html) == "Brexit: Nervenkrieg geht in nächste Runde"


def test_blog_name_in_the_h1_ends_the_title():
    # an old blog theme: <h1> is the blog's name, <title> is "Post : Blog | Tagline | ..."
    html = ('<html><head><title>Das vermutlich schwulste Musikvideo der Welt : Krimiblog-Archiv | '
            'Ermittlungen zum Verfall eines Genres | Gegründet 2005 | 6. Jahrgang</title></head><body>'
            '<div id="header"><h1 class="vcard author">Krimiblog-Archiv</h1></div>'
            f'<div class="post"><h2>Das vermutlich schwulste Musikvideo der Welt</h2>{BODY}</div></body></html>')
    assert headline(html) == "Das vermutlich schwulste Musikvideo der Welt"


def test_site_h1_after_a_spaced_colon_title_keeps_both_halves():
    html = ('<html><head><title>Deux ans et demi en Macronie : une condamnation, dix mises en examen - '
            'regards.fr</title></head><body><header><h1>regards.fr</h1></header>'
            f'<article>{BODY}</article></body></html>')
    assert headline(html) == "Deux ans et demi en Macronie : une condamnation, dix mises en examen"


def _kicker_page(og: str, title: str) -> str:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"headline": "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig"}</script>')
    return (f'<html><head><title>{title} - n-tv.de</title><meta property="og:title" content="{og}">'
            f'<meta name="twitter:title" content="{title}">{ld}</head><body>'
            '<nav><h1>Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig</h1></nav><article>'
            '<h2><span class="article__kicker">Neue Leipziger Schule</span>'
            '<span class="article__headline">Judy Lybke, ganz und gar nicht eigenartig</span></h2>'
            f'{BODY}</article></body></html>')


def test_heading_marked_up_as_kicker_and_headline_gives_the_headline_when_a_meta_title_says_it_alone():
    # every source but og:title says "Kicker: Headline"; the page's markup says which part is
    # the headline, and og:title agrees: the kicker is a topic label
    html = _kicker_page("Judy Lybke, ganz und gar nicht eigenartig",
                        "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig")
    assert headline(html) == "Judy Lybke, ganz und gar nicht eigenartig"


def test_kicker_is_kept_when_every_title_keeps_it():
    html = _kicker_page("Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig",
                        "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig")
    assert headline(html) == "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig"
