"""The one result type every character-level recogniser returns.

Recognisers (``money.find_money``, ``dates.find_dates`` ...) are pure functions over a
*normalised* string (NFC, unusual spaces folded to U+0020, dash variants folded to '-',
see ``extractor.normalize``). They return ``Found`` items whose ``start``/``end`` index
that string; the pipeline maps them back to the user's original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Found:
    """One recognised value: ``text[start:end]`` is its evidence.

    ``attrs`` holds the normalised fields of the label, exactly as named in the
    JSON contract (``value``, ``qualifier``, ``unit``, ``precision``, ``kind`` ...).

    >>> Found("MONEY", 10, 29, {"value": 119_500_000, "qualifier": None}).label
    'MONEY'
    """

    label: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)
