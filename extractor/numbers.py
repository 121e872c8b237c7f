"""Vietnamese numbers in running text: reading them and finding their pieces.

Shared by :mod:`extractor.money`, :mod:`extractor.counts` and :mod:`extractor.percents`.
Reports write numbers the Vietnamese way: ``.`` groups thousands and ``,`` is the
decimal mark (``10.283`` is ten thousand two hundred eighty-three, ``119,5`` is 119.5),
often followed by scale words (``3 tỷ 640 triệu``); some spell them out (``một trăm
triệu``, ``hai phẩy năm tỷ``). The words and their roles are data
(``resources/numbers.yaml``); this module holds the grammar and the regex *shapes*, and
builds every alternation of words from the data at import time.

Public pieces:

* :func:`parse_number` and :func:`read_number` read one number phrase;
* :func:`qualifier_of` maps a hedge word (``gần``, ``trên``, ``trở lên`` ...) to its
  qualifier, :func:`match_qualifier` reads it from a recogniser match;
* regex fragments (``NUMBER``, ``DIGIT_NUMBER``, ``PLAIN_NUMBER`` ...,
  ``QUALIFIER``, ``TRAILING_QUALIFIER``, ``RANGE_JOIN``, ``SPACE``) that the recognisers
  assemble;
* :func:`scan`, :func:`whole_number`, :func:`range_start`: the reading loop they share;
* :func:`words_pattern` to turn a word list from the data into an alternation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from extractor.data import load_resource
from extractor.found import Found
from extractor.spelling import WrittenIndex, alternatives

# --------------------------------------------------------------------------- spacing

_HSPACE = r"[^\S\n]"
#: Spaces on one line: between a hedge word and its number ("gần 3 tỷ").
GAP = rf"{_HSPACE}+"
#: Spaces with at most one line break: inside a phrase, and between a number and its unit
#: (reports are wrapped mid-phrase, but a blank line ends a paragraph).
SPACE = rf"(?:{_HSPACE}+(?:\n{_HSPACE}*)?|\n{_HSPACE}*)"
OPTIONAL_SPACE = rf"(?:{SPACE})?"

# ---------------------------------------------------------------------------- digits

# A number in digits may not continue a word, a code or a date: not "19" in "COVID-19",
# "2020" in "145/2020", "30" in "17:30", "11" in "15.11.2020".
_LEFT_GUARD = r"(?<![\w/:])(?<!\w[.,\-])"
# Nor may it stop in the middle of one ("722/QĐ" may, "28/7" may not).
_RIGHT_GUARD = r"(?![0-9])(?![.,:/][0-9])"
# "." groups thousands in threes, "," starts decimals; a lone "." followed by one or two
# digits is an English-style decimal point ("1.5 triệu"), tolerated because the grouped
# reading is impossible there.
_DIGITS_CORE = r"(?:[0-9]{1,3}(?:\.[0-9]{3}){1,8}(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?|[0-9]+\.[0-9]{1,2})"
#: One number in digits, with the guards against codes and dates.
DIGITS = rf"{_LEFT_GUARD}{_DIGITS_CORE}{_RIGHT_GUARD}"
#: The same, without the left guard: the second end of "2-5 triệu".
DIGITS_UNGUARDED = rf"{_DIGITS_CORE}{_RIGHT_GUARD}"
#: Thousands grouped by spaces, as Word writes them with a no-break space ("1 500 000
#: đồng" after normalisation). Only money uses it: before a currency marker the grouping
#: is certain, before a noun "1 200 đoàn viên" may be a row number and a count.
SPACED_DIGITS = rf"{_LEFT_GUARD}[0-9]{{1,3}}(?: [0-9]{{3}}){{1,6}}(?:,[0-9]+)?{_RIGHT_GUARD}"

_GROUPED = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+)(?:,([0-9]+))?")
_PLAIN = re.compile(r"([0-9]+)(?:,([0-9]+))?")
_POINT_DECIMAL = re.compile(r"([0-9]+)\.([0-9]{1,2})")
# Longer digit runs are codes (account numbers, IDs), not amounts; refusing them also
# keeps Decimal arithmetic exact.
_MAX_DIGIT_CHARS = 24
_GROUP_HEAD = re.compile(r"[0-9]{1,3}")
_SPACE_GROUP = re.compile(r"[0-9]{3}(?:,[0-9]+)?")
_TOKEN = re.compile(r"[0-9][0-9.,]*[0-9]|[0-9]|[^\W\d_]+|\S")


def _digits_value(token: str) -> tuple[Decimal, bool]:
    """Value of a digit token and whether it has a decimal part.

    >>> _digits_value("10.283")
    (Decimal('10283'), False)
    >>> _digits_value("119,5")
    (Decimal('119.5'), True)
    """
    if len(token) > _MAX_DIGIT_CHARS:
        raise ValueError(f"implausibly long number: {token[:20]!r}...")
    for shape in (_GROUPED, _PLAIN, _POINT_DECIMAL):
        match = shape.fullmatch(token)
        if match:
            whole = match.group(1).replace(".", "")
            fraction = match.group(2)
            if fraction:
                return Decimal(f"{whole}.{fraction}"), True
            return Decimal(whole), False
    raise ValueError(f"not a Vietnamese number: {token!r}")


# ---------------------------------------------------------------------- number words


@dataclass(frozen=True, slots=True)
class NumberWord:
    """One entry of ``numbers.yaml``: a number word and its role in the grammar."""

    word: str
    role: str
    value: int | None = None
    factor: int | None = None
    after: tuple[str, ...] = ()
    starts_phrase: bool = True
    ends_phrase: bool = True


ROLES = frozenset({"digit", "ten", "tens", "hundred", "scale", "zero_tens", "point"})


@cache
def number_words() -> dict[str, NumberWord]:
    """The number words of ``numbers.yaml`` by lower-case surface form.

    >>> number_words()["triệu"].factor
    1000000
    """
    words: dict[str, NumberWord] = {}
    for entry in load_resource("numbers.yaml")["words"]:
        item = NumberWord(
            word=entry["word"],
            role=entry["role"],
            value=entry.get("value"),
            factor=entry.get("factor"),
            after=tuple(entry.get("after", ())),
            starts_phrase=entry.get("starts_phrase", True),
            ends_phrase=entry.get("ends_phrase", True),
        )
        words[item.word.lower()] = item
    return words


@cache
def _number_word_index() -> WrittenIndex[NumberWord]:
    return WrittenIndex((word.word, word) for word in number_words().values())


def number_word(token: str, previous: NumberWord | None = None) -> NumberWord | None:
    """The number word ``token`` is, as written (``triệu``, ``Triệu``, or ``trieu`` in
    unaccented text), or None.

    Without diacritics two words may look alike: ``muoi`` is ``mười`` (ten) first and
    ``mươi`` (tens) after a digit; ``mot`` is ``một`` or ``mốt``, both one.

    >>> number_word("Trieu").word, number_word("muoi").word, number_word("muoi", number_word("hai")).word
    ('triệu', 'mười', 'mươi')
    """
    candidates = _number_word_index().candidates(token)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    after_digit = previous is not None and previous.role == "digit"
    for word in candidates:
        if word.role == "tens" and after_digit:
            return word
        if word.after and previous is not None and previous.word in word.after:
            return word
    plain = [word for word in candidates if not word.after and word.role != "tens"]
    return (plain or candidates)[0]


def words_pattern(
    words: Iterable[str], *, space: str = SPACE, damaged: bool | Callable[[str], bool] = False,
    capitalised: bool = False,
) -> str:
    """A regex alternation of ``words``, longest first, spaces inside words made flexible.

    Python tries alternatives in order, so longest-first makes the longest entry win
    ("đơn vị trường học" before "đơn vị").

    >>> from extractor.spelling import accented_only
    >>> accented_only(words_pattern(["đơn vị", "đơn vị trường học"], space=" "))
    '(?:đơn vị trường học|dơn vị trường học|đơn vị|dơn vị)'

    ``damaged`` (for all words, or those it returns True for) also accepts each word with
    its diacritics damaged (:func:`extractor.spelling.alternatives`). ``capitalised``: a
    word listed in lower case also matches with a capital first letter (``Đoàn viên``);
    abbreviations (``CNVCLĐ``) stay exact.

    >>> accented_only(words_pattern(["đoàn viên", "CĐCS"], space=" ", capitalised=True))
    '(?:[đĐ]oàn viên|[dD]oàn viên|CĐCS|CDCS)'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    # Every spelling of a word stays next to it, so the longest word still wins.
    parts = [alternatives(word, space, damaged=damaged(word) if callable(damaged) else damaged,
                          capitalised=capitalised and word == word.lower())
             for word in unique]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _ci(pattern: str) -> str:
    """Make ``pattern`` case-insensitive ("Một", "TRIỆU") without flagging the whole regex."""
    return f"(?i:{pattern})"


