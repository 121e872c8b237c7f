"""Record annotations of the congdoan corpus: compact hand-written sources -> the gold files.

Independent of the extractor on purpose: it imports only ``schemas``, never ``extractor``.

    python corpus/tools/records.py build [ID ...]   # records/<id>.yaml -> record fields of gold/<id>.json
    python corpus/tools/records.py check [ID ...]   # validate the records of the gold files (all when no id)
    python corpus/tools/records.py show ID          # every record with its evidence and field texts, for a re-read
    python corpus/tools/records.py stats            # records per type and split

The entity annotations and the text of a gold file are never touched: ``build`` replaces only ``report``,
``meetings``, ``decisions``, ``support`` and ``record_types``. Run it again after ``annotate.py build`` (which
rewrites a gold file from its ``.ann`` source without records).

Source format (``records/<id>.yaml``)::

    record_types: [report, meetings, decisions, support]     # optional, these four by default
    report:
      title: Kết quả hoạt động công đoàn tháng 7 ...          # a grounded spec (below)
      kind: {v: báo cáo tháng, s: BÁO CÁO}
      issuer: LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU                 # value = the ORG entity's canonical
      date: ngày 05 tháng 8 năm 2021                          # value = the DATE entity's value
      period: tháng 7
      signer: {name: {s: Lò Văn Minh, n: 2}, role: CHỦ TỊCH, on_behalf_of: BAN THƯỜNG VỤ}
      recipients: [Tổng LĐLĐ Việt Nam (b/c), ...]
    decisions:
      - ev: [Hội nghị đã bầu bổ sung ⋯ khóa XIV]              # evidence: clause(s)
        action: {v: bầu bổ sung, s: bầu bổ sung}
        object: đồng chí Tòng Văn Nam, ... khóa XIV
        people: [{name: Tòng Văn Nam, role: Chủ tịch LĐLĐ huyện Tam Đường}]
        decided_by: {s: Ban Chấp hành LĐLĐ tỉnh, n: 1}
        date: 22/7/2021
        doc_refs: [Quyết định số 312/QĐ-LĐLĐ ngày 15/7/2021]  # value = number/symbol of the DOC_REF entity
        status: adopted                                      # default
    meetings:
      - ev: [...]                                            # evidence: sentence(s)
        kind: {v: hội nghị Ban Chấp hành, s: Hội nghị}
        organiser: ..., date: ..., date_from_report: false, place: ..., session: {v: 9, s: lần thứ 9},
        term: {v: XIV, s: khóa XIV}, chair: {name: ..., role: ...}, attendees: [...], agenda: [...],
        decisions: [0]
    support:
      - ev: [...]                                            # evidence: the clause
        giver: ..., count: <COUNT span>, who: ..., items: <COUNT span>, amount: <MONEY span>,
        unit_amount: <MONEY span>, qualifier: over|under|approx (default: that of amount, else count, else items),
        purpose: {v: covid, s: COVID-19}, fund: ..., period: <DATE span>, status: {v: actual, s: hỗ trợ},
        part_of: 0

A grounded spec is a string (the surface, or ``prefix ⋯ suffix`` for a long one; the value is read from the
entity with exactly that span for org, person, date, count, money and doc_ref fields, else it is the surface
itself), or a mapping ``{v: value, s: surface, n: occurrence, doc: true, in: stretch}``. The surface is looked
for inside the record's evidence first, then in the whole text (``doc: true``: only in the whole text; ``in``:
only inside the stretch given like an evidence item, e.g. the clause that holds a shared subject); it must occur
exactly once there (occurrences on an entity of the field's label first) unless ``n`` (1-based, counted in that
scope) picks one. An evidence item is a surface or ``prefix ⋯ suffix`` (from the prefix to the first suffix after
it), or ``{s: ..., n: ...}``; it is looked for in the whole text. Quote every string in YAML flow collections
(``[...]``, ``{...}``): an unquoted comma splits it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import yaml
from pydantic import BaseModel

CORPUS = Path(__file__).resolve().parent.parent
SOURCES = Path(__file__).resolve().parent / "records"
sys.path.insert(0, str(CORPUS.parent))

from schemas import GoldDocument  # noqa: E402

RECORD_TYPES = ["report", "meetings", "decisions", "support"]
GAP = " ⋯ "


class RecError(Exception):
    pass


# ---------------------------------------------------------------- locating surfaces

def occurrences(text: str, surface: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(text) if hi is None else hi
    out, i = [], text.find(surface, lo)
    while i != -1 and i + len(surface) <= hi:
        j = i + len(surface)
        # whole words only: `50 triệu đồng` is not found inside `150 triệu đồng`
        if not (i > 0 and text[i - 1].isalnum() and surface[0].isalnum()) and \
                not (j < len(text) and text[j].isalnum() and surface[-1].isalnum()):
            out.append(i)
        i = text.find(surface, i + 1)
    return out


def pick(found: list[int], n: int | None, what: str) -> int:
    if not found:
        raise RecError(f"not found: {what}")
    if n is None:
        if len(found) > 1:
            raise RecError(f"ambiguous ({len(found)} occurrences, give n): {what}")
        return found[0]
    if not 1 <= n <= len(found):
        raise RecError(f"occurrence {n} of {len(found)}: {what}")
    return found[n - 1]


def locate_evidence(text: str, spec) -> tuple[int, int]:
    n = None
    if isinstance(spec, dict):
        _known(spec, {"s", "n"}, "evidence")
        n, spec = spec.get("n"), spec["s"]
    if not isinstance(spec, str) or not spec.strip():
        raise RecError(f"bad evidence {spec!r}")
    if GAP in spec:
        prefix, suffix = spec.split(GAP, 1)
        a = pick(occurrences(text, prefix), n, f"evidence prefix {prefix!r}")
        b = text.find(suffix, a + len(prefix))
        if b == -1:
            raise RecError(f"evidence suffix {suffix!r} not found after {prefix!r}")
        return a, b + len(suffix)
    a = pick(occurrences(text, spec), n, f"evidence {spec!r}")
    return a, a + len(spec)


def locate(text: str, spec, scope: list[tuple[int, int]], what: str, exact=None) -> tuple[int, int, dict]:
    """(start, end, options) of a grounded spec: inside the evidence first, else in the whole text.

    ``exact(start, end)`` tells whether an entity of the field's label has exactly that span: when some
    occurrences do, the others (the surface inside a longer entity) are not candidates.
    """
    if not isinstance(spec, (str, dict)):
        raise RecError(f"{what}: a surface must be a string or a mapping: {spec!r}")
    opts = {"s": spec} if isinstance(spec, str) else dict(spec)
    _known(opts, {"s", "v", "n", "doc", "in"}, what)
    surface = opts.get("s")
    if not isinstance(surface, str) or not surface:
        raise RecError(f"{what}: no surface in {spec!r}")
    if opts.get("in"):
        # look only inside the (unique) stretch given by `in`, e.g. the clause holding a shared subject
        scope = [locate_evidence(text, opts["in"])]
        opts["doc"] = False
    n = opts.get("n")
    prefix, gap, suffix = surface.partition(GAP)
    found: list[int] = []
    if not opts.get("doc"):
        for a, b in scope:
            found.extend(occurrences(text, prefix, a, b))
        found = sorted(set(found))
    if not found and not opts.get("in"):
        found = occurrences(text, prefix)
    if exact is not None and not gap:
        on_entity = [i for i in found if exact(i, i + len(surface))]
        found = on_entity or found
    start = pick(found, n, f"{what} {prefix!r}")
    if not gap:
        return start, start + len(surface), opts
    b = text.find(suffix, start + len(prefix))
    if b == -1:
        raise RecError(f"{what}: suffix {suffix!r} not found after {prefix!r}")
    return start, b + len(suffix), opts


# ---------------------------------------------------------------- building records

class Builder:
    def __init__(self, gold: GoldDocument):
        self.gold = gold
        self.text = gold.text
        self.by_span = {}
        for e in gold.entities:
            self.by_span.setdefault((e.start, e.end), []).append(e)

    def entity(self, start: int, end: int, label: str):
        for e in self.by_span.get((start, end), []):
            if e.label == label:
                return e
        return None

    def grounded(self, spec, kind: str, scope: list[tuple[int, int]], what: str) -> dict | None:
        """kind: text | org | person | date | count | money | doc_ref | enum | int."""
        if spec is None:
            return None
        label = {"org": "ORG", "person": "PERSON", "date": "DATE", "count": "COUNT", "money": "MONEY",
                 "doc_ref": "DOC_REF"}.get(kind)
        exact = (lambda a, b: self.entity(a, b, label) is not None) if label else None
        start, end, opts = locate(self.text, spec, scope, what, exact)
        surface = self.text[start:end]
        value = opts.get("v")
        if label:
            ent = self.entity(start, end, label)
            if ent is None:
                if value is None:
                    raise RecError(f"{what}: no {label} entity at {surface!r}; give v")
            else:
                read = {"ORG": lambda e: e.canonical, "PERSON": lambda e: e.name, "DATE": lambda e: e.value,
                        "COUNT": lambda e: e.value, "MONEY": lambda e: e.value,
                        "DOC_REF": lambda e: f"{e.number}/{e.symbol}"}[label](ent)
                if value is None:
                    value = read
                elif value != read:
                    raise RecError(f"{what}: v {value!r} differs from the {label} entity's {read!r}")
        elif value is None:
            if kind in ("enum", "int"):
                raise RecError(f"{what}: {kind} field needs v: {spec!r}")
            value = surface
        if value is None:
            raise RecError(f"{what}: null value at {surface!r}")
        return {"value": value, "start": start, "end": end, "text": surface}

    def person(self, spec, scope, what) -> dict | None:
        if spec is None:
            return None
        if not isinstance(spec, dict) or "name" not in spec:
            spec = {"name": spec}
        _known(spec, {"name", "role"}, what)
        return {"name": self.grounded(spec["name"], "person", scope, what + ".name"),
                "role": self.grounded(spec.get("role"), "text", scope, what + ".role")}

    def evidence(self, specs, what) -> list[dict]:
        if specs is None:
            raise RecError(f"{what}: no evidence")
        if isinstance(specs, (str, dict)):
            specs = [specs]
        out = []
        for s in specs:
            a, b = locate_evidence(self.text, s)
            out.append({"start": a, "end": b, "text": self.text[a:b]})
        return out

    def report(self, src: dict) -> dict:
        g, w = self.grounded, "report"
        signer = src.get("signer")
        rep = {
            "title": g(src.get("title"), "text", [], w + ".title"),
            "kind": g(src.get("kind"), "enum", [], w + ".kind"),
            "issuer": g(src.get("issuer"), "org", [], w + ".issuer"),
            "date": g(src.get("date"), "date", [], w + ".date"),
            "period": g(src.get("period"), "date", [], w + ".period"),
            "signer": None if signer is None or _known(signer, {"name", "role", "on_behalf_of"}, w) else {
                "name": g(signer["name"], "person", [], w + ".signer.name"),
                "role": g(signer.get("role"), "text", [], w + ".signer.role"),
                "on_behalf_of": g(signer.get("on_behalf_of"), "text", [], w + ".signer.on_behalf_of"),
            },
            "recipients": [g(r, "text", [], w + ".recipients") for r in src.get("recipients") or []],
        }
        _known(src, {"title", "kind", "issuer", "date", "period", "signer", "recipients"}, w)
        return rep

    def meeting(self, src: dict, i: int) -> dict:
        w = f"meetings[{i}]"
        ev = self.evidence(src.get("ev"), w)
        sc = [(e["start"], e["end"]) for e in ev]
        g = self.grounded
        _known(src, {"ev", "kind", "organiser", "date", "date_from_report", "place", "session", "term", "chair",
                     "attendees", "agenda", "decisions"}, w)
        return {
            "evidence": ev, "confidence": 1.0,
            "kind": g(src.get("kind"), "enum", sc, w + ".kind"),
            "organiser": g(src.get("organiser"), "org", sc, w + ".organiser"),
            "date": g(src.get("date"), "date", sc, w + ".date"),
            "date_from_report": bool(src.get("date_from_report", False)),
            "place": g(src.get("place"), "text", sc, w + ".place"),
            "session": g(src.get("session"), "int", sc, w + ".session"),
            "term": g(src.get("term"), "enum", sc, w + ".term"),
            "chair": self.person(src.get("chair"), sc, w + ".chair"),
            "attendees": [self.person(p, sc, w + ".attendees") for p in src.get("attendees") or []],
            "agenda": [g(a, "text", sc, w + ".agenda") for a in src.get("agenda") or []],
            "decisions": list(src.get("decisions") or []),
        }

    def decision(self, src: dict, i: int) -> dict:
        w = f"decisions[{i}]"
        ev = self.evidence(src.get("ev"), w)
        sc = [(e["start"], e["end"]) for e in ev]
        g = self.grounded
        _known(src, {"ev", "action", "object", "people", "decided_by", "date", "doc_refs", "status"}, w)
        return {
            "evidence": ev, "confidence": 1.0,
            "action": g(src.get("action"), "enum", sc, w + ".action"),
            "object": g(src.get("object"), "text", sc, w + ".object"),
            "people": [self.person(p, sc, w + ".people") for p in src.get("people") or []],
            "decided_by": g(src.get("decided_by"), "org", sc, w + ".decided_by"),
            "date": g(src.get("date"), "date", sc, w + ".date"),
            "doc_refs": [g(d, "doc_ref", sc, w + ".doc_refs") for d in src.get("doc_refs") or []],
            "status": src.get("status", "adopted"),
        }

    def support(self, src: dict, i: int) -> dict:
        w = f"support[{i}]"
        ev = self.evidence(src.get("ev"), w)
        sc = [(e["start"], e["end"]) for e in ev]
        g = self.grounded
        _known(src, {"ev", "giver", "count", "who", "items", "amount", "unit_amount", "qualifier", "purpose",
                     "fund", "period", "status", "part_of"}, w)
        rec = {
            "evidence": ev, "confidence": 1.0,
            "giver": g(src.get("giver"), "org", sc, w + ".giver"),
            "beneficiaries": {"count": g(src.get("count"), "count", sc, w + ".count"),
                              "who": g(src.get("who"), "text", sc, w + ".who")},
            "items": g(src.get("items"), "count", sc, w + ".items"),
            "amount": g(src.get("amount"), "money", sc, w + ".amount"),
            "unit_amount": g(src.get("unit_amount"), "money", sc, w + ".unit_amount"),
            "purpose": g(src.get("purpose"), "enum", sc, w + ".purpose"),
            "fund": g(src.get("fund"), "text", sc, w + ".fund"),
            "period": g(src.get("period"), "date", sc, w + ".period"),
            "status": g(src.get("status"), "enum", sc, w + ".status"),
            "part_of": src.get("part_of"),
        }
        if "qualifier" in src:
            rec["qualifier"] = src["qualifier"]
        else:
            rec["qualifier"] = None
            for key, label in (("amount", "MONEY"), ("count", "COUNT"), ("items", "COUNT")):
                ground = rec["beneficiaries"]["count"] if key == "count" else rec[key]
                if ground is not None:
                    ent = self.entity(ground["start"], ground["end"], label)
                    rec["qualifier"] = ent.qualifier if ent is not None else None
                    break
        return rec


def _known(src: dict, keys: set[str], what: str) -> None:
    unknown = set(src) - keys
    if unknown:
        raise RecError(f"{what}: unknown keys {sorted(unknown)}")


def build(doc_id: str) -> GoldDocument:
    path = CORPUS / "gold" / f"{doc_id}.json"
    gold = GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))
    src = yaml.safe_load((SOURCES / f"{doc_id}.yaml").read_text(encoding="utf-8")) or {}
    _known(src, {"record_types", "report", "meetings", "decisions", "support"}, doc_id)
    b = Builder(gold)
    data = gold.model_dump(mode="json")
    data["report"] = b.report(src["report"]) if src.get("report") else None
    data["meetings"] = [b.meeting(m, i) for i, m in enumerate(src.get("meetings") or [])]
    data["decisions"] = [b.decision(d, i) for i, d in enumerate(src.get("decisions") or [])]
    data["support"] = [b.support(s, i) for i, s in enumerate(src.get("support") or [])]
    data["record_types"] = list(src.get("record_types") or RECORD_TYPES)
    new = GoldDocument.model_validate(data)
    if [e.model_dump() for e in new.entities] != [e.model_dump() for e in gold.entities] or new.text != gold.text:
        raise RecError(f"{doc_id}: entities or text changed")
    return new


RECORD_KEYS = ("report", "meetings", "decisions", "support", "record_types")


def write(gold: GoldDocument) -> None:
    """Replace only the record keys of the gold file; every other key stays as it is, in its order."""
    path = CORPUS / "gold" / f"{gold.id}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    dumped = gold.model_dump(mode="json")
    out: dict = {}
    for key, value in raw.items():
        if key == "notes" and "record_types" not in raw:
            out["record_types"] = dumped["record_types"]
        out[key] = dumped[key] if key in RECORD_KEYS else value
    for key in RECORD_KEYS:
        out.setdefault(key, dumped[key])
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- checks

def spans(item, where: str = ""):
    """(where, start, end, text) of every Grounded/Evidence nested in a record."""
    if isinstance(item, BaseModel):
        if all(hasattr(item, k) for k in ("start", "end", "text")):
            yield where, item.start, item.end, item.text
        for name in type(item).model_fields:
            if name in ("start", "end", "text"):
                continue
            yield from spans(getattr(item, name), f"{where}.{name}")
    elif isinstance(item, (list, tuple)):
        for k, x in enumerate(item):
            yield from spans(x, f"{where}[{k}]")


def check(gold: GoldDocument) -> list[str]:
    errors: list[str] = []
    text = gold.text
    raw = json.dumps(gold.model_dump(mode="json"), ensure_ascii=False)
    GoldDocument.model_validate_json(raw)
    unknown = set(gold.record_types) - set(RECORD_TYPES)
    if unknown:
        errors.append(f"record_types {sorted(unknown)}")
    items = [("report", gold.report)] if gold.report else []
    items += [(f"meetings[{i}]", r) for i, r in enumerate(gold.meetings)]
    items += [(f"decisions[{i}]", r) for i, r in enumerate(gold.decisions)]
    items += [(f"support[{i}]", r) for i, r in enumerate(gold.support)]
    for name, rec in items:
        for where, a, b, t in spans(rec, name):
            if not (0 <= a < b <= len(text)) or text[a:b] != t:
                errors.append(f"{where}: {a}:{b} does not slice {t!r}")
            elif t != t.strip():
                errors.append(f"{where}: outer whitespace {t!r}")
        if name != "report":
            if not rec.evidence:
                errors.append(f"{name}: no evidence")
            if rec.confidence != 1.0:
                errors.append(f"{name}: gold confidence {rec.confidence}")
    for i, m in enumerate(gold.meetings):
        for d in m.decisions:
            if not 0 <= d < len(gold.decisions):
                errors.append(f"meetings[{i}].decisions: no decision {d}")
    for i, s in enumerate(gold.support):
        if s.part_of is not None and not (0 <= s.part_of < len(gold.support) and s.part_of != i):
            errors.append(f"support[{i}].part_of {s.part_of}")
    if gold.report and gold.report.date and gold.report.date.value != gold.report_date:
        errors.append(f"report.date {gold.report.date.value} != report_date {gold.report_date}")
    return errors


def outside_evidence(gold: GoldDocument) -> list[str]:
    """Fields grounded outside their record's evidence (allowed, listed for the re-read)."""
    out = []
    for kind in ("meetings", "decisions", "support"):
        for i, rec in enumerate(getattr(gold, kind)):
            ev = [(e.start, e.end) for e in rec.evidence]
            for where, a, b, t in spans(rec, f"{kind}[{i}]"):
                if ".evidence" in where:
                    continue
                if not any(x <= a and b <= y for x, y in ev):
                    out.append(f"{where} {t!r} outside the evidence")
    return out


