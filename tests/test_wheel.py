"""The built wheel carries the rules tables and works in a clean virtual environment."""

import os
import subprocess
import sys
import venv
import zipfile

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(os.environ.get("REPLYLINT_SKIP_WHEEL") == "1", reason="REPLYLINT_SKIP_WHEEL=1")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("replylint-*.whl"))


def test_wheel_ships_the_rules_tables(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tables = sorted(n for n in names if n.startswith("replylint/_rules/") and n.endswith(".toml"))
    assert tables == sorted(f"replylint/_rules/{p.name}" for p in (ROOT / "rules").glob("*.toml"))
    assert {"replylint/_rules/lexicon.txt", "replylint/_rules/LICENSE-jieba.txt"} <= set(names)


def test_wheel_installed_in_a_clean_venv_checks_the_seeds(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    result = subprocess.run([str(env_dir / "bin" / "replylint"), str(SEEDS), "--format", "json"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert '"rule": "RL401"' in result.stdout
