"""The corpus annotation tool's naive readings, which cross-check hand-entered values."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "annotate_tool", Path(__file__).resolve().parent.parent / "corpus" / "tools" / "annotate.py")
annotate = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(annotate)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("126.100.000 đồng", 126_100_000),
        ("3 tỷ đồng", 3_000_000_000),
        ("1,2 triệu đồng", 1_200_000),
        ("15 trieu dong", 15_000_000),  # a report typed without diacritics
        ("1,5 ty dong", 1_500_000_000),
        ("200.000d", 200_000),
        ("500.000đ", 500_000),
        ("năm trăm nghìn đồng", 500_000),
    ],
)
def test_read_money(text: str, value: int) -> None:
    assert annotate.read_money(text) == value


def test_an_unreadable_amount_raises_and_the_cross_check_notes_it() -> None:
    with pytest.raises(ValueError):
        annotate.read_money("15 abc dong")