# ---------------------------------------------------------------- showing

def show(gold: GoldDocument) -> None:
    def fmt(x, indent="   "):
        if x is None:
            return
        d = x.model_dump(mode="json")
        for k, v in d.items():
            if k == "evidence":
                for e in v:
                    print(f"{indent}EVIDENCE [{e['start']}:{e['end']}] {e['text']!r}")
            elif v in (None, [], False):
                continue
            elif isinstance(v, dict) and "value" in v:
                print(f"{indent}{k}: {v['value']!r}  <- {v['text']!r} @{v['start']}")
            elif isinstance(v, list) and v and isinstance(v[0], dict) and "value" in v[0]:
                for g in v:
                    print(f"{indent}{k}: {g['value']!r}  <- {g['text']!r} @{g['start']}")
            elif isinstance(v, list) and v and isinstance(v[0], dict):
                for p in v:
                    print(f"{indent}{k}: " + " | ".join(f"{kk}={vv['value']!r}" for kk, vv in p.items() if vv))
            elif isinstance(v, dict):
                print(f"{indent}{k}: " + " | ".join(
                    f"{kk}={vv['value']!r}<-{vv['text']!r}" for kk, vv in v.items() if isinstance(vv, dict)))
            else:
                print(f"{indent}{k}: {v!r}")
    print(f"== {gold.id} record_types={gold.record_types} report_date={gold.report_date}")
    print("-- report")
    fmt(gold.report)
    for kind in ("meetings", "decisions", "support"):
        for i, rec in enumerate(getattr(gold, kind)):
            print(f"-- {kind}[{i}]")
            fmt(rec)
    for line in outside_evidence(gold):
        print("   note: " + line)


