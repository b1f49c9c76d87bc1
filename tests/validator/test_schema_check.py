"""The compiled checks (schema_check) agree with jsonschema, and a valid document is
validated without importing jsonschema."""
import subprocess
import sys

import pytest

from newsld.validator import schemas
from newsld.validator.schema_check import UnsupportedSchemaError, compile_check
from helpers import ROOT

TYPES = [None, frozenset({"NewsArticle"}), frozenset({"Person"}), frozenset({"Organization"}),
         frozenset({"ImageObject"}), frozenset({"FAQPage"}), frozenset({"Question"}),
         frozenset({"NewsArticle", "WebPage"})]

NODES = [
    {"@type": "NewsArticle", "headline": "x", "author": [{"name": "y"}]},
    {"@type": "NewsArticle", "headline": 5},
    {"@type": "NewsArticle", "headlin": "x"},
    {"headline": "", "datePublished": "2020-02-30"},
    {"datePublished": "2020-02-29T10:00:00+01:00", "dateModified": "2020-13-01"},
    {"url": "https://example.com/a", "image": ["https://example.com/i.jpg", ""]},
    {"url": "http:/x", "sameAs": "not a url with spaces"},
    {"wordCount": 12, "pageStart": 1.0, "copyrightYear": True},
    {"wordCount": "12", "isAccessibleForFree": "False", "position": 1.5},
    {"author": [], "keywords": ["a", "b"], "about": {"@id": "#x"}},
    {"name": {"@value": "x"}, "description": {"@language": "en"}},
    {"@id": 5, "@type": ["NewsArticle", 3], "ex:custom": {"a": 1}, "@reverse": {}},
    {"name": "  ", "alternateName": ["ok", " "]},
    {"headline": None, "articleBody": ["x", None]},
    "not an object", ["a list"], 3, None,
]


@pytest.mark.parametrize("types", TYPES, ids=lambda t: "+".join(sorted(t)) if t else "untyped")
def test_compiled_check_agrees_with_jsonschema(types):
    validator = schemas.validator_for(types)
    assert validator.valid is not None
    plain = schemas.validator_for.__wrapped__(types)  # a fresh one, checked by jsonschema alone
    plain.valid = None
    for node in NODES:
        assert validator.valid(node) == (not list(plain.iter_errors(node))), node


def test_unknown_keyword_leaves_the_answer_to_jsonschema():
    assert compile_check({"type": "string", "maxLength": 3}, {}) is None
    assert compile_check({"type": "strin"}, {}) is None
    lazy = compile_check({"properties": {"a": {"const": 1}}}, {})  # compiled on first use
    assert lazy is not None and lazy({"b": 2})
    with pytest.raises(UnsupportedSchemaError):
        lazy({"a": 1})


@pytest.mark.slow
def test_valid_document_does_not_import_jsonschema():
    code = ("import sys, newsld; r = newsld.validate({'@context': 'https://schema.org', '@type': 'NewsArticle',"
            " 'headline': 'x', 'datePublished': '2020-01-02', 'url': 'https://example.com/a'});"
            " print(r.valid, 'jsonschema' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["True", "False"], out.stderr
