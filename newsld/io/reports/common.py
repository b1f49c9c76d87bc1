"""What the report formats share."""
from __future__ import annotations


def is_valid(issues, strict: bool) -> bool:
    bad = ("error", "warning") if strict else ("error",)
    return not any(i["severity"] in bad for i in issues)
