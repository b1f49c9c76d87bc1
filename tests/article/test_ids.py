"""Issue 11 point 4: without a URL the ids are local to the document (blank nodes), so RDF
consumers keep two URL-less articles apart; with a URL the ids stay <url>#article."""
import json

import pytest

import newsld

rdflib = pytest.importorskip("rdflib")

SCHEMA = "https://schema.org/"


def _graph(*docs):
    g = rdflib.Graph()
    for doc in docs:
        # the schema.org context, inlined: no network in tests
        doc = dict(doc, **{"@context": {"@vocab": SCHEMA}})
        g.parse(data=json.dumps(doc), format="json-ld")
    return g


def test_two_url_less_articles_stay_two_articles_in_one_graph():
    a = newsld.extract("First headline here\n\nBy Jane Doe\n\nBody one of the first article.")
    b = newsld.extract("Second headline here\n\nBy John Roe\n\nBody two of the second article.")
    g = _graph(a, b)
    articles = set(g.subjects(rdflib.RDF.type, rdflib.URIRef(SCHEMA + "NewsArticle")))
    assert len(articles) == 2
    for s in articles:
        assert len(list(g.objects(s, rdflib.URIRef(SCHEMA + "headline")))) == 1
        assert isinstance(s, rdflib.BNode)


def test_url_less_ids_are_blank_nodes_and_links_resolve():
    doc = newsld.extract("A headline here\n\nBy Jane Doe\n\nBody of the article.")
    ids = [n["@id"] for n in doc["@graph"]]
    assert all(i.startswith("_:") and i.endswith(("-article", "-publisher")) or "-author-" in i for i in ids)
    assert doc["@graph"][0]["author"][0]["@id"] in ids


def test_with_a_url_the_ids_are_stable_urls():
    doc = newsld.extract("A headline here\n\nBody of the article.", url="https://ex.com/a#top")
    assert doc["@graph"][0]["@id"] == "https://ex.com/a#article"


def test_date_modified_is_date_published_when_none_is_given():
    doc = newsld.extract("A headline here\n\nBody of the article.", date_published="2025-04-02T10:30:00+02:00")
    assert doc["@graph"][0]["dateModified"] == "2025-04-02T10:30:00+02:00"
    doc = newsld.extract("A headline here\n\nBody.", date_published="2025-04-02", date_modified="2025-04-03")
    assert doc["@graph"][0]["dateModified"] == "2025-04-03"
    assert "dateModified" not in newsld.extract("A headline here\n\nBody.")["@graph"][0]
