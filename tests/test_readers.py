"""Readers of Word, PDF, HTML and image files, on real files built here.

Needs python-docx, pypdf, lxml (core) and, for building files, fpdf2 and Pillow (test
extra). PDF tests need a Unicode TTF font (Debian fonts-dejavu-core); OCR tests need
Tesseract with Vietnamese data (Debian tesseract-ocr tesseract-ocr-vie): each skips,
saying why, only when that is missing.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from extractor.encodings import encode_legacy
from extractor.readers import image as image_reader
from extractor.readers.base import InputError, Location
from extractor.readers.bounded import run_bounded
from extractor.reading import read_data, read_document

FONT_PATHS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
]
FONT = next((path for path in FONT_PATHS if path.exists()), None)
needs_font = pytest.mark.skipif(FONT is None, reason="no DejaVuSans.ttf (Debian: apt-get install fonts-dejavu-core)")
needs_tesseract = pytest.mark.skipif(
    image_reader.tesseract_problem() is not None, reason=f"no OCR here: {image_reader.tesseract_problem()}"
)

SENTENCE = "Liên đoàn Lao động tỉnh Sơn La hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng"


# --- builders ----------------------------------------------------------------------------


def make_docx(tcvn3_paragraph: bool = False) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("")  # empty paragraphs are counted, not written
    document.add_paragraph(SENTENCE + ".")
    table = document.add_table(rows=3, cols=3)
    for row, values in enumerate([("TT", "Nội dung", "Số tiền"), ("1", "Hỗ trợ đoàn viên", "126.100.000"), ("2", "Thăm hỏi", "")]):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    table.cell(2, 1).add_paragraph("ốm đau")  # a cell with two paragraphs
    document.add_paragraph("Nơi nhận: như trên.")
    if tcvn3_paragraph:
        # Typed with the .VnTime font: Word stores the TCVN3 bytes as Latin-1 characters.
        document.add_paragraph(encode_legacy("Hội nghị tổng kết công tác năm 2020", "tcvn3").decode("latin-1"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(pages: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 7, text, align="L")
    return bytes(pdf.output())


def render_text(lines: list[str], size: int = 34):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), size)
    image = Image.new("RGB", (1700, 80 + len(lines) * (size + 24)), "white")
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((40, 40 + index * (size + 24)), line, font=font, fill="black")
    return image


def png_bytes(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def image_pdf(image) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210)
    return bytes(pdf.output())


# --- Word --------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order() -> None:
    result = read_data(make_docx(), "bao_cao.docx")
    assert result.kind == "docx"
    assert result.text.split("\n") == [
        "BÁO CÁO",
        SENTENCE + ".",
        "TT | Nội dung | Số tiền",
        "1 | Hỗ trợ đoàn viên | 126.100.000",
        "2 | Thăm hỏi ốm đau | ",
        "Nơi nhận: như trên.",
    ]


def test_docx_locations_trace_back_to_cells() -> None:
    result = read_data(make_docx(), "bao_cao.docx")
    money = result.text.index("126.100.000", len("BÁO CÁO") + len(SENTENCE) + 2)
    assert result.locate(money, money + 11) == [Location(table=1, row=2, cell=3)]
    assert result.locate(result.text.index("Nơi nhận")) == [Location(paragraph=4)]  # 1-3, table, 4
    assert result.locate(result.text.index("127")) == [Location(paragraph=3)]
    for span in result.locations:  # every span slices to a part, never a separator
        assert result.text[span.start:span.end].strip() == result.text[span.start:span.end]


def test_docx_typed_with_tcvn3_font_is_repaired() -> None:
    result = read_data(make_docx(tcvn3_paragraph=True), "cu.docx")
    assert result.text.endswith("\nHội nghị tổng kết công tác năm 2020")
    assert result.encoding == "tcvn3"
    assert result.locate(len(result.text) - 4) == [Location(paragraph=5)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda: make_docx()[:3000], "damaged .docx (not a complete zip archive); open and re-save it in Word"),
        (lambda: _zip({"xl/workbook.xml": "<x/>"}), "is an Excel workbook (.xlsx), which congdoan does not read"),
        (lambda: _zip({"word/document.xml": "<w:document"}), "damaged .docx ("),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "is a legacy Office file (.doc/.xls, or a password-protected .docx)"),
    ],
    ids=["truncated", "xlsx", "bad-xml", "ole2"],
)
def test_bad_docx(data, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_data(data(), "hong.docx")
    assert caught.value.reason.startswith(message)


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
        if "word/document.xml" in parts:
            archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


# --- PDF ---------------------------------------------------------------------------------


@needs_font
def test_pdf_text_layer_by_page() -> None:
    result = read_data(make_pdf([SENTENCE, "Trang hai: đạt 72,2% kế hoạch."]), "bc.pdf")
    assert result.kind == "pdf"
    assert result.text == SENTENCE + "\n\nTrang hai: đạt 72,2% kế hoạch."
    assert result.locate(result.text.index("72,2%")) == [Location(page=2)]
    assert result.locate(result.text.index("127")) == [Location(page=1)]


@needs_font
def test_pdf_encrypted() -> None:
    from pypdf import PdfWriter

    def encrypted(user_password: str) -> bytes:
        writer = PdfWriter(clone_from=io.BytesIO(make_pdf([SENTENCE])))
        writer.encrypt(user_password=user_password, owner_password="chu", algorithm="RC4-128")
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    # Copy protection only (empty user password): readable.
    assert read_data(encrypted(""), "bao_ve.pdf").text == SENTENCE
    with pytest.raises(InputError, match="encrypted PDF: it needs a password to open"):
        read_data(encrypted("matkhau"), "mat_khau.pdf")


@needs_font
@pytest.mark.parametrize("keep", [0.5, 0.98], ids=["half", "tail-cut"])
def test_pdf_truncated(keep: float) -> None:
    data = make_pdf([SENTENCE] * 3)
    with pytest.raises(InputError, match="damaged PDF"):
        read_data(data[: int(len(data) * keep)], "cut.pdf")


@needs_font
def test_scanned_pdf_without_ocr_says_how() -> None:
    data = image_pdf(render_text([SENTENCE]))
    with pytest.raises(InputError) as caught:
        read_data(data, "scan.pdf", ocr=False)
    assert caught.value.reason == "PDF has no text layer (a scan?) and OCR is off; turn OCR on"


@needs_font
@needs_tesseract
def test_scanned_pdf_through_ocr() -> None:
    result = read_data(image_pdf(render_text(["Liên đoàn Lao động tỉnh Sơn La", "hỗ trợ 127 đoàn viên"])), "scan.pdf")
    assert "Liên đoàn Lao động tỉnh Sơn La" in result.text and "127 đoàn viên" in result.text
    assert {location.page for location in result.locate(0, len(result.text))} == {1}


# --- images ------------------------------------------------------------------------------


@needs_font
@needs_tesseract
def test_image_through_ocr() -> None:
    lines = ["Liên đoàn Lao động tỉnh Sơn La", "hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng"]
    result = read_data(png_bytes(render_text(lines)), "anh.png")
    assert result.kind == "image"
    assert result.text.split("\n") == lines
    assert result.locations[0].location == Location(page=1, block=1)


INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-vie (or your system\'s packages for tesseract and its "vie" language), and pip install "congdoan[ocr]"'


@pytest.mark.parametrize(
    ("breakage", "problem"),
    [
        ("program", "the tesseract program was not found."),
        ("vie", "Tesseract has no Vietnamese data (vie)."),
    ],
)
def test_missing_tesseract_says_how_to_install(monkeypatch, breakage: str, problem: str) -> None:
    pytest.importorskip("pytesseract")
    import pytesseract

    image_reader.tesseract_problem.cache_clear()
    image_reader._languages.cache_clear()
    if breakage == "program":
        monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    else:
        monkeypatch.setattr(image_reader, "_languages", lambda: frozenset({"eng", "osd"}))
    try:
        with pytest.raises(InputError) as caught:
            read_data(b"\x89PNG\r\n\x1a\n" + bytes(100), "anh.png")
    finally:
        image_reader.tesseract_problem.cache_clear()
    assert caught.value.reason == f"is an image and needs OCR, but {problem} OCR needs Tesseract with Vietnamese data: {INSTALL}"


def test_images_are_refused_with_ocr_off() -> None:
    with pytest.raises(InputError, match="is an image: its text can only be read with OCR, which is off"):
        read_data(b"\x89PNG\r\n\x1a\n" + bytes(100), "anh.png", ocr=False)


@needs_tesseract
def test_broken_image() -> None:
    with pytest.raises(InputError, match="unreadable image"):
        read_data(b"\x89PNG\r\n\x1a\n" + bytes(100), "anh.png")


# --- HTML --------------------------------------------------------------------------------

ARTICLE = [
    "Hội nghị tổng kết công tác Công đoàn năm 2020",
    "Sáng 15/1, Liên đoàn Lao động tỉnh Sơn La tổ chức hội nghị tổng kết công tác Công đoàn năm 2020.",
    "Trong năm, Liên đoàn Lao động tỉnh hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng.",
    "Đơn vị | Số đoàn viên",
    "CĐCS Trường THPT Tô Hiệu | 85",
    "Hội nghị cũng khen thưởng 12 tập thể và 30 cá nhân có thành tích xuất sắc trong phong trào thi đua.",
]

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Hội nghị | Báo Lao động</title>
<style>.x {{ color: red }}</style><script>var menu = "Trang chủ";</script></head>
<body>
<div id="header"><a href="/"><img src="logo.png" alt="Báo Lao động"></a>
  <ul class="main-menu"><li><a href="/thoi-su">Thời sự</a></li><li><a href="/cong-doan">Công đoàn</a></li></ul></div>
<nav class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/cong-doan">Công đoàn</a></nav>
<div class="container">
  <div class="col-main">
    <h1 class="title">{0}</h1>
    <div class="share-bar"><a href="#">Chia sẻ</a> <a href="#">Facebook</a></div>
    <div class="detail-content">
      <p>{1}</p>
      <p>{2}</p>
      <table><tr><th>Đơn vị</th><th>Số đoàn viên</th></tr><tr><td>CĐCS Trường THPT Tô Hiệu</td><td>85</td></tr></table>
      <p>{5}</p>
    </div>
    <div class="tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/a">Công đoàn tỉnh Điện Biên trao 50 suất quà</a></li></ul></div>
  </div>
  <aside class="sidebar"><h3>Đọc nhiều</h3><a href="/b">Lương tối thiểu vùng tăng 6% từ 1/7</a></aside>
</div>
<footer><p>Bản quyền thuộc Báo Lao động. Địa chỉ: 6 Phạm Văn Bạch, Hà Nội.</p></footer>
</body></html>
"""


