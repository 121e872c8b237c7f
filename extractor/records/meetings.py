"""Meetings: kind, organiser, date, place, session, term, chair, attendees, decisions.

A meeting is introduced by a kind cue (``Hội nghị Ban Chấp hành``, ``Đại hội``,
``HỌP BAN CHẤP HÀNH``) in a sentence that also says it was held (``tổ chức``, ``họp``) or
gives its date. Later sentences that name it again (``Hội nghị thông qua ...``) add to
the last meeting; a chair or attendee line printed before the first meeting (a caption,
a lead sentence) belongs to the first one.
"""

from __future__ import annotations

import re

from extractor.records.context import Context
from extractor.records.cues import entries, find_cues, first_cue
from extractor.numbers import parse_number
from schemas.records import Grounded, Meeting, PersonRef

_SESSION = re.compile(r"\b(?:lần|kỳ|phiên)\s+thứ\s+(\w+)", re.IGNORECASE)
_TERM_ROMAN = re.compile(r"\bkhó[aá]\s+([IVXLC]{1,7})\b", re.IGNORECASE)
_TERM_YEARS = re.compile(r"\bnhiệm kỳ\s+((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)", re.IGNORECASE)
_PLACE = re.compile(r"\btại\s+([^,.;()\n]{3,80})")
_TODAY = re.compile(r"\b(?:hôm nay|sáng nay|chiều nay|tối nay|vừa qua|vừa tổ chức)\b", re.IGNORECASE)


def build_meetings(ctx: Context, report_date: str | None = None) -> list[Meeting]:
    """Build the meetings of a document, in the order they are introduced."""
    meetings: list[dict] = []
    pending_roles: list[tuple[str, tuple[int, int]]] = []
    for sentence in ctx.sentences:
        start, end = sentence
        kind = _introduced_kind(ctx, start, end)
        current = None
        if kind is not None:
            current = _same_meeting(ctx, meetings, kind, sentence) or _new_meeting(ctx, meetings, kind, sentence, report_date)
        elif meetings and first_cue("meeting_anaphora", ctx.text, start, end):
            current = meetings[-1]
        if current is None:
            if first_cue("meeting_chair", ctx.text, start, end) or first_cue("meeting_attend", ctx.text, start, end):
                pending_roles.append(("any", sentence))
            continue
        _fill(ctx, current, sentence)
    if meetings:
        for _, sentence in pending_roles:
            _fill(ctx, meetings[0], sentence)
    return [_to_model(m) for m in meetings]


# A meeting named inside another name is not held here: "Nghị quyết Đại hội XIII",
# "văn kiện Đại hội", "chuẩn bị cho Đại hội".
_NOT_HELD_BEFORE = re.compile(r"(?:nghị quyết|văn kiện|chuẩn bị cho|đại biểu dự|dự thảo)\s*$", re.IGNORECASE)


def _introduced_kind(ctx: Context, start: int, end: int):
    """The kind cue of a meeting this sentence says was held, or None.

    Held means: a held cue (``tổ chức``, ``họp``) next to the kind cue, a heading line in
    capitals, or a sentence that opens with the meeting and gives its day.
    """
    text = ctx.text
    for kind in find_cues("meeting_kinds", text, start, end):
        if _NOT_HELD_BEFORE.search(text[max(start, kind.start - 20):kind.start]):
            continue
        near = first_cue("meeting_held", text, max(start, kind.start - 40), min(end, kind.end + 60))
        heading = text[start:end] == text[start:end].upper()
        opens = kind.start - start < 12 and any(
            d.attrs.get("precision") == "day" for d in ctx.in_range("DATE", start, end))
        if near or heading or opens:
            return kind
    return None


def _same_meeting(ctx: Context, meetings: list[dict], kind, sentence) -> dict | None:
    for meeting in meetings:
        if meeting["kind"].value == kind.entry["kind"] or kind.entry["kind"] == "hội nghị":
            return meeting
    return None


