"""Meetings: kind, organiser, date, place, session, term, chair, attendees, decisions.

A meeting is introduced by a kind cue (``Hội nghị Ban Chấp hành``, ``Đại hội``,
``HỌP BAN CHẤP HÀNH``) in a sentence that also says it was held (``tổ chức``, ``họp``) or
gives its date. Later sentences that name it again (``Hội nghị thông qua ...``) add to
the last meeting; a chair or attendee line printed before the first meeting (a caption,
a lead sentence) belongs to the first one.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.records.context import Context
from extractor.records.cues import Cue, alternation, ends_with, entries, find_cues, first_cue
from extractor.numbers import parse_number
from schemas.records import Grounded, Meeting, PersonRef

@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The meeting patterns, assembled from the cue groups of record_cues.yaml."""
    return {
        "session": re.compile(rf"\b{alternation('session_words')}\s+thứ\s+(\w+)", re.IGNORECASE),
        "term_roman": re.compile(rf"\b{alternation('term_words')}\s+([IVXLC]{{1,7}})\b", re.IGNORECASE),
        "term_years": re.compile(
            rf"\b{alternation('term_years_words')}\s+((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)", re.IGNORECASE),
        "place": re.compile(rf"\b{alternation('place_words')}\s+([^,.;()\n]{{3,80}})", re.IGNORECASE),
        "role_after": re.compile(rf"\s+{alternation('role_verbs')}\s+([^,;.()\n]{{3,80}})", re.IGNORECASE),
        "today": re.compile(rf"\b{alternation('meeting_today')}\b", re.IGNORECASE),
        # "LĐLĐ huyện Gia Lâm tổ chức Đại hội", "LĐLĐ thành phố phối hợp với Sở ... tổ chức Hội nghị"
        # The body may carry its term: "Ban Chấp hành LĐLĐ tỉnh khóa XIV, nhiệm kỳ 2018 - 2023 tổ chức ..."
        "subject_gap": re.compile(
            rf"(?:[\s,]+{alternation('term_words')}\s+[IVXLC]{{1,7}}\b"
            rf"|[\s,]+{alternation('term_years_words')}\s+(?:19|20)\d\d\s*-\s*(?:19|20)\d\d)*"
            rf"[\s,]*(?:{alternation('meeting_subject_adverbs')}\s+|{alternation('meeting_subject_partners')}"
            rf"[^,;.]{{0,80}}?\s+)?{alternation('meeting_held')}\b", re.IGNORECASE),
        "basis": re.compile(rf"\s*{alternation('basis')}\b", re.IGNORECASE),
        "agenda_stop": re.compile(rf"[;.]|,\s|\s+{alternation('agenda_stops')}\b", re.IGNORECASE),
    }


def build_meetings(ctx: Context, report_date: str | None = None) -> list[Meeting]:
    """Build the meetings of a document, in the order they are introduced."""
    meetings: list[dict] = []
    pending_roles: list[tuple[str, tuple[int, int]]] = []
    for sentence in ctx.body_sentences():
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




def _introduced_kind(ctx: Context, start: int, end: int):
    """The kind cue of a meeting this sentence says was held, or None.

    Held means: a held cue (``tổ chức``, ``họp``) next to the kind cue, or a sentence that
    opens with the meeting (``Hội nghị lần thứ 10 Ban Chấp hành ...``). Headings in
    capitals, ``Căn cứ`` lines and plans (a task section, ``dự kiến``) hold no meeting.
    """
    text = ctx.text
    if text[start:end] == text[start:end].upper() or _patterns()["basis"].match(text, start, end):
        return None
    for kind in find_cues("meeting_kinds", text, start, end):
        before = text[max(start, kind.start - 40):kind.start]
        # Named, not held: "Nghị quyết Đại hội XIII", "Việc tổ chức Hội nghị", "các lớp tập huấn",
        # or a count of meetings ("tổ chức 1.397 cuộc tập huấn, hội nghị").
        counted = any(kind.start - c.end < 30 for c in ctx.in_range("COUNT", max(start, kind.start - 30), kind.start))
        if ends_with("meeting_not_held_before", before) or counted or _planned(ctx, start, kind.start):
            continue
        near = first_cue("meeting_held", text, max(start, kind.start - 40), min(end, kind.end + 60))
        opens = kind.start - start < 12
        if near or opens:
            return kind
    # "Ban Thường vụ LĐLĐ tỉnh họp phiên thường kỳ": the body, then "họp".
    for org in ctx.in_range("ORG", start, end):
        held = re.match(r"\s+(họp)\b", text[org.end:end], re.IGNORECASE)
        kind = _kind_by_organiser(org.text)
        if held and kind and not _planned(ctx, start, org.start) and not re.match(
                r"\s+họp\s+(?:định kỳ|thường kỳ)?\s*\d", text[org.end:end], re.IGNORECASE):
            return Cue(org.end + held.start(1), org.end + held.end(1), {"word": "họp", "kind": kind})
    return None


