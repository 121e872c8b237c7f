"""Meetings: kind, organiser, date, place, session, term, chair, attendees, agenda, decisions.

A meeting is introduced by a kind cue (``Hội nghị Ban Chấp hành``, ``Đại hội``, ``Hội thảo``,
``lớp tập huấn``, ``phiên họp``) in a sentence that also says it was held (``tổ chức``,
``họp``, ``mở``) or opens with it, or by a body that meets (``Ban Thường vụ LĐLĐ tỉnh họp
phiên thường kỳ``). A report may hold several: a sentence with a day, session or body of its
own starts another. Later sentences that name a meeting again (``Hội nghị thông qua ...``,
``Dịp này``) or go on from it (``Theo đó``, ``Các đại biểu``) add to it; a chair or attendee
line printed before the first meeting (a caption, a lead sentence) belongs to the first one.
A meeting only named, counted or planned is none.
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
        # ... or its abbreviation: "Liên đoàn Lao động tỉnh Sơn La (LĐLĐ) tổ chức Hội nghị".
        "subject_gap": re.compile(
            rf"(?:\s*\([^()]{{1,20}}\))?(?:[\s,]+{alternation('term_words')}\s+[IVXLC]{{1,7}}\b"
            rf"|[\s,]+{alternation('term_years_words')}\s+(?:19|20)\d\d\s*-\s*(?:19|20)\d\d)*"
            rf"[\s,]*(?:{alternation('meeting_subject_adverbs')}\s+|{alternation('meeting_subject_partners')}"
            rf"[^,;.]{{0,80}}?\s+)?{alternation('meeting_held')}\b", re.IGNORECASE),
        "basis": re.compile(rf"\s*{alternation('basis')}\b", re.IGNORECASE),
        # An item ends at the clause's end or before who chaired; a comma alone does not end it.
        "agenda_stop": re.compile(rf";|\.(?!\d)|,?\s+{alternation('agenda_stops')}\b", re.IGNORECASE),
        # What trails an item before the next one: "..., " / " và " / "; ".
        "item_tail": re.compile(rf"(?:\s*(?:[,;:]|\b{alternation('meeting_list_joiners')}\b))*\s*$", re.IGNORECASE),
        # A venue ends before a comma, a bracket or who attended: "tại hội trường LĐLĐ tỉnh, Ban ...".
        "venue_stop": re.compile(rf"[,;.()]|\s+{alternation('agenda_stops')}\b", re.IGNORECASE),
    }


def build_meetings(ctx: Context, report_date: str | None = None) -> list[Meeting]:
    """Build the meetings of a document, in the order they are introduced.

    A sentence that introduces a meeting starts a new one unless it names the same meeting
    again (same kind, or plain ``Hội nghị``, with no day, session or body of its own that
    differs). Other sentences add to a meeting when they name it again (``Hội nghị đã ...``,
    ``Dịp này``) or go on from the sentence before (``Theo đó``, ``Các đại biểu``, its body
    as subject: ``Ban Thường vụ cũng xem xét ...``). A sentence that names a planned meeting
    (``sẽ tổ chức Hội nghị ...``) belongs to none, nor does the ``Nhân dịp này`` after it.
    """
    meetings: list[dict] = []
    pending_roles: list[tuple[int, int]] = []
    previous: dict | None = None  # the meeting of the sentence before
    after_plan = False  # the sentence before named a planned meeting
    for sentence in ctx.body_sentences():
        start, end = sentence
        kind = _introduced_kind(ctx, start, end)
        current, held = None, False
        if kind is not None:
            current = _same_meeting(ctx, meetings, kind, sentence)
            held = current is None or _held_near(ctx, kind, start, end)
            if current is None:
                current = _new_meeting(ctx, meetings, kind, sentence)
            elif current["bare"] and not _bare(ctx, sentence):
                _reintroduce(ctx, current, kind)
                held = True
        elif meetings and (named := _named_again(ctx, meetings, sentence, after_plan)) is not None:
            current = named
        elif _names_planned_meeting(ctx, start, end):
            after_plan, previous = True, None
            continue
        elif previous is not None and planned_section(ctx, start) is None and _goes_on(ctx, previous, start, end):
            current = previous
        after_plan = False
        if current is None:
            if first_cue("meeting_chair", ctx.text, start, end) or first_cue("meeting_attend", ctx.text, start, end):
                pending_roles.append(sentence)
            previous = None
            continue
        _fill(ctx, current, sentence, kind, meetings, report_date, held=held, continuing=previous is current)
        previous = current
    if meetings:
        for sentence in pending_roles:
            _fill(ctx, meetings[0], sentence, None, meetings, report_date)
    return [_to_model(m) for m in meetings]


def _bare(ctx: Context, sentence: tuple[int, int]) -> bool:
    """A whole line without a final stop: a headline or a caption, not the report of the meeting."""
    start, end = sentence
    line_start, line_end = ctx.line_of(start)
    return ctx.text[line_start:line_end].strip() == ctx.text[start:end] and not ctx.text[start:end].endswith(
        (".", "!", "?", ";", ":", "…"))


def _introduced_kind(ctx: Context, start: int, end: int):
    """The kind cue of a meeting this sentence says was held, or None.

    Held means: a held cue (``tổ chức``, ``họp``) next to the kind cue, or a sentence that
    opens with the meeting (``Hội nghị lần thứ 10 Ban Chấp hành ...``). Headings in
    capitals, ``Căn cứ`` lines and plans (a task section, ``dự kiến``) hold no meeting.
    """
    text = ctx.text
    if text[start:end] == text[start:end].upper() or _patterns()["basis"].match(text, start, end):
        return None
    for kind in _live_kinds(ctx, start, end):
        if _held_near(ctx, kind, start, end) or _opens_with(ctx, kind, start):
            return kind
    # "Ban Thường vụ LĐLĐ tỉnh họp phiên thường kỳ": the body, then "họp".
    for org in ctx.in_range("ORG", start, end):
        held = re.match(r"\s+(họp)\b", text[org.end:end], re.IGNORECASE)
        kind = _kind_by_organiser(org.text)
        clause_end = min([c for c in (text.find(";", org.end, end), end) if c != -1])
        if held and kind and not _planned(ctx, start, org.start) and not first_cue(
                "meeting_habitual", text, start, min(clause_end, org.end + _HABIT_ROOM)) and not re.match(
                r"\s+họp\s+(?:định kỳ|thường kỳ)?\s*\d", text[org.end:end], re.IGNORECASE):
            return Cue(org.end + held.start(1), org.end + held.end(1), {"word": "họp", "kind": kind})
    return None


def _opens_with(ctx: Context, kind, start: int) -> bool:
    """A sentence that opens with the meeting word (``Hội nghị lần thứ 10 ...``, ``Tại phiên họp
    thứ nhất, ...``), perhaps after a dating adverbial (``Sáng 12/3/2020, Đại hội Công đoàn tỉnh
    ... đã khai mạc``)."""
    if kind.start - start < 12:
        return True
    head = ctx.text[start:kind.start]
    days = ctx.in_range("DATE", start, kind.start)
    return bool(days) and head.rstrip().endswith(",") and head.count(",") == 1 and days[0].start - start < 12


def _held_near(ctx: Context, kind, start: int, end: int) -> bool:
    """A held cue next to the meeting word: ``tổ chức Hội nghị``, ``Hội nghị ..., họp ngày``."""
    if kind.entry.get("word") == "họp":
        return True
    return first_cue("meeting_held", ctx.text, max(start, kind.start - 40), min(end, kind.end + 60)) is not None


def _live_kinds(ctx: Context, start: int, end: int) -> list[Cue]:
    """The meeting words of a sentence that may name a meeting held: not one only named
    (``Nghị quyết Đại hội XIII``, ``Việc tổ chức Hội nghị``), counted (``1.397 cuộc tập huấn,
    hội nghị``), held by a share of units (``100% cơ quan ... tổ chức hội nghị``) or planned."""
    text = ctx.text
    live = []
    blocked_before: Cue | None = None
    for kind in find_cues("meeting_kinds", text, start, end):
        before = text[max(start, kind.start - 40):kind.start]
        counted = any(c.start < kind.start and kind.start - c.end < 30 for c in ctx.entities
                      if c.label == "COUNT" and max(start, kind.start - 40) <= c.start)
        # A list of meeting words shares the fate of its first: "1.397 cuộc tập huấn, hội nghị, hội thảo".
        listed = blocked_before is not None and re.fullmatch(
            rf"\s*(?:,|{alternation('meeting_list_joiners')})\s*", text[blocked_before.end:kind.start], re.IGNORECASE)
        clause_start = max(start, text.rfind(";", start, kind.start) + 1)
        clause_end = min([c for c in (text.find(";", kind.end, end), end) if c != -1])
        # "100% cơ quan ... tổ chức hội nghị", "họp định kỳ hằng tháng": a routine, not a meeting held
        shared = bool(ctx.in_range("PERCENT", clause_start, kind.start)) or bool(
            first_cue("meeting_habitual", text, clause_start, min(clause_end, kind.end + _HABIT_ROOM)))
        if (ends_with("meeting_not_held_before", before) or counted or listed or shared
                or _planned(ctx, start, kind.start) or _future(ctx, clause_start, clause_end)):
            blocked_before = kind
            continue
        blocked_before = None
        live.append(kind)
    return live


# How far after the meeting word a routine is told: "họp định kỳ hằng tháng" (not "... mời ... cùng
# tham gia cơ chế giao ban luân phiên hằng năm", which dates what it agreed).
_HABIT_ROOM = 30


def _names_planned_meeting(ctx: Context, start: int, end: int) -> bool:
    """A sentence that names a meeting still to come: ``Ngày 20/8 tới, LĐLĐ tỉnh sẽ tổ chức Hội nghị ...``."""
    text = ctx.text
    for kind in find_cues("meeting_kinds", text, start, end):
        clause_start = max(start, text.rfind(";", start, kind.start) + 1)
        clause_end = min([c for c in (text.find(";", kind.end, end), end) if c != -1])
        if _planned(ctx, start, kind.start) or _future(ctx, clause_start, clause_end):
            return True
    return False


def _future(ctx: Context, start: int, end: int) -> bool:
    """A clause that dates its meeting after the report's day: "Tổ chức Hội nghị tổng kết công
    tác công đoàn năm 2013 vào tháng 12" in a report of July 2013 plans it."""
    report_date = getattr(ctx.doc._, "report_date", None)
    if not report_date:
        return False
    refs = ctx.in_range("DOC_REF", start, end)
    for day in ctx.in_range("DATE", start, end):
        value = day.attrs.get("value")
        if day.attrs.get("precision") in ("day", "month") and isinstance(value, str) and not any(
                r.start <= day.start < r.end for r in refs):
            length = min(len(value), len(report_date))
            if value[:length] > report_date[:length]:
                return True
    return False


