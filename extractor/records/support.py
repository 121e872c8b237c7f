"""Support figures: who gave how much, to whom, for what, from which fund, when.

One clause states one figure (``Context.clauses``). A clause is a support figure when it
has a support verb (``hỗ trợ``, ``trao``, ``tặng quà`` ...) and something measured: an
amount of money, a number of beneficiaries, or a number of items given (``suất quà``,
``“Mái ấm Công đoàn”``). A clause that opens with ``trong đó`` is a part of the figure
before it (``part_of``), so totals and their parts are never added twice; so are the
clauses that go on from a part after a comma (``trong đó LĐLĐ tỉnh hỗ trợ 540 triệu đồng,
các công đoàn cơ sở hỗ trợ 685 triệu đồng``) and the items of a list after ``trong đó:``.

A verbless total of support (``Tổng kinh phí chăm lo trong tháng hơn 1,4 tỷ đồng``) is a
figure of its own; a verbless sentence that only completes the figure before it (``Mỗi căn
nhà trị giá 15 triệu đồng``, ``Tổng kinh phí hỗ trợ: 250.000.000 đồng`` after 05 đoàn viên
at 50.000.000 đồng each) adds its amount to that figure.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.records.context import HEADLINE_LINES, Clause, Context, EntitySpan
from extractor.records.cues import Cue, alternation, ends_with, entries, find_cues, first_cue
from extractor.records.meetings import build_meetings
from schemas.records import Beneficiaries, Grounded, SupportFigure

_PER_UNIT_AFTER = re.compile(r"^\s*/\s*\w+")  # "50 triệu đồng/nhà"
_ADVERBIAL_END = re.compile(r"[^;,.:]{0,40}[,:]")  # the rest of a date's phrase, up to its comma or colon
_LIST_ITEM = re.compile(r"(?:[a-zđ]\)|[-+•])\s")  # "a) 38 hộ ...", "- 108 hộ ..."
# Money restated in words, in brackets after an amount: "50.000.000 đồng/nhà (Bằng chữ: Năm mươi triệu đồng)".
_RESTATED = re.compile(r"(?:\s*/\s*\w+)?\s*\([^()]{0,20}")
_CAUSE_REACH = 40  # how far before a date a cause may stand and still be what the date dates
_EVENTS = ("disaster", "covid")  # causes that are events with dates of their own


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The support patterns, assembled from the cue groups of record_cues.yaml."""
    return {
        # the beneficiary phrase ends at a clause mark or a stop word (not at a bare comma)
        "who_stop": re.compile(rf"\s*(?:;|\.(?:\s|$)|,?\s*{alternation('beneficiary_stops')}\b|$)", re.IGNORECASE),
        # a new act inside the phrase ends it: "..., tặng vé xe", "... và thăm gia đình anh ..."
        "who_joiner": re.compile(rf"\s*(?:,|\s{alternation('figure_joiners')})\s+", re.IGNORECASE),
        "money_lead": re.compile(rf"(?:\s+{alternation('money_lead_words')})*\s*$", re.IGNORECASE),
        "list_note": re.compile(rf"\s*\(\s*{alternation('list_notes')}\s*\)", re.IGNORECASE),
        "time_preposition": re.compile(rf"\s*\b{alternation('time_prepositions')}\s*$", re.IGNORECASE),
        "per_unit_before": re.compile(rf"{alternation('per_unit_words')}[^\d,;]{{0,25}}$", re.IGNORECASE),
        "per_unit_head": re.compile(rf"\s*{alternation('per_unit_words')}\b", re.IGNORECASE),
        "total_before": re.compile(rf"{alternation('total_words')}[^\d,;]{{0,25}}$", re.IGNORECASE),
        "range": re.compile(rf"\s*{alternation('range_joiners')}\s*", re.IGNORECASE),
        "fund_from": re.compile(
            rf"\b{alternation('fund_from')}\s+(?:{alternation('fund_source_word')}\s+)?", re.IGNORECASE),
        "fund_source": re.compile(rf"{alternation('fund_source_word')}\s+", re.IGNORECASE),
        "fund_plural": re.compile(rf"{alternation('fund_plural')}\b", re.IGNORECASE),
        "fund_stop": re.compile(rf"\s*(?:,|;|\.(?:\s|$)|\)|\s{alternation('fund_stops')}\b|$)", re.IGNORECASE),
    }


