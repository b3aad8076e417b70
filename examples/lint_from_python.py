"""Check a folder of letters from Python and write a SARIF file beside the printed summary.

    python examples/lint_from_python.py [FOLDER] [SARIF_FILE]
"""

from __future__ import annotations

import sys
from collections import Counter

import replylint
from replylint.report import sarif


def main(folder: str = "seeds", sarif_path: str = "replylint.sarif") -> int:
    """Lint ``folder`` with its configuration, print one line per finding, write SARIF; exit 1 on findings."""
    report = replylint.lint([folder])
    for finding in report.findings:
        where = finding.locations[0]
        print(f"{where.path}:{where.line}:{where.column} {finding.rule} {finding.message('en')}")
    counts = Counter(f.severity for f in report.findings)
    print(f"{len(report.findings)} findings in {len(report.files)} files: {dict(counts)}")
    with open(sarif_path, "w", encoding="utf-8") as out:
        out.write(sarif.render(report, "en"))
    return 1 if report.findings else 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
