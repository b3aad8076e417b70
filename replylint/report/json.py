"""The JSON report, per the contract in DESIGN.md.

Schema version 2 added ``where`` to every location: the place in a document (.docx, PDF,
HTML) the location points at, ``null`` for text files.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from pydantic_core import to_json

from replylint.engine import Report
from replylint.models import Finding, Lang

SCHEMA_VERSION = 2


def finding_dict(finding: Finding, lang: Lang) -> dict[str, Any]:
    """One finding as the contract lays it out."""
    return {
        "rule": finding.rule,
        "name": finding.name,
        "group": finding.group,
        "severity": finding.severity,
        "message": finding.message(lang),
        "locations": [loc.model_dump() for loc in finding.locations],
        "fix": finding.fix.model_dump() if finding.fix else None,
        "fingerprint": finding.fingerprint,
    }


def report_dict(report: Report, lang: Lang = "zh") -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    return {
        "tool": {"name": "replylint", "version": report.version},
        "schema_version": SCHEMA_VERSION,
        "files": list(report.files),
        "findings": [finding_dict(f, lang) for f in report.findings],
        "errors": [e.model_dump() for e in report.errors],
        "summary": {
            "files": len(report.files),
            "findings": len(report.findings),
            "by_severity": dict(Counter(f.severity for f in report.findings)),
            "hidden": {"comments": report.suppressed, "baseline": report.baselined},
        },
    }


def render(report: Report, lang: Lang = "zh") -> str:
    """The report as indented JSON text, Chinese kept readable."""
    data = report_dict(report, lang)
    try:
        # pydantic-core writes the same text as json.dumps(indent=2), several times faster.
        return to_json(data, indent=2).decode("utf-8") + "\n"
    except ValueError:  # text json.dumps can write and pydantic-core cannot, such as a lone surrogate
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
