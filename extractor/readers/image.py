"""Images of reports (scans, photos of pages) through Tesseract OCR with Vietnamese data.

OCR is optional: it needs the Tesseract program with its Vietnamese data and the
``ocr`` extra (pytesseract, Pillow). When any is missing, reading an image raises
:class:`InputError` whose reason says how to install it (:data:`INSTALL_HINT`).
Multi-page TIFFs give one page per frame; a page's text blocks (Tesseract's
paragraphs, separated by blank lines) are located as ``page p, block b``.
"""

from __future__ import annotations

import io
import time
from functools import cache

from extractor.readers.base import Extracted, InputError, Location, TextBuilder

INSTALL_HINT = (
    "OCR needs Tesseract with Vietnamese data: apt-get install tesseract-ocr tesseract-ocr-vie "
    '(or your system\'s packages for tesseract and its "vie" language), and pip install "congdoan[ocr]"'
)

#: Tesseract language: Vietnamese, with English for the Latin words of reports.
LANGUAGES = "vie+eng"

# A scan at 300 dpi is about 2500 x 3500 pixels; far larger is a decompression bomb.
MAX_PIXELS = 60_000_000


@cache
def _languages() -> frozenset[str]:
    import pytesseract

    return frozenset(pytesseract.get_languages(config=""))


@cache
def tesseract_problem() -> str | None:
    """Why OCR cannot run here (with how to fix it), or None when it can."""
    try:
        import PIL  # noqa: F401
        import pytesseract
    except ImportError:
        return f"the OCR packages are not installed. {INSTALL_HINT}"
    try:
        pytesseract.get_tesseract_version()
        languages = _languages()
    except Exception:  # noqa: BLE001 - TesseractNotFoundError, or a broken installation
        return f"the tesseract program was not found. {INSTALL_HINT}"
    if "vie" not in languages:
        return f"Tesseract has no Vietnamese data (vie). {INSTALL_HINT}"
    return None


def _require_tesseract(source: str) -> None:
    problem = tesseract_problem()
    if problem:
        raise InputError(source, f"cannot OCR: {problem}")


def ocr_image(image, source: str, deadline: float) -> str:
    """OCR one Pillow image with Vietnamese data, before ``deadline`` (``time.monotonic()``)."""
    import pytesseract

    _require_tesseract(source)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise InputError(source, "OCR ran out of time (the time limit); raise it (timeout=) for long scans")
    languages = LANGUAGES if "eng" in _languages() else "vie"
    try:
        return pytesseract.image_to_string(image, lang=languages, timeout=remaining)
    except RuntimeError as error:  # pytesseract's timeout
        raise InputError(source, f"OCR took longer than the time limit ({error}); raise it (timeout=)") from None
    except pytesseract.TesseractError as error:
        raise InputError(source, f"Tesseract failed on the image ({error.message.strip()[:200]})") from None


def add_ocr_text(builder: TextBuilder, text: str, page: int) -> None:
    """Add OCR output to ``builder``, one part per block (paragraph) of the page."""
    blocks = [block.strip() for block in text.replace("\f", "").split("\n\n")]
    for number, block in enumerate((b for b in blocks if b), start=1):
        builder.add(block, Location(page=page, block=number))


def read_image(data: bytes, source: str = "<image>", seconds: float = 120.0) -> Extracted:
    """OCR an image file's bytes (PNG, JPEG, TIFF …); every page of a multi-page TIFF."""
    _require_tesseract(source)
    from PIL import Image, ImageSequence, UnidentifiedImageError

    deadline = time.monotonic() + seconds
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        builder = TextBuilder()
        for page, frame in enumerate(ImageSequence.Iterator(image), start=1):
            frame.load()
            add_ocr_text(builder, ocr_image(frame.convert("RGB"), source, deadline), page)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as error:
        raise InputError(source, f"unreadable image ({type(error).__name__}: {error})"[:300]) from None
    return builder.build()
