"""RL305 on text that does not repeat: the time and memory of its window index.

The synthetic corpora of ``bench/run.py`` recombine the seeds' paragraphs, so their letters
share almost all of their text, and RL305, which counts every 4-character window of the
distinct paragraphs, counts few. Real letters share boilerplate but not most sentences.
This benchmark gives RL305 its worst case: N letters of 20 paragraphs of 150 characters
drawn at random from the seeds' characters (as often as the seeds use them), so that almost
every window is distinct. For each N it prints the windows, the wall time of building the
index and finding the variants, and the peak memory that took, in a fresh process: with the
default budget of windows counted at once, with the shares counted by two processes (as
with ``--jobs 2``), with every window counted at once, and for a pre-commit run on one
letter (a focus on it: only the windows it can be in a finding with are counted).

    python bench/near_variant.py [--sizes 300 1000 3000] [--seeds seeds]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from replylint.checks.corpus_near_variant import WINDOWS_PER_SHARE, Index, variants
from replylint.corpus import Corpus, Letter
from replylint.letter import parse_structure
from replylint.source import Source
from replylint.tables import load_tables

PARAGRAPHS = 20
CHARACTERS = 150
UNBOUNDED = 10**12


def corpus(size: int, seeds: Path) -> Corpus:
    """``size`` letters of random text in the seeds' characters, the same for the same size."""
    characters = [c for path in sorted(seeds.glob("*.txt")) for c in path.read_text(encoding="utf-8")
                  if "\u4e00" <= c <= "\u9fff"]
    rng = random.Random(size)
    letters = []
    for n in range(size):
        text = "\n".join("".join(rng.choices(characters, k=CHARACTERS)) + "。" for _ in range(PARAGRAPHS))
        source = Source(path=f"letter_{n:05d}.txt", text=text)
        letters.append(Letter(source.path, source, parse_structure(source)))
    return Corpus(tuple(letters))


def measure(size: int, budget: int, focus: bool, processes: int, seeds: Path) -> dict:
    """Build the index of ``size`` letters with ``budget`` windows a share and find its
    variants with ``processes`` processes (with ``focus``, those a finding touching the middle
    letter comes from); the windows, the seconds it took and the memory it added at its peak,
    in this process."""
    letters = corpus(size, seeds)
    tables = load_tables()
    for letter in letters:
        letter.source.paragraphs  # worked out before the clock starts, as the rules find them
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    index = Index(letters, tables.near_variant, budget, processes)
    found = variants(index, tables.confusion, [letters.letters[size // 2]] if focus else None)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"windows": index.windows, "shares": index.shares, "wall": wall, "mb": (peak - before) / 1024, "variants": len(found)}


def main() -> None:
    """Measure each size with each budget, each in a fresh process, and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 3000])
    parser.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parent.parent / "seeds")
    parser.add_argument("--one", nargs=4, type=int, help=argparse.SUPPRESS)  # size, budget, focus, processes
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(*args.one, args.seeds)))
        return
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}")
    print(f"{'letters':>8} {'windows':>10} {'counted':>19} {'shares':>7} {'wall s':>7} {'added MB':>9} {'variants':>9}")
    for size in args.sizes:
        for budget, focus, processes, shown in (
            (WINDOWS_PER_SHARE, 0, 1, f"{WINDOWS_PER_SHARE:,} a share"), (WINDOWS_PER_SHARE, 0, 2, "shares, 2 processes"),
            (UNBOUNDED, 0, 1, "all at once"), (WINDOWS_PER_SHARE, 1, 1, "near one letter"),
        ):
            result = subprocess.run([sys.executable, __file__, "--one", str(size), str(budget), str(focus), str(processes),
                                     "--seeds", str(args.seeds)], capture_output=True, text=True, check=True)
            row = json.loads(result.stdout)
            print(f"{size:>8} {row['windows']:>10,} {shown:>19} {row['shares'] if not focus else '-':>7} "
                  f"{row['wall']:>7.2f} {row['mb']:>9.0f} {row['variants']:>9}", flush=True)


if __name__ == "__main__":
    main()
