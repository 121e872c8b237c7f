"""MONEY recognition (extractor.money): real phrasings, negatives, properties, data."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import load_resource
from extractor.money import find_money, parse_money


def located(text: str, found) -> list[tuple[str, int, str | None]]:
    """(span text, value, qualifier) of each result, checking offsets and order on the way."""
    rows = []
    previous_end = 0
    for item in found:
        assert item.label == "MONEY"
        assert previous_end <= item.start < item.end <= len(text)
        previous_end = item.end
        rows.append((text[item.start : item.end], item.attrs["value"], item.attrs["qualifier"]))
    return rows


# (sentence, [(span, value, qualifier), ...], id)
FOUND = [
    (
        "Hỗ trợ CNVCLĐ gặp khó khăn do dịch bệnh COVID-19 số tiền 119,5 triệu đồng, hỗ trợ 3 đoàn viên "
        "có hoàn cảnh khó khăn",
        [("119,5 triệu đồng", 119_500_000, None)],
        "decimal-million",
    ),
    (
        "thăm hỏi 127 đoàn viên có hoàn cảnh khó khăn với số tiền 126.100.000đ, 03 đoàn viên có hoàn cảnh "
        "khó khăn làm nhà với số tiền 130 triệu đồng.",
        [("126.100.000đ", 126_100_000, None), ("130 triệu đồng", 130_000_000, None)],
        "glued-d-and-million",
    ),
    (
        "tặng quà 12 công nhân lao động với tổng số tiền 3.600.000 đồng; xét hỗ trợ 02 gia đình đoàn viên "
        "tổng số tiền 8.000.000 đồng.",
        [("3.600.000 đồng", 3_600_000, None), ("8.000.000 đồng", 8_000_000, None)],
        "dotted-dong",
    ),
    (
        "kinh phí dự tính 200 triệu đồng trích từ nguồn quỹ xã hội",
        [("200 triệu đồng", 200_000_000, None)],
        "million",
    ),
    (
        "sửa chữa 80 “Mái ấm Công đoàn” cho CNVCLĐ có hoàn cảnh khó khăn với số tiền 3 tỷ 640 triệu đồng.",
        [("3 tỷ 640 triệu đồng", 3_640_000_000, None)],
        "billion-and-million",
    ),
    (
        "Trao tổng số 10.283 suất quà cho CNVCLĐ có hoàn cảnh khó khăn, trị giá 4,1 tỷ đồng.",
        [("4,1 tỷ đồng", 4_100_000_000, None)],
        "decimal-billion",
    ),
    (
        "Các CĐCS hỗ trợ, thăm hỏi trên 500 đoàn viên ốm đau với số tiền hơn 02 tỷ đồng.",
        [("02 tỷ đồng", 2_000_000_000, "over")],
        "hon-leading-zero",
    ),
    ("mức hỗ trợ 500 nghìn đồng/người", [("500 nghìn đồng", 500_000, None)], "nghin"),
    ("mức hỗ trợ 500 ngàn đồng/người", [("500 ngàn đồng", 500_000, None)], "ngan"),
    ("mỗi suất quà trị giá 1,5 triệu VNĐ", [("1,5 triệu VNĐ", 1_500_000, None)], "VND-with-stroke"),
    ("mỗi suất quà trị giá 2.000.000 VND", [("2.000.000 VND", 2_000_000, None)], "VND-ascii"),
    ("mỗi suất quà trị giá 2.000.000 VNĐ.", [("2.000.000 VNĐ", 2_000_000, None)], "VND-sentence-end"),
    ("mỗi suất quà trị giá 2.000.000 vnđ.", [("2.000.000 vnđ", 2_000_000, None)], "vnd-lower"),
    ("mỗi suất quà trị giá 500.000₫.", [("500.000₫", 500_000, None)], "dong-sign"),
    (
        "có 1.840 sáng kiến cải tiến kỹ thuật, giá trị làm lợi ước đạt 40 tỷ đồng cho đơn vị, Nhà nước.",
        [("40 tỷ đồng", 40_000_000_000, "approx")],
        "uoc-dat",
    ),
    (
        "chuyển trao tiền hỗ trợ CNVCLĐ vùng thiên tai, tổng kinh phí hỗ trợ gần 3 tỷ đồng.",
        [("3 tỷ đồng", 3_000_000_000, "under")],
        "gan",
    ),
    (
        "với tổng số tiền hưởng lợi trên 420 triệu đồng. Đối thoại, thương lượng với doanh nghiệp",
        [("420 triệu đồng", 420_000_000, "over")],
        "tren",
    ),
    ("dự kiến kinh phí khoảng 50 triệu đồng", [("50 triệu đồng", 50_000_000, "approx")], "khoang"),
    (
        "hỗ trợ xóa nhà tạm, sửa chữa, nâng cấp nhà lớp học... tổng giá trị trên 10 tỷ đồng.",
        [("10 tỷ đồng", 10_000_000_000, "over")],
        "tren-billion",
    ),
    ("Trên 10 tỷ đồng đã được giải ngân", [("10 tỷ đồng", 10_000_000_000, "over")], "capital-tren"),
    ("thiệt hại xấp xỉ 2 tỷ đồng", [("2 tỷ đồng", 2_000_000_000, "approx")], "xap-xi"),
    ("mức chi dưới 500.000 đồng", [("500.000 đồng", 500_000, "under")], "duoi"),
    ("chưa đến 5 triệu đồng mỗi tháng", [("5 triệu đồng", 5_000_000, "under")], "chua-den"),
    ("tổng trị giá 1 tỷ 200 triệu đồng", [("1 tỷ 200 triệu đồng", 1_200_000_000, None)], "1-ty-200-trieu"),
    ("hỗ trợ 5 triệu đ/người", [("5 triệu đ", 5_000_000, None)], "d-after-scale"),
    ("mỗi suất 50.000 đ/người", [("50.000 đ", 50_000, None)], "d-per-person"),
    ("tổng 1 triệu 500 nghìn đồng", [("1 triệu 500 nghìn đồng", 1_500_000, None)], "million-thousand"),
    ("tặng 1 500 000 đồng cho mỗi gia đình", [("1 500 000 đồng", 1_500_000, None)], "space-grouped"),
    (
        "mức hỗ trợ từ 500.000 đến 1.000.000 đồng/người",
        [("500.000", 500_000, None), ("1.000.000 đồng", 1_000_000, None)],
        "range-tu-den",
    ),
    (
        "mức hỗ trợ từ 2 đến 5 triệu đồng/người",
        [("2", 2_000_000, None), ("5 triệu đồng", 5_000_000, None)],
        "range-inherits-scale",
    ),
    (
        "mỗi suất quà trị giá 2-5 triệu đồng",
        [("2", 2_000_000, None), ("5 triệu đồng", 5_000_000, None)],
        "range-dash",
    ),
    (
        "mỗi suất quà trị giá 2 - 5 triệu đồng",
        [("2", 2_000_000, None), ("5 triệu đồng", 5_000_000, None)],
        "range-spaced-dash",
    ),
    (
        "mức hỗ trợ từ 800 nghìn tới 1,2 triệu đồng",
        [("800 nghìn", 800_000, None), ("1,2 triệu đồng", 1_200_000, None)],
        "range-own-scale",
    ),
    (
        "Mỗi suất quà trị giá từ 500.000 đến 1 triệu đồng",
        [("500.000", 500_000, None), ("1 triệu đồng", 1_000_000, None)],
        "range-first-complete-as-written",
    ),
    ("hỗ trợ từ 500.000 đồng trở lên", [("500.000 đồng", 500_000, "over")], "tro-len"),
    ("mức hỗ trợ tối đa 5 triệu đồng/người", [("5 triệu đồng", 5_000_000, "under")], "toi-da"),
    (
        "khoảng 2-3 triệu đồng mỗi suất",
        [("2", 2_000_000, "approx"), ("3 triệu đồng", 3_000_000, "approx")],
        "range-qualified",
    ),
    ("hỗ trợ một trăm triệu đồng", [("một trăm triệu đồng", 100_000_000, None)], "words-hundred-million"),
    ("hơn hai tỷ đồng", [("hai tỷ đồng", 2_000_000_000, "over")], "words-billion"),
    ("kinh phí hai phẩy năm tỷ đồng", [("hai phẩy năm tỷ đồng", 2_500_000_000, None)], "words-decimal"),
    ("tặng quà trị giá năm trăm nghìn đồng", [("năm trăm nghìn đồng", 500_000, None)], "words-nam-tram"),
    ("Hỗ trợ 3 triệu đồng, đồng thời tặng quà", [("3 triệu đồng", 3_000_000, None)], "dong-then-dong-thoi"),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e, _ in FOUND], ids=[i for *_, i in FOUND])
def test_find_money(text, expected):
    assert located(text, find_money(text)) == expected


NOT_MONEY = [
    ("năm 2021", "year"),
    ("nhiệm kỳ 2018-2023", "term"),
    ("điều động, luân chuyển 1 số vị trí cán bộ", "mot-so"),
    ("Hội nghị Ban Chấp hành LĐLĐ tỉnh lần thứ 10", "ordinal"),
    ("bổ sung sửa đổi quyết định 722/QĐ-LĐLĐ ngày 6.3.2020", "doc-ref"),
    ("tặng Kỷ niệm chương cho 5 đồng chí", "comrades"),
    ("bầu bổ sung 03 đ/c vào Ban Chấp hành", "comrades-abbreviation"),
    ("Đồng thời đồng chí đã quán triệt Nghị quyết", "dong-thoi"),
    ("kết nạp 81 đồng thời giới thiệu 203 quần chúng", "number-then-dong-thoi"),
    ("hơn 90 triệu đồng bào cả nước", "compatriots"),
    ("hỗ trợ 3 đoàn viên có hoàn cảnh khó khăn", "d-starting-a-word"),
    ("giá trị làm lợi ước đạt 40 tỷ cho đơn vị", "scale-without-currency"),
    ("tổng số 3.722 đoàn viên", "count"),
    ("72,2% doanh nghiệp", "percent"),
    ("Đồng Thị Nghĩa", "surname"),
    ("hỗ trợ năm đồng chí", "word-nam-comrades"),
    ("1,5 đồng", "fraction-of-a-dong"),
    ("2 tỷ 500 đồng", "ambiguous-tail-after-scale"),
    ("dịch bệnh COVID-19 đồng loạt", "glued-code"),
    ("Chiều ngày 05/01/2024, lúc 17:30", "date-and-time"),
]


@pytest.mark.parametrize("text", [t for t, _ in NOT_MONEY], ids=[i for _, i in NOT_MONEY])
def test_not_money(text):
    assert find_money(text) == []


PARSE_MONEY = [
    ("3 tỷ 640 triệu đồng", 3_640_000_000, "billion-million"),
    ("126.100.000đ", 126_100_000, "glued-d"),
    ("119,5 triệu đồng", 119_500_000, "decimal-million"),
    ("  2.000.000 VNĐ ", 2_000_000, "surrounding-spaces"),
    ("hai tỷ đồng", 2_000_000_000, "words"),
    ("02 tỷ đồng", 2_000_000_000, "leading-zero"),
]


@pytest.mark.parametrize(("text", "value"), [(t, v) for t, v, _ in PARSE_MONEY], ids=[i for *_, i in PARSE_MONEY])
def test_parse_money(text, value):
    assert parse_money(text) == value


@pytest.mark.parametrize(
    "text",
    ["200 triệu", "5 đồng chí", "gần 3 tỷ đồng", "2-5 triệu đồng", "1,5 đồng", "đồng", "", "abc"],
    ids=["no-currency", "comrades", "qualifier", "range", "fraction", "marker-only", "empty", "text"],
)
def test_parse_money_refuses(text):
    with pytest.raises(ValueError):
        parse_money(text)


# ------------------------------------------------------------------- properties


def dotted(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def renderings(amount: int) -> list[str]:
    """The ways reports write ``amount`` VND."""
    styles = [f"{dotted(amount)} đồng", f"{dotted(amount)}đ", f"{dotted(amount)} VNĐ"]
    if amount % 1000 == 0:
        styles.append(f"{dotted(amount // 1000)} nghìn đồng")
        billions, millions, thousands = amount // 10**9, amount // 10**6 % 1000, amount // 1000 % 1000
        groups = [(billions, "tỷ"), (millions, "triệu"), (thousands, "nghìn")]
        styles.append(" ".join(f"{n} {scale}" for n, scale in groups if n) + " đồng")
    in_millions = (Decimal(amount) / 10**6).normalize()
    if in_millions == in_millions.to_integral_value():
        styles.append(f"{int(in_millions)} triệu đồng")
    else:
        whole, _, decimals = f"{in_millions:f}".partition(".")
        styles.append(f"{dotted(int(whole))},{decimals} triệu đồng")
    return styles


AMOUNTS = st.integers(min_value=1_000, max_value=999_000_000_000)


@settings(max_examples=150, deadline=None)
@given(AMOUNTS)
def test_every_rendering_reads_back(amount):
    for written in renderings(amount):
        text = f"Hỗ trợ số tiền {written}, cho 3 đoàn viên có hoàn cảnh khó khăn."
        found = find_money(text)
        assert located(text, found) == [(written, amount, None)], written
        assert parse_money(written) == amount


@settings(max_examples=80, deadline=None)
@given(AMOUNTS, st.sampled_from(["gần", "trên", "hơn", "khoảng"]))
def test_qualifier_stays_outside_the_span(amount, word):
    written = f"{dotted(amount)} đồng"
    text = f"tổng kinh phí {word} {written}."
    [item] = find_money(text)
    assert text[item.start : item.end] == written


TOKENS = st.sampled_from(
    ["3", "02", "126.100.000", "119,5", "2.5", "tỷ", "triệu", "nghìn", "đồng", "đ", "VNĐ", "₫", "chí", "/c",
     "gần", "trên", "từ", "đến", "-", " ", ",", ".", "%", "năm", "hai", "mươi", "phẩy", "linh", "\n", "000"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(TOKENS, max_size=25).map("".join), st.lists(TOKENS, max_size=25).map(" ".join)))
def test_never_raises_and_spans_are_sane(text):
    found = find_money(text)
    previous_end = 0
    for item in found:
        assert 0 <= previous_end <= item.start < item.end <= len(text)
        previous_end = item.end
        assert isinstance(item.attrs["value"], int) and item.attrs["value"] >= 0
        assert item.attrs["qualifier"] in (None, "approx", "over", "under")


# ------------------------------------------------------------------- data files

MONEY_DATA = load_resource("money.yaml")


@pytest.mark.parametrize("entry", MONEY_DATA["currencies"], ids=[e["word"] for e in MONEY_DATA["currencies"]])
def test_currency_entry(entry):
    assert set(entry) == {"word", "example"}
    found = find_money(entry["example"])
    assert any(entry["example"][f.start : f.end].endswith(entry["word"]) for f in found), found


@pytest.mark.parametrize(
    "entry", MONEY_DATA["not_currency"], ids=[e["compound"] for e in MONEY_DATA["not_currency"]]
)
def test_not_currency_entry(entry):
    assert set(entry) == {"compound", "example"}
    assert entry["compound"] in entry["example"]
    assert any(entry["compound"].startswith(c["word"]) for c in MONEY_DATA["currencies"])
    assert find_money(entry["example"]) == []
