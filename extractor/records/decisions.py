"""Decisions: an action (``thông qua``, ``bầu bổ sung`` ...), its object, who decided, when,
the documents cited and whether it was adopted or only planned.

A decision is an action cue in a clause that also names what is decided about: a
document reference, a person, an organisation, or a meeting that the clause belongs to
(``Hội nghị thông qua phương án ...``). ``công tác thi đua, khen thưởng`` names an area
of work, not an act, so an action word right after ``công tác`` is not a decision.
"""

from __future__ import annotations

import re

from extractor.records.context import Clause, Context
from extractor.records.cues import find_cues, first_cue
from extractor.records.meetings import _person_ref
from schemas.records import Decision, Grounded, Meeting

_NOUN_USE = re.compile(r"(?:công tác|việc|kết quả)\s*$", re.IGNORECASE)
_OBJECT_STOP = re.compile(r"\s*(?:;|\.\s|\.$|\bnhằm\b|\bđể\b|\bvới nhiệm vụ\b|$)", re.IGNORECASE)
_LIST_LINE = re.compile(r"^\s*\d{1,2}\s*[-.)]\s*", re.MULTILINE)


def build_decisions(ctx: Context, meetings: list[Meeting]) -> tuple[list[Decision], dict[int, list[int]]]:
    """Build the decisions and, per meeting index, the indexes of the decisions taken there."""
    decisions: list[Decision] = []
    taken_at: dict[int, list[int]] = {}
    for sentence in ctx.body_sentences():
        meeting_index = _meeting_of(meetings, sentence)
        for clause in ctx.clauses(sentence):
            for cue in find_cues("decision_actions", ctx.text, clause.start, clause.end):
                decision = _decision(ctx, clause, cue, meetings[meeting_index] if meeting_index is not None else None)
                if decision is None:
                    continue
                if meeting_index is not None:
                    taken_at.setdefault(meeting_index, []).append(len(decisions))
                decisions.append(decision)
                break  # one decision per clause: the first action names it
    return decisions, taken_at


def _meeting_of(meetings: list[Meeting], sentence: tuple[int, int]) -> int | None:
    for index, meeting in enumerate(meetings):
        if any(e.start == sentence[0] and e.end == sentence[1] for e in meeting.evidence):
            return index
    return None


def _decision(ctx: Context, clause: Clause, cue, meeting: Meeting | None) -> Decision | None:
    if _NOUN_USE.search(ctx.text[max(clause.start, cue.start - 12):cue.start]):
        return None
    refs = ctx.in_range("DOC_REF", clause.start, clause.end)
    people = [p for p in ctx.in_range("PERSON", clause.start, clause.end) if p.start > cue.start]
    orgs = ctx.in_range("ORG", clause.start, clause.end)
    if not (refs or people or orgs or meeting is not None):
        return None
    object_end = _OBJECT_STOP.search(ctx.text, cue.end, clause.end)
    end = object_end.start() if object_end else clause.end
    obj = ctx.grounded(ctx.text[cue.end:end].strip(" ,:"), cue.end, end) if end > cue.end else None
    if obj is not None and not obj.text:
        obj = None
    if obj is not None:
        obj = obj.model_copy(update={"value": obj.text.strip(" ,:")})
    if cue.entry["action"] == "bầu bổ sung":
        people = people or _listed_people(ctx, clause)
    decided_by = _decided_by(ctx, clause, cue, meeting)
    dates = [d for d in ctx.in_range("DATE", clause.start, clause.end)
             if d.attrs.get("value") and not any(r.start <= d.start < r.end for r in refs)]
    date = ctx.grounded_entity(dates[0]) if dates else (meeting.date if meeting else None)
    planned = first_cue("planned", ctx.text, clause.sentence[0], cue.start)
    status = "planned" if planned else "adopted"
    explicit = sum(x is not None for x in (obj, decided_by, date)) + bool(refs or people)
    return Decision(
        action=ctx.grounded(cue.entry["action"], cue.start, cue.end),
        object=obj,
        people=[_person_ref(ctx, p) for p in people],
        decided_by=decided_by,
        date=date,
        doc_refs=[ctx.grounded_entity(r, value=_ref_value(r)) for r in refs],
        status=status,
        evidence=[ctx.evidence(clause.start, clause.end)],
        confidence=round(0.4 + 0.15 * explicit, 2),
    )


def _ref_value(ref) -> str:
    number, symbol = ref.attrs.get("number"), ref.attrs.get("symbol")
    if number and symbol:
        return f"{number}/{symbol}"
    return number or symbol or ref.text


def _decided_by(ctx: Context, clause: Clause, cue, meeting: Meeting | None) -> Grounded[str] | None:
    orgs = [o for o in ctx.in_range("ORG", clause.sentence[0], cue.start)]
    if orgs:
        org = orgs[-1]
        return ctx.grounded_entity(org, value=org.attrs.get("canonical") or org.text)
    if meeting is not None and meeting.organiser is not None:
        return meeting.organiser
    return None


def _listed_people(ctx: Context, clause: Clause):
    """People in the numbered list that follows ``bầu bổ sung 03 đồng chí ...:``."""
    after = clause.sentence[1]
    people = []
    for match in _LIST_LINE.finditer(ctx.text, after):
        if match.start() - after > 400:  # the list follows the clause, not a later section
            break
        after = match.end()
        line_start, line_end = ctx.line_of(match.start())
        found = [p for p in ctx.in_range("PERSON", line_start, line_end)]
        if not found:
            break
        people.extend(found[:1])
        if ctx.text.rfind(".", line_start, line_end) == line_end - 1:
            break
    return people
