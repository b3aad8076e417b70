"""The JSON report, per the contract in DESIGN.md.

Schema version 2 added ``where`` to every location: the place in a document (.docx, PDF,
HTML) the location points at, ``null`` for text files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_json

from replylint.engine import Report
from replylint.models import Finding, Lang

SCHEMA_VERSION = 2


def finding_dict(finding: Finding, lang: Lang) -> dict[str, Any]:
    """One finding as the contract lays it out, its locations and fix still models: pydantic-core
    writes them as JSON objects itself, faster than dumping them to dicts first."""
    return {
        "rule": finding.rule,
        "name": finding.name,
        "group": finding.group,
        "severity": finding.severity,
        "message": finding.message(lang),
        "locations": finding.locations,
        "fix": finding.fix,
        "fingerprint": finding.fingerprint,
    }


def _model_dict(value: Any) -> Any:
    """``value`` with the models in it, in a dict or a tuple, dumped to dicts, as ``json.dumps`` needs."""
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, dict):
        return {name: _model_dict(item) for name, item in value.items()}
    if isinstance(value, tuple):
        return [_model_dict(item) for item in value]
    return value


def report_dict(report: Report, lang: Lang = "zh", *, findings: bool = True) -> dict[str, Any]:
    """The whole report as a JSON-ready dict (without the findings' dicts when ``findings`` is false)."""
    return {
        "tool": {"name": "replylint", "version": report.version},
        "schema_version": SCHEMA_VERSION,
        "files": list(report.files),
        "findings": [_model_dict(finding_dict(f, lang)) for f in report.findings] if findings else [],
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
    return "".join(pieces(report, lang))


def pieces(report: Report, lang: Lang = "zh") -> Iterator[str]:
    """The text of :func:`render` in pieces, one a finding, to write as they come: the JSON of
    120,000 findings is 110 MB, several times that as dicts and text at once."""
    head, tail = _dumps(report_dict(report, lang, findings=False)).split(_EMPTY_FINDINGS, 1)
    yield head + _EMPTY_FINDINGS[:-1]
    for number, finding in enumerate(report.findings):
        # Each finding stands two levels deep: four more spaces before each of its lines (a
        # line break inside a string is written as \n, so each line break is the layout's).
        yield ("," if number else "") + "\n    " + _dumps(finding_dict(finding, lang)).replace("\n", "\n    ")
    yield ("\n  ]" if report.findings else "]") + tail + "\n"


_EMPTY_FINDINGS = '\n  "findings": []'


def _dumps(data: Any) -> str:
    """``data`` as the text ``json.dumps(data, ensure_ascii=False, indent=2)`` writes."""
    try:
        # pydantic-core writes the same text, several times faster.
        return to_json(data, indent=2).decode("utf-8")
    except ValueError:  # text json.dumps can write and pydantic-core cannot, such as a lone surrogate
        return json.dumps(data, ensure_ascii=False, indent=2, default=_model_dict)
