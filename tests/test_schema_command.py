"""`congdoan schema` prints the JSON Schema of the output and of each record type."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli.main import app


@pytest.mark.parametrize(
    ("record", "title", "field"),
    [("document", "ExtractedDocument", "entities"), ("support", "SupportFigure", "beneficiaries"),
     ("meeting", "Meeting", "chair"), ("decision", "Decision", "doc_refs"), ("report", "Report", "signer"),
     ("gold", "GoldDocument", "split")],
)
def test_schema(record: str, title: str, field: str) -> None:
    result = CliRunner().invoke(app, ["schema", "--record", record])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == title
    assert field in schema["properties"]
