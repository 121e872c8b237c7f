"""One reader per file format, each returning text plus where each part came from.

:mod:`extractor.reading` picks the reader from the file's suffix and content; the
readers can also be called on bytes directly:

- :func:`extractor.readers.docx.read_docx` — Word .docx (python-docx)
- :func:`extractor.readers.pdf.read_pdf` — PDF text layer (pypdf), OCR for scanned pages
- :func:`extractor.readers.html.read_html` — article body of a saved web page (lxml)
- :func:`extractor.readers.image.read_image` — images through Tesseract OCR (optional)

Shared pieces: :mod:`~extractor.readers.base` (``InputError``, ``Location``, ``Span``),
:mod:`~extractor.readers.sniff` (file type from content), :mod:`~extractor.readers.bounded`
(time and memory limits in a worker process).
"""

from extractor.readers.base import Extracted, InputError, Location, Span

__all__ = ["Extracted", "InputError", "Location", "Span"]
