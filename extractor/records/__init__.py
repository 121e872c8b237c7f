"""Record builders: the report, its meetings, decisions and support figures.

They run as the last pipeline component (``congdoan_records``) over the spans the
recognisers wrote, and store pydantic records in ``doc._.records`` (offsets into the
normalised text; ``extractor.extraction`` maps them to the user's text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor.records.context import Context
from extractor.records.decisions import build_decisions
from extractor.records.meetings import build_meetings
from extractor.records.report import build_report
from extractor.records.support import build_support
from schemas.records import Decision, Meeting, Report, SupportFigure

if not Doc.has_extension("records"):
    Doc.set_extension("records", default=None)


@dataclass
class Records:
    """All records of one document."""

    report: Report | None = None
    meetings: list[Meeting] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    support: list[SupportFigure] = field(default_factory=list)


def build_records(doc: Doc) -> Records:
    """Build every record of an annotated doc.

    >>> from extractor import get_pipeline
    >>> doc = get_pipeline()("Trao 10.283 suất quà cho CNVCLĐ, trị giá 4,1 tỷ đồng.")
    >>> doc._.records.support[0].amount.value
    4100000000
    """
    ctx = Context(doc)
    report_date = doc._.report_date
    report = build_report(ctx, report_date)
    meetings = build_meetings(ctx, report_date)
    decisions, taken_at = build_decisions(ctx, meetings, report)
    meetings = [m.model_copy(update={"decisions": taken_at.get(i, [])}) for i, m in enumerate(meetings)]
    return Records(
        report=report,
        meetings=meetings,
        decisions=decisions,
        support=build_support(ctx),
    )


def records_component(doc: Doc) -> Doc:
    """The ``congdoan_records`` pipeline component."""
    doc._.records = build_records(doc)
    return doc
