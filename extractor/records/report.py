"""The report itself: title, kind, issuer, date, period, signer, recipients.

Official reports have a fixed shape (issuer line, ``Số:``, motto, dateline, ``BÁO CÁO`` and
its subject line, numbered sections, ``Nơi nhận:`` list, ``TM. BAN THƯỜNG VỤ`` / role /
name); news items have a headline, a lead and a byline. Both shapes are read here.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.data import load_resource
from extractor.records.context import Context
from extractor.records.cues import alternation, entries, first_cue
from schemas.records import Grounded, Report, Signer

@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The report patterns, assembled from the cue groups of record_cues.yaml."""
    return {
        # header lines that are no title; "*" and "(Đã ký)", "[...]" are layout, not words
        "boilerplate": re.compile(
            rf"^(?:{alternation('header_boilerplate')}(?:\b|\s*:)|\*|\(Đã ký\)|\[)", re.IGNORECASE),
        "photo_credit": re.compile(rf"\s*{alternation('photo_credit')}\s*:", re.IGNORECASE),
    }


_LIST_ITEM = re.compile(r"\s*[-–•+]\s*(.+?)\s*[;.]?\s*$")
_NAME_LINE = re.compile(r"\s*\**\s*([A-ZĐÀ-Ỹ][^\s,.;:()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:()]*){1,4})\s*\**\s*$")
HEADER_LINES = 12
HEADLINE_LINES = 5


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
    # The cleaning stage may have blanked a repeated page header; it lists what it removed.
    removed = ctx.doc._.repeated_lines if ctx.doc.has_extension("repeated_lines") else ()
    return {k for k, n in seen.items() if n > 1} | set(removed or ())


def _kind_and_title(ctx: Context, lines, repeated):
    for index, (start, end) in enumerate(lines[:HEADER_LINES]):
        line = ctx.text[start:end]
        for entry in entries("report_kinds"):
            if line.lower() == entry["word"] and line == line.upper() and index + 1 < len(lines):
                title = _subject(ctx, index + 1)
                return ctx.grounded(_refine_kind(ctx, entry["kind"], title), start, end), title
    # A news item: its headline is among the first lines, with no final stop (a lead
    # sentence or a caption ends with one).
    for start, end in lines[:HEADER_LINES]:
        line = ctx.text[start:end]
        if (line in repeated or _patterns()["boilerplate"].match(line) or len(line.split()) < 4 or _is_dateline(ctx, start, end)
                or line.endswith((".", ":", ";"))):
            continue
        title = ctx.grounded(line, start, end)
        cue = first_cue("news_meeting_words", ctx.text, start, end)
        if cue is not None:
            return ctx.grounded("tin hội nghị", cue.start, cue.end), title
        return ctx.grounded("bài viết", start, end), title
    return None, None


def _subject(ctx: Context, first_line: int) -> Grounded[str]:
    """The subject under ``BÁO CÁO``: its lines up to the next blank line, joined by a space."""
    start, end = _line_span(ctx, first_line)
    position = end
    for _ in range(2):
        match = re.match(r"\n[ \t]*([^\s][^\n]*)", ctx.text[position:])
        if not match or match.group(1).strip().startswith(("I.", "1.", "Căn cứ")):
            break
        position += match.end()
    text = ctx.text[start:position]
    return Grounded(value=" ".join(text.split()), start=start, end=position, text=text)


def _line_span(ctx: Context, index: int) -> tuple[int, int]:
    return _lines(ctx.text)[index]


# The precision of the DATE a "BÁO CÁO" subject names decides the kind of report.
_KIND_BY_PRECISION = {"month": "báo cáo tháng", "quarter": "báo cáo quý", "half": "báo cáo 6 tháng",
                      "year": "báo cáo năm"}


def _refine_kind(ctx: Context, kind: str, title: Grounded[str]) -> str:
    """``BÁO CÁO`` + a subject naming its period (``tháng 7 năm 2021``) gives the kind of report."""
    if kind != "báo cáo":
        return kind
    if first_cue("annual_report_words", ctx.text, title.start, title.end):
        return "báo cáo năm"
    dates = ctx.in_range("DATE", title.start, title.end)
    return _KIND_BY_PRECISION.get(dates[0].attrs.get("precision"), kind) if dates else kind


