"""Issue 10, "done when" (b): schema.org's own examples get no error unless the example itself
is wrong by the vocabulary; each such case is listed with its reason in
tests/fixtures/schemaorg/known_wrong.json (which this test and tests/pages' read).

The examples (JSON-LD, and the microdata versions in tests/pages/test_schemaorg_examples.py)
are cut from the corpus's schemaorg/examples into tests/fixtures/schemaorg/ (CC BY-SA 3.0)."""
from __future__ import annotations

import json

import pytest
from helpers import FIXTURES

from newsld.validator import validate

HERE = FIXTURES / "schemaorg"
EXAMPLES = json.loads((HERE / "examples-jsonld.json").read_text(encoding="utf-8"))
KNOWN = json.loads((HERE / "known_wrong.json").read_text(encoding="utf-8"))


def known(name: str, syntax: str) -> list:
    return sorted((k["code"], k["path"]) for k in KNOWN.get(name, []) if k["syntax"] == syntax)


def test_the_examples_are_there():
    assert len(EXAMPLES) > 250
    assert all(k["reason"].strip() for ks in KNOWN.values() for k in ks)
    assert set(KNOWN) <= set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_no_error_unless_the_example_is_wrong(name):
    errors = sorted((i.code, i.path) for i in validate(EXAMPLES[name]).issues if i.severity == "error")
    assert errors == known(name, "json-ld")
