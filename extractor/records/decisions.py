"""Decisions: an action (``thông qua``, ``bầu bổ sung`` ...), its object, who decided, when,
the documents cited and whether it was adopted or only planned.

A decision is an action cue in a clause that also names what is decided about: a
document reference, a person, an organisation, or a meeting that the clause belongs to
(``Hội nghị thông qua phương án ...``). Not decisions: an action word used as a noun
(``công tác thi đua, khen thưởng``, ``sau sáp nhập``), a proposal (``đề nghị ...``), a
``Căn cứ`` line, a person presenting (``Đ/c X ... thông qua báo cáo``).

One clause may hold several acts: ``điều động ... sau khi sát nhập ..., đổi tên ...`` and
``thông qua báo cáo sơ kết và bầu bổ sung ...``; an action word inside the object of
another (``Quyết định công nhận kết quả bầu bổ sung``) is not a new act.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.data import load_resource
from extractor.records.context import Clause, Context
from extractor.records.cues import alternation, ends_with, entries, find_cues, first_cue
from extractor.records.meetings import _person_ref, planned_occasion, planned_section
from schemas.records import Decision, Grounded, Meeting, PersonRef

@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The decision patterns, assembled from the cue groups of record_cues.yaml."""
    return {
        "object_stop": re.compile(rf"\s*(?:\./|\.\s|\.$|\b{alternation('object_stops')}\b|$)", re.IGNORECASE),
        "object_tail": re.compile(r"(?:\s*(?:\./\.?|\.{3}|\.|[,;:]))+\s*$"),
        # The post a decision gives, after "giữ chức"/"làm": up to a clause mark or "và"/"với".
        "post": re.compile(rf"\s+((?:(?!\s+{alternation('role_stops')}\b)[^,;.()\n])+)", re.IGNORECASE),
        # The first line of a decision's grounds: "Căn cứ Luật Công đoàn ...".
        "grounds_line": re.compile(rf"(?m)^[ \t]*{alternation('basis')}\b", re.IGNORECASE),
        "article": re.compile(rf"\s*{alternation('article_words')}\s+\d+\s*\.", re.IGNORECASE),
        # a new act's joiner, stripped from the end of the act before it
        "joiner_at_end": re.compile(rf"{alternation('new_act_joiners')}\s*$", re.IGNORECASE),
    }


_LIST_LINE = re.compile(r"^\s*\d{1,2}\s*[-.)]\s*", re.MULTILINE)
# An item of a list after ":" ("a) 38 hộ ...", "1- Đ/c: ...", "- ...").
_LIST_ITEM = re.compile(r"^[ \t]*(?:[a-zđ]\)|\d{1,2}\s*[-.)]|-)[ \t]*", re.MULTILINE)


def _actions_with(role: str) -> frozenset[str]:
    """The normalised actions with a behaviour of record_cues.yaml ``decision_action_roles``."""
    return frozenset(entry["word"] for entry in entries("decision_action_roles") if entry.get(role))


# Documents that carry their own act; acts whose object may be a further document, or a further
# person, of the same sentence (record_cues.yaml decision_action_roles).
_CARRIER_ACTIONS = _actions_with("carrier")
_SHARED_ACTIONS = _actions_with("shared")
_PERSON_ACTIONS = _actions_with("people")


