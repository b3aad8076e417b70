"""Parsed letters are cached between runs, and parallel parsing gives the same report."""

import shutil

from replylint import engine
from replylint.cache import LetterCache
from replylint.engine import lint
from tests.conftest import SEEDS


def test_a_warm_cache_reparses_only_the_changed_letter(tmp_path, monkeypatch):
    corpus = tmp_path / "letters"
    shutil.copytree(SEEDS, corpus)
    cache = LetterCache(tmp_path / "cache")
    first = lint([str(corpus)], cache=cache)
    parsed = []
    real = engine.parse_letter
    monkeypatch.setattr(engine, "parse_letter", lambda path, data: parsed.append(path) or real(path, data))
    changed = corpus / "002_24bd33177cfbd43b.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("建设", "建设的的", 1), encoding="utf-8")
    second = lint([str(corpus)], cache=cache)
    assert [p.rsplit("/", 1)[-1] for p in parsed] == ["002_24bd33177cfbd43b.txt"]
    assert len(second.findings) == len(first.findings) + 1


def test_cached_letters_give_the_same_findings_as_fresh_ones(tmp_path):
    cache = LetterCache(tmp_path / "cache")
    fresh = lint([str(SEEDS)])
    lint([str(SEEDS)], cache=cache)
    warm = lint([str(SEEDS)], cache=cache)
    assert warm.findings == fresh.findings


def test_a_corrupt_cache_entry_is_ignored(tmp_path):
    cache = LetterCache(tmp_path / "cache")
    lint([str(SEEDS)], cache=cache)
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert lint([str(SEEDS)], cache=cache).findings == lint([str(SEEDS)]).findings


def test_parallel_parsing_gives_the_same_report(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    serial = lint([str(SEEDS)], jobs=1)
    parallel = lint([str(SEEDS)], jobs=2)
    assert parallel.findings == serial.findings and parallel.files == serial.files
