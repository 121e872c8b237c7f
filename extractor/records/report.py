"""The report itself: title, kind, issuer, date, period, signer, recipients.

Official reports have a fixed shape (issuer line, ``Số:``, motto, dateline, ``BÁO CÁO`` and
its subject line, numbered sections, ``Nơi nhận:`` list, ``TM. BAN THƯỜNG VỤ`` / role /
name); news items have a headline, a lead and a byline. Both shapes are read here.
"""

from __future__ import annotations

import re

from extractor.records.context import Context
from extractor.records.cues import entries, first_cue
from schemas.records import Grounded, Report, Signer

_BOILERPLATE = re.compile(
    r"^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|Số\s*:|logo$|Tìm kiếm|VIETNAM|\*|\(Đã ký\)|\[)", re.IGNORECASE
)
_LIST_ITEM = re.compile(r"\s*[-–•+]\s*(.+?)\s*[;.]?\s*$")
_NAME_LINE = re.compile(r"\s*\**\s*([A-ZĐÀ-Ỹ][^\s,.;:()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:()]*){1,4})\s*\**\s*$")
HEADER_LINES = 12


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip(" *\t\r")
        if stripped:
            offset = line.index(stripped[0])
            spans.append((match.start() + offset, match.start() + offset + len(stripped)))
    return spans


def build_report(ctx: Context, report_date: str | None) -> Report:
    """Read the report-level fields."""
    lines = _lines(ctx.text)
    repeated = _repeated_lines(ctx, lines)
    kind, title = _kind_and_title(ctx, lines, repeated)
    return Report(
        title=title,
        kind=kind,
        issuer=_issuer(ctx, lines),
        date=_date(ctx, report_date),
        period=_period(ctx, title),
        signer=_signer(ctx, lines),
        recipients=_recipients(ctx, lines),
    )


def _repeated_lines(ctx: Context, lines) -> set[str]:
    seen: dict[str, int] = {}
    for start, end in lines:
        key = ctx.text[start:end]
        seen[key] = seen.get(key, 0) + 1
    # Cleaning removed the later copies of a repeated block; its lines are repeated still.
    return {k for k, n in seen.items() if n > 1} | set(ctx.doc._.repeated_lines)


def _kind_and_title(ctx: Context, lines, repeated):
    for index, (start, end) in enumerate(lines[:HEADER_LINES]):
        line = ctx.text[start:end]
        for entry in entries("report_kinds"):
            if line.lower() == entry["word"] and line == line.upper() and index + 1 < len(lines):
                t_start, t_end = lines[index + 1]
                title = ctx.grounded(ctx.text[t_start:t_end], t_start, t_end)
                return ctx.grounded(_refine_kind(ctx, entry["kind"], title), start, end), title
    for start, end in lines[:HEADER_LINES]:
        line = ctx.text[start:end]
        if line in repeated or _BOILERPLATE.match(line) or len(line.split()) < 4 or _is_dateline(ctx, start, end):
            continue
        title = ctx.grounded(line, start, end)
        cue = first_cue("meeting_kinds", ctx.text, start, end)
        if cue is not None:
            return ctx.grounded("tin hội nghị", cue.start, cue.end), title
        return ctx.grounded("bài viết", start, end), title
    return None, None


# The precision of the DATE a "BÁO CÁO" subject names decides the kind of report.
_KIND_BY_PRECISION = {"month": "báo cáo tháng", "quarter": "báo cáo quý", "half": "báo cáo 6 tháng",
                      "year": "báo cáo năm"}


def _refine_kind(ctx: Context, kind: str, title: Grounded[str]) -> str:
    """``BÁO CÁO`` + a subject naming its period (``tháng 7 năm 2021``) gives the kind of report."""
    if kind != "báo cáo":
        return kind
    dates = ctx.in_range("DATE", title.start, title.end)
    return _KIND_BY_PRECISION.get(dates[0].attrs.get("precision"), kind) if dates else kind


def _is_dateline(ctx: Context, start: int, end: int) -> bool:
    dates = ctx.in_range("DATE", start, end)
    return bool(dates) and sum(d.end - d.start for d in dates) > (end - start) / 2