def build_decisions(ctx: Context, meetings: list[Meeting], report=None) -> tuple[list[Decision], dict[int, list[int]]]:
    """Build the decisions and, per meeting index, the indexes of the decisions taken there."""
    decisions: list[Decision] = []
    taken_at: dict[int, list[int]] = {}
    title = report.title if report is not None and report.title is not None else None
    previous = None
    for sentence in ctx.body_sentences():
        before, previous = previous, sentence
        if title is not None and sentence[0] < title.end and title.start < sentence[1]:
            continue  # the title names what the document decides; its articles decide it
        meeting_index = _meeting_of(meetings, sentence)
        meeting = meetings[meeting_index] if meeting_index is not None else None
        # "Ngày 20/8 tới, LĐLĐ tỉnh sẽ tổ chức Hội nghị ... Nhân dịp này, ... tặng Bằng khen": planned.
        occasion = before is not None and planned_occasion(ctx, before, sentence)
        shared = None
        subject = None  # the subject the acts of the sentence share
        opening = None  # where the first act of the sentence starts
        for clause in ctx.clauses(sentence, split_lists=False, split_figures=False):
            if first_cue("not_decision", ctx.text, clause.start, clause.end):
                shared = None
                continue
            acts = _acts(ctx, clause)
            elided = not acts and shared is not None and _continues_act(ctx, clause, shared)
            if elided:
                acts = [(shared, clause.start, clause.end)]
            elif not acts:
                acts = _article_grant(ctx, clause, report)
            lower = clause.start
            first_act = acts[0][1] if acts else clause.start
            for cue, start, end in acts:
                opening = start if opening is None else opening
                decision = _decision(ctx, clause, cue, start, end, meeting, report, lower, elided=elided,
                                     first_act=first_act, subject=subject, occasion=occasion, opening=opening)
                lower = end
                if decision is None or _repeats(ctx, sentence, decision, decisions):
                    continue
                if meeting_index is not None:
                    taken_at.setdefault(meeting_index, []).append(len(decisions))
                decisions.append(decision)
                shared = cue
                if subject is None and decision.decided_by is not None and (
                        meeting is None or decision.decided_by is not meeting.organiser):
                    subject = decision.decided_by
    return decisions, taken_at


def _continues_act(ctx: Context, clause: Clause, shared) -> bool:
    """A clause without an act of its own that gives the act before a further object: a
    document (``...; kế hoạch và đề cương giám sát ...``) or a person (``...; bà Ksor H'Bla,
    kế toán Công ty, giữ chức Phó Chủ tịch``)."""
    action = shared.entry["action"]
    if action in _SHARED_ACTIONS and _starts_with_document(ctx, clause):
        return True
    if action in _PERSON_ACTIONS:
        head = len(ctx.text[clause.start:clause.end]) - len(ctx.text[clause.start:clause.end].lstrip(" ,;"))
        people = ctx.in_range("PERSON", clause.start, clause.end)
        return bool(people) and people[0].start - (clause.start + head) <= _HONORIFIC_ROOM
    return False


# A person opening a clause may carry an honorific first: "bà Ksor H'Bla", "đồng chí Lò Văn Thắm".
_HONORIFIC_ROOM = 10


def _article_grant(ctx: Context, clause: Clause, report) -> list[tuple]:
    """``Điều 1. Hỗ trợ kinh phí ...`` in a ``QUYẾT ĐỊNH``: the article grants support, an act of
    ``phê duyệt`` (articles that fund or execute another do not open with a grant)."""
    if report is None or report.kind is None or report.kind.value != "quyết định":
        return []
    line_start, line_end = ctx.line_of(clause.start)
    article = _patterns()["article"].match(ctx.text, line_start, line_end)
    if article is None:
        return []
    cue = first_cue("article_grants", ctx.text, max(article.end(), clause.start), clause.end)
    if cue is None or ctx.text[article.end():cue.start].strip():
        return []
    return [(cue, cue.start, _object_end(ctx, clause.end))]


def _repeats(ctx: Context, sentence: tuple[int, int], decision: Decision, decisions: list[Decision]) -> bool:
    """A caption that repeats an award of the body: a line of its own, no figure of its own, the
    same act, award and body as a decision of an earlier sentence (``Thường trực Công đoàn Viên
    chức tỉnh tặng Giấy khen cho các tập thể có thành tích xuất sắc trong năm.`` under ``...;
    Công đoàn Viên chức tỉnh tặng giấy khen cho 05 tập thể, 41 cá nhân ...``)."""
    line_start, line_end = ctx.line_of(sentence[0])
    if ctx.text[line_start:line_end].strip() != ctx.text[sentence[0]:sentence[1]] or decision.object is None:
        return False
    if decision.people or decision.decided_by is None:
        return False
    if ctx.in_range("COUNT", decision.object.start, decision.object.end):
        return False
    head = [w.casefold() for w in decision.object.value.split()[:2]]
    body = decision.decided_by.value.casefold()
    return any(d.evidence[0].start < sentence[0] and d.action.value == decision.action.value
               and d.object is not None and [w.casefold() for w in d.object.value.split()[:2]] == head
               and d.decided_by is not None and d.decided_by.value.casefold() in body
               for d in decisions)


