"""Measure the wording rules on the ECSpell official-document (ODW) sentences.

Each line of the TSV is ``errors<TAB>text<TAB>corrected``; a sentence with 0 errors is
correct. All sentences form one corpus (one letter each), so the corpus near-variant rule
(RL305) sees the whole set and the per-letter rules see each sentence alone. A sentence is
*detected* when a finding's first location overlaps a character that the correction changes.

    python bench/ecspell_eval.py PATH/odw_test.tsv [--rules RL302,RL303,RL304,RL305] [--show]
        [--background PATH/odw_train.tsv]

``--background`` adds the sentences of another file to the corpus, as a bureau's earlier
letters would be, without scoring them: the near-variant rule then sees more repeated text.

Prints, per rule and for all of them: sentence-level detection recall (erroneous sentences
detected at the right place), precision (of the sentences flagged, those detected at the
right place) and the false-alarm rate (correct sentences flagged).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from replylint.corpus import Corpus, Letter  # noqa: E402
from replylint.engine import run_rules  # noqa: E402
from replylint.models import Finding  # noqa: E402
from replylint.registry import all_rules, select  # noqa: E402
from replylint.source import Source  # noqa: E402

WORDING = "RL302,RL303,RL304,RL305"


def changed(text: str, corrected: str) -> set[int]:
    """Offsets in ``text`` of the characters the correction replaces or deletes."""
    out: set[int] = set()
    for op, i1, i2, _, _ in difflib.SequenceMatcher(None, text, corrected, autojunk=False).get_opcodes():
        if op != "equal":
            out.update(range(i1, max(i2, i1 + 1)))
    return out


def read(path: str, prefix: str = "odw") -> list[tuple[str, str, set[int]]]:
    """The (letter name, text, changed offsets) of every sentence of the TSV."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
        _, text, corrected = line.split("\t")
        rows.append((f"{prefix}-{number:04d}", text, changed(text, corrected)))
    return rows


def hit(finding: Finding, errors: set[int]) -> bool:
    """Whether the finding's first location overlaps a changed character (sentences are one line)."""
    loc = finding.locations[0]
    return any(loc.column - 1 <= i < loc.end_column - 1 for i in errors)


def score(rows: list[tuple[str, str, set[int]]], findings: list[Finding]) -> dict[str, float]:
    """Recall, precision and false-alarm rate of ``findings`` at sentence level."""
    errors = {name: bad for name, _, bad in rows}
    flagged = {f.locations[0].path for f in findings}
    detected = {f.locations[0].path for f in findings if hit(f, errors[f.locations[0].path])}
    wrong = sum(1 for bad in errors.values() if bad)
    right = len(errors) - wrong
    false_alarms = sum(1 for name in flagged if not errors[name])
    return {
        "findings": len(findings),
        "recall": len(detected) / wrong if wrong else 0.0,
        "precision": len(detected) / len(flagged) if flagged else 1.0,
        "false_alarm_rate": false_alarms / right if right else 0.0,
        "detected": len(detected),
        "flagged": len(flagged),
        "false_alarms": false_alarms,
        "erroneous": wrong,
        "correct": right,
    }


def main(argv: list[str] | None = None) -> None:
    """Run the rules on the TSV and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv")
    parser.add_argument("--rules", default=WORDING, help=f"comma-separated codes (default {WORDING})")
    parser.add_argument("--show", action="store_true", help="print every finding with its verdict")
    parser.add_argument("--background", help="a TSV whose sentences join the corpus unscored")
    args = parser.parse_args(argv)
    rows = read(args.tsv)
    extra = read(args.background, "background") if args.background else []
    corpus = Corpus(tuple(Letter.from_source(Source(path=name, text=text)) for name, text, _ in rows + extra))
    rules = select(all_rules(), args.rules.split(","))
    scored = {name for name, _, _ in rows}
    findings = [f for f in run_rules(corpus, rules) if f.locations[0].path in scored]
    texts = {name: (text, bad) for name, text, bad in rows}
    if args.show:
        for f in findings:
            loc = f.locations[0]
            text, bad = texts[loc.path]
            verdict = "hit" if hit(f, bad) else ("miss" if bad else "FALSE")
            print(f"{verdict:5} {f.rule} {loc.path} [{loc.text}] {text[max(0, loc.column - 10):loc.end_column + 8]}")
    print(f"{len(rows)} sentences ({score(rows, [])['erroneous']} with errors) from {args.tsv}"
          + (f", {len(extra)} unscored from {args.background}" if extra else ""))
    print(f"{'rule':8} {'findings':>8} {'recall':>16} {'precision':>16} {'false alarms':>16}")
    for code in [r.code for r in rules] + ["all"]:
        mine = [f for f in findings if code in ("all", f.rule)]
        s = score(rows, mine)
        print(f"{code:8} {s['findings']:8d} {s['recall']:6.1%} ({s['detected']:3d}/{s['erroneous']}) "
              f"{s['precision']:6.1%} ({s['detected']:3d}/{s['flagged']:3d}) "
              f"{s['false_alarm_rate']:6.1%} ({s['false_alarms']}/{s['correct']})")


if __name__ == "__main__":
    main()
