"""Cleaning before recognition: what is joined or removed, and that offsets still lead home."""

from __future__ import annotations

import dataclasses

import pytest

from extractor import extract
from extractor.cleaning import clean_text
from extractor.data import load_resource
from extractor.normalize import Edit, normalize

CLEANING = load_resource("cleaning.yaml")

HEADER = "CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM\nVIETNAM PUBLIC SECTOR UNION"


def _names(text: str) -> list[str]:
    return [step.name for step in clean_text(text).steps]


@pytest.mark.parametrize(
    ("text", "cleaned", "steps"),
    [
        ("đoàn viên, người lao\n\nđộng. Thực hiện", "đoàn viên, người lao động. Thực hiện", ["line_join"]),
        ("chăm lo cho đoàn viên và người lao\nđộng trong tỉnh", "chăm lo cho đoàn viên và người lao động trong tỉnh",
         ["line_join"]),
        ("phát triển tổ chức công-\nđoàn vững mạnh", "phát triển tổ chức công đoàn vững mạnh", ["dehyphenation"]),
        ("Liên đoà-\nn Lao động tỉnh", "Liên đoàn Lao động tỉnh", ["dehyphenation"]),
        ("Ảnh: LĐLĐ-\nSơn La", "Ảnh: LĐLĐ Sơn La", ["dehyphenation"]),
        ("hoàn thành nhiệm vụ.\nđồng thời", "hoàn thành nhiệm vụ.\nđồng thời", []),
        ("Nơi nhận:\n- Thường trực Tỉnh ủy;\n- Lưu: VT.", "Nơi nhận:\n- Thường trực Tỉnh ủy;\n- Lưu: VT.", []),
        ("BÁO CÁO\nhoạt động công đoàn", "BÁO CÁO\nhoạt động công đoàn", []),
        ("các nội dung sau\na) Tổ chức hội nghị", "các nội dung sau\na) Tổ chức hội nghị", []),
        ("Ngày 28 tháng 07 năm 2021\n\nThực hiện mục tiêu", "Ngày 28 tháng 07 năm 2021\n\nThực hiện mục tiêu", []),
        ("Tỉnh ủy viên, Chủ tịch Liên đoàn Lao động tỉnh Sơn La\n\nTìm kiếm theo ngày",
         "Tỉnh ủy viên, Chủ tịch Liên đoàn Lao động tỉnh Sơn La\n\n", ["boilerplate"]),
        ("Trang chủ | Tin tức | Hoạt động công đoàn\nHội nghị tổng kết", "Hội nghị tổng kết", ["boilerplate"]),
        ("Đồng Thị Nghĩa\n\n[Handwritten signature of Đồng Thị Nghĩa]", "Đồng Thị Nghĩa\n\nĐồng Thị Nghĩa",
         ["transcription_marker"]),
        ("TM. BAN THƯỜNG VỤ\n[Seal]\nLò Văn Minh", "TM. BAN THƯỜNG VỤ\n\nLò Văn Minh", ["transcription_marker"]),
        ("trao 1O.283 suất quà, hỗ trợ 12l đoàn viên", "trao 10.283 suất quà, hỗ trợ 121 đoàn viên", ["ocr_digits"]),
        ("ĐOÀN VIÊN, COVID-19, F0, Quận 1O", "ĐOÀN VIÊN, COVID-19, F0, Quận 1O", []),
    ],
    ids=[
        "page-break-mid-sentence", "wrapped-line", "dehyphenation-two-syllables", "dehyphenation-one-syllable",
        "hyphen-before-capital", "sentence-ends", "list-lines", "heading-in-capitals", "list-marker",
        "dateline-paragraph", "search-box", "menu-bar", "signature-note-keeps-name", "seal-note", "ocr-digits",
        "letters-that-are-not-digits",
    ],
)
def test_cleaned_text(text: str, cleaned: str, steps: list[str]) -> None:
    cleaning = clean_text(text)
    assert cleaning.text.text == cleaned
    assert [step.name for step in cleaning.steps] == steps
    for step in cleaning.steps:
        for span in step.spans:
            assert text[span.start : span.end] == span.text


