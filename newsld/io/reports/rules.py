"""What each issue code means, for the reports that describe their rules (SARIF's
``tool.driver.rules``, the HTML report's fixes).

The one place the codes are described is the validator's registry ``newsld/validator/codes.json``
(``newsld.validator.CODES``: code, severity, meaning); it is read from there, so a registered
code is described here without a second copy."""
from __future__ import annotations

import functools


@functools.cache
def table() -> dict[str, list[tuple[str, str]]]:
    """{code: [(severity, description), ...]} from the validator's code registry."""
    from newsld.validator import CODES
    out: dict[str, list[tuple[str, str]]] = {}
    for row in CODES:
        out.setdefault(row["code"], []).append((row["severity"], row["meaning"]))
    return out


def describe(code: str) -> dict:
    """{"short", "full", "help", "level"} for a code; a code the table lacks gets a plain text."""
    rows = table().get(code)
    if not rows:
        text = f"newsld issue {code}: see the result's message for what is wrong and how to fix it"
        return {"short": f"newsld: {code}", "full": text, "help": text, "level": "warning"}
    short = rows[0][1].split(" (")[0].rstrip(".;:")
    full = "; ".join(f"{s}: {d}" if s else d for s, d in rows)
    help_text = (f"{code}: {full}. Each result's message says what is wrong in that page and how "
                 "to fix it; run `newsld validate --format text FILE` to see the issues of one file.")
    return {"short": short[:1].upper() + short[1:], "full": full, "help": help_text, "level": rows[0][0]}
