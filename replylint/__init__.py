"""replylint: checks Chinese government reply letters for contradictions before publication."""

__version__ = "0.1.0"
