"""JSON-LD 1.1 (node objects, "Flattening"): node objects with the same @id describe ONE node;
a consumer merges their properties, so two headlines at one @id become one article with two
headlines. Two different descriptions at one @id are said."""
from newsld.validator import validate

URL = "https://news.example/storm.html#article"


def article(headline, **more):
    return {"@context": "https://schema.org", "@type": "NewsArticle", "@id": URL,
            "headline": headline, **more}


def dup(report):
    return [i for i in report.issues if i.code == "conflicting-id"]


def test_two_blocks_one_id_two_headlines_are_reported():
    (issue,) = dup(validate([article("Storm closes schools"), article("Storm: schools closed")]))
    assert issue.severity == "warning" and issue.path == "$[1]['@id']"
    assert URL in issue.message and "headline" in issue.message and "$[0]" in issue.message


def test_the_same_node_twice_or_a_node_and_its_references_are_fine():
    assert dup(validate([article("Storm"), article("Storm")])) == []
    assert dup(validate([article("Storm", author={"@id": "#jane"}),
                         {"@context": "https://schema.org", "@type": "Person", "@id": "#jane",
                          "name": "Jane"}, article("Storm")])) == []
    # more properties of the same node in another block: merging them is what @id is for
    assert dup(validate([article("Storm"), {"@context": "https://schema.org", "@id": URL,
                                            "datePublished": "2024-01-02"}])) == []
