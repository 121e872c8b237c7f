"""Scoring predicted documents against the gold corpus: P/R/F1 per label, attributes, records.

Two matchings of entities, as in GROBID's end-to-end evaluation:

- **strict**: same label, same span and the same normalised fields (every field of the
  entity model but ``text``/``start``/``end``). PERSON, ORG and LOC are matched on label
  and span only; their fields (``role``, ``canonical`` ...) are scored separately as
  *attribute accuracy* over span-matched pairs.
- **lenient**: same label and overlapping spans, one-to-one, greedy by overlap.

Only the labels a gold document lists in ``labels`` are scored for that document;
predictions of other labels are ignored there.

>>> from schemas import GoldDocument, MoneyEntity
>>> text = "gần 3 tỷ đồng"
>>> gold = GoldDocument(id="a", origin="synthetic", split="dev", labels=["MONEY"], text=text,
...     entities=[MoneyEntity(text="3 tỷ đồng", start=4, end=13, value=3_000_000_000, qualifier="under")])
>>> pred = gold.model_copy(update={"entities": [MoneyEntity(text="3 tỷ đồng", start=4, end=13, value=3_000_000_000)]})
>>> result = evaluate([gold], [pred])
>>> result.labels["MONEY"].strict.f1, result.labels["MONEY"].lenient.f1
(0.0, 1.0)

Record-level scoring (meetings, decisions ...) plugs in through :data:`RECORD_SCORERS`:
see :class:`RecordScorer`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from extractor.baseline import _BASELINE_LABELS, align_words, baseline_documents, baseline_underthesea, bio_spans
from extractor.record_scoring import (
    RECORD_SCORERS,
    RecordScorer,
    evidence_overlap,
    evidence_spans,
    field_items,
    register_record_scorer,
    score_records,
)
from extractor.scores import (
    SPAN_FIELDS,
    SPAN_ONLY_LABELS,
    AttributeScore,
    ErrorItem,
    EvaluationResult,
    LabelScores,
    RecordScores,
    Scores,
    match_lenient,
    match_strict,
    _plain,
    strict_key,
    value_fields,
)
from schemas import LABELS, ExtractedDocument, GoldDocument

CONTEXT_WIDTH = 160

# The public evaluation API, gathered here from the modules that implement it.
__all__ = [
    "RECORD_SCORERS", "SPAN_FIELDS", "SPAN_ONLY_LABELS", "AttributeScore", "ErrorItem", "EvaluationResult",
    "LabelScores", "RecordScorer", "RecordScores", "Scores", "align_words", "baseline_documents",
    "baseline_underthesea", "bio_spans", "check_thresholds", "context", "evaluate", "evaluate_baseline",
    "evidence_overlap", "evidence_spans", "field_items", "match_lenient", "match_strict",
    "register_record_scorer", "score_records", "strict_key", "value_fields",
]

# --- entity evaluation ------------------------------------------------------------------


def evaluate(
    gold_docs: Sequence[GoldDocument],
    pred_docs: Mapping[str, ExtractedDocument | None] | Sequence[ExtractedDocument | None],
    *,
    labels: Iterable[str] | None = None,
    split: str = "all",
    record_scorers: Mapping[str, RecordScorer] | None = None,
    records: bool = True,
) -> EvaluationResult:
    """Score predictions against gold documents.

    ``pred_docs`` is either a mapping from gold ``id`` to its prediction or a sequence
    aligned with ``gold_docs``; a missing prediction counts as predicting nothing (and is
    listed in ``missing``). ``labels`` restricts the labels scored; ``split`` keeps only
    gold documents of that split (``all`` keeps every one). ``record_scorers`` defaults to
    :data:`RECORD_SCORERS`; ``records=False`` scores entities only.
    """
    if not isinstance(pred_docs, Mapping):
        pred_docs = list(pred_docs)
        if len(pred_docs) != len(gold_docs):
            raise ValueError(f"{len(gold_docs)} gold documents but {len(pred_docs)} predictions")
        pred_docs = {gold.id: pred for gold, pred in zip(gold_docs, pred_docs)}
    if split != "all":
        gold_docs = [doc for doc in gold_docs if doc.split == split]
    wanted = set(labels) if labels is not None else set(LABELS)

    counts: dict[str, Counter] = {}
    attributes: dict[str, dict[str, list[int]]] = {}
    errors: list[ErrorItem] = []
    missing: list[str] = []
    for gold in gold_docs:
        pred = pred_docs.get(gold.id)
        if pred is None:
            missing.append(gold.id)
        scored = [label for label in LABELS if label in gold.labels and label in wanted]
        for label in scored:
            counts.setdefault(label, Counter())
        gold_entities = [e for e in gold.entities if e.label in scored]
        pred_entities = [e for e in (pred.entities if pred else []) if e.label in scored]
        _count_document(gold_entities, pred_entities, counts, attributes)
        errors.extend(_errors(gold, gold_entities, pred_entities))

    label_scores = {
        label: LabelScores(
            strict=Scores.from_counts(c["gold"], c["pred"], c["strict"]),
            lenient=Scores.from_counts(c["gold"], c["pred"], c["lenient"]),
        )
        for label in LABELS
        if (c := counts.get(label)) is not None
    }
    # Labels with neither gold nor predicted entities have no defined score: left out of the macro mean.
    present = [s for s in label_scores.values() if s.strict.gold or s.strict.pred]
    total = sum(counts.values(), Counter())
    return EvaluationResult(
        split=split,
        documents=len(gold_docs),
        labels=label_scores,
        micro=LabelScores(
            strict=Scores.from_counts(total["gold"], total["pred"], total["strict"]),
            lenient=Scores.from_counts(total["gold"], total["pred"], total["lenient"]),
        ),
        macro=LabelScores(
            strict=Scores.macro([s.strict for s in present]),
            lenient=Scores.macro([s.lenient for s in present]),
        ),
        attributes={
            label: {
                name: AttributeScore(matched=m, correct=c, accuracy=c / m if m else None)
                for name, (m, c) in fields.items()
            }
            for label in LABELS
            if (fields := attributes.get(label))
        },
        records=score_records(gold_docs, pred_docs, record_scorers) if records else {},
        errors=errors,
        missing=missing,
    )


def _count_document(gold: list, pred: list, counts: dict[str, Counter], attributes: dict) -> None:
    for entity in gold:
        counts[entity.label]["gold"] += 1
    for entity in pred:
        counts[entity.label]["pred"] += 1
    for g, _ in match_strict(gold, pred):
        counts[gold[g].label]["strict"] += 1
    for g, _ in match_lenient(gold, pred):
        counts[gold[g].label]["lenient"] += 1
    # Attribute accuracy: same label and span, whatever the values say.
    for g, p in match_strict(gold, pred, key=lambda e: (e.label, e.start, e.end)):
        label = gold[g].label
        fields = attributes.setdefault(label, {name: [0, 0] for name in value_fields(label)})
        for name, tally in fields.items():
            tally[0] += 1
            tally[1] += _plain(getattr(gold[g], name)) == _plain(getattr(pred[p], name))


def _errors(doc: GoldDocument, gold: list, pred: list) -> list[ErrorItem]:
    """The strict errors of one document, mismatches paired by overlap, in text order."""
    strict = match_strict(gold, pred)
    left_gold = [gold[i] for i in sorted(set(range(len(gold))) - {g for g, _ in strict})]
    left_pred = [pred[i] for i in sorted(set(range(len(pred))) - {p for _, p in strict})]
    paired = match_lenient(left_gold, left_pred)
    text = doc.text or ""
    items: list[tuple[int, ErrorItem]] = []
    for g, p in paired:
        entity = left_gold[g]
        items.append((entity.start, ErrorItem(
            document=doc.id, kind="MISMATCH", label=entity.label, context=context(text, entity.start, entity.end),
            gold=_shown(entity), pred=_shown(left_pred[p]),
        )))
    for g in sorted(set(range(len(left_gold))) - {g for g, _ in paired}):
        entity = left_gold[g]
        items.append((entity.start, ErrorItem(document=doc.id, kind="FN", label=entity.label,
                                              context=context(text, entity.start, entity.end), gold=_shown(entity))))
    for p in sorted(set(range(len(left_pred))) - {p for _, p in paired}):
        entity = left_pred[p]
        items.append((entity.start, ErrorItem(document=doc.id, kind="FP", label=entity.label,
                                              context=context(text, entity.start, entity.end), pred=_shown(entity))))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _shown(entity) -> dict[str, Any]:
    return entity.model_dump(mode="json", exclude={"label"})


def context(text: str, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
    """The line around ``text[start:end]`` with the span marked ``[[…]]``, at most ~``width`` chars.

    >>> context("Hội nghị.\\nHỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.\\nKết thúc.", 37, 53)
    'Hỗ trợ 3 đoàn viên số tiền [[119,5 triệu đồng]].'
    >>> context("x" * 200 + "ABC" + "y" * 200, 200, 203, width=20)
    '…xxxxx[[ABC]]yyyyyy…'
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, inside, after = text[line_start:start], text[start:end], text[end:line_end]
    room = max(0, width - len(inside) - 4)
    if len(before) + len(after) > room:
        keep_before = min(len(before), max(room // 2, room - len(after)))
        keep_after = min(len(after), room - keep_before)
        before = ("…" + before[len(before) - keep_before + 1:]) if keep_before < len(before) else before
        after = (after[:keep_after - 1] + "…") if keep_after < len(after) else after
    shown = f"{before}[[{inside}]]{after}"
    return shown.replace("\n", " ").strip()


def evaluate_baseline(
    gold_docs: Sequence[GoldDocument], split: str = "all", labels: Iterable[str] | None = None
) -> EvaluationResult | None:
    """Score underthesea's ``ner()`` on the gold texts as PERSON/ORG/LOC (or those of ``labels``).

    None when ``labels`` leaves none of the three.
    """
    wanted = [label for label in _BASELINE_LABELS.values() if labels is None or label in set(labels)]
    if not wanted:
        return None
    if split != "all":
        gold_docs = [doc for doc in gold_docs if doc.split == split]
    return evaluate(gold_docs, baseline_documents(gold_docs), labels=wanted, split=split, records=False)


# --- thresholds -------------------------------------------------------------------------


def check_thresholds(result: EvaluationResult, thresholds: Mapping[str, float]) -> list[str]:
    """The thresholds a result falls short of, one message each (strict F1).

    Keys are labels, ``micro`` or ``macro``. A label that was not scored fails too: a
    gate on a label nobody annotated would otherwise pass silently.

    >>> check_thresholds(EvaluationResult(), {"MONEY": 0.95})
    ['MONEY: no score (no document of this evaluation is annotated for MONEY)']
    """
    failures = []
    for name, minimum in thresholds.items():
        score = result.f1(name)
        if score is None:
            failures.append(f"{name}: no score (no document of this evaluation is annotated for {name})")
        elif score < minimum:
            failures.append(f"{name}: strict F1 {score:.3f} < {minimum:.3f}")
    return failures
