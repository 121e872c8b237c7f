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
from extractor.records.cues import Cue, alternation, ends_with, entries, find_cues, first_cue
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
        """Split a sentence at ``;`` and, with ``split_figures``, where a new support figure starts.

        ``Hỗ trợ ... 119,5 triệu đồng, hỗ trợ 3 đoàn viên ...; thăm và tặng quà 07 đơn vị``
        states three figures; a part (``trong đó``, ``riêng``) or the remainder of a total
        (``phần còn lại``) starts a stretch too (see :meth:`_figure_cut` for new verbs).
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
        for group in ("part_markers", "remainder_words"):
            # "..., trong đó LĐLĐ tỉnh ...", "..., phần còn lại trích từ ...": a part, or what is
            # left of the total, starts a stretch of its own.
            for cue in find_cues(group, self.text, start, end):
                before = self.text[start:cue.start].rstrip()
                if before.endswith((",", ";")):
                    cuts.add(start + len(before))
        for cue in self.support_verbs(start, end):
            cut = self._figure_cut(start, end, cue, cuts)
            if cut is not None:
                cuts.add(cut)
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

    def support_verbs(self, start: int, end: int) -> list[Cue]:
        """Support verbs used as verbs in ``[start, end)``, in text order.

        Not a noun (``nguồn hỗ trợ``, ``kinh phí hỗ trợ``, ``về việc thăm hỏi``), not a word
        inside another (``các cấp``, ``phụ cấp``, ``chi nhánh``) or inside the name of an
        organisation (``Công ty cổ phần Xây dựng số 3``); ``tổ chức`` a support
        programme (``Tổ chức “Bữa cơm Công đoàn” cho 8.000 công nhân``) is one.
        """
        inside = [(c.start, c.end) for c in find_cues("support_verb_look_alikes", self.text, start, end)]
        # "Công ty cổ phần Xây dựng số 3": a word of a name is no verb
        inside += [(e.start, e.end) for e in self.entities if e.label == "ORG" and e.end > start and e.start < end]
        found = []
        for cue in find_cues("support_verbs", self.text, start, end):
            if any(a <= cue.start and cue.end <= b for a, b in inside) or self.support_noun(cue.start):
                continue
            found.append(cue)
        for cue in find_cues("programme_verbs", self.text, start, end):
            programme = first_cue("support_programmes", self.text, cue.end, end)
            if programme is not None and re.fullmatch(r"[\s“\"]*", self.text[cue.end:programme.start]):
                found.append(Cue(cue.start, cue.end, {**cue.entry, "strong": True}))
        return sorted(found, key=lambda c: c.start)

    def support_noun(self, position: int) -> bool:
        """Whether the support word at ``position`` is a noun: ``nguồn hỗ trợ``, ``mức hỗ trợ``."""
        before = self.text[max(0, position - 15):position].rstrip().lower()
        return any(before.endswith(e["word"].lower()) for e in entries("support_noun_before"))

    def _figure_cut(self, start: int, end: int, cue: Cue, cuts: set[int]) -> int | None:
        """Where a new figure starts before the support verb ``cue``, if it does.

        After a joiner (``, hỗ trợ 3 đoàn viên``, ``và trao 150 suất học bổng``) or a short
        subject after a comma (``..., các công đoàn cơ sở hỗ trợ 685 triệu đồng``), once the
        stretch before holds a figure. Halves of one figure stay together: a number of people
        with no money before, money with no number of people after (``đưa 520 công nhân về quê
        đón Tết, tặng vé xe trị giá 254,8 triệu đồng``).
        """
        before = self.text[start:cue.start].rstrip()
        if before.endswith(","):
            cut = start + len(before)  # the comma closes the figure before
        elif ends_with("figure_joiners", before):
            cut = start + len(re.sub(rf"\s*{alternation('figure_joiners')}$", "", before, flags=re.IGNORECASE))
        else:
            comma = before.rfind(",")
            subject = before[comma + 1:] if comma != -1 else ""
            if comma == -1 or re.search(r"[\d;:()“”\"]", subject) or not 1 <= len(subject.split()) <= 8:
                return None
            cut = start + comma + 1
        previous = max((c for c in cuts if c <= cut), default=start)
        following = min((c for c in cuts if c > cut), default=end)
        if cut <= previous:
            return None
        figures = [e for e in self.entities if e.label in ("MONEY", "COUNT")]
        figures_before = [e.label for e in figures if previous <= e.start < cut]
        figures_after = [e.label for e in figures if cue.end <= e.start < following]
        if not figures_before or not figures_after:
            return None
        if "MONEY" not in figures_before and "COUNT" not in figures_after:
            return None
        return cut

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
