"""Issue 10, "done when" (b), microdata: schema.org's microdata examples, read and validated as
pages, get no error unless the example is wrong by the vocabulary (known_wrong.json, with the
reason); see tests/validator/test_schemaorg_examples.py for the JSON-LD versions."""
from __future__ import annotations

import json

import pytest
from helpers import FIXTURES

from newsld.pages.page import validate_page

HERE = FIXTURES / "schemaorg"
EXAMPLES = json.loads((HERE / "examples-microdata.json").read_text(encoding="utf-8"))
KNOWN = json.loads((HERE / "known_wrong.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_no_error_unless_the_example_is_wrong(name):
    report = validate_page(EXAMPLES[name].encode("utf-8"), source=name)
    errors = sorted((i.code, i.path) for i in report.issues if i.severity == "error")
    assert errors == sorted((k["code"], k["path"]) for k in KNOWN.get(name, []) if k["syntax"] == "microdata")