# Bounds on repetition: the longest real phrases ("chín trăm chín mươi chín tỷ chín
# trăm ... chín", "1 tỷ 200 triệu 500 nghìn", "nghìn tỷ") stay well inside them, and
# bounded repetition keeps every search linear on pathological input ("hai hai hai ...").
_MAX_WORDS = 29
_MAX_SCALE_GROUPS = 3
_MAX_STACKED_SCALES = 2


def _build_number_fragments() -> tuple[str, str, str, str]:
    words = number_words().values()
    multipliers = [w.word for w in words if w.role in ("hundred", "scale")]
    starters = [w.word for w in words if w.role in ("digit", "ten") and w.starts_phrase and not w.after]
    every = [w.word for w in words]
    # After digits a scale word is one even with its marks damaged by OCR ("119,5 triêu");
    # not "trăm": "5 trạm y tế" is five health stations, not five hundred.
    scale_word = {w.word for w in words if w.role == "scale"}.__contains__
    scale = rf"{_ci(words_pattern(multipliers, damaged=scale_word))}(?!\w)"
    scales = rf"{scale}(?:{SPACE}{scale}){{0,{_MAX_STACKED_SCALES}}}"
    any_word = rf"{_ci(words_pattern(every))}(?!\w)"
    word_phrase = rf"(?<!\w){_ci(words_pattern(starters))}(?!\w)(?:{SPACE}{any_word}){{0,{_MAX_WORDS}}}"

    def digit_phrase(first: str) -> str:
        group = rf"{SPACE}{DIGITS_UNGUARDED}{OPTIONAL_SPACE}{scales}"
        return rf"{first}(?:{OPTIONAL_SPACE}{scales}(?:{group}){{0,{_MAX_SCALE_GROUPS}}})?"

    return digit_phrase(DIGITS), digit_phrase(DIGITS_UNGUARDED), word_phrase, scales


