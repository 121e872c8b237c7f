"""Gold documents to and from annotation tools: Label Studio, doccano, spaCy DocBin.

Every format keeps spans, labels, normalised values and the document's corpus fields
(``id``, ``origin``, ``split``, ``labels``, ``source``, ``notes``, ``report_date``), so a
corpus survives a round trip unchanged. Offsets are code points, as in the corpus.

Where the normalised values go (the tools know only spans and labels):

- **Label Studio**: each labelled region has a per-region ``TextArea`` result (``from_name``
  ``values``, same ``id`` as the region) whose one line is the JSON of the fields, e.g.
  ``{"value": 3000000000, "qualifier": "under"}``; annotators see and edit it in the
  region panel (:func:`label_studio_config` is the labelling interface). The corpus
  fields go in ``data.congdoan``; Label Studio keeps task data as given.
- **doccano**: extra keys, which doccano keeps as metadata: ``congdoan`` (corpus fields)
  and ``values``, a map ``"start:end:LABEL"`` -> fields, keyed by span so that spans added
  or reordered in doccano do not shift values onto the wrong entity.
- **spaCy**: every entity in ``doc.spans["congdoan"]`` with its fields in ``span._.attrs``
  (as the pipeline writes them), non-overlapping ones in ``doc.ents``, and the exact
  entities and corpus fields as JSON in ``doc.user_data["congdoan"]``: a token span may
  be wider than the entity (``alignment_mode="expand"``), the JSON is what is lossless.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from schemas import LABELS, Entity, GoldDocument

_ENTITY = TypeAdapter(Entity)
SPANS_KEY = "congdoan"
LABEL_FROM = "label"
VALUES_FROM = "values"
_SPAN_FIELDS = {"label", "text", "start", "end"}
# Everything of a gold document but its text and entities (which each format carries its
# own way) travels as metadata: corpus fields, and the record annotations, whole.
_CORPUS_FIELDS = tuple(name for name in GoldDocument.model_fields if name not in ("text", "entities"))


class InteropError(Exception):
    """An annotation file that cannot be read back; ``str()`` says where and why."""


def _values(entity) -> dict[str, Any]:
    return entity.model_dump(mode="json", exclude=_SPAN_FIELDS)


def _corpus_fields(doc: GoldDocument) -> dict[str, Any]:
    return doc.model_dump(mode="json", include=set(_CORPUS_FIELDS))


def _entity(label: str, start: int, end: int, text: str, values: dict[str, Any], where: str):
    try:
        return _ENTITY.validate_python({**values, "label": label, "start": start, "end": end, "text": text})
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"][1:]) or "entity"
        raise InteropError(f"{where}: {label} {start}:{end} {text!r}: {field}: {first['msg']}") from None


def _document(text: str, entities: list, meta: dict[str, Any], defaults: dict[str, Any], where: str) -> GoldDocument:
    fields = {**defaults, **{k: v for k, v in meta.items() if k in _CORPUS_FIELDS}}
    if "labels" not in fields:
        # Without a record of what was annotated exhaustively, claim only the labels used.
        fields["labels"] = [label for label in LABELS if any(e.label == label for e in entities)]
    # Text order, as the extractor writes them; ties keep the order of the file.
    entities = sorted(entities, key=lambda e: (e.start, -e.end))
    try:
        return GoldDocument.model_validate({**fields, "text": text, "entities": entities})
    except ValidationError as error:
        first = error.errors()[0]
        raise InteropError(f"{where}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


# --- Label Studio -----------------------------------------------------------------------


def label_studio_config(labels: Sequence[str] = LABELS) -> str:
    """The Label Studio labelling interface that matches :func:`to_label_studio`.

    >>> print(label_studio_config(["MONEY"]))
    <View>
      <Labels name="label" toName="text">
        <Label value="MONEY"/>
      </Labels>
      <Text name="text" value="$text"/>
      <TextArea name="values" toName="text" perRegion="true" editable="true" maxSubmissions="1" rows="2"/>
    </View>
    """
    lines = ["<View>", f'  <Labels name="{LABEL_FROM}" toName="text">']
    lines += [f'    <Label value="{label}"/>' for label in labels]
    lines += ["  </Labels>", '  <Text name="text" value="$text"/>',
              f'  <TextArea name="{VALUES_FROM}" toName="text" perRegion="true" editable="true" maxSubmissions="1" rows="2"/>',
              "</View>"]
    return "\n".join(lines)


def to_label_studio(docs: Iterable[GoldDocument]) -> list[dict[str, Any]]:
    """Label Studio tasks (JSON import format) with the gold entities as annotations.

    >>> from schemas import MoneyEntity
    >>> doc = GoldDocument(id="a", origin="synthetic", split="dev", labels=["MONEY"], text="gần 3 tỷ đồng",
    ...     entities=[MoneyEntity(text="3 tỷ đồng", start=4, end=13, value=3_000_000_000, qualifier="under")])
    >>> [r["value"] for r in to_label_studio([doc])[0]["annotations"][0]["result"]]
    [{'start': 4, 'end': 13, 'text': '3 tỷ đồng', 'labels': ['MONEY']}, {'start': 4, 'end': 13, 'text': ['{"value": 3000000000, "qualifier": "under"}']}]
    """
    tasks = []
    for doc in docs:
        result = []
        for index, entity in enumerate(doc.entities):
            region = f"{doc.id}-{index}"
            span = {"start": entity.start, "end": entity.end}
            result.append({"id": region, "from_name": LABEL_FROM, "to_name": "text", "type": "labels",
                           "value": {**span, "text": entity.text, "labels": [entity.label]}})
            result.append({"id": region, "from_name": VALUES_FROM, "to_name": "text", "type": "textarea",
                           "value": {**span, "text": [json.dumps(_values(entity), ensure_ascii=False)]}})
        tasks.append({"data": {"text": doc.text, "congdoan": _corpus_fields(doc)},
                      "annotations": [{"result": result}]})
    return tasks


def from_label_studio(tasks: Any, **defaults: Any) -> list[GoldDocument]:
    """Gold documents from Label Studio's JSON export (or the tasks of :func:`to_label_studio`).

    The first annotation not cancelled is read, else the first prediction. Offsets in
    UTF-16 code units (as some Label Studio versions write them) are detected per region
    — the region text matches the code-point slice, or else the UTF-16 one — and
    converted. ``defaults`` fill corpus fields a task does not carry (``origin``,
    ``split``, ``labels``); ``id`` defaults to ``task_<n>``.
    """
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InteropError("not a Label Studio JSON export: expected a list of tasks")
    docs = []
    for number, task in enumerate(tasks):
        where = f"task {task.get('id', number) if isinstance(task, dict) else number}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict) or "text" not in task["data"]:
            raise InteropError(f"{where}: not a Label Studio task with data.text (export as JSON, not JSON-MIN)")
        text = task["data"]["text"]
        meta = task["data"].get("congdoan") or {}
        entities = _label_studio_entities(text, _chosen_result(task), where)
        docs.append(_document(text, entities, meta, {"id": f"task_{task.get('id', number)}", **defaults}, where))
    return docs


def _chosen_result(task: dict[str, Any]) -> list[dict[str, Any]]:
    for annotation in task.get("annotations") or []:
        if not annotation.get("was_cancelled"):
            return annotation.get("result") or []
    for prediction in task.get("predictions") or []:
        return prediction.get("result") or []
    return []


def _label_studio_entities(text: str, result: list[dict[str, Any]], where: str) -> list:
    values: dict[str, dict[str, Any]] = {}
    for item in result:
        if item.get("type") == "textarea" and item.get("from_name") == VALUES_FROM:
            lines = [line for line in item.get("value", {}).get("text", []) if line.strip()]
            if lines:
                try:
                    values[item.get("id")] = json.loads("\n".join(lines))
                except json.JSONDecodeError as error:
                    raise InteropError(f"{where} region {item.get('id')}: values are not JSON: {error.msg}") from None
    offsets = _Utf16(text)
    entities = []
    for item in result:
        if item.get("type") != "labels":
            continue
        value = item.get("value", {})
        region = f"{where} region {item.get('id')}"
        start, end = offsets.locate(value.get("start"), value.get("end"), value.get("text"), region)
        for label in value.get("labels", []):
            entities.append(_entity(label, start, end, text[start:end], values.get(item.get("id"), {}), region))
    return entities


class _Utf16:
    """Converts UTF-16 code-unit offsets of a text to code points."""

    def __init__(self, text: str):
        self.text = text
        self.units = [0]  # units[i]: UTF-16 offset of code point i
        for char in text:
            self.units.append(self.units[-1] + (2 if ord(char) > 0xFFFF else 1))

    def to_code_points(self, offset: int) -> int | None:
        index = bisect.bisect_left(self.units, offset)
        return index if index < len(self.units) and self.units[index] == offset else None

    def locate(self, start: Any, end: Any, shown: str | None, where: str) -> tuple[int, int]:
        """The code-point span of a region, detecting UTF-16 offsets by the region text."""
        if not isinstance(start, int) or not isinstance(end, int):
            raise InteropError(f"{where}: start/end missing (only text spans are supported)")
        if shown is None or self.text[start:end] == shown:
            if not 0 <= start <= end <= len(self.text):
                raise InteropError(f"{where}: span {start}:{end} outside the text ({len(self.text)} characters)")
            return start, end
        converted = self.to_code_points(start), self.to_code_points(end)
        if None not in converted and self.text[converted[0]:converted[1]] == shown:
            return converted  # type: ignore[return-value]
        raise InteropError(
            f"{where}: {shown!r} is neither at code points {start}:{end} ({self.text[start:end]!r}) "
            "nor at those UTF-16 units"
        )


# --- doccano ----------------------------------------------------------------------------


def to_doccano(docs: Iterable[GoldDocument]) -> list[dict[str, Any]]:
    """doccano JSONL records: ``text``, ``label`` ``[[start, end, LABEL]]``, plus our metadata.

    >>> from schemas import PercentEntity
    >>> doc = GoldDocument(id="a", origin="real", split="test", labels=["PERCENT"], text="đạt 72,2%",
    ...     entities=[PercentEntity(text="72,2%", start=4, end=9, value=72.2)])
    >>> record = to_doccano([doc])[0]
    >>> record["label"], record["values"]
    ([[4, 9, 'PERCENT']], {'4:9:PERCENT': {'value': 72.2, 'qualifier': None}})
    """
    return [
        {
            "id": doc.id,
            "text": doc.text,
            "label": [[e.start, e.end, e.label] for e in doc.entities],
            "congdoan": _corpus_fields(doc),
            "values": {f"{e.start}:{e.end}:{e.label}": _values(e) for e in doc.entities},
        }
        for doc in docs
    ]


def from_doccano(records: Iterable[dict[str, Any]], **defaults: Any) -> list[GoldDocument]:
    """Gold documents from doccano JSONL records (``label``/``labels`` lists or ``entities``).

    Our metadata is read from the top level or from ``meta`` (where doccano may move
    unknown keys); ``defaults`` fill corpus fields a record lacks.
    """
    docs = []
    for number, record in enumerate(records, 1):
        where = f"line {number}"
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InteropError(f"{where}: a doccano record needs a text")
        extra = record.get("meta") if isinstance(record.get("meta"), dict) else {}
        meta = record.get("congdoan") or extra.get("congdoan") or {}
        values = record.get("values") or extra.get("values") or {}
        text = record["text"]
        entities = []
        for start, end, label in _doccano_spans(record, where):
            if not 0 <= start <= end <= len(text):
                raise InteropError(f"{where}: span {start}:{end} outside the text ({len(text)} characters)")
            entities.append(_entity(label, start, end, text[start:end], values.get(f"{start}:{end}:{label}", {}), where))
        fallback_id = record.get("id") if isinstance(record.get("id"), str) else f"doccano_{record.get('id', number)}"
        docs.append(_document(text, entities, meta, {"id": fallback_id, **defaults}, where))
    return docs


def _doccano_spans(record: dict[str, Any], where: str) -> list[tuple[int, int, str]]:
    if "entities" in record:
        return [(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]]
    spans = record.get("label", record.get("labels", []))
    try:
        return [(int(start), int(end), str(label)) for start, end, label in spans]
    except (TypeError, ValueError):
        raise InteropError(f"{where}: label must be a list of [start, end, LABEL]") from None


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file (blank lines skipped)."""
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InteropError(f"{path} line {number}: not valid JSON: {error.msg}") from None
    return records