def build_support(ctx: Context) -> list[SupportFigure]:
    """Build the support figures of a document, in text order."""
    figures: list[SupportFigure] = []
    sentence_of: list[tuple[int, int]] = []
    verb_of: list[Cue] = []  # the verb each figure was read at, shared by its elliptic parts
    statements: list[tuple[int, int]] = []
    list_parent: tuple[int, Cue] | None = None  # the total of "..., trong đó:" and its verb
    attached = _attached_list(ctx)
    for sentence in ctx.body_sentences():
        if sentence[0] >= attached:
            break
        if first_cue("fund_statements", ctx.text, sentence[0], min(sentence[1], sentence[0] + 60)):
            statements.append(sentence)
        listed = list_parent is not None and _LIST_ITEM.match(ctx.text, sentence[0]) is not None
        previous: int | None = list_parent[0] if listed else None
        verb = list_parent[1] if listed else None
        if not listed:
            list_parent = None
        last_part = listed  # the clause before stated a part: one after a comma goes on with them
        region = sentence[0]  # the clauses of the figure being read start here
        pending: Clause | None = None  # a clause with a verb and no figure: "Tiếp tục hỗ trợ ...;"
        listing: int | None = None  # where a list of such clauses starts: "thăm, tặng quà ...; xây dựng ...;"
        clauses = ctx.clauses(sentence)
        for clause in clauses:
            if _not_support(ctx, clause):
                verb, pending, last_part, region = None, None, False, clause.end
                continue
            own = _verb(ctx, clause.start, clause.end)
            completed = None
            if (own is None or _passive(ctx, clause, own)) and not listed:
                completed = _complete_earlier(ctx, figures, sentence_of, clause)
            if completed is not None:
                # "Mỗi căn nhà ..., trong đó ...": the parts that follow are that figure's
                previous, region, verb = completed, clause.end, own or verb_of[completed]
                continue
            total = _total_noun(ctx, clause) if own is None and previous is None else None
            # A clause split off after a count ("..., 03 đoàn viên ... 130 triệu đồng") has
            # no verb of its own: it shares the one of the figure before it.
            verb = own or total or (verb if previous is not None else None)
            if verb is None:
                continue
            part = listed or _is_part(ctx, clause) or (last_part and _after_comma(ctx, clause))
            if part and previous is None:
                part = False
            read = clause
            if pending is not None and not part and _spending_only(ctx, clause, own):
                # "Tiếp tục hỗ trợ đoàn viên bị ảnh hưởng ...; dự kiến chi khoảng 800 triệu đồng":
                # the spending quantifies the support of the clause before.
                read, verb = Clause(pending.start, clause.end, clause.sentence), _verb(ctx, pending.start, pending.end)
            figure = _figure(ctx, read, verb, part=part, region=region, verbless=total is not None)
            if figure is None:
                if own is not None:
                    pending = clause
                    listing = clause.start if listing is None else listing
                continue
            if listing is not None and read is clause and _list_total(ctx, clause, figure):
                # "thăm, tặng quà ...; xây dựng ...; hỗ trợ xóa nhà tạm ... tổng giá trị trên 10 tỷ
                # đồng": the total of the whole list, for no one purpose or people.
                figure = figure.model_copy(update={
                    "evidence": [ctx.evidence(listing, clause.end)], "purpose": None,
                    "beneficiaries": Beneficiaries()})
            pending = listing = None
            if part:
                figure = _as_part(figure, figures, previous, listed)
            else:
                previous = len(figures)
            last_part = part
            region = clause.end
            figures.append(figure)
            sentence_of.append(sentence)
            verb_of.append(verb)
        tail = ctx.text[clauses[-1].start:clauses[-1].end].strip(" ;,") if clauses else ""
        if previous is not None and tail.endswith(":") and _is_part(ctx, clauses[-1]):
            list_parent = (previous, verb)
    for statement in statements:
        _fund_told_after(ctx, figures, sentence_of, statement)
    return figures


def _spending_only(ctx: Context, clause: Clause, own: Cue | None) -> bool:
    """Whether the clause only spends (a general verb, money, no people or items of its own)."""
    if own is None or not own.entry.get("general"):
        return False
    counts = ctx.in_range("COUNT", clause.start, clause.end)
    return not [c for c in counts if _unit_in(c, "beneficiaries") or _unit_in(c, "support_items")]