def _acts(ctx: Context, clause: Clause):
    """The acts of a clause as (cue, start, end): a new act starts at an action cue after a
    comma, ``và`` or ``sau khi``, perhaps with its own subject between (``..., Liên đoàn Lao
    động tỉnh tặng Bằng khen``); other action words belong to the object of the act. An act
    outside the list counts when the text says it was decided (``quyết định thành lập ...``)."""
    text = ctx.text
    cues = [c for c in find_cues("decision_actions", text, clause.start, clause.end)
            if not ends_with("action_as_noun", text[max(clause.start, c.start - 12):c.start])
            and not _passive_count(ctx, clause, c)]
    cues += [c for c in find_cues("decided_acts", text, clause.start, clause.end)
             if ends_with("decide_words", text[max(clause.start, c.start - 20):c.start])]
    cues.sort(key=lambda c: c.start)
    acts: list[tuple] = []
    for cue in cues:
        start = _subject_start(ctx, clause.start, cue.start)
        if acts and not ends_with("new_act_joiners", text[max(clause.start, start - 12):start]):
            continue
        if cue.entry.get("person_before"):  # "đồng chí X tái đắc cử ...": the one elected opens it
            start = acts[-1][1] if acts else clause.start
        acts.append((cue, start))
    bounds = []
    for index, (cue, start) in enumerate(acts):
        end = clause.end
        if index + 1 < len(acts):
            nxt = acts[index + 1][1]
            end = len(_patterns()["joiner_at_end"].sub("", text[:nxt]).rstrip())
        bounds.append((cue, max(start, clause.start + _lead(text, clause.start, clause.end)), end))
    return bounds


def _passive_count(ctx: Context, clause: Clause, cue) -> bool:
    """``1.680 sáng kiến được công nhận``: a count told in the passive, no act."""
    before = ctx.text[max(clause.start, cue.start - _PASSIVE_ROOM):cue.start]
    counts = ctx.in_range("COUNT", max(clause.start, cue.start - _PASSIVE_ROOM), cue.start)
    return bool(counts) and ends_with("passive_words", before)


# How far before the passive verb its counted subject stands: "1.680 sáng kiến được công nhận".
_PASSIVE_ROOM = 40


def _lead(text: str, start: int, end: int) -> int:
    """How many characters of a clause go before its first word (spaces, ``;``, ``,``)."""
    return len(text[start:end]) - len(text[start:end].lstrip(" ,;\n"))


def _subject_start(ctx: Context, lower: int, cue_start: int) -> int:
    """Where the act begins: its subject organisation right before the cue, else the cue."""
    orgs = [o for o in ctx.in_range("ORG", lower, cue_start)
            if re.fullmatch(r"\s*(?:(?:đã|cũng|cũng đã|sẽ)\s*)?", ctx.text[o.end:cue_start], re.IGNORECASE)]
    return orgs[-1].start if orgs else cue_start


def _starts_with_document(ctx: Context, clause: Clause) -> bool:
    head = ctx.text[clause.start:clause.end].lstrip(" ,;").lower()
    words = [w for kind in load_resource("doc_kinds.yaml") for w in kind["words"]]
    return any(head.startswith(w) for w in words)


def _meeting_of(meetings: list[Meeting], sentence: tuple[int, int]) -> int | None:
    for index, meeting in enumerate(meetings):
        if any(e.start == sentence[0] and e.end == sentence[1] for e in meeting.evidence):
            return index
    return None


