"""Result models and span matching shared by entity and record evaluation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field

from schemas import ENTITY_MODELS

# Fields that place an entity in the text; all other fields are its normalised value.
SPAN_FIELDS = frozenset({"label", "text", "start", "end"})
# Labels whose strict match is the span alone: their fields are names and links, scored as attributes.
SPAN_ONLY_LABELS = frozenset({"PERSON", "ORG", "LOC"})


# --- result models ----------------------------------------------------------------------


class Scores(BaseModel):
    """Counts and P/R/F1 of one matching; a score with nothing to divide by is 0.

    >>> Scores.from_counts(gold=3, pred=2, tp=1).model_dump()
    {'gold': 3, 'pred': 2, 'tp': 1, 'precision': 0.5, 'recall': 0.3333333333333333, 'f1': 0.4}
    """

    gold: int = 0
    pred: int = 0
    tp: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0

    @classmethod
    def from_counts(cls, gold: int, pred: int, tp: int) -> Scores:
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(gold=gold, pred=pred, tp=tp, precision=precision, recall=recall, f1=f1)

    @classmethod
    def macro(cls, scores: Sequence[Scores]) -> Scores:
        """The mean of P, R and F1 (counts summed) over ``scores``."""
        if not scores:
            return cls()
        n = len(scores)
        return cls(
            gold=sum(s.gold for s in scores), pred=sum(s.pred for s in scores), tp=sum(s.tp for s in scores),
            precision=sum(s.precision for s in scores) / n, recall=sum(s.recall for s in scores) / n,
            f1=sum(s.f1 for s in scores) / n,
        )


class LabelScores(BaseModel):
    """The strict and lenient scores of one label (or of an average)."""

    strict: Scores = Field(default_factory=Scores)
    lenient: Scores = Field(default_factory=Scores)


class AttributeScore(BaseModel):
    """Agreement of one field over gold/predicted pairs with the same label and span."""

    matched: int = 0
    correct: int = 0
    accuracy: float | None = None


class ErrorItem(BaseModel):
    """One strict error, with the sentence around it.

    ``kind`` is ``FN`` (a gold entity nothing predicted), ``FP`` (a prediction with no gold)
    or ``MISMATCH``: a gold and a predicted entity that overlap (a lenient match) but differ
    in span or value; it counts as one FN and one FP and shows both side by side.
    """

    document: str
    kind: Literal["FN", "FP", "MISMATCH"]
    label: str
    context: str
    gold: dict[str, Any] | None = None
    pred: dict[str, Any] | None = None


class RecordError(BaseModel):
    """One miss of the record scoring: a record or a field item that gold and prediction do not share.

    ``field`` is ``(record)`` for a whole gold record nothing was paired with (``FN``) or a
    predicted record with no gold (``FP``); otherwise the field of two paired records, with
    the items only gold has (``FN``), only the prediction has (``FP``) or both when each side
    has items the other lacks (``MISMATCH``). ``context`` is the start of the record's evidence.
    """

    document: str
    record_type: str
    kind: Literal["FN", "FP", "MISMATCH"]
    field: str
    context: str
    gold: list[str] = Field(default_factory=list)
    pred: list[str] = Field(default_factory=list)


class RecordScores(BaseModel):
    """Scores of one record type: records matched by evidence overlap, then field by field."""

    records: Scores = Field(default_factory=Scores)
    fields: dict[str, Scores] = Field(default_factory=dict)
    micro: Scores = Field(default_factory=Scores)
    macro: Scores = Field(default_factory=Scores)
    errors: list[RecordError] = Field(default_factory=list)


class EvaluationResult(BaseModel):
    """Everything :func:`evaluate` measured; the CLI prints it as a table or JSON."""

    split: str = "all"
    documents: int = 0
    labels: dict[str, LabelScores] = Field(default_factory=dict)
    micro: LabelScores = Field(default_factory=LabelScores)
    macro: LabelScores = Field(default_factory=LabelScores)
    attributes: dict[str, dict[str, AttributeScore]] = Field(default_factory=dict)
    records: dict[str, RecordScores] = Field(default_factory=dict)
    errors: list[ErrorItem] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list, description="Gold documents without a prediction.")
    baseline: EvaluationResult | None = None

    def f1(self, name: str, matching: Literal["strict", "lenient"] = "strict") -> float | None:
        """The F1 of a label, of ``micro``/``macro``, of a record type (its field-level micro
        F1: ``support``) or of one record field (``support.amount``); None when not scored."""
        if name in ("micro", "macro"):
            return getattr(getattr(self, name), matching).f1
        record_type, _, field = name.partition(".")
        if record_type in self.records:
            record = self.records[record_type]
            if not field:
                return record.micro.f1
            return record.fields[field].f1 if field in record.fields else None
        scores = self.labels.get(name)
        return None if scores is None else getattr(scores, matching).f1


# --- entity keys and matching -----------------------------------------------------------


def value_fields(label: str) -> tuple[str, ...]:
    """The normalised fields of a label's model, e.g. ``('value', 'qualifier')`` for MONEY."""
    return tuple(name for name in ENTITY_MODELS[label].model_fields if name not in SPAN_FIELDS)


def _plain(value: Any) -> Any:
    # Percentages are floats: 72.2 parsed twice must compare equal.
    return round(value, 6) if isinstance(value, float) else value


def strict_key(entity) -> tuple:
    """What must be equal for a strict match: label, span and (value labels) the value.

    >>> from schemas import MoneyEntity
    >>> strict_key(MoneyEntity(text="3 tỷ đồng", start=4, end=13, value=3_000_000_000, qualifier="under"))
    ('MONEY', 4, 13, ('value', 3000000000), ('qualifier', 'under'))
    """
    key: tuple = (entity.label, entity.start, entity.end)
    if entity.label in SPAN_ONLY_LABELS:
        return key
    return key + tuple((name, _plain(getattr(entity, name))) for name in value_fields(entity.label))


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_strict(gold: Sequence, pred: Sequence, key: Callable[[Any], Any] = strict_key) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, pred index)`` pairs with equal keys."""
    waiting: dict[Any, list[int]] = {}
    for index, entity in enumerate(gold):
        waiting.setdefault(key(entity), []).append(index)
    pairs = []
    for index, entity in enumerate(pred):
        candidates = waiting.get(key(entity))
        if candidates:
            pairs.append((candidates.pop(0), index))
    return pairs


def match_lenient(gold: Sequence, pred: Sequence) -> list[tuple[int, int]]:
    """One-to-one pairs of same-label overlapping spans, greedy by overlap.

    Ties go to the pair whose boundaries are closer, so an exact span wins over a wider one.

    >>> from schemas import PersonEntity as P
    >>> gold = [P(text="Vàng A Lả", start=4, end=13)]
    >>> pred = [P(text="Ông Vàng A Lả", start=0, end=13), P(text="Vàng A Lả", start=4, end=13)]
    >>> match_lenient(gold, pred)
    [(0, 1)]
    """
    candidates = []
    for g, gold_entity in enumerate(gold):
        for p, pred_entity in enumerate(pred):
            if gold_entity.label != pred_entity.label:
                continue
            overlap = _overlap(gold_entity.start, gold_entity.end, pred_entity.start, pred_entity.end)
            if overlap:
                distance = abs(gold_entity.start - pred_entity.start) + abs(gold_entity.end - pred_entity.end)
                candidates.append((-overlap, distance, g, p))
    return _greedy(candidates)


def _greedy(candidates: list[tuple]) -> list[tuple[int, int]]:
    """Take ``(…, gold index, pred index)`` candidates best first, each index once."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for *_, g, p in sorted(candidates):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


