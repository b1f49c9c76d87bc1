"""SARIF that GitHub code scanning accepts: valid against the official SARIF 2.1.0 schema
(tests/fixtures/schemas, see the README there for its source and licence) with hostile file
names, percent-encoded URIs relative to the checkout, a region with the issue's line, partial
fingerprints, and rules with the descriptions GitHub requires."""
from __future__ import annotations

import json
import os
from urllib.parse import unquote

import pytest

from helpers import FIXTURES, assert_clean, cli

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
HOSTILE = ["plain.html", "a page.html", "100%.html", "a,b.html", "café/ünï.html", "x:y.html"]


def page(date_line: int = 9) -> str:
    """An HTML page whose bad datePublished is on line ``date_line`` (>= 8), column 5."""
    head = ["<!DOCTYPE html>", "<html>", "<head>", "<title>T</title>",
            '<script type="application/ld+json">', "{", '"@context": "https://schema.org",']
    pad = ['"@type": "NewsArticle",'] + ['"articleSection": "x",'] * (date_line - 9)
    body = ['    "datePublished": "19 Nov 2019",', '"headline": "T"', "}", "</script>", "</head>",
            "<body><h1>T</h1></body></html>"]
    return "\n".join(head + pad + body) + "\n"


def site(root, names, date_line=9):
    for n in names:
        p = root / n
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(page(date_line), "utf-8")


def sarif(*args, cwd):
    proc = cli("validate", "--format", "sarif", "-q", *args, cwd=cwd)
    assert_clean(proc)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)
    return doc


def test_hostile_names_are_percent_encoded_relative_uris_with_the_issue_line(tmp_path):
    site(tmp_path, HOSTILE, date_line=11)
    doc = sarif("-r", ".", cwd=tmp_path)
    run = doc["runs"][0]
    dated = [r for r in run["results"] if r["ruleId"] == "date-format"]
    assert len(dated) == len(HOSTILE)
    uris = set()
    for r in dated:
        loc = r["locations"][0]["physicalLocation"]
        art = loc["artifactLocation"]
        assert art["uriBaseId"] == "%SRCROOT%"
        assert not set(art["uri"]) & set(" ,\\") and art["uri"].isascii(), art["uri"]
        assert (tmp_path / unquote(art["uri"])).is_file(), art["uri"]
        assert loc["region"] == {"startLine": 11, "startColumn": 5}
        uris.add(unquote(art["uri"]))
    assert uris == set(HOSTILE)
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")
    assert unquote(base[len("file://"):]).rstrip("/") == os.path.realpath(tmp_path) or \
        unquote(base[len("file://"):]).rstrip("/") == str(tmp_path)


def test_absolute_path_outside_the_checkout_is_a_file_uri(tmp_path):
    outside = tmp_path / "elsewhere dir"
    site(outside, ["ab%c.html"])
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    doc = sarif(str(outside / "ab%c.html"), cwd=checkout)
    art = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in art
    assert art["uri"].startswith("file:///") and " " not in art["uri"]
    assert unquote(art["uri"][len("file://"):]) == str(outside / "ab%c.html")


def test_absolute_path_inside_the_checkout_is_relative(tmp_path):
    site(tmp_path, ["sub/p.html"])
    doc = sarif(str(tmp_path / "sub" / "p.html"), cwd=tmp_path)
    art = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art == {"uri": "sub/p.html", "uriBaseId": "%SRCROOT%"}


def test_rules_carry_what_github_requires_and_results_point_at_them(tmp_path):
    site(tmp_path, ["a.html"])
    (tmp_path / "empty.html").write_bytes(b"")
    proc = cli("validate", "--format", "sarif", "-q", "a.html", "empty.html", cwd=tmp_path)
    doc = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"date-format", "input"}
    for r in rules:
        for field in ("shortDescription", "fullDescription", "help"):
            assert r[field]["text"].strip(), (r["id"], field)
        assert r["shortDescription"]["text"] != r["id"]
    date = next(r for r in rules if r["id"] == "date-format")
    assert "ISO 8601" in date["shortDescription"]["text"]
    for res in doc["runs"][0]["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_partial_fingerprints_are_unique_and_survive_moved_lines(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    site(a, ["p.html", "q.html"], date_line=9)
    site(b, ["p.html", "q.html"], date_line=14)
    prints = []
    for where in (a, b):
        doc = sarif("-r", ".", cwd=where)
        fps = [r["partialFingerprints"]["newsldIssue/v1"] for r in doc["runs"][0]["results"]]
        assert len(set(fps)) == len(fps)
        prints.append(fps)
    assert prints[0] == prints[1]


def test_microdata_issue_is_on_its_elements_line(tmp_path):
    html = ("<!DOCTYPE html>\n<html><head><title>T</title></head>\n<body>\n"
            '<article itemscope itemtype="https://schema.org/NewsArticle">\n'
            '<h1 itemprop="headline">T</h1>\n'
            '<span itemprop="dateUpdated">2020-01-01</span>\n'
            "</article></body></html>\n")
    (tmp_path / "m.html").write_text(html)
    doc = sarif("m.html", cwd=tmp_path)
    res = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "unknown-property")
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 6


def test_json_ld_file_syntax_error_and_ndjson_lines_are_located(tmp_path):
    (tmp_path / "bad.jsonld").write_text('{\n  "@context": "https://schema.org",\n  "@type": "NewsArticle",,\n}\n')
    (tmp_path / "many.jsonld").write_text(
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A"}\n'
        '{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "May 5"}\n')
    doc = sarif("bad.jsonld", "many.jsonld", cwd=tmp_path)
    where = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]):
             r["locations"][0]["physicalLocation"]["region"] for r in doc["runs"][0]["results"]}
    assert where[("bad.jsonld", "json-syntax")]["startLine"] == 3
    assert where[("many.jsonld", "date-format")]["startLine"] == 2


def test_json_report_keeps_its_fields(tmp_path):
    """The location SARIF uses is not added to the JSON report (its records stay as they were)."""
    site(tmp_path, ["a.html"])
    proc = cli("validate", "--format", "json", "a.html", cwd=tmp_path)
    rec = json.loads(proc.stdout)
    assert all(set(i) == {"severity", "code", "path", "message"} for i in rec["issues"])
