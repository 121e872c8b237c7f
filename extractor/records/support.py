"""Support figures: who gave how much, to whom, for what, from which fund, when.

One clause states one figure (``Context.clauses``). A clause is a support figure when it
has a support verb (``hỗ trợ``, ``trao``, ``tặng quà`` ...) and something measured: an
amount of money, a number of beneficiaries, or a number of items given (``suất quà``,
``“Mái ấm Công đoàn”``). A clause that opens with ``trong đó`` is a part of the figure
before it (``part_of``), so totals and their parts are never added twice.
"""

from __future__ import annotations

import re

from extractor.records.context import Clause, Context, EntitySpan
from extractor.records.cues import entries, find_cues, first_cue
from schemas.records import Beneficiaries, Grounded, SupportFigure

# Words after which a beneficiary phrase ends: the amount or the fund follows.
_WHO_STOP = re.compile(
    r"\s*(?:,|;|\.|\(|với\b|số tiền\b|tổng\b|trị giá\b|mỗi\b|mức\b|kinh phí\b|từ\b|nhân dịp\b|tại\b|trong đó\b|$)",
    re.IGNORECASE,
)
_PER_UNIT_BEFORE = re.compile(r"(?:mỗi\s+[^\d,;]{1,25}|mức(?: hỗ trợ)?)\s*$", re.IGNORECASE)
_PER_UNIT_AFTER = re.compile(r"^\s*/\s*\w+")
_TOTAL_BEFORE = re.compile(r"tổng[^\d,;]{0,25}$", re.IGNORECASE)
_FUND_STOP = re.compile(r"\s*(?:,|;|\.|\)|”| và huy động| và các nguồn|$)")


def build_support(ctx: Context) -> list[SupportFigure]:
    """Build the support figures of a document, in text order."""
    figures: list[SupportFigure] = []
    for sentence in ctx.sentences:
        previous: int | None = None
        verb = None
        for clause in ctx.clauses(sentence):
            # A clause split off after a count ("..., 03 đoàn viên ... 130 triệu đồng") has
            # no verb of its own: it shares the one before it.
            verb = first_cue("support_verbs", ctx.text, clause.start, clause.end) or verb
            figure = _figure(ctx, clause, verb) if verb is not None else None
            if figure is None:
                continue
            if ctx.text[clause.start:clause.end].lstrip(" ,;").lower().startswith("trong đó") and previous is not None:
                figure = figure.model_copy(update={"part_of": previous})
            else:
                previous = len(figures)
            figures.append(figure)
    return figures


def _figure(ctx: Context, clause: Clause, verb) -> SupportFigure | None:
    # Vietnamese puts what is given after the verb: "hỗ trợ 3 đoàn viên", "trao 80 suất quà".
    after = max(verb.start, clause.start) if verb.start >= clause.sentence[0] else clause.start
    money = ctx.in_range("MONEY", after, clause.end)
    counts = ctx.in_range("COUNT", after, clause.end)
    beneficiary = next((c for c in counts if _unit_in(c, "beneficiaries")), None)
    items = next((c for c in counts if _unit_in(c, "support_items")), None)
    if not money and items is None and not (beneficiary is not None and verb.entry.get("strong")):
        return None

    amount, unit_amount = _amounts(ctx, money)
    explicit = 0
    who = _who(ctx, clause, beneficiary)
    purpose_cue = first_cue("purposes", ctx.text, clause.start, clause.end)
    purpose = ctx.grounded(purpose_cue.entry["purpose"], purpose_cue.start, purpose_cue.end) if purpose_cue else None
    if purpose is None:
        # The sentence may name the purpose before the clause ("Kế hoạch hỗ trợ xây dựng nhà
        # công vụ ..., kinh phí dự tính 200 triệu đồng"), never after it.
        cue = first_cue("purposes", ctx.text, clause.sentence[0], clause.start)
        purpose = ctx.grounded(cue.entry["purpose"], cue.start, cue.end) if cue else None
    else:
        explicit += 1
    fund = _fund(ctx, clause.start, clause.end) or _fund(ctx, clause.sentence[0], clause.start)
    giver = _giver(ctx, clause, verb.start)
    period = _period(ctx, clause)
    status = _status(ctx, clause, verb)
    explicit += sum(x is not None for x in (amount or unit_amount, beneficiary or who, giver, fund, period))
    confidence = round(min(1.0, 0.4 + 0.1 * explicit), 2)
    return SupportFigure(
        giver=giver,
        beneficiaries=Beneficiaries(
            count=ctx.grounded_entity(beneficiary) if beneficiary else None,
            who=who,
        ),
        items=ctx.grounded_entity(items) if items else None,
        amount=ctx.grounded_entity(amount) if amount else None,
        unit_amount=ctx.grounded_entity(unit_amount) if unit_amount else None,
        qualifier=(amount or unit_amount).attrs.get("qualifier") if (amount or unit_amount) else None,
        purpose=purpose,
        fund=fund,
        period=period,
        status=status,
        evidence=[ctx.evidence(clause.start, clause.end)],
        confidence=confidence,
    )


