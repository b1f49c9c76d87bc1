"""The HTML reader on small pages cut from real ones: the golden pages (tests/golden/html, whose
reviewed JSON-LD test_golden compares) and a few more in tests/fixtures/html."""

import pytest

import newsld
from newsld.errors import InputError
from newsld.readers.html import read
from helpers import FIXTURES, TESTS

FIX = FIXTURES / "html"
GOLDEN = TESTS / "golden" / "html"


def page(name: str):
    """A test page by file name: a golden page, else a fixture."""
    return GOLDEN / name if (GOLDEN / name).exists() else FIX / name


def article(name, **kw):
    return read(page(name).read_bytes(), source=name, **kw)[0]


def test_ap_byline_page():
    a = article("ap_byline.html")
    assert a.headline == "New SUVs and electric vehicles highlight L.A. Auto Show"
    assert [(p.name, p.kind, p.job_title) for p in a.authors] == [("Tom Krisher", "Person", "AP Auto Writer")]
    assert a.date_published == "2019-11-20T06:39:53+00:00"
    assert a.publisher.name == "Connecticut Post"
    assert a.url == "https://www.ctpost.com/news/us/article/New-SUVs-and-electric-vehicles-highlight-L-A-14848164.php"
    assert a.images == ["https://s.hdnux.com/photos/01/07/06/04/18637072/5/rawImage.jpg"]
    assert a.lang == "en"
    assert a.body[0].startswith("LOS ANGELES (AP) — New electric vehicles")
    assert len(a.body) == 3
    joined = " ".join(a.body)
    assert "Share on Facebook" not in joined and "Subscribe" not in joined and "Copyright" not in joined
    assert "By TOM KRISHER" not in joined


def test_microdata_only_page():
    a = article("microdata_only.html")
    assert a.headline == "How to Tie a Reef Knot"
    assert [p.name for p in a.authors] == ["John Doe"]
    assert a.date_published == "2019-11-19T08:00:00-05:00"
    assert a.publisher.name == "Knot News"
    assert any(n.get("@type") == "NewsArticle" and n.get("headline") == "How to Tie a Reef Knot" for n in a.declared)
    assert a.body[0].startswith("The reef knot, or square knot")


def test_yoast_graph_resolves_ids():
    a = article("yoast_graph.html")
    assert a.headline == "Sheila Atim: „The Woman King zeigt weibliche Stärke in all ihren Facetten“"
    assert [p.name for p in a.authors] == ["Celia Parbey"]
    assert a.date_published == "2022-10-06T20:18:03+00:00"
    assert a.publisher.name == "Rosa.Mag"
    assert a.publisher.logo.startswith("https://i2.wp.com/rosa-mag.de/")
    assert a.lang == "de-DE"
    assert a.section == "Kultur"
    assert a.declared and "@graph" in a.declared[0]


@pytest.mark.parametrize("name", ["cp1252_meta.html", "utf8_undeclared.html"])
def test_charsets(name):
    a = article(name)
    assert a.headline == "Según estudio, la contaminación afecta el desarrollo cognitivo de los niños"
    assert a.authors[0].name == "Agencia EFE" and a.authors[0].kind == "Organization"
    assert a.date_published == "2022-05-05T13:20:00-04:00"
    assert a.body[0].startswith("Un estudio publicado este jueves concluyó")
    assert a.lang == "es"


def test_utf8_bytes_declared_latin1_read_as_utf8():
    data = '<html><head><meta charset="iso-8859-1"><title>Año nuevo en Málaga</title></head><body><h1>Año nuevo en Málaga</h1><p>Texto del artículo con acentos: más, según, también.</p></body></html>'.encode("utf-8")
    a = read(data, source="x")[0]
    assert a.headline == "Año nuevo en Málaga"


def test_cms_fragment():
    a = article("fragment.html")
    assert a.headline == "Council approves new cycle lanes on Main Street"
    assert [p.name for p in a.authors] == ["Maria Lopez"]
    assert a.body[0].startswith("The city council voted 7-2")
    assert a.tags == ["Transport", "Council"]


