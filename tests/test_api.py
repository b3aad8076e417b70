"""The public Python API: lazy re-exports, and the README's example runs as written."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8")


def test_readme_python_api_example_prints_what_the_readme_says():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    printed = re.search(r"which prints\n\n```\n(.*?)```", section, re.S).group(1)
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout == printed


def test_version_loads_neither_the_engine_nor_pydantic_nor_rich():
    done = run_python(
        "import sys; from replylint.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'rich', 'jieba') or m == 'replylint.engine'))"
    )
    assert done.stdout.strip().endswith("[]"), done.stdout + done.stderr


def test_lint_and_models_are_importable_from_the_package():
    import replylint
    from replylint.engine import Report, lint
    from replylint.models import Finding

    assert replylint.lint is lint and replylint.Report is Report and replylint.Finding is Finding
    assert set(replylint.__all__) >= {"lint", "Report", "Config", "Finding", "Location", "rule"}


def test_lint_takes_one_path_or_several_as_strings_or_path_objects():
    import replylint
    from replylint.config import Config

    seeds = ROOT / "seeds"
    one = replylint.lint(seeds, config=Config(select=("RL301",)))
    several = replylint.lint([str(seeds / "003_09cdc197029a0fdb.txt")], config=Config(select=("RL301",)))
    assert len(one.files) == 5 and one.findings == several.findings
