"""Issue 10, "done when" (c): every microdata page of the corpus keeps its microdata through
`extract --from html`: the reader declares as many microdata items as extruct finds.

tests/fixtures/microdata_corpus/pages.json: the corpus pages whose microdata has one of the
shapes that lost it (a <script>, <style>, <link> or <meta> inside a text itemprop, itemscope on
<html>, an item without properties around such an element, itemref), cut down to their microdata
by its cut_microdata.py (values truncated; the elements that broke the reader kept); "why" says
which shape. With the corpus present, every page that has itemscope is checked whole."""
from __future__ import annotations

import gzip
import json

import pytest
from helpers import CORPUS, FIXTURES

from newsld.errors import InputError
from newsld.readers.html import read
from newsld.readers.html_parse import parse
from newsld.readers.html_structured import declared_nodes
from newsld.readers.visible import PageView

PAGES = json.loads((FIXTURES / "microdata_corpus" / "pages.json").read_text(encoding="utf-8"))


def extruct_items(data: bytes) -> int:
    from extruct.w3cmicrodata import MicrodataExtractor
    return len(MicrodataExtractor().extract(data))


def reader_items(data: bytes) -> int:
    article, _ = read(data, source="page.html", syntaxes=("microdata",))
    return len(article.declared)


def scanned_items(data: bytes) -> int:
    root = parse(data)
    sc = PageView(root).scan
    return len(declared_nodes(root, None, ("microdata",), [], sc.microdata, sc.itemscopes, sc.itemprop_els))


def test_the_cut_pages_hold_every_shape():
    shapes = {w for p in PAGES.values() for w in p["why"]}
    assert {"<script> inside a text itemprop", "<style> inside a text itemprop",
            "<meta> inside a text itemprop", "itemscope on <html>"} <= shapes


@pytest.mark.parametrize("name", sorted(PAGES))
def test_cut_page_keeps_its_microdata(name):
    data = PAGES[name]["html"].encode("utf-8")
    want = extruct_items(data)
    assert want > 0 and reader_items(data) == want


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (NEWSLD_CORPUS) is absent")
def test_every_corpus_page_keeps_its_microdata():
    lost = []
    for p in sorted(CORPUS.rglob("*")):
        name = p.name.lower()
        if not name.endswith((".html", ".htm", ".html.gz")) or {"extruct", "schemaorg"} & set(p.parts):
            continue
        data = gzip.decompress(p.read_bytes()) if name.endswith(".gz") else p.read_bytes()
        if b"itemscope" not in data.lower():
            continue
        try:
            got = reader_items(data)
        except InputError:  # not an article (readability's expected.html fragments): what
            got = scanned_items(data)  # the reader's microdata step reads on it
        if got != extruct_items(data):
            lost.append((p.relative_to(CORPUS).as_posix(), got))
    assert lost == []
