"""Findings about hundreds of letters name a few in the message and point at every one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from replylint.cli import main
from replylint.engine import run_rules
from replylint.listing import LISTED, listed
from replylint.registry import all_rules
from replylint.testing import corpus_of


def test_a_listing_past_the_limit_names_the_first_and_counts_the_rest():
    assert listed(["a.txt", "b.txt"], "、") == "a.txt、b.txt"
    assert listed([f"{n}.txt" for n in range(7)], "、") == "0.txt、1.txt、2.txt、3.txt、4.txt、… (+2)"
    assert listed(["a", "b", "c", "d"], ", ", limit=3) == "a, b, c, … (+1)"
    assert listed([], "、") == ""


@given(names=st.lists(st.text(alphabet="甲乙丙丁.txt", min_size=1), max_size=20), limit=st.integers(1, 8))
def test_a_listing_accounts_for_every_name(names, limit):
    shown, _, more = listed(names, "、", limit).partition("、… (+")
    named = shown.split("、") if shown else []
    assert named == names[: len(named)] and len(named) == min(limit, len(names))
    assert len(named) + (int(more.removesuffix(")")) if more else 0) == len(names)


def _phone_letters(count: int) -> list[tuple[str, str]]:
    """``count`` letters giving one contact number without its area code, and one with it."""
    letters = [(f"{n:03}.txt", f"2023年6月{n % 28 + 1}日\n\n（联系人及电话：房钦，88308273）\n") for n in range(count)]
    return letters + [("999.txt", "2024年7月8日\n\n（联系人及电话：江莹，0760-88308273）\n")]


def test_a_conflict_across_many_letters_names_five_and_points_at_all():
    [finding] = run_rules(corpus_of(_phone_letters(12)), [all_rules()["RL506"]])
    assert len(finding.locations) == 13
    assert finding.message_en.count(".txt (") == LISTED + 1 and "… (+7)" in finding.message_en
    assert "999.txt (2024-07-08)" in finding.message_en


def test_a_conflict_across_five_letters_names_them_all():
    [finding] = run_rules(corpus_of(_phone_letters(LISTED)), [all_rules()["RL506"]])
    assert finding.message_en.count(".txt (") == LISTED + 1 and "(+" not in finding.message_en


def test_the_table_shows_five_other_places_and_counts_the_rest(tmp_path, capsys):
    for name, text in _phone_letters(12):
        (tmp_path / name).write_text(text, encoding="utf-8")
    main([str(tmp_path / "999.txt"), "--corpus", str(tmp_path), "--select", "RL506", "--no-color", "--lang", "en",
          "--no-cache"])
    out = capsys.readouterr().out
    assert out.count("↔ ") == LISTED + 1 and "↔ 7 more places (--format json lists every one)" in out
    main([str(tmp_path / "999.txt"), "--corpus", str(tmp_path), "--select", "RL506", "--format", "json", "--no-cache"])
    assert capsys.readouterr().out.count('"path"') == 13
