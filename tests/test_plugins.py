"""Custom rules from TOML plugin files: the check kinds, validation and the regex time limit."""

import pytest

from replylint import plugins
from replylint.config import Config
from replylint.engine import lint
from replylint.plugins import PluginError, load_plugins


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(tmp_path, rules_toml, *letters):
    plugin = write(tmp_path, "rules.toml", rules_toml)
    codes = tuple(r.code for r in load_plugins((plugin,)))
    paths = [write(tmp_path, f"letter{n}.txt", text) for n, text in enumerate(letters, start=1)]
    return lint(paths, config=Config(plugins=(plugin,), select=codes))


def test_existence_rule_flags_a_forbidden_phrase_across_a_page_break(tmp_path):
    report = run(
        tmp_path,
        '[[rule]]\ncode = "ZS201"\nname = "no-etc"\nkind = "existence"\npatterns = ["等等"]\n',
        "我们将研究资金、人才、土地等\n\n等要素保障问题，逐步推进。\n",
    )
    [finding] = report.findings
    assert (finding.rule, finding.locations[0].line, finding.locations[0].end_line) == ("ZS201", 1, 3)
    assert finding.message_zh == "避免使用“等等”"


def test_substitution_rule_suggests_the_right_form_with_a_fix(tmp_path):
    toml = '[[rule]]\ncode = "ZS202"\nname = "account"\nkind = "substitution"\nseverity = "error"\n[rule.swap]\n"帐(户|号)" = "账\\\\1"\n'
    report = run(tmp_path, toml, "请核对企业帐户信息，账户已开通。\n")
    [finding] = report.findings
    assert finding.severity == "error"
    assert finding.message_en == "“帐户” should be “账户”"
    assert finding.fix.edits[0].replacement == "账户"


def test_consistency_rule_gives_one_finding_with_one_location_per_letter(tmp_path):
    toml = '[[rule]]\ncode = "ZS203"\nname = "spelling"\nkind = "consistency"\neither = ["数字经济", "数码经济"]\n'
    report = run(tmp_path, toml, "发展数字经济。数字经济。\n", "发展数字经济。\n", "发展数码经济。\n")
    [finding] = report.findings
    assert [loc.path.rsplit("/", 1)[-1] for loc in finding.locations] == ["letter3.txt", "letter1.txt", "letter2.txt"]
    assert "“数码经济”" in finding.message_zh and "letter3.txt" in finding.message_en


def test_consistency_rule_is_quiet_when_the_corpus_uses_one_form(tmp_path):
    toml = '[[rule]]\ncode = "ZS203"\nname = "spelling"\nkind = "consistency"\neither = ["数字经济", "数码经济"]\n'
    assert run(tmp_path, toml, "发展数字经济。\n", "数字经济。\n").findings == ()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[rule]]\ncode = "RL999"\nname = "x"\nkind = "existence"\npatterns = ["a"]\n', "not starting with RL"),
        ('[[rule]]\ncode = "ZS1"\nname = "x"\nkind = "existence"\n', "needs patterns"),
        ('[[rule]]\ncode = "ZS1"\nname = "x"\nkind = "existence"\npatterns = ["(a"]\n', "bad pattern"),
        ('[[rule]]\ncode = "ZS1"\nname = "x"\nkind = "occurrence"\n', "rule.0.kind"),
        ('[[rule]]\ncode = "ZS1"\nname = "x"\nkind = "existence"\npattern = ["a"]\n', "rule.0.pattern"),
    ],
)
def test_a_bad_plugin_is_a_one_line_error_naming_the_file(tmp_path, toml, message):
    path = write(tmp_path, "bad.toml", toml)
    with pytest.raises(PluginError) as info:
        load_plugins((path,))
    assert str(info.value).startswith(path) and message in str(info.value) and "\n" not in str(info.value)


def test_a_plugin_code_may_not_take_a_built_in_code(tmp_path):
    path = write(tmp_path, "a.toml", '[[rule]]\ncode = "ZS1"\nname = "x"\nkind = "existence"\npatterns = ["a"]\n')
    with pytest.raises(PluginError, match="already taken"):
        load_plugins((path,), frozenset({"ZS1"}))


def test_nested_quantifier_pattern_that_backtracks_in_other_engines_completes(tmp_path):
    toml = '[[rule]]\ncode = "ZS204"\nname = "nested"\nkind = "existence"\npatterns = ["(a+)+$"]\n'
    report = run(tmp_path, toml, "a" * 31 + "!\n")
    assert report.findings == () and report.errors == ()


def test_a_catastrophic_pattern_stops_its_rule_with_an_error_and_other_rules_run(tmp_path, monkeypatch):
    monkeypatch.setattr(plugins, "PATTERN_TIMEOUT", 0.2)
    toml = (
        '[[rule]]\ncode = "ZS205"\nname = "catastrophic"\nkind = "existence"\npatterns = ["(a|aa)+$"]\n'
        '[[rule]]\ncode = "ZS206"\nname = "fine"\nkind = "existence"\npatterns = ["的的"]\n'
    )
    report = run(tmp_path, toml, "a" * 60 + "!的的\n")
    assert [f.rule for f in report.findings] == ["ZS206"]
    [error] = report.errors
    assert "ZS205" in error.reason and "ran out of time" in error.reason
