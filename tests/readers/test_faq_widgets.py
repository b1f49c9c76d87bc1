"""FAQ widgets as CMSs, page builders and front-end frameworks emit them: one page per widget
family in tests/fixtures/faq_widgets (each says in a comment where its markup comes from), read
through the public API and compared with the FAQPage node in the .json beside it (null: the page
must give no FAQPage — accordions whose titles are not questions, related-question links, readers'
comments)."""
import json
import re

import pytest

import newsld
from helpers import FIXTURES

PAGES = sorted((FIXTURES / "faq_widgets").glob("*.html"))


def faq_page(path):
    doc = newsld.extract(path.read_bytes(), format="html")
    node = next((n for n in doc["@graph"] if n["@type"] == "FAQPage"), None)
    # a URL-less document's ids are blank nodes unique to it (_:<hash>-faq): compare the fragment
    return node and json.loads(re.sub(r'"_:[0-9a-f]{12}-', '"#', json.dumps(node)))


def test_every_family_has_a_page():
    names = {p.stem for p in PAGES}
    assert len([n for n in names if n.startswith("negative_")]) == 3
    assert len(names) >= 19


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_faq_widget_page(page):
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert faq_page(page) == expected
    if expected is not None:  # a golden is a page with an FAQ of at least two questions
        assert len(expected["mainEntity"]) >= 2
