"""replylint: checks Chinese government reply letters for contradictions before publication.

The public API, imported on first use so that ``replylint --version`` stays fast::

    import replylint
    report = replylint.lint(["letters/"], config="replylint.toml")
"""

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "lint": "replylint.engine",
    "Report": "replylint.engine",
    "Config": "replylint.config",
    "load_config": "replylint.config",
    "Finding": "replylint.models",
    "Location": "replylint.models",
    "Span": "replylint.models",
    "Fix": "replylint.models",
    "Corpus": "replylint.corpus",
    "Letter": "replylint.corpus",
    "rule": "replylint.registry",
    "Rule": "replylint.registry",
    "At": "replylint.registry",
    "all_rules": "replylint.registry",
}
__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'replylint' has no attribute {name!r}")