_DIGIT_PHRASE, _DIGIT_PHRASE_UNGUARDED, WORD_PHRASE, SCALES = _build_number_fragments()
#: A number in digits with optional scale words ("3 tỷ 640 triệu", "10.283"), no words.
DIGIT_NUMBER = _DIGIT_PHRASE
DIGIT_NUMBER_UNGUARDED = _DIGIT_PHRASE_UNGUARDED
#: A number phrase: digits with optional scale words ("3 tỷ 640 triệu", "119,5 triệu",
#: "10.283") or number words ("một trăm triệu", "hai phẩy năm tỷ").
NUMBER = rf"(?:{_DIGIT_PHRASE}|{WORD_PHRASE})"
#: The same, for the second end of a range, which may follow "-" directly ("2-5 triệu").
NUMBER_UNGUARDED = rf"(?:{_DIGIT_PHRASE_UNGUARDED}|{WORD_PHRASE})"
#: A number phrase without scale words in digits ("72,2", "một trăm"): percentages.
PLAIN_NUMBER = rf"(?:{DIGITS}|{WORD_PHRASE})"
PLAIN_NUMBER_UNGUARDED = rf"(?:{DIGITS_UNGUARDED}|{WORD_PHRASE})"


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class NumberReading:
    """The exact value of a number phrase and how it was written.

    ``largest_scale`` is the largest scale word's factor (``triệu`` -> 10**6), or None:
    the first end of ``từ 2 đến 5 triệu`` borrows it from the second.
    """

    value: Decimal
    has_decimals: bool
    multiplied: bool
    largest_scale: int | None

    def as_python(self) -> int | float:
        """``int`` when whole (``119,5 triệu``), ``float`` for a decimal as written (``72,2``)."""
        if self.has_decimals and not self.multiplied:
            return float(self.value)
        if self.value == self.value.to_integral_value():
            return int(self.value)
        return float(self.value)


