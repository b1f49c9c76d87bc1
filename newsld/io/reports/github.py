"""GitHub Actions workflow commands: an annotation per issue, on its file and line.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step and 50 per
job; more are dropped without a word. So the annotations go errors first, then warnings, then
notes, at most 10 of each kind; every issue left out is still printed as a plain log line
(``newsld: FILE:LINE: severity code path: message``), and one summary annotation (a notice,
which takes the tenth notice place) says how many issues there are and how many are not shown
as annotations. A job that runs newsld in more than one step shares the 50 per job."""
from __future__ import annotations

from collections import Counter

from newsld.io.reports.common import (
    by_severity,
    issue_line,
    line_col,
    printable,
    repo_path,
)

LIMIT = 10  # annotations of one kind GitHub shows per step
KIND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(s: str, prop: bool = False) -> str:
    s = printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


def _annotation(src: str, issue: dict) -> str:
    kind = KIND.get(issue["severity"], "notice")
    props = []
    rel = repo_path(src)
    if rel is not None:
        line, col = line_col(issue)
        props += [f"file={_escape(rel, True)}", f"line={line}"] + ([f"col={int(col)}"] if col else [])
    title = f"newsld {issue['code']}" + ("" if rel is not None else f" ({src})")
    props.append(f"title={_escape(title, True)}")
    return f"::{kind} {','.join(props)}::{_escape(issue['path'] + ': ' + issue['message'])}\n"


def github(results, strict=False) -> str:
    rows = by_severity(results)
    total = Counter(KIND.get(i["severity"], "notice") for _, i in rows)
    held = any(n > LIMIT for n in total.values())
    room = {k: LIMIT - (1 if held and k == "notice" else 0) for k in ("error", "warning", "notice")}
    shown: Counter = Counter()
    out, rest = [], []
    for src, issue in rows:
        kind = KIND.get(issue["severity"], "notice")
        if shown[kind] < room[kind]:
            shown[kind] += 1
            out.append(_annotation(src, issue))
        else:
            line, _ = line_col(issue)
            rest.append(f"newsld: {printable(src)}:{line}: {printable(issue_line(issue))}\n")
    if rest:
        counts = ", ".join(f"{total[k]} {k}{'s' if total[k] != 1 else ''}" for k in ("error", "warning", "notice")
                           if total[k])
        out += rest
        out.append(f"::notice title=newsld summary::{_escape(counts)} in {len(results)} input(s); "
                   f"{len(rest)} not shown as annotations (GitHub shows {LIMIT} of each kind per step): "
                   "they are in this step's log, errors first\n")
    return "".join(out)
