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

import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field

from schemas import ENTITY_MODELS, LABELS, ExtractedDocument, GoldDocument

# Fields that place an entity in the text; all other fields are its normalised value.
SPAN_FIELDS = frozenset({"label", "text", "start", "end"})
# Labels whose strict match is the span alone: their fields are names and links, scored as attributes.
SPAN_ONLY_LABELS = frozenset({"PERSON", "ORG", "LOC"})
CONTEXT_WIDTH = 160


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


class RecordScores(BaseModel):
    """Scores of one record type: records matched by evidence overlap, then field by field."""

    records: Scores = Field(default_factory=Scores)
    fields: dict[str, Scores] = Field(default_factory=dict)
    micro: Scores = Field(default_factory=Scores)
    macro: Scores = Field(default_factory=Scores)


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
        """The F1 of a label, or of ``micro``/``macro``; None when the label was not scored."""
        if name in ("micro", "macro"):
            return getattr(getattr(self, name), matching).f1
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


# --- records ----------------------------------------------------------------------------


def evidence_spans(item: Any) -> list[tuple[int, int]]:
    """Every ``(start, end)`` a record carries, itself or in its fields, nested at any depth.

    >>> from schemas import Evidence
    >>> evidence_spans([Evidence(start=3, end=7, text="abcd"), {"x": Evidence(start=10, end=12, text="ab")}])
    [(3, 7), (10, 12)]
    """
    spans: list[tuple[int, int]] = []
    if isinstance(item, BaseModel):
        start, end = getattr(item, "start", None), getattr(item, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            spans.append((start, end))
        for name in type(item).model_fields:
            spans.extend(evidence_spans(getattr(item, name)))
    elif isinstance(item, (list, tuple)):
        for element in item:
            spans.extend(evidence_spans(element))
    elif isinstance(item, dict):
        for element in item.values():
            spans.extend(evidence_spans(element))
    return spans


def evidence_overlap(first: Any, second: Any) -> int:
    """How many characters the evidence of two records shares (each side's spans merged first)."""
    a, b = _merged(evidence_spans(first)), _merged(evidence_spans(second))
    return sum(_overlap(s1, e1, s2, e2) for s1, e1 in a for s2, e2 in b)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def field_items(value: Any) -> list[Any]:
    """The comparable items of a record field: none for null, one per element of a list.

    An entity compares by :func:`strict_key`; another model by its fields (for evidence,
    its span: the text follows from the offsets); a scalar by itself.
    """
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return [item for element in value for item in field_items(element)]
    if isinstance(value, BaseModel):
        if getattr(value, "label", None) in ENTITY_MODELS and hasattr(value, "start"):
            return [strict_key(value)]
        exclude = {"text"} if hasattr(value, "start") and hasattr(value, "end") else set()
        return [json.dumps(value.model_dump(mode="json", exclude=exclude), sort_keys=True, ensure_ascii=False)]
    return [_plain(value)]


class RecordScorer:
    """Scores one record type: the list of records a document holds in ``attribute``.

    Records are paired one to one, greedily by the characters their evidence shares
    (:func:`evidence_overlap`); each field is then scored like a label: its gold items
    over all gold records, predicted items over all predicted records, true positives the
    items equal in paired records. ``fields`` limits the fields scored (default: all of the
    record model); ``keys`` maps a field to a function giving its comparable items when
    equality of :func:`field_items` is too strict (e.g. a name compared case-insensitively).

    >>> scorer = RecordScorer("meetings", keys={"chair": lambda v: [v.lower()] if v else []})
    """

    def __init__(
        self,
        attribute: str,
        fields: Sequence[str] | None = None,
        keys: Mapping[str, Callable[[Any], list[Any]]] | None = None,
    ):
        self.attribute = attribute
        self.fields = list(fields) if fields is not None else None
        self.keys = dict(keys or {})

    def items(self, record: Any, name: str) -> list[Any]:
        return self.keys.get(name, field_items)(getattr(record, name, None))

    def score(self, pairs: Iterable[tuple[Any, Any]]) -> RecordScores:
        """Score ``(gold document, predicted document or None)`` pairs."""
        records = Counter()
        fields: dict[str, Counter] = {}
        for gold_doc, pred_doc in pairs:
            gold = list(getattr(gold_doc, self.attribute, None) or [])
            pred = list(getattr(pred_doc, self.attribute, None) or []) if pred_doc is not None else []
            names = self.fields or _record_fields(gold + pred)
            for name in names:
                fields.setdefault(name, Counter())
            records["gold"] += len(gold)
            records["pred"] += len(pred)
            candidates = [
                (-overlap, g, p)
                for g, gold_record in enumerate(gold)
                for p, pred_record in enumerate(pred)
                if (overlap := evidence_overlap(gold_record, pred_record))
            ]
            pairs_found = _greedy(candidates)
            records["tp"] += len(pairs_found)
            for name in names:
                tally = fields[name]
                tally["gold"] += sum(len(self.items(r, name)) for r in gold)
                tally["pred"] += sum(len(self.items(r, name)) for r in pred)
                for g, p in pairs_found:
                    shared = Counter(self.items(gold[g], name)) & Counter(self.items(pred[p], name))
                    tally["tp"] += sum(shared.values())
        field_scores = {name: Scores.from_counts(c["gold"], c["pred"], c["tp"]) for name, c in fields.items()}
        total = sum(fields.values(), Counter())
        return RecordScores(
            records=Scores.from_counts(records["gold"], records["pred"], records["tp"]),
            fields=field_scores,
            micro=Scores.from_counts(total["gold"], total["pred"], total["tp"]),
            macro=Scores.macro([s for s in field_scores.values() if s.gold or s.pred]),
        )


def _record_fields(records: list[Any]) -> list[str]:
    names: dict[str, None] = {}
    for record in records:
        if isinstance(record, BaseModel):
            names.update(dict.fromkeys(type(record).model_fields))
    return list(names)


# Record scorers by record type, i.e. the document attribute holding the records
# (``meetings``, ``decisions`` ...). A record type with no entry here is scored by a
# plain RecordScorer over all its fields.
RECORD_SCORERS: dict[str, RecordScorer] = {}


def register_record_scorer(scorer: RecordScorer) -> RecordScorer:
    """Add (or replace) the scorer of ``scorer.attribute`` in :data:`RECORD_SCORERS`."""
    RECORD_SCORERS[scorer.attribute] = scorer
    return scorer


def record_attributes(documents: Iterable[BaseModel]) -> list[str]:
    """The document attributes that hold records: lists of models carrying evidence spans.

    ``entities`` is scored as entities, not as records.
    """
    found: dict[str, None] = {}
    for doc in documents:
        for name in type(doc).model_fields:
            if name == "entities" or name in found:
                continue
            value = getattr(doc, name)
            if isinstance(value, list) and any(isinstance(v, BaseModel) and evidence_spans(v) for v in value):
                found[name] = None
    return list(found)


def score_records(
    gold_docs: Sequence[GoldDocument],
    pred_docs: Mapping[str, ExtractedDocument | None],
    scorers: Mapping[str, RecordScorer] | None = None,
) -> dict[str, RecordScores]:
    """Score every record type found in the gold or predicted documents, or registered.

    A record type is scored only on gold documents that have that attribute at all, so
    a gold model without ``meetings`` is not read as "no meetings".
    """
    scorers = RECORD_SCORERS if scorers is None else scorers
    predicted = [pred_docs.get(doc.id) for doc in gold_docs]
    everything = [*gold_docs, *(p for p in predicted if p is not None)]
    names = list(dict.fromkeys([*record_attributes(everything),
                                *(n for n in scorers if any(n in type(d).model_fields for d in gold_docs))]))
    results = {}
    for name in names:
        scorer = scorers.get(name) or RecordScorer(name)
        # Only documents whose gold annotates this record type: an empty list there means
        # "none in this report", elsewhere it means "not annotated".
        pairs = [(g, p) for g, p in zip(gold_docs, predicted)
                 if name in type(g).model_fields and name in getattr(g, "record_types", [name])]
        results[name] = scorer.score(pairs)
    return results


# --- baseline ---------------------------------------------------------------------------

_BASELINE_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}


