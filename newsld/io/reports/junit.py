"""JUnit XML, one testcase per input, as Jenkins and GitLab read it."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from newsld.io.reports.common import is_valid


def junit(results, strict=False) -> str:
    failures = sum(not is_valid(i, strict) for _, i in results)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<testsuite name="newsld" tests="{len(results)}" failures="{failures}" errors="0">\n']
    for src, issues in results:
        out.append(f"  <testcase classname=\"newsld.validate\" name={quoteattr(src)}>\n")
        bad = [i for i in issues if not is_valid([i], strict)]
        if bad:
            msg = f"{len(bad)} issue(s)"
            body = "\n".join(f"{i['severity']} {i['code']} {i['path']}: {i['message']}" for i in bad)
            out.append(f"    <failure message={quoteattr(msg)} type=\"validation\">{escape(body)}</failure>\n")
        rest = [i for i in issues if i not in bad]
        if rest:
            body = "\n".join(f"{i['severity']} {i['code']} {i['path']}: {i['message']}" for i in rest)
            out.append(f"    <system-out>{escape(body)}</system-out>\n")
        out.append("  </testcase>\n")
    out.append("</testsuite>\n")
    return "".join(out)
