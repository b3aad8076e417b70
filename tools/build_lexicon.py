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

from replylint.lexicon import MAX_WORD
from replylint.package_files import package_file

# One line of the dictionary, "word frequency tag", for a word of two to MAX_WORD characters.
_ENTRY = re.compile(rf"^(\S{{2,{MAX_WORD}}}) \S+ (\S+)[ \t\r]*$", re.MULTILINE)


def entries(dictionary: str) -> list[tuple[str, str]]:
    """The (word, tag) pairs of a jieba dictionary's text, sorted by word, one per word."""
    return sorted(dict(_ENTRY.findall(dictionary)).items())


def lexicon_text(dictionary: str) -> str:
    """The lexicon file's text for a jieba dictionary's text: a ``word tag`` line per entry."""
    return "".join(f"{word} {tag}\n" for word, tag in entries(dictionary))


def jieba_dictionary() -> str:
    """The text of the installed jieba package's ``dict.txt`` (pip install jieba)."""
    return package_file("jieba", "dict.txt", "its dictionary").read_text(encoding="utf-8")


def main() -> None:
    """Print the lexicon."""
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    sys.stdout.write(lexicon_text(jieba_dictionary()))


if __name__ == "__main__":
    main()
