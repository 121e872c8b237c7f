"""Record-level scoring: records paired by their evidence, then scored field by field."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from extractor.scores import RecordError, RecordScores, Scores, _greedy, _overlap, _plain, strict_key
from schemas import ENTITY_MODELS, ExtractedDocument, GoldDocument

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

    def field_names(self, records: list[Any]) -> list[str]:
        return _record_fields(records)

    def score(self, pairs: Iterable[tuple[Any, Any]]) -> RecordScores:
        """Score ``(gold document, predicted document or None)`` pairs."""
        records = Counter()
        fields: dict[str, Counter] = {}
        errors: list[RecordError] = []
        for gold_doc, pred_doc in pairs:
            gold = _records_of(gold_doc, self.attribute)
            pred = _records_of(pred_doc, self.attribute) if pred_doc is not None else []
            names = self.fields or self.field_names(gold + pred)
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
            errors.extend(self._errors(gold_doc, gold, pred, pairs_found, names))
        field_scores = {name: Scores.from_counts(c["gold"], c["pred"], c["tp"]) for name, c in fields.items()}
        total = sum(fields.values(), Counter())
        return RecordScores(
            records=Scores.from_counts(records["gold"], records["pred"], records["tp"]),
            fields=field_scores,
            micro=Scores.from_counts(total["gold"], total["pred"], total["tp"]),
            macro=Scores.macro([s for s in field_scores.values() if s.gold or s.pred]),
            errors=errors,
        )

    def _errors(
        self, gold_doc: Any, gold: list[Any], pred: list[Any], paired: list[tuple[int, int]], names: list[str]
    ) -> list[RecordError]:
        """The misses of one document: unpaired records, then the differing items of paired ones."""
        document = getattr(gold_doc, "id", "")

        def error(kind: str, field: str, record: Any, gold_items=(), pred_items=()) -> RecordError:
            return RecordError(document=document, record_type=self.attribute, kind=kind, field=field,
                               context=_record_context(record), gold=[_shown(i) for i in gold_items],
                               pred=[_shown(i) for i in pred_items])

        found: list[tuple[int, RecordError]] = []
        gold_paired, pred_paired = {g for g, _ in paired}, {p for _, p in paired}
        for g, record in enumerate(gold):
            if g not in gold_paired:
                found.append((_first_offset(record), error("FN", "(record)", record)))
        for p, record in enumerate(pred):
            if p not in pred_paired:
                found.append((_first_offset(record), error("FP", "(record)", record)))
        for g, p in paired:
            for name in names:
                gold_items, pred_items = Counter(self.items(gold[g], name)), Counter(self.items(pred[p], name))
                only_gold, only_pred = gold_items - pred_items, pred_items - gold_items
                if only_gold or only_pred:
                    kind = "MISMATCH" if only_gold and only_pred else ("FN" if only_gold else "FP")
                    found.append((_first_offset(gold[g]), error(kind, name, gold[g], only_gold.elements(),
                                                                only_pred.elements())))
        return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def _first_offset(record: Any) -> int:
    spans = evidence_spans(record)
    return min(start for start, _ in spans) if spans else -1


def _record_context(record: Any, width: int = 120) -> str:
    """The start of a record's evidence text (its first span), for a person reading the misses."""
    evidence = getattr(record, "evidence", None) or []
    text = " ".join(getattr(span, "text", "") or "" for span in evidence[:1]) or ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _shown(item: Any) -> str:
    return item if isinstance(item, str) else json.dumps(item, ensure_ascii=False, default=str)


def _records_of(document: Any, attribute: str) -> list[Any]:
    """The records a document holds in ``attribute``: a list, or one record (``report``)."""
    value = getattr(document, attribute, None)
    if value is None:
        return []
    return [value] if isinstance(value, BaseModel) else list(value)


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


def _annotates(gold: Any, name: str) -> bool:
    """Whether a gold document annotates record type ``name`` (a GoldDocument lists them in
    ``record_types``; an empty list there means "none in this report" only when listed)."""
    return name in type(gold).model_fields and name in getattr(gold, "record_types", [name])


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
    names = [n for n in names if any(_annotates(g, n) for g in gold_docs)]
    results = {}
    for name in names:
        scorer = scorers.get(name) or RecordScorer(name)
        # Only documents whose gold annotates this record type: an empty list there means
        # "none in this report", elsewhere it means "not annotated".
        pairs = [(g, p) for g, p in zip(gold_docs, predicted) if _annotates(g, name)]
        results[name] = scorer.score(pairs)
    return results


# --- congdoan's own records ------------------------------------------------------------------

# Fields that are bookkeeping, not facts read from the text.
_UNSCORED = frozenset({"evidence", "confidence"})


def _is_grounded(value: Any) -> bool:
    return isinstance(value, BaseModel) and {"value", "start", "end"} <= set(type(value).model_fields)


def _fold_value(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.casefold().split())
    return _plain(value)


def value_items(value: Any) -> list[Any]:
    """Comparable items of a record field by normalised value, not by offsets.

    A grounded value gives its value (strings compared case- and space-insensitively); a
    person gives ``(name, role)``; a list gives one item per element.
    """
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [item for element in value for item in value_items(element)]
    if _is_grounded(value):
        return [_fold_value(value.value)]
    if isinstance(value, BaseModel) and {"name", "role"} <= set(type(value).model_fields):
        role = value_items(value.role)
        return [(value_items(value.name)[0] if value.name else None, role[0] if role else None)]
    if isinstance(value, BaseModel):
        return [json.dumps(value.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)]
    return [_fold_value(value)]


class ValueRecordScorer(RecordScorer):
    """Scores records by the normalised values of their fields.

    Nested plain models (``beneficiaries``, ``signer``) are scored field by field under
    dotted names (``beneficiaries.count``); evidence and confidence are not scored.
    """

    def field_names(self, records: list[Any]) -> list[str]:
        names: dict[str, None] = {}
        for record in records:
            names.update(dict.fromkeys(_flat_names(type(record))))
        return list(names)

    def items(self, record: Any, name: str) -> list[Any]:
        value: Any = record
        for part in name.split("."):
            value = getattr(value, part, None)
        return self.keys.get(name, value_items)(value)


def _flat_names(model: type[BaseModel], prefix: str = "") -> list[str]:
    names = []
    for name, info in model.model_fields.items():
        if name in _UNSCORED:
            continue
        nested = _nested_model(info.annotation)
        # Flatten plain containers (beneficiaries); keep spans, grounded values and people whole.
        if nested is not None and not {"start", "name", "label"} & set(nested.model_fields):
            names.extend(_flat_names(nested, f"{prefix}{name}."))
        else:
            names.append(prefix + name)
    return names


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    from typing import get_args

    candidates = [annotation, *get_args(annotation)]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


for _attribute in ("report", "meetings", "decisions", "support"):
    register_record_scorer(ValueRecordScorer(_attribute))