# A line break before a capital: joined only inside a name the recognisers know.
@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("Liên đoàn Lao động tỉnh Sơn\nLa tổ chức hội nghị", "Liên đoàn Lao động tỉnh Sơn La tổ chức hội nghị"),
        ("Đồng chí Vàng A\nLả - Chủ tịch LĐLĐ tỉnh chủ trì hội nghị",
         "Đồng chí Vàng A Lả - Chủ tịch LĐLĐ tỉnh chủ trì hội nghị"),
        ("Hội nghị lần thứ 10 Ban\nChấp hành Liên đoàn Lao động tỉnh",
         "Hội nghị lần thứ 10 Ban Chấp hành Liên đoàn Lao động tỉnh"),
        ("bám sát hướng dẫn của Tổng\nLiên đoàn Lao động Việt Nam",
         "bám sát hướng dẫn của Tổng Liên đoàn Lao động Việt Nam"),
        ("Ủy viên Ban Chấp hành\nTổng LĐLĐ Việt Nam", "Ủy viên Ban Chấp hành Tổng LĐLĐ Việt Nam"),
        ("Đại hội Công đoàn\nViên chức\nViệt Nam", "Đại hội Công đoàn Viên chức Việt Nam"),
        ("Công đoàn\n\nLạng Sơn tiếp tục đổi mới", "Công đoàn Lạng Sơn tiếp tục đổi mới"),
        ("LIÊN ĐOÀN LAO ĐỘNG\nTỈNH LÀO CAI", "LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI"),
        ("giáo viên Trường\nTiểu học Nhơn Bình", "giáo viên Trường Tiểu học Nhơn Bình"),
        ("Công ty cổ phần\nChè Nghĩa Lộ có 412 người lao động", "Công ty cổ phần Chè Nghĩa Lộ có 412 người lao động"),
        ("phối hợp với Sở\nLao động - Thương binh và Xã hội", "phối hợp với Sở Lao động - Thương binh và Xã hội"),
        ("LĐLĐ huyện\nTam Đường tổ chức", "LĐLĐ huyện Tam Đường tổ chức"),
        ("Nghĩa\nLộ, ngày 15 tháng 12 năm 2016", "Nghĩa Lộ, ngày 15 tháng 12 năm 2016"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n\nNAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Phát biểu kết luận, bà Nguyễn Thị\nBích Liên đề nghị", "Phát biểu kết luận, bà Nguyễn Thị Bích Liên đề nghị"),
        ("Chị\nHoàng Thị Nga, công nhân Công ty", "Chị Hoàng Thị Nga, công nhân Công ty"),
        ("CHỦ TỊCH\n\nLò Văn\nMinh", "CHỦ TỊCH\n\nLò Văn Minh"),
        ("Phạm Ngọc\n\nBích, Chủ tịch Hội đồng quản trị", "Phạm Ngọc Bích, Chủ tịch Hội đồng quản trị"),
    ],
    ids=[
        "place-name-cut", "person-name-after-honorific", "body-form-cut", "national-body-cut", "unit-before-body",
        "body-over-three-lines", "body-before-province", "heading-body-before-place", "kind-before-descriptor",
        "descriptor-before-name", "kind-before-listed-name", "unit-word-before-district", "district-name-cut",
        "country-in-the-motto", "name-after-family-name", "honorific-alone-on-its-line", "signature-name-cut",
        "name-alone-on-its-line-cut",
    ],
)
def test_a_line_break_inside_a_name_is_joined(text: str, cleaned: str) -> None:
    cleaning = clean_text(text)
    assert cleaning.text.text == cleaned
    assert [step.name for step in cleaning.steps] == ["line_join"]
    for span in cleaning.steps[0].spans:
        assert text[span.start : span.end] == span.text
        assert not span.text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "BÁO CÁO\nTình hình hoạt động công đoàn",
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH SƠN LA\nCÔNG ĐOÀN VIÊN CHỨC TỈNH",
        "TỔNG LĐLĐ VIỆT NAM\nLĐLĐ TỈNH SƠN LA",
        "TM. BAN CHẤP HÀNH CÔNG ĐOÀN\nCHỦ TỊCH",
        "Số: 45/BC-LĐLĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Thành phần gồm\nBan Thường vụ\nỦy ban Kiểm tra",
        "các nội dung sau\nA. Tổ chức hội nghị",
        "Thực hiện chỉ đạo của Liên đoàn Lao động.\nTỉnh Lào Cai đã hoàn thành",
        "Hội nghị diễn ra trong một ngày\nNguyễn Văn Hải, Chủ tịch LĐLĐ tỉnh phát biểu",
        "Đến dự có đồng chí Nguyễn Văn Hải\nPhó Chủ tịch UBND tỉnh",
        "Ảnh: Phạm Đức\nCông tác chăm lo lợi ích cho đoàn viên",
        "Ảnh: Hoàng Anh\nHoàng Anh",
        "Đỗ Phương\nLò Thành",
        "Lò Thành\nHội nghị đã thông qua nghị quyết",
        "thống nhất các văn bản\nNghị quyết số 12",
        "Báo cáo của LĐLĐ tỉnh Lai Châu\nThành lập mới 5 CĐCS",
        "phối hợp với Sở Y tế\nBáo cáo kết quả",
    ],
    ids=[
        "heading-then-paragraph", "two-line-letterhead", "letterhead-of-two-bodies", "signature-block",
        "document-number-then-motto", "list-of-bodies", "list-item", "sentence-ends-at-the-line-end",
        "paragraph-starts-with-a-name", "name-then-title", "photo-credit-then-paragraph", "photo-credit-then-caption",
        "byline-then-credit", "byline-then-paragraph", "văn-bản-is-no-village", "place-complete-before-the-break",
        "listed-name-complete-before-the-break",
    ],
)
def test_a_line_break_before_a_capital_outside_a_name_stays(text: str) -> None:
    cleaning = clean_text(text)
    assert cleaning.text.text == text
    assert cleaning.steps == []