def _as_part(figure: SupportFigure, figures: list[SupportFigure], parent_index: int, listed: bool) -> SupportFigure:
    """The figure as a part of ``figures[parent_index]``.

    An item of a list (``a) 38 hộ ...``) has the giver of its total. A part of a total given
    only per unit (``Mỗi căn nhà trị giá 15 triệu đồng, trong đó LĐLĐ thành phố hỗ trợ 10 triệu
    đồng``) is an amount per unit too.
    """
    parent = figures[parent_index]
    update: dict = {"part_of": parent_index}
    if figure.giver is None and listed:
        update["giver"] = parent.giver
    if (parent.amount is None and parent.unit_amount is not None and figure.unit_amount is None
            and figure.amount is not None and figure.amount.value < parent.unit_amount.value):
        update.update(unit_amount=figure.amount, amount=None)
    return figure.model_copy(update=update)


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
    # Parts have their own funds or none: "a) 38 hộ ..., mỗi hộ 2.000.000 đồng" takes no fund
    # from "Nguồn kinh phí: ..." told for the total.
    before = [index for index, sentence in enumerate(sentence_of)
              if sentence[1] <= statement[0] and figures[index].part_of is None]
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


# --- which clauses state figures ----------------------------------------------------------


def _attached_list(ctx: Context) -> int:
    """Where a list attached after the signature starts (``DANH SÁCH ĐOÀN VIÊN ĐƯỢC HỖ TRỢ
    ...``): its lines are no records. The end of the text when there is none."""
    lines = [line for line in re.finditer(r"[^\n]+", ctx.text) if line.group().strip()]
    for line in lines[HEADLINE_LINES:]:  # not a document that is itself a list
        stripped = line.group().strip()
        cue = first_cue("attached_lists", stripped)
        if cue is not None and cue.start == 0 and stripped == stripped.upper():
            return line.start()
    return len(ctx.text)


def _list_total(ctx: Context, clause: Clause, figure: SupportFigure) -> bool:
    """Whether a figure closing a list of acts with no figures of their own is the list's total:
    its amount is a total (``tổng giá trị``) and it counts neither people nor items."""
    if figure.amount is None or figure.beneficiaries.count is not None or figure.items is not None:
        return False
    return first_cue("total_words", ctx.text, clause.start, figure.amount.start) is not None


def _verb(ctx: Context, start: int, end: int) -> Cue | None:
    """The first support verb of the range used as a verb (not "nguồn hỗ trợ", "các cấp")."""
    verbs = ctx.support_verbs(start, end)
    return verbs[0] if verbs else None


def _not_support(ctx: Context, clause: Clause) -> bool:
    """A request, fundraising, an award, an agreement ...; not the name of a fund ("nguồn vận động")."""
    return any(not ctx.support_noun(cue.start) for cue in find_cues("not_support", ctx.text, clause.start, clause.end))


def _is_part(ctx: Context, clause: Clause) -> bool:
    head = ctx.text[clause.start:clause.end].lstrip(" ,;")
    return any(head.lower().startswith(e["word"].lower()) for e in entries("part_markers"))


def _after_comma(ctx: Context, clause: Clause) -> bool:
    """Whether the clause goes on from the one before after a comma (not a new ``;`` clause)."""
    before = ctx.text[clause.sentence[0]:clause.start].rstrip()
    return before.endswith(",") or ctx.text[clause.start:clause.end].lstrip().startswith(",")


def _total_noun(ctx: Context, clause: Clause) -> Cue | None:
    """The support noun of a verbless total: ``chăm lo`` in ``Tổng kinh phí chăm lo trong tháng
    hơn 1,4 tỷ đồng``, ``thăm hỏi`` in ``Tổng kinh phí đợt thăm hỏi ...``; None without money."""
    total = first_cue("total_words", ctx.text, clause.start, clause.end)
    if total is None:
        return None
    inside = [(c.start, c.end) for c in find_cues("support_verb_look_alikes", ctx.text, total.end, clause.end)]
    for cue in find_cues("support_verbs", ctx.text, total.end, min(clause.end, total.end + 30)):
        if any(a <= cue.start and cue.end <= b for a, b in inside):
            continue
        if ctx.in_range("MONEY", cue.end, clause.end):
            return Cue(cue.start, cue.end, {**cue.entry, "general": True})
        return None
    return None


def _passive(ctx: Context, clause: Clause, verb: Cue) -> bool:
    """Whether the clause's verb is passive: ``20 đoàn viên ... được hỗ trợ``."""
    return clause.start <= verb.start and ends_with(
        "passive_markers", ctx.text[max(clause.start, verb.start - 10):verb.start])


