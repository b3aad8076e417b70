"""The ledger as an HTML fragment: a chart per metric over time, its values, titles and names.

Each metric that two or more letters state gets a small inline SVG chart of its values
against the letters' dates (a running total as a step line, other figures as points joined
by a thin line). A value that a rule flagged (RL101 total-decreased, RL102 conflicting-figure)
is drawn large and red and links to the finding, which shows the passage of every letter it
points at. No script and no network: the page works offline and under a strict
Content-Security-Policy. Every piece of letter text is escaped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape

from replylint.corpus import Corpus
from replylint.ledger import Ledger, Metric, Point, Where
from replylint.models import Finding, Lang, Location

FLAGGED_RULES = ("RL101", "RL102")
WIDTH, HEIGHT = 420, 170
LEFT, RIGHT, TOP, BOTTOM = 64, 64, 20, 28
LABELS = {
    "zh": {
        "ledger": "台账：各函所述数据、标题与单位", "charts": "多份信函所述数据",
        "other": "仅一份信函所述数据（{n} 项）", "titles": "政策文件标题", "orgs": "单位名称",
        "date": "日期", "letter": "信函", "scope": "时间范围", "written": "原文", "value": "数值",
        "flagged": "被规则标记的数值", "spellings": "写法", "docno": "文号", "key": "单位", "forms": "写法（次数）",
        "running": "累计数", "page": "replylint 台账", "finding": "问题", "no_scope": "未注明",
    },
    "en": {
        "ledger": "Ledger: what the letters said", "charts": "Figures stated in two or more letters",
        "other": "Figures stated in one letter ({n})", "titles": "Policy titles", "orgs": "Organisations",
        "date": "Date", "letter": "Letter", "scope": "Time scope", "written": "As written", "value": "Value",
        "flagged": "Values a rule flagged", "spellings": "Spellings", "docno": "文号", "key": "Organisation",
        "forms": "Forms (times written)", "running": "running total", "page": "replylint ledger",
        "finding": "Finding", "no_scope": "not stated",
    },
}
STYLE = """
.ledger{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222}
.ledger table{border-collapse:collapse;margin:.3rem 0 1rem}.ledger th,.ledger td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.ledger th{background:#f4f4f4}.ledger .metric{display:inline-block;vertical-align:top;margin:0 1rem 1rem 0;border:1px solid #ccc;border-radius:4px;padding:.5rem}
.ledger figcaption{font-weight:bold}.ledger .topic{color:#0061a8}.ledger .muted{color:#666;font-size:.85rem}
.ledger svg .axis{stroke:#999;stroke-width:1}.ledger svg .line{fill:none;stroke:#0061a8;stroke-width:2}
.ledger svg .point{fill:#0061a8}.ledger svg .flagged{fill:#d00000;stroke:#fff;stroke-width:2}
.ledger svg text{font-size:11px;fill:#444}.ledger tr.flagged td{background:#ffe3e3}.ledger .variant{color:#a15c00;font-weight:bold}
.ledger .passage{margin:.3rem 0;border:1px solid #ccc;border-radius:4px;padding:.4rem;background:#fafafa}
.ledger .passage p{margin:0;line-height:1.6}.ledger mark{background:#ffe066;font-weight:bold}
.ledger :target{outline:3px solid #d00000}.ledger table.values td,.ledger td.docno{white-space:nowrap}
"""


def anchor(fingerprint: str) -> str:
    """The id of a finding's block or row: from its fingerprint, so links survive unrelated edits."""
    return f"finding-{fingerprint[:16]}"


def passage_id(fingerprint: str, loc: Location) -> str:
    """The id of the passage a finding shows for one of its locations."""
    return f"{anchor(fingerprint)}-{hashlib.sha1(loc.path.encode()).hexdigest()[:8]}-{loc.line}-{loc.column}"


def short(value: Decimal) -> str:
    """A value for an axis label: 亿 and 万 for large numbers, trailing zeros dropped."""
    for size, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        if abs(value) >= size:
            return f"{(value / size).quantize(Decimal('0.01')).normalize():f}{word}"
    return f"{value.normalize():f}"


def charted(ledger: Ledger) -> list[Metric]:
    """The metrics that two or more dated letters state: those that get a chart."""
    return [m for m in ledger.metrics if len({p.where.path for p in m.points if p.where.date}) >= 2]


def chart(metric: Metric, lang: Lang = "zh") -> str:
    """An inline SVG of the metric's values against the letters' dates; flagged values link to their finding.

    Each date a letter gives a value on has a column of its own, in time order and evenly
    spaced (letters four days apart stay legible beside letters a year apart); the value axis
    starts at zero, so a total that shrinks is seen to shrink.
    """
    points = [p for p in metric.points if p.where.date]
    days = sorted({p.where.date for p in points})
    top = max(p.value for p in points) or Decimal(1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(days) - 1)

    def x(day) -> float:
        return round(LEFT + (plot_w / 2 if len(days) == 1 else step * days.index(day)), 1)

    def y(value: Decimal) -> float:
        return round(TOP + plot_h * (1 - float(value / top)), 1)

    xy = [(x(p.where.date), y(p.value)) for p in points]
    if metric.cumulative:
        path = f"M{xy[0][0]},{xy[0][1]}" + "".join(f" H{px} V{py}" for px, py in xy[1:])
    else:
        path = "M" + " L".join(f"{px},{py}" for px, py in xy)
    parts = [
        f'<svg class="chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" data-metric="{escape(metric.key)}" '
        f'data-kind="{"step" if metric.cumulative else "line"}"><title>{escape(metric.label)}</title>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end">{escape(short(top))}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h + 4}" text-anchor="end">0</text>',
        f'<path class="line" d="{path}"/>',
    ]
    for day in days:
        parts.append(f'<text x="{x(day)}" y="{TOP + plot_h + 16}" text-anchor="middle">{day.isoformat()}</text>')
    for p, (px, py) in zip(points, xy):
        tip = escape(f"{p.written} · {p.where.path} ({p.where.date}) · {p.scope.phrase or LABELS[lang]['no_scope']}")
        parts.append(f'<text class="value" x="{px + 9}" y="{py - 6}">{escape(short(p.value))}</text>')
        if p.flags:
            rules = " ".join(f.rule for f in p.flags)
            roles = " ".join(f.role or "" for f in p.flags)
            parts.append(
                f'<a href="#{anchor(p.flags[0].fingerprint)}"><circle class="point flagged" cx="{px}" cy="{py}" r="7" '
                f'data-rule="{rules}" data-role="{escape(roles)}" data-value="{escape(p.written)}">'
                f"<title>{tip} · {rules} {escape(roles)}</title></circle></a>")
        else:
            parts.append(f'<circle class="point" cx="{px}" cy="{py}" r="4" data-value="{escape(p.written)}">'
                         f"<title>{tip}</title></circle>")
    parts.append("</svg>")
    return "".join(parts)


def _place(where: Where) -> str:
    return f"{escape(where.path)}:{where.line}:{where.column}"


def _flag_links(point: Point, findings: dict[str, Finding]) -> str:
    """Links from a flagged value to its finding and to the passage of every letter the finding names."""
    links = []
    for flag in point.flags:
        finding = findings.get(flag.fingerprint)
        passages = "".join(
            f' <a href="#{passage_id(flag.fingerprint, loc)}" title="{escape(loc.label())}">¶{i}</a>'
            for i, loc in enumerate(finding.locations if finding else (), start=1))
        links.append(f' <a href="#{anchor(flag.fingerprint)}">{escape(flag.rule)}</a>{passages}')
    return "".join(links)


def _points_table(metric: Metric, findings: dict[str, Finding], lang: Lang) -> str:
    labels = LABELS[lang]
    rows = []
    for p in metric.points:
        row_class = ' class="flagged"' if p.flags else ""
        rows.append(
            f"<tr{row_class}><td>{p.where.date or '—'}</td><td>{_place(p.where)}</td>"
            f"<td>{escape(p.scope.describe(lang))}</td>"
            f"<td>{escape(p.written)}{_flag_links(p, findings)}</td><td>{escape(p.normalised)}</td></tr>")
    head = "".join(f"<th>{labels[k]}</th>" for k in ("date", "letter", "scope", "written", "value"))
    return f'<table class="values"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _caption(metric: Metric, labels: dict[str, str]) -> str:
    topic = f' <span class="topic">“{escape(metric.topic)}”</span>' if metric.topic else ""
    running = f' <span class="muted">({labels["running"]})</span>' if metric.cumulative else ""
    return f"<figcaption>{escape(metric.label)}{topic}{running}</figcaption>"


def _findings(ledger: Ledger, findings: dict[str, Finding], corpus: Corpus, lang: Lang) -> str:
    """The findings that flag a value, each with the passage of every letter it names."""
    from replylint.report.html import passage

    letters = {letter.path: letter for letter in corpus}
    shown = dict.fromkeys(f.fingerprint for m in ledger.metrics for p in m.points for f in p.flags)
    blocks = []
    for fingerprint in shown:
        finding = findings[fingerprint]
        passages = "".join(
            f'<figure class="passage" id="{passage_id(fingerprint, loc)}"><figcaption class="muted">'
            f"{escape(loc.label())}{f' · {escape(loc.role)}' if loc.role else ''}</figcaption>"
            f"{passage(letters, loc)}</figure>" for loc in finding.locations)
        blocks.append(f'<div class="finding" id="{anchor(fingerprint)}"><p><strong>{escape(finding.rule)} '
                      f"{escape(finding.name)}</strong>: {escape(finding.message(lang))}</p>{passages}</div>")
    return f"<h3>{LABELS[lang]['flagged']}</h3>{''.join(blocks)}" if blocks else ""


def _forms_cell(forms: Sequence, title: str | None) -> str:
    return "<br>".join(
        f'<span class="{"" if f.text == title else "variant"}">{escape(f.text)}</span> '
        f'<span class="muted">{escape(", ".join(dict.fromkeys(_place(u.where) for u in f.uses)))}</span>'
        for f in forms)


def section(ledger: Ledger, findings: Iterable[Finding], corpus: Corpus, lang: Lang = "zh",
            *, with_findings: bool = True) -> str:
    """The ledger section: charts, the values' tables, titles and names; ``with_findings`` adds
    the findings that flag a value with their passages (a report that shows its findings with
    the same ids already has them)."""
    labels = LABELS[lang]
    by_fingerprint = {f.fingerprint: f for f in findings}
    charts = sorted(charted(ledger), key=lambda m: not any(p.flags for p in m.points))
    others = [m for m in ledger.metrics if m not in charts]
    figures = "".join(
        f'<figure class="metric">{_caption(m, labels)}{chart(m, lang)}{_points_table(m, by_fingerprint, lang)}</figure>'
        for m in charts)
    rest = "".join(f"<h4>{_caption(m, labels)}</h4>{_points_table(m, by_fingerprint, lang)}" for m in others)
    titles = "".join(
        f'<tr><td>{_forms_cell(t.forms, t.title)}</td><td class="docno">{escape("、".join(t.docnos))}</td></tr>' for t in ledger.titles)
    orgs = "".join(
        f"<tr><td>{escape(o.key)}</td><td>{escape('、'.join(f'{f.text}×{len(f.uses)}' for f in o.forms))}</td></tr>"
        for o in ledger.organisations)
    flagged = _findings(ledger, by_fingerprint, corpus, lang) if with_findings else ""
    return (
        f'<section class="ledger" id="ledger"><h2>{labels["ledger"]}</h2>'
        f"<h3>{labels['charts']}</h3>{figures}{flagged}"
        f"<details><summary>{labels['other'].format(n=len(others))}</summary>{rest}</details>"
        f"<h3>{labels['titles']}</h3><table><thead><tr><th>{labels['spellings']}</th><th>{labels['docno']}</th></tr>"
        f"</thead><tbody>{titles}</tbody></table>"
        f"<h3>{labels['orgs']}</h3><table><thead><tr><th>{labels['key']}</th><th>{labels['forms']}</th></tr></thead>"
        f"<tbody>{orgs}</tbody></table></section>"
    )


def page(ledger: Ledger, findings: Iterable[Finding], corpus: Corpus, lang: Lang = "zh") -> str:
    """A standalone HTML page holding only the ledger section (no script, nothing fetched)."""
    labels = LABELS[lang]
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{labels['page']}</title><style>{STYLE}</style></head><body>"
        f"{section(ledger, findings, corpus, lang)}</body></html>\n"
    )
