"""JSON lines: one {source, valid, issues} object per input."""
from __future__ import annotations

import json

from newsld.io.reports.common import is_valid


def json_lines(results, strict=False) -> str:
    return "".join(json.dumps({"source": src, "valid": is_valid(issues, strict), "issues": issues},
                              ensure_ascii=False) + "\n" for src, issues in results)
