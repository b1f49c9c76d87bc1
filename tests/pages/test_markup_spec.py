"""Issue 10: markup read and judged as the specifications say (JSON-LD 1.1, WHATWG microdata,
schema.org's vocabulary), one test per point, each written from the rule it follows."""
import json

from click.testing import CliRunner

from newsld.cli import main
from newsld.pages.page import validate_page

VALID_PAGE = b"""<html><head><title>T</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "T", "datePublished": "2024-01-02"}</script></head><body><h1>T</h1></body></html>"""


def test_point7_an_info_note_about_an_unchecked_syntax_does_not_make_exit_2(tmp_path):
    # README: exit 2 is "usage or input error"; an info note is neither, and the JSON says valid
    page = tmp_path / "p.html"
    page.write_bytes(VALID_PAGE)
    for syntax in ("rdfa", "microformat", "dublincore"):
        res = CliRunner().invoke(main, ["validate", "--format", "json", "--syntax", "json-ld",
                                        "--syntax", syntax, str(page)])
        rec = json.loads(res.output.splitlines()[0])
        assert any(i["severity"] == "info" and i["code"] == "input" for i in rec["issues"])
        assert rec["valid"] is True
        assert res.exit_code == 0, (syntax, res.output)
