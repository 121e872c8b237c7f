"""Annotation helper for the congdoan corpus: build gold files from marked-up sources, and check them.

Independent of the extractor on purpose: it imports only ``schemas``, never ``extractor``.

    python corpus/tools/annotate.py build SRC.ann [SRC.ann ...]   # write gold/<id>.json (+ documents/<id>.txt)
    python corpus/tools/annotate.py check [ID ...]                # validate gold files (all when no id)
    python corpus/tools/annotate.py review ID                     # print what is not annotated, for a re-read
    python corpus/tools/annotate.py render ID                     # the text with every entity bracketed
    python corpus/tools/annotate.py lint [ID ...]                 # look-alikes left unannotated, for review
    python corpus/tools/annotate.py stats                         # documents and entities per split/label

Source format (``.ann``): header lines ``key: value`` (``id``, ``origin``, ``split``, ``report_date``,
``notes``, optional ``source: documents/<file>.txt`` for a report that already exists, which the stripped text
must equal exactly) and alias lines ``@NAME = fields``; then a line ``===``; then the report text with
inline marks ``{{LAB surface|fields}}`` (marks may nest: a DATE inside a DOC_REF). ``⍽`` stands for a
no-break space. LAB is one of MON CNT PCT DAT DOC PER ORG LOC. Fields are ``;``-separated:

    MON  value[;over|under|approx]                 {{MON 3 tỷ đồng|3000000000;under}}
    CNT  [v=int][;u=unit][;over|under|approx]      {{CNT 127 đoàn viên}} (value and unit read off the surface)
    PCT  [value][;over|under|approx]               {{PCT 72,2%}}
    DAT  value|null[;day|month|...][;t=HH:MM][;yfr]  {{DAT 25.6.2020|2020-06-25}}
    DOC  kind;number;symbol;issuer;date ('-' = null)
    PER  [h=honorific][;r=role][;n=name]
    ORG  canonical;level;province   or @ALIAS
    LOC  canonical;unit_type
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CORPUS.parent))

from schemas import LABELS, GoldDocument  # noqa: E402

CODES = {"MON": "MONEY", "CNT": "COUNT", "PCT": "PERCENT", "DAT": "DATE", "DOC": "DOC_REF",
         "PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
QUALIFIERS = {"over", "under", "approx"}
PRECISIONS = {"day", "month", "year", "quarter", "half"}
LEVELS = {"national", "province", "district", "grassroots"}
UNIT_TYPES = {"country", "province", "city", "district", "commune", "village", "zone", "foreign"}
NBSP_MARK = "⍽"


class AnnError(Exception):
    pass


# ---------------------------------------------------------------- parsing the marked-up source

def parse_source(path: Path) -> tuple[dict, dict, str, list[dict]]:
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n===\n")
    if not sep:
        raise AnnError(f"{path}: no '===' line")
    header: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for line in head.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            name, _, value = line.partition("=")
            aliases[name.strip()] = value.strip()
        else:
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
    out: list[str] = []
    marks: list[dict] = []
    pos = _parse(body, 0, out, marks, depth=0, path=path)
    if pos != len(body):
        raise AnnError(f"{path}: unbalanced '}}}}' at {pos}")
    return header, aliases, "".join(out), marks


def _emit(out: list[str], ch: str) -> None:
    out.append("\xa0" if ch == NBSP_MARK else ch)


def _parse(s: str, i: int, out: list[str], marks: list[dict], depth: int, path: Path) -> int:
    """Copy s[i:] into out, recording marks; stop (at depth > 0) at a top-level '|' or '}}'."""
    while i < len(s):
        if s.startswith("{{", i):
            code = s[i + 2:i + 5]
            if code not in CODES or s[i + 5] != " ":
                raise AnnError(f"{path}: bad mark {s[i:i + 20]!r}")
            start = sum(len(x) for x in out)
            i = _parse(s, i + 6, out, marks, depth + 1, path)
            end = sum(len(x) for x in out)
            fields = ""
            if s[i] == "|":
                j = s.index("}}", i)
                fields = s[i + 1:j]
                i = j
            if not s.startswith("}}", i):
                raise AnnError(f"{path}: mark not closed near {s[i - 30:i + 10]!r}")
            i += 2
            marks.append({"code": code, "start": start, "end": end, "fields": fields,
                          "line": s.count("\n", 0, i) + 1})
            continue
        if depth > 0 and (s[i] == "|" or s.startswith("}}", i)):
            return i
        if s.startswith("}}", i):
            return i
        _emit(out, s[i])
        i += 1
    if depth > 0:
        raise AnnError(f"{path}: mark not closed at end of text")
    return i


def _split(fields: str) -> list[str]:
    return [f.strip() for f in fields.split(";")] if fields.strip() else []


def _null(v: str | None):
    return None if v in (None, "", "-", "null") else v


def build_entity(code: str, text: str, fields: str, aliases: dict, where: str) -> dict:
    label = CODES[code]
    if fields.strip().startswith("@"):
        if fields.strip() not in aliases:
            raise AnnError(f"{where}: unknown alias {fields!r}")
        fields = aliases[fields.strip()]
    parts = _split(fields)
    quals = [p for p in parts if p in QUALIFIERS]
    qualifier = quals[0] if quals else None
    rest = [p for p in parts if p not in QUALIFIERS]
    ent: dict = {"label": label, "text": text}
    if code == "MON":
        if len(rest) != 1:
            raise AnnError(f"{where}: MONEY needs one value: {fields!r}")
        ent.update(value=int(rest[0].replace("_", "")), qualifier=qualifier)
    elif code == "CNT":
        kv = dict(p.split("=", 1) for p in rest)
        m = re.match(r"(\d[\d.]*)\s*", text)
        value = kv.get("v") or (m and m.group(1).replace(".", ""))
        unit = kv.get("u") or (m and text[m.end():].strip("“”\"' "))
        if not value or not unit:
            raise AnnError(f"{where}: COUNT value/unit not given and not readable: {text!r}")
        ent.update(value=int(value), unit=unit, qualifier=qualifier)
    elif code == "PCT":
        value = rest[0] if rest else text.rstrip("%").strip().replace(",", ".")
        ent.update(value=float(value), qualifier=qualifier)
    elif code == "DAT":
        value = _null(rest[0]) if rest else None
        prec = [p for p in rest[1:] if p in PRECISIONS]
        time = [p[2:] for p in rest if p.startswith("t=")]
        yfr = "yfr" in rest
        if prec:
            precision = prec[0]
        elif value is None:
            raise AnnError(f"{where}: null DATE needs a precision")
        elif re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            precision = "day"
        elif re.fullmatch(r"\d{4}-\d\d", value):
            precision = "month"
        elif re.fullmatch(r"\d{4}", value):
            precision = "year"
        elif re.fullmatch(r"\d{4}-Q[1-4]", value):
            precision = "quarter"
        elif re.fullmatch(r"\d{4}-H[12]", value):
            precision = "half"
        else:
            raise AnnError(f"{where}: bad DATE value {value!r}")
        ent.update(value=value, precision=precision, time=time[0] if time else None, year_from_report=yfr)
    elif code == "DOC":
        if len(parts) != 5:
            raise AnnError(f"{where}: DOC_REF needs kind;number;symbol;issuer;date: {fields!r}")
        kind, number, symbol, issuer, date = (_null(p) for p in parts)
        ent.update(kind=kind, number=number, symbol=symbol, issuer=issuer, date=date)
    elif code == "PER":
        kv = dict(p.split("=", 1) for p in parts)
        unknown = set(kv) - {"h", "r", "n"}
        if unknown:
            raise AnnError(f"{where}: PERSON fields {unknown}")
        ent.update(name=_null(kv.get("n")) or text, honorific=_null(kv.get("h")), role=_null(kv.get("r")))
    elif code == "ORG":
        if len(parts) != 3:
            raise AnnError(f"{where}: ORG needs canonical;level;province: {fields!r}")
        canonical, level, province = (_null(p) for p in parts)
        if level is not None and level not in LEVELS:
            raise AnnError(f"{where}: bad level {level!r}")
        if not canonical:
            raise AnnError(f"{where}: ORG without canonical")
        ent.update(canonical=canonical, level=level, province=province)
    elif code == "LOC":
        if len(parts) != 2:
            raise AnnError(f"{where}: LOC needs canonical;unit_type: {fields!r}")
        canonical, unit_type = (_null(p) for p in parts)
        if unit_type not in UNIT_TYPES:
            raise AnnError(f"{where}: bad unit_type {unit_type!r}")
        ent.update(canonical=canonical, unit_type=unit_type)
    return ent


def build(path: Path) -> GoldDocument:
    header, aliases, text, marks = parse_source(path)
    doc_id = header["id"]
    if "source" in header:
        existing = (CORPUS / header["source"]).read_text(encoding="utf-8")
        if existing != text:
            k = next((n for n, (a, b) in enumerate(zip(existing, text)) if a != b), min(len(existing), len(text)))
            raise AnnError(f"{path}: text differs from {header['source']} at {k}: "
                           f"file {existing[k - 20:k + 20]!r} vs source {text[k - 20:k + 20]!r}")
    entities = []
    for m in marks:
        surface = text[m["start"]:m["end"]]
        where = f"{path.name}:{m['line']} {surface!r}"
        ent = build_entity(m["code"], surface, m["fields"], aliases, where)
        ent.update(start=m["start"], end=m["end"])
        entities.append(ent)
    entities.sort(key=lambda e: (e["start"], -e["end"], e["label"]))
    report_date = _null(header.get("report_date"))
    gold = GoldDocument.model_validate({
        "id": doc_id, "origin": header["origin"], "split": header["split"],
        "source": f"documents/{doc_id}.txt", "text": text, "report_date": report_date,
        "labels": list(LABELS), "notes": header.get("notes") or None, "entities": entities,
    })
    return gold


def write(gold: GoldDocument) -> None:
    txt = CORPUS / "documents" / f"{gold.id}.txt"
    if gold.origin == "synthetic":
        txt.write_text(gold.text, encoding="utf-8")
    data = gold.model_dump(mode="json")
    (CORPUS / "gold" / f"{gold.id}.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- independent value readers (cross-checks)

DIGITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
          "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
SCALES = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}
SCALES.update({"ty": 10**9, "ti": 10**9, "trieu": 10**6, "nghin": 10**3, "ngan": 10**3})  # text without diacritics


def read_number(tok: str) -> float:
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", tok):
        return float(tok.replace(".", ""))
    return float(tok.replace(".", "").replace(",", ".")) if "," in tok else float(tok)


def read_words(words: list[str]) -> int | None:
    total, group, cur = 0, 0, 0
    for w in words:
        w = w.lower()
        if w == "mười":
            cur += 10
        elif w in DIGITS:
            cur += DIGITS[w]
        elif w == "mươi":
            cur *= 10
        elif w == "trăm":
            group += cur * 100
            cur = 0
        elif w in ("linh", "lẻ"):
            continue
        elif w in SCALES:
            total += (group + cur) * SCALES[w]
            group, cur = 0, 0
        else:
            return None
    return total + group + cur


def read_money(text: str) -> int | None:
    s = re.sub(r"\s*(đồng|dong|đ|VNĐ|VND|vnđ)\s*$", "", text.strip())
    s = re.sub(r"(?<=\d)[đd]$", "", s)  # "200.000đ", "200.000d"
    toks = s.split()
    if not toks:
        return None
    if re.fullmatch(r"[\d.,]+", toks[0]):
        total, i, last = 0.0, 0, None
        while i < len(toks):
            num = read_number(toks[i])
            scale = SCALES.get(toks[i + 1], 1) if i + 1 < len(toks) else 1
            if last is not None and scale == 1:
                scale = last // 1000
            total += num * scale
            last = scale
            i += 2 if i + 1 < len(toks) and toks[i + 1] in SCALES else 1
        return round(total)
    return read_words(toks)


MONTH_WORDS = r"(?:tháng|Tháng|THÁNG)"


def read_date(text: str) -> str | None:
    t = re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()
    m = re.search(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b", t)
    if m:
        y = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        return f"{y:04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"(\d{1,2}) (?:tháng|Tháng|THÁNG) (\d{1,2}),? (?:năm |NĂM )?(\d{4})", t)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"(?:6 tháng|06 tháng|6 THÁNG) (đầu|cuối|ĐẦU|CUỐI) (?:năm|NĂM) (\d{4})", t)
    if m:
        return f"{m.group(2)}-H{1 if m.group(1).lower() == 'đầu' else 2}"
    m = re.search(r"(?:quý|Quý|QUÝ) ([IV]+|\d)(?:/| năm | NĂM )(\d{4})", t)
    if m:
        q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(m.group(1)) or int(m.group(1))
        return f"{m.group(2)}-Q{q}"
    m = re.search(r"(?:tháng|Tháng|THÁNG) (\d{1,2})(?:/| năm | NĂM )(\d{4})", t)
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.search(r"(\d{1,2})/(\d{4})$", t)
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.search(r"(?:năm|Năm|NĂM) (\d{4})$", t)
    if m:
        return m.group(1)
    return None


def cross_check(gold: GoldDocument) -> list[str]:
    """Compare hand-entered values with naive readings of the surface; differences are for a human."""
    notes = []
    for e in gold.entities:
        if e.label == "MONEY":
            try:
                got = read_money(e.text)
            except ValueError:  # a surface the naive reader cannot parse: a human looks at it
                got = None
            if got != e.value:
                notes.append(f"MONEY {e.text!r}: annotated {e.value}, naive reading {got}")
        elif e.label == "PERCENT":
            m = re.search(r"[\d.,]+", e.text)
            if not m or abs(read_number(m.group()) - e.value) > 1e-9:
                notes.append(f"PERCENT {e.text!r}: annotated {e.value}")
        elif e.label == "DATE":
            got = read_date(e.text)
            if e.year_from_report or e.value is None:
                if e.value is not None and not e.value.startswith(str(gold.report_date)[:4]):
                    notes.append(f"DATE {e.text!r}: year_from_report but value {e.value} vs report {gold.report_date}")
                if e.value is not None and not e.year_from_report:
                    notes.append(f"DATE {e.text!r}: ?")
                if e.year_from_report and gold.report_date is None:
                    notes.append(f"DATE {e.text!r}: year_from_report without report_date")
                continue
            if got != e.value:
                notes.append(f"DATE {e.text!r}: annotated {e.value}, naive reading {got}")
            tm = re.search(r"\b(\d{1,2}):(\d\d)\b", e.text)
            if (tm and e.time != f"{int(tm.group(1)):02d}:{tm.group(2)}") or (not tm and e.time):
                notes.append(f"DATE {e.text!r}: time {e.time}")
        elif e.label == "COUNT":
            m = re.match(r"(\d[\d.]*)", e.text)
            if m and int(m.group(1).replace(".", "")) != e.value:
                notes.append(f"COUNT {e.text!r}: value {e.value}")
            if e.unit not in e.text:
                notes.append(f"COUNT {e.text!r}: unit {e.unit!r} not in surface")
        elif e.label == "DOC_REF":
            compact = re.sub(r"\s+", "", e.text)
            if e.number and e.number not in e.text:
                notes.append(f"DOC_REF {e.text!r}: number {e.number}")
            if e.symbol and e.symbol not in compact:
                notes.append(f"DOC_REF {e.text!r}: symbol {e.symbol}")
            if e.issuer and e.symbol and e.issuer not in e.symbol:
                notes.append(f"DOC_REF {e.text!r}: issuer {e.issuer} not in symbol")
            if e.date and read_date(e.text) != e.date:
                notes.append(f"DOC_REF {e.text!r}: date {e.date} vs {read_date(e.text)}")
        elif e.label == "PERSON":
            if e.name != e.text:
                notes.append(f"PERSON {e.text!r}: name {e.name!r}")
    return notes


# ---------------------------------------------------------------- checks

def check(gold: GoldDocument, path: Path | None = None) -> list[str]:
    errors = []
    text = gold.text
    if path is not None:
        src = CORPUS / gold.source
        if src.read_text(encoding="utf-8") != text:
            errors.append(f"text differs from {gold.source}")
        if gold.id != path.stem:
            errors.append("id is not the file stem")
    if sorted(gold.labels) != sorted(LABELS):
        errors.append(f"labels {gold.labels}")
    prev = None
    for e in gold.entities:
        if text[e.start:e.end] != e.text:
            errors.append(f"slice mismatch {e.label} {e.start}:{e.end} {e.text!r}")
        if e.text != e.text.strip() or not e.text:
            errors.append(f"span with outer whitespace {e.label} {e.text!r}")
        key = (e.start, -e.end)
        if prev is not None and key < prev:
            errors.append(f"entities not in text order at {e.text!r}")
        prev = key
    ents = gold.entities
    for i, a in enumerate(ents):
        for b in ents[i + 1:]:
            if b.start >= a.end:
                break
            if a.label == b.label:
                errors.append(f"overlap within {a.label}: {a.text!r} / {b.text!r}")
            elif not (a.label == "DOC_REF" and b.label == "DATE" and b.end <= a.end):
                errors.append(f"cross-label overlap {a.label} {a.text!r} / {b.label} {b.text!r}")
    for e in ents:
        if e.label == "DOC_REF" and e.date:
            inner = [d for d in ents if d.label == "DATE" and e.start <= d.start and d.end <= e.end]
            if not inner or inner[0].value != e.date:
                errors.append(f"DOC_REF {e.text!r}: date clause without matching nested DATE")
        if e.label == "COUNT" and e.unit not in e.text:
            errors.append(f"COUNT {e.text!r}: unit {e.unit!r} is not a substring of the span")
        if e.label == "ORG" and not e.canonical:
            errors.append(f"ORG {e.text!r} without canonical")
    if gold.report_date is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", gold.report_date):
        errors.append(f"report_date {gold.report_date}")
    return errors


def load(doc_id: str) -> GoldDocument:
    path = CORPUS / "gold" / f"{doc_id}.json"
    return GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))


def review(gold: GoldDocument) -> None:
    text = gold.text
    covered = [False] * len(text)
    for e in gold.entities:
        for k in range(e.start, e.end):
            covered[k] = True
    print(f"== {gold.id} ({len(text)} chars, {len(gold.entities)} entities, report_date {gold.report_date})")
    print("-- numbers outside every entity:")
    for m in re.finditer(r"\d+(?:[.,/:-]\d+)*", text):
        marker = (m.start() == 0 or text[m.start() - 1] == "\n") and text[m.end():m.end() + 1] in (".", "-", ")")
        if not any(covered[m.start():m.end()]) and not marker:
            print(f"   {text[max(0, m.start() - 35):m.start()]!r} [{m.group()}] {text[m.end():m.end() + 25]!r}")
    print("-- capitalised words outside PERSON/ORG/LOC:")
    named = [False] * len(text)
    for e in gold.entities:
        if e.label in ("PERSON", "ORG", "LOC"):
            for k in range(e.start, e.end):
                named[k] = True
    seen = set()
    words = [m for m in re.finditer(r"[^\W\d_]+", text) if m.group()[0].isupper()]
    groups: list[list] = []
    for m in words:
        if groups and text[groups[-1][-1].end():m.start()].strip(" \xa0") == "":
            groups[-1].append(m)
        else:
            groups.append([m])
    for g in groups:
        a, b = g[0].start(), g[-1].end()
        phrase = text[a:b]
        if not any(named[a:b]) and phrase not in seen and (len(g) > 1 or len(phrase) > 1 and phrase[1:2].isupper()
                                                           or a > 1 and text[a - 2] not in ".:\n"):
            seen.add(phrase)
            print(f"   {phrase!r}", end="")
    print()
    print("-- surfaces annotated somewhere but not everywhere:")
    for label in ("PERSON", "ORG", "LOC"):
        surfaces = {e.text for e in gold.entities if e.label == label}
        spans = {(e.start, e.end) for e in gold.entities if e.label in ("PERSON", "ORG", "LOC")}
        for s in sorted(surfaces):
            for m in re.finditer(re.escape(s), text):
                inside = any(a <= m.start() and m.end() <= b for a, b in spans)
                if not inside:
                    print(f"   {label} {s!r} at {m.start()}: {text[max(0, m.start() - 30):m.end() + 20]!r}")
    print("-- cross-checks:")
    for n in cross_check(gold):
        print("   " + n)
    print("-- entities:")
    for e in gold.entities:
        d = e.model_dump(exclude={"start", "end", "text", "label"})
        d = {k: v for k, v in d.items() if v not in (None, False)}
        print(f"   {e.label:8} {e.text!r} {d}")


LINT_PATTERNS = {
    "MONEY": r"\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)?(?:\s*\d+\s*(?:triệu|nghìn))?\s*(?:đồng|đ\b|VNĐ|VND)",
    "PERCENT": r"\d[\d,.]*\s*%",
    "DATE": r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|(?:năm|NĂM|Năm) \d{4}|(?:quý|Quý|QUÝ) [IV]+|(?:tháng|Tháng|THÁNG) \d{1,2}",
    "ORG": r"LĐLĐ|Liên đoàn Lao động|LIÊN ĐOÀN|UBND|Ủy ban nhân dân|Tỉnh ủy|Thành ủy|Huyện ủy|Ban Thường vụ|BAN THƯỜNG VỤ|Ban Chấp hành|BAN CHẤP HÀNH|BCH|BTV|Công đoàn Viên chức|CĐVC|Tổng Liên đoàn|Chính phủ|Bộ Chính trị|Đảng|Nhà nước|Công ty|Trường|Sở |Bảo hiểm xã hội|BHXH|UBKT|Ủy ban Kiểm tra|Công đoàn [Nn]gành|CĐN",
    "LOC": r"\b(?:tỉnh|huyện|thành phố|thị xã|quận|xã|thị trấn|thôn|bản|TP\.?) [A-ZĐÀ-Ỹ][^\s,.;:()]*",
}


def lint(gold: GoldDocument) -> list[str]:
    """Surfaces that look like an entity of a label but are not inside one of that label."""
    out = []
    text = gold.text
    for label, pattern in LINT_PATTERNS.items():
        spans = [(e.start, e.end) for e in gold.entities if e.label == label or
                 (label == "ORG" and e.label in ("PERSON", "LOC")) or (label == "LOC" and e.label == "ORG")]
        for m in re.finditer(pattern, text):
            if not any(a <= m.start() and m.end() <= b for a, b in spans):
                out.append(f"{label:7} {text[max(0, m.start() - 25):m.start()]!r} [{m.group()}] "
                           f"{text[m.end():m.end() + 20]!r}")
    return out


def render(gold: GoldDocument) -> str:
    """The text with every entity bracketed, innermost last, for a re-read."""
    text = gold.text
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for e in gold.entities:
        d = e.model_dump(exclude={"start", "end", "text", "label"})
        d = {k: v for k, v in d.items() if v not in (None, False) and not (k == "name" and v == e.text)}
        info = ";".join(f"{v}" for v in d.values())
        opens.setdefault(e.start, []).append(f"[{ {v: k for k, v in CODES.items()}[e.label]} ")
        closes.setdefault(e.end, []).insert(0, f" |{info}]")
    out = []
    for i, ch in enumerate(text + " "):
        out.extend(closes.get(i, []))
        out.extend(opens.get(i, []))
        if i < len(text):
            out.append("⍽" if ch == "\xa0" else ch)
    return "".join(out)


def main(argv: list[str]) -> int:
    cmd, args = argv[0], argv[1:]
    if cmd == "build":
        status = 0
        for a in args:
            try:
                gold = build(Path(a))
            except AnnError as err:
                print(f"ERROR {err}")
                status = 1
                continue
            errs = check(gold)
            if errs:
                print(f"ERROR {gold.id}:\n  " + "\n  ".join(errs))
                status = 1
                continue
            write(gold)
            for n in cross_check(gold):
                print(f"note {gold.id}: {n}")
            print(f"wrote {gold.id}: {len(gold.entities)} entities, {len(gold.text)} chars")
        return status
    if cmd == "check":
        ids = args or sorted(p.stem for p in (CORPUS / "gold").glob("*.json"))
        status = 0
        for doc_id in ids:
            gold = load(doc_id)
            errs = check(gold, CORPUS / "gold" / f"{doc_id}.json")
            if errs:
                status = 1
                print(f"ERROR {doc_id}:\n  " + "\n  ".join(errs))
        txts = {p.stem for p in (CORPUS / "documents").glob("*.txt")}
        golds = {p.stem for p in (CORPUS / "gold").glob("*.json")}
        if txts != golds:
            print(f"documents without gold: {sorted(txts - golds)}; gold without document: {sorted(golds - txts)}")
            status = 1
        print(f"checked {len(ids)} gold files: {'ok' if status == 0 else 'errors'}")
        return status
    if cmd == "review":
        for doc_id in args:
            review(load(doc_id))
        return 0
    if cmd == "lint":
        ids = args or sorted(p.stem for p in (CORPUS / "gold").glob("*.json"))
        for doc_id in ids:
            for line in lint(load(doc_id)):
                print(f"{doc_id[:22]:22} {line}")
        return 0
    if cmd == "render":
        for doc_id in args:
            print(render(load(doc_id)))
        return 0
    if cmd == "stats":
        from collections import Counter
        docs, ents, chars = Counter(), Counter(), Counter()
        for p in sorted((CORPUS / "gold").glob("*.json")):
            g = load(p.stem)
            docs[(g.split, g.origin)] += 1
            chars[g.split] += len(g.text)
            for e in g.entities:
                ents[(g.split, e.label)] += 1
        for k, v in sorted(docs.items()):
            print(f"documents {k[0]:4} {k[1]:9} {v}")
        for split in ("dev", "test"):
            print(split, {label: ents[(split, label)] for label in LABELS}, "chars", chars[split])
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
