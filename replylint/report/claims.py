"""The terminal table of the claims letters make: where, what kind, the text, the values."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from replylint.claims import Claim
from replylint.corpus import Corpus

_SHOWN = 40


def values(claim: Claim) -> str:
    """The claim's own fields (not its kind, spans, text, or a value an earlier field shows), as ``name=value``."""
    data = claim.model_dump(mode="json", exclude={"kind", "span", "raw"}, exclude_none=True)
    shown: list[str] = []
    pairs = []
    for name, value in data.items():
        text = _short(value)
        if not name.endswith("_span") and text not in shown:
            shown.append(text)
            pairs.append(f"{name}={text}")
    return " ".join(pairs)


def _short(value) -> str:
    if isinstance(value, dict):
        value = value.get("text", value)
    text = str(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def render(corpus: Corpus, console: Console, kinds: Sequence[str] = ()) -> None:
    """Print one row per claim of each letter, optionally only of some kinds."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in ("where", "kind", "text", "values"):
        table.add_column(column, overflow="fold")
    for letter in corpus:
        for claim in letter.claims:
            if kinds and claim.kind not in kinds:
                continue
            raw = "".join(claim.raw.split())
            table.add_row(f"{letter.path}:{claim.span.line}:{claim.span.column}", claim.kind, _short(raw), values(claim))
    console.print(table)
