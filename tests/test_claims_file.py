"""Claims files: dumping the seeds' claims and checking them again gives the same findings."""

import json
from pathlib import Path

import pytest

from replylint.claims import ClaimsFileError, claim_kinds, dump_lines, load_lines
from replylint.engine import discover, load_corpus, run_rules
from replylint.registry import all_rules
from replylint.testing import corpus_of

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Rules that read claims and structure only, never the text itself.
CLAIM_RULES = ("RL10", "RL2", "RL6", "RL501", "RL503", "RL504", "RL505", "RL506", "RL507", "RL508")


@pytest.fixture(scope="module")
def seeds():
    corpus, errors = load_corpus(discover([str(SEEDS)])[0])
    assert not errors
    return corpus


def test_every_extracted_kind_is_known_to_the_loader(seeds):
    kinds = claim_kinds()
    assert {claim.kind for letter in seeds for claim in letter.claims} <= set(kinds)
    assert {"title", "name", "event"} <= set(kinds)


def test_dump_and_reload_keeps_every_claim_and_structure(seeds):
    loaded = load_lines(dump_lines(seeds))
    assert [letter.path for letter in loaded] == [letter.path for letter in seeds]
    for before, after in zip(seeds, loaded):
        assert after.source is None
        assert after.structure == before.structure
        assert after.claims == before.claims


def test_dump_and_reload_gives_identical_findings_on_the_seeds(seeds):
    rules = list(all_rules().values())
    from_text = run_rules(seeds, rules)
    from_claims = run_rules(load_lines(dump_lines(seeds)), rules)
    assert set(from_claims) <= set(from_text)
    assert [f for f in from_text if f.rule.startswith(CLAIM_RULES)] == from_claims
    assert any(f.rule == "RL201" for f in from_claims)


def test_a_bad_line_is_reported_with_its_number():
    lines = list(dump_lines(corpus_of([("a.txt", "出台《某某办法》。")])))
    broken = json.loads(lines[-1])
    broken["claim"]["kind"] = "no-such-kind"
    with pytest.raises(ClaimsFileError, match=r"f.jsonl:2: unknown claim kind"):
        load_lines([*lines[:-1], json.dumps(broken)], "f.jsonl")
    with pytest.raises(ClaimsFileError, match=r"f.jsonl:1:"):
        load_lines(["{not json"], "f.jsonl")


def test_claims_from_elsewhere_need_only_a_letter_header_and_the_claims():
    header = {"record": "letter", "path": "x.txt", "structure": {}}
    span = {"start": 0, "end": 6, "line": 1, "column": 1, "end_line": 1, "end_column": 7}
    claims = [
        {"record": "claim", "path": path, "claim": {"kind": "title", "span": span, "raw": "《甲乙丙丁办法》",
                                                    "title": "甲乙丙丁办法", "key": "甲乙丙丁办法",
                                                    "docno_key": docno, "docno_span": span}}
        for path, docno in (("x.txt", "甲〔2020〕1号"), ("y.txt", "甲〔2020〕2号"))
    ]
    corpus = load_lines(map(json.dumps, [header, {**header, "path": "y.txt"}, *claims]))
    findings = run_rules(corpus, [all_rules()["RL202"]])
    assert [f.rule for f in findings] == ["RL202"]
    assert {loc.path for loc in findings[0].locations} == {"x.txt", "y.txt"}
