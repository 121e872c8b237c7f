"""Coverage-guided fuzzing of the readers with atheris (not part of the test suite).

    pip install atheris
    python tests/fuzz/fuzz_readers.py -runs=20000            # or -max_total_time=600
    python tests/fuzz/fuzz_readers.py corpus_dir/ -max_len=65536

The first byte picks the suffix the data is read under; the rest is the file. Every
outcome but an :class:`InputError` (or one that the safety net of ``read_data`` had to
catch, marked "please report this") is a crash that atheris reports with the input.
The PDF and Word readers run in the worker process, where atheris sees no coverage:
this harness calls them in-process too, to fuzz the parsers themselves.
"""

from __future__ import annotations

import logging
import sys

import atheris

with atheris.instrument_imports():
    from extractor.encodings import EncodingError, detect_encoding
    from extractor.readers.base import InputError
    from extractor.readers.docx import read_docx
    from extractor.readers.html import read_html
    from extractor.readers.pdf import read_pdf
    from extractor.reading import read_data

SUFFIXES = [".txt", ".docx", ".pdf", ".html", ".png", ""]


def test_one_input(raw: bytes) -> None:
    if not raw:
        return
    suffix, data = SUFFIXES[raw[0] % len(SUFFIXES)], raw[1:]
    try:
        read_data(data, f"fuzz{suffix}", ocr=False, timeout=10)
    except InputError as error:
        if "please report this" in error.reason:
            raise
    try:
        detect_encoding(data)
    except EncodingError:
        pass
    for reader in (read_docx, read_pdf, read_html):  # in-process, for coverage
        try:
            if reader is read_pdf:
                read_pdf(data, "fuzz.pdf", False)
            else:
                reader(data, "fuzz")
        except InputError:
            pass
        except (RecursionError, MemoryError):
            pass  # bounded by the worker process in real use


def main() -> None:
    logging.disable(logging.CRITICAL)  # pypdf logs every damaged object it meets
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
