"""Checking a draft against published letters: the corpus is read, only the draft's findings are reported."""

import json

from replylint.cli import main
from replylint.config import Config
from replylint.engine import lint

CONSISTENCY = '[[rule]]\ncode = "ZS101"\nname = "spelling"\nkind = "consistency"\neither = ["数字经济", "数码经济"]\n'


def setup(tmp_path):
    (tmp_path / "rules.toml").write_text(CONSISTENCY, encoding="utf-8")
    published = tmp_path / "published"
    published.mkdir()
    (published / "a.txt").write_text("发展数字经济，结合产业的的优势。\n", encoding="utf-8")
    (published / "b.txt").write_text("发展数码经济。\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("发展数码经济，推进工作。\n", encoding="utf-8")
    return Config(plugins=(str(tmp_path / "rules.toml"),))


def test_findings_that_touch_the_draft_are_reported_with_the_corpus_letters(tmp_path):
    config = setup(tmp_path)
    report = lint([str(tmp_path / "draft.txt")], config=config, corpus=[str(tmp_path / "published")])
    assert [f.rule for f in report.findings] == ["ZS101"]
    assert {loc.path.rsplit("/", 1)[-1] for loc in report.findings[0].locations} == {"draft.txt", "a.txt", "b.txt"}
    assert [p.rsplit("/", 1)[-1] for p in report.files] == ["draft.txt"]


def test_without_a_corpus_the_draft_alone_has_no_cross_letter_finding(tmp_path):
    config = setup(tmp_path)
    assert lint([str(tmp_path / "draft.txt")], config=config).findings == ()


def test_corpus_from_the_configuration_is_relative_to_the_configuration_file(tmp_path, monkeypatch, capsys):
    setup(tmp_path)
    (tmp_path / "replylint.toml").write_text('corpus = ["published"]\nplugins = ["rules.toml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "published")
    assert main(["../draft.txt", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in report["findings"]] == ["ZS101"] and report["files"] == ["../draft.txt"]


def test_command_line_corpus_flag(tmp_path, monkeypatch, capsys):
    setup(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["draft.txt", "--isolated", "--corpus", "published", "--select", "RL301", "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_a_checked_letter_inside_the_corpus_is_read_once_whatever_path_names_it(tmp_path, monkeypatch):
    from replylint.selection import corpus_files

    config = setup(tmp_path)
    published = tmp_path / "published"
    (published / "draft-link.txt").symlink_to(tmp_path / "draft.txt")
    monkeypatch.chdir(tmp_path)
    others = corpus_files(config, ["published"], ["published/./a.txt", str(tmp_path / "draft.txt")])
    assert sorted(p.rsplit("/", 1)[-1] for p in others) == ["b.txt"]  # a.txt by another spelling, the draft by a link
    assert corpus_files(config, ["published"], ["gone.txt"]) == [f"published/{p.name}" for p in sorted(published.iterdir())]
