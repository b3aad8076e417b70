"""Configuration files: discovery, validation, and what each key does to a run."""

import json

import pytest

from replylint.cli import main
from replylint.config import Config, ConfigError, find_config, load_config
from replylint.engine import lint

SLIP = "结合我市传统产业的的优势，攻克技术难题。\n"
PAIR = "联合推出“数字贷贴息，免申即享。\n"


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules_of(report):
    return sorted(f.rule for f in report.findings)


def test_replylint_toml_is_found_above_the_checked_files(tmp_path):
    write(tmp_path, "replylint.toml", 'select = ["RL301"]\n')
    letter = write(tmp_path, "drafts/a.txt", SLIP + PAIR)
    assert find_config([str(letter)]) == (tmp_path / "replylint.toml").resolve()
    assert rules_of(lint([str(letter)])) == ["RL301"]


def test_pyproject_without_a_replylint_table_is_passed_over(tmp_path):
    write(tmp_path, "replylint.toml", 'ignore = ["RL301"]\n')
    write(tmp_path, "sub/pyproject.toml", "[project]\nname = 'x'\n")
    letter = write(tmp_path, "sub/a.txt", SLIP)
    assert find_config([str(letter)]) == (tmp_path / "replylint.toml").resolve()


def test_pyproject_tool_table_is_read(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.replylint]\nignore = ["RL4"]\n')
    letter = write(tmp_path, "a.txt", SLIP + PAIR)
    assert rules_of(lint([str(letter)])) == ["RL301"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('selct = ["RL301"]\n', "pyproject.toml: tool.replylint.selct: unknown key"),
        ('fail-on = "sometimes"\n', "pyproject.toml: tool.replylint.fail-on: Input should be"),
        ('[tool.replylint.severity]\nRL301 = "fatal"\n', "pyproject.toml: tool.replylint.severity.RL301: Input should be"),
    ],
)
def test_an_unknown_key_or_bad_value_is_one_line_naming_file_and_key(tmp_path, text, expected):
    path = write(tmp_path, "pyproject.toml", "[tool.replylint]\n" + text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def test_a_bad_configuration_exits_2_with_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "replylint.toml", 'select = ["RL999"]\n')
    write(tmp_path, "a.txt", SLIP)
    assert main(["a.txt"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "replylint.toml: select" in err and "RL999" in err


def test_command_line_select_overrides_the_configuration(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "replylint.toml", 'select = ["RL301"]\nlang = "zh"\n')
    write(tmp_path, "a.txt", SLIP + PAIR)
    main(["a.txt", "--format", "json", "--select", "RL401", "--lang", "en"])
    report = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in report["findings"]] == ["RL401"]
    assert report["findings"][0]["message"].isascii() is False and "no matching" in report["findings"][0]["message"]


def test_extend_select_adds_to_select_and_names_are_accepted(tmp_path):
    letter = write(tmp_path, "a.txt", SLIP + PAIR)
    config = Config(select=("RL301",), extend_select=("unbalanced-pair",))
    assert rules_of(lint([str(letter)], config=config)) == ["RL301", "RL401"]


def test_per_file_ignores_apply_to_matching_files_only(tmp_path):
    write(tmp_path, "replylint.toml", '[per-file-ignores]\n"drafts/*.txt" = ["RL301"]\n')
    draft = write(tmp_path, "drafts/a.txt", SLIP)
    final = write(tmp_path, "final/b.txt", SLIP)
    assert rules_of(lint([str(draft)])) == []
    assert rules_of(lint([str(final)])) == ["RL301"]


def test_severity_override_changes_the_finding_and_the_exit_code(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "replylint.toml", 'fail-on = "warning"\n[severity]\nRL301 = "info"\n')
    write(tmp_path, "a.txt", SLIP)
    report = lint(["a.txt"])
    assert [f.severity for f in report.findings] == ["info"]
    assert main(["a.txt", "-q"]) == 0


def test_rule_options_are_passed_and_unknown_options_refused(tmp_path):
    letter = write(tmp_path, "a.txt", "依据《中华人民共和国中小企业推进法》办理。\n")
    assert rules_of(lint([str(letter)], config=Config(select=("RL204",)))) == ["RL204"]
    strict = Config(select=("RL204",), options={"RL204": {"chars_per_edit": 100}})
    assert rules_of(lint([str(letter)], config=strict)) == ["RL204"]
    with pytest.raises(ConfigError, match=r"options\.RL204\.threshold: unknown option"):
        lint([str(letter)], config=Config(select=("RL204",), options={"RL204": {"threshold": 3}}))


def test_termbase_files_relative_to_the_configuration_feed_the_termbase_rule(tmp_path):
    write(tmp_path, "replylint.toml", 'select = ["RL204"]\ntermbase = ["terms/policies.txt", "terms/orgs.toml"]\n')
    write(tmp_path, "terms/policies.txt", "# 本局常引文件\n《中山市促进数字经济发展若干措施》（中府〔2023〕12号）\n")
    write(tmp_path, "terms/orgs.toml", 'names = ["中山市工业和信息化局"]\n')
    letter = write(
        tmp_path,
        "letters/a.txt",
        "根据《中山市促进数字经济发展若干举施》，中山市工业和信息化局会同中山市工业和信息花局推进。\n"
        "《中山市促进数字经济发展若干措施》（中府〔2022〕12号）已印发。\n",
    )
    report = lint([str(letter)])
    assert sorted((f.locations[0].line, f.locations[0].text) for f in report.findings) == [
        (1, "中山市促进数字经济发展若干举施"),
        (1, "中山市工业和信息花局"),
        (2, "中府〔2022〕12号"),
    ]


def test_user_tables_merge_over_the_built_in_ones(tmp_path):
    write(tmp_path, "replylint.toml", 'tables = ["my_rules"]\nselect = ["RL301"]\n')
    write(tmp_path, "my_rules/reduplication.toml", 'allow = ["的的"]\n')
    letter = write(tmp_path, "a.txt", SLIP)
    assert rules_of(lint([str(letter)])) == []
    assert rules_of(lint([str(letter)], config=Config(select=("RL301",)))) == ["RL301"]


def test_include_and_exclude_from_the_configuration(tmp_path):
    write(tmp_path, "replylint.toml", 'include = ["*.letter"]\nexclude = ["old*"]\n')
    write(tmp_path, "a.letter", SLIP)
    write(tmp_path, "old.letter", SLIP)
    write(tmp_path, "b.txt", SLIP)
    report = lint([str(tmp_path)])
    assert [p.rsplit("/", 1)[-1] for p in report.files] == ["a.letter"]
