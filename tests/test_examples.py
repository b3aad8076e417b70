"""Everything under examples/ works: the custom rules, the rule pack, the hook and CI configs, the script."""

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from replylint.cli import main
from replylint.config import Config
from replylint.engine import lint
from replylint.plugins import load_plugins

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "seeds"


def env_with(*paths):
    return {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in (*paths, ROOT))}


def test_custom_rules_example_flags_its_cases_and_passes_correct_text(tmp_path):
    plugin = str(EXAMPLES / "custom_rules.toml")
    assert [r.code for r in load_plugins((plugin,))] == ["ZS101", "ZS102", "ZS103"]
    (tmp_path / "a.txt").write_text("支持资金、人才、土地等等要素。请核对帐户信息和其它材料。发展数字经济。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("发展数码经济，解决用地、融资等等问题。\n", encoding="utf-8")
    report = lint([str(tmp_path)], config=Config(plugins=(plugin,), select=("ZS",)))
    assert sorted((f.rule, f.locations[0].text) for f in report.findings) == [
        ("ZS101", "等等"),
        ("ZS102", "其它"),
        ("ZS102", "帐户"),
        ("ZS103", "数码经济"),
    ]


def test_pre_commit_config_example_names_the_hook_this_repository_defines():
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    config = yaml.safe_load((EXAMPLES / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    [used] = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert used["id"] in hooks
    assert main([str(SEEDS / "001_ded1d27acb64bd24.txt"), *used["args"], "-q"]) in (0, 1)


def test_github_workflow_example_commands_run(tmp_path, monkeypatch, capsys):
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8"))
    commands = [s["run"] for s in workflow["jobs"]["lint-letters"]["steps"] if s.get("run", "").startswith("replylint ")]
    assert len(commands) == 2
    monkeypatch.chdir(tmp_path)
    for command in commands:
        argv = [str(SEEDS) if arg == "letters" else arg for arg in shlex.split(command)[1:]]
        assert main(argv) in (0, 1)
    annotations = capsys.readouterr().out.splitlines()
    assert annotations and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations)
    assert json.loads((tmp_path / "replylint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_lint_from_python_example_runs(tmp_path):
    sarif_path = tmp_path / "out.sarif"
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "lint_from_python.py"), str(SEEDS), str(sarif_path)],
        env=env_with(), capture_output=True, text=True, encoding="utf-8",
    )
    assert done.returncode in (0, 1), done.stderr
    assert "findings in 5 files" in done.stdout
    assert json.loads(sarif_path.read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]["name"] == "replylint"


@pytest.mark.e2e
def test_rule_pack_example_installs_registers_through_its_entry_point_and_passes_its_fixture(tmp_path):
    target = tmp_path / "site"
    pack = EXAMPLES / "rule_pack"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(pack)],
        capture_output=True, text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = env_with(target)
    rules = subprocess.run([sys.executable, "-m", "replylint", "rules"], env=env, capture_output=True, text=True,
                           encoding="utf-8", cwd=tmp_path)
    assert "RL901  renamed-agency" in rules.stdout, rules.stderr
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(pack), str(pack / "tests")],
        env=env, capture_output=True, text=True, encoding="utf-8", cwd=tmp_path,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    letter = tmp_path / "a.txt"
    letter.write_text("市经济和信息化局会同有关部门研究办理。\n", encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "replylint", str(letter), "--isolated", "--format", "json"],
                           env=env, capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(check.stdout)["findings"]] == ["RL901"]
