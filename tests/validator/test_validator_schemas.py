"""The committed schemas: valid Draft 2020-12, consistent with vocab.json, up to date."""
import json
import subprocess
import sys

import pytest

from newsld.validator.vocab import schemas_dir
from helpers import ROOT, VOCAB

BUNDLED = ["Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
           "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
           "AskPublicNewsArticle", "BlogPosting", "FAQPage", "Question", "Answer",
           "Organization", "NewsMediaOrganization", "Person", "ImageObject", "WebPage"]


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_schema_is_valid_draft_2020_12(name):
    from jsonschema import Draft202012Validator

    schema = json.loads((schemas_dir() / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert "headline" in schema["properties"] or "Article" not in name


def test_inherited_properties():
    schema = json.loads((schemas_dir() / "NewsArticle.schema.json").read_text(encoding="utf-8"))
    props = schema["properties"]
    for p in ("printEdition", "articleBody", "headline", "author", "name", "url", "@type"):
        assert p in props
    assert "jobTitle" not in props


def test_bundled_schema_works_with_plain_jsonschema():
    """The files stand alone: any Draft 2020-12 validator applies them."""
    from jsonschema import Draft202012Validator

    schema = json.loads((schemas_dir() / "NewsArticle.schema.json").read_text(encoding="utf-8"))
    v = Draft202012Validator(schema)
    assert v.is_valid({"@type": "NewsArticle", "headline": "x", "author": [{"name": "y"}]})
    assert not v.is_valid({"@type": "NewsArticle", "headline": 5})
    assert not v.is_valid({"@type": "NewsArticle", "headlin": "x"})


def test_vocab_digest():
    vocab = json.loads((schemas_dir() / "vocab.json").read_text(encoding="utf-8"))
    assert vocab["classes"]["NewsArticle"] == ["Article"]
    assert vocab["properties"]["headline"] == [["CreativeWork"], ["Text"]]
    assert "Monday" in vocab["enumerations"]["DayOfWeek"]
    assert len(vocab["classes"]) > 800 and len(vocab["properties"]) > 1400


@pytest.mark.slow
def test_validator_module_does_not_import_jsonschema():
    code = "import sys, newsld.validator; print('jsonschema' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


@pytest.mark.slow
@pytest.mark.skipif(not VOCAB.is_file(), reason=f"no schema.org vocabulary at {VOCAB} (set NEWSLD_VOCAB)")
def test_committed_schemas_are_up_to_date():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_schemas.py"), str(VOCAB), "--check",
                          "--out", str(ROOT / "schemas")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
