"""Build ``rules/lexicon.txt`` from the jieba segmenter's dictionary (MIT; see rules/LICENSE-jieba.txt).

Usage: python tools/build_lexicon.py > rules/lexicon.txt

Every word of two to four characters in jieba's ``dict.txt`` (the installed jieba package) is
kept with its part of speech, one ``word tag`` per line, sorted by code point so that a word
is found by binary search without loading the list. A word listed twice keeps its last tag,
as a dictionary built from the file in order would.
"""

from __future__ import annotations

import re
import sys
from importlib.util import find_spec
from pathlib import Path

MAX_WORD = 4
# One line of the dictionary, "word frequency tag", for a word of two to MAX_WORD characters.
_ENTRY = re.compile(rf"^(\S{{2,{MAX_WORD}}}) \S+ (\S+)[ \t\r]*$", re.MULTILINE)


def entries(dictionary: str) -> list[tuple[str, str]]:
    """The (word, tag) pairs of a jieba dictionary's text, sorted by word, one per word."""
    return sorted(dict(_ENTRY.findall(dictionary)).items())


def jieba_dictionary() -> str:
    """The text of the installed jieba package's ``dict.txt``."""
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("jieba is not installed: pip install jieba")
    return (Path(spec.submodule_search_locations[0]) / "dict.txt").read_text(encoding="utf-8")


def main() -> None:
    """Print the lexicon."""
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    sys.stdout.write("".join(f"{word} {tag}\n" for word, tag in entries(jieba_dictionary())))


if __name__ == "__main__":
    main()
