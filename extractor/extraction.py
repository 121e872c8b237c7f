"""From text to an :class:`~schemas.ExtractedDocument`: normalise, clean, run, map back.

Normalisation (:mod:`extractor.normalize`) and cleaning (:mod:`extractor.cleaning`) give
the text the recognisers read together with a map back to the user's characters; every
offset of the output indexes the text as the user gave it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from pydantic import BaseModel, TypeAdapter
from spacy.language import Language
from spacy.tokens import Doc

from extractor.cleaning import Cleaning, clean
from extractor.found import Found
from extractor.normalize import NormalizedText, normalize
from extractor.people import merge_people
from extractor.pipeline import EXACT_END, EXACT_START, SPANS_KEY, build_pipeline, span_offsets
from schemas import ENTITY_MODELS, Entity, ExtractedDocument

_ENTITY = TypeAdapter(Entity)
# Fields a recogniser may attach for the pipeline's own use, not part of the contract.
_INTERNAL_ATTRS = frozenset({"date_start", "date_end", "year", "month", "day", "part", EXACT_START, EXACT_END})


class Extractor:
    """A loaded pipeline that turns report texts into extracted documents.

    Build it once and reuse it: loading underthesea's models and the spaCy pipeline is
    the expensive part.

    >>> extractor = Extractor()
    >>> doc = extractor.extract("Hỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.")
    >>> [(e.label, e.text, e.value) for e in doc.entities]
    [('COUNT', '3 đoàn viên', 3), ('MONEY', '119,5 triệu đồng', 119500000)]
    """

    def __init__(self, nlp: Language | None = None):
        self.nlp = nlp if nlp is not None else build_pipeline()

    def extract(self, text: str, source: str | None = None, include_text: bool = True) -> ExtractedDocument:
        """Extract the entities of one report text."""
        cleaning = clean(normalize(text))
        doc = self.nlp(_make_doc(self.nlp, cleaning))
        return to_document(doc, cleaning.text, source=source, include_text=include_text, cleaning=cleaning)

    def extract_many(
        self, texts: Iterable[tuple[str, str | None]], include_text: bool = True, batch_size: int = 16
    ) -> Iterator[ExtractedDocument]:
        """Extract ``(text, source)`` pairs in order, streaming through ``nlp.pipe``."""
        pending: list[tuple[Cleaning, str | None]] = []

        def flush() -> Iterator[ExtractedDocument]:
            docs = self.nlp.pipe(_make_doc(self.nlp, item[0]) for item in pending)
            for (cleaning, source), doc in zip(pending, docs):
                yield to_document(doc, cleaning.text, source=source, include_text=include_text, cleaning=cleaning)
            pending.clear()

        for text, source in texts:
            pending.append((clean(normalize(text)), source))
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()


def _make_doc(nlp: Language, cleaning: Cleaning) -> Doc:
    """The tokenised doc of the cleaned text, told which lines cleaning found repeated."""
    doc = nlp.make_doc(cleaning.text.text)
    doc._.repeated_lines = cleaning.repeated_lines
    return doc


def to_document(
    doc: Doc,
    normalized: NormalizedText,
    source: str | None = None,
    include_text: bool = True,
    cleaning: Cleaning | None = None,
) -> ExtractedDocument:
    """Convert the spans of a processed doc into grounded entities of the original text.

    ``normalized`` is the text the doc was made of, with its map to the original;
    ``cleaning`` (when the text was cleaned) adds the steps that fired and gives every
    removed copy of a repeated block the entities of its first copy.
    """
    original = normalized.original
    entities = []
    for span in doc.spans.get(SPANS_KEY, []):
        if span.label_ not in ENTITY_MODELS:
            continue
        start, end = normalized.to_original(*span_offsets(span))
        fields = {k: v for k, v in (span._.attrs or {}).items() if k not in _INTERNAL_ATTRS}
        entities.append(_ENTITY.validate_python({**fields, "label": span.label_, "start": start, "end": end,
                                                 "text": original[start:end]}))
    if cleaning is not None:
        entities.extend(_copied_entities(entities, cleaning, original))
    entities.sort(key=lambda e: (e.start, -e.end))
    records = doc._.records
    people = merge_people(
        [Found(s.label_, *span_offsets(s), dict(s._.attrs or {}))
         for s in doc.spans.get(SPANS_KEY, []) if s.label_ == "PERSON"],
        province=doc._.province,
    )
    return ExtractedDocument(
        source=source,
        text=original if include_text else None,
        report_date=doc._.report_date,
        entities=entities,
        report=_to_original(records.report, normalized) if records else None,
        meetings=_to_original(records.meetings, normalized) if records else [],
        decisions=_to_original(records.decisions, normalized) if records else [],
        support=_to_original(records.support, normalized) if records else [],
        people=_to_original(people, normalized),
        cleaning=cleaning.steps if cleaning is not None else [],
    )


def _copied_entities(entities: list, cleaning: Cleaning, original: str) -> list:
    """The entities of each removed copy of a repeated block, taken from its first copy.

    The guideline annotates every copy of a duplicated caption or banner; the copies are
    the same characters, so an entity moves by the distance between them.
    """
    copied = []
    for copy in cleaning.copies:
        shift = copy.start - copy.source_start
        for entity in entities:
            if copy.source_start <= entity.start and entity.end <= copy.source_end:
                start, end = entity.start + shift, entity.end + shift
                copied.append(entity.model_copy(update={"start": start, "end": end, "text": original[start:end]}))
    return copied


def _to_original(value, normalized: NormalizedText):
    """Map every evidence span inside a record (any model with start/end/text) to the original text."""
    if isinstance(value, list):
        return [_to_original(item, normalized) for item in value]
    if not isinstance(value, BaseModel):
        return value
    update = {
        name: _to_original(getattr(value, name), normalized)
        for name in type(value).model_fields
        if isinstance(getattr(value, name), (BaseModel, list))
    }
    if {"start", "end"} <= set(type(value).model_fields):
        start, end = normalized.to_original(value.start, value.end)
        update.update(start=start, end=end)
        if "text" in type(value).model_fields:
            update["text"] = normalized.original[start:end]
            written = _as_written(value, update["text"])
            if written is not None:
                update["value"] = written
        elif "name" in type(value).model_fields:  # a person mention: its name is its evidence
            update["name"] = normalized.original[start:end]
    return value.model_copy(update=update) if update else value


def _as_written(value: BaseModel, original: str) -> str | None:
    """The value of a phrase read off the text (an object, an agenda item, who was helped), as
    the user wrote it: ``2018 – 2023`` keeps its dash where normalisation folded it to ``-``.
    None when the value is not the phrase itself (a number, a date, a canonical name) or the
    original differs by more than normalisation (text joined by cleaning)."""
    current = getattr(value, "value", None)
    if not isinstance(current, str) or current != " ".join(str(getattr(value, "text", "")).split()):
        return None
    written = " ".join(original.split())
    return written if written != current and normalize(written).text == current else None


@cache
def default_extractor() -> Extractor:
    """The process-wide extractor, built on first use."""
    return Extractor()


def extract(text: str, source: str | None = None, include_text: bool = True) -> ExtractedDocument:
    """Extract grounded, normalised values from a Vietnamese union report.

    Uses one pipeline per process, loaded on the first call.

    >>> doc = extract("trao 10.283 suất quà, trị giá 4,1 tỷ đồng")
    >>> [(e.label, e.value) for e in doc.entities]
    [('COUNT', 10283), ('MONEY', 4100000000)]
    """
    return default_extractor().extract(text, source=source, include_text=include_text)