def _decision(ctx: Context, clause: Clause, cue, start: int, end: int, meeting: Meeting | None,
              report, lower: int, elided: bool = False, first_act: int | None = None,
              subject: Grounded[str] | None = None, occasion: bool = False,
              opening: int | None = None) -> Decision | None:
    """One decision. ``elided``: the clause gives a further object to the act before it, whose
    verb stands in the clause before (``...; kế hoạch và đề cương ...``). ``opening``: where
    the first act of the sentence starts (what stands before it is shared by all its acts)."""
    text = ctx.text
    if elided:
        start = clause.start + _lead(text, clause.start, clause.end)
    else:
        start = min(start, cue.start)
    # Only people since the previous act: those of "bầu bổ sung ... đồng chí X; đồng thời thông
    # qua ..." were elected, they do not present what follows.
    persons_before = [p for p in ctx.in_range("PERSON", lower, cue.start) if cue.start - p.end < 120]
    if persons_before and not elided and not cue.entry.get("person_before"):
        return None  # "Đ/c X, phó chủ tịch ... thông qua báo cáo": a person presents it
    refs = ctx.in_range("DOC_REF", start, end)
    action = cue
    # "ban hành Quyết định số 312/QĐ-LĐLĐ ngày 15/7/2021 chuẩn y kết quả ...": the act is
    # the one the document performs; its date is the document's.
    carried = None
    if cue.entry["action"] in _CARRIER_ACTIONS and refs and refs[0].start - cue.end < 5 and not elided:
        inner = [c for c in find_cues("decision_actions", text, refs[0].end, end)
                 if c.entry["action"] not in _CARRIER_ACTIONS]
        if inner:
            action, carried = inner[0], refs[0]
    people = [p for p in ctx.in_range("PERSON", start, end)
              if p.start > action.start or elided or cue.entry.get("person_before")]
    orgs = ctx.in_range("ORG", start, end)
    article = bool(_patterns()["article"].match(text, *ctx.line_of(start)))
    in_decision_document = report is not None and report.kind is not None and report.kind.value == "quyết định"
    grounded = refs or people or orgs or meeting is not None or subject is not None
    if not (grounded or (article and in_decision_document)):
        return None
    object_start = start if elided else action.end
    if action.entry.get("verb") and not elided:  # "tặng Bằng khen cho ...": the award is the object
        object_start = action.start + len(action.entry["verb"])
    end = _object_end(ctx, end)
    obj = _object(ctx, object_start, end)
    # A task on a whole class ("kiện toàn ... UBKT công đoàn các cấp", "khen thưởng, nhân rộng điển
    # hình tiên tiến"): no decision (a document's object may name them: "thông qua Nghị quyết ...").
    if (obj is not None and action.entry["action"] not in _SHARED_ACTIONS and not refs and not people
            and first_cue("whole_class", text, obj.start, obj.end)):
        return None
    if action.entry["action"] == "bầu bổ sung" and not people:
        people = _listed_people(ctx, clause)
        if people:
            list_end = _object_end(ctx, ctx.line_of(people[-1].start)[1])
            obj = _object(ctx, object_start, list_end, lists=True) or obj
    decided_by = _decided_by(ctx, clause, cue, start, meeting, first_act, subject)
    date = _date(ctx, start, end, refs, carried, meeting, clause)
    # A document cited inside a list of tasks after ":" is the task's, not the decision's.
    colon = text.find(":", start, end)
    doc_refs = [r for r in refs if colon == -1 or r.start < colon]
    if in_decision_document and article:
        # "Điều 1. Đổi tên ...": the decision document itself decides, on its own date.
        own = _own_reference(ctx)
        doc_refs = ([own] if own and own not in doc_refs else []) + doc_refs
        date = date or report.date
        decided_by = decided_by or _signing_body(ctx)
    # A plan word before the acts of the sentence, or in this act before its verb: not one in
    # the object of an act before it ("thông qua kế hoạch ...; phê duyệt dự toán").
    shared_end = clause.sentence[0] if opening is None else min(opening, cue.start)
    planned = (first_cue("planned", text, clause.sentence[0], shared_end)
               or first_cue("planned", text, start, cue.start) or planned_section(ctx, cue.start))
    status = "planned" if planned or occasion else "adopted"
    explicit = sum(x is not None for x in (obj, decided_by, date)) + bool(refs or people)
    return Decision(
        action=ctx.grounded(action.entry["action"], action.start, action.end),
        object=obj,
        people=[_decision_person(ctx, p, people, end) for p in people],
        decided_by=decided_by,
        date=date,
        doc_refs=[ctx.grounded_entity(r, value=_ref_value(r)) for r in doc_refs],
        status=status,
        evidence=[ctx.evidence(start, end)],
        confidence=round(0.4 + 0.15 * explicit, 2),
    )


