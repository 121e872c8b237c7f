"""Reading inputs: every problem names the file and the reason."""

from __future__ import annotations

import codecs
import doctest
from pathlib import Path

import pytest

from extractor.encodings import encode_legacy
from extractor.reading import (
    DEFAULT_MAX_BYTES,
    InputError,
    Location,
    decode,
    expand_paths,
    read_data,
    read_document,
    read_text,
)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Báo cáo".encode("utf-8"), "Báo cáo"),
        (codecs.BOM_UTF8 + "Báo cáo".encode("utf-8"), "Báo cáo"),
        ("Báo cáo".encode("utf-16"), "Báo cáo"),
        (b"", ""),
        ("Báo cáo tài chính".encode("cp1258"), "Báo cáo tài chính"),
        ("B¸o c¸o tµi chÝnh".encode("latin-1"), "Báo cáo tài chính"),
        ("Baùo caùo taøi chính".encode("latin-1"), "Báo cáo tài chính"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "empty", "windows-1258", "tcvn3", "vni"],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data, "r.txt") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            "Báo cáo".encode("cp1258") + b"\x81\x8d",
            "not valid UTF-8 (byte 0xe1 at offset 1) and not Windows-1258, TCVN3 or VNI text; "
            "convert the file to UTF-8 or name its encoding",
        ),
        (b"Bao cao\x00\x00", "binary file (contains NUL bytes), not a text report"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20, "binary file (control bytes), not a text report"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16 at byte 2"),
    ],
    ids=["no-encoding-fits", "nul", "control", "bad-utf-16"],
)
def test_decode_errors_name_file_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "bao_cao.txt")
    assert str(caught.value) == f"bao_cao.txt: {reason}"


def test_explicit_encoding_wins() -> None:
    # "B¸o c¸o" is TCVN3 for "Báo cáo"; asked for Latin-1, we give Latin-1.
    assert decode("B¸o c¸o".encode("latin-1"), "r.txt", encoding="latin-1") == "B¸o c¸o"
    with pytest.raises(InputError, match="r.txt: unknown encoding 'vni3'"):
        decode(b"x", "r.txt", encoding="vni3")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        read_text(tmp_path / "missing.txt")


def test_text_file_result(tmp_path: Path) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(encode_legacy("Báo cáo\nHỗ trợ 127 đoàn viên", "vni"))
    result = read_document(path)
    assert (result.text, result.encoding, result.kind, result.source) == (
        "Báo cáo\nHỗ trợ 127 đoàn viên", "vni", "text", str(path))
    assert result.locate(result.text.index("127")) == [Location(line=2)]
    assert read_document(path, encoding="tcvn3").encoding == "tcvn3"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bao_cao.txt", b"%PDF-1.7\n1 0 obj", "is a PDF document, not a text file; rename it to .pdf"),
        ("bao_cao.txt", b"PK\x03\x04" + bytes(40), "is a damaged zip archive, not a text file; check the file"),
        ("bao_cao.pdf", b"\x89PNG\r\n\x1a\n" + bytes(20), "is a PNG image, not a PDF; rename it to .png"),
        ("bao_cao.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50),
         "is a legacy Office file (.doc/.xls, or a password-protected .docx), which congdoan does not read; "
         "open it in Word or LibreOffice and save it as .docx (without a password)"),
        ("bao_cao.docx", b"{\\rtf1\\ansi Bao cao}", "is an RTF document, which congdoan does not read; save it as .docx or .txt"),
        ("bao_cao.html", b"%PDF-1.4", "is a PDF document, not an HTML page; rename it to .pdf"),
    ],
    ids=["pdf-as-txt", "zip-as-txt", "png-as-pdf", "doc-as-txt", "rtf-as-docx", "pdf-as-html"],
)
def test_content_that_contradicts_the_name(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        read_data(data, name)
    assert caught.value.reason == reason


def test_zip_named_txt(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bao_cao.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "x")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.reason == "is a zip archive, which congdoan does not read; unpack it and read the files inside"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ".html", ".htm", ".png", ".md"])
def test_empty_files_are_empty_reports(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"rong{suffix}"
    path.write_bytes(b"")
    result = read_document(path)
    assert (result.text, result.locations) == ("", ())


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "lon.txt"
    with path.open("wb") as handle:  # sparse: 100 MiB on paper, nothing on disk
        handle.truncate(100 * 2**20)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.reason == (
        "file is 104,857,600 bytes (100.0 MiB), over the 50 MiB limit; split it, or raise the limit (max_bytes=)"
    )
    assert DEFAULT_MAX_BYTES == 50 * 2**20
    with pytest.raises(InputError, match=r"file is 12 bytes \(0.0 MiB\), over the 9.53674e-06 MiB limit"):
        read_data(b"Bao cao 2020", "a.txt", max_bytes=10)


def test_stdin_is_read_by_its_content() -> None:
    assert read_data(b"<!DOCTYPE html><html><body><p>B\xc3\xa1o c\xc3\xa1o</p></body></html>", "<stdin>").kind == "html"
    assert read_data("Báo cáo".encode(), "<stdin>").text == "Báo cáo"


def test_expand_paths(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ["2.txt", "1.txt", "note.md", "3.docx", "4.pdf", "5.html", "6.htm", "7.png", "~$3.docx"]:
        (tmp_path / "a" / name).write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    items = list(expand_paths([tmp_path / "a", tmp_path / "empty", tmp_path / "nope.txt"]))
    assert [p.name for p in items[:6]] == ["1.txt", "2.txt", "3.docx", "4.pdf", "5.html", "6.htm"]
    assert [str(e) for e in items[6:]] == [
        f"{tmp_path / 'empty'}: directory has no text files or other reports (.txt, .docx, .pdf, .html, .htm)",
        f"{tmp_path / 'nope.txt'}: no such file or directory",
    ]
    with_images = [p.name for p in expand_paths([tmp_path / "a"], include_images=True)]
    assert with_images == ["1.txt", "2.txt", "3.docx", "4.pdf", "5.html", "6.htm", "7.png"]


@pytest.mark.parametrize(
    "module",
    ["extractor.reading", "extractor.encodings", "extractor.readers.base", "extractor.readers.sniff",
     "extractor.readers.docx", "extractor.readers.html", "extractor.readers.bounded"],
)
def test_docstring_examples(module: str) -> None:
    import importlib

    results = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert results.failed == 0 and results.attempted > 0