# --- spaCy ------------------------------------------------------------------------------


def _blank_nlp():
    """spaCy's Vietnamese with our underthesea tokenizer (no pyvi, no components)."""
    import spacy

    import extractor.pipeline  # noqa: F401  registers the tokenizer and Span._.attrs

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "congdoan.underthesea_tokenizer.v1"}}})


def to_docbin(docs: Iterable[GoldDocument], nlp=None):
    """A spaCy ``DocBin`` (``store_user_data=True``) with one Doc per gold document.

    Every entity is a span of ``doc.spans["congdoan"]`` snapped to tokens with
    ``alignment_mode="expand"``; ``doc.ents`` holds the longest non-overlapping ones
    (``filter_spans``) for NER training.
    """
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = nlp or _blank_nlp()
    docbin = DocBin(store_user_data=True)
    for gold in docs:
        doc = nlp.make_doc(gold.text or "")
        spans = []
        for entity in gold.entities:
            span = doc.char_span(entity.start, entity.end, label=entity.label, alignment_mode="expand")
            if span is None:
                continue  # an empty span: nothing to train on, still kept in user_data
            span._.attrs = _values(entity)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        doc.ents = filter_spans(spans)
        doc.user_data[SPANS_KEY] = json.dumps(
            {**_corpus_fields(gold), "entities": [e.model_dump(mode="json") for e in gold.entities]},
            ensure_ascii=False,
        )
        docbin.add(doc)
    return docbin


def from_docbin(docbin, nlp=None) -> list[GoldDocument]:
    """Gold documents back from a DocBin made by :func:`to_docbin`."""
    nlp = nlp or _blank_nlp()
    docs = []
    for number, doc in enumerate(docbin.get_docs(nlp.vocab)):
        stored = doc.user_data.get(SPANS_KEY)
        if stored is None:
            raise InteropError(f"doc {number}: no congdoan data (not written by `congdoan corpus export --to spacy`)")
        data = json.loads(stored)
        docs.append(GoldDocument.model_validate({**data, "text": doc.text}))
    return docs