def _complete_earlier(ctx: Context, figures: list[SupportFigure], sentence_of: list[tuple[int, int]],
                      clause: Clause) -> int | None:
    """Add a verbless clause's money to the figure it completes, if it does; that figure's index.

    ``Mỗi căn nhà trị giá 15 triệu đồng`` (``Mỗi căn nhà được hỗ trợ 70 triệu đồng``) opening the
    sentence after a figure of items or people with no amount per unit is that amount; a total
    (``tổng trị giá 300 triệu đồng``, ``Tổng kinh phí hỗ trợ: 250.000.000 đồng``) is the amount of
    the figure whose number times its amount per unit it equals. Only figures of the same
    paragraph, totals (not parts), are completed.
    """
    money = _money(ctx, clause.start, clause.end)
    if not money or ctx.in_range("COUNT", clause.start, clause.end):
        return None
    candidates = []
    for index in reversed(range(len(figures))):
        sentence = sentence_of[index]
        if "\n\n" in ctx.text[sentence[1]:clause.start].replace("\r", "") or len(candidates) == 3:
            break
        if figures[index].part_of is None:
            candidates.append(index)
    head = ctx.text[clause.start:clause.end].lstrip(" ,;")
    if clause.start == clause.sentence[0] and _patterns()["per_unit_head"].match(head):
        for index in candidates:
            figure = figures[index]
            if sentence_of[index] != clause.sentence and figure.unit_amount is None and (
                    figure.items is not None or figure.beneficiaries.count is not None):
                figures[index] = figure.model_copy(update={
                    "unit_amount": ctx.grounded_entity(money[0]), "evidence": [*figure.evidence, _span(ctx, clause)]})
                return index
        return None
    if first_cue("total_words", ctx.text, clause.start, money[0].start) is None:
        return None
    for index in candidates:
        figure = figures[index]
        quantity = figure.items or figure.beneficiaries.count
        if figure.amount is None and quantity is not None and figure.unit_amount is not None and (
                quantity.value * figure.unit_amount.value == money[0].attrs.get("value")):
            figures[index] = figure.model_copy(update={
                "amount": ctx.grounded_entity(money[0]), "evidence": [*figure.evidence, _span(ctx, clause)]})
            return index
    return None


def _span(ctx: Context, clause: Clause):
    """A clause as evidence, without the marks that join it to its neighbours."""
    start, end = clause.start, clause.end
    while start < end and ctx.text[start] in " \t\n,;":
        start += 1
    while end > start and ctx.text[end - 1] in " \t\n,;.":
        end -= 1
    return ctx.evidence(start, end)


# --- the figure -----------------------------------------------------------------------------


def _figure(ctx: Context, clause: Clause, verb: Cue, *, part: bool, region: int,
            verbless: bool = False) -> SupportFigure | None:
    # Vietnamese puts what is given after the verb: "hỗ trợ 3 đoàn viên", "trao 80 suất quà";
    # a passive puts the people first: "20 đoàn viên ... được hỗ trợ thêm mỗi người 5 triệu đồng".
    after = max(verb.start, clause.start) if verb.start >= clause.sentence[0] else clause.start
    if _passive(ctx, clause, verb):
        after = clause.start
    money = _money(ctx, after, clause.end)
    counts = ctx.in_range("COUNT", after, clause.end)
    beneficiary = next((c for c in counts if _unit_in(c, "beneficiaries")), None)
    items = next((c for c in counts if _unit_in(c, "support_items")), None)
    if not money and items is None and not (beneficiary is not None and verb.entry.get("strong")):
        return None

    amount, unit_amount = _amounts(ctx, money)
    explicit = 0
    # Where the clause may look back in its sentence: the shared opening ("Từ các nguồn quỹ, ",
    # "Do dịch COVID-19, "), and for a figure (not a part) what its own stretch holds before it.
    semicolon = ctx.text.rfind(";", region, clause.start)
    region = semicolon + 1 if semicolon != -1 else region
    opening = _opening(ctx, clause.sentence)
    fund = _fund(ctx, clause.start, clause.end)
    own_fund = fund
    if fund is None and opening is not None and opening[1] <= clause.start:
        fund = _fund(ctx, *opening)
    if fund is None and not part and not verbless:
        fund = _fund(ctx, region, clause.start)
    who = _who(ctx, clause, beneficiary)
    purpose = _purpose(ctx, clause, verb, part=part or verbless, region=region, opening=opening, fund=own_fund)
    if purpose is not None and clause.start <= purpose.start < clause.end:
        explicit += 1
    giver = _giver(ctx, clause, verb)
    period = _period(ctx, clause)
    status = _status(ctx, clause, verb)
    explicit += sum(x is not None for x in (amount or unit_amount, beneficiary or who, giver, fund, period))
    confidence = round(min(1.0, 0.4 + 0.1 * explicit), 2)
    measured = amount or unit_amount or beneficiary or items
    return SupportFigure(
        giver=giver,
        beneficiaries=Beneficiaries(
            count=ctx.grounded_entity(beneficiary) if beneficiary else None,
            who=who,
        ),
        items=ctx.grounded_entity(items) if items else None,
        amount=ctx.grounded_entity(amount) if amount else None,
        unit_amount=ctx.grounded_entity(unit_amount) if unit_amount else None,
        qualifier=_qualifier(amount or unit_amount, beneficiary, items) if measured else None,
        purpose=purpose,
        fund=fund,
        period=period,
        status=status,
        evidence=[ctx.evidence(clause.start, clause.end)],
        confidence=confidence,
    )


