"""MONEY: amounts of Vietnamese đồng, e.g. ``3 tỷ 640 triệu đồng`` -> 3_640_000_000.

An amount is money only with a currency marker after it (``đồng``, ``đ``, ``VNĐ`` ...,
listed in ``resources/money.yaml``), directly or after scale words: ``126.100.000đ``,
``119,5 triệu đồng``, ``hai tỷ đồng``. ``5 đồng chí`` (five comrades) is not money: the
compounds of ``đồng`` that block the currency reading are listed in the same file.

Span convention: ``text[start:end]`` runs from the first digit (or number word) through
the currency marker and leaves out a qualifier word before it (``gần 3 tỷ đồng`` -> span
``3 tỷ đồng``, qualifier ``under``). A range gives two values, each span its own number:
``từ 2 đến 5 triệu đồng`` -> ``2`` (2_000_000) and ``5 triệu đồng`` (5_000_000).
"""

from __future__ import annotations

import re
from functools import cache

from extractor.data import load_resource
from extractor.found import Found
from extractor.numbers import (
    NUMBER,
    NUMBER_UNGUARDED,
    OPTIONAL_SPACE,
    QUALIFIER,
    RANGE_JOIN,
    SCALES,
    SPACE,
    SPACED_DIGITS,
    TRAILING_QUALIFIER,
    match_qualifier,
    range_start,
    safe_reading,
    scan,
    whole_number,
)
from extractor.spelling import SpellingPattern, alternatives

LABEL = "MONEY"


def _blocked_rest(word: str, compound: str) -> str | None:
    """The regex for what follows ``word`` in ``compound`` ("đồng chí" -> " chí"), if it does."""
    rest = compound[len(word) :]
    if not compound.startswith(word) or not rest or rest[0].isalpha():
        return None
    return f"(?:{alternatives(rest, SPACE)})" + r"(?!\w)"


@cache
def currency_pattern() -> str:
    """Alternation of the currency markers, each refusing the compounds it begins."""
    data = load_resource("money.yaml")
    compounds = [entry["compound"] for entry in data["not_currency"]]
    markers = []
    for word in sorted({entry["word"] for entry in data["currencies"]}, key=len, reverse=True):
        rests = [rest for compound in compounds if (rest := _blocked_rest(word, compound))]
        blocked = f"(?!{'|'.join(rests)})" if rests else ""
        # After digits a currency word is one even with its marks damaged ("126.100.000 đông").
        markers.append(rf"(?:{alternatives(word, damaged=True)})(?!\w){blocked}")
    return "(?:" + "|".join(markers) + ")"


_CURRENCY = rf"(?P<currency>{OPTIONAL_SPACE}{currency_pattern()})"
_SINGLE = rf"(?P<amount>{SPACED_DIGITS}(?={OPTIONAL_SPACE}{currency_pattern()})|{NUMBER})"
_MONEY = SpellingPattern(
    QUALIFIER
    + rf"(?:(?P<first>{NUMBER}){RANGE_JOIN}(?P<second>{NUMBER_UNGUARDED})|{_SINGLE})"
    + _CURRENCY
    + TRAILING_QUALIFIER
)
_AMOUNT = SpellingPattern(_SINGLE + _CURRENCY)
# An amount right after a scale word ("2 tỷ 500 đồng": 2 000 000 500 or 2,5 tỷ?) or a
# 3-digit group right after digits ("1500 000 đồng") is the detached tail of a larger,
# ambiguous amount: no value is better than a wrong one.
# The scale word must follow digits: "Công ty 50 triệu đồng" ("ty" may be a damaged "tỷ")
# is a whole amount.
_DETACHED_AFTER_SCALE = SpellingPattern(rf"[0-9]{OPTIONAL_SPACE}{SCALES}{SPACE}\Z")
_DETACHED_GROUP = re.compile(r"[0-9]{3}")
_DETACHED_AFTER_DIGITS = re.compile(r"[0-9] \Z")
_LOOKBACK = 20
# Nobody is given eight đồng: an amount in words below this is a word that looks like a
# number ("nhà hảo tâm đóng góp" typed without diacritics reads "tam dong", 8 đồng).
_MIN_WORDED_AMOUNT = 1000


def _detached(text: str, start: int, amount: str) -> bool:
    """Whether the amount at ``start`` is the tail of a longer, unreadable one."""
    window = max(0, start - _LOOKBACK)
    if _DETACHED_AFTER_SCALE.for_text(text).search(text, window, start):
        return True
    return bool(_DETACHED_GROUP.fullmatch(amount) and _DETACHED_AFTER_DIGITS.search(text, window, start))


def _money(start: int, end: int, value: int, qualifier: str | None) -> Found:
    return Found(LABEL, start, end, {"value": value, "qualifier": qualifier})


def _read(match: re.Match[str]) -> list[Found] | None:
    qualifier = match_qualifier(match)
    end = match.end("currency")
    if match.group("amount") is not None:
        value = whole_number(match.group("amount"))
        if value is None or _detached(match.string, match.start("amount"), match.group("amount")):
            return None
        if value < _MIN_WORDED_AMOUNT and not any(char.isdigit() for char in match.group("amount")):
            return None
        return [_money(match.start("amount"), end, value, qualifier)]
    second = safe_reading(match.group("second"))
    second_value = whole_number(match.group("second"))
    if second is None or second_value is None:
        return None
    last = _money(match.start("second"), end, second_value, qualifier)
    first = range_start(match.group("first"), second)
    if first is None or first != first.to_integral_value():
        # Not a range after all (the first number is not smaller, "7-5 triệu đồng"):
        # keep only the amount that has the currency, without the first one's qualifier.
        return [_money(match.start("second"), end, second_value, None)]
    return [_money(match.start("first"), match.end("first"), int(first), qualifier), last]


def find_money(text: str) -> list[Found]:
    """Find amounts of money in a normalised text.

    Each result has ``attrs`` ``{"value": int (VND), "qualifier": None|"approx"|"over"|"under"}``.

    >>> text = "Hỗ trợ số tiền 119,5 triệu đồng, tổng kinh phí gần 3 tỷ đồng."
    >>> [(text[f.start:f.end], f.attrs["value"], f.attrs["qualifier"]) for f in find_money(text)]
    [('119,5 triệu đồng', 119500000, None), ('3 tỷ đồng', 3000000000, 'under')]
    >>> find_money("bầu bổ sung 5 đồng chí")
    []
    """
    return scan(_MONEY.for_text(text), text, _read)


def parse_money(s: str) -> int:
    """Read one amount of money, with its currency marker, as whole VND.

    Raises ``ValueError`` for anything else: a bare number, a qualifier, a range,
    ``5 đồng chí``, or a fraction of a đồng.

    >>> parse_money("3 tỷ 640 triệu đồng"), parse_money("126.100.000đ"), parse_money("hai tỷ đồng")
    (3640000000, 126100000, 2000000000)
    """
    match = _AMOUNT.for_text(s).fullmatch(s.strip())
    value = whole_number(match.group("amount")) if match else None
    if value is None:
        raise ValueError(f"not an amount of money: {s!r}")
    return value
