"""Parsed letters are cached between runs, parallel parsing gives the same report, and a run
that checks some letters of a corpus reports what a full run reports for them."""

import pickle
import shutil
from pathlib import Path

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


def test_a_kept_value_is_made_once_and_made_again_when_it_does_not_load(tmp_path):
    cache, made = LetterCache(tmp_path / "cache"), []

    def make():
        made.append(1)
        return {"甲": (1, 2)}

    assert cache.kept("table", make) == {"甲": (1, 2)} and cache.kept("table", make) == {"甲": (1, 2)}
    assert len(made) == 1
    (cache.folder / "table.pickle").write_bytes(b"not a pickle")
    assert cache.kept("table", make) == {"甲": (1, 2)} and len(made) == 2
    (tmp_path / "file").write_text("", encoding="utf-8")
    unwritable = LetterCache(tmp_path / "file")  # its folder would be under a file
    assert unwritable.kept("table", make) == {"甲": (1, 2)} and unwritable.kept("table", make) and len(made) == 4


def test_a_run_with_a_cache_keeps_the_validated_tables_beside_the_letters(tmp_path):
    from replylint.tables import Tables, _load_tables

    cache = LetterCache(tmp_path / "cache")
    _load_tables.cache_clear()
    try:
        lint([str(SEEDS / "002_24bd33177cfbd43b.txt")], cache=cache)
    finally:
        _load_tables.cache_clear()
    assert isinstance(pickle.loads((cache.folder / "tables.pickle").read_bytes()), Tables)


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


def _checked_letters(monkeypatch) -> list[str]:
    """Record the letters the per-letter rules run on as they are read."""
    seen: list[str] = []
    real = engine.LetterChecks.run
    monkeypatch.setattr(engine.LetterChecks, "run", lambda self, letter: seen.append(letter.path.rsplit("/", 1)[-1]) or real(self, letter))
    return seen


def test_a_warm_whole_corpus_run_checks_only_the_changed_letter_letter_by_letter(tmp_path, monkeypatch):
    corpus = tmp_path / "letters"
    shutil.copytree(SEEDS, corpus)
    cache = LetterCache(tmp_path / "cache")
    lint([str(corpus)], cache=cache)
    changed = corpus / "002_24bd33177cfbd43b.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("建设", "建设的的", 1), encoding="utf-8")
    seen = _checked_letters(monkeypatch)
    warm = lint([str(corpus)], cache=cache)
    assert seen == ["002_24bd33177cfbd43b.txt"]
    assert warm.findings == lint([str(corpus)]).findings


def test_cached_findings_are_not_reused_under_other_rules_or_tables(tmp_path, monkeypatch):
    cache = LetterCache(tmp_path / "cache")
    lint([str(SEEDS)], cache=cache)
    seen = _checked_letters(monkeypatch)
    lint([str(SEEDS)], cache=cache)
    assert seen == []
    lint([str(SEEDS)], cache=cache, ignore_codes=["RL402"])
    assert len(seen) == 5
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "confusables.toml").write_text(
        '[[entry]]\nwrong = "数字贷"\nright = "数字化贷款"\nsource = "test"\nflag = ["数字贷"]\n', encoding="utf-8"
    )
    config = tmp_path / "replylint.toml"
    config.write_text(f'tables = ["{tables}"]\n', encoding="utf-8")
    edited = lint([str(SEEDS)], cache=cache, config=str(config))
    assert len(seen) == 10
    assert any(f.rule == "RL304" and "数字化贷款" in f.message_zh for f in edited.findings)


def test_the_checks_key_follows_the_rules_their_options_and_the_files_they_read(tmp_path):
    rules = [all_rules()[code] for code in ("RL204", "RL301")]
    termbase = tmp_path / "terms.toml"
    termbase.write_text("", encoding="utf-8")

    def key(options=None, tables=()):
        return engine.LetterChecks.of(rules, options or {}, tables).key

    plain = key()
    assert key() == plain and engine.LetterChecks.of(rules[1:], {}, ()).key != plain
    assert key({"RL204": {"chars_per_edit": 8}}) != plain
    with_terms = key({"RL204": {"termbase": (str(termbase),)}})
    termbase.write_text('[[term]]\nname = "数字贷"\n', encoding="utf-8")
    assert key({"RL204": {"termbase": (str(termbase),)}}) != with_terms
    in_tables = key(tables=[str(tmp_path)])
    (tmp_path / "variants.toml").write_text("", encoding="utf-8")
    assert key(tables=[str(tmp_path)]) != in_tables


