"""The registry of issue codes (newsld/validator/codes.json): the README's table is the same,
every code the source reports is in it, and an Issue with an unregistered code is refused."""
import re
from pathlib import Path

import pytest
from helpers import ROOT

import newsld
from newsld.validator import CODES, SEVERITIES, Issue, Report

README = ROOT / "README.md"
ROW = re.compile(r"^\| `(?P<code>[a-z-]+)` \| (?P<severity>\w+) \| (?P<meaning>.+) \|$")
# a severity and a code written literally where an issue is made: emit(...), add(...), Issue(...)
REPORTED = re.compile(r"""(?:emit|add|Issue)\(\s*"(error|warning|info)",\s*"([a-z-]+)"|"""
                      r""""severity": "(error|warning|info)", "code": "([a-z-]+)\"""")


def readme_table():
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- codes: begin -->", 1)[1].split("<!-- codes: end -->", 1)[0]
    lines = list(block.strip().splitlines()[2:])  # after the header and the rule
    rows = []
    for ln in lines:
        m = ROW.match(ln)
        assert m, f"README code table: a row that is not | `code` | severity | meaning |: {ln!r}"
        rows.append((m["code"], m["severity"], m["meaning"]))
    return rows


def test_readme_table_is_the_registry():
    assert readme_table() == [(c["code"], c["severity"], c["meaning"]) for c in CODES]


def test_registry_rows_are_unique_and_well_formed():
    pairs = [(c["code"], c["severity"]) for c in CODES]
    assert len(pairs) == len(set(pairs))
    for c in CODES:
        assert c["severity"] in SEVERITIES and re.fullmatch(r"[a-z]+(-[a-z]+)*", c["code"]), c
        assert c["meaning"].strip() and "|" not in c["meaning"], c


def test_every_code_the_source_reports_is_registered():
    registered = {(c["code"], c["severity"]) for c in CODES}
    found = set()
    for path in Path(newsld.__file__).parent.rglob("*.py"):
        for m in REPORTED.finditer(path.read_text(encoding="utf-8")):
            sev, code = (m[1], m[2]) if m[1] else (m[3], m[4])
            found.add((code, sev))
            assert (code, sev) in registered, f"{path.name}: {sev} {code!r} is not in codes.json"
    assert len(found) >= 15  # the pattern really finds the checks


@pytest.mark.parametrize("severity,code", [("error", "no-such-code"), ("info", "bad-url"),
                                           ("fatal", "json-syntax")])
def test_an_unregistered_code_or_severity_is_a_bug(severity, code):
    with pytest.raises(ValueError, match="codes.json|severity"):
        Issue(severity, code, "$", "message")
    with pytest.raises(ValueError):
        Report().add(severity, code, "$", "message")
