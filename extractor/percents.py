"""PERCENT: percentages, e.g. ``72,2%`` -> 72.2, ``trên 90%`` -> 90.0 (over).

A percentage is a number (digits without scale words, or number words) followed by a
marker from ``resources/percents.yaml``: ``%`` glued or after a space (``61 %``), or
the words ``phần trăm``. The span runs from the number through the marker, without a
qualifier word before it. A range gives two values (``70-80%``, ``từ 70 đến 80%``), the
first spanning its own number only.
"""

from __future__ import annotations

import re

from extractor.data import load_resource
from extractor.found import Found
from extractor.numbers import (
    OPTIONAL_SPACE,
    PLAIN_NUMBER,
    PLAIN_NUMBER_UNGUARDED,
    QUALIFIER,
    RANGE_JOIN,
    SPACE,
    TRAILING_QUALIFIER,
    match_qualifier,
    range_start,
    safe_reading,
    scan,
    words_pattern,
)
from extractor.spelling import SpellingPattern

LABEL = "PERCENT"


def _marker_pattern() -> str:
    markers = [entry["word"] for entry in load_resource("percents.yaml")["markers"]]
    symbols = [marker for marker in markers if not marker[0].isalpha()]
    words = [marker for marker in markers if marker[0].isalpha()]
    # A sign may touch the number ("72,2%"); a word needs a space before it.
    return rf"(?P<marker>{OPTIONAL_SPACE}{words_pattern(symbols)}|{SPACE}(?i:{words_pattern(words)})(?!\w))"


_PERCENT = SpellingPattern(
    QUALIFIER
    + rf"(?:(?P<first>{PLAIN_NUMBER}){RANGE_JOIN}(?P<second>{PLAIN_NUMBER_UNGUARDED})|(?P<number>{PLAIN_NUMBER}))"
    + _marker_pattern()
    + TRAILING_QUALIFIER
)


def _percent(start: int, end: int, value: float, qualifier: str | None) -> Found:
    return Found(LABEL, start, end, {"value": value, "qualifier": qualifier})


def _read(match: re.Match[str]) -> list[Found] | None:
    qualifier = match_qualifier(match)
    last = "number" if match.group("number") is not None else "second"
    reading = safe_reading(match.group(last))
    if reading is None:
        return None
    end = match.end("marker")
    found = [_percent(match.start(last), end, float(reading.value), qualifier)]
    if last == "second":
        first = range_start(match.group("first"), reading)
        if first is None:
            return [_percent(match.start(last), end, float(reading.value), None)]
        found.insert(0, _percent(match.start("first"), match.end("first"), float(first), qualifier))
    return found


def find_percents(text: str) -> list[Found]:
    """Find percentages in a normalised text.

    Each result has ``attrs`` ``{"value": float, "qualifier": None|"approx"|"over"|"under"}``.

    >>> text = "72,2% doanh nghiệp ký thỏa ước; trên 90% CĐCS tổ chức hội nghị người lao động."
    >>> [(text[f.start:f.end], f.attrs["value"], f.attrs["qualifier"]) for f in find_percents(text)]
    [('72,2%', 72.2, None), ('90%', 90.0, 'over')]
    """
    return scan(_PERCENT.for_text(text), text, _read)