def _qualifier(money: EntitySpan | None, beneficiary: EntitySpan | None, items: EntitySpan | None) -> str | None:
    """That of the amount, else of the number of people, else of the items (``ít nhất 30 ...``)."""
    entity = money or beneficiary or items
    return entity.attrs.get("qualifier") if entity is not None else None


def _unit_in(count: EntitySpan, group: str) -> bool:
    """Whether the counted unit starts with one of the heads of a cue group."""
    unit = str(count.attrs.get("unit", "")).lower().lstrip("“\"' ")
    return any(unit.startswith(e["word"].lower()) for e in entries(group))


def _money(ctx: Context, start: int, end: int) -> list[EntitySpan]:
    """The money of a range that states an amount: not a range (``từ 500.000 đến 1.000.000
    đồng/người``) nor an amount restated in brackets (``(Bằng chữ: Năm mươi triệu đồng)``)."""
    money = ctx.in_range("MONEY", start, end)
    left_out: set[int] = set()
    for index, item in enumerate(money[1:], start=1):
        gap = ctx.text[money[index - 1].end:item.start]
        if _patterns()["range"].fullmatch(gap):
            left_out |= {index - 1, index}
        elif _RESTATED.fullmatch(gap) and not any(ch.isdigit() for ch in item.text):
            left_out.add(index)
    return [item for index, item in enumerate(money) if index not in left_out]


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
        frames = [c.start for c in find_cues("reporting_frames", ctx.text, clause.start, clause.end)]
        after_cho = [clause.start + m.end() for m in re.finditer(r"\bcho\s+", ctx.text[clause.start:clause.end],
                                                                  re.IGNORECASE)
                     if clause.start + m.start() not in frames]
        # support words as nouns too: "chuyển trao tiền hỗ trợ CNVCLĐ vùng thiên tai"
        after_verb = [c.end for c in find_cues("support_verbs", ctx.text, clause.start, clause.end)]
        candidates = [_skip_space(ctx.text, s, clause.end) for s in after_cho]
        # After "cho" any noun phrase names the receivers ("cho các đối tượng đoàn viên ...");
        # right after a verb only a known head does ("hỗ trợ CNVCLĐ gặp khó khăn"), or an
        # organisation ("hỗ trợ Liên hiệp Công đoàn tỉnh Hủa Phăn kinh phí ...").
        start = next((s for s in candidates if ctx.text[s:s + 1].isalpha()), None)
        if start is None:
            verb_ends = [_skip_space(ctx.text, s, clause.end) for s in after_verb]
            org = next((o for o in ctx.in_range("ORG", clause.start, clause.end) if o.start in verb_ends), None)
            if org is not None:
                return ctx.grounded(org.text, org.start, org.end)
            start = next((s for s in verb_ends if ctx.text[s:clause.end].lower().startswith(heads)), None)
        if start is None:
            return None
    stop = _patterns()["who_stop"].search(ctx.text, start + 1, clause.end)
    end = stop.start() if stop else clause.end
    # A new act ends it: "công nhân về quê đón Tết, tặng vé xe ...", "... và thăm gia đình anh ...".
    for joiner in _patterns()["who_joiner"].finditer(ctx.text, start + 1, end):
        verbs = ctx.support_verbs(joiner.end(), end)
        visit = first_cue("visit_verbs", ctx.text, joiner.end(), end)
        if (verbs and verbs[0].start == joiner.end()) or (visit is not None and visit.start == joiner.end()):
            end = joiner.start()
            break
    note = _patterns()["list_note"].search(ctx.text, start, end)
    if note is not None:
        end = note.start()
    # An amount ends it, with the words that lead to it: "người lao động đạt trên 5,6 tỷ đồng".
    money = ctx.in_range("MONEY", start, end)
    if money:
        end = start + len(_patterns()["money_lead"].sub("", ctx.text[start:money[0].start]))
    # A date that dates the support ends it too: "cho giáo viên ... trên địa bàn trong năm 2021";
    # not one of the cause ("do đợt mưa lũ lịch sử giữa tháng 10/2020").
    for date in ctx.in_range("DATE", start, end):
        preposition = _patterns()["time_preposition"].search(ctx.text, max(start, date.start - 10), date.start)
        if preposition is not None and not _dates_cause(ctx, date, start, events_only=False):
            end = min(end, preposition.start())
    end = len(ctx.text[:end].rstrip(" ,:"))
    if end <= start:
        return None
    return ctx.grounded(ctx.text[start:end].strip(), start, end)


