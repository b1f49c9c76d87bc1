"""Validation results as text, JSON lines, JUnit XML, GitHub workflow annotations, SARIF or a
self-contained HTML page.
Each formatter takes a list of (source, issues) pairs, issues being dicts with severity, code,
path and message, and returns the whole text to print. FORMATTERS maps a --format name to its
formatter; the CLI offers exactly these."""
from __future__ import annotations

from newsld.io.reports.github import github
from newsld.io.reports.html import html
from newsld.io.reports.jsonl import json_lines
from newsld.io.reports.junit import junit
from newsld.io.reports.sarif import sarif
from newsld.io.reports.text import text

FORMATTERS = {"text": text, "json": json_lines, "junit": junit, "github": github, "sarif": sarif, "html": html}
FORMATS = tuple(FORMATTERS)
