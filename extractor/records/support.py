"""Support figures: who gave how much, to whom, for what, from which fund, when.

One clause states one figure (``Context.clauses``). A clause is a support figure when it
has a support verb (``hỗ trợ``, ``trao``, ``tặng quà`` ...) and something measured: an
amount of money, a number of beneficiaries, or a number of items given (``suất quà``,
``“Mái ấm Công đoàn”``). A clause that opens with ``trong đó`` is a part of the figure
before it (``part_of``), so totals and their parts are never added twice.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.records.context import Clause, Context, EntitySpan
from extractor.records.cues import alternation, ends_with, entries, find_cues, first_cue
from schemas.records import Beneficiaries, Grounded, SupportFigure

_PER_UNIT_AFTER = re.compile(r"^\s*/\s*\w+")  # "50 triệu đồng/nhà"
_ADVERBIAL_END = re.compile(r"[^;,.:]{0,40}[,:]")  # the rest of a date's phrase, up to its comma or colon


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The support patterns, assembled from the cue groups of record_cues.yaml."""
    return {
        # the beneficiary phrase ends at a clause mark or a stop word (not at a bare comma)
        "who_stop": re.compile(rf"\s*(?:;|\.(?:\s|$)|,?\s*{alternation('beneficiary_stops')}\b|$)", re.IGNORECASE),
        "per_unit_before": re.compile(rf"{alternation('per_unit_words')}[^\d,;]{{0,25}}$", re.IGNORECASE),
        "total_before": re.compile(rf"{alternation('total_words')}[^\d,;]{{0,25}}$", re.IGNORECASE),
        "fund_from": re.compile(
            rf"\b{alternation('fund_from')}\s+(?:{alternation('fund_source_word')}\s+)?", re.IGNORECASE),
        "fund_plural": re.compile(rf"{alternation('fund_plural')}\b", re.IGNORECASE),
        "fund_stop": re.compile(rf"\s*(?:,|;|\.(?:\s|$)|\)|\s{alternation('fund_stops')}\b|$)", re.IGNORECASE),
    }


def build_support(ctx: Context) -> list[SupportFigure]:
    """Build the support figures of a document, in text order."""
    figures: list[SupportFigure] = []
    sentence_of: list[tuple[int, int]] = []
    statements: list[tuple[int, int]] = []
    for sentence in ctx.body_sentences():
        if first_cue("fund_statements", ctx.text, sentence[0], min(sentence[1], sentence[0] + 60)):
            statements.append(sentence)
        previous: int | None = None
        verb = None
        for clause in ctx.clauses(sentence):
            if first_cue("not_support", ctx.text, clause.start, clause.end):
                verb = None
                continue
            own = _verb(ctx, clause.start, clause.end)
            # A clause split off after a count ("..., 03 đoàn viên ... 130 triệu đồng") has
            # no verb of its own: it shares the one of the figure before it.
            verb = own or (verb if previous is not None else None)
            figure = _figure(ctx, clause, verb) if verb is not None else None
            if figure is None:
                continue
            if _is_part(ctx, clause) and previous is not None:
                figure = figure.model_copy(update={"part_of": previous})
            else:
                previous = len(figures)
            figures.append(figure)
            sentence_of.append(sentence)
    for statement in statements:
        _fund_told_after(ctx, figures, sentence_of, statement)
    return figures


