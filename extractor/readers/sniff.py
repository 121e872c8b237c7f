"""What a file really is, from its first bytes (not its name).

>>> sniff(b"%PDF-1.7\\n...")
'pdf'
>>> sniff(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1...")
'ole2'
>>> sniff("Báo cáo".encode()) is None
True
"""

from __future__ import annotations

import io
import zipfile

# Signatures at offset 0. Order matters only where one prefixes another.
_MAGIC = [
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),  # an empty zip
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x7fELF", "executable"),
]

#: What each kind is, for messages, and the suffix to give it.
DESCRIPTIONS = {
    "pdf": ("a PDF document", ".pdf"),
    "docx": ("a Word document (.docx)", ".docx"),
    "xlsx": ("an Excel workbook (.xlsx)", None),
    "pptx": ("a PowerPoint file (.pptx)", None),
    "odt": ("an OpenDocument file", None),
    "zip": ("a zip archive", None),
    "png": ("a PNG image", ".png"),
    "jpeg": ("a JPEG image", ".jpg"),
    "tiff": ("a TIFF image", ".tif"),
    "gif": ("a GIF image", None),
    "bmp": ("a BMP image", None),
    "webp": ("a WebP image", None),
    "ole2": ("a legacy Office file (.doc/.xls, or a password-protected .docx)", None),
    "rtf": ("an RTF document", None),
    "gzip": ("a gzip archive", None),
    "7z": ("a 7-Zip archive", None),
    "rar": ("a RAR archive", None),
    "executable": ("a program", None),
    "html": ("an HTML page", ".html"),
}

IMAGE_KINDS = frozenset({"png", "jpeg", "tiff", "gif", "bmp", "webp"})

#: Kinds we cannot read, with what to do instead.
UNSUPPORTED = {
    "ole2": "open it in Word or LibreOffice and save it as .docx (without a password)",
    "rtf": "save it as .docx or .txt",
    "xlsx": "spreadsheets are not reports; save the sheet as text if it holds one",
    "pptx": "save the slides as PDF",
    "odt": "save it as .docx",
    "zip": "unpack it and read the files inside",
    "gzip": "unpack it and read the files inside",
    "7z": "unpack it and read the files inside",
    "rar": "unpack it and read the files inside",
    "executable": "it holds no report",
}


def sniff(data: bytes) -> str | None:
    """The kind of file ``data`` is, or None for text (and anything unrecognised)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return _zip_kind(data) if kind == "zip" else kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    # "BM" alone could begin a text ("BM01/TLĐ"); a BMP has four zero bytes after its size.
    if data[:2] == b"BM" and data[6:10] == b"\0\0\0\0":
        return "bmp"
    # PDF writers may put junk before the header; readers accept it within 1 KiB.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _zip_kind(data: bytes) -> str:
    """Tell Office documents from other zips by their parts; a damaged zip stays "docx"-able."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except Exception:  # noqa: BLE001 - zipfile raises BadZipFile, NotImplementedError, struct.error …
        return "damaged-zip"
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if any(name.startswith("ppt/") for name in names):
        return "pptx"
    if "mimetype" in names and "content.xml" in names:
        return "odt"
    return "zip"
