"""``python -m replylint``."""

from replylint.cli import main

raise SystemExit(main())
