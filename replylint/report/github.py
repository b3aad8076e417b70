"""GitHub Actions workflow commands: one annotation per finding, on the pull request's files."""

from __future__ import annotations

from replylint.engine import Report
from replylint.models import Finding, Lang

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, carriage return and line feed."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command's property value: as the message, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: Lang) -> str:
    """The workflow command for one finding, at its first location; the others named in the message."""
    first, *others = finding.locations
    props = {
        "file": first.path,
        "line": first.line,
        "col": first.column,
        "endLine": first.end_line,
        "endColumn": first.end_column,
        "title": f"{finding.rule} {finding.name}",
    }
    message = finding.message(lang)
    if first.where:
        message += f" [{first.where}]"
    if others:
        also = "另见" if lang == "zh" else "see also"
        message += f" ({also} " + ", ".join(o.label() for o in others) + ")"
    head = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{COMMANDS[finding.severity]} {head}::{escape_data(message)}"


def render(report: Report, lang: Lang = "zh") -> str:
    """Every finding as a workflow command, and every unreadable file as an error command."""
    lines = [annotation(f, lang) for f in report.findings if f.locations]
    lines += [f"::error file={escape_property(e.path)}::{escape_data(e.reason)}" for e in report.errors]
    return "".join(line + "\n" for line in lines)
