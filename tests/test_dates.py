"""Tests for extractor.dates: find_dates and parse_date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import load_resource
from extractor.dates import day_words, find_dates, parse_date, year_words
from extractor.found import Found

YY_PIVOT = dt.date.today().year % 100 + 1  # the contract's two-digit-year rule


def spans(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_dates(text)]


def the_date(text: str, span: str) -> Found:
    """The single DATE whose evidence is exactly ``span``."""
    hits = [f for f in find_dates(text) if text[f.start:f.end] == span]
    assert len(hits) == 1, f"{span!r} not found once in {spans(text)}"
    return hits[0]


# --------------------------------------------------------------------- positive table
# (sentence, span, value, precision, time, (year, month, day), part)
POSITIVE = {
    "dot-dmy-in-docref": (
        "Hội nghị thông qua phương án sắp xếp cán bộ theo đề án 818/ĐA-LĐLĐ ngày 25.6.2020 "
        "về “Kiện toàn, sắp xếp, nâng cao hiệu quả hoạt động của tổ chức công đoàn”.",
        "25.6.2020", "2020-06-25", "day", None, (2020, 6, 25), None),
    "dot-dmy-deadline": (
        "thời gian thực hiện từ nay đến 15.11.2020.",
        "15.11.2020", "2020-11-15", "day", None, (2020, 11, 15), None),
    "dot-dmy-single-digits": (
        "bổ sung sửa đổi quyết định 722/QĐ-LĐLĐ ngày 6.3.2020 của Ban Thường vụ LĐLĐ tỉnh",
        "6.3.2020", "2020-03-06", "day", None, (2020, 3, 6), None),
    "slash-day-first": (
        " Chiều ngày 05/01/2024, Công đoàn Viên chức tỉnh Sơn La tổ chức Hội nghị tổng kết",
        "05/01/2024", "2024-01-05", "day", None, (2024, 1, 5), None),
    "dash-two-digit-year-with-time-before": (
        "tổ chức Hội nghị tổng kết hoạt động công đoàn năm 2023\n\n17:30 08-01-24\n\n Chiều ngày",
        "17:30 08-01-24", "2024-01-08", "day", "17:30", (2024, 1, 8), None),
    "dash-two-digit-year": (
        "Cập nhật 08-01-24", "08-01-24", "2024-01-08", "day", None, (2024, 1, 8), None),
    "worded-lowercase-ngay": (
        "Hội nghị khai mạc ngày 28 tháng 07 năm 2021 tại hội trường",
        "ngày 28 tháng 07 năm 2021", "2021-07-28", "day", None, (2021, 7, 28), None),
    "worded-capital-ngay-dateline": (
        "Đỗ Phương\n\nNgày 28 tháng 07 năm 2021\n\nThực hiện mục tiêu tổng quát",
        "Ngày 28 tháng 07 năm 2021", "2021-07-28", "day", None, (2021, 7, 28), None),
    "weekday-worded-time-after": (
        "vì sự phát triển bền vững của tỉnh.\n\nThứ năm, 06 Tháng 7 2017 22:43\n\nLIÊN ĐOÀN",
        "Thứ năm, 06 Tháng 7 2017 22:43", "2017-07-06", "day", "22:43", (2017, 7, 6), None),
    "web-stamp-time-after-dash": (
        "QUẢNG TRỊ\n\nThứ Bảy, 24/10/2020 - 16:45\n\nSáng 23/10, LĐLĐ tỉnh",
        "Thứ Bảy, 24/10/2020 - 16:45", "2020-10-24", "day", "16:45", (2020, 10, 24), None),
    "worded-without-ngay": (
        "Hội nghị lần thứ 10 họp 04 tháng 7 năm 2017, bầu bổ sung 03 đồng chí",
        "04 tháng 7 năm 2017", "2017-07-04", "day", None, (2017, 7, 4), None),
    "worded-after-hop-ngay": (
        "Ban Chấp hành Liên đoàn Lao động tỉnh (LĐLĐ), họp ngày 04 tháng 7 năm 2017, bầu bổ sung",
        "ngày 04 tháng 7 năm 2017", "2017-07-04", "day", None, (2017, 7, 4), None),
    "worded-mong": (
        "kỷ niệm ngày mồng 2 tháng 9 năm 2021", "ngày mồng 2 tháng 9 năm 2021",
        "2021-09-02", "day", None, (2021, 9, 2), None),
    "month-slash-year": (
        "Tổng hợp kết quả tháng 7/2021 của các cấp công đoàn",
        "tháng 7/2021", "2021-07", "month", None, (2021, 7, None), None),
    "month-nam-year": (
        "Báo cáo hoạt động tháng 7 năm 2021 của LĐLĐ tỉnh",
        "tháng 7 năm 2021", "2021-07", "month", None, (2021, 7, None), None),
    "month-capital": (
        "Tháng 8 năm 2021 tổ chức hội nghị", "Tháng 8 năm 2021", "2021-08", "month", None,
        (2021, 8, None), None),
    "month-in-heading-after-yearless": (
        "Hoạt động công tác Công đoàn tháng 7, nhiệm vụ trọng tâm tháng 8 năm 2021",
        "tháng 8 năm 2021", "2021-08", "month", None, (2021, 8, None), None),
    "month-uppercase": (
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 8 NĂM 2021", "THÁNG 8 NĂM 2021", "2021-08", "month",
        None, (2021, 8, None), None),
    "year-after-nam": (
        "Hội nghị tổng kết hoạt động công đoàn năm 2023", "năm 2023", "2023", "year", None,
        (2023, None, None), None),
    "year-facebook": (
        "Triển khai cuộc thi ảnh trên mạng xã hội Facebook năm 2020 thu hút 70 tác giả",
        "năm 2020", "2020", "year", None, (2020, None, None), None),
    "year-capital": (
        "Năm 2023 Công đoàn Viên chức tỉnh đã bám sát", "Năm 2023", "2023", "year", None,
        (2023, None, None), None),
    "year-after-thang-cong-nhan": (
        "dự kiến thực hiện vào Tháng Công nhân năm 2021, nguồn kinh phí",
        "năm 2021", "2021", "year", None, (2021, None, None), None),
    "year-dau-nam": (
        "Từ đầu năm 2021 đến nay thành lập mới 11 CĐCS", "năm 2021", "2021", "year", None,
        (2021, None, None), None),
    "quarter-roman-slash": (
        "Được biết, trong quý III/2020, công đoàn Sơn La đã hoàn thành",
        "quý III/2020", "2020-Q3", "quarter", None, (2020, None, None), 3),
    "quarter-arabic-slash": (
        "kết quả quý 3/2020 của công đoàn", "quý 3/2020", "2020-Q3", "quarter", None,
        (2020, None, None), 3),
    "quarter-roman-nam": (
        "kết quả quý III năm 2020 của công đoàn", "quý III năm 2020", "2020-Q3", "quarter",
        None, (2020, None, None), 3),
    "half-first": (
        "Hội nghị sơ kết hoạt động công đoàn 6 tháng đầu năm 2017; thống nhất các văn bản",
        "6 tháng đầu năm 2017", "2017-H1", "half", None, (2017, None, None), 1),
    "half-second": (
        "triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2021.",
        "6 tháng cuối năm 2021", "2021-H2", "half", None, (2021, None, None), 2),
    "half-uppercase": (
        "HỌP BAN CHẤP HÀNH KỲ THỨ 10 - SƠ KẾT 6 THÁNG ĐẦU NĂM 2017",
        "6 THÁNG ĐẦU NĂM 2017", "2017-H1", "half", None, (2017, None, None), 1),
    "half-wrapped-whitespace": (
        "báo cáo công tác 6 tháng      đầu năm 2017", "6 tháng      đầu năm 2017", "2017-H1",
        "half", None, (2017, None, None), 1),
    "half-yearless": (
        "sơ kết phong trào CNVCLĐ và hoạt động công đoàn 6 tháng đầu năm, triển khai",
        "6 tháng đầu năm", None, "half", None, (None, None, None), 1),
    "slash-docref-date": (
        "nhất là Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị",
        "12/6/2021", "2021-06-12", "day", None, (2021, 6, 12), None),
    "slash-zero-month": (
        "Nghị quyết số 11-NQ/TU ngày 11/02/2018 của Ban Chấp hành Đảng bộ tỉnh",
        "11/02/2018", "2018-02-11", "day", None, (2018, 2, 11), None),
    "slash-after-doubled-ngay": (
        "tổng kết 10 năm thực hiện Chỉ thị 20-CT/TU, ngày ngày 17/7/2007 của Ban Thường vụ",
        "17/7/2007", "2007-07-17", "day", None, (2007, 7, 17), None),
    "slash-conclusion": (
        "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị", "18/5/2021", "2021-05-18",
        "day", None, (2021, 5, 18), None),
    "yearless-after-ngay": (
        "tuyên truyền kỷ niệm ngày 28/7 trong toàn tỉnh", "28/7", None, "day", None,
        (None, 7, 28), None),
    "yearless-after-holiday": (
        "2. Tổ chức các hoạt động chào mừng Ngày Phụ nữ Việt Nam 20/10.", "20/10", None, "day", None,
        (None, 10, 20), None),
    "yearless-range-start": (
        "tổ chức từ 28/7 đến 30/7/2021 tại tỉnh", "28/7", None, "day", None, (None, 7, 28),
        None),
    "yearless-month": (
        "I. KẾT QUẢ HOẠT ĐỘNG CÔNG ĐOÀN THÁNG 7\n\n1. Tiếp tục", "THÁNG 7", None, "month",
        None, (None, 7, None), None),
    "yearless-worded": (
        "Hội nghị họp ngày 04 tháng 7, bầu bổ sung", "ngày 04 tháng 7", None, "day", None,
        (None, 7, 4), None),
    "weekday-numeric": (
        "Chủ nhật, 12/6/2021", "Chủ nhật, 12/6/2021", "2021-06-12", "day", None,
        (2021, 6, 12), None),
    "time-after-h": (
        "Hội nghị bắt đầu 12/6/2021 8h30 tại hội trường", "12/6/2021 8h30", "2021-06-12",
        "day", "08:30", (2021, 6, 12), None),
    "two-digit-year-slash": (
        "Cập nhật 12/6/21", "12/6/21", "2021-06-12", "day", None, (2021, 6, 12), None),
    "iso": (
        "export 2021-07-28", "2021-07-28", "2021-07-28", "day", None, (2021, 7, 28), None),
}


@pytest.mark.parametrize(
    ("text", "span", "value", "precision", "time", "parts", "part"),
    list(POSITIVE.values()),
    ids=list(POSITIVE),
)
def test_find_dates_positive(text, span, value, precision, time, parts, part):
    f = the_date(text, span)
    assert f.label == "DATE"
    assert f.attrs == {
        "value": value,
        "precision": precision,
        "time": time,
        "year": parts[0],
        "month": parts[1],
        "day": parts[2],
        "part": part,
    }


# ------------------------------------------------------------- whole-sentence spans
ALL_SPANS = {
    "range-parenthesised": (
        "kỷ niệm 49 năm Ngày Giải phóng Miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2024) "
        "và 138 năm Ngày Quốc tế lao động (01/5/1886 - 01/5/2024)",
        ["30/4/1975", "30/4/2024", "01/5/1886", "01/5/2024"]),
    "range-space-after-dash-only": (
        "kỷ niệm 92 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929- 28/7/2021); 110 năm",
        ["28/7/1929", "28/7/2021"]),
    "range-no-spaces": (
        "Chủ tịch Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam (08/8/1921-08/8/2021)...",
        ["08/8/1921", "08/8/2021"]),
    "term-is-not-a-date": (
        "Đại hội XIV Công đoàn tỉnh, nhiệm kỳ 2018-2023: “Tiếp tục đổi mới nội dung”", []),
    "term-spaced": ("đại hội công đoàn tỉnh khóa XVI nhiệm kỳ 2018 - 2023.", []),
    "term-2021-2026": ("đại biểu HĐND các cấp nhiệm kỳ 2021-2026, các biện pháp", []),
    "period-giai-doan": ("lao động Sơn La, giai đoạn 2017 - 2022” nhằm tăng cường", []),
    "school-year": ("3. Xét thi đua, khen thưởng năm học 2020 - 2021; xét đề nghị", []),
    "year-range-after-nam": ("kế hoạch năm 2021-2025 của tỉnh", []),
    "month-yearless-and-month-year": (
        "Trên đây là Báo cáo hoạt động Công đoàn tháng 7; nhiệm vụ trọng tâm tháng 8 năm 2021",
        ["tháng 7", "tháng 8 năm 2021"]),
    "two-halves": (
        "sơ kết hoạt động công đoàn 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng "
        "cuối năm 2021.",
        ["6 tháng đầu năm", "6 tháng cuối năm 2021"]),
    "thang-cong-nhan": ("dự kiến thực hiện vào Tháng Công nhân năm 2021", ["năm 2021"]),
    "docref-year-is-not-a-date": (
        "hướng dẫn chấm điểm việc thực hiện Quy chế dân chủ cơ sở theo Nghị định "
        "145/2020/NĐ-CP; của Chính Phủ.", []),
    "docref-and-date": (
        "bổ sung sửa đổi quyết định 722/QĐ-LĐLĐ ngày 6.3.2020 của Ban Thường vụ", ["6.3.2020"]),
    "counts-are-not-dates": (
        "tham gia trên 2.500 cuộc giám sát; trao tổng số 10.283 suất quà; 3.600.000 đồng; "
        "số tiền 1.500.000 đồng",
        []),
}


@pytest.mark.parametrize(("text", "expected"), list(ALL_SPANS.values()), ids=list(ALL_SPANS))
def test_find_dates_all_spans(text, expected):
    assert spans(text) == expected


# ------------------------------------------------------------------- negative table
NEGATIVE = {
    "thousands": "trên 2.500 cuộc giám sát",
    "thousands-5": "Trao tổng số 10.283 suất quà",
    "millions": "với số tiền 1.500.000 đồng",
    "decree-symbol": "theo Nghị định 145/2020/NĐ-CP của Chính phủ",
    "decision-symbol": "quyết định 722/QĐ-LĐLĐ của Ban Thường vụ",
    "version": "phiên bản 1.2 của phần mềm",
    "version-three-parts": "phiên bản 1.2.3",
    "dotted-two-digit-year": "mục 2.1.10 của báo cáo",
    "feb-31": "ngày 31/2/2020",
    "month-13": "ngày 13.13.2020",
    "covid": "do dịch bệnh COVID-19 gây ra",
    "covid-lower": "phòng chống dịch bệnh Covid-19...",
    "duration-years": "kỷ niệm 92 năm Ngày thành lập Công đoàn Việt Nam",
    "duration-months": "sau 6 tháng thực hiện",
    "duration-month-day": "trong 3 tháng 7 ngày",
    "ordinal": "Hội nghị lần thứ 10 Ban Chấp hành",
    "ordinal-word": "Hội nghị Ban Chấp hành LĐLĐ tỉnh lần thứ tám",
    "bare-year": "thi đua năm học mới, nhiệm vụ 2024./.",
    "bare-year-in-law": "Luật Công đoàn 2012",
    "yearless-without-context": "đạt 2/3 số đơn vị",
    "frequency": "họp hằng tháng 2 lần",
    "not-a-quarter": "kính gửi quý vị đại biểu",
    "quarter-out-of-range": "quý 5/2020",
    "year-out-of-range": "năm 3000 lượt",
    "month-thousands": "tháng 7.500",
    "phone": "0912.345.678",
    "empty": "",
}


@pytest.mark.parametrize("text", list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_find_dates_negative(text):
    assert find_dates(text) == []


# ------------------------------------------------------------------------ parse_date
PARSE = {
    "dot": ("25.6.2020", ("2020-06-25", "day")),
    "slash": ("05/01/2024", ("2024-01-05", "day")),
    "yy": ("08-01-24", ("2024-01-08", "day")),
    "ngay-numeric": ("ngày 6.3.2020", ("2020-03-06", "day")),
    "worded": ("ngày 28 tháng 07 năm 2021", ("2021-07-28", "day")),
    "weekday-time": ("Thứ năm, 06 Tháng 7 2017 22:43", ("2017-07-06", "day")),
    "month": ("tháng 7/2021", ("2021-07", "month")),
    "year": ("năm 2021", ("2021", "year")),
    "quarter": ("quý III/2020", ("2020-Q3", "quarter")),
    "half": ("6 tháng đầu năm 2017", ("2017-H1", "half")),
    "yearless-day": ("28/7", (None, "day")),
    "yearless-month": ("tháng 7", (None, "month")),
    "yearless-half": ("6 tháng cuối năm", (None, "half")),
    "padded": ("  12/6/2021 ", ("2021-06-12", "day")),
    "value-day": ("2021-07-28", ("2021-07-28", "day")),
    "value-month": ("2021-07", ("2021-07", "month")),
    "value-year": ("2021", ("2021", "year")),
    "value-quarter": ("2020-Q3", ("2020-Q3", "quarter")),
    "value-half": ("2017-H1", ("2017-H1", "half")),
}


@pytest.mark.parametrize(("text", "expected"), list(PARSE.values()), ids=list(PARSE))
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "2.500", "31/2/2020", "13.13.2020", "COVID-19", "145/2020/NĐ-CP", "92 năm",
     "12/6/2021 và 13/6/2021", "Hội nghị ngày 12/6/2021", "2021-13", "2021-02-30", "2021-Q5",
     "1.2"],
)
def test_parse_date_rejects(text):
    with pytest.raises(ValueError):
        parse_date(text)


# ----------------------------------------------------------------------- properties
def _render(d: dt.date, style: str) -> str:
    return {
        "d.m.yyyy": f"{d.day}.{d.month}.{d.year}",
        "dd/mm/yyyy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dd-mm-yyyy": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "ngày d tháng m năm yyyy": f"ngày {d.day} tháng {d.month} năm {d.year}",
        "dd/mm/yy": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
    }[style]


FULL_RANGE = st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))
# A two-digit year can only stand for the hundred years the pivot rule maps it to.
YY_RANGE = st.dates(dt.date(1900 + YY_PIVOT + 1, 1, 1), dt.date(2000 + YY_PIVOT, 12, 31))
STYLED = st.one_of(
    st.tuples(FULL_RANGE, st.sampled_from(["d.m.yyyy", "dd/mm/yyyy", "dd-mm-yyyy",
                                           "ngày d tháng m năm yyyy"])),
    st.tuples(YY_RANGE, st.just("dd/mm/yy")),
)


@settings(max_examples=300, deadline=None)
@given(STYLED)
def test_every_valid_date_round_trips(case):
    d, style = case
    written = _render(d, style)
    text = f"Hội nghị diễn ra {written}, tại trụ sở LĐLĐ tỉnh."
    found = find_dates(text)
    assert [text[f.start:f.end] for f in found] == [written]
    assert found[0].attrs["value"] == d.isoformat()
    assert (found[0].attrs["year"], found[0].attrs["month"], found[0].attrs["day"]) == (
        d.year, d.month, d.day)
    assert parse_date(written) == (d.isoformat(), "day")


def _check_well_formed(text: str, found: list[Found]) -> None:
    previous_end = 0
    for f in found:
        assert f.label == "DATE"
        assert 0 <= previous_end <= f.start < f.end <= len(text)
        previous_end = f.end
        assert f.attrs["precision"] in {"day", "month", "year", "quarter", "half"}
        assert set(f.attrs) == {"value", "precision", "time", "year", "month", "day", "part"}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_unicode_never_raises(text):
    _check_well_formed(text, find_dates(text))


DATEISH = st.text(alphabet="0123456789./-:, hngàyNgÀYtháTHÁnămquýIVđầucốiThứ\n", max_size=60)


@settings(max_examples=400, deadline=None)
@given(DATEISH)
def test_dateish_noise_never_raises(text):
    _check_well_formed(text, find_dates(text))
    try:
        value, precision = parse_date(text)
    except ValueError:
        return
    assert precision in {"day", "month", "year", "quarter", "half"}


# --------------------------------------------------------------------------- data
DATA = load_resource("dates.yaml")
# Roles whose words end up inside the DATE span of their example.
IN_SPAN_ROLES = {"day_word", "day_prefix", "month_word", "year_word", "quarter_word",
                 "quarter_number", "first_half", "second_half", "weekday"}


def test_settings_well_formed():
    s = DATA["settings"]
    assert isinstance(s["min_year"], int) and isinstance(s["max_year"], int)
    assert s["min_year"] <= 1900 and s["max_year"] >= 2099
    assert set(s["two_digit_year_separators"]) <= set(s["numeric_separators"])
    assert all(len(sep) == 1 for sep in s["numeric_separators"])


@pytest.mark.parametrize("entry", DATA["vocabulary"], ids=lambda e: e["role"])
def test_vocabulary_entry(entry):
    assert set(entry) <= {"role", "words", "values", "example", "note"}
    assert isinstance(entry["role"], str)
    words = entry["words"]
    assert words and all(isinstance(w, str) and w.strip() == w and w for w in words)
    assert len(set(words)) == len(words)
    assert set(entry.get("values") or {}) <= set(words)
    example = entry["example"]
    found = find_dates(example)
    assert found, f"example {example!r} gives no DATE"
    folded = [example[f.start:f.end].casefold() for f in found]
    if entry["role"] in IN_SPAN_ROLES:
        assert any(w.casefold() in s for w in words for s in folded), (example, folded)
    elif entry["role"] == "yearless_context":
        assert any(f.attrs["value"] is None and f.attrs["day"] for f in found)
    elif entry["role"] == "range_word":
        assert len(found) == 2
        between = example[found[0].end:found[1].start].casefold()
        assert any(w.casefold() in between for w in words)
    elif entry["role"] == "month_blocker":
        # the month right after the blocker word is not a DATE, the other one is
        assert len(found) == 1
        assert any(w.casefold() in example[: found[0].start].casefold() for w in words)
    else:
        pytest.fail(f"role {entry['role']!r} has no test: add it to test_vocabulary_entry")


def test_helper_vocabulary():
    assert "ngày" in day_words()
    assert "năm" in year_words()
