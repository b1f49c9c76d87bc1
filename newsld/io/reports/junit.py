"""JUnit XML, one testcase per input, as Jenkins (junit-10.xsd) and GitLab read it: an input
that cannot be checked (unreadable, empty, not JSON-LD or HTML) is an ``<error>``, an input with
validation errors (or warnings, with --strict) a ``<failure>``; other issues go to
``<system-out>``. Control characters in names and messages are written as \\uXXXX, so the
document stays well-formed XML 1.0."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from newsld.io.reports.common import is_input_error, is_valid, issue_line, printable


def _attr(s: str) -> str:
    return quoteattr(printable(s))


def _body(issues) -> str:
    return escape(printable("\n".join(issue_line(i) for i in issues), keep_newlines=True))


def junit(results, strict=False) -> str:
    broken = [any(is_input_error(i) for i in issues) for _, issues in results]
    failing = [not b and not is_valid(issues, strict) for b, (_, issues) in zip(broken, results)]
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           (f'<testsuite name="newsld" tests="{len(results)}" failures="{sum(failing)}" '
            f'errors="{sum(broken)}">\n')]
    for (src, issues), is_broken in zip(results, broken):
        out.append(f"  <testcase classname=\"newsld.validate\" name={_attr(src)}>\n")
        bad = [i for i in issues if not is_valid([i], strict)]
        if bad:
            tag, kind = ("error", "input") if is_broken else ("failure", "validation")
            msg = bad[0]["message"] if is_broken else f"{len(bad)} issue(s)"
            out.append(f"    <{tag} message={_attr(msg)} type=\"{kind}\">{_body(bad)}</{tag}>\n")
        rest = [i for i in issues if i not in bad]
        if rest:
            out.append(f"    <system-out>{_body(rest)}</system-out>\n")
        out.append("  </testcase>\n")
    out.append("</testsuite>\n")
    return "".join(out)
