"""Letters in documents: .docx, PDF with a text layer, and HTML pages, read as text with origins."""

from replylint.formats.base import FORMATS, handles, read

__all__ = ["FORMATS", "handles", "read"]
