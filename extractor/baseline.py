"""The baseline: underthesea's own ``ner()`` scored on the same gold for PERSON/ORG/LOC."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from schemas import ENTITY_MODELS, ExtractedDocument, GoldDocument

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
