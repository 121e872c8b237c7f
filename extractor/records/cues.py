"""Cue words of the record builders, from ``resources/record_cues.yaml``.

Matching is case-insensitive and on whole words: ``chi`` must not match inside ``chiều``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from extractor.data import load_resource

# Letters of words (every Vietnamese letter is one of Unicode's \w): a cue must not continue
# into one of these on either side. A class with the range À-ỹ instead costs the case-insensitive
# compiler a fold of 7,700 code points per cue, most of a cold start's record building.
_WORD_CHAR = r"\w"


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
    return re.compile("|".join(_bounded(e["word"]) for e in entries(group)), re.IGNORECASE)


def _bounded(word: str) -> str:
    """A word matches whole (``chi`` not inside ``chiều``); punctuation (``,``) anywhere.

    The check before the word comes after its first letter (``c(?<![letter]c)hi``): a pattern that
    opens with a literal lets the regex engine skip ahead to candidate letters, three times
    faster over a report than one that opens with a lookbehind tried at every position.
    """
    first = re.escape(word[:1])
    rest = re.escape(word[1:]).replace(r"\ ", r"\s+")
    before = rf"(?<!{_WORD_CHAR}{first})" if word[:1].isalnum() else ""
    after = rf"(?!{_WORD_CHAR})" if word[-1:].isalnum() else ""
    return f"{first}{before}{rest}{after}"


def find_cues(group: str, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """All cues of ``group`` in ``text[start:end]``, in text order, longest match first.

    The builders ask for the same groups over many ranges of one report: the whole text is
    scanned once per group and the ranges are cut from that (a cue is a whole word of the
    text, so a range never sees half of one).

    >>> [c.entry["kind"] for c in find_cues("meeting_kinds", "Tổ chức Hội nghị Ban Chấp hành LĐLĐ tỉnh")]
    ['hội nghị Ban Chấp hành']
    """
    end = len(text) if end is None else end
    starts, cues = _all_cues(group, text)
    first = bisect_left(starts, start)
    found = []
    for cue in cues[first:]:
        if cue.start >= end:
            break
        if cue.end <= end:
            found.append(cue)
    return found


@lru_cache(maxsize=512)
def _all_cues(group: str, text: str) -> tuple[list[int], list[Cue]]:
    lookup = _lookup(group)
    cues = []
    for match in _pattern(group).finditer(text):
        entry = lookup.get(re.sub(r"\s+", " ", match.group().lower()))
        if entry is not None:
            cues.append(Cue(match.start(), match.end(), entry))
    return [cue.start for cue in cues], cues


@cache
def _lookup(group: str) -> dict[str, dict[str, Any]]:
    return {e["word"].lower(): e for e in entries(group)}


def first_cue(group: str, text: str, start: int = 0, end: int | None = None) -> Cue | None:
    """The first cue of ``group`` in the range, or None."""
    cues = find_cues(group, text, start, end)
    return cues[0] if cues else None


@cache
def alternation(group: str) -> str:
    """A regex alternation of the words of a cue group, longest first, spaces as ``\\s+``.

    The builders assemble their patterns from these, so the vocabulary lives in the data file.

    >>> alternation("time_points")
    '(?:đến|tới|từ)'
    """
    words = [re.escape(e["word"]).replace(r"\ ", r"\s+") for e in entries(group)]
    return "(?:" + "|".join(words) + ")"


def ends_with(group: str, text: str) -> bool:
    """Whether ``text`` ends (before trailing spaces) with a whole word of ``group``.

    >>> ends_with("not_actor_before", "Phối hợp với "), ends_with("not_actor_before", "Phối hợp vớix")
    (True, False)
    """
    return _ending(group).search(text) is not None


@cache
def _ending(group: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(_bounded(e['word']) for e in entries(group))})\s*$", re.IGNORECASE)

