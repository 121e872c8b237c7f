"""COUNT recognition (extractor.counts): real phrasings, negatives, properties, data."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.counts import find_counts
from extractor.data import load_resource


def located(text: str, found) -> list[tuple[str, int, str, str | None]]:
    """(span text, value, unit, qualifier) of each result, checking offsets and order."""
    rows = []
    previous_end = 0
    for item in found:
        assert item.label == "COUNT"
        assert previous_end <= item.start < item.end <= len(text)
        previous_end = item.end
        rows.append((text[item.start : item.end], item.attrs["value"], item.attrs["unit"], item.attrs["qualifier"]))
    return rows


# (sentence, [(span, value, unit, qualifier), ...], id)
FOUND = [
    (
        "Hỗ trợ CNVCLĐ gặp khó khăn do dịch bệnh COVID-19 số tiền 119,5 triệu đồng, hỗ trợ 3 đoàn viên "
        "có hoàn cảnh khó khăn",
        [("3 đoàn viên", 3, "đoàn viên", None)],
        "doan-vien-after-money",
    ),
    (
        "thăm hỏi 127 đoàn viên có hoàn cảnh khó khăn với số tiền 126.100.000đ, 03 đoàn viên có hoàn cảnh",
        [("127 đoàn viên", 127, "đoàn viên", None), ("03 đoàn viên", 3, "đoàn viên", None)],
        "doan-vien-leading-zero",
    ),
    (
        "Trao tổng số 10.283 suất quà cho CNVCLĐ có hoàn cảnh khó khăn, trị giá 4,1 tỷ đồng.",
        [("10.283 suất quà", 10283, "suất quà", None)],
        "suat-qua-after-tong-so",
    ),
    (
        "Vận động 46.113 CNVCLĐ cài đặt ứng dụng Bluezone",
        [("46.113 CNVCLĐ", 46113, "CNVCLĐ", None)],
        "abbreviation",
    ),
    (
        "công đoàn cấp trên cơ sở và CĐCS đã chủ trì và tham gia trên 2.500 cuộc giám sát. 72,2% doanh nghiệp",
        [("2.500 cuộc giám sát", 2500, "cuộc giám sát", "over")],
        "tren-cuoc-giam-sat",
    ),
    (
        "hỗ trợ xây dựng, sửa chữa 80 “Mái ấm Công đoàn” cho CNVCLĐ có hoàn cảnh khó khăn",
        [("80 “Mái ấm Công đoàn”", 80, "Mái ấm Công đoàn", None)],
        "quoted-name",
    ),
    (
        "thực hiện pháp luật tại 85 đơn vị, doanh nghiệp; Liên đoàn Lao động tỉnh chủ trì 18 cuộc giám sát "
        "tại 18 cơ quan, đơn vị và doanh nghiệp",
        [
            ("85 đơn vị, doanh nghiệp", 85, "đơn vị, doanh nghiệp", None),
            ("18 cuộc giám sát", 18, "cuộc giám sát", None),
            ("18 cơ quan, đơn vị và doanh nghiệp", 18, "cơ quan, đơn vị và doanh nghiệp", None),
        ],
        "coordinated-nouns-are-one-unit",
    ),
    (
        "Các cấp công đoàn đã tham gia tư vấn pháp luật 25 vụ với tổng số trên 300 lượt CNVCLĐ; tổ chức, "
        "phối hợp tổ chức 1.397 cuộc tập huấn, hội nghị, hội thảo cho trên 33.500 lượt CNVCLĐ...",
        [
            ("25 vụ", 25, "vụ", None),
            ("300 lượt CNVCLĐ", 300, "lượt CNVCLĐ", "over"),
            ("1.397 cuộc tập huấn, hội nghị, hội thảo", 1397, "cuộc tập huấn, hội nghị, hội thảo", None),
            ("33.500 lượt CNVCLĐ", 33500, "lượt CNVCLĐ", "over"),
        ],
        "luot-classifier",
    ),
    (
        "ký kết thỏa thuận hợp tác với 6 doanh nghiệp có trụ sở trên địa bàn tỉnh Sơn La, cho trên 6.000 "
        "lượt đoàn viên được thụ hưởng",
        [("6 doanh nghiệp", 6, "doanh nghiệp", None), ("6.000 lượt đoàn viên", 6000, "lượt đoàn viên", "over")],
        "tren-dia-ban-is-not-a-number",
    ),
    (
        "Đối thoại, thương lượng với doanh nghiệp, giúp gần 4.000 công nhân lao động được hưởng bữa ăn ca.",
        [("4.000 công nhân lao động", 4000, "công nhân lao động", "under")],
        "gan-cong-nhan-lao-dong",
    ),
    (
        "Trong nửa nhiệm kỳ qua, đã có 1.840 sáng kiến cải tiến kỹ thuật",
        [("1.840 sáng kiến", 1840, "sáng kiến", None)],
        "sang-kien",
    ),
    (
        "cuộc thi ảnh năm 2020 thu hút 70 tác giả với hơn 100 bức ảnh tham dự",
        [("70 tác giả", 70, "tác giả", None), ("100 bức ảnh", 100, "bức ảnh", "over")],
        "hon-buc-anh",
    ),
    (
        "thăm và tặng quà 07 đơn vị trường học ngoài công lập nhân dịp khai giảng năm học mới",
        [("07 đơn vị trường học", 7, "đơn vị trường học", None)],
        "longest-unit-wins",
    ),
    (
        "tặng quà 12 công nhân lao động từ tỉnh Bắc Giang về tỉnh; xét hỗ trợ, thăm hỏi 02 gia đình đoàn viên "
        "công đoàn mắc bệnh hiểm nghèo",
        [
            ("12 công nhân lao động", 12, "công nhân lao động", None),
            ("02 gia đình đoàn viên công đoàn", 2, "gia đình đoàn viên công đoàn", None),
        ],
        "people-phrases",
    ),
    (
        "xét nâng lương đợt 1 năm 2021 cho 15 cán bộ chuyên trách công đoàn.",
        [("15 cán bộ", 15, "cán bộ", None)],
        "adjective-after-noun-not-in-unit",
    ),
    (
        "thôi tham gia ủy viên Ủy ban Kiểm tra LĐLĐ tỉnh đối với 01 đồng chí; bầu bổ sung 03 đồng chí",
        [("01 đồng chí", 1, "đồng chí", None), ("03 đồng chí", 3, "đồng chí", None)],
        "dong-chi-is-a-count",
    ),
    (
        "Từ đầu năm đến nay thành lập mới 11 CĐCS, kết nạp 135 đoàn viên công đoàn tại 11 đơn vị sự nghiệp, "
        "doanh nghiệp. Tiêu biểu là LĐLĐ Thành phố thành lập được 5 CĐCS.",
        [
            ("11 CĐCS", 11, "CĐCS", None),
            ("135 đoàn viên công đoàn", 135, "đoàn viên công đoàn", None),
            ("11 đơn vị sự nghiệp, doanh nghiệp", 11, "đơn vị sự nghiệp, doanh nghiệp", None),
            ("5 CĐCS", 5, "CĐCS", None),
        ],
        "cdcs",
    ),
    (
        "Chương trình đã trao tặng 405 xuất quà cho các đối tượng đoàn viên",
        [("405 xuất quà", 405, "xuất quà", None)],
        "misspelt-suat",
    ),
    (
        "Công đoàn Viên chức tỉnh hiện có 70 công đoàn cơ sở trực thuộc với tổng số 3.722 đoàn viên trong đó "
        "nữ là 1.786 đoàn viên.",
        [
            ("70 công đoàn cơ sở", 70, "công đoàn cơ sở", None),
            ("3.722 đoàn viên", 3722, "đoàn viên", None),
            ("1.786 đoàn viên", 1786, "đoàn viên", None),
        ],
        "grassroots-unions",
    ),
    (
        "thăm hỏi trên 500 đoàn viên ốm đau, có hoàn cảnh khó khăn với số tiền hơn 02 tỷ đồng",
        [("500 đoàn viên", 500, "đoàn viên", "over")],
        "tren-500",
    ),
    (
        "tặng Kỷ niệm chương cho 16 đồng chí, tặng Bằng khen cho 06 tập thể và 17 cá nhân",
        [("16 đồng chí", 16, "đồng chí", None), ("06 tập thể", 6, "tập thể", None), ("17 cá nhân", 17, "cá nhân", None)],
        "awards",
    ),
    (
        "đã có 203 quần chúng ưu tú được giới thiệu cho Đảng xem xét kết nạp, 81 đồng chí đã được kết nạp",
        [("203 quần chúng", 203, "quần chúng", None), ("81 đồng chí", 81, "đồng chí", None)],
        "party",
    ),
    (
        "chuyển trao giải cho 02 đoàn viên đạt giải Nhì",
        [("02 đoàn viên", 2, "đoàn viên", None)],
        "prize",
    ),
    (
        "Ban Chấp hành Liên đoàn Lao động tỉnh đã xây dựng 8 chương trình hành động để cụ thể hóa Nghị quyết; "
        "tổng kết thực hiện 4 chương trình hành động và các chuyên đề nhiệm kỳ 2013 - 2018",
        [
            ("8 chương trình hành động", 8, "chương trình hành động", None),
            ("4 chương trình hành động", 4, "chương trình hành động", None),
        ],
        "action-programmes",
    ),
    ("bầu bổ sung 03 Đ/c vào Ban Chấp hành", [("03 Đ/c", 3, "Đ/c", None)], "dc-abbreviation"),
    ("3 Đoàn viên tiêu biểu", [("3 Đoàn viên", 3, "Đoàn viên", None)], "capital-first-letter"),
    ("hỗ trợ xây dựng 12 \"Mái ấm Công đoàn\" cho đoàn viên", [('12 "Mái ấm Công đoàn"', 12, "Mái ấm Công đoàn", None)], "ascii-quotes"),
    ("website thu hút 2.000 lượt truy cập", [("2.000 lượt", 2000, "lượt", None)], "classifier-alone"),
    (
        "kết thúc hoạt động của 9 LĐLĐ huyện, thị xã, thành phố từ ngày 01/7/2025",
        [("9 LĐLĐ huyện, thị xã, thành phố", 9, "LĐLĐ huyện, thị xã, thành phố", None)],
        "coordinated-organisations",
    ),
    ("toàn ngành có 312 y, bác sĩ đạt danh hiệu", [("312 y, bác sĩ", 312, "y, bác sĩ", None)], "coordinated-short"),
    (
        "tặng Bằng khen cho 06 tập thể và 17 cá nhân",
        [("06 tập thể", 6, "tập thể", None), ("17 cá nhân", 17, "cá nhân", None)],
        "va-before-a-number-is-not-coordination",
    ),
    ("Tổ chức khám sức khỏe cho 1.100 lao động nữ; thăm hỏi", [("1.100 lao động nữ", 1100, "lao động nữ", None)], "gender-after"),
    (
        "các cấp công đoàn trong tỉnh đã hỗ trợ 2.146 đoàn viên, người lao động là F0, F1",
        [("2.146 đoàn viên", 2146, "đoàn viên", None)],
        "constituency-pair-counts-the-first-noun",
    ),
    (
        "tổng số 1.320 lao động, trong đó 1.286 đoàn viên, lao động nữ chiếm 72,4%",
        [("1.320 lao động", 1320, "lao động", None), ("1.286 đoàn viên", 1286, "đoàn viên", None)],
        "clause-after-comma",
    ),
    ("biểu dương 60 nữ công nhân tiêu biểu", [("60 nữ công nhân", 60, "nữ công nhân", None)], "gender-before"),
    ("có 5 đoàn viên Nam Định tham gia", [("5 đoàn viên", 5, "đoàn viên", None)], "place-name-is-not-gender"),
    (
        "mỗi đợt thăm hỏi từ 5 đến 10 đoàn viên",
        [("5", 5, "đoàn viên", None), ("10 đoàn viên", 10, "đoàn viên", None)],
        "range-words",
    ),
    ("mỗi tổ 3-5 đoàn viên", [("3", 3, "đoàn viên", None), ("5 đoàn viên", 5, "đoàn viên", None)], "range-dash"),
    ("Trao tổng số 2.021 đoàn viên", [("2.021 đoàn viên", 2021, "đoàn viên", None)], "dotted-not-a-year"),
    ("khoảng chừng 200 đoàn viên", [("200 đoàn viên", 200, "đoàn viên", "approx")], "two-word-qualifier"),
    ("trên dưới 300 lượt CNVCLĐ", [("300 lượt CNVCLĐ", 300, "lượt CNVCLĐ", "approx")], "tren-duoi"),
    ("Trên 90 đơn vị tham gia", [("90 đơn vị", 90, "đơn vị", "over")], "capital-qualifier"),
    ("hỗ trợ 02 gia đình đoàn viên khó khăn", [("02 gia đình đoàn viên", 2, "gia đình đoàn viên", None)], "gia-dinh-doan-vien"),
    (
        "Tổ chức “Bữa cơm Công đoàn” cho 8.000 công nhân trở lên nhân Tháng Công nhân.",
        [("8.000 công nhân", 8000, "công nhân", "over")],
        "tro-len-after-unit",
    ),
    (
        "100% doanh nghiệp có từ 30 lao động trở lên thành lập công đoàn",
        [("30 lao động", 30, "lao động", "over")],
        "tu-tro-len",
    ),
    (
        "mỗi năm xây dựng ít nhất 25 nhà “Mái ấm Công đoàn”.",
        [("25 nhà “Mái ấm Công đoàn”", 25, "nhà “Mái ấm Công đoàn”", "over")],
        "measure-word-and-quoted-name",
    ),
    (
        "tổ chức bàn giao 20 căn “Mái ấm Công đoàn” cho đoàn viên; năm 2024 hỗ trợ thêm 20 căn.",
        [("20 căn “Mái ấm Công đoàn”", 20, "căn “Mái ấm Công đoàn”", None), ("20 căn", 20, "căn", None)],
        "measure-word-alone",
    ),
    (
        "các cấp công đoàn tham gia xây dựng 1.126 bản thỏa ước lao động tập thể, đối thoại định kỳ",
        [("1.126 bản thỏa ước lao động tập thể", 1126, "bản thỏa ước lao động tập thể", None)],
        "measure-word-and-unit",
    ),
    (
        "Trong quý, trên địa bàn tỉnh xảy ra 01 cuộc ngừng việc tập thể tại Công ty",
        [("01 cuộc ngừng việc tập thể", 1, "cuộc ngừng việc tập thể", None)],
        "tren-dia-ban-then-count",
    ),
    (
        "duy trì hằng tháng 2 buổi sinh hoạt chuyên đề",
        [("2 buổi", 2, "buổi", None)],
        "frequency-then-count",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e, _ in FOUND], ids=[i for *_, i in FOUND])
def test_find_counts(text, expected):
    assert located(text, find_counts(text)) == expected


NOT_COUNTS = [
    ("tổ chức Hội nghị tổng kết hoạt động công đoàn năm 2021", "year"),
    ("Đại hội XIV Công đoàn tỉnh, nhiệm kỳ 2018-2023: tiếp tục đổi mới", "term"),
    ("trong nhiệm kỳ 2018-2023 đoàn viên tăng mạnh", "term-before-unit"),
    ("kết nạp 2021 đoàn viên", "bare-year-like"),
    ("Theo đó, điều động, luân chuyển 1 số vị trí cán bộ, chuyên viên", "mot-so-digits"),
    ("tại một số đơn vị", "mot-so-words"),
    ("Hội nghị Ban Chấp hành LĐLĐ tỉnh lần thứ 10, nhiệm kỳ", "ordinal"),
    ("Đại hội lần thứ 12 đại biểu công đoàn tỉnh", "ordinal-before-unit"),
    ("Ngày 08 tháng 7 là kỳ họp thứ 8", "thu-8"),
    ("Ban Chấp hành khóa XV tại đại hội công đoàn tỉnh khóa XVI", "roman-term"),
    ("bổ sung sửa đổi quyết định 722/QĐ-LĐLĐ ngày 6.3.2020", "doc-ref"),
    ("theo Nghị định 145/2020/NĐ-CP; của Chính Phủ", "decree"),
    ("Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị", "resolution"),
    ("kỷ niệm 92 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929- 28/7/2021)", "duration-and-dates"),
    ("tổng kết 10 năm thực hiện Chỉ thị 20-CT/TU", "ten-years"),
    ("sơ kết 6 tháng đầu năm 2017", "six-months"),
    ("Chiều ngày 05/01/2024, Công đoàn Viên chức tỉnh", "date"),
    ("Sáng ngày 15 đoàn viên công đoàn tham gia ra quân", "day-before-unit"),
    ("Trong tháng 7 đoàn viên được hỗ trợ", "month-before-unit"),
    ("17:30 08-01-24 Công đoàn", "clock-time"),
    ("1. Tiếp tục chỉ đạo các cấp công đoàn", "list-marker-dot"),
    ("1- Đ/c: Hoàng Thị Cúc, Trưởng Ban nữ công", "list-marker-dash"),
    ("3. Đoàn viên công đoàn", "list-marker-before-unit"),
    ("phòng chống dịch bệnh COVID-19 đoàn viên", "covid"),
    ("Nghị quyết 7c/NQ-BCH đoàn viên", "glued-letter"),
    ("hỗ trợ 3 tỷ đồng", "money"),
    ("72,2% doanh nghiệp có tổ chức Công đoàn", "percent"),
    ("Năm là, nâng cao chất lượng", "nam-la"),
    ("Ba năm qua đoàn viên tăng", "ba-nam-years"),
    ("1,5 đoàn viên", "fraction"),
    ("tại cơ sở số 2 công nhân lao động", "identifier"),
    ("tặng 5 “nhà tình nghĩa”", "lowercase-quote"),
    ("hỗ trợ hai đoàn viên có hoàn cảnh khó khăn", "worded-number"),
    ("Một đoàn viên được khen thưởng", "article-mot"),
    ("thu hút năm mươi tác giả", "worded-nam-muoi"),
    ("phát 10 kg gạo, xây 60 m2 nhà", "measurements"),
    ("Đội chè số 3 đoàn viên", "number-naming-a-thing"),
    ("I. Tập thể (08)", "number-without-noun"),
    ("Khối thi đua số 3 “Doanh nghiệp”", "identifier-before-quote"),
]


@pytest.mark.parametrize("text", [t for t, _ in NOT_COUNTS], ids=[i for _, i in NOT_COUNTS])
def test_not_counts(text):
    assert find_counts(text) == []


# ------------------------------------------------------------------- properties

DATA = load_resource("count_units.yaml")
UNITS = [entry["word"] for entry in DATA["units"]]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**8), st.sampled_from(UNITS), st.sampled_from(["", "trên ", "gần "]))
def test_number_and_unit_read_back(number, unit, qualifier):
    written = f"{number:,}".replace(",", ".")
    text = f"Năm 2023, đã hỗ trợ {qualifier}{written} {unit} trên địa bàn."
    assert located(text, find_counts(text)) == [
        (f"{written} {unit}", number, unit, {"": None, "trên ": "over", "gần ": "under"}[qualifier])
    ]


TOKENS = st.sampled_from(
    ["3", "02", "10.283", "2021", "1,5", "đoàn viên", "lượt", "CNVCLĐ", "“", "”", "Mái ấm", '"', "thứ", "số",
     "tổng", "trên", "từ", "đến", "-", " ", ",", ".", "/", ":", "năm", "hai", "mươi", "một", "\n", "đơn vị"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(TOKENS, max_size=25).map("".join), st.lists(TOKENS, max_size=25).map(" ".join)))
def test_never_raises_and_spans_are_sane(text):
    previous_end = 0
    for item in find_counts(text):
        assert 0 <= previous_end <= item.start < item.end <= len(text)
        previous_end = item.end
        assert isinstance(item.attrs["value"], int) and item.attrs["value"] >= 0
        assert item.attrs["unit"] and item.attrs["unit"] in text[item.start : item.end]
        assert item.attrs["qualifier"] in (None, "approx", "over", "under")


# ------------------------------------------------------------------- data files


def _units_found(example: str) -> list[str]:
    return [item.attrs["unit"] for item in find_counts(example)]


def _conjuncts(unit: str) -> set[str]:
    """The coordinated nouns of a unit, as written and with a lower-case first letter."""
    nouns = [noun for noun in re.split(r",\s*|\s+và\s+", unit) if noun]
    return {noun for noun in nouns} | {noun[:1].lower() + noun[1:] for noun in nouns}


@pytest.mark.parametrize("entry", DATA["units"], ids=[e["word"] for e in DATA["units"]])
def test_unit_entry(entry):
    assert set(entry) <= {"word", "example", "joins_list"} and {"word", "example"} <= set(entry)
    assert entry["word"] == entry["word"].strip() and "  " not in entry["word"]
    found = _units_found(entry["example"])
    assert any(entry["word"] in _conjuncts(unit) for unit in found), found


LONERS = [entry for entry in DATA["units"] if entry.get("joins_list") is False]


@pytest.mark.parametrize("entry", LONERS, ids=[e["word"] for e in LONERS])
def test_non_joining_unit_is_not_coordinated(entry):
    assert entry["joins_list"] is False
    text = f"đã hỗ trợ 2.146 đoàn viên, {entry['word']} trên địa bàn"
    assert _units_found(text) == ["đoàn viên"]


@pytest.mark.parametrize("entry", DATA["coordinators"], ids=[e["word"] for e in DATA["coordinators"]])
def test_coordinator_entry(entry):
    assert set(entry) == {"word", "example"}
    assert any(entry["word"] in unit for unit in _units_found(entry["example"]))


@pytest.mark.parametrize("entry", DATA["genders"], ids=[e["word"] for e in DATA["genders"]])
def test_gender_entry(entry):
    assert set(entry) == {"word", "example"}
    assert any(entry["word"] in unit.split(" ") for unit in _units_found(entry["example"]))


@pytest.mark.parametrize(
    "entry", DATA["classifiers"], ids=[f"{e['word']}-{i}" for i, e in enumerate(DATA["classifiers"])]
)
def test_classifier_entry(entry):
    assert set(entry) == {"word", "example"}
    found = _units_found(entry["example"])
    assert any(unit.split(" ")[0] == entry["word"] for unit in found), found


def test_units_are_unique():
    assert len(UNITS) == len(set(UNITS))


@pytest.mark.parametrize("entry", DATA["not_count_after"], ids=[e["word"] for e in DATA["not_count_after"]])
def test_blocking_word_entry(entry):
    """The example has a number right after the word, followed by a unit: it must be skipped."""
    assert set(entry) == {"word", "example"}
    example = entry["example"]
    position = example.lower().index(entry["word"]) + len(entry["word"]) + 1
    assert example[position].isdigit()
    assert all(item.end <= position or item.start > position for item in find_counts(example))
    unblocked = example[:position] + "; " + example[position:]
    assert any(item.start == position + 2 for item in find_counts(unblocked))


@pytest.mark.parametrize("entry", DATA["count_after"], ids=[e["word"] for e in DATA["count_after"]])
def test_counting_word_entry(entry):
    assert set(entry) == {"word", "example"}
    example = entry["example"]
    position = example.index(entry["word"]) + len(entry["word"]) + 1
    assert any(item.start == position for item in find_counts(example))


@pytest.mark.parametrize("entry", DATA["quoted_names"], ids=[e["open"] for e in DATA["quoted_names"]])
def test_quoted_name_entry(entry):
    assert set(entry) == {"open", "close", "example"}
    found = find_counts(entry["example"])
    assert any(
        entry["example"][item.start : item.end].endswith(entry["close"]) and entry["open"] not in item.attrs["unit"]
        for item in found
    ), found
