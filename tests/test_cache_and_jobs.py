"""Parsed letters are cached between runs, parallel parsing gives the same report, and a run
that checks some letters of a corpus reports what a full run reports for them."""

import pickle
import shutil

from replylint import engine
from replylint.cache import LetterCache
from replylint.corpus import Corpus
from replylint.engine import lint, load_corpus, read_letter
from replylint.registry import all_rules
from replylint.testing import corpus_of, parse_cases
from tests.conftest import ROOT, SEEDS


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


def test_a_pickled_letter_comes_back_whole():
    letter = read_letter(str(SEEDS / "002_24bd33177cfbd43b.txt"))
    back = pickle.loads(pickle.dumps(letter))
    assert back == letter
    assert back.source.view == letter.source.view and back.source.view_to_text == letter.source.view_to_text
    assert back.source.paragraphs == letter.source.paragraphs
    assert [c.model_fields_set for c in back.claims] == [c.model_fields_set for c in letter.claims]
    assert hash(back.structure) == hash(letter.structure)


def test_per_letter_rules_find_on_each_letter_alone_what_they_find_in_the_corpus():
    corpus, _ = load_corpus(sorted(str(p) for p in SEEDS.glob("*.txt")))
    fixtures = [corpus_of(case.letters) for path in sorted((ROOT / "tests" / "rules").glob("*.md"))
                for case in parse_cases(path.read_text(encoding="utf-8")) if len(case.letters) > 1]
    for rule in (r for r in all_rules().values() if r.per_letter):
        for letters in [corpus, *fixtures]:
            alone = {f for letter in letters for f in rule(Corpus((letter,)))}
            assert alone == set(rule(letters)), rule.code


def test_a_pre_commit_run_reports_the_per_letter_findings_of_a_full_run_for_the_checked_letter():
    codes = [r.code for r in all_rules().values() if r.per_letter]
    full = lint([str(SEEDS)], select_codes=codes)
    one = SEEDS / "002_24bd33177cfbd43b.txt"
    checked = lint([str(one)], corpus=[str(SEEDS)], select_codes=codes)
    assert checked.findings
    assert checked.findings == tuple(f for f in full.findings if str(one) in f.paths())
