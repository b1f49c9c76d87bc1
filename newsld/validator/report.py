"""Issue and Report: what the validator returns, and the registry of issue codes."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SEVERITIES = ("error", "warning", "info")


def _load_codes() -> tuple[dict, ...]:
    with open(Path(__file__).with_name("codes.json"), encoding="utf-8") as fh:
        return tuple(json.load(fh)["codes"])


# The registry: every (code, severity) newsld may report, with its meaning (codes.json; the
# README's table of codes is checked against it by a test).
CODES: tuple[dict, ...] = _load_codes()
_KNOWN = frozenset((c["code"], c["severity"]) for c in CODES)
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# control characters, line/paragraph separators and lone surrogates: written as \uXXXX so a
# path stays one printable line (text and GitHub reports) and valid XML (JUnit). None of them
# is printable (str.isprintable), so a printable text needs no look; the pattern (~0.8 ms to
# compile) is compiled at the first text that is not.
CONTROL = "[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"


@lru_cache(maxsize=1)
def _control() -> re.Pattern:
    return re.compile(CONTROL)


def escape_controls(text: str) -> str:
    """``text`` with each CONTROL character written as ``\\uXXXX``."""
    if text.isprintable():
        return text
    return _control().sub(lambda m: "\\u%04x" % ord(m.group()), text)


# Memory bounds of one document's report (docs/security.md): a path of a node nested hundreds of
# levels deep under long keys repeated every key above it in every issue below it (2 MB of
# JSON-LD made a 484 MB report), so a path keeps its first and last segments around an ellipsis,
# and one document lists at most MAX_ISSUES issues (then one issue counting the rest).
MAX_PATH = 500
MAX_ISSUES = 1000
MAX_MESSAGE = 2000      # a message quoting a huge value keeps its start and end
ELLIPSIS = "\u2026"


def _segment(seg) -> str:
    if isinstance(seg, int):
        return f"[{seg}]"
    if _IDENT.match(seg):
        return "." + seg
    key = seg.replace("\\", "\\\\").replace("'", "\\'")
    return "['" + escape_controls(key) + "']"


def format_path(segments, limit: int = MAX_PATH) -> str:
    """JSONPath-like: ``$``, ``$.headline``, ``$['@graph'][0].author[1].name``.

    Keys that are plain identifiers use dot notation; any other key (``@graph``, ``schema:name``)
    uses bracket notation with single quotes (``\\`` and ``'`` escaped, control characters as
    ``\\uXXXX``); list indexes are ``[n]``. A path longer than ``limit`` characters keeps its
    first and last segments with ``…`` between them (a segment longer than half the limit is
    cut itself), reading only the segments it keeps."""
    segments = list(segments)
    parts, used = [], 1
    for seg in segments:
        parts.append(_segment(seg))
        used += len(parts[-1])
        if used > limit:
            break
    else:
        return "$" + "".join(parts)
    half = (limit - 2) // 2
    head, used = ["$"], 1
    for part in parts:
        if used + len(part) > half:
            break
        head.append(part)
        used += len(part)
    tail: list[str] = []
    used = 0
    for seg in reversed(segments[len(head) - 1:]):
        part = _segment(seg)
        if used + len(part) > half:
            break
        tail.append(part)
        used += len(part)
    if len(head) == 1:  # the first segment alone is longer than half the limit: its start
        head.append(parts[0][:half - 1])
    if not tail:    # the last segment alone is longer than half the limit: its end
        tail.append(_segment(segments[-1])[-(half - 1):])
    return "".join(head) + ELLIPSIS + "".join(tail[::-1])


@dataclass(frozen=True)
class Issue:
    severity: str   # "error" | "warning" | "info"
    code: str       # stable machine-readable code, e.g. "date-format"
    path: str       # JSONPath-like location, see format_path
    message: str    # what is wrong and how to fix it

    def __post_init__(self):
        if (self.code, self.severity) not in _KNOWN:
            # a check that reports a code (or severity) the registry does not list is a bug
            if self.severity not in SEVERITIES:
                raise ValueError(f"severity must be one of {SEVERITIES}, not {self.severity!r}")
            raise ValueError(f"issue code {self.code!r} with severity {self.severity!r} is not in "
                             f"newsld/validator/codes.json; register it there and in README.md")
        # a message quotes the document ("'Per\x1eson' is not a schema.org type"): control
        # characters and line separators as \uXXXX keep it one line (text, GitHub) and valid XML
        message = escape_controls(self.message)
        if message is not self.message:
            object.__setattr__(self, "message", message)
        if len(self.message) > MAX_MESSAGE:
            half = (MAX_MESSAGE - 1) // 2
            object.__setattr__(self, "message", self.message[:half] + ELLIPSIS + self.message[-half:])

    def to_dict(self) -> dict:
        return {"severity": self.severity, "code": self.code, "path": self.path,
                "message": self.message}


class Report:
    """The issues found in one document (or one page), in document order."""

    def __init__(self, issues=None):
        self.issues: list[Issue] = list(issues or ())

    def add(self, severity: str, code: str, path: str = "$", message: str = "") -> Issue:
        """Record an issue and return it (ValueError for a code or severity not registered)."""
        issue = Issue(severity, code, path, message)
        self.issues.append(issue)
        return issue

    def append(self, issue: Issue) -> None:
        self.issues.append(issue)

    def extend(self, other) -> "Report":
        """Append the issues of another Report (or any iterable of Issue); returns self."""
        self.issues.extend(other.issues if isinstance(other, Report) else other)
        return self

    @property
    def valid(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def infos(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "info"]

    def codes(self) -> list[str]:
        return [i.code for i in self.issues]

    def to_dict(self) -> dict:
        return {
            "valid": self.valid,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "issues": [i.to_dict() for i in self.issues],
        }

    def __iter__(self):
        return iter(self.issues)

    def __repr__(self) -> str:
        return f"Report(valid={self.valid}, issues={self.issues!r})"
