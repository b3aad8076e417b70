"""How messages name the letters and values of a finding: a few by name, the rest counted.

At archive scale one value can be stated by hundreds of letters. A message names the first
few and says how many more there are; the finding's locations still point at every one, and
the JSON and SARIF reports list them all.
"""

from __future__ import annotations

from collections.abc import Sequence

LISTED = 5  # names a message gives before it counts the rest


def listed(names: Sequence[str], separator: str, limit: int = LISTED) -> str:
    """``names`` joined by ``separator``; past ``limit`` names, the first ``limit`` and how many
    more: ``a、b、c、d、e、… (+21)``."""
    if len(names) <= limit:
        return separator.join(names)
    return separator.join(names[:limit]) + f"{separator}… (+{len(names) - limit})"
