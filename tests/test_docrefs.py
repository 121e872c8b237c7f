"""Tests for extractor.docrefs.find_docrefs."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import load_resource
from extractor.dates import find_dates
from extractor.docrefs import find_docrefs
from extractor.found import Found

# Exactly these: the pipeline feeds them to schemas.DocRefEntity (extra keys are rejected).
ATTR_KEYS = {"kind", "number", "symbol", "issuer", "year", "date", "date_start", "date_end"}


def refs(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_docrefs(text)]


def the_ref(text: str, span: str) -> Found:
    hits = [f for f in find_docrefs(text) if text[f.start:f.end] == span]
    assert len(hits) == 1, f"{span!r} not found once in {refs(text)}"
    return hits[0]


def expected_attrs(text: str, date_text: str | None = None, **given_attrs) -> dict:
    """Full attrs: unspecified keys are None; date_start/end located from ``date_text``."""
    attrs = dict.fromkeys(ATTR_KEYS)
    attrs.update(given_attrs)
    if date_text is not None:
        start = text.index(date_text)
        attrs.update(date_start=start, date_end=start + len(date_text))
    return attrs


# (sentence, span, date_text or None, attrs)
POSITIVE = {
    "decision-dot-date": (
        "Theo đó, bổ sung sửa đổi quyết định 722/QĐ-LĐLĐ ngày 6.3.2020 của Ban Thường vụ LĐLĐ "
        "tỉnh nội dung hỗ trợ cho các cấp công đoàn",
        "quyết định 722/QĐ-LĐLĐ ngày 6.3.2020", "6.3.2020",
        dict(kind="Quyết định", number="722", symbol="QĐ-LĐLĐ", issuer="LĐLĐ",
             date="2020-03-06")),
    "project-dot-date": (
        "Hội nghị thông qua phương án sắp xếp cán bộ theo đề án 818/ĐA-LĐLĐ ngày 25.6.2020 "
        "về “Kiện toàn, sắp xếp, nâng cao hiệu quả hoạt động của tổ chức công đoàn”.",
        "đề án 818/ĐA-LĐLĐ ngày 25.6.2020", "25.6.2020",
        dict(kind="Đề án", number="818", symbol="ĐA-LĐLĐ", issuer="LĐLĐ", date="2020-06-25")),
    "party-resolution-comma-date": (
        "nhất là Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị về đổi mới tổ chức",
        "Nghị quyết số 02-NQ/TW, ngày 12/6/2021", "12/6/2021",
        dict(kind="Nghị quyết", number="02", symbol="NQ/TW", issuer="TW", date="2021-06-12")),
    "party-resolution-provincial": (
        "gắn với thực hiện Nghị quyết số 11-NQ/TU ngày 11/02/2018 của Ban Chấp hành Đảng bộ tỉnh",
        "Nghị quyết số 11-NQ/TU ngày 11/02/2018", "11/02/2018",
        dict(kind="Nghị quyết", number="11", symbol="NQ/TU", issuer="TU", date="2018-02-11")),
    "decree-with-year": (
        "hướng dẫn chấm điểm việc thực hiện Quy chế dân chủ cơ sở theo Nghị định "
        "145/2020/NĐ-CP; của Chính Phủ.",
        "Nghị định 145/2020/NĐ-CP", None,
        dict(kind="Nghị định", number="145", symbol="NĐ-CP", issuer="CP", year=2020)),
    "number-with-letter": (
        "5. Ban hành kế hoạch sơ kết Nghị quyết 7c/NQ-BCH, ngày 25/2/2016 của Ban Chấp hành "
        "Tổng LĐLĐ Việt Nam về chất lượng bữa ăn ca",
        "Nghị quyết 7c/NQ-BCH, ngày 25/2/2016", "25/2/2016",
        dict(kind="Nghị quyết", number="7c", symbol="NQ-BCH", issuer="BCH", date="2016-02-25")),
    "spaces-in-symbol": (
        "Nghị quyết 68/NQ - CP của Chính Phủ về một số chính sách hỗ trợ người lao động",
        "Nghị quyết 68/NQ - CP", None,
        dict(kind="Nghị quyết", number="68", symbol="NQ-CP", issuer="CP")),
    "no-spaces-in-symbol": (
        "theo Nghị quyết 68/NQ-CP của Chính phủ", "Nghị quyết 68/NQ-CP", None,
        dict(kind="Nghị quyết", number="68", symbol="NQ-CP", issuer="CP")),
    "directive-pm": (
        "Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ về bảo đảm việc làm bền vững",
        "Chỉ thị số 16/CT-TTg", None,
        dict(kind="Chỉ thị", number="16", symbol="CT-TTg", issuer="TTg")),
    "directive-doubled-ngay": (
        "tổng kết 10 năm thực hiện Chỉ thị 20-CT/TU, ngày ngày 17/7/2007 của Ban Thường vụ "
        "Tỉnh Ủy về tăng cường lãnh đạo",
        "Chỉ thị 20-CT/TU, ngày ngày 17/7/2007", "17/7/2007",
        dict(kind="Chỉ thị", number="20", symbol="CT/TU", issuer="TU", date="2007-07-17")),
    "conclusion": (
        "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện",
        "Kết luận số 01-KL/TW, ngày 18/5/2021", "18/5/2021",
        dict(kind="Kết luận", number="01", symbol="KL/TW", issuer="TW", date="2021-05-18")),
    "decision-party": (
        "giám sát thực hiện Quy chế dân chủ tại các đơn vị trường học theo Quyết định "
        "217/QĐ-TW của Bộ Chính trị.",
        "Quyết định 217/QĐ-TW", None,
        dict(kind="Quyết định", number="217", symbol="QĐ-TW", issuer="TW")),
    "number-only-cua": (
        "Thực hiện giám sát theo Quyết định 217 của Bộ Chính trị; kiểm tra, giám sát",
        "Quyết định 217", None, dict(kind="Quyết định", number="217")),
    "number-only-so": (
        "về tiếp tục thực hiện Chỉ thị số 05 về “Đẩy mạnh học tập và làm theo tư tưởng”",
        "Chỉ thị số 05", None, dict(kind="Chỉ thị", number="05")),
    "number-only-with-date": (
        "theo Quyết định 217 ngày 12/6/2021", "Quyết định 217 ngày 12/6/2021", "12/6/2021",
        dict(kind="Quyết định", number="217", date="2021-06-12")),
    "bare-symbol": (
        "theo 722/QĐ-LĐLĐ của Ban Thường vụ", "722/QĐ-LĐLĐ", None,
        dict(kind="Quyết định", number="722", symbol="QĐ-LĐLĐ", issuer="LĐLĐ")),
    "bare-party-symbol": (
        "quán triệt 02-NQ/TW đến toàn thể đoàn viên", "02-NQ/TW", None,
        dict(kind="Nghị quyết", number="02", symbol="NQ/TW", issuer="TW")),
    "report-header": (
        "LĐLĐ TỈNH LAI CHÂU\nSố: 123/BC-LĐLĐ\nLai Châu, ngày 05 tháng 8 năm 2021",
        "123/BC-LĐLĐ", None,
        dict(kind="Báo cáo", number="123", symbol="BC-LĐLĐ", issuer="LĐLĐ")),
    "header-without-code": (
        "Số: 45/LĐLĐ\nV/v tổ chức Tháng Công nhân", "45/LĐLĐ", None,
        dict(number="45", symbol="LĐLĐ", issuer="LĐLĐ")),
    "official-letter-no-code": (
        "thực hiện Công văn số 45/LĐLĐ về việc tổ chức Tháng Công nhân",
        "Công văn số 45/LĐLĐ", None,
        dict(kind="Công văn", number="45", symbol="LĐLĐ", issuer="LĐLĐ")),
    "guidance": (
        "thực hiện theo Hướng dẫn số 03/HD-TLĐ của Tổng Liên đoàn", "Hướng dẫn số 03/HD-TLĐ",
        None, dict(kind="Hướng dẫn", number="03", symbol="HD-TLĐ", issuer="TLĐ")),
    "circular-with-year": (
        "chế độ theo Thông tư 36/2015/TT-BLĐTBXH của Bộ", "Thông tư 36/2015/TT-BLĐTBXH", None,
        dict(kind="Thông tư", number="36", symbol="TT-BLĐTBXH", issuer="BLĐTBXH", year=2015)),
    "uppercase-kind": (
        "NGHỊ QUYẾT SỐ 02-NQ/TW CỦA BỘ CHÍNH TRỊ", "NGHỊ QUYẾT SỐ 02-NQ/TW", None,
        dict(kind="Nghị quyết", number="02", symbol="NQ/TW", issuer="TW")),
    "worded-date-clause": (
        "triển khai Kế hoạch số 45/KH-LĐLĐ ngày 28 tháng 7 năm 2021 của Ban Thường vụ",
        "Kế hoạch số 45/KH-LĐLĐ ngày 28 tháng 7 năm 2021", "ngày 28 tháng 7 năm 2021",
        dict(kind="Kế hoạch", number="45", symbol="KH-LĐLĐ", issuer="LĐLĐ", date="2021-07-28")),
    "yearless-date-clause": (
        "theo Thông báo số 12/TB-LĐLĐ ngày 28/7 của Thường trực",
        "Thông báo số 12/TB-LĐLĐ ngày 28/7", "28/7", dict(kind="Thông báo", number="12", symbol="TB-LĐLĐ", issuer="LĐLĐ", date=None)),
    "party-regulation-code": (
        "thực hiện Quy định số 08-QĐi/TW của Ban Chấp hành Trung ương", "Quy định số 08-QĐi/TW",
        None, dict(kind="Quy định", number="08", symbol="QĐi/TW", issuer="TW")),
    "law-title-before-number": (
        "Căn cứ Luật Công đoàn số 50/2024/QH15 ngày 27/11/2024;",
        "Luật Công đoàn số 50/2024/QH15 ngày 27/11/2024", "27/11/2024",
        dict(kind="Luật", number="50", symbol="QH15", issuer="QH15", year=2024, date="2024-11-27")),
    "code-title-before-number": (
        "theo Bộ luật Lao động số 45/2019/QH14 về thương lượng tập thể",
        "Bộ luật Lao động số 45/2019/QH14", None,
        dict(kind="Bộ luật", number="45", symbol="QH14", issuer="QH14", year=2019)),
    "law-with-number": (
        "Luật số 12/2012/QH13 ngày 20/6/2012", "Luật số 12/2012/QH13 ngày 20/6/2012", "20/6/2012",
        dict(kind="Luật", number="12", symbol="QH13", issuer="QH13", year=2012,
             date="2012-06-20")),
    "multi-part-issuer": (
        "Thông tư liên tịch số 03/2016/TTLT-BLĐTBXH-TLĐ hướng dẫn",
        "Thông tư liên tịch số 03/2016/TTLT-BLĐTBXH-TLĐ", None,
        dict(kind="Thông tư liên tịch", number="03", symbol="TTLT-BLĐTBXH-TLĐ",
             issuer="BLĐTBXH-TLĐ", year=2016)),
    "line-break-after-kind": (
        "quán triệt Nghị quyết\nsố 02-NQ/TW của Bộ Chính trị", "Nghị quyết\nsố 02-NQ/TW", None,
        dict(kind="Nghị quyết", number="02", symbol="NQ/TW", issuer="TW")),
    "so-colon": (
        "Quyết định số: 12/QĐ-CĐN", "Quyết định số: 12/QĐ-CĐN", None,
        dict(kind="Quyết định", number="12", symbol="QĐ-CĐN", issuer="CĐN")),
    "kind-word-beats-code": (
        "Quy định 205-QĐ/TW của Bộ Chính trị", "Quy định 205-QĐ/TW", None,
        dict(kind="Quy định", number="205", symbol="QĐ/TW", issuer="TW")),
}


@pytest.mark.parametrize(("text", "span", "date_text", "attrs"), list(POSITIVE.values()),
                         ids=list(POSITIVE))
def test_find_docrefs_positive(text, span, date_text, attrs):
    f = the_ref(text, span)
    assert f.label == "DOC_REF"
    assert f.attrs == expected_attrs(text, date_text, **attrs)


def test_date_offsets_are_the_date_recogniser_spans():
    text = "Nghị quyết số 02-NQ/TW, ngày 12/6/2021 và Chỉ thị 20-CT/TU, ngày ngày 17/7/2007"
    dates = {(f.start, f.end) for f in find_dates(text)}
    for ref in find_docrefs(text):
        assert (ref.attrs["date_start"], ref.attrs["date_end"]) in dates
        assert ref.end == ref.attrs["date_end"]


def test_whole_report_paragraph():
    text = (
        "nhất là Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “đổi mới tổ chức”; "
        "Nghị quyết 68/NQ - CP của Chính Phủ về một số chính sách; Chỉ thị số 16/CT-TTg của "
        "Thủ tướng Chính phủ; Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục "
        "thực hiện Chỉ thị số 05 về “Đẩy mạnh học tập”; các biện pháp phòng, chống dịch bệnh "
        "Covid-19..."
    )
    assert refs(text) == [
        "Nghị quyết số 02-NQ/TW ngày 12/6/2021",
        "Nghị quyết 68/NQ - CP",
        "Chỉ thị số 16/CT-TTg",
        "Kết luận số 01-KL/TW, ngày 18/5/2021",
        "Chỉ thị số 05",
    ]


NEGATIVE = {
    "kind-word-without-number": "Quyết định công nhận kết quả bầu bổ sung ủy viên Ban Chấp hành",
    "congress-roman-numeral": "đồng chí đã quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam",
    "plain-date": "ngày 12/6/2021",
    "covid": "do đại dịch COVID-19",
    "so-without-kind": "cách ly tập trung (tại cơ sở số 2) với tổng số tiền 3.600.000 đồng",
    "verb-with-count": "Ban Thường vụ quyết định 3 vấn đề quan trọng",
    "five-year-plan": "thực hiện kế hoạch 5 năm của tỉnh",
    "report-count": "báo cáo 12 vụ việc",
    "kind-with-date-number": "Quyết định 12/6/2021 của Ban",
    "kind-with-thousands": "hướng dẫn số 1.500 đoàn viên",
    "kind-with-percent": "kết luận 90% đơn vị",
    "no-code-without-label": "đạt 3/TW",
    "fraction": "đạt 2/3 số đơn vị",
    "lowercase-letters-after-slash": "12/Ban Thường vụ",
    "plan-names": "Ban Chấp hành đã xây dựng 8 chương trình hành động",
    "plan-of-a-year": "triển khai Kế hoạch 2021 của tỉnh",
    "law-title-runs-into-clause": "Luật Công đoàn quy định từ năm 2012",
    "law-without-year": "thực hiện tốt Luật Công đoàn, Luật Lao động",
    "law-title-year": "quyền và trách nhiệm của công đoàn theo Luật Công đoàn 2012 và các văn bản",
    "law-title-nam-year": "quy định của Bộ luật Lao động năm 2019 về thương lượng tập thể",
    "empty": "",
}


@pytest.mark.parametrize("text", list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_find_docrefs_negative(text):
    assert find_docrefs(text) == []


# ----------------------------------------------------------------------- properties
KINDS = load_resource("doc_kinds.yaml")
CODED = [(e["kind"], code) for e in KINDS for code in e.get("codes") or ()]
ISSUERS = ["LĐLĐ", "TW", "CP", "TTg", "TU", "BCH", "TLĐ", "BLĐTBXH", "UBND", "ĐU"]


@settings(max_examples=200, deadline=None)
@given(
    coded=st.sampled_from(CODED),
    number=st.integers(1, 9999).map(str),
    issuer=st.sampled_from(ISSUERS),
    party=st.booleans(),
    day=st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31))),
)
def test_generated_bare_references(coded, number, issuer, party, day):
    kind, code = coded
    written = f"{number}-{code}/{issuer}" if party else f"{number}/{code}-{issuer}"
    if day is not None:
        written += f", ngày {day.day}/{day.month}/{day.year}"
    text = f"Thực hiện {written} của cấp trên."
    found = find_docrefs(text)
    assert refs(text) == [written]
    attrs = found[0].attrs
    assert (attrs["kind"], attrs["number"], attrs["issuer"]) == (kind, number, issuer)
    assert attrs["symbol"] == (f"{code}/{issuer}" if party else f"{code}-{issuer}")
    assert attrs["date"] == (day.isoformat() if day else None)


def _check_well_formed(text: str, found: list[Found]) -> None:
    previous_end = 0
    for f in found:
        assert f.label == "DOC_REF"
        assert previous_end <= f.start < f.end <= len(text)
        previous_end = f.end
        assert set(f.attrs) == ATTR_KEYS
        if f.attrs["date_start"] is not None:
            assert f.start <= f.attrs["date_start"] < f.attrs["date_end"] <= f.end


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_unicode_never_raises(text):
    _check_well_formed(text, find_docrefs(text))


REFISH = st.text(alphabet="0123456789/-:, .QĐNTWCPKHLcgiysố ngàyQuyếtđịnhChỉthị\n", max_size=60)


@settings(max_examples=400, deadline=None)
@given(REFISH)
def test_refish_noise_never_raises(text):
    _check_well_formed(text, find_docrefs(text))


# --------------------------------------------------------------------------- data
CODE_SHAPE = re.compile(r"[A-ZĐ]{1,}[a-zĐ]?[A-ZĐ]*")


@pytest.mark.parametrize("entry", KINDS, ids=lambda e: e["kind"])
def test_kind_entry(entry):
    assert set(entry) <= {"kind", "words", "codes", "titled", "example", "note"}
    assert entry["kind"][0].isupper()
    assert entry["words"] and all(w == w.casefold() and w.strip() == w for w in entry["words"])
    assert all(CODE_SHAPE.fullmatch(c) and sum(ch.isupper() for ch in c) >= 2
               for c in entry.get("codes") or ())
    example = entry["example"]
    kinds = [f.attrs["kind"] for f in find_docrefs(example)]
    assert entry["kind"] in kinds, (example, kinds)


def test_kind_words_and_codes_are_unique():
    words = [w for e in KINDS for w in e["words"]]
    codes = [c for e in KINDS for c in e.get("codes") or ()]
    kinds = [e["kind"] for e in KINDS]
    assert len(set(words)) == len(words)
    assert len(set(codes)) == len(codes)
    assert len(set(kinds)) == len(kinds)


@pytest.mark.parametrize("entry", load_resource("docref_words.yaml"), ids=lambda e: e["role"])
def test_docref_words_entry(entry):
    assert set(entry) <= {"role", "words", "example", "note"}
    assert entry["words"] and all(isinstance(w, str) and w for w in entry["words"])
    example = entry["example"]
    found = find_docrefs(example)
    assert found, example
    assert any(w in example for w in entry["words"])
