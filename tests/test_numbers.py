"""Vietnamese number reading (extractor.numbers) and the shared data files.

Tables of real phrasings, properties over rendered numbers, and a check that every entry
of numbers.yaml and qualifiers.yaml is well formed and found by the recogniser using it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.counts import find_counts
from extractor.data import load_resource
from extractor.money import find_money
from extractor.numbers import ROLES, parse_number, qualifier_of, read_number
from extractor.percents import find_percents

PARSED = [
    ("10.283", 10283, "thousands-dot"),
    ("46.113", 46113, "thousands-dot-2"),
    ("1.500.000", 1_500_000, "two-thousands-dots"),
    ("126.100.000", 126_100_000, "money-digits"),
    ("119,5", 119.5, "decimal-comma"),
    ("72,2", 72.2, "percent-decimal"),
    ("02", 2, "leading-zero"),
    ("03", 3, "leading-zero-3"),
    ("100", 100, "plain"),
    ("1.5", 1.5, "english-decimal-point-tolerated"),
    ("2.000.000,50", 2_000_000.5, "grouped-with-decimals"),
    ("1 500 000", 1_500_000, "space-grouped-thousands"),
    ("119,5 triệu", 119_500_000, "decimal-scale"),
    ("4,1 tỷ", 4_100_000_000, "decimal-billion-exact"),
    ("3 tỷ 640 triệu", 3_640_000_000, "two-scale-groups"),
    ("1 tỷ 200 triệu", 1_200_000_000, "two-scale-groups-2"),
    ("02 tỷ", 2_000_000_000, "leading-zero-scale"),
    ("500 nghìn", 500_000, "nghin"),
    ("500 ngàn", 500_000, "ngan"),
    ("4,1 tỉ", 4_100_000_000, "ti-spelling"),
    ("5 trăm nghìn", 500_000, "digit-hundred-scale"),
    ("2 nghìn tỷ", 2_000_000_000_000, "stacked-scales"),
    ("một", 1, "word-one"),
    ("mười", 10, "word-ten"),
    ("mười lăm", 15, "fifteen-lam"),
    ("mười một", 11, "eleven"),
    ("hai mươi", 20, "twenty"),
    ("hai mươi mốt", 21, "twenty-one-mot"),
    ("hai mươi tư", 24, "twenty-four-tu"),
    ("hai mươi lăm", 25, "twenty-five-lam"),
    ("hai mươi nhăm", 25, "twenty-five-nham"),
    ("hai chục", 20, "chuc"),
    ("một trăm", 100, "hundred"),
    ("một trăm linh năm", 105, "linh"),
    ("một trăm lẻ tám", 108, "le"),
    ("một trăm mười", 110, "hundred-ten"),
    ("hai trăm hai", 220, "colloquial-after-hundred"),
    ("một nghìn hai", 1200, "colloquial-after-thousand"),
    ("hai triệu hai", 2_200_000, "colloquial-after-million"),
    ("một nghìn không trăm năm mươi", 1050, "khong-tram"),
    ("một triệu không trăm linh hai", 1_000_002, "full-group-reading"),
    ("một trăm triệu", 100_000_000, "hundred-million"),
    ("hai tỷ", 2_000_000_000, "two-billion"),
    ("năm trăm nghìn", 500_000, "nam-first-then-hundred"),
    ("hai phẩy năm tỷ", 2_500_000_000, "decimal-word-not-25-billion"),
    ("hai phẩy năm", 2.5, "decimal-word"),
    ("một phẩy hai lăm", 1.25, "decimal-word-two-digits"),
    ("Hai Tỷ", 2_000_000_000, "case-insensitive-words"),
    ("bẩy", 7, "northern-bay"),
]


@pytest.mark.parametrize(("text", "expected"), [(t, v) for t, v, _ in PARSED], ids=[i for *_, i in PARSED])
def test_parse_number(text, expected):
    value = parse_number(text)
    assert value == expected
    assert type(value) is type(expected)


NOT_NUMBERS = [
    ("", "empty"),
    ("đoàn viên", "not-a-number-word"),
    ("15.11.2020", "dotted-date"),
    ("1,234,567", "english-thousands-commas"),
    ("2.5000", "broken-grouping"),
    ("hai ba", "two-digits-in-a-row"),
    ("tư", "tu-alone"),
    ("mốt", "mot-alone"),
    ("lăm", "lam-alone"),
    ("mươi", "muoi-without-digit"),
    ("triệu", "scale-alone"),
    ("5 nghìn 3 triệu", "increasing-scales"),
    ("3 tỷ 640 triệu đồng", "currency-is-not-a-number"),
    ("72,2%", "percent-sign"),
    ("2-5", "range"),
    ("hai phẩy", "point-without-decimals"),
    ("một trăm linh", "ends-on-linh"),
    ("1500 000", "bad-space-grouping"),
    ("1" * 40, "implausibly-long"),
]


@pytest.mark.parametrize("text", [t for t, _ in NOT_NUMBERS], ids=[i for _, i in NOT_NUMBERS])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        parse_number(text)


RUNNING_TEXT_REFUSED = [
    ("năm", "nam-is-also-year"),
    ("hai mươi năm", "twenty-years"),
    ("không", "khong-is-also-not"),
]


@pytest.mark.parametrize("text", [t for t, _ in RUNNING_TEXT_REFUSED], ids=[i for _, i in RUNNING_TEXT_REFUSED])
def test_ambiguous_words_refused_at_phrase_edges(text):
    with pytest.raises(ValueError):
        read_number(text, running_text=True)


def test_nam_after_point_or_linh_ends_a_phrase():
    assert read_number("hai phẩy năm", running_text=True).value == 2.5
    assert read_number("một trăm linh năm", running_text=True).value == 105


QUALIFIERS = [
    ("gần", "under"),
    ("Gần", "under"),
    ("dưới", "under"),
    ("chưa đến", "under"),
    ("hơn", "over"),
    ("Trên", "over"),
    ("trên dưới", "approx"),
    ("khoảng", "approx"),
    ("xấp xỉ", "approx"),
    ("ước tính", "approx"),
    ("ước  đạt", "approx"),
    ("ít nhất", "over"),
    ("không dưới", "over"),
    ("tối đa", "under"),
    ("trở lên", "over"),
    ("trở xuống", "under"),
]


@pytest.mark.parametrize(("word", "expected"), QUALIFIERS, ids=[w for w, _ in QUALIFIERS])
def test_qualifier_of(word, expected):
    assert qualifier_of(word) == expected


# ------------------------------------------------------------------- properties

_DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _three_digits_in_words(number: int, full: bool) -> list[str]:
    """Read 0-999 the standard way; ``full`` reads the hundreds even when zero."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGIT_WORDS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += (["linh"] if words else []) + [_DIGIT_WORDS[units]]
    elif tens == 1:
        words += ["mười"] + ([] if not units else ["lăm" if units == 5 else _DIGIT_WORDS[units]])
    else:
        words += [_DIGIT_WORDS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGIT_WORDS[units]))
    return words


