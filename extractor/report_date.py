"""The report's own date (its dateline) and the dates completed from it.

A report says ``ngày 28/7`` or ``6 tháng đầu năm`` without a year when the year is the
report's own. We take that year only from a dateline, never from the nearest date in the
text: a dateline is a full date standing alone on one of the first lines (``Ngày 28
tháng 07 năm 2021``, ``17:30 08-01-24``) or after a place name (``Lai Châu, ngày 05 tháng 8
năm 2021``). Without a dateline a yearless date keeps ``value: null``.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from extractor.data import load_resource
from extractor.pipeline import doc_text, span_offsets
from extractor.spelling import WrittenIndex

HEADER_LINES = 15  # a dateline printed at the top stands within the first lines
_PLACE_DATELINE = re.compile(r"^\s*[A-ZĐÀ-Ỹ][^\s,.;:]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:]*){0,3}\s*,\s*$")
_ONLY_DECORATION = re.compile(r"^[\s,.:\-–()]*$")


@cache
def _leads() -> WrittenIndex[bool]:
    # As written or, typed without diacritics, without them ("Cap nhat ngay").
    return WrittenIndex((entry["words"], True) for entry in load_resource("datelines.yaml")["leads"])


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end == -1 else line_end


def _is_dateline(doc: Doc, span: Span) -> bool:
    attrs = span._.attrs or {}
    if attrs.get("precision") != "day" or not attrs.get("value"):
        return False
    text = doc_text(doc)
    start, end = span_offsets(span)
    line_start, line_end = _line_bounds(text, start, end)
    before = text[line_start:start]
    after = text[end:line_end]
    if not _ONLY_DECORATION.match(after):
        return False
    lead = before.strip().rstrip(":").strip().lower()
    if _ONLY_DECORATION.match(before) or lead in _leads():
        return text[:line_start].count("\n") < HEADER_LINES or not text[:line_start].strip()
    return bool(_PLACE_DATELINE.match(before))


def find_report_date(doc: Doc) -> str | None:
    """Return the ISO date of the report's dateline, or None when there is none.

    >>> from extractor import get_pipeline
    >>> find_report_date(get_pipeline()("Ngày 28 tháng 07 năm 2021\\n\\nHội nghị ngày 25/7."))
    '2021-07-28'
    """
    for span in doc.spans.get("congdoan", []):
        if span.label_ == "DATE" and _is_dateline(doc, span):
            return span._.attrs["value"]
    return None


def complete_dates(doc: Doc) -> Doc:
    """Set ``doc._.report_date`` and give yearless dates the report's year."""
    report_date = find_report_date(doc)
    doc._.report_date = report_date
    if report_date is None:
        return doc
    year = int(report_date[:4])
    for span in doc.spans.get("congdoan", []):
        attrs = span._.attrs or {}
        if span.label_ != "DATE" or attrs.get("value") is not None or attrs.get("year") is not None:
            continue
        value = _complete(year, attrs)
        if value is not None:
            span._.attrs = {**attrs, "value": value, "year": year, "year_from_report": True}
    return doc


def _complete(year: int, attrs: dict) -> str | None:
    import datetime

    precision, month, day = attrs.get("precision"), attrs.get("month"), attrs.get("day")
    if precision == "day" and month and day:
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            return None
    if precision == "month" and month:
        return f"{year:04d}-{month:02d}"
    if precision in ("half", "quarter") and attrs.get("part"):
        return f"{year:04d}-{'H' if precision == 'half' else 'Q'}{attrs['part']}"
    return None
