"""What the report formats share: validity, the order of severities, printable text, where an
issue is (its file relative to the repository, its line and column)."""
from __future__ import annotations

import os
import re

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# C0/C1 controls (ESC starts a terminal escape sequence), DEL, line/paragraph separators, lone
# surrogates, and the two non-characters XML 1.0 forbids: written as \uXXXX
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_UNPRINTABLE_OR_EOL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_valid(issues, strict: bool) -> bool:
    bad = ("error", "warning") if strict else ("error",)
    return not any(i["severity"] in bad for i in issues)


def printable(s: str, keep_newlines: bool = False) -> str:
    """``s`` with control characters as ``\\uXXXX``: safe on a terminal and in XML 1.0."""
    pattern = _UNPRINTABLE if keep_newlines else _UNPRINTABLE_OR_EOL
    return pattern.sub(lambda m: f"\\u{ord(m.group()):04x}", s)


def is_input_error(issue) -> bool:
    return issue["code"] == "input" and issue["severity"] == "error"


def issue_line(i) -> str:
    return f"{i['severity']} {i['code']} {i['path']}: {i['message']}"


def by_severity(results):
    """(source, issue) for every issue, errors first, then warnings, then notes; within a
    severity in input order."""
    rows = [(src, i) for src, issues in results for i in issues]
    return sorted(rows, key=lambda r: SEVERITY_RANK.get(r[1]["severity"], 3))


def line_col(issue) -> tuple[int, int | None]:
    """The issue's line (1 when unknown: the file's start) and column (None when unknown)."""
    loc = issue.get("location") or {}
    return int(loc.get("line") or 1), loc.get("column")


def repo_path(source: str, root: str | None = None) -> str | None:
    """``source`` relative to ``root`` (default: the working directory, the checkout in CI),
    with ``/`` separators; None for a URL, stdin or a file outside ``root``."""
    if source == "-" or _URL.match(source):
        return None
    root = os.path.abspath(root or os.getcwd())
    path = os.path.abspath(source)
    try:
        if os.path.commonpath([root, path]) != root:
            return None
    except ValueError:  # another drive (Windows)
        return None
    return os.path.relpath(path, root).replace(os.sep, "/")


def is_url(source: str) -> bool:
    return bool(_URL.match(source))
