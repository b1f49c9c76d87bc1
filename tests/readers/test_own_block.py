"""Issue 11 point 7: reading a page never takes newsld's own block (<script data-newsld>) as a
source, so edit-then-extract after inject sees the edit."""
import json

from helpers import cli

PAGE = ("<html><head><title>A page headline</title></head><body><article><h1>A page headline</h1>"
        '<p class="byline">By {who}</p><p>Body of the article, long enough to be a paragraph.</p>'
        "</article></body></html>")


def test_edit_then_extract_after_inject_sees_the_edit(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(PAGE.format(who="Jane Doe"))
    out = tmp_path / "a.jsonld"
    assert cli("extract", "--from", "html", str(page), "-o", str(out)).returncode == 0
    assert cli("inject", "--in-place", "--jsonld", str(out), str(page)).returncode == 0
    assert "data-newsld" in page.read_text()
    page.write_text(page.read_text().replace("By Jane Doe", "By John Roe"))  # the editor's edit
    r = cli("extract", "--from", "html", str(page))
    names = [n["name"] for n in json.loads(r.stdout)["@graph"] if n["@type"] == "Person"]
    assert names == ["John Roe"]
