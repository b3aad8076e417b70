"""The benchmark's corpus generator is deterministic and its injected problems are found."""

import sys
from pathlib import Path

from replylint.engine import lint

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate  # noqa: E402


def test_same_seed_gives_the_same_corpus(tmp_path):
    generate(tmp_path / "a", 15, seed=7)
    generate(tmp_path / "b", 15, seed=7)
    a = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert a == b and len(a) == 15


def test_every_synthetic_letter_parses_with_its_new_number_and_date(tmp_path):
    generate(tmp_path, 10, seed=3)
    report = lint([str(tmp_path)], select_codes=["RL501"])
    assert not report.errors and not report.findings
    for letter in report.corpus:
        assert letter.structure.docno is not None and letter.date is not None
        assert letter.structure.docno.year == letter.date.year
