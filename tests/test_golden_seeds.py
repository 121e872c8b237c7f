"""Golden files: the five real seed reports, compared entity by entity with their gold.

The gold (``corpus/gold/seed_*.json``) is annotated by hand following corpus/README.md.
For the value labels the extractor must reproduce it exactly: every money amount, date,
count, percentage and document reference, with its span and normalised value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract
from schemas import GoldDocument

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
VALUE_LABELS = ("MONEY", "COUNT", "PERCENT", "DATE", "DOC_REF")
SEEDS = sorted((CORPUS / "gold").glob("seed_*.json"))


def _entities(document, label: str) -> list[dict]:
    return [e.model_dump(mode="json") for e in document.entities if e.label == label]


def test_there_are_five_seed_gold_files() -> None:
    assert [p.stem[:8] for p in SEEDS] == ["seed_000", "seed_001", "seed_002", "seed_003", "seed_004"]


@pytest.mark.parametrize("label", VALUE_LABELS)
@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:8] for p in SEEDS])
def test_seed_matches_gold(path: Path, label: str) -> None:
    gold = GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))
    predicted = extract(gold.text, source=gold.source)
    assert _entities(predicted, label) == _entities(gold, label)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:8] for p in SEEDS])
def test_seed_report_date(path: Path) -> None:
    gold = GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))
    assert extract(gold.text).report_date == gold.report_date


# The record fields the seed reports must get right (issue: every support figure's amount,
# beneficiaries, purpose and status; every meeting's kind, date and chair; every decision
# that cites a document, whole).
SEED_RECORD_FIELDS = {
    "support": ("amount", "beneficiaries.count", "beneficiaries.who", "purpose", "status"),
    "meetings": ("kind", "date", "chair"),
    "decisions": ("action", "object", "people", "decided_by", "date", "doc_refs", "status"),
}


@pytest.mark.parametrize("record_type", sorted(SEED_RECORD_FIELDS))
def test_seed_records_match_gold(record_type: str) -> None:
    from extractor.evaluate import evaluate

    golds = [GoldDocument.model_validate_json(path.read_text(encoding="utf-8")) for path in SEEDS]
    predicted = {gold.id: extract(gold.text, source=gold.source) for gold in golds}
    scores = evaluate(golds, predicted).records[record_type]
    assert scores.records.f1 == 1.0, [e.context for e in scores.errors if e.field == "(record)"]
    for field in SEED_RECORD_FIELDS[record_type]:
        field_scores = scores.fields[field]
        if record_type == "decisions" and field_scores.gold == 0:
            continue
        misses = [(e.document, e.gold, e.pred) for e in scores.errors if e.field == field]
        assert (field_scores.precision, field_scores.recall) == (1.0, 1.0), misses
