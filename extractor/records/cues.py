"""Cue words of the record builders, from ``resources/record_cues.yaml``.

Matching is case-insensitive and on whole words: ``chi`` must not match inside ``chiều``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.data import load_resource

# Letters of Vietnamese words: a cue must not continue into one of these on either side.
_WORD_CHAR = r"[\wÀ-ỹ]"


@dataclass(frozen=True)
class Cue:
    """One cue found in the text: its span and its data-file entry."""

    start: int
    end: int
    entry: dict[str, Any]

    @property
    def word(self) -> str:
        return self.entry["word"]


@cache
def entries(group: str) -> tuple[dict[str, Any], ...]:
    """The entries of one cue group, longest word first."""
    items = load_resource("record_cues.yaml")[group]
    return tuple(sorted(items, key=lambda e: -len(e["word"])))


@cache
def _pattern(group: str) -> re.Pattern[str]:
    words = [re.escape(e["word"]).replace(r"\ ", r"\s+") for e in entries(group)]
    return re.compile(rf"(?<!{_WORD_CHAR})(?:{'|'.join(words)})(?!{_WORD_CHAR})", re.IGNORECASE)


def find_cues(group: str, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """All cues of ``group`` in ``text[start:end]``, in text order, longest match first.

    >>> [c.entry["kind"] for c in find_cues("meeting_kinds", "Tổ chức Hội nghị Ban Chấp hành LĐLĐ tỉnh")]
    ['hội nghị Ban Chấp hành']
    """
    end = len(text) if end is None else end
    lookup = {e["word"].lower(): e for e in entries(group)}
    found = []
    for match in _pattern(group).finditer(text, start, end):
        key = re.sub(r"\s+", " ", match.group().lower())
        entry = lookup.get(key)
        if entry is not None:
            found.append(Cue(match.start(), match.end(), entry))
    return found


def first_cue(group: str, text: str, start: int = 0, end: int | None = None) -> Cue | None:
    """The first cue of ``group`` in the range, or None."""
    cues = find_cues(group, text, start, end)
    return cues[0] if cues else None
