"""The seeds' title, name, event, list, sum and formula claims match a reviewed snapshot.

Figures have their own snapshot and review (tests/golden/figures.jsonl, REVIEW.md). Rewrite
this one only on purpose, after reading the diff:
``REPLYLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_claims_golden.py``.
"""

import json
import os
from pathlib import Path

from replylint.engine import lint
from tests.conftest import SEEDS

GOLDEN = Path(__file__).parent / "golden" / "claims.jsonl"
KINDS = ("title", "name", "event", "list", "sum", "formula")


def snapshot() -> list[str]:
    lines = []
    for letter in lint([str(SEEDS)], select_codes=["RL501"]).corpus:
        for claim in letter.claims:
            if claim.kind in KINDS:
                record = claim.model_dump(mode="json", exclude={"span"})
                record.update(path=Path(letter.path).name, line=claim.span.line, column=claim.span.column)
                lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return lines


def test_seed_claims_match_the_reviewed_golden_file():
    lines = snapshot()
    if os.environ.get("REPLYLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8").splitlines() == lines


def test_the_snapshot_covers_every_kind():
    kinds = {json.loads(line)["kind"] for line in GOLDEN.read_text(encoding="utf-8").splitlines()}
    assert kinds == set(KINDS)
