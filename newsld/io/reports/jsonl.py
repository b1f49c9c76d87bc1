"""JSON lines: one {source, valid, issues} object per input; each issue {severity, code, path,
message} (its location, which SARIF and the annotations use, is left out)."""
from __future__ import annotations

import json

from newsld.io.reports.common import is_valid


def _public(issue: dict) -> dict:
    return {k: v for k, v in issue.items() if k != "location"}


def json_lines(results, strict=False) -> str:
    return "".join(json.dumps({"source": src, "valid": is_valid(issues, strict),
                               "issues": [_public(i) for i in issues]},
                              ensure_ascii=False) + "\n" for src, issues in results)