def _issuer(ctx: Context, lines) -> Grounded[str] | None:
    candidates = list(lines[:3]) + [lines[-1]] if lines else []
    for start, end in candidates:
        orgs = ctx.in_range("ORG", start, end)
        if orgs and orgs[0].start == start:
            org = orgs[0]
            return ctx.grounded_entity(org, value=org.attrs.get("canonical") or org.text)
    match = re.search(r"Trên đây là [Bb]áo cáo[^\n]*?\bcủa\s+", ctx.text)
    if match:
        orgs = [o for o in ctx.entities if o.label == "ORG" and o.start >= match.end() and o.start - match.end() < 3]
        if orgs:
            return ctx.grounded_entity(orgs[0], value=orgs[0].attrs.get("canonical") or orgs[0].text)
    return None


def _date(ctx: Context, report_date: str | None) -> Grounded[str] | None:
    if report_date is None:
        return None
    for entity in ctx.entities:
        if entity.label == "DATE" and entity.attrs.get("value") == report_date:
            return ctx.grounded_entity(entity)
    return None


def _period(ctx: Context, title: Grounded[str] | None) -> Grounded[str] | None:
    if title is None:
        return None
    dates = [d for d in ctx.in_range("DATE", title.start, title.end) if d.attrs.get("value")]
    if dates:
        return ctx.grounded_entity(dates[0])
    match = re.search(r"nhiệm kỳ\s+((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)", title.text, re.IGNORECASE)
    if match:
        start = title.start + match.start()
        return ctx.grounded(f"{match.group(1)}/{match.group(2)}", start, title.start + match.end())
    return None


def _signer(ctx: Context, lines) -> Signer | None:
    on_behalf = None
    for index, (start, end) in enumerate(lines):
        line = ctx.text[start:end]
        cue = next((e for e in entries("signature_on_behalf") if line.startswith(e["word"])), None)
        if cue is None:
            continue
        on_behalf = ctx.grounded(line[len(cue["word"]):].strip(), start + len(cue["word"]), end)
        role = None
        for j in range(index + 1, min(index + 6, len(lines))):
            l_start, l_end = lines[j]
            text = ctx.text[l_start:l_end]
            if _BOILERPLATE.match(text):
                continue
            name = _name(ctx, l_start, l_end)
            if name is not None and role is not None:
                return Signer(name=name, role=role, on_behalf_of=on_behalf)
            if role is None and text == text.upper():
                role = ctx.grounded(text, l_start, l_end)
    # An article signed by its author: a name line, then title lines, at the very end.
    tail = lines[-4:]
    for position, (start, end) in enumerate(tail):
        name = _name(ctx, start, end)
        if name is None:
            continue
        roles = tail[position + 1:]
        role = None
        if roles:
            role = ctx.grounded(", ".join(ctx.text[s:e] for s, e in roles), roles[0][0], roles[-1][1])
            role = role.model_copy(update={"value": ", ".join(ctx.text[s:e] for s, e in roles)})
        if not roles or all(len(ctx.text[s:e]) < 120 for s, e in roles):
            return Signer(name=name, role=role)
    return None


def _name(ctx: Context, start: int, end: int) -> Grounded[str] | None:
    people = ctx.in_range("PERSON", start, end)
    if people:
        person = people[0]
        return Grounded(value=person.attrs.get("name") or person.text, start=person.start, end=person.end, text=person.text)
    match = _NAME_LINE.match(ctx.text, start, end)
    if match and match.end() == end and not ctx.in_range("ORG", start, end) and not ctx.in_range("LOC", start, end):
        words = match.group(1).split()
        if len(words) <= 5 and all(w[:1].isupper() and not w.isupper() for w in words):
            return ctx.grounded(match.group(1), match.start(1), match.end(1))
    return None


def _recipients(ctx: Context, lines) -> list[Grounded[str]]:
    recipients: list[Grounded[str]] = []
    for index, (start, end) in enumerate(lines):
        line = ctx.text[start:end].rstrip(":").strip()
        if not any(line.lower() == e["word"] for e in entries("recipients_heading")):
            continue
        for l_start, l_end in lines[index + 1:]:
            match = _LIST_ITEM.match(ctx.text, l_start, l_end)
            if not match:
                break
            recipients.append(ctx.grounded(match.group(1), match.start(1), match.end(1)))
        break
    return recipients
