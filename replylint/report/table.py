"""The terminal report: findings grouped by file, each with its place and the text in context."""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from replylint.engine import Report
from replylint.listing import LISTED
from replylint.models import Finding, Lang, Location

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CONTEXT = 12


def place(loc: Location) -> str:
    """Where a location is, as a reader looks for it: the document place, else line:column."""
    return loc.where or f"{loc.line}:{loc.column}"


def _snippet(report: Report, loc: Location) -> Text:
    """The offending text highlighted within a few characters of its line."""
    line = report.source_line(loc.path, loc.line)
    if line is None:
        return Text(loc.text, style="reverse")
    start = loc.column - 1
    end = loc.end_column - 1 if loc.end_line == loc.line else len(line)
    before = line[max(0, start - CONTEXT) : start]
    after = line[end : end + CONTEXT]
    text = Text("…" if start > CONTEXT else "", style="dim")
    text.append(before, style="dim")
    text.append(line[start:end] or loc.text, style="bold reverse")
    text.append(after, style="dim")
    if end + CONTEXT < len(line):
        text.append("…", style="dim")
    return text


def _cell(report: Report, finding: Finding, loc: Location, lang: Lang) -> Text:
    """The message, the text at ``loc`` and the finding's other places: past five, how many
    more (a value stated by hundreds of letters would fill the terminal; JSON lists them all)."""
    text = Text(finding.message(lang))
    text.append("\n")
    text.append_text(_snippet(report, loc))
    others = [o for o in finding.locations if o is not loc]
    for other in others[:LISTED]:
        role = f"{other.role}: " if other.role else ""
        text.append(f"\n↔ {role}{other.label()} ", style="dim")
        text.append_text(_snippet(report, other))
    if len(others) > LISTED:
        more = len(others) - LISTED
        text.append(f"\n↔ 另有 {more} 处（--format json 列出全部）" if lang == "zh"
                    else f"\n↔ {more} more places (--format json lists every one)", style="dim")
    return text


def render(report: Report, console: Console, lang: Lang = "zh", *, quiet: bool = False) -> None:
    """Print the findings grouped by file, then the unreadable files and a summary line."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.locations[0].path if finding.locations else ""].append(finding)
    for path, findings in by_file.items():
        console.print(Text(path, style="bold underline"))
        table = Table(box=None, show_header=False, pad_edge=False, expand=False, padding=(0, 1, 0, 0))
        table.add_column("where", no_wrap=True, style="bold")
        table.add_column("severity", no_wrap=True)
        table.add_column("rule", no_wrap=True)
        table.add_column("message", overflow="fold")
        for finding in findings:
            loc = finding.locations[0]
            table.add_row(
                place(loc),
                Text(finding.severity, style=STYLES[finding.severity]),
                finding.rule,
                _cell(report, finding, loc, lang),
            )
        console.print(table)
        console.print()
    for error in report.errors:
        console.print(Text(f"{error.path}: error: {error.reason}", style="bold red"))
    if quiet:
        return
    counts = Counter(f.severity for f in report.findings)
    parts = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
    summary = f"{len(report.findings)} findings" + (f" ({parts})" if parts else "")
    summary += f" in {len(report.files)} files"
    if report.errors:
        summary += f"; {len(report.errors)} files could not be read"
    if report.suppressed or report.baselined:
        summary += f"; hidden: {report.suppressed} by comments, {report.baselined} by the baseline"
    console.print(Text(summary + ".", style="bold"))


def render_statistics(report: Report, console: Console) -> None:
    """Print how many findings each rule has, most first."""
    by_rule = Counter(f.rule for f in report.findings)
    names = {f.rule: (f.name, f.severity) for f in report.findings}
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    for _ in range(4):
        table.add_column(no_wrap=True)
    for code, count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        name, severity = names[code]
        table.add_row(str(count), code, name, Text(severity, style=STYLES[severity]))
    console.print(table)
