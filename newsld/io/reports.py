"""Validation results as text, JSON lines, JUnit XML, GitHub workflow annotations or SARIF.
Each formatter takes a list of (source, issues) pairs, issues being dicts with severity, code,
path and message, and returns the whole text to print."""
from __future__ import annotations

import json

FORMATS = ("text", "json", "junit", "github", "sarif")


def _valid(issues, strict: bool) -> bool:
    bad = ("error", "warning") if strict else ("error",)
    return not any(i["severity"] in bad for i in issues)


def text(results, strict=False) -> str:
    return "".join(f"{src}: {i['severity']} {i['code']} {i['path']}: {i['message']}\n"
                   for src, issues in results for i in issues)


def json_lines(results, strict=False) -> str:
    return "".join(json.dumps({"source": src, "valid": _valid(issues, strict), "issues": issues},
                              ensure_ascii=False) + "\n" for src, issues in results)


def junit(results, strict=False) -> str:
    # imported here: xml.sax.saxutils imports urllib.request (http.client, ssl, email), a
    # large share of a cold start for every command that never writes JUnit
    from xml.sax.saxutils import escape, quoteattr

    failures = sum(not _valid(i, strict) for _, i in results)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<testsuite name="newsld" tests="{len(results)}" failures="{failures}" errors="0">\n']
    for src, issues in results:
        out.append(f"  <testcase classname=\"newsld.validate\" name={quoteattr(src)}>\n")
        bad = [i for i in issues if not _valid([i], strict)]
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


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


def github(results, strict=False) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    return "".join(
        f"::{level.get(i['severity'], 'notice')} file={_gh_escape(src, True)},"
        f"title={_gh_escape('newsld ' + i['code'], True)}::{_gh_escape(i['path'] + ': ' + i['message'])}\n"
        for src, issues in results for i in issues)


def sarif(results, strict=False) -> str:
    level = {"error": "error", "warning": "warning", "info": "note"}
    codes = sorted({i["code"] for _, issues in results for i in issues})
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newsld", "informationUri": "https://schema.org/",
                                "rules": [{"id": c} for c in codes]}},
            "results": [{
                "ruleId": i["code"], "level": level.get(i["severity"], "note"),
                "message": {"text": f"{i['path']}: {i['message']}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": src}},
                               "logicalLocations": [{"fullyQualifiedName": i["path"]}]}],
            } for src, issues in results for i in issues],
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": text, "json": json_lines, "junit": junit, "github": github, "sarif": sarif}