def _planned(ctx: Context, start: int, position: int) -> bool:
    """A meeting under a task section, or after a plan word (``Dự kiến tổ chức Đại hội``)."""
    heading = ctx.section_heading(position)
    return bool(heading and first_cue("planned_sections", ctx.text, *heading)) or bool(
        first_cue("planned", ctx.text, start, position))


def _kind_by_organiser(name: str) -> str | None:
    lowered = name.lower()
    for entry in entries("meeting_kind_by_organiser"):
        if lowered.startswith(entry["word"]):
            return entry["kind"]
    return None


def _same_meeting(ctx: Context, meetings: list[dict], kind, sentence) -> dict | None:
    for meeting in meetings:
        if meeting["kind"].value == kind.entry["kind"] or kind.entry["kind"] == "hội nghị":
            return meeting
    if meetings and _continues(ctx, kind, sentence):
        return meetings[-1]
    return None


def _continues(ctx: Context, kind, sentence) -> bool:
    """A sentence that opens with the meeting word and gives it no day and no body of its own
    goes on about the meeting before ("Hội nghị lần thứ 10 Ban Chấp hành ... họp ngày 04/7 ...
    Hội nghị sơ kết hoạt động công đoàn 6 tháng đầu năm")."""
    start, end = sentence
    if kind.start - start >= 12:
        return False
    days = [d for d in ctx.in_range("DATE", start, end) if d.attrs.get("precision") == "day"]
    bodies = [o for o in ctx.in_range("ORG", start, end) if o.start - kind.end < 40]
    return not days and not bodies


def _new_meeting(ctx: Context, meetings: list[dict], kind, sentence, report_date) -> dict:
    meeting = {
        "kind": ctx.grounded(kind.entry["kind"], kind.start, kind.end),
        "organiser": None, "date": None, "date_from_report": False, "place": None,
        "session": None, "term": None, "chair": None, "attendees": [], "agenda": [],
        "evidence": [], "cues": 1,
    }
    start, end = sentence
    if report_date and _patterns()["today"].search(ctx.text, start, end) and not ctx.in_range("DATE", start, end):
        match = _patterns()["today"].search(ctx.text, start, end)
        meeting["date"] = ctx.grounded(report_date, match.start(), match.end())
        meeting["date_from_report"] = True
    meetings.append(meeting)
    return meeting


