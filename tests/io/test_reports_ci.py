"""GitHub annotations on their file and line, within GitHub's limits; JUnit that Jenkins' schema
accepts (tests/fixtures/schemas/junit-10.xsd), with input errors as <error>; no control
character from a file name reaches XML or a terminal raw."""
from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, assert_clean, cli
from test_reports_sarif import page, site

GH = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def gh_annotations(out: str):
    rows = []
    for ln in out.splitlines():
        m = GH.match(ln)
        if m:
            props = dict(p.split("=", 1) for p in m.group(2).split(","))
            rows.append((m.group(1), props, m.group(3)))
    return rows


def test_annotations_carry_file_line_and_column(tmp_path):
    site(tmp_path, ["a page.html"], date_line=12)
    proc = cli("validate", "--format", "github", "a page.html", cwd=tmp_path)
    assert_clean(proc)
    assert proc.returncode == 1
    kind, props, msg = next(a for a in gh_annotations(proc.stdout.decode()) if "date-format" in a[1]["title"])
    assert kind == "error"
    assert props["file"] == "a page.html" and props["line"] == "12" and props["col"] == "5"
    assert "datePublished" in msg


def test_more_than_ten_of_a_kind_errors_first_then_a_summary(tmp_path):
    """25 pages with an error each and a warning each: 10 error and 10 warning annotations
    (GitHub shows no more per step), errors first; the 30 others in the log; one summary."""
    names = [f"p{n:02}.html" for n in range(25)]
    for n in names:
        (tmp_path / n).write_text(page().replace('"headline": "T"', '"headline": ""'))
    proc = cli("validate", "--format", "github", "-r", ".", cwd=tmp_path)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    rows = gh_annotations(out)
    kinds = [k for k, _, _ in rows]
    assert kinds.count("error") == 10 and kinds.count("warning") == 10
    assert kinds == sorted(kinds, key=["error", "warning", "notice"].index)
    assert kinds.count("notice") <= 10 and len(rows) <= 50
    summary = rows[-1]
    assert summary[0] == "notice" and "summary" in summary[1]["title"]
    assert "25 errors" in summary[2] and "not shown as annotations" in summary[2]
    held = [ln for ln in out.splitlines() if ln.startswith("newsld: ")]
    assert len(held) == 30 and all(not ln.startswith("::") for ln in held)
    assert sum(":9: error date-format" in ln for ln in held) == 15


def test_few_issues_no_summary(tmp_path):
    site(tmp_path, ["a.html"])
    out = cli("validate", "--format", "github", "a.html", cwd=tmp_path).stdout.decode()
    assert all(ln.startswith("::") for ln in out.splitlines())
    assert "summary" not in out


# ---- JUnit ----------------------------------------------------------------------------------

etree = pytest.importorskip("lxml.etree", reason="lxml is needed to validate against the XSD")
XSD = etree.XMLSchema(etree.parse(str(FIXTURES / "schemas" / "junit-10.xsd")))


def junit(*args, cwd):
    proc = cli("validate", "--format", "junit", *args, cwd=cwd)
    assert_clean(proc)
    doc = etree.fromstring(proc.stdout)
    XSD.assertValid(doc)
    return proc, doc


def test_junit_input_error_is_an_error_and_validates(tmp_path):
    site(tmp_path, ["bad.html"])
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "good.jsonld").write_text('{"@context": "https://schema.org", "@type": "Thing", "name": "x"}')
    proc, doc = junit("bad.html", "empty.html", "good.jsonld", cwd=tmp_path)
    assert proc.returncode == 2
    assert (doc.get("tests"), doc.get("failures"), doc.get("errors")) == ("3", "1", "1")
    cases = {c.get("name"): c for c in doc.iter("testcase")}
    assert cases["empty.html"].find("error") is not None and cases["empty.html"].find("failure") is None
    assert "empty" in cases["empty.html"].find("error").get("message").lower()
    assert cases["bad.html"].find("failure") is not None
    assert cases["good.jsonld"].find("failure") is None and cases["good.jsonld"].find("error") is None


def test_control_characters_in_file_names_give_well_formed_xml_and_plain_text(tmp_path):
    name = "evil\x1b[31m\x07\x01name.html"
    site(tmp_path, [name])
    (tmp_path / "empty\x02.html").write_bytes(b"")
    _, doc = junit("-r", ".", cwd=tmp_path)
    names = {c.get("name") for c in doc.iter("testcase")}
    assert "./evil\\u001b[31m\\u0007\\u0001name.html" in names
    for fmt in ("text", "github"):
        proc = cli("validate", "--format", fmt, "-r", ".", cwd=tmp_path)
        assert_clean(proc)
        assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", proc.stdout), (fmt, proc.stdout)
        assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", proc.stderr), (fmt, proc.stderr)
