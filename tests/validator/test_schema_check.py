"""The compiled checks (schema_check) agree with jsonschema, and a valid document is
validated without importing jsonschema."""
import subprocess
import sys

import pytest

from newsld.validator import schemas
from newsld.validator.schema_check import UnsupportedSchemaError, compile_check
from newsld.validator.schema_explain import explain
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


def _error(e, inline=False):
    # what schema_errors reads of an error (the subschema as jsonschema sees it: refs inlined)
    schema = schemas._inline_refs(e.schema) if inline else e.schema
    return (e.validator, list(e.absolute_path), repr(e.instance), schema, e.message)


@pytest.mark.parametrize("types", TYPES, ids=lambda t: "+".join(sorted(t)) if t else "untyped")
def test_explained_errors_are_jsonschemas(types):
    validator = schemas.validator_for(types)
    failing = 0
    for node in NODES + [_subclassed(n) for n in NODES] + [
            {"headline": "x", "undefinedTerm": 1, "other": [], "ex:ok": 2, "@foo": 3},
            {"image": [{"url": 3}, "", None, ["nested"]], "url": ["https://example.com/", "http:/x"]}]:
        if validator.valid(node):
            continue
        failing += 1
        mine = [_error(e, inline=True) for e in explain(validator.schema, node, schemas.FORMATS)]
        assert mine == [_error(e) for e in validator.jsonschema_errors(node)], node
        assert [_error(e, inline=True) for e in validator.iter_errors(node)] == mine
    assert failing >= 10


def test_explanation_of_a_keyword_it_does_not_handle_is_left_to_jsonschema():
    schema = {"type": "object", "properties": {"b": {"type": "string"}, "a": {"maxLength": 2}}}
    node = {"b": 5, "a": "abc"}
    with pytest.raises(UnsupportedSchemaError):
        explain(schema, node, {})
    validator = schemas.NodeValidator(schema)
    assert validator.valid is not None  # "a" is compiled at its first use
    assert [e.message for e in validator.iter_errors(node)] == \
        ["5 is not of type 'string'", "'abc' is too long"]  # the check fails at "b": jsonschema


class Text(str):
    """A str subclass, as the validator's VisibleText is."""


class Node(dict):
    """A dict subclass, as the validator's View is."""


def _subclassed(value):
    if isinstance(value, dict):
        return Node((k, _subclassed(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_subclassed(v) for v in value]
    return Text(value) if isinstance(value, str) else value


@pytest.mark.parametrize("types", TYPES[:3], ids=lambda t: "+".join(sorted(t)) if t else "untyped")
def test_subclasses_of_str_and_dict_are_judged_as_str_and_dict(types):
    # the compiled check dispatches on the exact type first: a subclass takes the slower path
    validator = schemas.validator_for(types)
    for node in NODES:
        assert validator.valid(_subclassed(node)) == validator.valid(node), node


def test_definitions_are_compiled_at_their_first_use():
    schema = {"type": "object",
              "properties": {"a": {"$ref": "#/$defs/Text"}, "b": {"$ref": "#/$defs/Odd"},
                             "c": {"$ref": "#/$defs/Text"}},
              "$defs": {"Text": {"type": "string", "minLength": 1}, "Odd": {"const": 1}}}
    check = compile_check(schema, {})
    assert check is not None  # "Odd" (a keyword it does not know) is not compiled yet
    assert check({"a": "x", "c": "y"}) and not check({"a": "", "c": "y"}) and not check({"c": 3})
    with pytest.raises(UnsupportedSchemaError):
        check({"b": 1})


@pytest.mark.parametrize("schema", [
    {"$ref": "#/$defs/Missing", "$defs": {}},
    {"$ref": "#/$defs/A", "type": "string", "$defs": {"A": {"type": "string"}}},  # a sibling
    {"$ref": "other.json#/x"},
    {"$ref": "#/$defs/Loop", "$defs": {"Loop": {"$ref": "#/$defs/Loop"}}},
])
def test_references_it_does_not_resolve_leave_the_answer_to_jsonschema(schema):
    assert compile_check(schema, {}) is None


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


def test_a_format_answer_is_remembered_exactly(monkeypatch):
    # the compiled check remembers a format's answer per string (schema_check._format): the
    # answer stays the format test's, also once the memo is full and starts over
    from newsld.validator import schema_check
    monkeypatch.setattr(schema_check, "MEMO_LIMIT", 3)
    monkeypatch.setattr(schema_check, "_FORMAT_MEMOS", {})
    check = compile_check({"type": "string", "format": "date"}, schemas.FORMATS)
    values = ["2020-02-29", "2020-02-30", "2021-02-29", " 2020-01-01 ", "x", "2020-02-29"] * 3
    assert [check(v) for v in values] == [schemas.is_iso_datetime(v) for v in values]
    assert len(schema_check._FORMAT_MEMOS[schemas.is_iso_datetime]) <= 3


@pytest.mark.parametrize("value", ["a", "", {"@value": "x"}, {"@id": "y"}, {"z": 1}, [], 3, None])
def test_any_of_whose_first_branch_takes_every_value_of_a_kind(value):
    # _any_of leaves out the check of a kind whose first branch accepts all its values
    from newsld.validator import schemas as s
    schema = {"anyOf": [{"required": ["@value"]}, {"required": ["@id"]}], "minLength": 1}
    plain = s.NodeValidator(schema)
    plain.valid = None
    assert compile_check(schema, s.FORMATS)(value) == (not list(plain.iter_errors(value)))
