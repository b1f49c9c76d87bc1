"""@context as JSON-LD 1.1 reads it (issue 10 point 4). Each case quotes the spec text it
follows (https://www.w3.org/TR/json-ld11/); the validator reads contexts with a tested subset
(newsld/validator/context.py says why not pyld at run time), and where pyld is installed each
case is also expanded by pyld, offline, to check the subset reads the terms as a JSON-LD
processor does."""
from __future__ import annotations

import json

import pytest
from helpers import CORPUS, FIXTURES

from newsld.validator import validate
from newsld.validator.context import SCHEMA_ORG_ALIASES, Context

SCHEMA_CONTEXT = FIXTURES / "schemaorg" / "context.jsonld"


def issues(doc, code=None):
    return [(i.severity, i.code, i.path) for i in validate(doc).issues if code in (None, i.code)]


# -- keyword aliases ---------------------------------------------------------------------------
# JSON-LD 1.1, 4.1.4 Aliasing Keywords: "Each of the JSON-LD keywords, except for @context, may
# be aliased to application-specific keywords." schema.org's context: "type": "@type", "id": "@id".
def test_type_alias_makes_the_node_typed_and_its_typos_found():
    doc = {"@context": "https://schema.org", "type": "NewsArticle", "headline": "h", "hedline": "x"}
    found = issues(doc)
    assert ("error", "unknown-property", "$.hedline") in found
    assert not [f for f in found if f[1] == "missing-property"]  # typed: no "node has no @type"


def test_type_alias_value_is_checked_as_a_type_at_the_written_path():
    doc = {"@context": "https://schema.org", "type": "NewsArticel", "headline": "h"}
    assert issues(doc) == [("error", "unknown-type", "$.type")]


def test_id_alias_is_no_error_and_defines_the_node():
    doc = {"@context": "https://schema.org", "@graph": [
        {"type": "NewsArticle", "id": "#a", "headline": "h", "author": {"id": "#p"}},
        {"type": "Person", "id": "#p", "name": "P"}]}
    assert issues(doc) == []


def test_aliases_come_from_the_context_not_from_the_words():
    # JSON-LD without a context: "type" is no keyword (newsld reads the node as schema.org and
    # warns about the missing @context; "type" is then not a property of schema.org)
    found = issues({"type": "NewsArticle", "headline": "h"})
    assert ("warning", "missing-property", "$") in found
    # an author's own alias: "a": "@type"
    assert issues({"@context": ["https://schema.org", {"a": "@type"}], "a": "Person", "name": "x"}) == []


# -- contexts of other vocabularies -------------------------------------------------------------
# 4.1.2 Default Vocabulary: "@vocab ... the prefix to be used for all properties and types that
# ... do not otherwise match a term". A term of another vocabulary is not a schema.org property.
def test_another_vocab_is_not_validated_as_schema_org():
    doc = {"@context": {"@vocab": "http://example.com/"}, "@type": "Foo", "bar": 1}
    found = issues(doc)
    assert not [f for f in found if f[0] == "error"]
    assert ("info", "not-schema-org", "$['@type']") in found
    assert ("info", "not-schema-org", "$.bar") in found


def test_a_remote_context_newsld_does_not_load_gives_notes_not_errors():
    doc = {"@context": "http://example.com/", "@type": "Foo", "bar": 1}
    found = issues(doc)
    assert [f[0] for f in found] and {f[0] for f in found} == {"info"}
    assert {f[1] for f in found} == {"not-schema-org"}


# 4.1 Advanced Context Usage: "the active context is the accumulation of the contexts in an
# array, in order". W3C credentials beside schema.org: its terms are the credentials
# context's; schema.org's terms (defined by schema.org's context, after it) stay schema.org's.
def test_credentials_context_beside_schema_org():
    doc = {"@context": ["https://www.w3.org/2018/credentials/v1", "https://schema.org"],
           "type": ["VerifiableCredential"], "issuer": "did:example:1",
           "credentialSubject": {"id": "did:example:2", "type": "Person", "name": "N", "nme": "x"},
           "name": 5}
    found = issues(doc)
    errors = [f for f in found if f[0] == "error"]
    assert errors == [("error", "wrong-type", "$.name")]  # a schema.org term is still checked
    notes = {f[2] for f in found if f[1] == "not-schema-org"}
    assert {"$.type[0]", "$.issuer", "$.credentialSubject", "$.credentialSubject.nme"} <= notes


