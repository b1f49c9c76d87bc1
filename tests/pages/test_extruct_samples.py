"""Issue 10, "done when" (a): on extruct's samples, the JSON-LD and microdata items newsld sees
(the reader, as `extract` reads a page; the page checks' ld+json blocks) are as many as
extruct's expected output says, page by page.

tests/fixtures/extruct/ holds the samples that have such an expectation (cut by its cut_extruct.py,
with expected.json); with the shared corpus present, every sample is checked, those without an
expected file against extruct's own extractors."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from helpers import CORPUS, FIXTURES

from newsld.io.charset import decode_html
from newsld.io.jsontext import LineIndex
from newsld.pages.page import ld_json_blocks, read_block
from newsld.readers.html_parse import parse
from newsld.readers.html_structured import declared_nodes
from newsld.readers.visible import PageView

HERE = FIXTURES / "extruct"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
SAMPLES = CORPUS / "extruct" / "samples"


def _cut_module():
    spec = importlib.util.spec_from_file_location("extruct_cut", HERE / "cut_extruct.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def reader_counts(data: bytes) -> dict:
    """Items as the HTML reader gets them (its scan, then html_structured.declared_nodes)."""
    root = parse(data)
    sc = PageView(root).scan
    common = (sc.microdata, sc.itemscopes, sc.itemprop_els)
    return {"json-ld": len(declared_nodes(root, None, ("json-ld",), sc.ldjson, *common)),
            "microdata": len(declared_nodes(root, None, ("microdata",), [], *common))}


def page_check_jsonld(data: bytes) -> int:
    """Items of the ld+json blocks as validate reads them."""
    text = decode_html(data)
    lines, n = LineIndex(text), 0
    for start, raw in ld_json_blocks(text):
        value, _ = read_block(raw, start, lines, "ld+json")
        n += sum(isinstance(v, dict) for v in value) if isinstance(value, list) else isinstance(value, dict)
    return n


def test_every_sample_with_an_expectation_is_cut():
    assert len(EXPECTED) >= 30 and all((HERE / p).is_file() for p in EXPECTED)


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_item_counts_equal_extructs_expected_output(page):
    data = (HERE / page).read_bytes()
    got = reader_counts(data)
    want = EXPECTED[page]
    assert {k: got[k] for k in want} == want
    if "json-ld" in want:
        assert page_check_jsonld(data) == want["json-ld"]


needs_corpus = pytest.mark.skipif(not SAMPLES.is_dir(), reason="extruct's samples (NEWSLD_CORPUS/extruct/samples) are absent")


@needs_corpus
def test_expected_counts_are_extructs():
    cut = _cut_module()
    table = {p.relative_to(SAMPLES).as_posix(): cut.expected(p) for p in sorted(SAMPLES.rglob("*.html"))}
    assert {p: e for p, e in table.items() if e} == EXPECTED


def _extruct_live(data: bytes) -> dict:
    from extruct.jsonld import JsonLdExtractor
    from extruct.w3cmicrodata import MicrodataExtractor
    return {"json-ld": len(JsonLdExtractor().extract(data)),
            "microdata": len(MicrodataExtractor().extract(data))}


@needs_corpus
@pytest.mark.slow
def test_all_samples_in_the_corpus():
    cut = _cut_module()
    pages = sorted(SAMPLES.rglob("*.html"))
    assert len(pages) > 50
    wrong = []
    for page in pages:
        data = page.read_bytes()
        want = cut.expected(page)
        live = _extruct_live(data)
        want = {**live, **want}  # extruct's expected files first, its extractors elsewhere
        got = reader_counts(data)
        if got != want or page_check_jsonld(data) != want["json-ld"]:
            wrong.append((Path(page).relative_to(SAMPLES).as_posix(), got, want))
    assert wrong == []
