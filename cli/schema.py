"""`congdoan schema`: the JSON Schema of the output, or of one record type."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from schemas import ExtractedDocument, GoldDocument
from schemas.people import PersonRecord
from schemas.records import Decision, Meeting, Report, SupportFigure


class Record(str, Enum):
    document = "document"
    report = "report"
    meeting = "meeting"
    decision = "decision"
    support = "support"
    person = "person"
    gold = "gold"


MODELS = {
    Record.document: ExtractedDocument,
    Record.report: Report,
    Record.meeting: Meeting,
    Record.decision: Decision,
    Record.support: SupportFigure,
    Record.person: PersonRecord,
    Record.gold: GoldDocument,
}


def schema_command(
    record: Annotated[Record, typer.Option("--record", "-r", help="Which model: the whole document or one record.")]
    = Record.document,
) -> None:
    """Print the JSON Schema (draft 2020-12) of congdoan's output."""
    typer.echo(json.dumps(MODELS[record].model_json_schema(), ensure_ascii=False, indent=2))