def test_term_mapped_to_another_iri_and_a_prefixed_key():
    ctx = ["https://schema.org", {"ex": "http://example.com/ns#", "mine": "ex:mine"}]
    found = issues({"@context": ctx, "@type": "Person", "name": "x", "mine": 1, "ex:other": 2})
    assert found == [("info", "not-schema-org", "$.mine")]  # ex:other names its vocabulary


def test_term_defined_as_a_schema_org_iri_is_checked_as_that_property():
    doc = {"@context": {"@vocab": "http://schema.org/", "titel": "http://schema.org/headline"},
           "@type": "Article", "titel": 5}
    assert issues(doc) == [("error", "wrong-type", "$.titel")]


def test_null_context_resets():
    # 4.1.1 "an active context can be reset by setting @context to null"
    doc = {"@context": "https://schema.org", "@type": "Person", "name": "x",
           "knows": {"@context": None, "name": "y"}}
    assert issues(doc) == [("info", "not-schema-org", "$.knows.name")]


# -- value objects and language maps ------------------------------------------------------------
# 4.2.1 Typed Values / 4.2.4 String Internationalization: a value object
# {"@value": ..., "@type": ...} or {"@value": ..., "@language": ...} is a value, not a node.
@pytest.mark.parametrize("value", [{"@value": "Nachrichten", "@language": "de"},
                                   {"@value": "News", "@language": "en", "@direction": "ltr"}])
def test_language_tagged_value_is_text(value):
    assert issues({"@context": "https://schema.org", "@type": "NewsArticle", "headline": value}) == []


def test_typed_value_object():
    doc = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "h",
           "datePublished": {"@value": "2020-01-01", "@type": "Date"}}
    assert issues(doc) == []


# 4.6.2 Language Maps: "@container": "@language" ... "the keys ... are language tags".
def test_language_map_is_values_not_a_node():
    ctx = ["https://schema.org", {"name": {"@id": "schema:name", "@container": "@language"}}]
    assert issues({"@context": ctx, "@type": "Person", "name": {"en": "Ninja", "ja": "忍者"}}) == []
    # without the container the same object is a nested node, not text
    assert issues({"@context": "https://schema.org", "@type": "Person", "name": {"en": "Ninja"}}) != []


# -- the subset against a JSON-LD processor and the real schema.org context ---------------------
SPEC_CASES = [
    {"@context": "https://schema.org", "type": "Person", "id": "#p", "name": "x"},
    {"@context": {"@vocab": "http://example.com/"}, "@type": "Foo", "bar": 1},
    {"@context": ["https://schema.org", {"ex": "http://example.com/ns#", "mine": "ex:mine",
                                         "gone": None}], "@type": "Person", "mine": 1, "gone": 2,
     "ex:o": 3, "schema:name": "n"},
    {"@context": {"@vocab": "http://schema.org/", "titel": "http://schema.org/headline"},
     "@type": "Article", "titel": "t"},
    {"@context": {"name": "http://xmlns.com/foaf/0.1/name"}, "name": "x", "headline": "dropped"},
]


