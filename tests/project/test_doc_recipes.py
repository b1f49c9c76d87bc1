"""The publish-hook recipes of the README and docs/integration.md, run exactly as written
(issue 11 point 9): a recipe a user copies into a CMS must pass for an ordinary article and stop
the publish, leaving the last good file, for one that does not validate.

Convention: a fenced code block right after an HTML comment ``<!-- tested: NAME -->`` in a
Markdown file is the recipe NAME. This test reads it from the file and runs it with bash (``-u``:
every variable it uses must be one the test sets) in a temporary folder, with ``newsld`` on PATH
(a shim running this checkout's ``python -m newsld``)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import HANG, ROOT, SEED, TESTS

pytestmark = pytest.mark.slow  # runs bash and newsld processes

_BLOCK = re.compile(r"<!--\s*tested:\s*([\w-]+)\s*-->\s*\n```[\w-]*\n(.*?)\n```", re.S)
YOAST = TESTS / "golden" / "html" / "yoast_graph.html"
YOAST_URL = "https://rosa-mag.de/sheila-atim-the-woman-king-zeigt-weibliche-staerke-in-all-ihren-facetten/"


def recipe(doc: str, name: str) -> str:
    found = {m.group(1): m.group(2) for m in _BLOCK.finditer((ROOT / doc).read_text(encoding="utf-8"))}
    assert name in found, f"{doc} has no fenced block after <!-- tested: {name} -->"
    return found[name]


def run(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    bin_dir = cwd / ".bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "newsld"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newsld "$@"\n')
    shim.chmod(0o755)
    (cwd / "recipe.sh").write_text(script + "\n")
    full = dict(os.environ, **env, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
                PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(["bash", "-u", "recipe.sh"], cwd=cwd, env=full, capture_output=True,
                          timeout=HANG, text=True)


CMS_METADATA = {
    "URL": "https://news.example.com/2025/03/26/noem-visits-cecot",
    "PUBLISHED": "2025-03-26T14:05:00-06:00",  # as a CMS gives it (WordPress: the date in "c" format)
    "AUTHOR": "Jane Doe",
    "IMAGE": "https://news.example.com/img/cecot.jpg",
    "SITE_NAME": "Example News",
    "SITE_URL": "https://news.example.com/",
    "SITE_LOGO": "https://news.example.com/logo.png",
}


def test_readme_publish_hook_passes_for_an_ordinary_article(tmp_path):
    shutil.copy(SEED, tmp_path / "article.txt")
    (tmp_path / "out").mkdir()
    proc = run(recipe("README.md", "publish-hook"), tmp_path, OUT="out", ARTICLE="article.txt",
               **CMS_METADATA)
    assert proc.returncode == 0, proc.stderr
    art = json.loads((tmp_path / "out" / "article.jsonld").read_text())["@graph"][0]
    assert art["url"] == CMS_METADATA["URL"] and art["@id"] == CMS_METADATA["URL"] + "#article"
    assert art["datePublished"] == "2025-03-26T14:05:00-06:00"
    assert art["dateModified"] == art["datePublished"]  # never updated: modified when published
    assert art["image"] == [CMS_METADATA["IMAGE"]]


def test_readme_publish_hook_stops_and_keeps_the_last_good_file(tmp_path):
    shutil.copy(SEED, tmp_path / "article.txt")
    (tmp_path / "out").mkdir()
    good = tmp_path / "out" / "article.jsonld"
    assert run(recipe("README.md", "publish-hook"), tmp_path, OUT="out", ARTICLE="article.txt",
               **CMS_METADATA).returncode == 0
    before = good.read_bytes()
    # the CMS lost the publication date and the logo: Google's guidance fails, so does the hook
    bad = dict(CMS_METADATA, PUBLISHED="", SITE_LOGO="", AUTHOR="Jane Roe")
    proc = run(recipe("README.md", "publish-hook"), tmp_path, OUT="out", ARTICLE="article.txt", **bad)
    assert proc.returncode == 1, proc.stderr
    assert good.read_bytes() == before


def test_integration_cms_recipe_injects_beside_the_plugin_s_graph(tmp_path):
    from newsld.io.inject import remove
    from newsld.io.scripts import script_blocks
    page = tmp_path / "page.html"
    page.write_bytes(YOAST.read_bytes())
    (tmp_path / "tmp").mkdir()
    proc = run(recipe("docs/integration.md", "cms-hook"), tmp_path, URL=YOAST_URL, PAGE="page.html",
               TMP="tmp")
    assert proc.returncode == 0, proc.stderr
    out = page.read_bytes()
    assert b"<script type=\"application/ld+json\" data-newsld>" in out
    assert remove(out) == YOAST.read_bytes()  # nothing but the block changed
    assert json.loads((tmp_path / "tmp" / "a.jsonld").read_text())["@graph"][0]["url"] == YOAST_URL
    ids: dict[str, int] = {}  # @id -> how many node objects describe it
    for _, _, text in script_blocks(out.decode(), media_type="application/ld+json"):
        stack = [json.loads(text)]
        while stack:
            v = stack.pop()
            if isinstance(v, dict):
                if isinstance(v.get("@id"), str) and len(v) > 1:
                    ids[v["@id"]] = ids.get(v["@id"], 0) + 1
                stack.extend(v.values())
            elif isinstance(v, list):
                stack.extend(v)
    assert ids and all(n == 1 for n in ids.values()), ids


def test_integration_cms_recipe_leaves_a_failing_page_as_it_was(tmp_path):
    page = tmp_path / "page.html"
    original = (b"<html><head><title>Council meets</title></head><body><article><h1>Council meets"
                b"</h1><p>The council met on Monday to discuss the budget for next year.</p>"
                b"<p>No decision was taken.</p></article></body></html>")
    page.write_bytes(original)
    (tmp_path / "tmp").mkdir()
    proc = run(recipe("docs/integration.md", "cms-hook"), tmp_path,
               URL="https://news.example.com/council", PAGE="page.html", TMP="tmp")
    assert proc.returncode == 1, proc.stderr
    assert page.read_bytes() == original
