"""What the record builders share: the document's sentences, clauses and entity spans.

Builders read the spaCy ``Doc`` the recognisers annotated; they never re-parse values.
All offsets here index the normalised text (``doc.text``); ``extractor.extraction`` maps them
back to the user's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Doc

from extractor.pipeline import SPANS_KEY, doc_text, span_offsets
from extractor.records.cues import find_cues
from schemas.entities import Evidence
from schemas.records import Grounded


@dataclass(frozen=True)
class EntitySpan:
    """A recognised entity as the builders see it."""

    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Clause:
    """A stretch of one sentence that states one thing (split at ``;`` and before a new verb)."""

    start: int
    end: int
    sentence: tuple[int, int]


class Context:
    """The annotated document, with lookups the builders need."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.entities = []
        for span in doc.spans.get(SPANS_KEY, []):
            start, end = span_offsets(span)
            self.entities.append(EntitySpan(span.label_, start, end, self.text[start:end], dict(span._.attrs or {})))

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans (trimmed), up to a "related news" heading: below it the page lists
        other articles, which are not this report's records."""
        from extractor.records.cues import first_cue

        cutoff = len(self.text)
        for match in re.finditer(r"[^\n]+", self.text):
            line = match.group().strip().rstrip(":").strip()
            cue = first_cue("related_news", line)
            if cue is not None and cue.start == 0 and cue.end == len(line):
                cutoff = match.start()
                break
        spans = []
        for sent in self.doc.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            offset = text.index(stripped[0])
            if sent.start_char + offset >= cutoff:
                break
            spans.append((sent.start_char + offset, sent.start_char + offset + len(stripped)))
        return spans

    @cached_property
    def headlines(self) -> frozenset[tuple[int, int]]:
        """Sentences that are headlines: a whole line among the first lines, with no final
        stop. A headline repeats the body; records are read from the body only."""
        lines = [m for m in re.finditer(r"[^\n]+", self.text) if m.group().strip()][:HEADLINE_LINES]
        found = set()
        for start, end in self.sentences:
            for line in lines:
                stripped = line.group().strip()
                if self.text[start:end] == stripped and not stripped.endswith((".", "!", "?", ";", ":")):
                    found.add((start, end))
        return frozenset(found)

    def body_sentences(self) -> list[tuple[int, int]]:
        """The sentences records are built from: all but headlines."""
        return [s for s in self.sentences if s not in self.headlines]

    def in_range(self, label: str, start: int, end: int) -> list[EntitySpan]:
        """Entities of ``label`` lying inside ``[start, end)``."""
        return [e for e in self.entities if e.label == label and start <= e.start and e.end <= end]

    def grounded(self, value: Any, start: int, end: int) -> Grounded:
        """A grounded value whose evidence is ``text[start:end]`` (trimmed of spaces)."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Grounded(value=value, start=start, end=end, text=self.text[start:end])

    def grounded_entity(self, entity: EntitySpan, value: Any | None = None) -> Grounded:
        return Grounded(value=entity.attrs.get("value") if value is None else value,
                        start=entity.start, end=entity.end, text=entity.text)

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(start=start, end=end, text=self.text[start:end])

    def line_of(self, position: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        return start, len(self.text) if end == -1 else end

    def clauses(self, sentence: tuple[int, int], split_lists: bool = True, split_figures: bool = True) -> list[Clause]:
        """Split a sentence at ``;`` and at a comma followed by a new support verb.

        ``Hỗ trợ ... 119,5 triệu đồng, hỗ trợ 3 đoàn viên ...; thăm và tặng quà 07 đơn vị``
        states three figures.
        """
        start, end = sentence
        cuts = {start, end}
        colon = self.text.find(":", start, end)
        for match in re.finditer(r";", self.text[start:end]):
            # After "thống nhất các văn bản:" the ";" separate items of one list.
            if split_lists or colon == -1 or start + match.start() < colon:
                cuts.add(start + match.end())
        if not split_figures:
            return [Clause(a, b, sentence) for a, b in zip(sorted(cuts), sorted(cuts)[1:]) if self.text[a:b].strip()]
        for cue in find_cues("support_verbs", self.text, start, end):
            before = self.text[start:cue.start].rstrip()
            if before.endswith(","):
                cuts.add(start + len(before))
        for cue in find_cues("part_markers", self.text, start, end):
            before = self.text[start:cue.start].rstrip()
            if before.endswith((",", ";")):
                cuts.add(start + len(before))
        # "127 đoàn viên ... số tiền 126.100.000đ, 03 đoàn viên ... 130 triệu đồng": a new
        # count after a comma, once money has been stated, starts the next figure.
        money_seen = False
        for entity in self.entities:
            if not (start <= entity.start < end):
                continue
            if entity.label == "MONEY":
                money_seen = True
            elif entity.label == "COUNT" and money_seen and self.text[start:entity.start].rstrip().endswith(","):
                cuts.add(len(self.text[:entity.start].rstrip()))
                money_seen = False
        points = sorted(cuts)
        return [Clause(a, b, sentence) for a, b in zip(points, points[1:]) if self.text[a:b].strip()]

    def section_heading(self, position: int) -> tuple[int, int] | None:
        """The Roman-numbered capitals heading (``II. NHIỆM VỤ ...``) above ``position``."""
        heading = None
        for match in _HEADING.finditer(self.text, 0, position):
            if match.group(1) == match.group(1).upper():
                heading = (match.start(1), match.end(1))
        return heading


HEADLINE_LINES = 5  # a news item's headline stands within its first lines

# "II. NHIỆM VỤ TRỌNG TÂM THÁNG 8 NĂM 2021": a Roman-numbered line (checked to be in capitals).
_HEADING = re.compile(r"(?m)^[ \t]*([IVX]{1,4}\.[ \t]+\S[^\n]{3,})$")