def _new_meeting(ctx: Context, meetings: list[dict], kind, sentence, report_date) -> dict:
    meeting = {
        "kind": ctx.grounded(kind.entry["kind"], kind.start, kind.end),
        "organiser": None, "date": None, "date_from_report": False, "place": None,
        "session": None, "term": None, "chair": None, "attendees": [], "agenda": [],
        "evidence": [], "cues": 1,
    }
    start, end = sentence
    if report_date and _TODAY.search(ctx.text, start, end) and not ctx.in_range("DATE", start, end):
        match = _TODAY.search(ctx.text, start, end)
        meeting["date"] = ctx.grounded(report_date, match.start(), match.end())
        meeting["date_from_report"] = True
    meetings.append(meeting)
    return meeting


def _fill(ctx: Context, meeting: dict, sentence: tuple[int, int]) -> None:
    start, end = sentence
    meeting["evidence"].append(ctx.evidence(start, end))
    if meeting["organiser"] is None:
        orgs = ctx.in_range("ORG", start, end)
        kind = meeting["kind"]
        after = [o for o in orgs if o.start >= kind.start and o.start - kind.end < 40] if start <= kind.start < end else []
        chosen = (after or orgs or [None])[0]
        if chosen is not None:
            meeting["organiser"] = ctx.grounded_entity(chosen, value=chosen.attrs.get("canonical") or chosen.text)
    if meeting["date"] is None:
        dates = [d for d in ctx.in_range("DATE", start, end) if d.attrs.get("precision") == "day" and d.attrs.get("value")]
        if dates:
            meeting["date"] = ctx.grounded_entity(dates[0])
    if meeting["session"] is None:
        match = _SESSION.search(ctx.text, start, end)
        number = _ordinal(match.group(1)) if match else None
        if number is not None:
            meeting["session"] = ctx.grounded(number, match.start(), match.end())
    if meeting["term"] is None:
        match = _TERM_ROMAN.search(ctx.text, start, end)
        if match:
            meeting["term"] = ctx.grounded(match.group(1).upper(), match.start(), match.end())
        else:
            match = _TERM_YEARS.search(ctx.text, start, end)
            if match:
                meeting["term"] = ctx.grounded(f"{match.group(1)}/{match.group(2)}", match.start(), match.end())
    if meeting["place"] is None and start <= meeting["kind"].start < end:
        match = _PLACE.search(ctx.text, meeting["kind"].end, end)
        if match:
            meeting["place"] = ctx.grounded(match.group(1).strip(), match.start(1), match.end(1))
    people = ctx.in_range("PERSON", start, end)
    if first_cue("meeting_chair", ctx.text, start, end) and people and meeting["chair"] is None:
        meeting["chair"] = _person_ref(ctx, people[0])
    if first_cue("meeting_attend", ctx.text, start, end):
        known = {a.name.value for a in meeting["attendees"]}
        for person in people:
            ref = _person_ref(ctx, person)
            if ref.name.value not in known:
                meeting["attendees"].append(ref)
                known.add(ref.name.value)


def _person_ref(ctx: Context, person) -> PersonRef:
    name = person.attrs.get("name") or person.text
    role = person.attrs.get("role")
    role_span = person.attrs.get("role_span")
    role_grounded = None
    if role and role_span:
        role_grounded = Grounded(value=role, start=role_span[0], end=role_span[1], text=ctx.text[role_span[0]:role_span[1]])
    elif role:
        found = ctx.text.find(role, max(0, person.start - 200), person.end + 300)
        if found >= 0:
            role_grounded = ctx.grounded(role, found, found + len(role))
    return PersonRef(name=Grounded(value=name, start=person.start, end=person.end, text=person.text), role=role_grounded)


def _ordinal(word: str) -> int | None:
    for entry in entries("ordinals"):
        if entry["word"] == word.lower():
            return entry["value"]
    try:
        value = parse_number(word)
    except (ValueError, TypeError):
        value = _roman(word)
    return int(value) if value is not None else None


def _roman(word: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not word or any(ch not in values for ch in word.upper()):
        return None
    total = 0
    for ch, nxt in zip(word.upper(), word.upper()[1:] + " "):
        value = values[ch]
        total += -value if nxt in values and values[nxt] > value else value
    return total


def _to_model(meeting: dict) -> Meeting:
    explicit = sum(meeting[k] is not None for k in ("organiser", "date", "chair", "session"))
    fields = {k: v for k, v in meeting.items() if k != "cues"}
    return Meeting(**fields, confidence=round(0.5 + 0.125 * explicit, 3))