def ids(args: list[str]) -> list[str]:
    if args:
        return [Path(a).stem for a in args]
    return sorted(p.stem for p in (CORPUS / "gold").glob("*.json"))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    status = 0
    if cmd == "build":
        todo = [Path(a).stem for a in args] or sorted(p.stem for p in SOURCES.glob("*.yaml"))
        for doc_id in todo:
            try:
                gold = build(doc_id)
            except (RecError, KeyError, ValueError) as err:
                print(f"ERROR {doc_id}: {err}")
                status = 1
                continue
            errs = check(gold)
            if errs:
                print(f"ERROR {doc_id}:\n  " + "\n  ".join(errs))
                status = 1
                continue
            write(gold)
            print(f"wrote {doc_id}: meetings {len(gold.meetings)}, decisions {len(gold.decisions)}, "
                  f"support {len(gold.support)}")
        return status
    if cmd == "check":
        n = 0
        for doc_id in ids(args):
            raw = (CORPUS / "gold" / f"{doc_id}.json").read_text(encoding="utf-8")
            gold = GoldDocument.model_validate_json(raw)
            n += 1
            errs = check(gold)
            if not gold.record_types:
                errs.append("no record_types")
            if errs:
                status = 1
                print(f"ERROR {doc_id}:\n  " + "\n  ".join(errs))
        print(f"checked records of {n} gold files: {'ok' if status == 0 else 'errors'}")
        return status
    if cmd == "show":
        for doc_id in ids(args):
            show(GoldDocument.model_validate_json((CORPUS / "gold" / f"{doc_id}.json").read_text(encoding="utf-8")))
        return 0
    if cmd == "stats":
        counts: Counter = Counter()
        for doc_id in ids(args):
            g = GoldDocument.model_validate_json((CORPUS / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))
            counts[(g.split, "documents")] += 1
            counts[(g.split, "with record_types")] += bool(g.record_types)
            counts[(g.split, "report")] += g.report is not None
            for kind in ("meetings", "decisions", "support"):
                counts[(g.split, kind)] += len(getattr(g, kind))
        for split in ("dev", "test"):
            print(split, {k: v for (s, k), v in counts.items() if s == split})
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