def planned_occasion(ctx: Context, before: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """Whether a sentence (``Nhân dịp này, ...``) is about the occasion of a planned meeting the
    sentence before names (``Ngày 20/8 tới, LĐLĐ tỉnh sẽ tổ chức Hội nghị biểu dương ...``)."""
    occasion = [c for c in find_cues("meeting_anaphora", ctx.text, sentence[0], min(sentence[1], sentence[0] + 20))
                if c.entry.get("occasion")]
    return bool(occasion) and _introduced_kind(ctx, *before) is None and _names_planned_meeting(ctx, *before)


def _planned(ctx: Context, start: int, position: int) -> bool:
    """A meeting under a task section, or after a plan word (``Dự kiến tổ chức Đại hội``)."""
    return planned_section(ctx, position) is not None or bool(first_cue("planned", ctx.text, start, position))


def planned_section(ctx: Context, position: int) -> Cue | None:
    """The plan cue of the task section ``position`` lies in (``II. PHƯƠNG HƯỚNG NHIỆM VỤ ...``).

    A heading that names results (``I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM``) is no plan
    even though it names the tasks.
    """
    heading = ctx.section_heading(position)
    if not heading or first_cue("meeting_result_sections", ctx.text, *heading):
        return None
    return first_cue("planned_sections", ctx.text, *heading)


def _kind_by_organiser(name: str) -> str | None:
    lowered = name.lower()
    for entry in entries("meeting_kind_by_organiser"):
        if lowered.startswith(entry["word"]):
            return entry["kind"]
    return None


def _same_meeting(ctx: Context, meetings: list[dict], kind, sentence) -> dict | None:
    """The meeting a sentence names again: the latest of the same kind (any, for a plain
    ``Hội nghị``), unless the sentence gives it another day, session or body."""
    own = _identity(ctx, kind, sentence)
    for meeting in _candidates(meetings, kind.entry["kind"]):
        if not _conflicts(meeting, own):
            return meeting
    if meetings and _continues(ctx, kind, sentence) and not _conflicts(meetings[-1], own):
        return meetings[-1]
    return None


def _candidates(meetings: list[dict], word: str) -> list[dict]:
    """The meetings a meeting word may name again, the likeliest first: the latest of that
    kind; for a plain ``Hội nghị`` the latest hội nghị, then any other; a session held within
    another meeting last."""
    ranked = []
    for index, meeting in enumerate(meetings):
        value = meeting["kind"].value
        if value == word or (word == "hội nghị" and value.startswith(word)):
            rank = 0
        elif word == "hội nghị":
            rank = 1
        else:
            continue
        ranked.append((rank + 2 * meeting["within"], -index, meeting))
    return [meeting for *_, meeting in sorted(ranked, key=lambda r: r[:2])]


def _identity(ctx: Context, kind, sentence) -> dict:
    """What tells one meeting from another: its day, its session, the body that holds it."""
    start, end = sentence
    day = _own_day(ctx, start, end)
    session = _session(ctx, kind, end)
    organiser = _organiser_entity(ctx, kind, start, end)
    body = _kind_by_organiser(organiser.text) if organiser is not None else None
    return {"date": day.attrs.get("value") if day else None,
            "session": _ordinal(session.group(1)) if session else None, "body": body,
            # Only a subject that holds it: a body after the word may be a guest's ("Dự hội nghị
            # có bà X - Phó Trưởng ban Dân vận Tỉnh ủy").
            "organiser": (organiser.attrs.get("canonical") or organiser.text)
            if organiser is not None and organiser.end <= kind.start else None,
            "later": first_cue("meeting_same_day", ctx.text, start, end) is not None}


def _conflicts(meeting: dict, own: dict) -> bool:
    """Whether a sentence names another meeting than ``meeting``: another day (``Chiều cùng
    ngày, ...`` is a later one), session, body or organiser."""
    if own["later"]:
        return True
    if own["date"] and meeting["date"] is not None and not meeting["date_from_report"] and (
            meeting["date"].value != own["date"]):
        return True
    organiser = meeting["organiser"]
    if own["organiser"] and organiser is not None and own["organiser"].casefold() != organiser.value.casefold():
        return True
    if own["session"] is not None and meeting["session"] is not None and meeting["session"].value != own["session"]:
        return True
    return bool(own["body"]) and meeting["kind"].value != own["body"]


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


def _named_again(ctx: Context, meetings: list[dict], sentence, after_plan: bool) -> dict | None:
    """The meeting a sentence that introduces none names again (``Hội nghị đã thông qua``,
    ``Tại Đại hội``, ``Dịp này``): the latest meeting of that word, not a session held within
    another. Not a meeting only named (``Nghị quyết Đại hội``), planned or in a task section."""
    start, end = sentence
    if planned_section(ctx, start) is not None:
        return None
    targets = [m for m in meetings if not m["within"]] or meetings
    live = _live_kinds(ctx, start, end)
    # Not a meeting word counted or held by a share of units ("96,5% CĐCS ... tổ chức hội nghị").
    blocked = [k for k in find_cues("meeting_kinds", ctx.text, start, end) if k not in live]
    for cue in find_cues("meeting_anaphora", ctx.text, start, end):
        before = ctx.text[max(start, cue.start - 40):cue.start]
        if ends_with("meeting_not_held_before", before) or _planned(ctx, start, cue.start) or any(
                k.start < cue.end and cue.start < k.end for k in blocked):
            continue
        if cue.entry.get("occasion"):
            if after_plan:
                continue
            return targets[-1]
        word = cue.entry.get("names", "")
        same = [m for m in targets if m["kind"].value.startswith(word)]
        return (same or targets)[-1]
    return None


def _goes_on(ctx: Context, meeting: dict, start: int, end: int) -> bool:
    """Whether a sentence goes on about the meeting of the sentence before it: ``Theo đó, ...``,
    ``Các đại biểu đã thảo luận ...``, a discussion without subject, the meeting's body as
    subject (``Ban Thường vụ cũng xem xét ...``)."""
    opening = ctx.text[start:min(end, start + 40)]
    # Without a subject, what the meeting discussed: "Thảo luận việc điều chỉnh ...". (A bare
    # "Đánh giá khái quát kết quả ...:" summarises a report and goes on about no meeting.)
    for group in ("meeting_continuations", "agenda_objects"):
        cue = first_cue(group, opening)
        if cue is not None and cue.start == 0:
            return True
    return _opens_with_body(ctx, meeting, start, end)


def _opens_with_body(ctx: Context, meeting: dict, start: int, end: int) -> bool:
    """``Ban Thường vụ cũng xem xét ...`` after ``Ban Thường vụ LĐLĐ tỉnh họp kỳ thứ 5``."""
    organiser = meeting["organiser"]
    orgs = [o for o in ctx.in_range("ORG", start, end) if o.start == start]
    if not orgs or organiser is None:
        return False
    body = _kind_by_organiser(orgs[0].text)
    return (orgs[0].attrs.get("canonical") or orgs[0].text) == organiser.value or (
        body is not None and body == meeting["kind"].value)


def _new_meeting(ctx: Context, meetings: list[dict], kind, sentence) -> dict:
    meeting = {
        "kind": ctx.grounded(kind.entry["kind"], kind.start, kind.end),
        "organiser": None, "date": None, "date_from_report": False, "place": None,
        "session": None, "term": None, "chair": None, "attendees": [], "agenda": [],
        "evidence": [], "within": bool(kind.entry.get("within")) and bool(meetings),
        "bare": _bare(ctx, sentence), "attending": False,
    }
    meetings.append(meeting)
    return meeting


def _reintroduce(ctx: Context, meeting: dict, kind) -> None:
    """A meeting first named by a headline-like line is introduced again by the body: what
    the line said gives way to the body's sentence."""
    upgraded = _kind_by_organiser(meeting["organiser"].text) if meeting["organiser"] is not None else None
    generic = bool(kind.entry.get("upgradable"))  # record_cues.yaml meeting_kinds
    value = upgraded if upgraded and generic else kind.entry["kind"]
    meeting.update(kind=ctx.grounded(value, kind.start, kind.end), organiser=None, place=None, session=None,
                   term=None, agenda=[], bare=False)


def _own_day(ctx: Context, start: int, end: int):
    """The first day a sentence gives: not the day of a document it cites, a day in brackets
    (``(28/7/1929 - 28/7/2024)``) or a time limit (``từ nay đến 15.11.2020``)."""
    refs = ctx.in_range("DOC_REF", start, end)
    for day in ctx.in_range("DATE", start, end):
        before = ctx.text[start:day.start]
        cited = any(r.start <= day.start < r.end for r in refs)
        bracketed = before.count("(") > before.count(")")
        if (day.attrs.get("precision") == "day" and day.attrs.get("value") and not cited and not bracketed
                and not ends_with("time_points", before)):
            return day
    return None


def _session(ctx: Context, kind, end: int):
    """``lần thứ 10``/``kỳ thứ 5``/``thứ nhất`` after the meeting word, before any other one."""
    match = _patterns()["session"].search(ctx.text, kind.start, min(end, kind.end + 100))
    if match is None or _other_kind_between(ctx, kind, match.start()):
        return None
    return match if _ordinal(match.group(1)) is not None else None


def _other_kind_between(ctx: Context, kind, position: int) -> bool:
    return bool(find_cues("meeting_kinds", ctx.text, kind.end, position))


def _organiser_entity(ctx: Context, kind, start: int, end: int):
    """The subject that holds it ("LĐLĐ huyện Gia Lâm tổ chức Đại hội ..."), else the body
    named right after the kind ("Hội nghị Ban Chấp hành LĐLĐ tỉnh")."""
    orgs = ctx.in_range("ORG", start, end)
    subject = [o for o in orgs if o.end <= kind.start and _patterns()["subject_gap"].match(ctx.text, o.end, kind.end)]
    # After it, not the object of an act: "Hội nghị lần thứ 10 Ban Chấp hành ...", "Tại phiên họp
    # thứ nhất, Ban Chấp hành ...", "Hội nghị ... xin ý kiến Ban Thường vụ" (not "Đại hội đã bầu
    # 27 đồng chí vào Ban Chấp hành").
    # (Nor a body in a person's title: "Tại hội nghị, đồng chí X, Phó Chủ tịch LĐLĐ tỉnh ...".)
    after = [o for o in orgs if o.start >= kind.start and o.end > kind.end and o.start - kind.end < 40
             and not first_cue("decision_actions", ctx.text, kind.end, o.start)
             and not ctx.in_range("PERSON", kind.end, o.start)
             and not ends_with("not_actor_before", ctx.text[kind.end:o.start])]
    # The first: a later one is its partner ("LĐLĐ thành phố phối hợp với Sở ... tổ chức").
    return (subject[:1] or after[:1] or [None])[0]




def _fill(ctx: Context, meeting: dict, sentence: tuple[int, int], kind, meetings: list[dict],
          report_date: str | None, held: bool = False, continuing: bool = False) -> None:
    """Add a sentence to a meeting. Its body, day, session and term are read from a sentence
    that names it (``kind``); where it was held from one that says it was held (``Hội nghị đề
    ra mục tiêu ... tại huyện Hòa Vang`` names no place of the meeting)."""
    start, end = sentence
    text = ctx.text
    meeting["evidence"].append(ctx.evidence(start, end))
    intro = kind is not None
    if meeting["organiser"] is None and intro:
        chosen = _organiser_entity(ctx, kind, start, end)
        if chosen is not None:
            meeting["organiser"] = ctx.grounded_entity(chosen, value=chosen.attrs.get("canonical") or chosen.text)
            # The body meets, also for a review: "Ban Chấp hành LĐLĐ tỉnh tổ chức Hội nghị sơ kết ...".
            upgraded = _kind_by_organiser(chosen.text)
            if upgraded and kind.entry.get("upgradable") and meeting["kind"].value == kind.entry["kind"]:
                meeting["kind"] = meeting["kind"].model_copy(update={"value": upgraded})
    if (meeting["date"] is None or meeting["date_from_report"]) and intro:
        _date(ctx, meeting, sentence, meetings, report_date)
    if meeting["session"] is None and intro:
        match = _session(ctx, kind, end)
        if match is not None:
            meeting["session"] = ctx.grounded(_ordinal(match.group(1)), match.start(), match.end())
    if meeting["term"] is None and intro:
        # The term may close the sentence: "..., bầu bổ sung 03 đồng chí vào BCH (khóa XV)".
        # ... or follow the body that holds it: "Ban Chấp hành LĐLĐ tỉnh khóa XIV tổ chức Hội nghị".
        organiser = meeting["organiser"]
        term_from = organiser.end if organiser is not None and start <= organiser.end <= kind.start else kind.start
        # A sentence that only names it again gives no term of another meeting named on the way:
        # "Hội nghị đã phát động ... Nghị quyết Đại hội ... nhiệm kỳ 2023 - 2028".
        match = _patterns()["term_roman"].search(text, term_from, end)
        if match and (held or not _other_kind_between(ctx, kind, match.start())):
            meeting["term"] = ctx.grounded(match.group(1).upper(), match.start(), match.end())
        elif not match:
            match = _patterns()["term_years"].search(text, term_from, end)
            if match and (held or not _other_kind_between(ctx, kind, match.start())):
                meeting["term"] = ctx.grounded(f"{match.group(1)}/{match.group(2)}", match.start(), match.end())
    if meeting["place"] is None and intro and held:
        meeting["place"] = _place(ctx, start, end)
    # From the kind cue on: "Hội nghị tổng kết phong trào thi đua ..." holds its first item;
    # a later sentence with the meeting as subject adds what it dealt with.
    if kind is not None:
        _add_agenda(meeting, _agenda(ctx, kind.start, end))
    elif _about_itself(ctx, meeting, start, end):
        _add_agenda(meeting, _agenda(ctx, start, end))
    people = ctx.in_range("PERSON", start, end)
    chair_cue = first_cue("meeting_chair", text, start, end)
    co_chairs = []
    if chair_cue and people and meeting["chair"] is None:
        # The person nearest the cue: "do đồng chí X ... chủ trì", "dưới sự chủ trì của bà X";
        # of co-chairs ("A và B đồng chủ trì") the first named, the others attend.
        nearest = min(people, key=lambda p: min(abs(p.start - chair_cue.end), abs(chair_cue.start - p.end)))
        if chair_cue.entry.get("co"):
            co_chairs = [p for p in people if p.end <= chair_cue.start]
            nearest = co_chairs[0] if co_chairs else nearest
        meeting["chair"] = _person_ref(ctx, nearest)
    # "Về phía bạn Lào có ông ..." goes on with the guests of the sentence before.
    going_on = first_cue("meeting_continuations", text, start, min(end, start + 20))
    attending = bool(first_cue("meeting_attend", text, start, end)) or (
        continuing and meeting["attending"] and going_on is not None and going_on.start == start
        and bool(going_on.entry.get("attendees")))
    meeting["attending"] = attending
    if attending or co_chairs:
        known = {a.name.value for a in meeting["attendees"]}
        if meeting["chair"] is not None:
            known.add(meeting["chair"].name.value)
        for person in people if attending else co_chairs:
            ref = _person_ref(ctx, person)
            if ref.name.value not in known:
                meeting["attendees"].append(ref)
                known.add(ref.name.value)


def _date(ctx: Context, meeting: dict, sentence: tuple[int, int], meetings: list[dict], report_date) -> None:
    """The day the introducing sentence gives (not a cited document's); else the report's day
    for ``Sáng nay``/``Hôm nay``; else, for ``Chiều cùng ngày``, the day of the meeting before."""
    start, end = sentence
    day = _own_day(ctx, start, end)
    if day is not None:  # a day written wins over the dateline's ("Hội nghị diễn ra ngày 5/1")
        meeting["date"], meeting["date_from_report"] = ctx.grounded_entity(day), False
        return
    if meeting["date"] is not None:
        return
    today = _patterns()["today"].search(ctx.text, start, end)
    if report_date and today:
        meeting["date"] = ctx.grounded(report_date, today.start(), today.end())
        meeting["date_from_report"] = True
        return
    if first_cue("meeting_same_day", ctx.text, start, end):
        dated = [m for m in meetings if m is not meeting and m["date"] is not None]
        if dated:
            meeting["date"], meeting["date_from_report"] = dated[-1]["date"], dated[-1]["date_from_report"]


def _place(ctx: Context, start: int, end: int) -> Grounded[str] | None:
    """The place after ``tại``: a place name, or a venue (``tại hội trường LĐLĐ tỉnh``)."""
    for match in _patterns()["place"].finditer(ctx.text, start, end):
        # a place name, a body whose seat it is ("tại Công ty TNHH Hansae Việt Nam"), a venue: the longest
        entities = ctx.in_range("LOC", match.start(1), match.end(1)) + ctx.in_range("ORG", match.start(1), end)
        places = [p for p in entities if p.start == match.start(1)]
        found = [ctx.grounded_entity(p, value=p.text) for p in places]
        venue = first_cue("meeting_venues", ctx.text, match.start(1), match.end(1))
        if venue is not None and venue.start == match.start(1):
            stop = _patterns()["venue_stop"].search(ctx.text, venue.end, match.end(1))
            place_end = len(ctx.text[:stop.start() if stop else match.end(1)].rstrip())
            found.append(ctx.grounded(ctx.text[venue.start:place_end], venue.start, place_end))
        if found:
            return max(found, key=lambda place: place.end)
    return None


def _about_itself(ctx: Context, meeting: dict, start: int, end: int) -> bool:
    """A sentence whose subject is the meeting (``Hội nghị đã nghe ...``, ``Tại Hội nghị ...``),
    its participants (``Các đại biểu đã thảo luận ...``) or its body (``Ban Thường vụ cũng xem
    xét ...``), or that has none (``Thảo luận việc ...``): what it did is on the agenda.
    A speech (``Phát biểu tại hội nghị, ông X đánh giá ...``) is not."""
    opening = ctx.text[start:min(end, start + 40)]
    for group in ("meeting_kinds", "meeting_anaphora", "meeting_continuations", "agenda_objects"):
        cue = first_cue(group, opening)
        if cue is not None and cue.start == 0 and not cue.entry.get("occasion") and not cue.entry.get("attendees"):
            return True
    return _opens_with_body(ctx, meeting, start, end)


def _add_agenda(meeting: dict, items: list[Grounded[str]]) -> None:
    known = {item.value.casefold() for item in meeting["agenda"]}
    for item in items:
        if item.value.casefold() not in known:
            meeting["agenda"].append(item)
            known.add(item.value.casefold())


def _agenda(ctx: Context, start: int, end: int) -> list[Grounded[str]]:
    """Agenda items from ``start`` to the sentence end.

    An item runs from its verb (``triển khai nhiệm vụ ...``), or from after a cue whose
    item is what follows (``thảo luận``, ``góp ý vào``, ``đã nghe``), to the next item, a
    decision, ``;``, the sentence end or a chair phrase (``do ... chủ trì``); a comma alone
    does not end it (``triển khai phương hướng, nhiệm vụ năm 2014``). Not items: a verb in
    a quoted title, a noun use (``báo cáo tổng kết``), what a decision's object holds
    (``thông qua báo cáo sơ kết``), an item whose list follows a colon (``như sau:``).
    """
    text = ctx.text
    decisions = [c for c in find_cues("decision_actions", text, start, end)
                 if not ends_with("action_as_noun", text[max(start, c.start - 12):c.start])]
    cues = []
    for cue in sorted(find_cues("agenda_verbs", text, start, end) + find_cues("agenda_objects", text, start, end),
                      key=lambda c: (c.start, -c.end)):
        if cues and cue.start < cues[-1].end:
            continue
        noun = ends_with("agenda_verb_as_noun", text[max(start, cue.start - 20):cue.start])
        if _quoted(text, start, cue.start) or noun:
            continue
        if any(d.end <= cue.start and not _clause_break(text, d.end, cue.start) for d in decisions):
            continue  # "thông qua báo cáo sơ kết ...": inside the decision's object
        cues.append(cue)
    items = []
    for index, cue in enumerate(cues):
        stop = cues[index + 1].start if index + 1 < len(cues) else end
        stop = min([stop] + [d.start for d in decisions if cue.end <= d.start < stop])
        match = next((m for m in _patterns()["agenda_stop"].finditer(text, cue.end, stop)
                      if not _quoted(text, cue.start, m.start())), None)
        item_end = match.start() if match else stop
        if text[:item_end].rstrip().endswith(":") or text[item_end:item_end + 1] == ":":
            continue  # "xin ý kiến ... vào các nội dung như sau:" — the items are the list below
        item_start = cue.start if cue.entry.get("keep", True) else cue.end
        item_end = item_start + len(_patterns()["item_tail"].sub("", text[item_start:item_end]))
        while item_start < item_end and text[item_start] in " ,:":
            item_start += 1
        if item_end > item_start and (item_start > cue.start or item_end > cue.end):
            items.append(ctx.grounded(text[item_start:item_end], item_start, item_end))
    return items


def _clause_break(text: str, start: int, end: int) -> bool:
    """A ``;`` between two points that is not inside a list after ``:``."""
    between = text[start:end]
    return ";" in between and ":" not in text[start:start + between.index(";")]


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
    fields = {k: v for k, v in meeting.items() if k in Meeting.model_fields}
    return Meeting(**fields, confidence=round(0.5 + 0.125 * explicit, 3))
