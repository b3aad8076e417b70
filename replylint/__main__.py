"""``python -m replylint``."""

from replylint.cli import run

run()
