"""COUNT: numbers of counted things, e.g. ``127 đoàn viên``, ``trên 2.500 cuộc giám sát``.

A count is a number in digits followed by a counted noun phrase from
``resources/count_units.yaml`` (the longest entry wins), by a measure word with or
without such a phrase (``300 lượt CNVCLĐ``, ``2.000 lượt``), or by a quoted name (``80
“Mái ấm Công đoàn”``). Conventions (those of ``corpus/README.md``):

* span: from the number through the unit, without a qualifier before it (``trên``) or
  after it (``trở lên``); for a quoted name through the closing quote;
* ``unit``: the noun phrase exactly as written, always a substring of the span: with its
  measure word (``lượt CNVCLĐ``), gender word (``lao động nữ``) and coordinated nouns
  (``85 đơn vị, doanh nghiệp`` -> ``đơn vị, doanh nghiệp``); the longest lexicon entry
  wins (``07 đơn vị trường học``); quotes around the whole unit are left out (``Mái ấm
  Công đoàn``), quotes inside it stay (``căn “Mái ấm Công đoàn”``);
* not counts: worded numbers (``một đoàn viên``: ``một`` is mostly the article "a"),
  durations (``10 năm``, ``6 tháng``: no such unit), ``1 số``
  (some), a number right after an ordinal or identifier word (``lần thứ 10``, ``số 2``,
  ``ngày 15``, ``tháng 7``), a bare 4-digit year 1900-2099, numbers glued to codes and
  dates (``COVID-19``, ``722/QĐ``, ``28/7/2021``, ``17:30``), fractions (``1,5 đoàn viên``).
"""

from __future__ import annotations

import re
from functools import cache

from extractor.data import load_resource
from extractor.found import Found
from extractor.numbers import (
    DIGIT_NUMBER,
    DIGIT_NUMBER_UNGUARDED,
    QUALIFIER,
    RANGE_JOIN,
    SPACE,
    TRAILING_QUALIFIER,
    match_qualifier,
    range_start,
    safe_reading,
    scan,
    whole_number,
    words_pattern,
)
from extractor.spelling import SpellingPattern

LABEL = "COUNT"

# A bare 4-digit number in this range is read as a year (reports cite years constantly
# and write large counts with a thousands dot: "1.840 sáng kiến").
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
# Longest distance looked back for a blocking word before the number.
_LOOKBACK = 40
# Most nouns coordinated under one number ("đơn vị sự nghiệp, doanh nghiệp, Hợp tác xã").
_MAX_CONJUNCTS = 6
_HSPACE = r"[^\S\n]"
# Capital letters of the Latin script, Vietnamese included: a quoted counted name is a
# proper name ("80 “Mái ấm Công đoàn”"), while "5 “nhà tình nghĩa”" is a lowercase quote.
_LATIN_BLOCKS = ((0x41, 0x250), (0x1E00, 0x1F00))
_CAPITAL = "[" + "".join(re.escape(c) for a, b in _LATIN_BLOCKS for c in map(chr, range(a, b)) if c.isupper()) + "]"


@cache
def _data() -> dict:
    return load_resource("count_units.yaml")


def _entries(key: str, *, joining: bool = False) -> list[str]:
    """Surface forms of a list of the data; ``joining``: only units that may follow a comma or "và"."""
    return [entry["word"] for entry in _data()[key] if not joining or entry.get("joins_list", True)]


def _unit_pattern() -> str:
    """Counted nouns, with measure word and gender word, coordinated under one number.

    "cơ quan, đơn vị và doanh nghiệp", "lượt CNVCLĐ", "lao động nữ", "nữ công nhân".
    """
    classifiers = words_pattern(_entries("classifiers"), capitalised=True)
    genders = words_pattern(_entries("genders"))

    def gendered(units: list[str]) -> str:
        # A unit of several words is one even with a mark damaged by OCR ("127 đoan viên");
        # a unit of one word is not ("2 cơn bão" is no count of "con").
        alternation = words_pattern(units, damaged=lambda unit: " " in unit, capitalised=True)
        noun = rf"(?:(?:{classifiers}{SPACE})?{alternation}(?!\w)|{classifiers}(?!\w))"
        return rf"(?:{genders}{SPACE})?{noun}(?:{SPACE}{genders}(?!\w))?"

    joiners = [word for word in _entries("coordinators") if word.isalpha()]
    marks = [word for word in _entries("coordinators") if not word.isalpha()]
    coordinator = rf"(?:{words_pattern(marks)}{_HSPACE}*|{SPACE}{words_pattern(joiners)}{SPACE})"
    units = _entries("units")
    loners = [word for word in units if word not in _entries("units", joining=True)]
    # A later noun may not be the start of one that never joins ("người" of "người lao động").
    later = rf"(?!{words_pattern(loners, capitalised=True)}(?!\w)){gendered(_entries('units', joining=True))}"
    return rf"(?P<unit>{gendered(units)}(?:{coordinator}{later}){{0,{_MAX_CONJUNCTS}}})"


