"""Text typed without diacritics, and OCR-noised text, still yields values and organisations.

Tables of real phrasings of the corpus, written without diacritics (as from a keyboard
without Vietnamese input) or with the slips of an OCR, with the values the recognisers
must read from them. The vocabulary is the same data as for text with diacritics: each
entry is also accepted without its marks, but only in a text that has none.
"""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.counts import find_counts
from extractor.dates import find_dates
from extractor.docrefs import find_docrefs
from extractor.linking import PhraseTable, is_unaccented, words
from extractor.money import find_money, parse_money
from extractor.numbers import parse_number, qualifier_of
from extractor.organisations import find_organisations, link_organisation
from extractor.spelling import WrittenIndex, other_tone_placement, unaccent, written_forms


def _values(found, text):
    return [(text[f.start : f.end], f.attrs.get("value")) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lien doan Lao dong tinh Son La ho tro 127 doan vien so tien 126.100.000 dong", True),
        ("Liên đoàn Lao động tỉnh Sơn La hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng", False),
        ("Hoi nghi Ban Chap hanh LDLD tinh lan thu 10, khoa XV", True),
        ("TP. HCM, UBND, LĐLĐ", False),
        ("2024", False),
        ("", False),
    ],
    ids=["unaccented", "accented", "unaccented-with-abbreviations", "abbreviations-only", "digits", "empty"],
)
def test_unaccented_text_is_detected(text: str, expected: bool) -> None:
    assert is_unaccented(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ho tro CNVCLD gap kho khan so tien 119,5 trieu dong", [("119,5 trieu dong", 119_500_000)]),
        ("tong kinh phi ho tro gan 3 ty dong", [("3 ty dong", 3_000_000_000)]),
        ("voi so tien 3 ty 640 trieu dong", [("3 ty 640 trieu dong", 3_640_000_000)]),
        ("moi suat tri gia tu 500.000 den 1 trieu dong", [("500.000", 500_000), ("1 trieu dong", 1_000_000)]),
        ("(Bang chu: Hai tram nam muoi trieu dong)", [("Hai tram nam muoi trieu dong", 250_000_000)]),
        ("(Bang chu: Muoi lam trieu dong)", [("Muoi lam trieu dong", 15_000_000)]),
        ("bau bo sung 5 dong chi vao Ban Chap hanh", []),
        ("doanh nghiep va nha hao tam dong gop", []),
    ],
    ids=["decimal-scale", "qualifier", "two-scales", "range", "words", "words-ten-five", "comrades", "not-eight-dong"],
)
def test_unaccented_money(text: str, expected: list) -> None:
    assert _values(find_money(text), text) == expected


def test_unaccented_money_qualifier_and_parse() -> None:
    text = "tong gia tri tren 10 ty dong"
    assert [f.attrs["qualifier"] for f in find_money(text)] == ["over"]
    assert parse_money("126.100.000 dong") == 126_100_000
    assert parse_number("hai muoi") == 20 and parse_number("muoi hai") == 12
    assert qualifier_of("tro len") == "over"


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        ("ho tro 127 doan vien co hoan canh kho khan", "127 doan vien", 127, "doan vien", None),
        ("CDCS da chu tri va tham gia tren 2.500 cuoc giam sat", "2.500 cuoc giam sat", 2500, "cuoc giam sat", "over"),
        ("Trao tong so 10.283 suat qua cho CNVCLD", "10.283 suat qua", 10283, "suat qua", None),
        ("Van dong 46.113 CNVCLD cai dat ung dung", "46.113 CNVCLD", 46113, "CNVCLD", None),
        ("tham va tang qua 07 don vi truong hoc ngoai cong lap", "07 don vi truong hoc", 7, "don vi truong hoc", None),
        ("ho tro xay dung, sua chua 80 “Mai am Cong doan”", "80 “Mai am Cong doan”", 80, "Mai am Cong doan", None),
    ],
    ids=["members", "over", "gifts", "abbreviation", "longest-unit", "quoted-name"],
)
def test_unaccented_counts(text: str, span: str, value: int, unit: str, qualifier: str | None) -> None:
    found = find_counts(text)
    assert [(text[f.start : f.end], f.attrs["value"], f.attrs["unit"], f.attrs["qualifier"]) for f in found] == [
        (span, value, unit, qualifier)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lai Chau, ngay 05 thang 8 nam 2021", [("ngay 05 thang 8 nam 2021", "2021-08-05")]),
        ("Hoat dong cong tac Cong doan thang 7/2021", [("thang 7/2021", "2021-07")]),
        ("Duoc biet, trong quy III/2020, cong doan", [("quy III/2020", "2020-Q3")]),
        ("so ket 6 thang dau nam 2017", [("6 thang dau nam 2017", "2017-H1")]),
        ("theo de an ngay 25.6.2020 ve kien toan", [("25.6.2020", "2020-06-25")]),
        ("Luat Cong doan nam 2012", [("nam 2012", "2012")]),
        ("nhiem ky 2018-2023", []),
    ],
    ids=["worded-dateline", "month", "quarter", "half", "numeric", "year", "term"],
)
def test_unaccented_dates(text: str, expected: list) -> None:
    assert _values(find_dates(text), text) == expected