def _purpose(ctx: Context, clause: Clause, verb: Cue, *, part: bool, region: int,
             opening: tuple[int, int] | None, fund: Grounded[str] | None) -> Grounded[str] | None:
    """The cause named in the clause or the sentence's opening (COVID-19, a disaster, illness,
    an accident, job loss), else the form (gifts, a house, a meal); a figure (not a part) may
    take either from its stretch before the clause. A cue inside the fund's name is not one.
    With no cue, support by a verb other than a general one (``chăm lo``) is for something
    else (``other``, read at the verb); a part gets none.
    """
    def cues(start: int, end: int) -> list[Cue]:
        found = find_cues("purposes", ctx.text, start, end)
        if fund is not None:
            found = [c for c in found if not (fund.start <= c.start < fund.end)]
        return found

    own = cues(clause.start, clause.end)
    shared = cues(*opening) if opening is not None and opening[1] <= clause.start else []
    before = cues(region, clause.start) if not part and region < clause.start else []
    for found in (own, shared, before):
        cause = next((c for c in found if c.entry.get("cause")), None)
        if cause is not None:
            return ctx.grounded(cause.entry["purpose"], cause.start, cause.end)
    # The sentence may name the form before the clause ("Kế hoạch hỗ trợ xây dựng nhà công vụ
    # ..., kinh phí dự tính 200 triệu đồng"), never after it.
    form = (own or before or [None])[0]
    if form is not None:
        return ctx.grounded(form.entry["purpose"], form.start, form.end)
    if part or verb.entry.get("general"):
        return None
    return ctx.grounded("other", verb.start, verb.end)


