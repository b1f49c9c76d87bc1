"""Validation results as text, JSON lines, JUnit XML, GitHub workflow annotations, SARIF or a
self-contained HTML page.
Each formatter takes a list of (source, issues) pairs, issues being dicts with severity, code,
path and message, and returns the whole text to print. FORMATTERS maps a --format name to its
formatter; the CLI offers exactly these."""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

# --format name -> (module of this package, its formatter); a module is imported when its
# format is asked for, so a run that writes text never pays for XML or HTML
_WHERE = {"text": ("text", "text"), "json": ("jsonl", "json_lines"), "junit": ("junit", "junit"),
          "github": ("github", "github"), "sarif": ("sarif", "sarif"), "html": ("html", "html")}


class _Formatters(Mapping):
    def __getitem__(self, name: str) -> Callable:
        module, func = _WHERE[name]
        return getattr(importlib.import_module(f"newsld.io.reports.{module}"), func)

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


FORMATTERS: Mapping[str, Callable] = _Formatters()
FORMATS = tuple(_WHERE)