def _is_dateline(ctx: Context, start: int, end: int) -> bool:
    dates = ctx.in_range("DATE", start, end)
    return bool(dates) and sum(d.end - d.start for d in dates) > (end - start) / 2


def _issuer(ctx: Context, lines) -> Grounded[str] | None:
    """The issuing body: the lowest organisation-only line of the header (under the parent
    body's line), else the closing "Trên đây là báo cáo ... của X", else an organisation
    standing alone on the last line."""
    header = [span for span in lines[:HEADLINE_LINES] if _org_line(ctx, *span)]
    if header:
        return _org_value(_org_line(ctx, *header[-1]))
    match = re.search(r"Trên đây là [Bb]áo cáo[^\n]*?\bcủa\s+", ctx.text)
    if match:
        orgs = [o for o in ctx.entities if o.label == "ORG" and o.start >= match.end() and o.start - match.end() < 3]
        if orgs:
            return _org_value(orgs[0])
    body = [span for span in lines if span[0] < _body_end(ctx)]
    if body and _org_line(ctx, *body[-1]):
        return _org_value(_org_line(ctx, *body[-1]))
    return None


def _org_line(ctx: Context, start: int, end: int):
    """The organisation a line consists of, or None."""
    orgs = ctx.in_range("ORG", start, end)
    if orgs and orgs[0].start == start and not ctx.text[orgs[0].end:end].strip(" .,:;*"):
        return orgs[0]
    return None


def _org_value(org) -> Grounded[str]:
    return Grounded(value=org.attrs.get("canonical") or org.text, start=org.start, end=org.end, text=org.text)


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
    match = re.search(rf"{alternation('term_years_words')}\s+((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)", title.text,
                      re.IGNORECASE)
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
            if _patterns()["boilerplate"].match(text):
                continue
            name = _name(ctx, l_start, l_end)
            if name is not None and role is not None:
                return Signer(name=name, role=role, on_behalf_of=on_behalf)
            # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the signer's own title is the last line above the name.
            if text == text.upper():
                role = ctx.grounded(text, l_start, l_end)
    # An article signed by its author: the last name line (a byline, "Minh Ngọc - CĐVC tỉnh"),
    # with the title lines under it ("Tỉnh ủy viên, Chủ tịch ..."); photo credits are not.
    body = [span for span in lines if span[0] < _body_end(ctx)]
    for position in range(len(body) - 1, max(-1, len(body) - 5), -1):
        start, end = body[position]
        if _patterns()["photo_credit"].match(ctx.text, start, end):
            continue
        name = _name(ctx, start, end)
        if name is None:
            continue
        roles = []
        for span in body[position + 1:]:
            if not _is_title_line(ctx.text[span[0]:span[1]]):
                break  # a caption or the author's unit follows: not a title
            roles.append(span)
        role = None
        if roles:
            value = ", ".join(ctx.text[s:e] for s, e in roles)
            role = ctx.grounded(value, roles[0][0], roles[-1][1]).model_copy(update={"value": value})
        return Signer(name=name, role=role)
    return None




def _body_end(ctx: Context) -> int:
    """Where the report ends: before a "related news" list, if the page has one."""
    sentences = ctx.sentences
    return sentences[-1][1] if sentences else len(ctx.text)


def _is_title_line(line: str) -> bool:
    lowered = line.lower()
    return any(lowered.startswith(t["title"].lower()) for t in load_resource("titles.yaml")["titles"])


def _name(ctx: Context, start: int, end: int) -> Grounded[str] | None:
    dash = re.search(r"\s+-\s+", ctx.text[start:end])
    if dash:  # a byline with the author's unit: "Minh Ngọc - CĐVC tỉnh"
        end = start + dash.start()
    people = ctx.in_range("PERSON", start, end)
    if people and people[0].start == start:
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
