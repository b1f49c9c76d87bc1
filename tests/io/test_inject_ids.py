"""inject beside a CMS plugin's graph (issue 11 point 6): newsld's nodes never take an @id the
page's other blocks use, so no consumer merges the plugin's Article and newsld's NewsArticle
(or their publishers, their authors) into one node with two headlines."""
from __future__ import annotations

import json
from collections import defaultdict

from helpers import TESTS, run_cli
from newsld.io.inject import inject, own_ids
from newsld.io.scripts import script_blocks

YOAST = TESTS / "golden" / "html" / "yoast_graph.html"
URL = "https://rosa-mag.de/sheila-atim-the-woman-king-zeigt-weibliche-staerke-in-all-ihren-facetten/"


def blocks(page: bytes) -> list[tuple[bool, object]]:
    """(is newsld's own block, its JSON) for each ld+json block of the page."""
    text = page.decode("utf-8")
    return [("data-newsld" in tok.attrs, json.loads(body))
            for tok, _, body in script_blocks(text, media_type="application/ld+json")]


def described(doc) -> list[tuple[str, dict]]:
    """(@id, node) for every node object that describes something (more than a reference)."""
    out, stack = [], [doc]
    while stack:
        v = stack.pop()
        if isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, dict):
            if isinstance(v.get("@id"), str) and set(v) - {"@id"}:
                out.append((v["@id"], v))
            stack.extend(x for k, x in v.items() if k != "@context")
    return out


def nodes_by_id(page: bytes) -> dict[str, list[dict]]:
    by_id: dict[str, list[dict]] = defaultdict(list)
    for _, doc in blocks(page):
        for nid, node in described(doc):
            by_id[nid].append(node)
    return by_id


def test_inject_beside_yoast_leaves_every_id_naming_one_node(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(YOAST.read_bytes())
    proc = run_cli("inject", "--in-place", page)
    assert proc.returncode == 0, proc.stderr
    out = page.read_bytes()
    twice = {nid: nodes for nid, nodes in nodes_by_id(out).items() if len(nodes) > 1}
    assert not twice, f"@ids naming two nodes: {sorted(twice)}"
    ours = next(doc for own, doc in blocks(out) if own)
    art = ours["@graph"][0]
    # the plugin's ids stay the plugin's; newsld's say whose they are, on the same page URL
    assert art["@type"] == "NewsArticle" and art["@id"] == URL + "#newsld-article"
    assert art["url"] == URL
    ids = {nid for nid, _ in described(ours)}
    assert all(i.startswith(URL + "#newsld-") for i in ids), ids
    # every reference in newsld's block names a node of newsld's block
    refs = {v["@id"] for _, n in described(ours) for v in _values(n) if set(v) == {"@id"}}
    assert refs <= ids
    # and a second run changes nothing
    assert run_cli("inject", "--in-place", page).returncode == 0
    assert page.read_bytes() == out


def _values(node: dict):
    for v in node.values():
        for x in v if isinstance(v, list) else [v]:
            if isinstance(x, dict):
                yield x


def test_a_page_without_another_graph_keeps_the_stable_ids():
    page = b"<html><head><title>T</title></head><body></body></html>"
    doc = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": "https://example.com/a#article", "headline": "T",
         "publisher": {"@id": "https://example.com/a#publisher"}},
        {"@type": "Organization", "@id": "https://example.com/a#publisher", "name": "P"}]}
    assert own_ids(page, doc) == doc


def test_beside_another_graph_every_id_of_newsld_s_nodes_says_newsld():
    page = (b'<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
            b' "@type": "Article", "@id": "https://example.com/a#article", "headline": "T"}</script>'
            b"</head><body></body></html>")
    doc = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": "https://example.com/a#article", "headline": "T",
         "publisher": {"@id": "https://example.com/a#publisher"}},
        {"@type": "Organization", "@id": "https://example.com/a#publisher", "name": "P"}]}
    got = own_ids(page, doc)
    assert got["@graph"][0]["@id"] == "https://example.com/a#newsld-article"
    assert got["@graph"][0]["publisher"] == {"@id": "https://example.com/a#newsld-publisher"}
    assert got["@graph"][1]["@id"] == "https://example.com/a#newsld-publisher"
    assert doc["@graph"][0]["@id"] == "https://example.com/a#article"  # the caller's doc is not changed
    # newsld's own earlier block is no other graph: re-injecting gives the same ids
    again = inject(page, got)
    assert own_ids(again, doc) == got


def test_the_cms_recipe_s_jsonld_file_gets_ids_of_its_own_too(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(YOAST.read_bytes())
    ld = tmp_path / "a.jsonld"
    assert run_cli("extract", "--no-validate", "--from", "html", "-o", ld, page).returncode == 0
    assert run_cli("inject", "--jsonld", ld, "--in-place", page).returncode == 0
    assert all(len(nodes) == 1 for nodes in nodes_by_id(page.read_bytes()).values())


def test_a_reference_to_the_page_s_node_stays_a_reference_to_it():
    webpage = "https://example.com/a#webpage"
    page = (b'<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
            b' "@type": "WebPage", "@id": "' + webpage.encode() + b'", "name": "A"}</script></head></html>')
    doc = {"@context": "https://schema.org", "@type": "NewsArticle", "@id": "https://example.com/a#article",
           "headline": "A", "isPartOf": {"@id": webpage}}
    got = own_ids(page, doc)
    assert got["@id"] == "https://example.com/a#newsld-article"
    assert got["isPartOf"] == {"@id": webpage}
