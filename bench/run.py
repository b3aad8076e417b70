"""The benchmark: a full check of synthetic corpora of 100, 1,000 and 10,000 letters.

Each size runs ``replylint DIR --format json --no-cache`` in a fresh process and prints wall
time, letters per second, MB per second, peak RSS of the process and the number of findings.
With ``--warm`` it also times the pre-commit case on each corpus: the cache is filled, one
letter is edited, then ``replylint LETTER --corpus DIR`` and ``replylint DIR`` run with the
warm cache. Every time is the best of ``--repeat`` runs (the machine may be shared).

    python bench/run.py [--sizes 100 1000 10000] [--work DIR] [--repeat 3] [--warm] [-- extra replylint options]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def run_once(args: list[str]) -> tuple[float, dict]:
    """Run replylint once with ``args`` in a child process; its wall time and JSON report."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "replylint", *args, "--format", "json"],
                            capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"replylint failed: {result.stderr.strip()}")
    return wall, json.loads(result.stdout)


def measure(folder: Path, extra: list[str], repeat: int) -> dict[str, float]:
    """A full check of ``folder`` without cache, best of ``repeat`` runs."""
    size = sum(p.stat().st_size for p in folder.iterdir())
    walls = []
    for _ in range(repeat):
        wall, report = run_once([str(folder), "--no-cache", *extra])
        walls.append(wall)
    # The largest RSS of any child so far: sizes run in increasing order.
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    wall = min(walls)
    letters = len(report["files"])
    return {"letters": letters, "wall": wall, "letters_per_s": letters / wall, "mb_per_s": size / 2**20 / wall,
            "peak_rss_mb": peak_kb / 1024, "findings": len(report["findings"])}


def measure_warm(folder: Path, cache: Path, extra: list[str], repeat: int) -> dict[str, float]:
    """Pre-commit times with a warm cache and one edited letter, best of ``repeat`` runs each.

    Each run edits the letter anew, so each finds exactly one letter missing from the cache.
    """
    shutil.rmtree(cache, ignore_errors=True)
    options = ["--cache-dir", str(cache), *extra]
    run_once([str(folder), *options])
    letter = sorted(folder.iterdir())[len(list(folder.iterdir())) // 2]
    original = letter.read_bytes()
    one: list[float] = []
    whole: list[float] = []
    try:
        for edit in range(repeat):
            for mark, walls, paths in (("甲", one, [str(letter), "--corpus", str(folder)]), ("乙", whole, [str(folder)])):
                text = original.decode("utf-8").replace("。", f"。第{edit}{mark}稿。", 1)
                letter.write_bytes(text.encode("utf-8"))
                walls.append(run_once([*paths, *options])[0])
    finally:
        letter.write_bytes(original)
    return {"one": min(one), "whole": min(whole)}


def main() -> None:
    """Generate each corpus size, check it, and print one table row per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--work", type=Path, default=None, help="where to write the corpora (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is shown (default: 3)")
    parser.add_argument("--warm", action="store_true", help="also time a warm-cache run with one letter edited")
    parser.add_argument("extra", nargs="*", help="extra replylint options, after --")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="replylint-bench-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"{'letters':>8} {'wall s':>8} {'growth':>7} {'letters/s':>10} {'MB/s':>7} {'peak RSS MB':>12} {'findings':>9} "
          f"{'injected':>9}" + (f" {'warm 1 s':>9} {'warm all s':>10}" if args.warm else ""))
    previous: dict[str, float] | None = None
    for size in args.sizes:
        folder = work / f"corpus_{size}"
        injected = generate(folder, size) if not folder.exists() else {}
        row = measure(folder, args.extra, args.repeat)
        # How many times the previous size's wall time this size took (for 10 times the letters, at most 12).
        growth = f"{row['wall'] / previous['wall']:.1f}x" if previous else "-"
        previous = row
        line = (f"{row['letters']:>8} {row['wall']:>8.2f} {growth:>7} {row['letters_per_s']:>10.0f} {row['mb_per_s']:>7.2f} "
                f"{row['peak_rss_mb']:>12.0f} {row['findings']:>9} {sum(injected.values()) or '-':>9}")
        if args.warm:
            warm = measure_warm(folder, work / f"cache_{size}", args.extra, args.repeat)
            line += f" {warm['one']:>9.2f} {warm['whole']:>10.2f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
