"""Reading report files as archives hold them: text in any Vietnamese encoding, Word, PDF,
saved web pages and scans, with clear errors, and expanding folders.

Every failure is an :class:`InputError` that names the file and the problem, so a batch
can report it and go on with the other files. Nothing else escapes, and nothing hangs:
the Word, PDF and OCR readers run in a worker process with a time limit (``timeout``,
default :data:`DEFAULT_TIMEOUT` seconds per document) and a memory limit.

What is read, by suffix (the content is checked too: a ``.txt`` that is really a PDF
or a zip is an error naming what it is; a file with another suffix, or stdin, is read
as what its first bytes say, text when they say nothing):

================  =============================================================
``.txt``          text: UTF-8 (BOM or not), UTF-16/32, Windows-1258, TCVN3, VNI,
                  detected (:mod:`extractor.encodings`), or ``encoding=``
``.docx``         paragraphs and tables in order (:mod:`extractor.readers.docx`)
``.pdf``          the text layer; pages without one through OCR
``.html .htm``    the article body of a saved page (:mod:`extractor.readers.html`)
images            ``.png .jpg .jpeg .tif .tiff`` through Tesseract OCR (optional
                  extra: ``pip install "congdoan[ocr]"`` and the tesseract program)
================  =============================================================

Folders expand to the files with the document suffixes; images only when asked
(``include_images=True``, CLI ``--ocr``), since report folders also hold photos and
logos that OCR would turn into noise, slowly. A file named explicitly is always read.

Limits: files over ``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`, 50 MiB) are
refused with their size; an empty file is an empty report, not an error. A text file
mixing encodings line by line (UTF-8 lines and TCVN3 lines pasted together) is decoded
line by line, best effort; lines of TCVN3/VNI mojibake inside Unicode text (also in
Word, PDF and HTML text typed with the old fonts) are repaired, and ``encoding``
says so (``utf-8+tcvn3``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractor.encodings import EncodingError, decode_as, detect_encoding, preferred_repair, repair_mojibake
from extractor.readers.base import Extracted, InputError, Location, Span, TextBuilder
from extractor.readers.sniff import DESCRIPTIONS, IMAGE_KINDS, UNSUPPORTED, sniff

__all__ = [
    "DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "DOCUMENT_SUFFIXES", "IMAGE_SUFFIXES", "Input", "InputError",
    "Location", "ReadResult", "Span", "TEXT_SUFFIXES", "decode", "expand_paths", "read_data", "read_document",
    "read_text",
]

TEXT_SUFFIXES = (".txt",)
#: Suffixes that folders expand to.
DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
#: Suffixes read through OCR; folders expand to them only with ``include_images=True``.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")

DEFAULT_MAX_BYTES = 50 * 2**20
DEFAULT_TIMEOUT = 120.0

_SUFFIX_KINDS = {".txt": "text", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}
_SUFFIX_KINDS.update({suffix: "image" for suffix in IMAGE_SUFFIXES})


@dataclass(frozen=True)
class Input:
    """One report to process: where it came from and its text."""

    source: str
    text: str


@dataclass(frozen=True)
class ReadResult:
    """A report as read: its text, how it was decoded, and where each part came from.

    ``kind`` is ``text``, ``docx``, ``pdf``, ``html`` or ``image``. ``encoding`` is the
    decoding of a text or HTML file (see :class:`extractor.encodings.Decoded`), for
    other kinds None or the legacy font encoding whose mojibake was repaired
    (``tcvn3``, ``vni``). ``locations`` are spans of ``text`` with their place in
    the original (``line n`` for text files). ``warnings`` name parts left out.
    """

    text: str
    encoding: str | None
    source: str
    locations: tuple[Span, ...]
    kind: str = "text"
    warnings: tuple[str, ...] = field(default=())

    def locate(self, start: int, end: int | None = None) -> list[Location]:
        """The locations that ``text[start:end]`` overlaps (of the character at ``start``
        when ``end`` is None).

        >>> result = read_data("Dòng một\\nDòng hai".encode(), "r.txt")
        >>> [str(location) for location in result.locate(10)]
        ['line 2']
        """
        end = start + 1 if end is None else max(end, start + 1)
        starts = [span.start for span in self.locations]
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        found = []
        for span in self.locations[index:]:
            if span.start >= end:
                break
            if span.end > start:
                found.append(span.location)
        return found


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode report bytes: Unicode with or without BOM, Windows-1258, TCVN3, VNI.

    >>> decode("Báo cáo".encode("utf-8"), "a.txt")
    'Báo cáo'
    >>> decode("B¸o c¸o".encode("latin-1"), "a.txt")
    'Báo cáo'
    """
    try:
        decoded = decode_as(data, encoding) if encoding else detect_encoding(data)
    except EncodingError as error:
        raise InputError(source, str(error)) from None
    return decoded.text


