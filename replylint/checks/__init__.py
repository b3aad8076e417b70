"""Built-in rules, one per module; importing a module registers its rule.

``load()`` imports every module of this package and every module named in the
``replylint.rules`` entry-point group, once.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from importlib.metadata import entry_points


@lru_cache(maxsize=1)
def load() -> None:
    """Import every built-in rule module and every plugin rule module."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    for entry in entry_points(group="replylint.rules"):
        entry.load()
