"""Bad files get a one-line error naming them; the other files are still checked."""

import json
import os
from pathlib import Path

import pytest

from replylint.cli import main
from replylint.engine import MAX_BYTES, lint

GOOD = "结合我市传统产业的的优势。\n"


def check(tmp_path, capsys):
    code = main([str(tmp_path), "--format", "json", "--include", "*"])
    return code, json.loads(capsys.readouterr().out)


def reasons(report):
    return {Path(e["path"]).name: e["reason"] for e in report["errors"]}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_binary_empty_and_undecodable_files_are_named_and_skipped(folder, capsys):
    (folder / "binary.txt").write_bytes(bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "latin.txt").write_bytes("caf\xe9 \xff\xfe\xfd".encode("latin-1") * 3)
    code, report = check(folder, capsys)
    assert code == 1
    assert [f["rule"] for f in report["findings"]] == ["RL301"]
    assert reasons(report) == {
        "binary.txt": "binary file (contains NUL bytes)",
        "empty.txt": "file is empty",
        "latin.txt": "not valid UTF-8 or GB18030 text",
    }


def test_a_huge_file_is_refused_without_being_read(folder, capsys):
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    _, report = check(folder, capsys)
    assert "too large" in reasons(report)["huge.txt"]


def test_an_unreadable_file_is_reported(folder, capsys, monkeypatch):
    from replylint import engine

    def deny(path, *args, **kwargs):  # as the system refuses a file (the tests may run as root, whom it never refuses)
        if os.path.basename(path) == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return open(path, *args, **kwargs)

    (folder / "locked.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(engine, "open", deny, raising=False)
    _, report = check(folder, capsys)
    assert reasons(report) == {"locked.txt": "permission denied"}


def test_a_directory_named_like_a_letter_is_walked_not_read(folder):
    (folder / "dir.txt").mkdir()
    (folder / "dir.txt" / "inner.txt").write_text(GOOD, encoding="utf-8")
    report = lint([str(folder)])
    assert sorted(Path(p).name for p in report.files) == ["good.txt", "inner.txt"] and not report.errors


def test_reading_a_directory_as_a_letter_says_so(folder):
    from replylint.engine import read_letter

    with pytest.raises(ValueError, match="is a directory"):
        read_letter(str(folder))


def test_a_symlink_loop_does_not_hang_or_crash(folder, capsys):
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    os.symlink(folder, folder / "self")
    code, report = check(folder, capsys)
    assert code == 1 and len(report["files"]) == 1
    assert "loop.txt" in reasons(report)


def test_a_file_name_that_is_not_utf8_is_shown_readably(folder, capsys):
    raw = os.path.join(os.fsencode(folder), b"bad\xffname.txt")
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    code, report = check(folder, capsys)
    assert code == 1
    assert any("bad\ufffdname.txt" in f["locations"][0]["path"] for f in report["findings"])


def test_utf8_bom_and_gb18030_letters_are_read(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    (tmp_path / "gb.txt").write_bytes(GOOD.encode("gb18030"))
    report = lint([str(tmp_path)])
    assert not report.errors
    assert sorted(Path(f.locations[0].path).name for f in report.findings) == ["bom.txt", "gb.txt"]
    assert all(f.locations[0].column == 9 for f in report.findings)


def test_a_crashing_rule_is_reported_and_the_others_still_run(folder, monkeypatch):
    from replylint.registry import all_rules

    rules = all_rules()
    broken = rules["RL501"]

    def explode(corpus):
        raise RuntimeError("boom")

    monkeypatch.setitem(rules, "RL501", type(broken)(**{**broken.__dict__, "check": explode}))
    monkeypatch.setattr("replylint.selection.all_rules", lambda: rules)
    report = lint([str(folder)])
    assert [f.rule for f in report.findings] == ["RL301"]
    assert [(e.path, e.reason) for e in report.errors] == [("<rule RL501>", "the rule crashed: RuntimeError: boom")]
