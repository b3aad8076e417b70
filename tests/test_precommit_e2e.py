"""End to end: the real pre-commit runs the hook this repository defines, on a changed file only.

pre-commit builds the hook's environment by installing this checkout with pip, so the test
needs the package index (CI has it); it takes about half a minute.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONSISTENCY = '[[rule]]\ncode = "ZS101"\nname = "spelling"\nkind = "consistency"\neither = ["数字经济", "数码经济"]\n'

pytestmark = pytest.mark.e2e


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def write(repo, name, text):
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_hook_reads_the_corpus_and_reports_only_findings_on_changed_files(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "ci@example.org")
    git(repo, "config", "user.name", "ci")
    write(repo, "replylint.toml", 'corpus = ["letters"]\nplugins = ["rules.toml"]\n')
    write(repo, "rules.toml", CONSISTENCY)
    write(repo, "letters/a.txt", "发展数字经济，推进工作。\n")
    write(repo, "letters/b.txt", "发展数字经济，结合产业的的优势。\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "published letters")
    write(repo, "letters/c.txt", "发展数码经济，推进工作。\n")
    git(repo, "add", "letters/c.txt")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "replylint", "--files", "letters/c.txt"]

    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "ZS101" in out and "letters/c.txt" in out and "letters/a.txt" in out
    assert "RL301" not in out, "a finding on an unchanged file must not be reported"

    write(repo, "letters/c.txt", "发展数字经济，推进工作。\n")
    git(repo, "add", "letters/c.txt")
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stdout + done.stderr
