"""GitHub Actions workflow commands (annotations)."""
from __future__ import annotations


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


def github(results, strict=False) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    return "".join(
        f"::{level.get(i['severity'], 'notice')} file={_gh_escape(src, True)},"
        f"title={_gh_escape('newsld ' + i['code'], True)}::{_gh_escape(i['path'] + ': ' + i['message'])}\n"
        for src, issues in results for i in issues)
