"""Looking a key up in a text of lines sorted by their keys, by binary search in the text
itself: a run that looks up a few keys reads the file (milliseconds) rather than building a
table of every line (tens or hundreds of milliseconds)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def find_line(text: str, wanted: Any, key: Callable[[str], Any]) -> str | None:
    """The line of ``text`` whose ``key`` is ``wanted``, or ``None`` when no line has it. The
    lines (separated by ``\\n``) must be sorted by ``key``."""
    # ``low`` and ``high`` are line starts (or the end); the wanted line, if any, starts between them.
    low, high = 0, len(text)
    while low < high:
        start = text.rfind("\n", 0, (low + high) // 2) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        found = key(line)
        if found == wanted:
            return line
        if found < wanted:
            low = end + 1
        else:
            high = start
    return None
