"""Character classes of Chinese running text, shared by the punctuation rules.

Which characters count as Chinese, which as full-width punctuation, what a "neighbour" is
when PDF extraction has put spaces around a mark, and the stretches of a paragraph (URLs,
e-mail addresses, link targets, HTML entities) where ASCII punctuation is legitimate.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# CJK Unified Ideographs, Extension A and the compatibility block.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
# Full-width marks of Chinese running text. Curly single quotes are left out: they double as
# apostrophes in English.
CJK_PUNCT = frozenset("，。、；：？！“”《》〈〉（）〔〕【】「」『』—…～·")
# Spaces that PDF extraction leaves around marks. The ideographic space U+3000 is not one of
# them: it is typed on purpose (indents, padded names).
SPACES = " \t\u00a0"
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")
_SKIP = re.compile(
    r"""(?P<url>(?:https?|ftp)://|www\.)[!#-;=?-\[\]_a-z~]+   # a URL, ASCII only
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+        # an e-mail address
      | \]\([^)\s]*\)                        # a Markdown link target
      | &\#?\w+;                             # an HTML entity
    """,
    re.X | re.A,
)
_URL_TRAILING = ",.;:!?)"


def is_han(char: str) -> bool:
    """Whether ``char`` is a Chinese character (an empty string is not)."""
    return bool(char) and HAN_RE.match(char) is not None


def is_ascii_word(char: str) -> bool:
    """Whether ``char`` is an ASCII letter or digit."""
    return bool(char) and _ASCII_WORD.match(char) is not None


def neighbour(text: str, index: int, step: int) -> str:
    """The nearest character before (``step=-1``) or after (``step=1``) ``index``, spaces skipped.

    Returns ``""`` at the edge of the text.
    """
    i = index + step
    while 0 <= i < len(text) and text[i] in SPACES:
        i += step
    return text[i] if 0 <= i < len(text) else ""


class SkipZones:
    """The stretches of a text where ASCII punctuation belongs (URLs, e-mail, link targets)."""

    def __init__(self, text: str) -> None:
        spans = []
        # Every zone holds one of these; most paragraphs hold none and need no regex pass.
        matches = _SKIP.finditer(text) if any(c in text for c in ("/", "@", "]", "&", "www.")) else ()
        for m in matches:
            end = m.end()
            if m["url"]:  # punctuation that ends a URL belongs to the sentence, as in Markdown
                while text[end - 1] in _URL_TRAILING:
                    end -= 1
            spans.append((m.start(), end))
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def __contains__(self, index: int) -> bool:
        i = bisect_right(self._starts, index) - 1
        return i >= 0 and index < self._ends[i]
