"""What each issue code means, for the reports that describe their rules (SARIF's
``tool.driver.rules``, the HTML report's fixes).

The one place the codes are described is the table "Codes and severities" in the validator's
documentation (``newsld.validator.__doc__``); it is read from there, so a code documented there
is described here without a second copy. ``input`` (a file that cannot be checked) is not a
validator code and is described below."""
from __future__ import annotations

import functools
import re

_EXTRA = {"input": [("error", ("the input cannot be checked: a missing or unreadable file, an empty page, "
                              "or text that is neither JSON-LD nor HTML; newsld says which and what to do"))]}
_RULER = re.compile(r"^\s*=+\s+=+\s+=+\s*$")


@functools.cache
def table() -> dict[str, list[tuple[str, str]]]:
    """{code: [(severity, description), ...]} from the validator's table."""
    import newsld.validator as v
    lines = (v.__doc__ or "").splitlines()
    rulers = [n for n, ln in enumerate(lines) if _RULER.match(ln)]
    out: dict[str, list[list[str]]] = {}
    if len(rulers) >= 2:
        cols = [m.start() for m in re.finditer(r"=+", lines[rulers[0]])]
        code = None
        for ln in lines[rulers[0] + 1:rulers[1]]:
            ln = ln.ljust(cols[2])
            name, sev, desc = ln[cols[0]:cols[1]].strip(), ln[cols[1]:cols[2]].strip(), ln[cols[2]:].strip()
            if name:
                code = name
            if code is None:
                continue
            rows = out.setdefault(code, [])
            if sev or not rows:
                rows.append([sev, desc])
            else:
                rows[-1][1] = f"{rows[-1][1]} {desc}".strip()
    merged = {k: [(s, d.replace("``", "`")) for s, d in rows] for k, rows in out.items()}
    return {**_EXTRA, **merged}


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
