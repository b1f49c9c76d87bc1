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