def _object_end(ctx: Context, end: int) -> int:
    """A list after ``:`` belongs to the object: ``... trong đó:`` / ``a) 38 hộ ...;`` /
    ``b) 108 hộ ...``: the object runs to the end of its last item."""
    if not ctx.text[:end].rstrip().endswith(":"):
        return end
    position = end
    for match in _LIST_ITEM.finditer(ctx.text, end):
        if ctx.text[position:match.start()].strip():
            break
        position = ctx.line_of(match.end())[1]
    return len(ctx.text[:position].rstrip().rstrip(".;").rstrip()) if position > end else end


def _decision_person(ctx: Context, person, people: list, end: int) -> PersonRef:
    """A person of a decision, with the post the decision gives when written (``giữ chức Phó
    Chủ tịch ...``, ``làm Chủ tịch``, ``tái đắc cử chức danh Chủ tịch ...``), else the title
    bound to the name. The post is a title: it opens with a capital (not ``làm lợi ...``)."""
    ref = _person_ref(ctx, person)
    later = [p.start for p in people if p.start > person.start]
    limit = min(later + [end])
    for cue in find_cues("role_verbs", ctx.text, person.end, limit):
        if not cue.entry.get("gives_post"):
            continue
        match = _patterns()["post"].match(ctx.text, cue.end, limit)
        if match and match.group(1)[:1].isupper():
            role = ctx.grounded(match.group(1).strip(), match.start(1), match.end(1))
            return ref.model_copy(update={"role": role})
    return ref


def _object(ctx: Context, start: int, end: int, lists: bool = False) -> Grounded[str] | None:
    stop = None if lists else _patterns()["object_stop"].search(ctx.text, start, end)
    object_end = stop.start() if stop else end
    text = ctx.text[start:object_end]
    # Not the sentence's punctuation: "..., Chủ tịch LĐLĐ huyện Bắc Sơn." / "... doanh nghiệp./."
    text = text[:len(_patterns()["object_tail"].sub("", text))]
    value = " ".join(text.strip(" ,:;").split())
    if not value:
        return None
    offset = start + (len(text) - len(text.lstrip(" ,:;")))
    return Grounded(value=value, start=offset, end=offset + len(text.strip(" ,:;")),
                    text=ctx.text[offset:offset + len(text.strip(" ,:;"))])


def _date(ctx: Context, start: int, end: int, refs, carried, meeting: Meeting | None,
          clause: Clause) -> Grounded[str] | None:
    """A day written in the act (not a cited document's), the carrying document's day, the day
    of an adverbial the acts of the sentence share (``Ngày 25/6/2015, Ban Thường vụ ... họp ...,
    phê duyệt ...; ban hành ...``), else the meeting's day."""
    days = [d for d in ctx.in_range("DATE", start, end)
            if d.attrs.get("precision") == "day" and d.attrs.get("value")
            and not any(r.start <= d.start < r.end for r in refs)]
    if days:
        return ctx.grounded_entity(days[0])
    if carried is not None and carried.attrs.get("date"):
        inner = [d for d in ctx.in_range("DATE", carried.start, carried.end) if d.attrs.get("value")]
        if inner:
            return ctx.grounded_entity(inner[0])
    adverbial = _adverbial_day(ctx, clause.sentence, start)
    if adverbial is not None:
        return ctx.grounded_entity(adverbial)
    return meeting.date if meeting is not None else None


def _adverbial_day(ctx: Context, sentence: tuple[int, int], before: int):
    """The day of a sentence-initial adverbial (``Ngày 25/6/2015, ...``, ``Sáng 18/7, ...``)."""
    head = ctx.text[sentence[0]:before]
    comma = head.find(",")
    if comma == -1:
        return None
    for day in ctx.in_range("DATE", sentence[0], sentence[0] + comma):
        if day.attrs.get("precision") == "day" and day.attrs.get("value") and (
                day.start - sentence[0] <= _ADVERBIAL_ROOM):
            return day
    return None


# A sentence-initial date stands after a word or two: "Ngày ", "Chiều ngày ", "Sáng ".
_ADVERBIAL_ROOM = 12


def _ref_value(ref) -> str:
    number, symbol = ref.attrs.get("number"), ref.attrs.get("symbol")
    if number and symbol:
        return f"{number}/{symbol}"
    return number or symbol or ref.text