@pytest.mark.parametrize(
    ("text", "span", "kind", "number", "symbol", "date"),
    [
        ("bo sung sua doi quyet dinh 722/QD-LDLD ngay 6.3.2020 cua Ban Thuong vu",
         "quyet dinh 722/QD-LDLD ngay 6.3.2020", "Quyết định", "722", "QD-LDLD", "2020-03-06"),
        ("nhat la Nghi quyet so 02-NQ/TW, ngay 12/6/2021 cua Bo Chinh tri",
         "Nghi quyet so 02-NQ/TW, ngay 12/6/2021", "Nghị quyết", "02", "NQ/TW", "2021-06-12"),
        ("theo Nghi dinh 145/2020/ND-CP cua Chinh phu", "Nghi dinh 145/2020/ND-CP", "Nghị định", "145", "ND-CP", None),
        ("Thuc hien giam sat theo Quyet dinh 217 cua Bo Chinh tri", "Quyet dinh 217", "Quyết định", "217", None, None),
        ("So: 45/BC-LDLD", "45/BC-LDLD", "Báo cáo", "45", "BC-LDLD", None),
    ],
    ids=["decision", "party-resolution", "decree-code-without-stroke", "number-only", "own-number"],
)
def test_unaccented_document_references(text, span, kind, number, symbol, date) -> None:
    found = find_docrefs(text)
    assert [(text[f.start : f.end], f.attrs["kind"], f.attrs["number"], f.attrs["symbol"], f.attrs["date"])
            for f in found] == [(span, kind, number, symbol, date)]


@pytest.mark.parametrize(
    ("text", "span", "canonical"),
    [
        ("Lien doan Lao dong tinh Son La ho tro 127 doan vien", "Lien doan Lao dong tinh Son La",
         "Liên đoàn Lao động tỉnh Sơn La"),
        ("Uy ban nhan dan tinh Lai Chau chi dao", "Uy ban nhan dan tinh Lai Chau", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("do Tong Lien doan Lao dong Viet Nam to chuc", "Tong Lien doan Lao dong Viet Nam",
         "Tổng Liên đoàn Lao động Việt Nam"),
        ("Ban Chap hanh LDLD huyen Bac Son hop", "Ban Chap hanh LDLD huyen Bac Son",
         "Ban Chấp hành Liên đoàn Lao động huyện Bắc Sơn"),
        ("Cong doan Vien chuc tinh Son La tong ket", "Cong doan Vien chuc tinh Son La", "Công đoàn Viên chức tỉnh Sơn La"),
    ],
    ids=["provincial-federation", "people's-committee", "national", "board-of-district", "sector-union"],
)
def test_unaccented_organisations(text: str, span: str, canonical: str) -> None:
    found = find_organisations(text)
    assert [(text[f.start : f.end], f.attrs["canonical"]) for f in found][:1] == [(span, canonical)]


def test_unaccented_bare_title_resolves_from_the_province() -> None:
    text = "Ong Lo Tien Son, Tinh uy vien, Chu tich LDLD tinh Lang Son chu tri. LDLD tinh tang qua."
    found = [(text[f.start : f.end], f.attrs["canonical"]) for f in find_organisations(text)]
    assert found == [("LDLD tinh Lang Son", "Liên đoàn Lao động tỉnh Lạng Sơn"),
                     ("LDLD tinh", "Liên đoàn Lao động tỉnh Lạng Sơn")]


@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        ("Bai va anh: Dang Van Bao", "Dang"),
        ("Theo ong Truong Van Hieu, Chu tich LDLD thanh pho", "Truong Van Hieu"),
        ("Chanh Van phong, Truong Ban Chinh sach phap luat", "Truong Ban Chinh"),
    ],
    ids=["surname-not-party", "surname-not-school", "title-not-school"],
)
def test_unaccented_names_and_titles_are_not_bodies(text: str, not_org: str) -> None:
    assert not_org not in [text[f.start : f.end] for f in find_organisations(text)]


def test_unaccented_linking_gives_the_canonical_name() -> None:
    assert link_organisation("Lien doan Lao dong tinh Son La") == "Liên đoàn Lao động tỉnh Sơn La"
    assert link_organisation("Lien doan Lao dong tinh Lang Son") == "Liên đoàn Lao động tỉnh Lạng Sơn"


