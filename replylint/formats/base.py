"""Dispatch on a document's extension, and the builder every format fills with lines and origins.

Each format module has ``extract(data) -> (text, origins)``; it is imported only when a file of
its kind is read, so the libraries behind it cost nothing otherwise.
"""

from __future__ import annotations

import importlib
import os

from replylint.models import Origin

FORMATS = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}


def handles(path: str) -> bool:
    """Whether ``path`` names a document format (rather than a text file)."""
    return os.path.splitext(path)[1].lower() in FORMATS


def read(path: str, data: bytes) -> tuple[str, tuple[Origin, ...]]:
    """The letter text in a document and where each stretch of it comes from.

    Raises ``ValueError`` with a one-line reason when the document cannot be read or holds no
    text.
    """
    module = importlib.import_module(f"replylint.formats.{FORMATS[os.path.splitext(path)[1].lower()]}")
    text, origins = module.extract(data)
    if not text.strip():
        raise ValueError("the document holds no text")
    return text, origins


class TextBuilder:
    """Extracted text assembled piece by piece, each piece remembering its origin."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._origins: list[Origin] = []
        self._length = 0
        self._tail = ""

    def add(self, text: str, place: str, unit: str = "offset", first: int = 0) -> None:
        """Append ``text``, whose first character is number ``first`` in ``unit`` at ``place``."""
        if text:
            self._origins.append(Origin(start=self._length, place=place, unit=unit, first=first))
            self._append(text)

    def line(self, text: str, place: str, unit: str = "offset", first: int = 0) -> None:
        """Append ``text`` as a line of its own."""
        if text:
            self.add(text, place, unit, first)
            self.end_line()

    def end_line(self, blank: bool = False) -> None:
        """End the current line (and leave a blank line after it when ``blank``)."""
        if self._tail and not self._tail.endswith("\n"):
            self._append("\n")
        if blank and self._tail and not self._tail.endswith("\n\n"):
            self._append("\n")

    def result(self) -> tuple[str, tuple[Origin, ...]]:
        """The text and its origins."""
        return "".join(self._parts), tuple(self._origins)

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
        self._tail = (self._tail + text)[-2:]