def _opening(ctx: Context, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence's opening adverbial, shared by its clauses: up to the last comma before its
    first support verb, when it states no figure (``Từ các nguồn quỹ``, ``Trong thời điểm dịch
    COVID-19 bùng phát``, ``Tại thôn Câu Nhi, xã Hải Tân - nơi nước lũ dâng cao gần 3 m``)."""
    verbs = ctx.support_verbs(*sentence)
    if not verbs:
        return None
    comma = ctx.text.rfind(",", sentence[0], verbs[0].start)
    if comma == -1 or ctx.in_range("MONEY", sentence[0], comma) or [
            c for c in ctx.in_range("COUNT", sentence[0], comma) if _unit_in(c, "beneficiaries")
            or _unit_in(c, "support_items")]:
        return None
    return sentence[0], comma


def _dates_cause(ctx: Context, date: EntitySpan, lower: int, events_only: bool = True) -> bool:
    """Whether a date dates a cause named just before it: ``do trận lũ lụt đầu tháng 11/1999``.

    An event (a disaster, the epidemic) has its own date, never the support's; a condition of
    the people (``bị mất việc, giảm giờ làm trong quý IV/2023``) is dated by the support's period,
    which still qualifies the people (``events_only=False``).
    """
    start = max(lower, date.start - _CAUSE_REACH)
    for cue in find_cues("purposes", ctx.text, start, date.start):
        if events_only and cue.entry["purpose"] not in _EVENTS:
            continue
        if cue.entry.get("cause") and not re.search(r"[,;.]", ctx.text[cue.end:date.start]):
            return True
    return False


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _fund(ctx: Context, start: int, end: int) -> Grounded[str] | None:
    """The fund phrase: after ``từ (nguồn)`` (``Từ các nguồn quỹ, ...``), or from a fund name.

    A singular ``nguồn`` before it is left out (``từ nguồn tài trợ của Công ty ...`` ->
    ``tài trợ của Công ty ...``, ``bằng nguồn kinh phí công đoàn``); the plural is kept.
    """
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
    if source is not None and source.start() < begin < source.end():
        begin = source.end()  # "từ nguồn tài trợ": the cue "nguồn tài trợ" starts inside "từ nguồn"
    word = _patterns()["fund_source"].match(ctx.text, begin)
    if word is not None and first_cue("funds", ctx.text, word.end(), min(end, word.end() + 40)) is not None:
        begin = word.end()
    elif word is not None and not _patterns()["fund_plural"].match(ctx.text, begin):
        begin = word.end()
    stop = _patterns()["fund_stop"].search(ctx.text, begin, end)
    fund_end = stop.start() if stop else end
    # A fund phrase ends before an amount, a date or a verb: "Quỹ Xã hội LĐLĐ tỉnh hỗ trợ 4,3 tỷ
    # đồng", "Quỹ Xã hội LĐLĐ tỉnh năm 2020" (the year dates the support, it is no part of the fund).
    for entity in [*ctx.in_range("MONEY", begin, fund_end), *ctx.in_range("DATE", begin, fund_end)]:
        fund_end = min(fund_end, entity.start)
    verb = _verb(ctx, begin, fund_end)
    if verb is not None and _verb(ctx, start, begin) is None:
        # the clause's own verb ends the fund ("Quỹ Xã hội LĐLĐ tỉnh hỗ trợ ..."); after that verb
        # a support word names it ("giải ngân ... vốn vay từ Quỹ quốc gia hỗ trợ việc làm")
        fund_end = min(fund_end, verb.start)
    phrase = ctx.text[begin:fund_end].rstrip()
    if phrase.count("“") > phrase.count("”") and ctx.text[begin + len(phrase):begin + len(phrase) + 1] == "”":
        phrase += "”"
    if len(phrase.split()) < 2:  # a bare "quỹ" names no fund
        return None
    return ctx.grounded(phrase, begin, begin + len(phrase))


# --- who gave, when, done or planned ---------------------------------------------------------


def _giver(ctx: Context, clause: Clause, verb: Cue) -> Grounded[str] | None:
    """The organisation acting: the subject before the verb, shared by the sentence's clauses.

    Not a partner (``phối hợp với``), an organisation visited or given to (``đến thăm Công ty
    ...``, ``hỗ trợ Liên hiệp Công đoàn tỉnh Hủa Phăn``), nor one in a person's title (``ông X,
    Phó Chủ tịch LĐLĐ tỉnh``). Support a meeting adopts (``Hội nghị cũng thông qua việc hỗ trợ
    ...``) is given by the meeting's organiser; in a decision document, by the deciding body.
    """
    lower = clause.sentence[0]
    if verb.start >= lower:
        adopted = _adopted_by_meeting(ctx, clause, verb)
        if adopted is not None:
            return adopted
    titles = _title_spans(ctx, lower, verb.start)
    orgs = [o for o in ctx.in_range("ORG", lower, verb.start)
            if not ends_with("not_actor_before", ctx.text[max(lower, o.start - 12):o.start])
            and not ends_with("giver_not_after", ctx.text[max(lower, o.start - 15):o.start])
            and not ends_with("visit_verbs", ctx.text[max(lower, o.start - 12):o.start])
            and not ends_with("support_verbs", ctx.text[max(lower, o.start - 15):o.start])
            and not any(a <= o.start and o.end <= b for a, b in titles)]
    in_clause = [o for o in orgs if o.start >= clause.start]
    if not in_clause and _own_subject(ctx, clause, verb):
        return None  # "..., các công đoàn cơ sở hỗ trợ 685 triệu đồng", "trong đó Ngân hàng tài trợ"
    chosen = (in_clause or orgs or [None])[-1]
    if chosen is None:
        return _deciding_body(ctx, clause.start) if not ctx.in_range("ORG", lower, verb.start) else None
    return ctx.grounded_entity(chosen, value=chosen.attrs.get("canonical") or chosen.text)


def _own_subject(ctx: Context, clause: Clause, verb: Cue) -> bool:
    """Whether a later clause of the sentence writes a subject of its own before its verb (after
    its part marker and any adverbial closed by a comma): a giver it does not borrow."""
    if clause.start == clause.sentence[0] or not clause.start <= verb.start:
        return False
    head = ctx.text[clause.start:verb.start]
    for date in ctx.in_range("DATE", clause.start, verb.start):
        head = head.replace(date.text, " ")
    head = head.split(",")[-1].strip(" ;")
    partner = first_cue("partner_words", head)
    if partner is not None:
        head = head[:partner.start]  # "phối hợp với Công đoàn các KCN trao ...": a partner
    head = " ".join(head.split()).lower()
    for group in ("part_markers", "subject_adverbs", "figure_joiners", "visit_verbs"):
        for entry in entries(group):
            head = re.sub(rf"(?<!\w){re.escape(entry['word'].lower())}(?!\w)", " ", head)
    return bool(head.strip(" ,;"))


def _title_spans(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Where people's titles are written (``Trưởng ban Nữ công LĐLĐ tỉnh`` after the name, or
    ``Chủ tịch LĐLĐ TP.HCM`` before it)."""
    spans = []
    for person in ctx.in_range("PERSON", max(0, start - 80), end):
        role = str(person.attrs.get("role") or "").strip()
        if not role:
            continue
        found = ctx.text.find(role, person.end, person.end + len(role) + 12)
        if found == -1:
            found = ctx.text.rfind(role, max(0, person.start - len(role) - 12), person.start)
        if found != -1:
            spans.append((found, found + len(role)))
    return spans


