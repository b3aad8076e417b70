"""Configuration: ``[tool.replylint]`` in pyproject.toml or a ``replylint.toml``, found and validated.

The configuration is looked for in the folder of the checked files (or the current folder)
and every folder above it; the first ``replylint.toml`` (keys at the top level) or
``pyproject.toml`` with a ``[tool.replylint]`` table wins. Paths in it (``corpus``,
``termbase``, ``tables``, ``plugins``) are relative to the file that names them. An unknown
key or a bad value is a :class:`ConfigError` naming the file and the key, in one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, ValidationError, field_validator

from replylint.models import Lang, Model, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FailOn = Literal["error", "warning", "info", "never"]


class ConfigError(ValueError):
    """The configuration file cannot be read or holds an unknown key or a bad value."""


class Config(Model):
    """Every setting of a run; the defaults are what a run without a configuration file uses."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = Field((), alias="extend-select")
    per_file_ignores: dict[str, tuple[str, ...]] = Field({}, alias="per-file-ignores")
    severity: dict[str, Severity] = {}
    corpus: tuple[str, ...] = ()
    termbase: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: FailOn = Field("warning", alias="fail-on")
    lang: Lang | None = None
    options: dict[str, dict[str, Any]] = {}
    # The file the configuration came from, and the folder its relative paths start from.
    path: str | None = Field(None, exclude=True)
    root: str = Field(".", exclude=True)

    @field_validator("select", "ignore", "extend_select")
    @classmethod
    def _upper(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(code.strip().upper() for code in codes if code.strip())

    def relative(self, path: str) -> str:
        """A path named in the configuration, as seen from the current folder."""
        return os.path.normpath(os.path.join(self.root, path))


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    data = _read_toml(path)
    tool = data.get("tool", {})
    return tool.get("replylint") if isinstance(tool, dict) else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def find_config(paths: Sequence[str] = ()) -> Path | None:
    """The configuration file for ``paths``: the nearest one above the first path (or the cwd)."""
    start = Path(paths[0]) if paths else Path.cwd()
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "replylint.toml").is_file():
            return candidate / "replylint.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def load_config(path: str | Path) -> Config:
    """Read and validate one configuration file; raises :class:`ConfigError` in one line."""
    path = Path(path)
    if path.name == "pyproject.toml":
        data, prefix = _pyproject_table(path) or {}, "tool.replylint."
    else:
        data, prefix = _read_toml(path), ""
    root = os.path.relpath(path.resolve().parent)
    return parse_config(data, where=os.path.relpath(path), prefix=prefix, root=root)


def parse_config(data: dict[str, Any], *, where: str = "<config>", prefix: str = "", root: str = ".") -> Config:
    """Validate a configuration mapping, naming ``where`` and the offending key on error."""
    try:
        return Config.model_validate({**data, "path": where, "root": root})
    except ValidationError as exc:
        first = exc.errors()[0]
        key = prefix + ".".join(str(part) for part in first["loc"])
        reason = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise ConfigError(f"{where}: {key}: {reason}") from None


def discover_config(paths: Sequence[str] = ()) -> Config:
    """The configuration that applies to ``paths``, or the defaults when there is none."""
    found = find_config(paths)
    return load_config(found) if found else Config()

