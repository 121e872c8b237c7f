"""Reading inputs: every problem names the file and the reason."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from extractor.reading import InputError, decode, expand_paths, read_text


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Báo cáo".encode("utf-8"), "Báo cáo"),
        (codecs.BOM_UTF8 + "Báo cáo".encode("utf-8"), "Báo cáo"),
        ("Báo cáo".encode("utf-16"), "Báo cáo"),
        (b"", ""),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "empty"],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data, "r.txt") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("Báo cáo".encode("cp1258"), "not valid UTF-8 (byte 0xe1 at offset 1); convert the file to UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (contains NUL bytes), not a text report"),
    ],
    ids=["windows-1258", "binary"],
)
def test_decode_errors_name_file_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "bao_cao.txt")
    assert str(caught.value) == f"bao_cao.txt: {reason}"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        read_text(tmp_path / "missing.txt")


def test_expand_paths(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "2.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "note.md").write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    items = list(expand_paths([tmp_path / "a", tmp_path / "empty", tmp_path / "nope.txt"]))
    assert [p.name for p in items[:2]] == ["1.txt", "2.txt"]
    assert [str(e) for e in items[2:]] == [
        f"{tmp_path / 'empty'}: directory has no text files (.txt)",
        f"{tmp_path / 'nope.txt'}: no such file or directory",
    ]