class _Reader:
    """The number grammar: a left-to-right pass with a section below one thousand.

    ``total`` holds what the scale words already multiplied, ``section`` the hundreds and
    tens of the current group, ``pending`` the last digit or digit token not yet placed.
    """

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.total = Decimal(0)
        self.section = Decimal(0)
        self.pending: Decimal | None = None
        self.pending_kind = ""  # "word", "digits", "decimal"
        self.pending_after: int | None = None  # multiplier right before a digit word
        self.last_scale: int | None = None
        self.largest_scale: int | None = None
        self.has_decimals = False
        self.multiplied = False
        self.previous: NumberWord | None = None

    def read(self) -> NumberReading:
        index = 0
        while index < len(self.tokens):
            index = self._step(index)
        return NumberReading(self._finish(), self.has_decimals, self.multiplied, self.largest_scale)

    def _step(self, index: int) -> int:
        token = self.tokens[index]
        if token[0].isdigit():
            self._digits(token)
            return index + 1
        word = number_word(token, self.previous)
        if word is None:
            raise ValueError(f"not a number word: {token!r}")
        if word.role == "point":
            return self._point(index)
        getattr(self, f"_{word.role}")(word)
        self.previous = word
        return index + 1

    def _digits(self, token: str) -> None:
        if self.pending is not None or self.section:
            raise ValueError("two numbers in a row")
        self.pending, decimals = _digits_value(token)
        self.has_decimals |= decimals
        self.pending_kind = "decimal" if decimals else "digits"
        self.pending_after = None
        self.previous = None

    def _digit(self, word: NumberWord) -> None:
        previous = self.previous.word if self.previous else None
        if word.after and previous not in word.after:
            raise ValueError(f"{word.word!r} is a number only after {word.after}")
        if self.pending is not None:
            raise ValueError("two digits in a row")
        self.pending = Decimal(word.value)
        self.pending_kind = "word"
        # Right after "trăm" or a scale word (not after "linh"): see _finish.
        multiplier_before = self.previous is not None and self.previous.role in ("hundred", "scale")
        self.pending_after = self.previous.factor if multiplier_before else None

    def _ten(self, word: NumberWord) -> None:
        if self.pending is not None or self.section % 100:
            raise ValueError("misplaced 'mười'")
        self.section += word.value

    def _tens(self, word: NumberWord) -> None:
        if self.pending_kind != "word" or self.pending is None or not 1 <= self.pending <= 9:
            raise ValueError(f"{word.word!r} needs a digit word before it")
        if self.section % 100:
            raise ValueError("tens written twice")
        self.section += self.pending * word.factor
        self._placed()

    def _hundred(self, word: NumberWord) -> None:
        pending = self.pending
        if pending is None or self.section or pending != pending.to_integral_value() or not 0 <= pending <= 9:
            raise ValueError(f"{word.word!r} needs one digit before it")
        self.section = pending * word.factor
        self._placed()

    def _scale(self, word: NumberWord) -> None:
        value = self.section + (self.pending if self.pending is not None else 0)
        if self.pending is None and not self.section:
            # Stacked scales multiply what came before: "nghìn tỷ" is 10**12.
            if not self.total or self.last_scale is None or word.factor <= self.last_scale:
                raise ValueError(f"{word.word!r} has no number to multiply")
            self.total *= word.factor
        else:
            # Groups go from the largest scale down: "3 tỷ 640 triệu".
            if self.last_scale is not None and word.factor >= self.last_scale:
                raise ValueError("scales must decrease")
            self.total += value * word.factor
        self.last_scale = word.factor
        self.largest_scale = max(self.largest_scale or 0, word.factor)
        self.section = Decimal(0)
        self._placed()

    def _zero_tens(self, word: NumberWord) -> None:
        if not self.previous or self.previous.role not in ("hundred", "scale") or self.pending is not None:
            raise ValueError(f"{word.word!r} must follow 'trăm' or a scale word")

    def _point(self, index: int) -> int:
        """Read "hai phẩy năm" as 2,5: the digits after the point are read one by one."""
        if self.pending is None and not self.section:
            raise ValueError("decimal point without a whole part")
        if self.pending_kind in ("digits", "decimal"):
            raise ValueError("decimal point after digits")
        digits = []
        cursor = index + 1
        while cursor < len(self.tokens):
            word = number_word(self.tokens[cursor])
            if word is None or word.role != "digit":
                break
            digits.append(str(word.value))
            cursor += 1
        if not digits:
            raise ValueError("decimal point without decimals")
        whole = self.section + (self.pending or 0)
        self.pending = whole + Decimal("0." + "".join(digits))
        self.pending_kind = "decimal"
        self.pending_after = None
        self.section = Decimal(0)
        self.has_decimals = True
        self.previous = None
        return cursor

    def _placed(self) -> None:
        self.pending = None
        self.pending_kind = ""
        self.pending_after = None
        self.multiplied = True

    def _finish(self) -> Decimal:
        if self.previous and self.previous.role == "zero_tens":
            raise ValueError("number ends on 'linh'")
        pending = self.pending or Decimal(0)
        if self.pending_after and self.pending_kind == "word":
            # A lone digit after a multiplier is its next place down: "hai trăm hai" is
            # 220, "một nghìn hai" 1200, "hai triệu hai" 2,2 million.
            pending *= Decimal(self.pending_after) / 10
            self.multiplied = True
        return self.total + self.section + pending


