"""PERCENT recognition (extractor.percents): real phrasings, negatives, properties, data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import load_resource
from extractor.percents import find_percents


def located(text: str, found) -> list[tuple[str, float, str | None]]:
    """(span text, value, qualifier) of each result, checking offsets, order and types."""
    rows = []
    previous_end = 0
    for item in found:
        assert item.label == "PERCENT"
        assert previous_end <= item.start < item.end <= len(text)
        assert isinstance(item.attrs["value"], float)
        previous_end = item.end
        rows.append((text[item.start : item.end], item.attrs["value"], item.attrs["qualifier"]))
    return rows


# (sentence, [(span, value, qualifier), ...], id)
FOUND = [
    (
        "công đoàn cấp trên cơ sở và CĐCS đã chủ trì và tham gia trên 2.500 cuộc giám sát. 72,2% doanh nghiệp "
        "có tổ chức Công đoàn ký kết và tổ chức thực hiện Thỏa ước lao động tập thể",
        [("72,2%", 72.2, None)],
        "decimal-comma",
    ),
    (
        "Hằng năm, 100% cơ quan hành chính, đơn vị sự nghiệp tổ chức hội nghị CBCCVC; trên 90% CĐCS doanh "
        "nghiệp tổ chức hội nghị người lao động.",
        [("100%", 100.0, None), ("90%", 90.0, "over")],
        "hundred-and-tren",
    ),
    ("tỷ lệ đoàn viên tham gia đạt 61 % tổng số", [("61 %", 61.0, None)], "space-before-sign"),
    ("72,2 phần trăm doanh nghiệp có tổ chức Công đoàn", [("72,2 phần trăm", 72.2, None)], "spelled-out-sign"),
    ("Trên 90 % CĐCS doanh nghiệp", [("90 %", 90.0, "over")], "capital-qualifier"),
    ("chỉ có khoảng 0,5% doanh nghiệp vi phạm", [("0,5%", 0.5, "approx")], "khoang-fraction"),
    ("gần 80% người lao động được ký hợp đồng", [("80%", 80.0, "under")], "gan"),
    ("gần như 100% cơ quan tổ chức hội nghị", [("100%", 100.0, "under")], "gan-nhu"),
    ("chưa đến 50% doanh nghiệp có tổ chức công đoàn", [("50%", 50.0, "under")], "chua-den"),
    ("xấp xỉ 72% doanh nghiệp", [("72%", 72.0, "approx")], "xap-xi"),
    ("tăng 12,35% so với cùng kỳ", [("12,35%", 12.35, None)], "two-decimals"),
    ("đạt 1.5% kế hoạch", [("1.5%", 1.5, None)], "english-decimal-point"),
    ("tỷ lệ 70-80% doanh nghiệp", [("70", 70.0, None), ("80%", 80.0, None)], "range-dash"),
    ("tỷ lệ từ 70 đến 80% doanh nghiệp", [("70", 70.0, None), ("80%", 80.0, None)], "range-words"),
    ("phấn đấu không dưới 90% CĐCS đạt vững mạnh", [("90%", 90.0, "over")], "khong-duoi"),
    ("tỷ lệ nợ đọng từ 5% trở xuống", [("5%", 5.0, "under")], "tro-xuong"),
    ("một trăm phần trăm cơ quan", [("một trăm phần trăm", 100.0, None)], "words"),
    ("hơn năm mươi phần trăm đoàn viên", [("năm mươi phần trăm", 50.0, "over")], "words-qualified"),
    (
        "Hỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng, đạt 95% kế hoạch năm 2021.",
        [("95%", 95.0, None)],
        "among-money-and-counts",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e, _ in FOUND], ids=[i for *_, i in FOUND])
def test_find_percents(text, expected):
    assert located(text, find_percents(text)) == expected


NOT_PERCENTS = [
    ("năm 2021", "year"),
    ("nhiệm kỳ 2018-2023", "term"),
    ("hỗ trợ 3 tỷ đồng", "money"),
    ("127 đoàn viên", "count"),
    ("phòng chống dịch bệnh COVID-19%", "glued-code"),
    ("phần trăm doanh nghiệp", "sign-without-number"),
    ("tỷ lệ phần trăm tăng", "no-number"),
    ("năm phần trăm", "nam-alone"),
    ("28/7/2021%", "date"),
    ("722/QĐ-LĐLĐ", "doc-ref"),
    ("lần thứ 10 phần trămx", "sign-glued-to-word"),
]


@pytest.mark.parametrize("text", [t for t, _ in NOT_PERCENTS], ids=[i for _, i in NOT_PERCENTS])
def test_not_percents(text):
    assert find_percents(text) == []


# ------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=1000),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(["%", " %", " phần trăm"]),
)
def test_written_percent_reads_back(whole, tenth, sign):
    number = f"{whole},{tenth}" if tenth else str(whole)
    text = f"Tỷ lệ đạt {number}{sign} kế hoạch năm."
    assert located(text, find_percents(text)) == [(number + sign, whole + tenth / 10, None)]


TOKENS = st.sampled_from(
    ["3", "02", "72,2", "1.5", "100", "%", "phần", "trăm", "phần trăm", "trên", "gần như", "từ", "đến", "-",
     " ", ",", ".", "/", "năm", "mươi", "một", "\n", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(TOKENS, max_size=25).map("".join), st.lists(TOKENS, max_size=25).map(" ".join)))
def test_never_raises_and_spans_are_sane(text):
    previous_end = 0
    for item in find_percents(text):
        assert 0 <= previous_end <= item.start < item.end <= len(text)
        previous_end = item.end
        assert isinstance(item.attrs["value"], float)
        assert item.attrs["qualifier"] in (None, "approx", "over", "under")


# ------------------------------------------------------------------- data files

MARKERS = load_resource("percents.yaml")["markers"]


@pytest.mark.parametrize("entry", MARKERS, ids=[e["word"] for e in MARKERS])
def test_marker_entry(entry):
    assert set(entry) == {"word", "example"}
    found = find_percents(entry["example"])
    assert any(entry["example"][f.start : f.end].endswith(entry["word"]) for f in found), found
