"""Fuzzing the readers: whatever the bytes, the only failure is an InputError.

Random bytes, random bytes under each report suffix (written to real files), damaged
copies of real .docx and .pdf files (truncated, bytes overwritten), and random Unicode
text. A second harness for coverage-guided fuzzing with atheris is in tests/fuzz/.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.readers.base import InputError
from extractor.reading import read_data, read_document

SUFFIXES = [".txt", ".docx", ".pdf", ".html", ".htm", ".png", ".jpg", ".tif", ".md", ""]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read(data: bytes, name: str):
    try:
        result = read_data(data, name, timeout=20)
    except InputError as error:
        assert error.source == name and error.reason and "\n" not in str(error)
        assert "please report this" not in error.reason  # the safety net caught a bug
        return None
    assert isinstance(result.text, str)
    for span in result.locations:
        assert 0 <= span.start <= span.end <= len(result.text)
    return result


@FAST
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _read(data, f"ngau_nhien{suffix}")


@FAST
@given(data=st.binary(min_size=1, max_size=500), suffix=st.sampled_from([".docx", ".pdf", ".html", ".txt"]))
def test_random_bytes_in_files(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"tep{suffix}"
    path.write_bytes(data)
    try:
        result = read_document(path, timeout=20)
    except InputError as error:
        assert error.source == str(path)
    else:
        assert isinstance(result.text, str)


@pytest.fixture(scope="module")
def real_files() -> dict[str, bytes]:
    from docx import Document

    document = Document()
    document.add_paragraph("Liên đoàn Lao động tỉnh hỗ trợ 127 đoàn viên.")
    document.add_table(rows=2, cols=2).cell(1, 1).text = "126.100.000"
    buffer = io.BytesIO()
    document.save(buffer)
    files = {".docx": buffer.getvalue()}
    try:
        from fpdf import FPDF
    except ImportError:
        return files
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Bao cao 127 doan vien 126.100.000 dong")
    files[".pdf"] = bytes(pdf.output())
    return files


@FAST
@given(
    suffix=st.sampled_from([".docx", ".pdf"]),
    cut=st.floats(min_value=0.0, max_value=1.0),
    patches=st.lists(st.tuples(st.floats(min_value=0.0, max_value=0.999), st.binary(min_size=1, max_size=8)), max_size=4),
)
def test_damaged_real_files(real_files: dict[str, bytes], suffix: str, cut: float, patches) -> None:
    if suffix not in real_files:
        pytest.skip("fpdf2 not installed")
    data = bytearray(real_files[suffix])
    for where, junk in patches:
        position = int(where * len(data))
        data[position:position + len(junk)] = junk
    _read(bytes(data[: max(1, int(cut * len(data)))]), f"hong{suffix}")


@FAST
@given(text=st.text(max_size=300), suffix=st.sampled_from([".txt", ".html", ""]))
def test_random_unicode(text: str, suffix: str) -> None:
    result = _read(text.encode("utf-8"), f"chu{suffix}")
    if result is not None and suffix == ".txt" and result.encoding == "utf-8":
        assert result.text == text.removeprefix("\ufeff")
