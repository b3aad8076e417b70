"""The benchmark: a full check of synthetic corpora of 100, 1,000 and 10,000 letters.

Each size runs ``replylint DIR --format json`` in a fresh process and prints wall time,
letters per second, MB per second, peak RSS of the process and the number of findings.

    python bench/run.py [--sizes 100 1000 10000] [--work DIR] [-- extra replylint options]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def measure(folder: Path, extra: list[str]) -> dict[str, float]:
    """Run replylint once on ``folder`` in a child process and measure it."""
    size = sum(p.stat().st_size for p in folder.iterdir())
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "replylint", str(folder), "--format", "json", *extra],
                            capture_output=True, text=True)
    wall = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode not in (0, 1):
        raise SystemExit(f"replylint failed: {result.stderr.strip()}")
    report = json.loads(result.stdout)
    letters = len(report["files"])
    return {"letters": letters, "wall": wall, "letters_per_s": letters / wall, "mb_per_s": size / 2**20 / wall,
            "peak_rss_mb": max(peak_kb, before) / 1024, "findings": len(report["findings"])}


def main() -> None:
    """Generate each corpus size, check it, and print one table row per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--work", type=Path, default=None, help="where to write the corpora (default: a temp dir)")
    parser.add_argument("extra", nargs="*", help="extra replylint options, after --")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="replylint-bench-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"{'letters':>8} {'wall s':>8} {'letters/s':>10} {'MB/s':>7} {'peak RSS MB':>12} {'findings':>9} {'injected':>9}")
    for size in args.sizes:
        folder = work / f"corpus_{size}"
        injected = generate(folder, size) if not folder.exists() else {}
        row = measure(folder, args.extra)
        print(f"{row['letters']:>8} {row['wall']:>8.2f} {row['letters_per_s']:>10.0f} {row['mb_per_s']:>7.2f} "
              f"{row['peak_rss_mb']:>12.0f} {row['findings']:>9} {sum(injected.values()) or '-':>9}")


if __name__ == "__main__":
    main()
