"""schema.org additionalType: "An additional type for the item, typically used for adding more
specific types from external vocabularies in microdata syntax" - an extra rdf:type. An item with
additionalType Event may carry Event's properties."""
import pytest

from newsld.pages.page import validate_page
from newsld.validator import validate


@pytest.mark.parametrize("extra", ["https://schema.org/Event", "http://schema.org/Event",
                                   ["https://example.com/x", "https://schema.org/Event"]])
def test_additional_type_adds_its_properties(extra):
    doc = {"@context": "https://schema.org", "@type": "Product", "name": "Tour",
           "additionalType": extra, "startDate": "2024-05-01", "location": "Paris"}
    assert [i for i in validate(doc).issues if i.code == "unknown-property"] == []


def test_a_property_of_neither_type_is_still_reported():
    doc = {"@context": "https://schema.org", "@type": "Product", "name": "Tour",
           "additionalType": "https://schema.org/Event", "headline": "x"}
    got = [i for i in validate(doc).issues if i.code == "unknown-property"]
    assert [i.path for i in got] == ["$.headline"]


def test_additional_type_in_microdata():
    page = (b'<html><body><div itemscope itemtype="https://schema.org/Product">'
            b'<link itemprop="additionalType" href="https://schema.org/Event">'
            b'<span itemprop="name">Tour</span><meta itemprop="startDate" content="2024-05-01">'
            b'</div></body></html>')
    assert [i for i in validate_page(page).issues if i.code == "unknown-property"] == []
