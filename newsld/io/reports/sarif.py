"""SARIF 2.1.0, for GitHub code scanning."""
from __future__ import annotations

import json


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
