"""Plain text: one line per issue, SOURCE: severity code path: message. Control characters in
a file name or message are written as \\uXXXX, so no escape sequence reaches a terminal."""
from __future__ import annotations

from newsld.io.reports.common import issue_line, printable


def text(results, strict=False) -> str:
    return "".join(f"{printable(src)}: {printable(issue_line(i))}\n" for src, issues in results for i in issues)
