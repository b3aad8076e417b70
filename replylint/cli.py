"""The command line: ``replylint [check] PATHS``, ``rules``, ``rule CODE``, ``parse FILE``, ``claims PATHS``, ``ledger PATHS``."""

from __future__ import annotations

import argparse
import dataclasses
import gc
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn

from replylint import __version__

COMMANDS = ("check", "rules", "rule", "parse", "claims", "ledger")
FORMATS = ("table", "json", "sarif", "github", "html")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# What a check made, kept from being freed when the process is about to end (see run()):
# letting the report go when the check returns would free the corpus object by object.
_left_for_exit: list[object] | None = None


class UsageError(Exception):
    """A mistake in how replylint was called; exit code 2."""


def default_lang() -> str:
    """Chinese when the locale is Chinese, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="replylint",
        description="Check Chinese government reply letters for contradictions before they are published.",
        epilog="Commands: check (the default), rules, rule CODE, parse FILE, claims PATHS, ledger PATHS. Run 'replylint COMMAND --help'.",
    )
    parser.add_argument("--version", action="version", version=f"replylint {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="check letters (the default command)")
    check.add_argument("paths", nargs="*", default=["."], help="files, directories or globs (default: .)")
    check.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--no-color", action="store_true", help="no colours (also when NO_COLOR is set)")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only: no summary, nothing when clean")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                       help="exit 1 when a finding is at or above this severity (default: warning, or the config's)")
    check.add_argument("--select", action="append", default=[], metavar="CODES",
                       help="only these rule codes or prefixes, comma-separated (e.g. RL1,RL301)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODES", help="skip these rule codes or prefixes")
    check.add_argument("--include", action="append", default=[], metavar="GLOB",
                       help="file names to check inside directories (default: *.txt *.md *.docx *.pdf *.html *.htm)")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="paths to skip")
    check.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default: from the locale)")
    check.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="processes, this one included, that parse letters and run the per-letter rules, "
                            "run RL305 while cached letters load, and count its windows on large corpora "
                            "(default: the machine's cores)")
    check.add_argument("--no-cache", action="store_true", help="parse every letter afresh; read and write no cache")
    check.add_argument("--cache-dir", default=None, metavar="DIR",
                       help="where parsed letters and their per-letter findings are cached (default: .replylint_cache)")
    check.add_argument("--fix", action="store_true",
                       help="apply the certain fixes to the files, then report what remains")
    check.add_argument("--diff", action="store_true",
                       help="print the certain fixes as a unified diff and write nothing")
    check.add_argument("--claims", metavar="FILE", help="check the letters and claims of a JSON Lines claims file instead of PATHS")
    _workflow_arguments(check)

    sub.add_parser("rules", help="list the rules")
    explain = sub.add_parser("rule", help="explain one rule, with its examples")
    explain.add_argument("code")
    parse = sub.add_parser("parse", help="print the parsed structure of a letter as JSON")
    parse.add_argument("file")
    claims = sub.add_parser("claims", help="print the claims the letters make (table, or JSON Lines to check later)")
    claims.add_argument("paths", nargs="+", help="files, directories or globs")
    claims.add_argument("--format", choices=("table", "jsonl"), default="table", help="output format (default: table)")
    claims.add_argument("--kind", action="append", default=[], help="only claims of this kind (repeatable)")
    _ledger_parser(sub)
    return parser


def _ledger_parser(sub) -> None:
    ledger = sub.add_parser("ledger", help="every figure, title and name across the letters, over time")
    ledger.add_argument("paths", nargs="+", help="files, directories or globs")
    ledger.add_argument("--format", choices=("table", "csv", "json", "html"), default="table",
                        help="output format (default: table; html writes a standalone page)")
    ledger.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    ledger.add_argument("--metric", metavar="TEXT", help="only metrics, topics, titles and names that contain TEXT")
    ledger.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="only letters dated on or after this day")
    ledger.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="only letters dated on or before this day")
    ledger.add_argument("--no-bom", action="store_true", help="CSV without the byte-order mark spreadsheets use to read UTF-8")
    ledger.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the HTML page (default: from the locale)")


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _codes(values: Sequence[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _workflow_arguments(check: argparse.ArgumentParser) -> None:
    """Flags for configuration, corpus, baselines and reports."""
    check.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest replylint.toml or "
                       "pyproject.toml with [tool.replylint] above the checked files)")
    check.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    check.add_argument("--corpus", action="append", default=[], metavar="DIR",
                       help="also read the letters under DIR for the cross-letter rules; report only findings "
                            "that touch the checked files")
    check.add_argument("--baseline", metavar="FILE", help="hide the findings whose fingerprints FILE lists")
    check.add_argument("--write-baseline", metavar="FILE", help="write the fingerprints of the current findings to FILE")
    check.add_argument("--statistics", action="store_true", help="print how many findings each rule has")


def _config(args: argparse.Namespace):
    """The configuration of the run, with the command line's settings over it."""
    from replylint.config import Config, discover_config, load_config

    if args.isolated:
        config = Config()
    elif args.config:
        config = load_config(args.config)
    else:
        config = discover_config(args.paths)
    overrides = {"fail_on": args.fail_on, "lang": args.lang, "include": tuple(args.include) or None,
                 "exclude": (*config.exclude, *args.exclude) if args.exclude else None}
    return config.model_copy(update={k: v for k, v in overrides.items() if v is not None})