def _fill(ctx: Context, meeting: dict, sentence: tuple[int, int]) -> None:
    start, end = sentence
    meeting["evidence"].append(ctx.evidence(start, end))
    kind = meeting["kind"]
    intro = start <= kind.start < end
    # A later sentence that opens with the meeting word may say what it dealt with.
    opening = None if intro else next(iter(find_cues("meeting_kinds", ctx.text, start, min(end, start + 40))), None)
    if meeting["organiser"] is None and intro:
        orgs = ctx.in_range("ORG", start, end)
        # The subject that holds it ("LĐLĐ huyện Gia Lâm tổ chức Đại hội ..."), else the body
        # named right after the kind ("Hội nghị Ban Chấp hành LĐLĐ tỉnh").
        subject = [o for o in orgs if o.end <= kind.start and _patterns()["subject_gap"].match(ctx.text, o.end, kind.end)]
        after = [o for o in orgs if o.start >= kind.start and o.end > kind.end and o.start - kind.end < 40]
        # The first: a later one is its partner ("LĐLĐ thành phố phối hợp với Sở ... tổ chức").
        chosen = (subject[:1] or after[:1] or [None])[0]
        if chosen is not None:
            meeting["organiser"] = ctx.grounded_entity(chosen, value=chosen.attrs.get("canonical") or chosen.text)
            upgraded = _kind_by_organiser(chosen.text)
            if upgraded and kind.value == "hội nghị":
                meeting["kind"] = kind.model_copy(update={"value": upgraded})
    if meeting["date"] is None:
        dates = [d for d in ctx.in_range("DATE", start, end) if d.attrs.get("precision") == "day" and d.attrs.get("value")]
        if dates:
            meeting["date"] = ctx.grounded_entity(dates[0])
    # Session and term are written next to the meeting: "Hội nghị lần thứ 9 (khóa XIV, ...)".
    window = (max(start, kind.start - 60), min(end, kind.end + 100)) if intro else (start, start)
    if meeting["session"] is None:
        match = _patterns()["session"].search(ctx.text, *window)
        number = _ordinal(match.group(1)) if match else None
        if number is not None:
            meeting["session"] = ctx.grounded(number, match.start(), match.end())
    if meeting["term"] is None:
        # The term may close the sentence: "..., bầu bổ sung 03 đồng chí vào BCH (khóa XV)".
        # ... or follow the body that holds it: "Ban Chấp hành LĐLĐ tỉnh khóa XIV tổ chức Hội nghị".
        organiser = meeting["organiser"]
        term_from = organiser.end if organiser is not None and start <= organiser.end <= kind.start else kind.start
        term_window = (term_from, end) if intro else (start, start)
        match = _patterns()["term_roman"].search(ctx.text, *term_window)
        if match:
            meeting["term"] = ctx.grounded(match.group(1).upper(), match.start(), match.end())
        else:
            match = _patterns()["term_years"].search(ctx.text, *term_window)
            if match:
                meeting["term"] = ctx.grounded(f"{match.group(1)}/{match.group(2)}", match.start(), match.end())
    if meeting["place"] is None and intro:
        for match in _patterns()["place"].finditer(ctx.text, start, end):
            places = [p for p in ctx.in_range("LOC", match.start(1), match.end(1)) if p.start == match.start(1)]
            if places:
                meeting["place"] = ctx.grounded_entity(places[0], value=places[0].text)
                break
    # From the kind cue on: "Hội nghị tổng kết phong trào thi đua ..." holds its first item.
    if intro and not meeting["agenda"]:
        meeting["agenda"] = _agenda(ctx, kind.start, end)
    elif opening is not None and not meeting["agenda"]:
        meeting["agenda"] = _agenda(ctx, opening.start, end)
    people = ctx.in_range("PERSON", start, end)
    chair_cue = first_cue("meeting_chair", ctx.text, start, end)
    if chair_cue and people and meeting["chair"] is None:
        # The person nearest the cue: "do đồng chí X ... chủ trì", "dưới sự chủ trì của bà X".
        nearest = min(people, key=lambda p: min(abs(p.start - chair_cue.end), abs(chair_cue.start - p.end)))
        meeting["chair"] = _person_ref(ctx, nearest)
    if first_cue("meeting_attend", ctx.text, start, end):
        known = {a.name.value for a in meeting["attendees"]}
        if meeting["chair"] is not None:
            known.add(meeting["chair"].name.value)
        for person in people:
            ref = _person_ref(ctx, person)
            if ref.name.value not in known:
                meeting["attendees"].append(ref)
                known.add(ref.name.value)


def _agenda(ctx: Context, start: int, end: int) -> list[Grounded[str]]:
    """Agenda items of the introducing sentence, each from its verb to the next one or ``,``/``;``."""
    # A verb inside a quoted title is part of the item: học tập chuyên đề “Học tập và làm theo ...”.
    cues = [c for c in find_cues("agenda_verbs", ctx.text, start, end) if not _quoted(ctx.text, start, c.start)]
    items = []
    for index, cue in enumerate(cues):
        stop = cues[index + 1].start if index + 1 < len(cues) else end
        match = next((m for m in _patterns()["agenda_stop"].finditer(ctx.text, cue.start, stop)
                      if not _quoted(ctx.text, cue.start, m.start())), None)
        item_end = len(ctx.text[:match.start() if match else stop].rstrip(" ,;:"))
        if item_end > cue.end:
            items.append(ctx.grounded(ctx.text[cue.start:item_end], cue.start, item_end))
    return items


def _quoted(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies inside a quotation opened after ``start`` (“…” or "…")."""
    before = text[start:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


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
    else:
        # "bầu bà Lò Thị Hoa giữ chức Chủ tịch CĐCS ...", "chỉ định ông Y làm Chủ tịch lâm thời"
        match = _patterns()["role_after"].match(ctx.text, person.end)
        if match:
            role_grounded = ctx.grounded(match.group(1).strip(), match.start(1), match.end(1))
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