def _loader(url, options=None):
    if Context().merge(url).vocab is None:
        raise RuntimeError(f"offline: {url}")
    return {"contextUrl": None, "documentUrl": url,
            "document": json.loads(SCHEMA_CONTEXT.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("doc", SPEC_CASES)
def test_subset_reads_keys_as_pyld_expands_them(doc):
    jsonld = pytest.importorskip("pyld.jsonld")
    [expanded] = jsonld.expand(doc, {"documentLoader": _loader})
    ctx = Context().with_local(doc["@context"])
    for key in doc:
        if key.startswith("@"):
            continue
        kind, what = ctx.meaning(key)
        if kind == "keyword":
            assert what in expanded, key
        elif kind == "schema":
            assert f"http://schema.org/{what}" in expanded, key
        elif kind == "other":
            assert what in expanded, key
        else:
            assert kind == "dropped" and not any(k.endswith(key) for k in expanded), key


@pytest.mark.skipif(not (CORPUS / "schemaorg" / "vocab").is_dir(),
                    reason="the schema.org release (NEWSLD_CORPUS/schemaorg/vocab) is not beside the checkout")
def test_aliases_are_those_of_the_real_schema_org_context():
    path = CORPUS / "schemaorg" / "vocab" / "schemaorgcontext.jsonld"
    ctx = json.loads(path.read_text(encoding="utf-8"))["@context"]
    aliases = {k: v for k, v in ctx.items() if isinstance(v, str) and v.startswith("@") and k != "@vocab"}
    assert aliases == SCHEMA_ORG_ALIASES
    assert ctx["@vocab"] == "http://schema.org/"
    # every other term is schema:<its name> (or rdf:HTML): @vocab reads them the same
    odd = {k for k, v in ctx.items() if isinstance(v, dict) and v.get("@id") != f"schema:{k}"}
    assert odd == {"HTML"}


# -- what authors write --------------------------------------------------------------------------
def test_vocab_without_final_slash_is_read_as_schema_org_with_a_warning():
    # 4.1.2: @vocab is concatenated with the term: "http://schema.org" + "name" is no schema.org IRI
    doc = {"@context": {"@vocab": "http://schema.org"}, "@type": "NewsArticle", "headline": 5}
    found = issues(doc)
    assert ("warning", "not-schema-org", "$['@context']") in found
    assert ("error", "wrong-type", "$.headline") in found  # still checked as schema.org's


def test_alias_beside_its_keyword_collides():
    # JSON-LD 1.1 API, expansion: an expanded property given twice is a "colliding keywords" error
    doc = {"@context": "https://schema.org", "@type": "Thing", "@id": "#a", "id": "#b", "name": "x"}
    assert ("warning", "not-schema-org", "$.id") in issues(doc)


def test_term_mapped_to_a_schema_org_name_that_is_no_property_is_judged_by_its_key():
    doc = {"@context": {"@vocab": "https://schema.org/", "articleId": "Text"},
           "@type": "NewsArticle", "headline": "h", "articleId": "1"}
    found = [i for i in validate(doc).issues if i.path == "$.articleId"]
    assert [(i.severity, i.code) for i in found] == [("error", "unknown-property")]
    assert "'articleId' is not a schema.org property" in found[0].message  # not "'Text'"


def test_a_node_with_only_other_vocabulary_terms_is_defined_not_a_dangling_reference():
    doc = [{"@context": "https://schema.org", "@type": "Person", "name": "x", "address": {"@id": "_:a"}},
           {"@context": "https://schema.org", "@id": "_:a", "http://example.com/street": "Main St"}]
    assert [f for f in issues(doc) if f[1] == "dangling-reference"] == []


# -- what the reading remembers ----------------------------------------------------------------
def test_a_root_context_is_shared_and_never_changed_by_the_documents_read_under_it():
    from newsld.validator.context import read_document, root_context
    shared = root_context("https://schema.org")
    assert root_context("https://schema.org") is shared
    terms = dict(shared.terms)
    for doc in SPEC_CASES + [{"@context": "https://schema.org", "@type": "Person", "name": "x",
                              "knows": {"@context": {"name": "http://example.com/name"}, "name": "y"}}]:
        read_document(doc, lambda name: True)
        validate(doc)
    assert shared.terms == terms and root_context("https://schema.org") is shared


@pytest.mark.parametrize("doc", SPEC_CASES)
def test_remembered_meanings_are_the_meanings(doc):
    ctx = Context().with_local(doc["@context"])
    keys = [k for k in doc if not k.startswith("@")] + ["name", "schema:name", "ex:thing", "_:b"]
    first = [ctx.meaning(k) for k in keys]
    assert [ctx.meaning(k) for k in keys] == first  # the second time from the memo
    assert first == [Context().with_local(doc["@context"]).meaning(k) for k in keys]
    assert not ctx.remote or not ctx.meanings  # beside a remote context nothing is remembered
