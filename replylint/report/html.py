"""The HTML report: one self-contained page, for a reviewer rather than a log reader.

No network: CSS and the small filtering script are inline, and a Content-Security-Policy
allows only that script (by its hash). Every piece of letter text is escaped. Each finding
shows the paragraph around each of its locations with the offending text highlighted; a
cross-letter finding shows its letters side by side. The ledger section follows the
findings (:mod:`replylint.report.ledger_html`): a chart per metric over time, whose flagged
values link to the finding rows and their passages by id.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html import escape

from replylint.corpus import Letter
from replylint.engine import Report
from replylint.ledger import build_ledger
from replylint.models import Finding, Lang, Location
from replylint.report import ledger_html

CONTEXT = 120
LABELS = {
    "zh": {
        "title": "replylint 检查报告",
        "summary": "{files} 个文件，{findings} 项问题",
        "hidden": "（已隐藏：注释 {suppressed} 项，基线 {baselined} 项）",
        "rule": "规则",
        "severity": "级别",
        "where": "位置",
        "message": "说明",
        "all": "全部",
        "shown": "显示 {n} 项",
        "errors": "无法读取的文件",
        "clean": "未发现问题。",
        "fix": "修改建议",
    },
    "en": {
        "title": "replylint report",
        "summary": "{findings} findings in {files} files",
        "hidden": " (hidden: {suppressed} by comments, {baselined} by the baseline)",
        "rule": "Rule",
        "severity": "Severity",
        "where": "Where",
        "message": "Message",
        "all": "all",
        "shown": "{n} shown",
        "errors": "Files that could not be read",
        "clean": "No findings.",
        "fix": "Fix",
    },
}
STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem;margin:0 0 .3rem}
form{margin:.8rem 0}label{margin-right:1rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}.sev{font-weight:bold}.error{color:#b00020}.warning{color:#a15c00}.info{color:#0061a8}
.passages{display:flex;gap:.8rem;flex-wrap:wrap;margin-top:.4rem}
.passage{flex:1 1 18rem;margin:0;border:1px solid #ccc;border-radius:4px;padding:.4rem;background:#fafafa}
.passage figcaption{font-size:.85rem;color:#555;margin-bottom:.2rem}
.passage p{margin:0;white-space:pre-wrap;line-height:1.6}
mark{background:#ffe066;padding:0 .1rem;font-weight:bold}
.fix{font-size:.85rem;color:#2b6e2b}.hidden{display:none}
"""
SCRIPT = """
(function () {
  var rule = document.getElementById("rule-filter");
  var severity = document.getElementById("severity-filter");
  var shown = document.getElementById("shown");
  var template = shown.getAttribute("data-template");
  function apply() {
    var n = 0;
    document.querySelectorAll("tr.finding").forEach(function (row) {
      var ok = (!rule.value || row.getAttribute("data-rule") === rule.value) &&
               (!severity.value || row.getAttribute("data-severity") === severity.value);
      row.classList.toggle("hidden", !ok);
      if (ok) { n += 1; }
    });
    shown.textContent = template.replace("{n}", String(n));
  }
  rule.addEventListener("change", apply);
  severity.addEventListener("change", apply);
  apply();
})();
"""


def _offset(text: str, line: int, column: int) -> int:
    """The original offset of a 1-based (line, column)."""
    lines = text.splitlines(keepends=True)
    return sum(len(x) for x in lines[: line - 1]) + column - 1


def _paragraph_range(letter: Letter, start: int, end: int) -> tuple[int, int]:
    """The original range of the view paragraph that holds ``start``, else the line."""
    source = letter.source
    mapping = source.view_to_text
    for para in source.paragraphs:
        if para.end > para.start and mapping[para.start] <= start < mapping[para.end - 1] + 1:
            return mapping[para.start], max(mapping[para.end - 1] + 1, end)
    first = source.text.rfind("\n", 0, start) + 1
    last = source.text.find("\n", end)
    return first, len(source.text) if last < 0 else last