def number_in_words(number: int) -> str:
    """Vietnamese words for 1 <= number < 10**12 (as a reader would say it)."""
    groups = [(10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn"), (1, "")]
    words: list[str] = []
    for factor, scale in groups:
        part = number // factor % 1000
        if part:
            words += _three_digits_in_words(part, full=bool(words))
            if scale:
                words.append(scale)
    return " ".join(words)


def test_number_in_words_helper():
    assert number_in_words(3_640_000_000) == "ba tỷ sáu trăm bốn mươi triệu"
    assert number_in_words(1_000_002) == "một triệu không trăm linh hai"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_words_read_back(number):
    assert parse_number(number_in_words(number)) == number


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_dotted_digits_read_back(number):
    assert parse_number(f"{number:,}".replace(",", ".")) == number


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimal_comma_reads_back(whole, hundredths):
    written = f"{whole:,}".replace(",", ".") + f",{hundredths:02d}"
    assert parse_number(written) == pytest.approx(whole + hundredths / 100)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parse_number_only_raises_value_error(text):
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert isinstance(value, int | float)


# ------------------------------------------------------------------- data files

FINDERS = (find_money, find_counts, find_percents)


def _found_in(example: str):
    """Every value any recogniser finds in ``example``, with its text."""
    return [(example[f.start : f.end], f) for finder in FINDERS for f in finder(example)]


NUMBER_WORDS = load_resource("numbers.yaml")["words"]


@pytest.mark.parametrize("entry", NUMBER_WORDS, ids=[e["word"] for e in NUMBER_WORDS])
def test_number_word_entry(entry):
    assert set(entry) <= {"word", "role", "value", "factor", "after", "starts_phrase", "ends_phrase", "example"}
    assert entry["role"] in ROLES
    if entry["role"] in ("digit", "ten"):
        assert isinstance(entry["value"], int)
    if entry["role"] in ("tens", "hundred", "scale"):
        assert isinstance(entry["factor"], int) and entry["factor"] >= 10
    known = {e["word"] for e in NUMBER_WORDS}
    assert set(entry.get("after", ())) <= known
    found = _found_in(entry["example"])
    assert any(entry["word"] in text.lower().split() for text, _ in found), found


JOINERS = load_resource("numbers.yaml")["range_joiners"]


@pytest.mark.parametrize("entry", JOINERS, ids=[e["word"] for e in JOINERS])
def test_range_joiner_entry(entry):
    assert set(entry) == {"word", "example"}
    assert entry["word"] in entry["example"]
    assert any(len(finder(entry["example"])) == 2 for finder in FINDERS)


QUALIFIER_DATA = load_resource("qualifiers.yaml")
QUALIFIER_ENTRIES = [entry for position in ("before", "after") for entry in QUALIFIER_DATA[position]]


def test_qualifier_positions():
    assert set(QUALIFIER_DATA) == {"before", "after"}
    words = [entry["word"] for entry in QUALIFIER_ENTRIES]
    assert len(words) == len(set(words))


@pytest.mark.parametrize("entry", QUALIFIER_ENTRIES, ids=[e["word"] for e in QUALIFIER_ENTRIES])
def test_qualifier_entry(entry):
    assert set(entry) == {"word", "qualifier", "example"}
    assert entry["qualifier"] in ("approx", "over", "under")
    assert entry["word"] in entry["example"].lower()
    found = _found_in(entry["example"])
    assert [f.attrs["qualifier"] for _, f in found] == [entry["qualifier"]], found
