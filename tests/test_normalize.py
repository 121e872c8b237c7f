"""Normalisation keeps a map back to the original characters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize import normalize


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Chiều ngày\u00a005/01/2024", "Chiều ngày 05/01/2024"),
        (unicodedata.normalize("NFD", "Liên đoàn Lao động"), "Liên đoàn Lao động"),
        ("nhiệm kỳ 2018 \u2013 2023", "nhiệm kỳ 2018 - 2023"),
        ("68/NQ \u2014 CP", "68/NQ - CP"),
        ("đoàn\u200bviên", "đoànviên"),
        ("\ufeffBÁO CÁO", "BÁO CÁO"),
        ("126.100.000\u202fđ", "126.100.000 đ"),
        ("hoà", "hoà"),  # tone-mark placement is not changed: that is for matching, not for the text
    ],
    ids=["nbsp", "nfd", "en-dash", "em-dash", "zero-width-space", "bom", "narrow-nbsp", "old-style-tone"],
)
def test_normalized_text(original: str, expected: str) -> None:
    assert normalize(original).text == expected


def test_nfd_span_maps_to_decomposed_original() -> None:
    original = unicodedata.normalize("NFD", "số tiền 119,5 triệu đồng")
    normalized = normalize(original)
    start = normalized.text.index("119,5")
    a, b = normalized.to_original(start, len(normalized.text))
    assert original[a:b] == unicodedata.normalize("NFD", "119,5 triệu đồng")
    assert a == 12  # "số tiền " is 12 code points in NFD: ố and ề carry two combining marks each


def test_removed_character_stays_inside_a_covering_span() -> None:
    original = "đoàn\u200bviên"
    normalized = normalize(original)
    assert normalized.to_original(0, len(normalized.text)) == (0, len(original))
    assert normalized.to_original(4, 8) == (5, 9)


def test_out_of_range_span_is_an_error() -> None:
    with pytest.raises(ValueError):
        normalize("abc").to_original(2, 4)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.data())
def test_any_span_maps_to_a_slice_that_normalises_back(original: str, data: st.DataObject) -> None:
    normalized = normalize(original)
    n = len(normalized.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    a, b = normalized.to_original(start, end)
    assert 0 <= a <= b <= len(original)
    if start < end:
        # the original evidence normalises to (at least) the normalised span
        assert normalized.text[start:end] in normalize(original[a:b]).text