def test_a_built_in_per_letter_rule_that_crashes_is_one_error_and_its_findings_are_not_cached(tmp_path, monkeypatch):
    from replylint.registry import REGISTRY

    cache = LetterCache(tmp_path / "cache")
    broken = REGISTRY["RL402"]

    def explode(corpus):
        raise RuntimeError("boom")

    explode.__module__ = broken.check.__module__
    monkeypatch.setitem(REGISTRY, "RL402", type(broken)(**{**broken.__dict__, "check": explode}))
    report = lint([str(SEEDS)], cache=cache)
    assert [(e.path, e.reason) for e in report.errors] == [("<rule RL402>", "the rule crashed: RuntimeError: boom")]
    assert report.findings and not any(f.rule == "RL402" for f in report.findings)
    monkeypatch.setitem(REGISTRY, "RL402", broken)
    fresh = lint([str(SEEDS)])
    seen = _checked_letters(monkeypatch)
    assert lint([str(SEEDS)], cache=cache).findings == fresh.findings
    assert len(seen) == 5


def _seed_copies(folder, copies):
    """``copies`` copies of the seeds in ``folder``, named ``N_seed``."""
    folder.mkdir()
    for copy in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{copy}_{seed.name}").write_bytes(seed.read_bytes())
    return folder


def _cache_writers(monkeypatch, log):
    """Log to ``log`` the process id and path of every cache entry written from now on, by
    any process: the (process, path) pairs logged so far."""
    import os

    real = LetterCache.put

    def put(self, path, *args):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {path}\n")
        real(self, path, *args)

    monkeypatch.setattr(LetterCache, "put", put)
    return lambda: [tuple(line.split(" ", 1)) for line in log.read_text(encoding="utf-8").splitlines()]


def test_parallel_reading_of_many_letters_keeps_their_order_and_findings(tmp_path, monkeypatch):
    # Enough letters for many chunks: this process reads some, the other reads the rest.
    letters = _seed_copies(tmp_path / "letters", 8)
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    serial = lint([str(letters)], jobs=1)
    parallel = lint([str(letters)], jobs=2)
    assert parallel.files == serial.files and len(parallel.files) == 40
    assert parallel.findings == serial.findings


def test_each_process_caches_the_letters_it_reads_and_a_warm_run_reads_them_all(tmp_path, monkeypatch):
    import os

    letters = _seed_copies(tmp_path / "letters", 8)
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    written = _cache_writers(monkeypatch, tmp_path / "writers")
    cache = LetterCache(tmp_path / "cache")
    cold = lint([str(letters)], jobs=2, cache=cache)
    pids = [pid for pid, _ in written()]
    assert len(pids) == 40 and len(set(pids)) == 2 and str(os.getpid()) in pids
    parsed = []
    monkeypatch.setattr(engine, "parse_letter", lambda path, data: parsed.append(path))
    assert lint([str(letters)], jobs=2, cache=cache).findings == cold.findings and parsed == []


def test_a_chunk_that_cannot_be_written_to_a_file_is_sent_back_whole(tmp_path):
    from replylint import parallel

    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    items = [(path, Path(path).read_bytes(), None, None) for path in paths]
    parallel._share(engine._read, items, parallel.Ends(len(items), 2), str(tmp_path / "missing"), None)
    kept, _ = parallel._map_from_end(False)
    assert [read.letter for start in sorted(kept) for read in kept[start]] == [read_letter(p) for p in paths]
    parallel._share(engine._read, items, parallel.Ends(len(items), 2), str(tmp_path), None)
    assert parallel._map_from_end(False) == ({}, None)
    done = {}
    parallel._load_spilled(str(tmp_path), done)
    assert [read.letter for start in sorted(done) for read in done[start]] == [read_letter(p) for p in paths]