def _merge_spaced_groups(tokens: list[str]) -> list[str]:
    """Join thousands groups written with spaces: ["1", "500", "000"] -> ["1500000"].

    Two digit tokens in a row mean nothing else in Vietnamese, so they are merged when
    the first has at most three digits and every following one exactly three (the last
    may carry decimals); otherwise they are left for the grammar to refuse.
    """
    merged: list[str] = []
    group_open = False
    for token in tokens:
        if group_open and _SPACE_GROUP.fullmatch(token):
            merged[-1] += token
            group_open = "," not in token
        else:
            merged.append(token)
            group_open = _GROUP_HEAD.fullmatch(token) is not None
    return merged


def _after_point(tokens: list[str]) -> bool:
    """Whether the trailing digit words follow "phẩy" or "linh" ("hai phẩy năm", "một trăm linh năm")."""
    for token in reversed(tokens[:-1]):
        word = number_word(token)
        if word is None or word.role != "digit":
            return word is not None and word.role in ("point", "zero_tens")
    return False


def read_number(text: str, *, running_text: bool = False) -> NumberReading:
    """Read one number phrase exactly (as a :class:`~decimal.Decimal`).

    With ``running_text=True`` the phrase was cut out of a sentence by a regex, so words
    that are numbers only with a neighbour are refused at its edges ("năm" alone is the
    noun "year", "không" first is "not").

    >>> read_number("3 tỷ 640 triệu").value
    Decimal('3640000000')
    >>> read_number("hai phẩy năm tỷ").largest_scale
    1000000000
    """
    tokens = _merge_spaced_groups(_TOKEN.findall(text))
    if not tokens:
        raise ValueError("empty number")
    if running_text:
        first = number_word(tokens[0])
        last = number_word(tokens[-1], number_word(tokens[-2]) if len(tokens) > 1 else None)
        if first is not None and not first.starts_phrase:
            raise ValueError(f"{first.word!r} does not start a number in running text")
        if last is not None and not last.ends_phrase and not _after_point(tokens):
            raise ValueError(f"{last.word!r} does not end a number in running text")
    return _Reader(tokens).read()


def parse_number(s: str) -> int | float:
    """Read a Vietnamese number written in digits, words or both.

    ``.`` groups thousands and ``,`` is the decimal mark; scale words multiply.
    Returns an ``int`` when the value is whole (``119,5 triệu`` -> 119500000) and a
    ``float`` for a decimal written as such (``72,2``). Raises ``ValueError`` otherwise.

    >>> parse_number("10.283"), parse_number("119,5"), parse_number("02")
    (10283, 119.5, 2)
    >>> parse_number("một trăm triệu"), parse_number("hai phẩy năm tỷ")
    (100000000, 2500000000)
    >>> parse_number("hai mươi lăm")
    25
    """
    return read_number(s).as_python()


# ------------------------------------------------------------------------ qualifiers


@cache
def _qualifiers(position: str) -> dict[str, str]:
    entries = load_resource("qualifiers.yaml")[position]
    return {entry["word"].lower(): entry["qualifier"] for entry in entries}


@cache
def _qualifier_index() -> WrittenIndex[str]:
    return WrittenIndex(
        (word, qualifier) for position in ("before", "after") for word, qualifier in _qualifiers(position).items()
    )


