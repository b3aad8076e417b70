"""The SARIF 2.1.0 report, for code-scanning services and editors.

Columns count Unicode code points, and the run says so (``columnKind``). A finding's first
location is its location; the other letters of a cross-letter finding are its related
locations. Rules carry their documentation as help text. A location in a document (.docx,
PDF, HTML) has its region in the text extracted from it and names its place in the document
(``paragraph 12, offset 5``) as a logical location.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from replylint.engine import Report
from replylint.models import Finding, Lang, Location
from replylint.registry import Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:")


def _section(doc: str, heading: str) -> str:
    m = re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
    return " ".join(m.group(1).split()) if m else ""


def rule_dict(rule: Rule) -> dict[str, Any]:
    """A reportingDescriptor for one rule, its documentation as help."""
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": _section(rule.doc, "What it flags") or rule.summary or rule.name},
        "help": {"text": rule.doc or rule.summary or rule.name, "markdown": rule.doc or rule.summary or rule.name},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"group": rule.group},
    }


def _located(loc: Location) -> dict[str, Any]:
    """A SARIF location: the region (in the extracted text, for a document) and the document place."""
    located: dict[str, Any] = {"physicalLocation": _physical(loc)}
    if loc.where:
        located["logicalLocations"] = [{"fullyQualifiedName": loc.where, "kind": "element"}]
    return located


def _physical(loc: Location) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": _uri(loc.path)},
        "region": {
            "startLine": loc.line,
            "startColumn": loc.column,
            "endLine": loc.end_line,
            "endColumn": loc.end_column,
            "snippet": {"text": loc.text},
        },
    }


def result_dict(finding: Finding, index: dict[str, int], lang: Lang) -> dict[str, Any]:
    """A result for one finding."""
    first, *others = finding.locations
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message(lang)},
        "locations": [_located(first)],
        "partialFingerprints": {"replylint/v1": finding.fingerprint},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if others:
        result["relatedLocations"] = [
            {"id": n, **_located(loc), "message": {"text": loc.role or loc.path}}
            for n, loc in enumerate(others, start=1)
        ]
    if finding.fix is not None:
        result["properties"] = {"fix": finding.fix.description}
    return result


def report_dict(report: Report, lang: Lang = "zh") -> dict[str, Any]:
    """The whole report as a SARIF log with one run."""
    rules = sorted({r.code: r for r in report.rules}.values(), key=lambda r: r.code)
    index = {r.code: n for n, r in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "replylint",
                        "version": report.version,
                        "rules": [rule_dict(r) for r in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "language": "zh-CN" if lang == "zh" else "en-US",
                "artifacts": [{"location": {"uri": _uri(path)}} for path in report.files],
                "results": [result_dict(f, index, lang) for f in report.findings if f.locations],
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": [
                            {"level": "error", "message": {"text": f"{e.path}: {e.reason}"}} for e in report.errors
                        ],
                    }
                ],
            }
        ],
    }


def render(report: Report, lang: Lang = "zh") -> str:
    """The SARIF log as indented JSON text."""
    return json.dumps(report_dict(report, lang), ensure_ascii=False, indent=2) + "\n"