def test_without_a_writable_temporary_folder_the_letters_are_read_here(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    assert lint([str(SEEDS)], jobs=2).findings == lint([str(SEEDS)], jobs=1).findings


def test_a_changed_letter_is_parsed_in_another_process_while_this_one_loads_the_cached_ones(tmp_path, monkeypatch):
    import os

    letters = _seed_copies(tmp_path / "letters", 4)
    cache = LetterCache(tmp_path / "cache")
    lint([str(letters)], cache=cache)
    changed = letters / "2_002_24bd33177cfbd43b.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("建设", "建设的的", 1), encoding="utf-8")
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    written = _cache_writers(monkeypatch, tmp_path / "writers")
    warm = lint([str(changed)], corpus=[str(letters)], jobs=2, cache=cache)
    [(pid, path)] = written()
    assert pid != str(os.getpid()) and path == str(changed)
    assert warm.findings == lint([str(changed)], corpus=[str(letters)]).findings
    assert any(f.rule == "RL301" for f in warm.findings)


def _text_rules_runs(monkeypatch, log):
    """Log to ``log`` the process id of every run of the text-only rules aside, from now on."""
    import os

    real = engine.TextRules.run

    def run(self, files, checked):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return real(self, files, checked)

    monkeypatch.setattr(engine.TextRules, "run", run)
    return lambda: log.read_text(encoding="utf-8").split() if log.exists() else []


NEAR_VARIANT = {
    "a.txt": "推动企业向数字化、网格化、智能化方向转型。",
    "b.txt": "推动企业向数字化、网络化、智能化方向转型。全方位数字化网络化智能化转型。",
    "c.txt": "实现数字化、网络化、智能化发展。",
}


def _near_variant_letters(folder: Path) -> Path:
    """``folder`` with RL305's example letters in it: a slip in a.txt, the usual form in b.txt and c.txt."""
    folder.mkdir()
    for name, text in NEAR_VARIANT.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_pre_commit_run_finds_the_near_variants_in_a_spare_process_as_the_letters_load(tmp_path, monkeypatch):
    import os

    letters = _near_variant_letters(tmp_path / "letters")
    cache = LetterCache(tmp_path / "cache")
    lint([str(letters)], cache=cache)
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    runs = _text_rules_runs(monkeypatch, tmp_path / "runs")
    for changed in ("a.txt", "b.txt"):
        target = letters / changed
        target.write_text(target.read_text(encoding="utf-8") + "\n\n以上。", encoding="utf-8")
        aside = lint([str(target)], corpus=[str(letters)], jobs=2, cache=cache)
        here = lint([str(target)], corpus=[str(letters)], jobs=1, cache=cache)
        assert aside.findings == here.findings and aside.errors == here.errors == ()
    assert [f.rule for f in aside.findings if f.rule == "RL305"] == ["RL305"]  # b.txt has the usual form
    assert len(runs()) == 2 and str(os.getpid()) not in runs()  # once a run, both times elsewhere
    lint([str(letters)], jobs=2, cache=cache)  # every letter reported: no focus, and nothing aside
    assert len(runs()) == 2
    from tests.documents import docx_of

    (letters / "d.docx").write_bytes(docx_of("实现数字化、网络化、智能化发展。"))  # a document's text is parsed out
    with_document = lint([str(letters / "a.txt")], corpus=[str(letters)], jobs=2, cache=cache)
    assert len(runs()) == 2 and [f.rule for f in with_document.findings].count("RL305") == 1


def test_a_text_only_rule_that_crashes_aside_is_one_error_and_the_others_still_run(tmp_path, monkeypatch):
    from replylint.checks import corpus_near_variant

    letters = _near_variant_letters(tmp_path / "letters")
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    runs = _text_rules_runs(monkeypatch, tmp_path / "runs")

    def broken(*args, **kwargs):
        raise RuntimeError("index out of order")

    monkeypatch.setattr(corpus_near_variant, "Index", broken)
    report = lint([str(letters / "a.txt")], corpus=[str(letters)], jobs=2)
    assert len(runs()) == 1
    assert [(e.path, e.reason) for e in report.errors] == [
        ("<rule RL305>", "the rule crashed: RuntimeError: index out of order")
    ]
    assert report.findings == lint([str(letters / "a.txt")], corpus=[str(letters)], jobs=1, ignore_codes=["RL305"]).findings