def test_faq_heading_with_h3_questions():
    a = article("faq_heading_h3.html")
    assert [q.question for q in a.faq] == ["What is the price cap?", "Does the cap limit my total bill?"]
    assert a.faq[1].answer == ("No. It limits the price per unit of energy, so a household that uses more energy "
                               "will still pay more.\n\nYour total bill depends on how much gas and electricity you use.")
    assert [(p.name, p.job_title) for p in a.authors] == [("Jane Smith", "Consumer Affairs Correspondent"),
                                                          ("Raj Patel", "Consumer Affairs Correspondent")]


def test_faq_details_summary():
    a = article("faq_details.html")
    assert [q.question for q in a.faq] == ["Wie geht Cloud-Gaming?", "Welche Internetleitung brauche ich?"]
    assert a.faq[0].answer.startswith('Cloud-Gaming lässt sich mit einfachen Worten als "ferngesteuerter PC"')


def test_faq_dl():
    a = article("faq_dl.html")
    assert [(q.question, q.answer) for q in a.faq] == [
        ("Do I need to book a visit?", "No, you can walk in at any time during opening hours."),
        ("Can I return books at any branch?", "Yes, books can be returned at every branch, whichever branch you borrowed them from.")]


def test_faq_accordion():
    a = article("faq_accordion.html")
    assert [q.question for q in a.faq] == ["Wie wird die Höhe der fälligen Zinsen für meinen Privatkredit bestimmt?",
                                           "Kann sich die Zinshöhe während der Laufzeit ändern?"]
    assert a.faq[1].answer == "Bei einem Ratenkredit ist der Zinssatz in der Regel für die gesamte Laufzeit festgeschrieben."


def test_extract_builds_jsonld_with_faqpage():
    doc = newsld.extract(page("faq_heading_h3.html"), format="html")
    types = [n["@type"] for n in doc["@graph"]]
    assert "NewsArticle" in types and "FAQPage" in types


@pytest.mark.parametrize("data", [b"<html><body><div></div></body></html>", b"\x00\x01\x02\xff" * 50,
                                  b"<!DOCTYPE html><html><head></head></html>"])
def test_not_an_article_is_input_error(data):
    with pytest.raises(InputError):
        read(data, source="x")


def test_xxe_entities_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    data = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<html><head><title>Entity test page</title></head><body><h1>Entity test page</h1><p>&x; text here</p></body></html>').encode()
    a = read(data, source="x")[0]
    assert "TOPSECRET" not in " ".join(a.body) + a.headline


def test_garbage_never_raises_other_errors():
    import random
    rng = random.Random(7)
    base = page("ap_byline.html").read_bytes()
    for _ in range(30):
        i = rng.randrange(len(base))
        data = base[:i] + bytes(rng.randrange(256) for _ in range(20)) + base[i + 40:]
        try:
            read(data, source="x")
        except InputError:
            pass


RDFA = ('<html><head><title>Bridge reopens</title>{base}</head><body vocab="http://schema.org/" '
        'typeof="NewsArticle"><h1 property="headline">Bridge reopens</h1><p property="articleBody">The '
        'river bridge reopened on Monday after a year of repairs, the city said.</p></body></html>')


def test_rdfa_is_read_when_asked_for():
    # extruct's RDFa extractor raised on newsld's tree, and the syntax was dropped without a word
    art = read(RDFA.format(base="").encode(), source="p.html", syntaxes=("rdfa",))[0]
    assert any("NewsArticle" in str(n.get("@type")) for n in art.declared)
    assert art.notes == []


def test_a_syntax_that_fails_to_read_is_said_and_the_page_is_still_read():
    page = RDFA.format(base='<base href="http://[::1">').encode()
    art = read(page, source="p.html", syntaxes=("json-ld", "rdfa"))[0]
    assert art.headline == "Bridge reopens"
    [(code, message)] = art.notes
    assert code == "input" and message.startswith("rdfa markup could not be read")