def _adopted_by_meeting(ctx: Context, clause: Clause, verb: Cue) -> Grounded[str] | None:
    """The organiser of the meeting that adopts the support: ``Hội nghị cũng thông qua việc hỗ trợ``."""
    sentence_start = clause.sentence[0]
    adopting = find_cues("adopting_verbs", ctx.text, max(sentence_start, verb.start - 20), verb.start)
    head = (sentence_start, min(verb.start, sentence_start + 25))
    if not adopting or first_cue("meeting_anaphora", ctx.text, *head) is None:
        return None
    held = [m for m in build_meetings(ctx) if m.evidence and m.evidence[0].start < clause.start]
    return held[-1].organiser if held else None


def _deciding_body(ctx: Context, position: int) -> Grounded[str] | None:
    """In a decision document, the body named on its own line above ``QUYẾT ĐỊNH:``."""
    enacting = None
    for line in re.finditer(r"[^\n]+", ctx.text[:position]):
        stripped = line.group().strip()
        if any(stripped == e["word"] for e in entries("enacting_lines")):
            enacting = line.start()
    if enacting is None:
        return None
    bodies = [o for o in ctx.entities if o.label == "ORG" and o.end <= enacting
              and ctx.text[slice(*ctx.line_of(o.start))].strip() == o.text]
    if not bodies:
        return None
    body = bodies[-1]
    return ctx.grounded_entity(body, value=body.attrs.get("canonical") or body.text)


def _period(ctx: Context, clause: Clause) -> Grounded[str] | None:
    """A date of the clause, else of its sentence; a document's own date is not a period, nor a
    date of a cause (``bị thiệt hại do trận lũ lụt đầu tháng 11/1999``) or of a comparison
    (``so với cùng kỳ năm 2019``)."""
    refs = ctx.in_range("DOC_REF", *clause.sentence)

    def dates(start: int, end: int):
        # "Từ năm 2003 đến nay", "đến năm 2028": a starting or closing point, not the period.
        return [d for d in ctx.in_range("DATE", start, end)
                if d.attrs.get("value") and not any(r.start <= d.start < r.end for r in refs)
                and not ends_with("time_points", ctx.text[max(start, d.start - 8):d.start])
                and not ends_with("comparison_words", ctx.text[max(start, d.start - 12):d.start])
                and not _dates_cause(ctx, d, start)]

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


def _status(ctx: Context, clause: Clause, verb: Cue) -> Grounded[str]:
    """Planned with a plan word in the sentence or under a plan section (``II. NHIỆM VỤ TRỌNG
    TÂM ...``), not under a results one (``I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM``)."""
    cue = first_cue("planned", ctx.text, clause.sentence[0], clause.end)
    if cue is not None:
        return ctx.grounded("planned", cue.start, cue.end)
    heading = ctx.section_heading(clause.start)
    if heading:
        section_cue = first_cue("planned_sections", ctx.text, *heading)
        results = first_cue("result_sections", ctx.text, *heading)
        if section_cue is not None and not (results is not None and results.start < section_cue.start):
            return ctx.grounded("planned", section_cue.start, section_cue.end)
    return ctx.grounded("actual", verb.start, verb.end)
