"""The document model: what `congdoan extract` prints for one input."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from schemas.entities import Entity, Evidence
from schemas.people import PersonRecord
from schemas.records import Decision, Meeting, Report, SupportFigure


class CleaningStep(BaseModel):
    """One kind of cleaning that fired, with the stretches of the input it affected.

    ``name`` is one of ``boilerplate``, ``repeated_block``, ``transcription_marker``,
    ``ocr_digits``, ``dehyphenation``, ``line_join``; ``spans`` index the input text (the
    line removed, the copy of a page header, the line break joined), so
    ``text[s.start:s.end] == s.text`` for each.
    """

    model_config = ConfigDict(extra="forbid")

    name: str
    spans: list[Evidence] = Field(default_factory=list)


class ExtractedDocument(BaseModel):
    """Everything extracted from one report.

    ``text`` is the input exactly as read, so that ``text[e.start:e.end] == e.text`` can be
    checked for every entity ``e``; it is ``None`` only when the user asked to leave it out.
    """

    model_config = ConfigDict(extra="forbid")

    source: str | None = Field(default=None, description="Path of the input, or null for a string/stdin.")
    text: str | None = Field(default=None, description="The input text as read.")
    report_date: str | None = Field(
        default=None, description="ISO date of the report itself (dateline), used to complete partial dates."
    )
    entities: list[Entity] = Field(default_factory=list, description="Entities in text order.")
    people: list[PersonRecord] = Field(
        default_factory=list, description="The people of the document, each mention of one person merged."
    )
    report: Report | None = Field(default=None, description="The report itself: title, kind, issuer, date, signer.")
    meetings: list[Meeting] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    support: list[SupportFigure] = Field(default_factory=list, description="Support figures, actual and planned.")
    cleaning: list[CleaningStep] = Field(
        default_factory=list,
        description="Cleaning steps that fired before recognition (lines joined, boilerplate removed ...).",
    )