def qualifier_of(word: str) -> str:
    """The qualifier ("approx", "over", "under") of a hedge word as matched in the text.

    >>> qualifier_of("Trên"), qualifier_of("gần"), qualifier_of("ước  đạt"), qualifier_of("tro len")
    ('over', 'under', 'approx', 'over')
    """
    qualifier = _qualifier_index().get(word)
    if qualifier is None:
        raise KeyError(word)
    return qualifier


def match_qualifier(match: re.Match[str]) -> str | None:
    """The qualifier of a recogniser match: the hedge before the number, else the one after."""
    word = match.group("qualifier") or match.group("trailing")
    return qualifier_of(word) if word else None


#: An optional hedge word right before a number, only spaces between: named group
#: ``qualifier``. Case-insensitive ("Trên 90%"); the longest phrase wins ("trên dưới"); a
#: hedge right before a number is one even with its marks damaged by OCR ("gân 98%").
QUALIFIER = rf"(?:(?<!\w)(?P<qualifier>{_ci(words_pattern(_qualifiers('before'), space=GAP, damaged=True))}){GAP})?"
#: An optional hedge phrase after the unit ("8.000 công nhân trở lên"): group ``trailing``.
TRAILING_QUALIFIER = (
    rf"(?:{GAP}(?P<trailing>{_ci(words_pattern(_qualifiers('after'), space=GAP, damaged=True))})(?!\w))?"
)


def _range_join() -> str:
    symbols, words = [], []
    for entry in load_resource("numbers.yaml")["range_joiners"]:
        (words if entry["word"].isalpha() else symbols).append(entry["word"])
    # A symbol may touch the numbers ("2-5"); a word needs spaces around it.
    return rf"(?:(?:{GAP})?{words_pattern(symbols)}(?:{GAP})?|{GAP}{_ci(words_pattern(words))}{GAP})"


#: What joins the two ends of a range: "-", "đến", "tới" ("từ 2 đến 5 triệu đồng").
RANGE_JOIN = _range_join()


# ------------------------------------------------------------------------- scanning


def scan(pattern: re.Pattern[str], text: str, read: Callable[[re.Match[str]], list[Found] | None]) -> list[Found]:
    """Run ``pattern`` over ``text`` and turn each match into values with ``read``.

    ``read`` returns None to refuse a match (an impossible number, a year, a blocked
    ordinal); the search then resumes one character later, so a shorter reading inside
    the refused one can still be found. Accepted matches never overlap.
    """
    found: list[Found] = []
    position = 0
    while position <= len(text):
        match = pattern.search(text, position)
        if match is None:
            break
        items = read(match)
        if items is None:
            position = match.start() + 1
            continue
        found.extend(items)
        position = max(match.end(), match.start() + 1)
    return sorted(found, key=lambda item: item.start)


def whole_number(text: str) -> int | None:
    """The whole value of a number phrase cut from running text, or None if it has none.

    >>> whole_number("3 tỷ 640 triệu"), whole_number("1,5"), whole_number("năm")
    (3640000000, None, None)
    """
    reading = safe_reading(text)
    if reading is None or reading.value != reading.value.to_integral_value():
        return None
    return int(reading.value)


def safe_reading(text: str) -> NumberReading | None:
    """:func:`read_number` on a phrase from running text, None instead of ValueError."""
    try:
        return read_number(text, running_text=True)
    except ValueError:
        return None


def range_start(first: str, second: NumberReading) -> Decimal | None:
    """The value of the first end of a range, or None when the two ends are no range.

    The first end borrows the scale of the second when it has none of its own ("từ 2
    đến 5 triệu" is 2 triệu to 5 triệu), and must be smaller than the second (a range is
    written low to high; "2018-2023" before a unit is a term, not a range).

    >>> range_start("2", read_number("5 triệu"))
    Decimal('2000000')
    >>> range_start("500 nghìn", read_number("1 triệu"))
    Decimal('500000')
    >>> range_start("500.000", read_number("1 triệu"))
    Decimal('500000')
    >>> range_start("7", read_number("5")) is None
    True
    """
    reading = safe_reading(first)
    if reading is None:
        return None
    value = reading.value
    if reading.largest_scale is None and second.largest_scale is not None:
        scaled = value * second.largest_scale
        if scaled < second.value:
            return scaled
    # "từ 500.000 đến 1 triệu đồng": the first end is complete as written.
    return value if value < second.value else None
