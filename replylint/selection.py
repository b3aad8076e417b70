"""What a configuration means for a run: which rules, with which options, severities and files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from fnmatch import fnmatch
from typing import Any

from replylint.config import Config, ConfigError, discover_config, load_config
from replylint.models import Finding
from replylint.registry import Rule, all_rules, select
from replylint.termbase import load_termbase


def resolve_config(config: Config | str | os.PathLike | None, paths: Sequence[str]) -> Config:
    """A configuration object from what the caller gave: one, a file to read, or nothing (look for one)."""
    if isinstance(config, Config):
        return config
    if config is not None:
        return load_config(config)
    return discover_config(paths)


def corpus_files(config: Config, corpus: Sequence[str], checked: Sequence[str]) -> list[str]:
    """The letter files of the corpus folders (configured and given) that are not checked already."""
    from replylint.engine import DEFAULT_INCLUDE, discover

    folders = [config.relative(c) for c in config.corpus] + list(corpus)
    if not folders:
        return []
    found, _ = discover(folders, config.include or DEFAULT_INCLUDE, config.exclude)
    seen = {_identity(p) for p in checked}
    return [p for p in found if _identity(p) not in seen]


def _identity(path: str) -> tuple[int, int] | str:
    """What tells one file from another: its device and inode (shared by a symbolic link to
    it, and five times cheaper to find than its real path), or the path of a file that cannot
    be looked at."""
    try:
        status = os.stat(path)
    except OSError:
        return os.path.normpath(path)
    return status.st_dev, status.st_ino


def known_rules(config: Config) -> dict[str, Rule]:
    """The built-in and installed rules, and the configuration's plugin rules, by code."""
    from replylint.plugins import load_plugins

    builtin = all_rules()
    plugins = load_plugins(tuple(config.relative(p) for p in config.plugins), frozenset(builtin))
    return {**builtin, **{r.code: r for r in plugins}}


def check_codes(codes: Sequence[str], known: dict[str, Rule], where: str) -> None:
    """Raise :class:`ConfigError` for a code (or prefix, or rule name) that names no rule."""
    names = {r.name.upper() for r in known.values()}
    for code in codes:
        upper = code.upper()
        if upper != "ALL" and upper not in names and not any(k.startswith(upper) for k in known):
            raise ConfigError(f"{where}: no rule code starts with {code!r} (see 'replylint rules')")


def _by_name(codes: Sequence[str], known: dict[str, Rule]) -> list[str]:
    by_name = {r.name.upper(): r.code for r in known.values()}
    return [by_name.get(c.upper(), c) for c in codes]


def rules(config: Config, select_codes: Sequence[str] = (), ignore_codes: Sequence[str] = ()) -> list[Rule]:
    """The rules to run: ``select_codes`` (else the configured ``select``) plus ``extend-select``, less the ignored."""
    known = known_rules(config)
    where = config.path or "configuration"
    for key, codes in (("select", config.select), ("ignore", config.ignore), ("extend-select", config.extend_select)):
        check_codes(codes, known, f"{where}: {key}")
    for key, codes in (("severity", list(config.severity)), ("options", list(config.options))):
        check_codes(codes, known, f"{where}: {key}")
    for pattern, codes in config.per_file_ignores.items():
        check_codes(codes, known, f"{where}: per-file-ignores.{pattern}")
    check_codes([*select_codes, *ignore_codes], known, "command line")
    chosen = list(select_codes) or list(config.select)
    if chosen and config.extend_select and not select_codes:
        chosen += config.extend_select
    ignored = [*config.ignore, *ignore_codes]
    return select(known, _by_name(chosen, known), _by_name(ignored, known))


def options(config: Config, chosen: Sequence[Rule]) -> dict[str, dict[str, Any]]:
    """Keyword options per rule code; an option a rule does not take is a :class:`ConfigError`."""
    out: dict[str, dict[str, Any]] = {}
    for rule in chosen:
        given = {}
        for code, values in config.options.items():
            if rule.code.startswith(code.upper()) or rule.name.upper() == code.upper():
                given.update(values)
        unknown = sorted(set(given) - set(rule.options))
        if unknown:
            takes = ", ".join(rule.options) or "no options"
            raise ConfigError(
                f"{config.path or 'configuration'}: options.{rule.code}.{unknown[0]}: unknown option (it takes {takes})"
            )
        if "termbase" in rule.options and config.termbase:
            given.setdefault("termbase", tuple(config.relative(t) for t in config.termbase))
            load_termbase(given["termbase"])  # a bad file is a usage error here, not a crashed rule
        if given:
            out[rule.code] = given
    return out


def with_severity(finding: Finding, config: Config) -> Finding:
    """The finding at the severity the configuration sets for its rule (by code, prefix or name)."""
    for code, severity in config.severity.items():
        upper = code.upper()
        if finding.rule.startswith(upper) or finding.name.upper() == upper:
            return finding.model_copy(update={"severity": severity})
    return finding


def ignored_in_file(finding: Finding, config: Config) -> bool:
    """Whether ``per-file-ignores`` turns the finding's rule off for the file of its first location."""
    if not finding.locations or not config.per_file_ignores:
        return False
    path = finding.locations[0].path
    relative = os.path.relpath(path, config.root).replace(os.sep, "/")
    for pattern, codes in config.per_file_ignores.items():
        if fnmatch(relative, pattern) or fnmatch(os.path.basename(path), pattern):
            if any(finding.rule.startswith(c.upper()) or finding.name.upper() == c.upper() for c in codes):
                return True
    return False
