"""Deterministic synthetic corpora for the benchmark, made from the seed letters.

Each synthetic letter takes the header and closing of one seed letter, with a new 文号 serial
and a new date, and a body of paragraphs drawn from all seeds. A known number of problems is
injected: doubled characters, lone quotation marks and shrinking cumulative totals.

    python bench/generate.py OUT_DIR N [--seed S]
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_BODY_START = re.compile(r"^(?:#+\s*)?(?:\*\*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_CLOSING = re.compile(r"^(?:专此答复|特此答复)")
_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_DOCNO = re.compile(r"〔\d{4}〕\d+号")


@dataclass(frozen=True)
class SeedParts:
    """A seed letter cut into header, body paragraphs and closing."""

    header: list[str]
    body: list[str]
    closing: list[str]


def split_seed(text: str) -> SeedParts:
    """Cut a seed letter (blank-line separated blocks) at its first section and its closing."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    first = next((i for i, b in enumerate(blocks) if _BODY_START.match(b.strip())), 6)
    last = next((i for i, b in enumerate(blocks) if _CLOSING.match(b.strip())), len(blocks) - 5)
    return SeedParts(blocks[:first], blocks[first:last], blocks[last:])


def _inject(paragraph: str, rng: random.Random, kind: str) -> str:
    """Insert one problem of ``kind`` into a paragraph."""
    if kind == "doubled":
        spots = [m.start() for m in re.finditer("的", paragraph)]
        if spots:
            at = rng.choice(spots)
            return paragraph[:at] + "的" + paragraph[at:]
    if kind == "quote":
        spots = [m.start() for m in re.finditer("“", paragraph)]
        if spots:
            at = rng.choice(spots)
            return paragraph[:at] + paragraph[at + 1 :]
    return paragraph


def letter_text(parts: SeedParts, pool: list[str], serial: int, when: date, rng: random.Random,
                injections: list[str]) -> str:
    """One synthetic letter: a seed's frame around paragraphs drawn from the pool."""
    header = [_DOCNO.sub(f"〔{when.year}〕{serial}号", b) for b in parts.header]
    body = rng.sample(pool, k=min(len(pool), rng.randint(8, 16)))
    for kind in injections:
        index = rng.randrange(len(body))
        body[index] = _inject(body[index], rng, kind)
    closing = [f"{when.year}年{when.month}月{when.day}日" if _DATE.match(b.strip()) else b for b in parts.closing]
    return "\n\n".join(header + body + closing) + "\n"


def generate(out: Path, count: int, seed: int = 1) -> dict[str, int]:
    """Write ``count`` letters into ``out`` and return how many problems of each kind were injected."""
    rng = random.Random(seed)
    seeds = [split_seed(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    pool = [b for s in seeds for b in s.body]
    out.mkdir(parents=True, exist_ok=True)
    injected = {"doubled": 0, "quote": 0}
    start = date(2022, 1, 1)
    for i in range(count):
        kinds = [k for k in injected if rng.random() < 0.1]
        for k in kinds:
            injected[k] += 1
        when = start + timedelta(days=rng.randrange(3 * 365))
        text = letter_text(rng.choice(seeds), pool, i + 1, when, rng, kinds)
        (out / f"letter_{i:05d}.txt").write_text(text, encoding="utf-8")
    return injected


def main() -> None:
    """Command line: write N synthetic letters into a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.out, args.count, args.seed))


if __name__ == "__main__":
    main()
