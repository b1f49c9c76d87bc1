"""SARIF 2.1.0, for GitHub code scanning (and any SARIF viewer).

What GitHub's upload requires, and how newsld gives it:

* ``artifactLocation.uri``: a percent-encoded URI. A file below the working directory (the
  checkout, in CI) is relative to it, with ``uriBaseId`` ``%SRCROOT%`` (defined in the run's
  ``originalUriBaseIds``); a file elsewhere is an absolute ``file://`` URI; a URL stays a URL.
* ``region.startLine`` (and ``startColumn`` when known): where the issue is, from the issue's
  ``location`` (see newsld.pages.locate); line 1 when newsld cannot place it.
* ``partialFingerprints``: ``newsldIssue/v1``, a hash of the file, the code, the issue path and
  the occurrence, so an issue keeps its identity when lines move.
* every rule with ``shortDescription``, ``fullDescription`` and ``help``, from the issue codes'
  table (newsld.io.reports.rules).
"""
from __future__ import annotations

import hashlib
import json
import os
from urllib.parse import quote

from newsld.io.reports.common import is_url, line_col, repo_path
from newsld.io.reports.rules import describe

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
# RFC 3986 reserved and unreserved characters: kept as they are in a URL (and "%", which is
# already an escape in a URL)
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def artifact_location(source: str, root: str | None = None) -> dict:
    """The SARIF artifactLocation of a source name (see the module docstring)."""
    if is_url(source):
        return {"uri": quote(source, safe=_URL_SAFE)}
    rel = repo_path(source, root)
    if rel is not None:
        return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}
    if source == "-":
        return {"uri": "stdin"}
    path = os.path.abspath(source).replace(os.sep, "/")
    return {"uri": "file://" + quote(path if path.startswith("/") else "/" + path, safe="/")}


def _root_uri(root: str | None) -> str:
    path = os.path.abspath(root or os.getcwd()).replace(os.sep, "/").rstrip("/") + "/"
    return "file://" + quote(path if path.startswith("/") else "/" + path, safe="/")


def _rule(code: str) -> dict:
    d = describe(code)
    return {"id": code, "name": "".join(w.capitalize() for w in code.split("-")),
            "shortDescription": {"text": d["short"]}, "fullDescription": {"text": d["full"]},
            "help": {"text": d["help"], "markdown": d["help"]},
            "defaultConfiguration": {"level": LEVEL.get(d["level"], "warning")},
            "properties": {"tags": ["structured-data", "schema.org"]}}


def _result(src: str, issue: dict, rule_index: int, seen: dict) -> dict:
    where = artifact_location(src)
    line, col = line_col(issue)
    region = {"startLine": line}
    if col:
        region["startColumn"] = int(col)
    key = (where["uri"], issue["code"], issue["path"])
    seen[key] = seen.get(key, 0) + 1
    fingerprint = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8", "surrogatepass")).hexdigest()
    return {
        "ruleId": issue["code"], "ruleIndex": rule_index, "level": LEVEL.get(issue["severity"], "note"),
        "message": {"text": f"{issue['path']}: {issue['message']}"},
        "locations": [{"physicalLocation": {"artifactLocation": where, "region": region},
                       "logicalLocations": [{"fullyQualifiedName": issue["path"]}]}],
        "partialFingerprints": {"newsldIssue/v1": fingerprint[:32]},
    }


def sarif(results, strict=False) -> str:
    codes = sorted({i["code"] for _, issues in results for i in issues})
    index = {c: n for n, c in enumerate(codes)}
    seen: dict = {}
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newsld", "informationUri": "https://schema.org/",
                                "rules": [_rule(c) for c in codes]}},
            "originalUriBaseIds": {SRCROOT: {"uri": _root_uri(None)}},
            "results": [_result(src, i, index[i["code"]], seen) for src, issues in results for i in issues],
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
