"""The command line end to end on the seed letters: exit codes, JSON contract, positions."""

import json

import pytest

from replylint.cli import main
from tests.conftest import SEEDS

SEED_000 = str(SEEDS / "000_1815a8eff367fdb9.txt")
SEED_003 = str(SEEDS / "003_09cdc197029a0fdb.txt")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def seed_json(capsys, *extra):
    code, out, _ = run(capsys, str(SEEDS), "--format", "json", "--lang", "en", *extra)
    return code, json.loads(out)


def original_line(path, line):
    return open(path, encoding="utf-8").read().split("\n")[line - 1]


def test_json_report_follows_the_contract(capsys):
    code, report = seed_json(capsys)
    assert code == 1
    assert report["tool"]["name"] == "replylint" and report["schema_version"] == 2
    assert len(report["files"]) == 5
    for finding in report["findings"]:
        assert set(finding) == {"rule", "name", "group", "severity", "message", "locations", "fix", "fingerprint"}
        assert finding["severity"] in ("error", "warning", "info")
        for loc in finding["locations"]:
            assert set(loc) == {"path", "line", "column", "end_line", "end_column", "text", "role", "where"}
    summary = report["summary"]
    assert summary["files"] == 5 and summary["findings"] == len(report["findings"])
    assert sum(summary["by_severity"].values()) == summary["findings"]


def test_unbalanced_quote_around_shudidai_is_reported_at_its_exact_place(capsys):
    _, report = seed_json(capsys, "--select", "RL401")
    locs = [loc for f in report["findings"] for loc in f["locations"] if loc["path"].endswith("000_1815a8eff367fdb9.txt")]
    assert len(locs) == 1
    loc = locs[0]
    line = original_line(SEED_000, loc["line"])
    assert line[loc["column"] - 1 : loc["end_column"] - 1] == "”" == loc["text"]
    assert line[loc["column"] - 4 : loc["column"] - 1] == "数字贷"


def test_doubled_de_in_003_is_reported_at_its_exact_place(capsys):
    _, report = seed_json(capsys, "--select", "RL301")
    locs = [loc for f in report["findings"] for loc in f["locations"] if loc["path"].endswith("003_09cdc197029a0fdb.txt")]
    assert [loc["text"] for loc in locs] == ["的的"]
    line = original_line(SEED_003, locs[0]["line"])
    assert line[locs[0]["column"] - 1 : locs[0]["end_column"] - 1] == "的的"
    assert "传统产业的的优势" in line


def test_no_seed_document_number_is_flagged_for_its_year(capsys):
    code, report = seed_json(capsys, "--select", "RL501")
    assert report["findings"] == [] and code == 0


def test_every_reported_position_points_at_the_offending_text(capsys):
    _, report = seed_json(capsys)
    for finding in report["findings"]:
        for loc in finding["locations"]:
            text = open(loc["path"], encoding="utf-8").read().split("\n")
            if loc["line"] == loc["end_line"]:
                assert text[loc["line"] - 1][loc["column"] - 1 : loc["end_column"] - 1] == loc["text"]


def test_fail_on_error_ignores_warnings(capsys):
    code, _, _ = run(capsys, SEED_003, "--select", "RL301", "--fail-on", "error", "--quiet")
    assert code == 0
    code, _, _ = run(capsys, SEED_003, "--select", "RL301", "--quiet")
    assert code == 1


def test_table_output_names_file_position_rule_and_text(capsys):
    code, out, _ = run(capsys, SEED_000, "--select", "RL401", "--no-color", "--lang", "en")
    assert code == 1
    assert "000_1815a8eff367fdb9.txt" in out and "39:70" in out and "RL401" in out
    assert "\x1b[" not in out
    assert "1 findings (1 error) in 1 files." in out


def test_output_file_receives_the_report(capsys, tmp_path):
    target = tmp_path / "report.json"
    run(capsys, str(SEEDS), "--format", "json", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 5


def test_quiet_prints_nothing_when_clean(capsys):
    code, out, _ = run(capsys, SEED_000, "--select", "RL501", "--quiet")
    assert (code, out) == (0, "")


@pytest.mark.parametrize("args", [["--select", "RL999"], ["--format", "yaml", "."], ["no/such/dir"]])
def test_usage_errors_exit_2_with_one_line(capsys, args):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.strip().count("\n") <= 1 or "usage" in err


def test_a_bad_file_among_good_ones_is_reported_and_the_others_still_checked(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("结合我市传统产业的的优势。\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    code, report = 0, None
    code, out, _ = run(capsys, str(tmp_path), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert [f["rule"] for f in report["findings"]] == ["RL301"]
    reasons = {e["path"].rsplit("/", 1)[-1]: e["reason"] for e in report["errors"]}
    assert reasons == {"bad.txt": "binary file (contains NUL bytes)", "empty.txt": "file is empty"}


def test_rules_lists_every_rule_and_rule_explains_one(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "RL301" in out and "doubled-character" in out
    code, out, _ = run(capsys, "rule", "rl401")
    assert code == 0 and "## Example" in out and "unbalanced-pair" in out


def test_parse_prints_the_letter_structure_as_json(capsys):
    code, out, _ = run(capsys, "parse", str(SEEDS / "001_ded1d27acb64bd24.txt"))
    data = json.loads(out)
    assert code == 0
    assert data["docno"]["text"] == "中工信函〔2024〕80号"
    assert data["date"]["value"] == "2024-07-08"
    assert data["proposal"]["number"] == "2024111"


def test_the_command_ends_with_the_exit_code_of_main_and_all_it_wrote(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    command = [sys.executable, "-m", "replylint", "seeds", "--isolated", "--no-cache", "--format", "json"]
    piped = subprocess.run(command, cwd=ROOT, capture_output=True)
    assert piped.returncode == 1 and len(json.loads(piped.stdout)["findings"]) == 92
    written = subprocess.run([*command, "-o", str(tmp_path / "report.json")], cwd=ROOT, capture_output=True)
    assert written.returncode == 1 and json.loads((tmp_path / "report.json").read_bytes()) == json.loads(piped.stdout)
    clean = subprocess.run([*command[:3], "seeds", "--select", "RL601", "--fail-on", "never"], cwd=ROOT, capture_output=True)
    assert clean.returncode == 0 and b"RL601" in clean.stdout


def test_under_a_tracer_the_command_exits_normally_so_that_coverage_and_profilers_can_save():
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import atexit, sys; atexit.register(lambda: print('saved')); sys.settrace(lambda *a: None); "
            "sys.argv = ['replylint', '--version']; from replylint.cli import run; run()")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.split() == ["replylint", "0.1.0", "saved"]