def read_document(
    path: str | Path,
    *,
    encoding: str | None = None,
    ocr: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> ReadResult:
    """Read one report file of any supported kind, raising :class:`InputError` on any problem.

    ``encoding`` overrides detection for text and HTML files; ``ocr=False`` refuses
    images and reads PDFs from their text layer only.
    """
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise InputError(source, "no such file or directory")
    if path.is_dir():
        raise InputError(source, "is a directory")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, _too_big(size, max_bytes))
        data = path.read_bytes()
    except OSError as error:
        raise InputError(source, error.strerror or str(error)) from None
    return read_data(data, source, suffix=path.suffix, encoding=encoding, ocr=ocr, max_bytes=max_bytes, timeout=timeout)


def read_text(path: str | Path, **options) -> str:
    """Read one report file as text (any supported kind), raising :class:`InputError`."""
    return read_document(path, **options).text


def _too_big(size: int, limit: int) -> str:
    return (
        f"file is {size:,} bytes ({size / 2**20:.1f} MiB), over the {limit / 2**20:g} MiB limit; "
        "split it, or raise the limit (max_bytes=)"
    )


def read_data(
    data: bytes,
    source: str,
    *,
    suffix: str | None = None,
    encoding: str | None = None,
    ocr: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> ReadResult:
    """Read a report from its bytes; ``suffix`` is what its name claims (by default the
    suffix of ``source``; stdin has none, so its content decides).

    >>> read_data(b"%PDF-1.4 ...", "bao_cao.txt")
    Traceback (most recent call last):
    ...
    extractor.readers.base.InputError: bao_cao.txt: is a PDF document, not a text file; rename it to .pdf
    """
    if len(data) > max_bytes:
        raise InputError(source, _too_big(len(data), max_bytes))
    try:
        return _read_data(data, source, suffix, encoding, ocr, timeout)
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001 - the promise is: InputError or a result
        # A bug of ours or of a parser on odd bytes: still one line naming the file.
        reason = f"could not be read ({type(error).__name__}: {error}"[:300] + "); please report this"
        raise InputError(source, reason) from None


def _read_data(data: bytes, source: str, suffix: str | None, encoding: str | None, ocr: bool, timeout: float) -> ReadResult:
    suffix = Path(source).suffix if suffix is None else suffix
    kind = _kind(data, source, suffix.lower())
    if not data:
        return ReadResult("", "utf-8" if kind in ("text", "html") else None, source, (), kind)
    if kind == "text":
        return _read_text_data(data, source, encoding)
    if kind == "html":
        from extractor.readers.html import read_html

        extracted = read_html(data, source, encoding)
    elif kind == "docx":
        extracted = _bounded("extractor.readers.docx", "read_docx", (data, source), timeout, source, "reading the .docx")
    elif kind == "pdf":
        extracted = _bounded("extractor.readers.pdf", "read_pdf", (data, source, ocr, timeout), timeout, source, "reading the PDF")
    else:
        if not ocr:
            raise InputError(source, "is an image: its text can only be read with OCR, which is off")
        from extractor.readers.image import tesseract_problem

        problem = tesseract_problem()
        if problem:
            raise InputError(source, f"is an image and needs OCR, but {problem}")
        extracted = _bounded("extractor.readers.image", "read_image", (data, source, timeout), timeout, source, "OCR")
    extracted, legacy = _repair(extracted)
    encoding_used = extracted.encoding
    if legacy:
        encoding_used = f"{encoding_used}+{legacy}" if encoding_used else legacy
    return ReadResult(extracted.text, encoding_used, source, extracted.spans, kind, extracted.warnings)


def _kind(data: bytes, source: str, suffix: str) -> str:
    """What to read ``data`` as: the suffix's claim, checked against the content."""
    actual = sniff(data) if data else None
    if actual in UNSUPPORTED:
        description = DESCRIPTIONS[actual][0]
        raise InputError(source, f"is {description}, which congdoan does not read; {UNSUPPORTED[actual]}")
    claimed = _SUFFIX_KINDS.get(suffix)
    if claimed is None:  # no suffix, an unknown one, or stdin: believe the content
        if actual is None:
            return "text"
        if actual == "damaged-zip":
            raise InputError(source, "is a damaged zip archive (a truncated .docx?)")
        return "image" if actual in IMAGE_KINDS else actual
    if actual is None or actual == claimed or (claimed == "image" and actual in IMAGE_KINDS):
        return claimed
    if claimed == "text" and actual == "html":
        return "text"  # HTML is text; the user chose to read it as such
    if claimed == "docx" and actual == "damaged-zip":
        raise InputError(source, "damaged .docx (not a complete zip archive); open and re-save it in Word")
    description, proper = DESCRIPTIONS.get(actual, (f"a {actual} file", None))
    if actual == "damaged-zip":
        description, proper = "a damaged zip archive", None
    fix = f"rename it to {proper}" if proper else "check the file"
    return _mismatch(source, description, claimed, fix)


def _mismatch(source: str, description: str, claimed: str, fix: str):
    names = {"text": "a text file", "docx": "a Word document", "pdf": "a PDF", "html": "an HTML page", "image": "an image"}
    raise InputError(source, f"is {description}, not {names[claimed]}; {fix}")


def _read_text_data(data: bytes, source: str, encoding: str | None) -> ReadResult:
    try:
        decoded = decode_as(data, encoding) if encoding else detect_encoding(data)
    except EncodingError as error:
        raise InputError(source, str(error)) from None
    builder = TextBuilder()
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        builder.add(line, Location(line=number))
    built = builder.build()
    return ReadResult(built.text, decoded.encoding, source, built.spans, "text")


def _bounded(module: str, name: str, args: tuple, timeout: float, source: str, what: str) -> Extracted:
    import importlib

    from extractor.readers.bounded import run_bounded

    function = getattr(importlib.import_module(module), name)
    # The worker's own limit (pdf, OCR) is the same; ours is a little longer to let it answer.
    return run_bounded(function, *args, seconds=timeout + 5, source=source, what=what)


def _repair(extracted: Extracted) -> tuple[Extracted, str | None]:
    """Repair TCVN3/VNI font mojibake part by part, keeping every span on its part."""
    preferred = preferred_repair(extracted.text)
    if preferred is None:
        return extracted, None
    text, spans, pieces, last, found = extracted.text, [], [], 0, None
    length = 0
    for span in extracted.spans:
        gap = text[last:span.start]
        pieces.append(gap)
        length += len(gap)
        part, legacy = repair_mojibake(text[span.start:span.end], preferred)
        found = found or legacy
        pieces.append(part)
        spans.append(Span(length, length + len(part), span.location))
        length += len(part)
        last = span.end
    pieces.append(text[last:])
    return Extracted("".join(pieces), tuple(spans), extracted.warnings, extracted.encoding), found


def expand_paths(paths: Iterable[str | Path], *, include_images: bool = False) -> Iterator[Path | InputError]:
    """Yield the files named by ``paths``: files as given, folders as all reports below.

    A folder expands to its files with :data:`DOCUMENT_SUFFIXES` (and
    :data:`IMAGE_SUFFIXES` when ``include_images``), sorted. A missing path or a folder
    without such files is yielded as an :class:`InputError` in its place, so callers
    report it and go on.
    """
    suffixes = DOCUMENT_SUFFIXES + (IMAGE_SUFFIXES if include_images else ())
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith("~$")
            )
            if not files:
                yield InputError(str(path), f"directory has no text files or other reports ({', '.join(suffixes)})")
            yield from files
        elif path.exists():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")