def passage(letters: dict[str, Letter], loc: Location) -> str:
    """The paragraph around a location, escaped, with the location's text highlighted."""
    letter = letters.get(loc.path)
    if letter is None or letter.source is None:
        return f"<p><mark>{escape(loc.text)}</mark></p>"
    text = letter.source.text
    start = _offset(text, loc.line, loc.column)
    end = _offset(text, loc.end_line, loc.end_column)
    first, last = _paragraph_range(letter, start, end)
    first, last = max(first, start - CONTEXT), min(last, end + CONTEXT)
    before = ("…" if first > 0 and text[first - 1] != "\n" else "") + text[first:start]
    after = text[end:last] + ("…" if last < len(text) and text[last] != "\n" else "")
    return f"<p>{escape(before)}<mark>{escape(text[start:end])}</mark>{escape(after)}</p>"


def _row(finding: Finding, letters: dict[str, Letter], lang: Lang) -> str:
    first = finding.locations[0]
    figures = []
    for loc in finding.locations:
        role = f" · {escape(loc.role)}" if loc.role else ""
        caption = f"{escape(loc.label())}{role}"
        figures.append(f'<figure class="passage" id="{ledger_html.passage_id(finding.fingerprint, loc)}">'
                       f"<figcaption>{caption}</figcaption>{passage(letters, loc)}</figure>")
    fix = ""
    if finding.fix is not None:
        fix = f'<div class="fix">{LABELS[lang]["fix"]}: {escape(finding.fix.description)}</div>'
    return (
        f'<tr class="finding" id="{ledger_html.anchor(finding.fingerprint)}" data-rule="{escape(finding.rule)}" '
        f'data-severity="{finding.severity}">'
        f'<td class="sev {finding.severity}">{finding.severity}</td>'
        f"<td>{escape(finding.rule)}<br><small>{escape(finding.name)}</small></td>"
        f"<td>{escape(first.label())}</td>"
        f'<td>{escape(finding.message(lang))}{fix}<div class="passages">{"".join(figures)}</div></td></tr>'
    )


def _options(values: list[str], all_label: str) -> str:
    items = [f'<option value="">{escape(all_label)}</option>']
    items += [f'<option value="{escape(v)}">{escape(v)}</option>' for v in values]
    return "".join(items)


def render(report: Report, lang: Lang = "zh") -> str:
    """The report as one HTML page."""
    labels = LABELS[lang]
    letters = {letter.path: letter for letter in report.corpus}
    findings = [f for f in report.findings if f.locations]
    counts = Counter(f.rule for f in findings)
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    summary = labels["summary"].format(files=len(report.files), findings=len(findings))
    if report.suppressed or report.baselined:
        summary += labels["hidden"].format(suppressed=report.suppressed, baselined=report.baselined)
    rows = "".join(_row(f, letters, lang) for f in findings)
    body = (
        f"<table id=\"findings\"><thead><tr><th>{labels['severity']}</th><th>{labels['rule']}</th>"
        f"<th>{labels['where']}</th><th>{labels['message']}</th></tr></thead><tbody>{rows}</tbody></table>"
        if findings
        else f"<p>{labels['clean']}</p>"
    )
    errors = ""
    if report.errors:
        items = "".join(f"<li>{escape(e.path)}: {escape(e.reason)}</li>" for e in report.errors)
        errors = f"<h2>{labels['errors']}</h2><ul>{items}</ul>"
    flagging = [f for f in findings if f.rule in ledger_html.FLAGGED_RULES]
    ledger = ledger_html.section(build_ledger(report.corpus, flagging), flagging, report.corpus, lang, with_findings=False)
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{labels['title']}</title><style>{STYLE}{ledger_html.STYLE}</style></head><body>"
        f"<h1>{labels['title']}</h1><p class=\"summary\">{escape(summary)}</p>"
        f'<form id="filters"><label>{labels["rule"]} <select id="rule-filter">{_options(sorted(counts), labels["all"])}'
        f'</select></label><label>{labels["severity"]} <select id="severity-filter">'
        f'{_options([s for s in ("error", "warning", "info") if any(f.severity == s for f in findings)], labels["all"])}'
        f'</select></label><output id="shown" data-template="{escape(labels["shown"])}"></output></form>'
        f"{body}{errors}{ledger}<script>{SCRIPT}</script></body></html>\n"
    )