def test_the_brief_sentence_end_to_end() -> None:
    text = "Lien doan Lao dong tinh Son La ho tro 127 doan vien so tien 126.100.000 dong"
    document = extract(text)
    assert [(e.label, e.text) for e in document.entities] == [
        ("ORG", "Lien doan Lao dong tinh Son La"), ("COUNT", "127 doan vien"), ("MONEY", "126.100.000 dong"),
    ]
    org, count, money = document.entities
    assert (org.canonical, org.level, org.province) == ("Liên đoàn Lao động tỉnh Sơn La", "province", "Sơn La")
    assert (count.value, count.unit, money.value) == (127, "doan vien", 126_100_000)


def test_unaccented_people_and_places() -> None:
    text = "Dong chi Vang A La - Chu tich LDLD tinh chu tri hoi nghi tai huyen Nam Nhun, tinh Lai Chau."
    document = extract(text)
    assert [(e.label, e.text) for e in document.entities if e.label in ("PERSON", "LOC")] == [
        ("PERSON", "Vang A La"), ("LOC", "huyen Nam Nhun"), ("LOC", "tinh Lai Chau"),
    ]


@pytest.mark.parametrize(
    ("text", "label", "span", "value"),
    [
        ("Trao tổng số 1O.283 suất quà cho CNVCLĐ", "COUNT", "1O.283 suất quà", 10283),
        ("hỗ trợ 12l đoàn viên có hoàn cảnh khó khăn", "COUNT", "12l đoàn viên", 121),
        ("với số tiền 126.100.000d, 03 đoàn viên", "MONEY", "126.100.000d", 126_100_000),
        ("với số tiền 126.1O0.000 dồng", "MONEY", "126.1O0.000 dồng", 126_100_000),
        ("theo Quyết định 2l7/QĐ-TW của Bộ Chính trị", "DOC_REF", "Quyết định 2l7/QĐ-TW", None),
        ("Chiều ngày O5/01/2024, Công đoàn", "DATE", "O5/01/2024", "2024-01-05"),
        ("tham gia trên 2.5OO cuộc giám sát", "COUNT", "2.5OO cuộc giám sát", 2500),
    ],
    ids=["O-for-0", "l-for-1", "d-for-đ", "both", "docref-number", "date", "two-letters"],
)
def test_ocr_noised_values(text: str, label: str, span: str, value) -> None:
    found = [e for e in extract(text).entities if e.label == label]
    assert [e.text for e in found] == [span]
    if label == "DOC_REF":
        assert found[0].number == "217"
    else:
        assert found[0].value == value


def test_accented_text_does_not_take_unaccented_words() -> None:
    # "sau" is "after", "nam" "south": in a text with diacritics they are not numbers nor years.
    text = "Sau khi kết thúc, miền Nam 2020 đón sau 3 tháng"
    assert find_dates(text) == [] and find_money("năm sau đồng lòng") == []


@pytest.mark.parametrize(
    ("written", "other"),
    [("thỏa thuận", "thoả thuận"), ("Uỷ ban", "Ủy ban"), ("hoà giải", "hòa giải"), ("khỏe", "khoẻ"),
     ("Thuỷ", "Thủy"), ("hoàng", "hoàng"), ("quý", "quý"), ("người", "người")],
    ids=["oa", "uy-capital", "oa-old-style", "oe", "uy", "closed-syllable", "qu", "no-choice"],
)
def test_other_tone_placement(written: str, other: str) -> None:
    assert other_tone_placement(written) == other


def test_written_forms_and_index() -> None:
    assert written_forms("đồng") == ["đồng", "dồng"]
    assert unaccent("Liên đoàn Lao động tỉnh Sơn La") == "Lien doan Lao dong tinh Son La"
    index = WrittenIndex([("Quyết định", "QĐ"), ("Quy định", "QyĐ")])
    assert (index.get("quyết định"), index.get("Quyet dinh"), index.get("quy dinh"), index.get("x")) == (
        "QĐ", "QĐ", "QyĐ", None)
    ambiguous = WrittenIndex([("mười", 10), ("mươi", "tens")])
    assert ambiguous.get("muoi") is None and ambiguous.candidates("muoi") == [10, "tens"]


def test_phrase_table_compares_without_marks_only_in_unaccented_text() -> None:
    table = PhraseTable()
    table.add("Liên đoàn Lao động", "LĐLĐ")
    table.add("bản", "village", unaccented=False)
    unaccented = "Lien doan lao dong tinh"
    assert table.match(unaccented, words(unaccented), 0) == (4, "LĐLĐ")
    mixed = "Liên đoàn Lao động và Lien doan lao dong"
    assert table.match(mixed, words(mixed), 4) is None
    board = "Ban Kiem tra"
    assert table.match(board, words(board), 0) is None
