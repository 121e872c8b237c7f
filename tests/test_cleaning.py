"""Cleaning before recognition: what is joined or removed, and that offsets still lead home."""

from __future__ import annotations

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