def _fund_told_after(ctx: Context, figures: list[SupportFigure], sentence_of: list[tuple[int, int]],
                     statement: tuple[int, int]) -> None:
    """A sentence on where the money came from names the fund of the figures told just before it:
    "... tổng số tiền 624 triệu đồng. Số tiền trên được trích từ Quỹ Xã hội Công đoàn tỉnh ...",
    "Điều 1. Hỗ trợ ...\n\nĐiều 2. Nguồn kinh phí: Quỹ Xã hội LĐLĐ tỉnh năm 2020." The figures are
    those of the nearest sentence before it that has any, and of the sentences of the same
    paragraph before that one; a year written right after the fund dates figures without a period.
    """
    if any(sentence == statement for sentence in sentence_of):
        return  # it states a figure of its own, whose fund was read with it
    fund = _fund(ctx, *statement)
    before = [index for index, sentence in enumerate(sentence_of) if sentence[1] <= statement[0]]
    if fund is None or not before:
        return
    chosen = [before[-1]]
    for index in reversed(before[:-1]):
        gap = ctx.text[sentence_of[index][1]:sentence_of[chosen[-1]][0]]
        if "\n\n" in gap.replace("\r", "") or sentence_of[index][1] > sentence_of[chosen[-1]][0]:
            break
        chosen.append(index)
    dated = [d for d in ctx.in_range("DATE", fund.end, statement[1]) if d.attrs.get("value") and d.start - fund.end <= 3]
    for index in chosen:
        update = {}
        if figures[index].fund is None:
            update["fund"] = fund
        if figures[index].period is None and dated:
            update["period"] = ctx.grounded_entity(dated[0])
        if update:
            figures[index] = figures[index].model_copy(update=update)


def _verb(ctx: Context, start: int, end: int):
    """The first support verb of the range used as a verb (not "nguồn hỗ trợ")."""
    for cue in find_cues("support_verbs", ctx.text, start, end):
        before = ctx.text[max(start, cue.start - 15):cue.start].rstrip().lower()
        if not any(before.endswith(e["word"].lower()) for e in entries("support_noun_before")):
            return cue
    return None


def _is_part(ctx: Context, clause: Clause) -> bool:
    head = ctx.text[clause.start:clause.end].lstrip(" ,;")
    return any(head.lower().startswith(e["word"].lower()) for e in entries("part_markers"))


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
    purpose = _purpose(ctx, clause.start, clause.end)
    if purpose is None and not _is_part(ctx, clause):
        # The sentence may name the purpose before the clause ("Kế hoạch hỗ trợ xây dựng nhà
        # công vụ ..., kinh phí dự tính 200 triệu đồng"), never after it.
        purpose = _purpose(ctx, clause.sentence[0], clause.start)
    elif purpose is not None:
        explicit += 1
    if purpose is None and not _is_part(ctx, clause):
        # Support with no named cause or form is for something else (lost jobs, unpaid
        # wages, trips home): "other", read at the verb.
        purpose = ctx.grounded("other", verb.start, verb.end)
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
        if _patterns()["per_unit_before"].search(before) or _PER_UNIT_AFTER.match(after):
            unit = unit or item
        elif _patterns()["total_before"].search(before):
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
        after_cho = [clause.start + m.end() for m in re.finditer(r"\bcho\s+", ctx.text[clause.start:clause.end],
                                                                  re.IGNORECASE)]
        after_verb = [c.end for c in find_cues("support_verbs", ctx.text, clause.start, clause.end)]
        candidates = [_skip_space(ctx.text, s, clause.end) for s in after_cho]
        candidates += [_skip_space(ctx.text, s, clause.end) for s in after_verb]
        # After "cho" any noun phrase names the receivers ("cho các đối tượng đoàn viên ...");
        # right after a verb only a known head does ("hỗ trợ CNVCLĐ gặp khó khăn").
        start = next((s for s in candidates[:len(after_cho)] if ctx.text[s:s + 1].isalpha()), None)
        if start is None:
            start = next((s for s in candidates if ctx.text[s:clause.end].lower().startswith(heads)), None)
        if start is None:
            return None
    stop = _patterns()["who_stop"].search(ctx.text, start + 1, clause.end)
    end = stop.start() if stop else clause.end
    # A date ends the phrase too: "cho giáo viên ... trên địa bàn trong năm 2021".
    for date in ctx.in_range("DATE", start, end):
        end = min(end, len(re.sub(r"\s*(?:trong|vào|từ|năm)?\s*$", "", ctx.text[:date.start])))
    end = len(ctx.text[:end].rstrip(" ,:"))
    if end <= start:
        return None
    return ctx.grounded(ctx.text[start:end].strip(), start, end)