def _decided_by(ctx: Context, clause: Clause, cue, start: int, meeting: Meeting | None,
                first_act: int | None = None, subject: Grounded[str] | None = None) -> Grounded[str] | None:
    """The act's own subject (``Liên đoàn Lao động tỉnh tặng Bằng khen``), else the meeting's
    body when the meeting acts (``Hội nghị thông qua ...``), else an organisation that opens
    the clause as its subject (not one in the object of an act before: ``sát nhập Ban Tổ chức
    ..., đổi tên ...``), else the subject the acts of the sentence share, else the meeting's
    body (its mention in the meeting's sentence)."""
    # (Before "tái đắc cử" stands the one elected, whose title may name a body.)
    own = ctx.in_range("ORG", start, cue.start) if start < cue.start and not cue.entry.get("person_before") else []
    if own:
        return ctx.grounded_entity(own[0], value=own[0].attrs.get("canonical") or own[0].text)
    head = ctx.text[clause.sentence[0]:cue.start]
    if meeting is not None and meeting.organiser is not None and (
            first_cue("meeting_anaphora", head) or first_cue("meeting_kinds", head)):
        return meeting.organiser
    limit = min(cue.start, first_act) if first_act is not None else cue.start
    refs = ctx.in_range("DOC_REF", clause.start, limit)
    orgs = [o for o in ctx.in_range("ORG", clause.start, limit)
            if not ends_with("not_actor_before", ctx.text[max(clause.start, o.start - 10):o.start])
            and not any(r.start <= o.start <= r.end + 60 for r in refs)]
    if orgs:
        org = orgs[0]
        return ctx.grounded_entity(org, value=org.attrs.get("canonical") or org.text)
    if subject is not None:
        return subject
    if meeting is not None and meeting.organiser is not None:
        return meeting.organiser
    return None


def _own_reference(ctx: Context):
    """The decision document's own number: the first DOC_REF of its header."""
    header_end = ctx.text.find("\n", 0)
    for _ in range(8):
        if header_end == -1:
            break
        header_end = ctx.text.find("\n", header_end + 1)
    limit = len(ctx.text) if header_end == -1 else header_end
    refs = [e for e in ctx.entities if e.label == "DOC_REF" and e.start < limit]
    return refs[0] if refs else None


def _signing_body(ctx: Context) -> Grounded[str] | None:
    """The deciding body of a decision document: the body line above its grounds (``BAN THƯỜNG
    VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG`` before ``Căn cứ ...``), else the ORG of its ``TM. BAN
    THƯỜNG VỤ`` line."""
    grounds = _patterns()["grounds_line"].search(ctx.text)
    if grounds is not None:
        lines = [m for m in re.finditer(r"[^\n]+", ctx.text[:grounds.start()]) if m.group().strip()]
        for line in reversed(lines[-_BODY_LINE_ROOM:]):
            orgs = ctx.in_range("ORG", line.start(), line.end())
            if orgs and line.group().strip() == ctx.text[orgs[0].start:orgs[0].end] and line.group().isupper():
                return ctx.grounded_entity(orgs[0], value=orgs[0].attrs.get("canonical") or orgs[0].text)
    for entry in entries("signature_on_behalf"):
        for match in re.finditer(re.escape(entry["word"]) + r"[^\n]*", ctx.text):
            orgs = ctx.in_range("ORG", match.start(), match.end())
            if orgs:
                return ctx.grounded_entity(orgs[0], value=orgs[0].attrs.get("canonical") or orgs[0].text)
    return None


# The body line stands among the last lines before the grounds (after the title).
_BODY_LINE_ROOM = 3


def _listed_people(ctx: Context, clause: Clause):
    """People in the numbered list that follows ``bầu bổ sung 03 đồng chí ...:``."""
    after = clause.sentence[1]
    people = []
    for match in _LIST_LINE.finditer(ctx.text, after):
        if match.start() - after > 400:  # the list follows the clause, not a later section
            break
        after = match.end()
        line_start, line_end = ctx.line_of(match.end())  # the match may begin on the blank line before
        found = ctx.in_range("PERSON", line_start, line_end)
        if not found:
            break
        people.extend(found[:1])
    return people
