"""The ledger on a terminal (grouped tables that fit 80 columns), as CSV and as JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from replylint.ledger import Form, Ledger, Metric, Point

CSV_COLUMNS = (
    "section", "subject", "topic", "form", "letter", "letter_date", "line", "column", "written",
    "value", "high", "unit", "approx", "bound", "scope", "scope_start", "scope_end", "cumulative", "docno",
    "issued", "flags",
)
FLAG_STYLE = "bold red"


def _day(value) -> str:
    return value.isoformat() if value else "—"


def _scope(point: Point) -> str:
    """The time scope in a few cells: the phrase, and the date that 累计 or 目前 counts up to."""
    scope = point.scope
    words = scope.phrase or "—"
    return f"{words} ≤{scope.end}" if scope.end and scope.kind in ("cumulative", "relative") else words


def _metric_table(metric: Metric, number: dict[str, str]) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 2), header_style="dim", expand=False)
    for column in ("date", "letter", "scope", "written", "normalised"):
        table.add_column(column, overflow="fold")
    for point in metric.points:
        flagged = " ".join(f"⚑{flag.rule}" for flag in point.flags)
        written = Text(point.written, style=FLAG_STYLE if flagged else "")
        if flagged:
            written.append(f" {flagged}", style=FLAG_STYLE)
        table.add_row(_day(point.where.date), number[point.where.path], _scope(point), written, point.normalised)
    return table


def _metric_heading(metric: Metric) -> Text:
    kinds = [word for word, on in (("running total", metric.cumulative), ("part", metric.part),
                                   ("planned", metric.planned)) if on]
    letters = len(metric.letters)
    text = Text(f"  {metric.label}", style="bold")
    text.append(f"  {metric.key}" + "".join(f" · {k}" for k in kinds) + f" · {letters} letter{'s' * (letters > 1)}",
                style="dim")
    return text


def _uses(form: Form, number: dict[str, str]) -> str:
    return ", ".join(dict.fromkeys(f"{number[u.where.path]} {_day(u.where.date)}" for u in form.uses))


def render_table(ledger: Ledger, console: Console) -> None:
    """Print the letters (numbered in time order), then the metrics by topic, the titles and the organisations."""
    number = {ref.path: f"#{i}" for i, ref in enumerate(ledger.letters, start=1)}
    console.print(Text("Letters", style="bold underline"))
    for ref in ledger.letters:
        console.print(f"  {number[ref.path]:<3} {_day(ref.date)}  {ref.path}" + (f"  {ref.docno}" if ref.docno else ""))
    console.print()
    console.print(Text(f"Metrics ({len(ledger.metrics)})", style="bold underline"))
    topic: object = object()
    for metric in ledger.metrics:
        if metric.topic != topic:
            topic = metric.topic
            console.print(Text(f"“{topic}”" if topic else "(no topic)", style="bold cyan"))
        console.print(_metric_heading(metric))
        console.print(_metric_table(metric, number))
    console.print()
    console.print(Text(f"Policy titles ({len(ledger.titles)})", style="bold underline"))
    for entry in ledger.titles:
        heading = Text(f"《{entry.title}》" if entry.title else "(文号 only)", style="bold")
        if entry.docnos:
            heading.append("  " + "、".join(entry.docnos), style="dim")
        if entry.variant:
            heading.append(f"  {len(entry.forms)} spellings", style=FLAG_STYLE)
        console.print(heading)
        for form in entry.forms:
            mark = "=" if form.text == entry.title else "≠"
            console.print(Text(f"  {mark} {form.text}", style="" if mark == "=" else "yellow"), overflow="fold")
            console.print(Text(f"      {_uses(form, number)}", style="dim"), overflow="fold")
    console.print()
    console.print(Text(f"Organisations ({len(ledger.organisations)})", style="bold underline"))
    if not ledger.organisations:
        return
    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 2), header_style="dim")
    table.add_column("key", overflow="fold")
    table.add_column("forms (times written)", overflow="fold")
    for org in ledger.organisations:
        table.add_row(org.key, "、".join(f"{f.text}×{len(f.uses)}" for f in org.forms))
    console.print(table)


def csv_rows(ledger: Ledger) -> Iterator[dict[str, object]]:
    """One row per value, title use and name use, with the columns of :data:`CSV_COLUMNS`."""
    for metric in ledger.metrics:
        for p in metric.points:
            yield dict(
                section="metric", subject=metric.label, topic=metric.topic, form=metric.key, letter=p.where.path,
                letter_date=p.where.date, line=p.where.line, column=p.where.column, written=p.written,
                value=p.value, high=p.high, unit=p.unit, approx=p.approx, bound=p.bound, scope=p.scope.phrase,
                scope_start=p.scope.start, scope_end=p.scope.end, cumulative=p.running,
                flags=" ".join(f.rule for f in p.flags),
            )
    for entry in ledger.titles:
        for form in entry.forms:
            for use in form.uses:
                yield dict(section="title", subject=entry.title, form=form.text, docno=use.docno, issued=use.issued,
                           **_place(use.where))
    for org in ledger.organisations:
        for form in org.forms:
            for use in form.uses:
                yield dict(section="organisation", subject=org.key, form=form.text, **_place(use.where))


def _place(where) -> dict[str, object]:
    return dict(letter=where.path, letter_date=where.date, line=where.line, column=where.column, written=where.text)


def render_csv(ledger: Ledger, bom: bool = True) -> str:
    """The ledger as CSV text; with ``bom``, a byte-order mark first so spreadsheets read it as UTF-8."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in csv_rows(ledger):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return ("\ufeff" if bom else "") + out.getvalue()


def render_json(ledger: Ledger) -> str:
    """The ledger as indented JSON, Chinese kept readable; values are exact decimals as strings."""
    return json.dumps(ledger.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