def _check(args: argparse.Namespace) -> int:
    from replylint.cache import DEFAULT_DIR, LetterCache
    from replylint.config import ConfigError
    from replylint.corpus import Corpus
    from replylint.engine import Report, check_corpus, lint
    from replylint.models import SEVERITY_RANK
    from replylint.plugins import PluginError
    from replylint.suppress import BaselineError, write_baseline
    from replylint.tables import TableError
    from replylint.termbase import TermbaseError

    if args.jobs < 1:
        raise UsageError("--jobs takes a whole number of at least 1")
    # A check makes millions of long-lived objects and next to no cyclic garbage (reference
    # counting frees the rest), and the process ends with the report: a cyclic collection
    # only walks the corpus again (0.2 s for 1,000 letters each time, the same peak memory
    # without it). The processes that read letters in parallel are forked with it off too.
    gc.disable()
    if args.claims and (args.fix or args.diff):
        raise UsageError("--fix and --diff need the letters' text, not a claims file")

    def run() -> Report:
        report = check()
        if _left_for_exit is not None:
            _left_for_exit.append(report)
        return report

    def check() -> Report:
        if args.claims:
            return check_corpus(_claims_corpus(args.claims), config=config, select_codes=_codes(args.select),
                                ignore_codes=_codes(args.ignore), baseline=args.baseline, jobs=args.jobs)
        with _progress(enabled=not args.quiet and args.format in ("table", "github")) as progress:
            return lint(args.paths, config=config, select_codes=_codes(args.select), ignore_codes=_codes(args.ignore),
                        corpus=args.corpus, baseline=args.baseline, progress=progress, jobs=args.jobs,
                        cache=None if args.no_cache else LetterCache(args.cache_dir or DEFAULT_DIR))

    try:
        config = _config(args)
        report = run()
    except (ConfigError, PluginError, BaselineError, TableError, TermbaseError) as exc:
        raise UsageError(str(exc)) from None
    if not report.files and report.errors and all(e.reason.startswith(("no such file", "no file matches")) for e in report.errors):
        raise UsageError("; ".join(f"{e.path}: {e.reason}" for e in report.errors))
    if args.fix or args.diff:
        from replylint.fixes import plan

        checked = Corpus(tuple(letter for letter in report.corpus if letter.path in report.files))
        fixes = plan(checked, report.rules)
        if args.diff:
            for error in fixes.refused():
                print(f"{error.path}: error: {error.reason}", file=sys.stderr)
            sys.stdout.write(fixes.diff())
            return EXIT_FINDINGS if fixes.changed else EXIT_CLEAN
        failed = fixes.write()
        written = len(fixes.changed) - len(failed)
        refused = fixes.refused() + failed
        print(f"replylint: applied {fixes.applied} fixes, {written} files written", file=sys.stderr)
        if fixes.deferred:
            print(f"replylint: {fixes.deferred} fixes overlap other fixes and were not applied", file=sys.stderr)
        after = run()
        report = dataclasses.replace(after, errors=after.errors + tuple(refused))
    if args.write_baseline:
        count = write_baseline(args.write_baseline, report.findings)
        print(f"replylint: wrote {count} fingerprints to {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    lang = config.lang or default_lang()
    _write(report, args, lang)
    threshold = SEVERITY_RANK.get(config.fail_on)
    failing = threshold is not None and any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings)
    return EXIT_FINDINGS if failing or report.errors else EXIT_CLEAN


def _write(report, args: argparse.Namespace, lang: str) -> None:
    """Write the report in the chosen format to standard output or ``--output``."""
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.format == "json":
            from replylint.report import json as json_report

            out.writelines(json_report.pieces(report, lang))
        elif args.format in ("sarif", "github", "html"):
            module = importlib.import_module(f"replylint.report.{args.format}")
            out.write(module.render(report, lang))
        elif args.statistics or not (args.quiet and not report.findings and not report.errors):
            from rich.console import Console

            from replylint.report import table

            no_color = args.no_color or bool(os.environ.get("NO_COLOR")) or args.output is not None
            console = Console(file=out, no_color=no_color, highlight=False, soft_wrap=False,
                              force_terminal=None if not no_color else False)
            if args.statistics:
                table.render_statistics(report, console)
            else:
                table.render(report, console, lang, quiet=args.quiet)
    finally:
        if args.output:
            out.close()
    for error in report.errors if args.output else ():
        print(f"{error.path}: error: {error.reason}", file=sys.stderr)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on standard error while files are read and rules run, only on a terminal."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} · {task.description}"),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("replylint", total=None)
        yield lambda item: bar.update(task, advance=1, description=item)


