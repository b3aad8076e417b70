"""Safe fixes: what --fix and --diff change, what they keep, and when they refuse."""

import codecs
import json
import os
import shutil

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from replylint.cli import main
from replylint.engine import lint, run_rules
from replylint.fixes import FileChanged, apply_edits, choose, encode, keeps_lines, plan, write_atomic
from replylint.models import Edit, Finding, Fix
from replylint.registry import all_rules
from replylint.testing import corpus_of

from conftest import SEEDS

RULES = list(all_rules().values())
LETTER = "为大力发展先进制造业,推动工业互联网的的深度融合。\n\n(联系人: 房钦, 88308273)\n"
FIXED = "为大力发展先进制造业，推动工业互联网的深度融合。\n\n（联系人：房钦， 88308273）\n"


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _fix(path):
    report = lint([str(path)])
    return plan(report.corpus, report.rules)


def test_fix_turns_half_width_marks_full_width_and_removes_doubled_characters(tmp_path):
    path = _write(tmp_path, "a.txt", LETTER.encode())
    assert main(["check", str(path), "--fix", "--fail-on", "never", "--format", "json"]) == 0
    assert path.read_text(encoding="utf-8") == FIXED


def test_crlf_line_endings_are_kept(tmp_path):
    path = _write(tmp_path, "crlf.txt", LETTER.replace("\n", "\r\n").encode())
    main(["check", str(path), "--fix", "--format", "json"])
    assert path.read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_a_gb18030_file_stays_gb18030(tmp_path):
    path = _write(tmp_path, "gbk.txt", LETTER.encode("gb18030"))
    main(["check", str(path), "--fix", "--format", "json"])
    data = path.read_bytes()
    assert data == FIXED.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_a_utf8_bom_is_kept(tmp_path):
    path = _write(tmp_path, "bom.txt", codecs.BOM_UTF8 + LETTER.encode())
    main(["check", str(path), "--fix", "--format", "json"])
    assert path.read_bytes() == codecs.BOM_UTF8 + FIXED.encode()


def test_permissions_are_kept_and_a_symlink_stays_a_link(tmp_path):
    target = _write(tmp_path, "real.txt", LETTER.encode())
    os.chmod(target, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    main(["check", str(link), "--fix", "--format", "json"])
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_a_file_changed_between_read_and_write_is_refused_and_left_alone(tmp_path):
    path = _write(tmp_path, "a.txt", LETTER.encode())
    fixes = _fix(path)
    path.write_bytes("有人同时修改了这封信,".encode())
    errors = fixes.write()
    assert [e.path for e in errors] == [str(path)] and "changed since it was read" in errors[0].reason
    assert path.read_bytes() == "有人同时修改了这封信,".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_write_atomic_refuses_when_the_digest_differs(tmp_path):
    path = _write(tmp_path, "a.txt", LETTER.encode())
    source = lint([str(path)]).corpus.letters[0].source
    path.write_bytes(LETTER.encode() + b"x")
    with pytest.raises(FileChanged):
        write_atomic(str(path), encode(FIXED, source), source)


def test_a_refused_file_is_reported_as_an_error_in_json(tmp_path, capsys, monkeypatch):
    path = _write(tmp_path, "a.txt", LETTER.encode())
    real_write = write_atomic

    def meddle(target, data, source):
        path.write_bytes(LETTER.encode() + "。".encode())
        real_write(target, data, source)

    monkeypatch.setattr("replylint.fixes.write_atomic", meddle)
    main(["check", str(path), "--fix", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert any("not fixed" in e["reason"] for e in report["errors"])
    assert path.read_bytes() == LETTER.encode() + "。".encode()


def test_fix_with_json_output_prints_valid_json_of_what_remains(tmp_path, capsys):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    main(["check", str(folder), "--fix", "--format", "json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["summary"]["files"] == 5
    assert not [f for f in report["findings"] if f["fix"] is not None]
    assert "applied" in captured.err


@pytest.mark.parametrize("options", [[], ["--format", "json"], ["--diff"], ["--format", "json", "-q"]])
def test_files_are_never_written_without_fix(tmp_path, capsys, options):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    main(["check", str(folder), *options])
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert after == before


def test_diff_previews_the_fixes_as_a_unified_diff(tmp_path, capsys):
    path = _write(tmp_path, "a.txt", LETTER.encode())
    assert main(["check", str(path), "--diff"]) == 1
    out = capsys.readouterr().out
    assert f"--- {path}" in out and "-(联系人: 房钦, 88308273)" in out and "+（联系人：房钦， 88308273）" in out
    assert path.read_bytes() == LETTER.encode()


def test_overlapping_fixes_take_the_first_and_defer_the_rest():
    def finding(start, end, column):
        edit = Edit(path="a.txt", start=start, end=end, replacement="x")
        return Finding(rule="RL999", name="t", group="wording", severity="info", message_zh="m", message_en="m",
                       locations=(), fix=Fix(description="d", edits=(edit,)), fingerprint=str(column))

    taken, deferred = choose([finding(0, 3, 1), finding(2, 4, 2), finding(4, 5, 3)])
    assert [fix.edits[0].start for fix in taken] == [0, 4] and deferred == 1


_TEXT = st.lists(
    st.sampled_from(["中", "山", "市", "的", "的的", "推动", "企业", "1", "2", "A", " ", ",", ":", ";", "(", ")", "?", "!",
                     "，", "。", "，，", "\n", "\n\n", "\r\n", "一、", "（一）", "2022-2025 年"]),
    max_size=30,
).map("".join)


def _plan_text(text):
    corpus = corpus_of([("a.txt", text)])
    result = plan(corpus, RULES)
    return result.fixed.get("a.txt", text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_fixing_twice_changes_nothing_the_second_time(text):
    once = _plan_text(text)
    assert _plan_text(once) == once


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
@example("为推动企业转型，联合三大运营商的\n\n的行业协会成立宣讲团。")
@example("为推动企业转型，联合三大运营商，，\r\n\r\n，，行业协会(成立)宣讲团。")
def test_one_pass_changes_only_the_flagged_spans(text):
    corpus = corpus_of([("a.txt", text)])
    letters = {letter.path: letter for letter in corpus}
    fixes, _ = choose([f for f in run_rules(corpus, RULES) if f.fix and keeps_lines(f.fix, letters)])
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: e.start)
    fixed = apply_edits(text, edits)
    position, shift = 0, 0
    for edit in edits:
        assert fixed[position + shift : edit.start + shift] == text[position : edit.start]
        shift += len(edit.replacement) - (edit.end - edit.start)
        position = edit.end
    assert fixed[position + shift :] == text[position:]
    assert fixed.count("\n") == text.count("\n") and fixed.count("\r") == text.count("\r")


def test_a_doubled_character_across_a_page_break_is_fixed_without_joining_the_lines():
    assert _plan_text("为推动企业转型，联合三大运营商的\n\n的行业协会成立宣讲团。") == "为推动企业转型，联合三大运营商的\n\n行业协会成立宣讲团。"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(list("中的，,(): \n\r~-1"))), max_size=60))
def test_fixing_arbitrary_text_never_raises_keeps_lines_and_is_idempotent(text):
    once = _plan_text(text)
    assert [c for c in once if c in "\r\n"] == [c for c in text if c in "\r\n"]
    assert _plan_text(once) == once