def _unit_in(count: EntitySpan, group: str) -> bool:
    """Whether the counted unit starts with one of the heads of a cue group."""
    unit = str(count.attrs.get("unit", "")).lower()
    return any(unit.startswith(e["word"].lower()) for e in entries(group))


def _amounts(ctx: Context, money: list[EntitySpan]) -> tuple[EntitySpan | None, EntitySpan | None]:
    """Split the clause's money into the amount and the amount per unit (``mỗi suất 1.000.000 đồng``)."""
    total = unit = None
    for item in money:
        before = ctx.text[max(0, item.start - 40):item.start]
        after = ctx.text[item.end:item.end + 10]
        if _PER_UNIT_BEFORE.search(before) or _PER_UNIT_AFTER.match(after):
            unit = unit or item
        elif _TOTAL_BEFORE.search(before):
            total = item
        elif total is None:
            total = item
    return total, unit


def _who(ctx: Context, clause: Clause, beneficiary: EntitySpan | None) -> Grounded[str] | None:
    """The beneficiary phrase: the counted people and what qualifies them, or ``cho ...``."""
    if beneficiary is not None:
        start = beneficiary.start + beneficiary.text.find(str(beneficiary.attrs.get("unit", "")))
    else:
        heads = tuple(e["word"].lower() for e in entries("beneficiaries"))
        starts = [m.end() for m in re.finditer(r"\bcho\s+", ctx.text[clause.start:clause.end], re.IGNORECASE)]
        starts = [clause.start + s for s in starts]
        starts += [c.end for c in find_cues("support_verbs", ctx.text, clause.start, clause.end)]
        starts = [_skip_space(ctx.text, s, clause.end) for s in sorted(starts)]
        start = next((s for s in starts if ctx.text[s:clause.end].lower().startswith(heads)), None)
        if start is None:
            return None
    stop = _WHO_STOP.search(ctx.text, start + 1, clause.end)
    end = stop.start() if stop else clause.end
    if end <= start:
        return None
    return ctx.grounded(ctx.text[start:end].strip(), start, end)


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _fund(ctx: Context, start: int, end: int) -> Grounded[str] | None:
    cue = first_cue("funds", ctx.text, start, end)
    if cue is None:
        return None
    stop = _FUND_STOP.search(ctx.text, cue.end, end)
    fund_end = stop.start() if stop else end
    if len(ctx.text[cue.start:fund_end].split()) < 2:  # a bare "quỹ" names no fund
        return None
    return ctx.grounded(ctx.text[cue.start:fund_end].strip(), cue.start, fund_end)


def _giver(ctx: Context, clause: Clause, verb_start: int) -> Grounded[str] | None:
    """The organisation acting: an ORG before the verb in the clause, else at the sentence start."""
    orgs = [o for o in ctx.in_range("ORG", clause.sentence[0], verb_start) if o.start >= clause.start]
    if not orgs:
        orgs = [o for o in ctx.in_range("ORG", clause.sentence[0], verb_start)]
    if not orgs:
        return None
    org = orgs[-1]
    return ctx.grounded_entity(org, value=org.attrs.get("canonical") or org.text)


def _period(ctx: Context, clause: Clause) -> Grounded[str] | None:
    dates = [d for d in ctx.in_range("DATE", clause.start, clause.end) if d.attrs.get("value")]
    if not dates:
        dates = [d for d in ctx.in_range("DATE", *clause.sentence) if d.attrs.get("value")]
    if not dates:
        heading = ctx.section_heading(clause.start)
        if heading:
            dates = [d for d in ctx.in_range("DATE", *heading) if d.attrs.get("value")]
    return ctx.grounded_entity(dates[0]) if dates else None


def _status(ctx: Context, clause: Clause, verb) -> Grounded[str]:
    cue = first_cue("planned", ctx.text, clause.sentence[0], clause.end)
    if cue is not None:
        return ctx.grounded("planned", cue.start, cue.end)
    heading = ctx.section_heading(clause.start)
    if heading:
        section_cue = first_cue("planned_sections", ctx.text, *heading)
        if section_cue is not None:
            return ctx.grounded("planned", section_cue.start, section_cue.end)
    return ctx.grounded("actual", verb.start, verb.end)
