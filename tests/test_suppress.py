"""Suppression comments in Markdown letters, and baseline files for plain-text ones."""

import json

from replylint.cli import main
from replylint.config import Config
from replylint.engine import lint
from replylint.suppress import regions

SLIP = "结合我市传统产业的的优势，攻克技术难题。"
PAIR = "联合推出“数字贷贴息，免申即享。"
CONSISTENCY = """
[[rule]]
code = "ZS101"
name = "digital-economy-spelling"
kind = "consistency"
either = ["数字经济", "数码经济"]
"""


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def found(report):
    return sorted((f.rule, f.locations[0].line) for f in report.findings)


def test_disable_next_line_hides_only_the_named_rule_on_the_next_line(tmp_path):
    text = f"<!-- replylint-disable-next-line RL301 -->\n{SLIP}{PAIR}\n{SLIP}\n"
    report = lint([write(tmp_path, "a.md", text)], config=Config())
    assert found(report) == [("RL301", 3), ("RL401", 2)]
    assert report.suppressed == 1


def test_disable_next_line_without_codes_hides_every_rule(tmp_path):
    text = f"<!-- replylint-disable-next-line -->\n{SLIP}{PAIR}\n"
    report = lint([write(tmp_path, "a.md", text)], config=Config())
    assert found(report) == [] and report.suppressed == 2


def test_disable_enable_block_hides_between_the_comments_by_code_or_name(tmp_path):
    text = f"{PAIR}\n<!-- replylint-disable unbalanced-pair -->\n{PAIR}\n{PAIR}\n<!-- replylint-enable -->\n{PAIR}\n"
    report = lint([write(tmp_path, "a.md", text)], config=Config())
    assert found(report) == [("RL401", 1), ("RL401", 6)]


def test_a_block_left_open_runs_to_the_end_of_the_letter():
    assert [(r.first, r.last) for r in regions("a\n<!-- replylint-disable RL4 -->\nb\nc")] == [(2, 4)]


def test_comments_in_plain_text_letters_are_not_directives(tmp_path):
    text = f"<!-- replylint-disable-next-line -->\n{SLIP}\n"
    assert found(lint([write(tmp_path, "a.txt", text)], config=Config())) == [("RL301", 2)]


def test_a_cross_letter_finding_is_hidden_by_a_comment_in_either_letter(tmp_path):
    plugin = write(tmp_path, "rules.toml", CONSISTENCY)
    config = Config(plugins=(plugin,), select=("ZS101",))
    a = write(tmp_path, "a.md", "发展数字经济。\n")
    b = write(tmp_path, "b.md", "<!-- replylint-disable-next-line ZS101 -->\n发展数码经济。\n")
    report = lint([a, b], config=config)
    assert report.findings == () and report.suppressed == 1


def test_baseline_hides_known_findings_and_survives_a_paragraph_inserted_above(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.txt", f"第一段。\n{SLIP}\n")
    assert main(["a.txt", "--isolated", "--write-baseline", "baseline.json"]) == 0
    stored = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert [(e["rule"], e["path"], e["text"]) for e in stored["findings"]] == [("RL301", "a.txt", "的的")]

    write(tmp_path, "a.txt", f"第一段。\n新插入的一段说明文字，与问题无关。\n\n{SLIP}\n{PAIR}\n")
    report = lint(["a.txt"], config=Config(), baseline="baseline.json")
    assert found(report) == [("RL401", 5)] and report.baselined == 1
    capsys.readouterr()
    main(["a.txt", "--isolated", "--baseline", "baseline.json", "--no-color"])
    assert "1 by the baseline" in capsys.readouterr().out


def test_an_unreadable_baseline_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.txt", SLIP)
    write(tmp_path, "baseline.json", "[1, 2]")
    assert main(["a.txt", "--isolated", "--baseline", "baseline.json"]) == 2
    assert "not a replylint baseline" in capsys.readouterr().err
