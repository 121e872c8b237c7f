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
from extractor.records.meetings import _person_ref
from schemas.records import Decision, Grounded, Meeting

@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The decision patterns, assembled from the cue groups of record_cues.yaml."""
    return {
        "object_stop": re.compile(rf"\s*(?:\.\s|\.$|\b{alternation('object_stops')}\b|$)", re.IGNORECASE),
        "article": re.compile(rf"\s*{alternation('article_words')}\s+\d+\s*\.", re.IGNORECASE),
        # a new act's joiner, stripped from the end of the act before it
        "joiner_at_end": re.compile(rf"{alternation('new_act_joiners')}\s*$", re.IGNORECASE),
    }


_LIST_LINE = re.compile(r"^\s*\d{1,2}\s*[-.)]\s*", re.MULTILINE)
# Documents that carry their own act: "ban hành Quyết định số 312/QĐ-LĐLĐ ... chuẩn y ...".
_CARRIER_ACTIONS = frozenset({"ban hành"})
# Acts whose object may be a further document of the same sentence ("Ban hành kế hoạch ...;
# kế hoạch và đề cương giám sát ...").
_SHARED_ACTIONS = frozenset({"ban hành", "thông qua", "phê duyệt", "thống nhất"})


def build_decisions(ctx: Context, meetings: list[Meeting], report=None) -> tuple[list[Decision], dict[int, list[int]]]:
    """Build the decisions and, per meeting index, the indexes of the decisions taken there."""
    decisions: list[Decision] = []
    taken_at: dict[int, list[int]] = {}
    for sentence in ctx.body_sentences():
        meeting_index = _meeting_of(meetings, sentence)
        meeting = meetings[meeting_index] if meeting_index is not None else None
        shared = None
        for clause in ctx.clauses(sentence, split_lists=False, split_figures=False):
            if first_cue("not_decision", ctx.text, clause.start, clause.end):
                shared = None
                continue
            acts = _acts(ctx, clause)
            if not acts and shared is not None and _starts_with_document(ctx, clause):
                acts = [(shared, clause.start, clause.end)]
            lower = clause.start
            for cue, start, end in acts:
                decision = _decision(ctx, clause, cue, start, end, meeting, report, lower)
                lower = end
                if decision is None:
                    continue
                if meeting_index is not None:
                    taken_at.setdefault(meeting_index, []).append(len(decisions))
                decisions.append(decision)
                shared = cue if cue.entry["action"] in _SHARED_ACTIONS else None
    return decisions, taken_at


def _acts(ctx: Context, clause: Clause):
    """The acts of a clause as (cue, start, end): a new act starts at an action cue after a
    comma, ``và`` or ``sau khi``, perhaps with its own subject between (``..., Liên đoàn Lao
    động tỉnh tặng Bằng khen``); other action words belong to the object of the act."""
    cues = [c for c in find_cues("decision_actions", ctx.text, clause.start, clause.end)
            if not ends_with("action_as_noun", ctx.text[max(clause.start, c.start - 12):c.start])]
    acts: list[tuple] = []
    for cue in cues:
        start = _subject_start(ctx, clause.start, cue.start)
        if acts and not ends_with("new_act_joiners", ctx.text[max(clause.start, start - 12):start]):
            continue
        acts.append((cue, start))
    bounds = []
    for index, (cue, start) in enumerate(acts):
        end = clause.end
        if index + 1 < len(acts):
            nxt = acts[index + 1][1]
            end = len(_patterns()["joiner_at_end"].sub("", ctx.text[:nxt]).rstrip())
        bounds.append((cue, start, end))
    return bounds


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
              report, lower: int) -> Decision | None:
    start = min(start, cue.start)
    # Only people since the previous act: those of "bầu bổ sung ... đồng chí X; đồng thời thông
    # qua ..." were elected, they do not present what follows.
    persons_before = [p for p in ctx.in_range("PERSON", lower, cue.start) if cue.start - p.end < 120]
    if persons_before:
        return None  # "Đ/c X, phó chủ tịch ... thông qua báo cáo": a person presents it
    refs = ctx.in_range("DOC_REF", start, end)
    action = cue
    # "ban hành Quyết định số 312/QĐ-LĐLĐ ngày 15/7/2021 chuẩn y kết quả ...": the act is
    # the one the document performs; its date is the document's.
    carried = None
    if cue.entry["action"] in _CARRIER_ACTIONS and refs and refs[0].start - cue.end < 5:
        inner = [c for c in find_cues("decision_actions", ctx.text, refs[0].end, end)
                 if c.entry["action"] not in _CARRIER_ACTIONS]
        if inner:
            action, carried = inner[0], refs[0]
    people = [p for p in ctx.in_range("PERSON", start, end) if p.start > action.start]
    orgs = ctx.in_range("ORG", start, end)
    article = bool(_patterns()["article"].match(ctx.text, *ctx.line_of(start)))
    in_decision_document = report is not None and report.kind is not None and report.kind.value == "quyết định"
    if not (refs or people or orgs or meeting is not None or (article and in_decision_document)):
        return None
    object_start = action.end
    if action.entry.get("verb"):  # "tặng Bằng khen cho ...": the award is the object
        object_start = action.start + len(action.entry["verb"])
    obj = _object(ctx, object_start, end)
    if action.entry["action"] == "bầu bổ sung" and not people:
        people = _listed_people(ctx, clause)
        if people:
            obj = _object(ctx, object_start, max(p.end for p in people), lists=True) or obj
    decided_by = _decided_by(ctx, clause, cue, start, meeting)
    date = _date(ctx, start, end, refs, carried, meeting)
    doc_refs = refs
    if in_decision_document and article:
        # "Điều 1. Đổi tên ...": the decision document itself decides, on its own date.
        own = _own_reference(ctx)
        doc_refs = refs or ([own] if own else [])
        date = date or report.date
        decided_by = decided_by or _signing_body(ctx)
    planned = first_cue("planned", ctx.text, clause.sentence[0], cue.start)
    status = "planned" if planned else "adopted"
    explicit = sum(x is not None for x in (obj, decided_by, date)) + bool(refs or people)
    return Decision(
        action=ctx.grounded(action.entry["action"], action.start, action.end),
        object=obj,
        people=[_person_ref(ctx, p) for p in people],
        decided_by=decided_by,
        date=date,
        doc_refs=[ctx.grounded_entity(r, value=_ref_value(r)) for r in doc_refs],
        status=status,
        evidence=[ctx.evidence(start, end)],
        confidence=round(0.4 + 0.15 * explicit, 2),
    )


def _object(ctx: Context, start: int, end: int, lists: bool = False) -> Grounded[str] | None:
    stop = None if lists else _patterns()["object_stop"].search(ctx.text, start, end)
    object_end = stop.start() if stop else end
    text = ctx.text[start:object_end]
    value = " ".join(text.strip(" ,:;").split())
    if not value:
        return None
    offset = start + (len(text) - len(text.lstrip(" ,:;")))
    return Grounded(value=value, start=offset, end=offset + len(text.strip(" ,:;")),
                    text=ctx.text[offset:offset + len(text.strip(" ,:;"))])


def _date(ctx: Context, start: int, end: int, refs, carried, meeting: Meeting | None) -> Grounded[str] | None:
    """A day written in the clause (not a cited document's), the carrying document's day,
    else the meeting's day."""
    days = [d for d in ctx.in_range("DATE", start, end)
            if d.attrs.get("precision") == "day" and d.attrs.get("value")
            and not any(r.start <= d.start < r.end for r in refs)]
    if days:
        return ctx.grounded_entity(days[0])
    if carried is not None and carried.attrs.get("date"):
        inner = [d for d in ctx.in_range("DATE", carried.start, carried.end) if d.attrs.get("value")]
        if inner:
            return ctx.grounded_entity(inner[0])
    return meeting.date if meeting is not None else None


def _ref_value(ref) -> str:
    number, symbol = ref.attrs.get("number"), ref.attrs.get("symbol")
    if number and symbol:
        return f"{number}/{symbol}"
    return number or symbol or ref.text




def _decided_by(ctx: Context, clause: Clause, cue, start: int, meeting: Meeting | None) -> Grounded[str] | None:
    """The act's own subject (``Liên đoàn Lao động tỉnh tặng Bằng khen``), else the meeting's
    body when the meeting acts (``Hội nghị thông qua ...``), else an organisation that opens
    the clause as its subject."""
    if start < cue.start:
        org = ctx.in_range("ORG", start, cue.start)[0]
        return ctx.grounded_entity(org, value=org.attrs.get("canonical") or org.text)
    head = ctx.text[clause.sentence[0]:cue.start]
    if meeting is not None and meeting.organiser is not None and (
            first_cue("meeting_anaphora", head) or first_cue("meeting_kinds", head)):
        return meeting.organiser
    refs = ctx.in_range("DOC_REF", clause.start, cue.start)
    orgs = [o for o in ctx.in_range("ORG", clause.start, cue.start)
            if not ends_with("not_actor_before", ctx.text[max(clause.start, o.start - 10):o.start])
            and not any(r.start <= o.start <= r.end + 60 for r in refs)]
    if orgs:
        org = orgs[0]
        return ctx.grounded_entity(org, value=org.attrs.get("canonical") or org.text)
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
    """The body a document is signed for: the ORG of its ``TM. BAN THƯỜNG VỤ`` line."""
    for entry in entries("signature_on_behalf"):
        for match in re.finditer(re.escape(entry["word"]) + r"[^\n]*", ctx.text):
            orgs = ctx.in_range("ORG", match.start(), match.end())
            if orgs:
                return ctx.grounded_entity(orgs[0], value=orgs[0].attrs.get("canonical") or orgs[0].text)
    return None


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