def _known_rules() -> dict:
    """The rules a check here would know: built-in, installed and the configuration's plugins."""
    from replylint.config import ConfigError, discover_config
    from replylint.plugins import PluginError
    from replylint.selection import known_rules

    try:
        return known_rules(discover_config())
    except (ConfigError, PluginError) as exc:
        raise UsageError(str(exc)) from None


def _claims_corpus(path: str):
    from replylint.claims import load_lines

    try:
        with open(path, encoding="utf-8") as handle:
            return load_lines(handle, path)
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _claims(args: argparse.Namespace) -> int:
    from rich.console import Console

    from replylint.claims import dump_lines
    from replylint.engine import discover, load_corpus
    from replylint.report import claims as claims_report

    files, errors = discover(args.paths)
    corpus, read_errors = load_corpus(files)
    for error in errors + read_errors:
        print(f"{error.path}: error: {error.reason}", file=sys.stderr)
    if args.format == "jsonl":
        for line in dump_lines(corpus):
            print(line)
    else:
        claims_report.render(corpus, Console(highlight=False), kinds=args.kind)
    return EXIT_FINDINGS if errors or read_errors else EXIT_CLEAN


def _ledger(args: argparse.Namespace) -> int:
    from rich.console import Console

    from replylint.engine import check_corpus, discover, load_corpus
    from replylint.ledger import build_ledger
    from replylint.report import ledger as ledger_report
    from replylint.report import ledger_html

    files, errors = discover(args.paths)
    if not files:
        raise UsageError("; ".join(f"{e.path}: {e.reason}" for e in errors) or "no letters found")
    corpus, read_errors = load_corpus(files)
    for error in errors + read_errors:
        print(f"{error.path}: error: {error.reason}", file=sys.stderr)
    findings = check_corpus(corpus, select_codes=ledger_html.FLAGGED_RULES).findings
    ledger = build_ledger(corpus, findings).filtered(args.metric, args.since, args.until)
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if args.format == "table":
            no_color = bool(os.environ.get("NO_COLOR")) or args.output is not None
            ledger_report.render_table(ledger, Console(file=out, highlight=False, no_color=no_color))
        elif args.format == "csv":
            out.write(ledger_report.render_csv(ledger, bom=not args.no_bom))
        elif args.format == "json":
            out.write(ledger_report.render_json(ledger))
        else:
            out.write(ledger_html.page(ledger, findings, corpus, args.lang or default_lang()))
    finally:
        if args.output:
            out.close()
    return EXIT_FINDINGS if errors or read_errors else EXIT_CLEAN


def _rules() -> int:
    for code, r in _known_rules().items():
        print(f"{code}  {r.name:<28} {r.group:<12} {r.severity:<8} {r.summary}")
    return EXIT_CLEAN


def _rule(code: str) -> int:
    r = _known_rules().get(code.upper())
    if r is None:
        raise UsageError(f"unknown rule {code!r} (see 'replylint rules')")
    print(f"{r.code} {r.name}  ({r.group}, default severity {r.severity})\n")
    print(f"message: {r.message_zh}\n         {r.message_en}\n")
    if r.options:
        print("options: " + ", ".join(f"{k} = {v!r}" for k, v in r.options.items()) + "\n")
    print(r.doc)
    return EXIT_CLEAN


def _parse(path: str) -> int:
    from replylint.engine import read_letter

    try:
        letter = read_letter(path)
    except ValueError as exc:
        raise UsageError(f"{path}: {exc}") from None
    print(json.dumps(letter.structure.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return EXIT_CLEAN


def run() -> NoReturn:
    """The ``replylint`` command: run :func:`main` and end the process with its exit code.

    The process ends without freeing the corpus object by object, as a normal exit does (a
    tenth of a second for 1,000 letters), and the check keeps its report alive until then;
    what it wrote is flushed first. Every file it writes is closed before :func:`main`
    returns. Under a profiler or a coverage tracer the exit is a normal one, so that they can
    write what they measured.
    """
    global _left_for_exit
    profiled = sys.getprofile() is not None or sys.gettrace() is not None
    _left_for_exit = None if profiled else []
    code = main()
    if profiled:
        raise SystemExit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that has gone, or a stream closed already
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "check")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_CLEAN
    try:
        if args.command == "rules":
            return _rules()
        if args.command == "rule":
            return _rule(args.code)
        if args.command == "parse":
            return _parse(args.file)
        if args.command == "claims":
            return _claims(args)
        if args.command == "ledger":
            return _ledger(args)
        return _check(args)
    except UsageError as exc:
        print(f"replylint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_CLEAN
