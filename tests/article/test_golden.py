"""Golden pairs: every input under tests/golden/ (and the seed) against its reviewed JSON-LD."""
import json

import pytest

import newsld
from newsld.io.output import pretty
from helpers import ROOT

PAIRS = [(p, p.with_suffix(".jsonld")) for p in sorted((ROOT / "tests" / "golden").glob("*"))
         if p.suffix in (".txt", ".md")]
PAIRS += [(p, ROOT / "examples" / (p.stem + ".jsonld")) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def test_every_golden_input_has_an_expected_output():
    assert len(PAIRS) >= 6
    for src, expected in PAIRS:
        assert expected.exists(), f"{src.name} has no reviewed output {expected.name}"


@pytest.mark.parametrize("src,expected", PAIRS, ids=[p[0].name for p in PAIRS])
def test_golden(src, expected):
    got = pretty(newsld.extract(src))
    assert got == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("src,expected", PAIRS, ids=[p[0].name for p in PAIRS])
def test_golden_output_validates(src, expected):
    report = newsld.validate(json.loads(expected.read_text(encoding="utf-8")))
    assert report.valid, [i.to_dict() for i in report.issues]
