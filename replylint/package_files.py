"""Files inside installed packages, found without importing the packages.

Importing pypinyin loads its phrase table and segmenter (0.16 s), and importing jieba pulls
in pkg_resources. replylint needs one data file of pypinyin (and tools/build_lexicon.py one
of jieba), so it finds the file where the package is installed and reads it alone.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path


def package_file(package: str, name: str, what: str) -> Path:
    """The file ``name`` inside the installed ``package``; ``what`` says, for the error, what it holds."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {package} package ({what}) is not installed")
    return Path(spec.submodule_search_locations[0]) / name