@pytest.mark.parametrize("entry", CLEANING["name_joins"], ids=lambda e: e["evidence"])
def test_every_name_join_example_is_joined_on_its_own_evidence(entry: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor import cleaning

    rules = cleaning._rules()
    first_break = entry["example"].index("\n")
    assert _names(entry["example"]) == ["line_join"]
    assert clean_text(entry["example"]).steps[0].spans[0].start == first_break
    others = rules.name_evidence - {entry["evidence"]}
    monkeypatch.setattr(cleaning, "_rules", lambda: dataclasses.replace(rules, name_evidence=others))
    assert _names(entry["example"]) == []


def test_a_name_joined_across_a_line_break_is_found_in_the_users_offsets() -> None:
    text = "Hội nghị do Liên đoàn Lao động tỉnh Sơn\nLa tổ chức, đồng chí Vàng A\n\nLả chủ trì."
    document = extract(text)
    found = {(e.label, e.text) for e in document.entities if e.label in ("ORG", "PERSON")}
    assert ("ORG", "Liên đoàn Lao động tỉnh Sơn\nLa") in found
    assert ("PERSON", "Vàng A\n\nLả") in found
    for entity in document.entities:
        assert text[entity.start : entity.end] == entity.text
    assert [step.name for step in document.cleaning] == ["line_join"]


def test_a_joined_value_maps_back_to_the_broken_original() -> None:
    text = "Hỗ trợ 127 đoàn\n\nviên số tiền 126.100.\n000 đồng"
    document = extract(text)
    count = next(e for e in document.entities if e.label == "COUNT")
    assert (count.text, count.value, count.unit) == ("127 đoàn\n\nviên", 127, "đoàn viên")
    assert text[count.start : count.end] == count.text
    assert [step.name for step in document.cleaning] == ["line_join"]


def test_a_page_header_inside_a_sentence_is_read_once_and_annotated_twice() -> None:
    text = (
        f"{HEADER}\nBáo cáo tổng kết năm 2023\n"
        "Công đoàn Viên chức tỉnh đã thăm hỏi 127 đoàn viên có hoàn cảnh khó khăn với số\n"
        f"{HEADER}\ntiền 126.100.000 đồng."
    )
    document = extract(text)
    money = [e for e in document.entities if e.label == "MONEY"]
    assert [(m.text, m.value) for m in money] == [("126.100.000 đồng", 126_100_000)]
    headers = [e for e in document.entities if e.label == "ORG" and e.text == "CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM"]
    assert [e.start for e in headers] == [0, text.rindex("CÔNG ĐOÀN")]
    assert {e.canonical for e in headers} == {"Công đoàn Viên chức Việt Nam"}
    steps = {step.name: [span.text for span in step.spans] for step in document.cleaning}
    assert steps["repeated_block"] == [HEADER]
    assert "line_join" in steps


def test_a_caption_printed_twice_between_paragraphs_stays_and_counts_twice() -> None:
    caption = "Đồng chí Vàng A Lả - Chủ tịch LĐLĐ tỉnh chủ trì hội nghị. Ảnh: LĐLĐ Sơn La"
    text = f"Hội nghị Ban Thường vụ LĐLĐ tỉnh Sơn La.\n\n{caption}\n{caption}\n\nHội nghị thông qua nghị quyết."
    document = extract(text)
    assert [step.name for step in document.cleaning] == []
    people = [e.start for e in document.entities if e.label == "PERSON"]
    assert people == [text.index("Vàng"), text.rindex("Vàng")]


def test_a_repeated_banner_stays_a_banner_for_the_report_title() -> None:
    text = (
        f"{HEADER}\nlogo\n{HEADER}\nlogo\n\n"
        "Công đoàn Viên chức tỉnh Sơn La tổ chức Hội nghị tổng kết năm 2023\n\n"
        "Chiều ngày 05/01/2024, Công đoàn Viên chức tỉnh Sơn La tổ chức Hội nghị."
    )
    document = extract(text)
    assert document.report.title.value == "Công đoàn Viên chức tỉnh Sơn La tổ chức Hội nghị tổng kết năm 2023"


@pytest.mark.parametrize("entry", CLEANING["boilerplate_lines"], ids=lambda e: e["line"])
def test_every_boilerplate_line_example_is_removed(entry: dict) -> None:
    assert "boilerplate" in _names(entry["example"])


@pytest.mark.parametrize("entry", CLEANING["menu_separators"], ids=lambda e: e["separator"])
def test_every_menu_separator_example_is_a_menu(entry: dict) -> None:
    assert _names(entry["example"]) == ["boilerplate"]


@pytest.mark.parametrize("entry", CLEANING["transcription_markers"], ids=lambda e: e["opening"])
def test_every_transcription_marker_example_is_removed(entry: dict) -> None:
    cleaning = clean_text(entry["example"])
    assert [step.name for step in cleaning.steps] == ["transcription_marker"]
    assert entry["opening"] not in cleaning.text.text


@pytest.mark.parametrize("entry", CLEANING["sentence_ends"], ids=lambda e: e["char"])
def test_a_line_ending_a_sentence_is_not_joined(entry: dict) -> None:
    assert "line_join" not in _names(entry["example"])
    assert "line_join" in _names(entry["example"].replace(entry["char"] + "\n", "\n"))


@pytest.mark.parametrize("entry", CLEANING["ocr_digit_confusions"], ids=lambda e: e["letter"])
def test_every_ocr_digit_example_is_repaired(entry: dict) -> None:
    cleaning = clean_text(entry["example"])
    assert [step.name for step in cleaning.steps] == ["ocr_digits"]
    assert entry["letter"] not in cleaning.text.text.split()[-3]


def test_edits_keep_the_map_and_refuse_overlaps() -> None:
    normalized = normalize("công-\nđoàn\u00a0viên")
    edited = normalized.apply([Edit(4, 6, " ")])
    assert edited.text == "công đoàn viên"
    assert edited.to_original(0, 9) == (0, 10)
    assert edited.to_original(5, 14) == (6, 15)
    deleted = normalized.apply([Edit(4, 6)])
    assert deleted.text == "côngđoàn viên"
    assert deleted.to_original(3, 5) == (3, 7)
    with pytest.raises(ValueError):
        normalized.apply([Edit(2, 6, ""), Edit(5, 7, "")])
    with pytest.raises(ValueError):
        normalized.apply([Edit(3, 3, "x")])