def test_html_article_without_boilerplate() -> None:
    result = read_data(PAGE.format(*ARTICLE[:3], "", "", ARTICLE[5]).encode("utf-8"), "tin.html")
    assert result.kind == "html" and result.encoding == "utf-8"
    assert result.text.split("\n") == ARTICLE
    assert result.locate(result.text.index("127")) == [Location(paragraph=3)]


def test_html_div_soup_is_scored() -> None:
    # No semantic markup and no known class: the paragraphs' container wins on text.
    menu = "".join(f'<div class="m"><a href="/{i}">Chuyên mục {i}</a></div>' for i in range(30))
    body = "".join(f"<p>{line}</p>" for line in ARTICLE[1:3] + ARTICLE[5:])
    page = f"<html><body><div class='top'>{menu}</div><div class='a1'><div class='b2'>{body}</div></div><div class='c'>© 2021 Báo</div></body></html>"
    result = read_data(page.encode("utf-8"), "tin.htm")
    assert result.text.split("\n") == ARTICLE[1:3] + ARTICLE[5:]


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: precomposed where the code page has the letter."""
    import unicodedata

    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            out += unicodedata.normalize("NFC", "".join(c for c in parts if c not in tone)).encode("cp1258")
            out += tone.encode("cp1258")
    return bytes(out)


def test_html_declared_windows_1258() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>'
    page += f"<body><article><p>{ARTICLE[2]}</p></article></body></html>"
    result = read_data(_cp1258(page), "cu.html")
    assert (result.text, result.encoding) == (ARTICLE[2], "cp1258")


def test_html_with_vntime_font_is_repaired() -> None:
    old = encode_legacy(ARTICLE[2], "tcvn3").decode("latin-1")
    page = f'<html><head><meta charset="utf-8"></head><body><p><font face=".VnTime">{old}</font></p></body></html>'
    result = read_data(page.encode("utf-8"), "cu.html")
    assert (result.text, result.encoding) == (ARTICLE[2], "utf-8+tcvn3")


# --- the worker's limits ------------------------------------------------------------------


def test_a_slow_reader_is_stopped_and_the_next_call_works() -> None:
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        run_bounded(time.sleep, 30, seconds=0.5, source="cham.pdf", what="reading the PDF")
    assert time.monotonic() - started < 10
    assert caught.value.reason.startswith("reading the PDF took longer than 0.5 s (the time limit)")
    assert run_bounded(len, b"abc", seconds=30, source="x", what="y") == 3


def test_a_greedy_reader_hits_the_memory_limit() -> None:
    with pytest.raises(InputError) as caught:
        run_bounded(bytearray, 8 * 2**30, seconds=30, source="bom.docx", what="reading the .docx", memory_bytes=2**30)
    assert caught.value.reason.startswith("reading the .docx needs more memory than 1 GiB (the memory limit)")


def test_reader_exceptions_come_back_as_input_errors() -> None:
    with pytest.raises(InputError) as caught:
        run_bounded(int, "không phải số", seconds=30, source="x.pdf", what="reading the PDF")
    assert caught.value.reason.startswith("reading the PDF failed (ValueError: invalid literal for int()")


def test_read_document_dispatches_on_suffix(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.docx"
    path.write_bytes(make_docx())
    result = read_document(path)
    assert (result.kind, result.source, result.text.split("\n")[0]) == ("docx", str(path), "BÁO CÁO")


def test_html_control_characters_do_not_break_the_cleaning() -> None:
    # Found by the atheris harness: lxml refuses control characters in text we move.
    page = "<html><body><p>Hỗ trợ</p><nav>Trang chủ</nav>\x08 127 đoàn viên</body></html>"
    assert read_data(page.encode("utf-8"), "tin.html").text == "Hỗ trợ\n127 đoàn viên"


def test_vni_mojibake_repair_keeps_spans_on_their_parts() -> None:
    # VNI letters take two bytes: the repaired text is shorter, and the spans follow it.
    from docx import Document

    document = Document()
    document.add_paragraph(encode_legacy("Hội nghị tổng kết", "vni").decode("cp1252"))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = encode_legacy("Hỗ trợ đoàn viên", "vni").decode("cp1252")
    table.cell(0, 1).text = "127"
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_data(buffer.getvalue(), "vni.docx")
    assert (result.text, result.encoding) == ("Hội nghị tổng kết\nHỗ trợ đoàn viên | 127", "vni")
    assert [result.text[s.start:s.end] for s in result.locations] == ["Hội nghị tổng kết", "Hỗ trợ đoàn viên", "127"]
    assert result.locate(result.text.index("127")) == [Location(table=1, row=1, cell=2)]
