"""The author-name check reports a "name" that names nobody: what an extractor lets through
(issue 12 point 1). The test it applies is locales.names.not_a_name, the one the HTML reader
drops such names with."""
import pytest

from newsld.validator import validate


def doc(name: str) -> dict:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A storm hits the coast",
            "datePublished": "2024-04-28T10:00:00+02:00", "image": "https://example.com/a.jpg",
            "author": {"@type": "Person", "name": name, "url": "https://example.com/staff/x"},
            "publisher": {"@type": "Organization", "name": "Example News"}}


@pytest.mark.parametrize("name, what", [
    ("Wednesday", "a weekday"), ("Malcolm Owen Monday", "a weekday"),
    ("November 18", "a date"), ("Danmark - 10. marts", "a date"),
    ("IGN StaffUpdated: 18 Nov", "a label and its value"), ("MDR THÜRINGEN Stand: 28. April", "a label and its value"),
    ("Biography", "interface text"), ("Afficher mon profil complet", "interface text"),
    ("Themen bearbeiten", "interface text"), ("Beitragvon r23 »", "interface text"),
    ("Por", "a byline word alone"),
    ("Robyn Beck/AFP/Getty Images", "a photo credit"), ("Photo: Jane Doe", "a photo credit"),
    ("Jos&#xE9", "an undecoded HTML entity"),
])
def test_not_a_name_is_reported(name, what):
    hits = [i for i in validate(doc(name), profile="google").issues if i.code == "author-name"]
    assert len(hits) == 1 and hits[0].severity == "warning" and f"({what})" in hits[0].message
    assert hits[0].path == "$.author.name"


@pytest.mark.parametrize("name", ["Jane Doe", "BR24 Redaktion", "June Smith", "Channel 4 News", "Ursula von der Leyen"])
def test_names_are_not_reported(name):
    assert not [i for i in validate(doc(name), profile="google").issues if i.code == "author-name"]