def _quoted_pattern() -> str:
    """A quoted name, optionally after a measure word: "20 căn “Mái ấm Công đoàn”"."""
    classifiers = words_pattern(_entries("classifiers"), capitalised=True)
    alternatives = []
    for index, pair in enumerate(_data()["quoted_names"]):
        opening, closing = re.escape(pair["open"]), re.escape(pair["close"])
        name = rf"(?={_CAPITAL})(?P<name{index}>[^{opening}{closing}\n]{{1,80}})"
        alternatives.append(rf"{opening}{name}{closing}")
    return rf"(?P<measure>{classifiers}{SPACE})?(?P<quoted>{'|'.join(alternatives)})"


def _words_before_pattern(key: str) -> SpellingPattern:
    words = words_pattern(entry["word"] for entry in _data()[key])
    return SpellingPattern(rf"(?<!\w)(?i:{words}){SPACE}\Z")


_COUNT = SpellingPattern(
    QUALIFIER
    + rf"(?:(?P<first>{DIGIT_NUMBER}){RANGE_JOIN}(?P<second>{DIGIT_NUMBER_UNGUARDED})|(?P<number>{DIGIT_NUMBER}))"
    + rf"{SPACE}(?P<counted>{_quoted_pattern()}|{_unit_pattern()})"
    + TRAILING_QUALIFIER
)
_BLOCKING_WORD = _words_before_pattern("not_count_after")
_COUNTING_WORD = _words_before_pattern("count_after")


def _blocked(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows an ordinal or identifier word ("lần thứ 10")."""
    window = max(0, start - _LOOKBACK)
    if _COUNTING_WORD.for_text(text).search(text, window, start):
        return False
    return _BLOCKING_WORD.for_text(text).search(text, window, start) is not None


def _is_year(number: str) -> bool:
    return _YEAR.fullmatch(number.strip()) is not None


def _unit(match: re.Match[str]) -> str:
    """The counted noun as written; quotes around the whole unit are left out of it.

    "80 “Mái ấm Công đoàn”" -> "Mái ấm Công đoàn"; "20 căn “Mái ấm Công đoàn”" ->
    "căn “Mái ấm Công đoàn”" (the quotes are inside the unit there).
    """
    if match.group("unit") is not None:
        return match.group("unit")
    if match.group("measure") is not None:
        return match.string[match.start("measure") : match.end("quoted")]
    return next(value for key, value in match.groupdict().items() if key.startswith("name") and value).strip()


def _count(start: int, end: int, value: int, unit: str, qualifier: str | None) -> Found:
    return Found(LABEL, start, end, {"value": value, "unit": unit, "qualifier": qualifier})


def _read(match: re.Match[str]) -> list[Found] | None:
    qualifier = match_qualifier(match)
    numbers = [group for group in ("first", "second", "number") if match.group(group) is not None]
    start = match.start(numbers[0])
    unit = _unit(match)
    if any(_is_year(match.group(group)) for group in numbers):
        return None
    if match.group("qualifier") is None and _blocked(match.string, start):
        return None
    end = match.end("counted")
    last = numbers[-1]
    value = whole_number(match.group(last))
    if value is None:
        return None
    found = [_count(match.start(last), end, value, unit, qualifier)]
    if last == "second":
        second = safe_reading(match.group("second"))
        first = range_start(match.group("first"), second) if second else None
        if first is None or first != first.to_integral_value():
            return None
        found.insert(0, _count(start, match.end("first"), int(first), unit, qualifier))
    return found


def find_counts(text: str) -> list[Found]:
    """Find counts of people, units, events and objects in a normalised text.

    Each result has ``attrs`` ``{"value": int, "unit": str, "qualifier": ...}``.

    >>> text = "Liên đoàn Lao động tỉnh chủ trì 18 cuộc giám sát; CĐCS tham gia trên 2.500 cuộc giám sát."
    >>> [(text[f.start:f.end], f.attrs["unit"], f.attrs["qualifier"]) for f in find_counts(text)]
    [('18 cuộc giám sát', 'cuộc giám sát', None), ('2.500 cuộc giám sát', 'cuộc giám sát', 'over')]
    >>> find_counts("Hội nghị lần thứ 10, tổng kết 10 năm, luân chuyển 1 số vị trí")
    []
    """
    return scan(_COUNT.for_text(text), text, _read)
