"""Golden pairs, found by glob: every input under tests/golden/ (text and Markdown) and
tests/golden/html/ (pages), and the seed, against its reviewed JSON-LD beside it. A new pair
is two files: the input and its .jsonld, read and checked by hand before it is committed."""
import json

import pytest

import newsld
from newsld.io.output import pretty
from helpers import ROOT

GOLDEN = ROOT / "tests" / "golden"
PAIRS = [(p, p.with_suffix(".jsonld")) for p in sorted(GOLDEN.glob("*")) if p.suffix in (".txt", ".md")]
PAIRS += [(p, p.with_suffix(".jsonld")) for p in sorted((GOLDEN / "html").glob("*.html"))]
PAIRS += [(p, ROOT / "examples" / (p.stem + ".jsonld")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
IDS = [str(p[0].relative_to(ROOT)) for p in PAIRS]


def test_every_golden_input_has_an_expected_output():
    assert len([p for p, _ in PAIRS if p.suffix == ".html"]) >= 5
    assert len(PAIRS) >= 12
    for src, expected in PAIRS:
        assert expected.exists(), f"{src.name} has no reviewed output {expected.name}"


def test_every_expected_output_has_an_input():
    inputs = {src.with_suffix("") for src, _ in PAIRS}
    for expected in [*GOLDEN.glob("*.jsonld"), *(GOLDEN / "html").glob("*.jsonld")]:
        assert expected.with_suffix("") in inputs, f"{expected.name} has no input beside it"


@pytest.mark.parametrize("src,expected", PAIRS, ids=IDS)
def test_golden(src, expected):
    got = pretty(newsld.extract(src))
    assert got == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("src,expected", PAIRS, ids=IDS)
def test_golden_output_validates(src, expected):
    report = newsld.validate(json.loads(expected.read_text(encoding="utf-8")))
    assert report.valid, [i.to_dict() for i in report.issues]
