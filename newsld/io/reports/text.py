"""Plain text: one line per issue, SOURCE: severity code path: message."""
from __future__ import annotations


def text(results, strict=False) -> str:
    return "".join(f"{src}: {i['severity']} {i['code']} {i['path']}: {i['message']}\n"
                   for src, issues in results for i in issues)