def baseline_underthesea(text: str) -> list:
    """PERSON/ORG/LOC entities from underthesea's CRF ``ner()``, as a baseline to beat.

    ``ner()`` runs per sentence (our splitting: it glues words across sentences), its
    words are aligned back to the characters, and its BIO tags become spans. Never
    ``deep=True``: that downloads a transformer.

    >>> [(e.label, e.text) for e in baseline_underthesea("Ông Vàng A Lả chủ trì hội nghị.")]   # doctest: +SKIP
    [('PERSON', 'Vàng A Lả')]
    """
    from underthesea import ner  # late import: importing congdoan stays cheap

    from extractor.normalize import normalize
    from extractor.segment import split_sentences

    normalized = normalize(text)
    entities = []
    for s_start, s_end in split_sentences(normalized.text):
        tokens = ner(normalized.text[s_start:s_end])
        spans = align_words(normalized.text, s_start, s_end, [token[0] for token in tokens])
        for tag, start, end in bio_spans([token[3] for token in tokens], spans):
            label = _BASELINE_LABELS.get(tag)
            if label is None:
                continue
            o_start, o_end = normalized.to_original(start, end)
            entities.append(ENTITY_MODELS[label](text=text[o_start:o_end], start=o_start, end=o_end))
    return entities


def align_words(text: str, start: int, end: int, words: Sequence[str]) -> list[tuple[int, int] | None]:
    """The character span of each word in ``text[start:end]``, or None for a word not found.

    Characters are compared without diacritics and case, because underthesea may rewrite
    a word (``hoà`` -> ``hòa``); white space inside words is skipped.

    >>> align_words("Ông  Vàng A Lả.", 0, 15, ["Ông", "Vàng A Lả", "."])
    [(0, 3), (5, 14), (14, 15)]
    """
    spans: list[tuple[int, int] | None] = []
    cursor = start
    for word in words:
        target = [_fold(ch) for ch in word if not ch.isspace()]
        found = None
        # A word underthesea dropped or rewrote beyond folding leaves characters behind:
        # look a little further for the next word instead of losing the rest of the line.
        tried = 0
        for first in range(cursor, end):
            if text[first].isspace():
                continue
            last = _match_at(text, first, end, target)
            if last is not None:
                found = (first, last)
                cursor = last
                break
            tried += 1
            if tried == _RESYNC_WINDOW:
                break
        spans.append(found)
    return spans