def _purpose(ctx: Context, start: int, end: int) -> Grounded[str] | None:
    """The cause named in the range if any (COVID-19, a disaster, illness), else the form."""
    cues = find_cues("purposes", ctx.text, start, end)
    if not cues:
        return None
    cue = next((c for c in cues if c.entry.get("cause")), cues[0])
    return ctx.grounded(cue.entry["purpose"], cue.start, cue.end)


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _fund(ctx: Context, start: int, end: int) -> Grounded[str] | None:
    """The fund phrase: after ``từ (nguồn)`` (``Từ các nguồn quỹ, ...``), or from a fund name."""
    source = _patterns()["fund_from"].search(ctx.text, start, end)
    cue = first_cue("funds", ctx.text, start, end)
    if source is not None and (cue is None or source.end() <= cue.start):
        begin = source.end()
        if not (first_cue("funds", ctx.text, begin, min(end, begin + 40)) or ctx.text[begin:begin + 1] == "“"
                or _patterns()["fund_plural"].match(ctx.text, begin)):
            begin = cue.start if cue else None
    else:
        begin = cue.start if cue else None
    if begin is None:
        return None
    stop = _patterns()["fund_stop"].search(ctx.text, begin, end)
    fund_end = stop.start() if stop else end
    # A fund phrase ends before an amount, a date or a verb: "Quỹ Xã hội LĐLĐ tỉnh hỗ trợ 4,3 tỷ
    # đồng", "Quỹ Xã hội LĐLĐ tỉnh năm 2020" (the year dates the support, it is no part of the fund).
    for entity in [*ctx.in_range("MONEY", begin, fund_end), *ctx.in_range("DATE", begin, fund_end)]:
        fund_end = min(fund_end, entity.start)
    verb = _verb(ctx, begin, fund_end)
    if verb is not None:
        fund_end = min(fund_end, verb.start)
    phrase = ctx.text[begin:fund_end].rstrip()
    if phrase.count("“") > phrase.count("”") and ctx.text[begin + len(phrase):begin + len(phrase) + 1] == "”":
        phrase += "”"
    if len(phrase.split()) < 2:  # a bare "quỹ" names no fund
        return None
    return ctx.grounded(phrase, begin, begin + len(phrase))


def _giver(ctx: Context, clause: Clause, verb_start: int) -> Grounded[str] | None:
    """The organisation acting: the subject before the verb, not a partner (``phối hợp với``)."""
    orgs = [o for o in ctx.in_range("ORG", clause.sentence[0], verb_start)
            if not ends_with("not_actor_before", ctx.text[max(clause.sentence[0], o.start - 12):o.start])]
    in_clause = [o for o in orgs if o.start >= clause.start]
    chosen = (in_clause or orgs or [None])[-1]
    if chosen is None:
        return None
    return ctx.grounded_entity(chosen, value=chosen.attrs.get("canonical") or chosen.text)


def _period(ctx: Context, clause: Clause) -> Grounded[str] | None:
    """A date of the clause, else of its sentence; a document's own date is not a period."""
    refs = ctx.in_range("DOC_REF", *clause.sentence)

    def dates(start: int, end: int):
        # "Từ năm 2003 đến nay", "đến năm 2028": a starting or closing point, not the period.
        return [d for d in ctx.in_range("DATE", start, end)
                if d.attrs.get("value") and not any(r.start <= d.start < r.end for r in refs)
                and not ends_with("time_points", ctx.text[max(start, d.start - 8):d.start])]

    found = dates(clause.start, clause.end)
    if not found:
        # A date before the clause dates it when it is in an adverbial the clauses share
        # ("Được biết, trong quý III/2020, ...: hỗ trợ ...; thăm ...", "Sáng 28/8, ..."): its
        # phrase closes with a comma or colon, not in another clause ("Tháng Công nhân năm 2017
        # được tổ chức ...; Công đoàn ... khánh thành 12 Mái ấm").
        found = [d for d in dates(clause.sentence[0], clause.start)
                 if ";" not in ctx.text[clause.sentence[0]:d.start] and _ADVERBIAL_END.match(ctx.text, d.end)]
    if len(found) > 1 and re.fullmatch(r"\s*(?:và|,)\s*", ctx.text[found[0].end:found[1].start]):
        return None  # two periods: "Trong năm 2020 và năm 2021"
    return ctx.grounded_entity(found[0]) if found else None


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