# How many characters a word may be looked for past where the previous one ended.
_RESYNC_WINDOW = 40


def _match_at(text: str, position: int, end: int, target: list[str]) -> int | None:
    """The end of ``target`` read from ``position`` (white space skipped), or None."""
    matched = 0
    while position < end and matched < len(target):
        char = text[position]
        if char.isspace():
            position += 1
            continue
        if _fold(char) != target[matched]:
            return None
        matched += 1
        position += 1
    return position if target and matched == len(target) else None


def _fold(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char.lower())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "d" if base == "đ" else base


def bio_spans(tags: Sequence[str], spans: Sequence[tuple[int, int] | None]) -> list[tuple[str, int, int]]:
    """Join BIO-tagged words into ``(type, start, end)``; an ``I-`` after another type starts a span.

    >>> bio_spans(["O", "B-PER", "I-PER", "I-LOC"], [(0, 3), (4, 8), (9, 10), (11, 13)])
    [('PER', 4, 10), ('LOC', 11, 13)]
    """
    found: list[tuple[str, int, int]] = []
    current: list | None = None
    for tag, span in zip(tags, spans):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if span is None or kind is None:
            current = None
            continue
        if tag.startswith("I-") and current is not None and current[0] == kind:
            current[2] = span[1]
            found[-1] = tuple(current)
            continue
        current = [kind, span[0], span[1]]
        found.append(tuple(current))
    return found


def baseline_documents(gold_docs: Sequence[GoldDocument]) -> dict[str, ExtractedDocument]:
    """underthesea's entities for each gold text, keyed by gold id."""
    return {
        doc.id: ExtractedDocument(source=doc.source, text=doc.text, entities=baseline_underthesea(doc.text or ""))
        for doc in gold_docs
    }


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
