"""References to legal and administrative documents (label ``DOC_REF``).

Public API: :func:`find_docrefs`. It works on the *normalised* text (NFC, unusual
spaces folded, dashes folded to ``-``). Kinds and their codes live in
``resources/doc_kinds.yaml``, the surrounding words in ``resources/docref_words.yaml``;
the date word and the date itself come from :mod:`extractor.dates` (one date parser).

Recognised shapes
-----------------
* State style ``NUMBER/[YEAR/]CODE-ISSUER``: ``722/QĐ-LĐLĐ``, ``68/NQ - CP``,
  ``145/2020/NĐ-CP`` (the year goes to ``year``, not into ``symbol``).
* Party style ``NUMBER-CODE/ISSUER``: ``02-NQ/TW``, ``20-CT/TU``, ``01-KL/TW``.
* No kind code ``NUMBER/ISSUER``: ``Công văn số 45/LĐLĐ`` (only after a kind word or a
  ``Số:`` label: alone, ``3/TW`` is too weak).
* Number only, after a kind word: ``Chỉ thị số 05``, ``Quyết định 217 của Bộ Chính trị``
  (without ``số`` the number must be followed by ``của`` or a date clause and not be four
  digits, since kind words are also verbs and nouns: ``quyết định 3 vấn đề``, ``kế hoạch
  5 năm``, ``Kế hoạch 2021 của tỉnh``).
* Laws cited by title before their number: ``Luật Công đoàn số 50/2024/QH15`` (the span
  starts at ``Luật``). A law cited by title and year only (``Luật Công đoàn năm 2012``)
  names no document number and is not a reference (corpus/README.md, DOC_REF).

Span conventions (``text[start:end]``)
--------------------------------------
* From the kind word when there is one (``quyết định``, ``Nghị quyết số``: ``số`` and
  ``Số:`` after a kind word are inside), else from the number (``Số: 123/BC-LĐLĐ`` ->
  ``123/BC-LĐLĐ``), through the symbol,
* extended through an attached date clause (``, ngày 12/6/2021``, `` ngày 6.3.2020``,
  ``, ngày ngày 17/7/2007``, `` ngày 28 tháng 7 năm 2021``). ``date_start``/``date_end``
  are then the offsets of that date, exactly the span :func:`extractor.dates.find_dates`
  gives it (so ``ngày`` is outside for numeric dates, inside for worded ones).

Attributes
----------
``kind`` (canonical, e.g. ``Quyết định``; from the kind word, else the symbol's code, else
None), ``number`` (as written: ``722``, ``02``, ``7c``), ``symbol`` (spaces removed,
year left out: ``QĐ-LĐLĐ``, ``NQ/TW``), ``issuer`` (the symbol after the kind code:
``LĐLĐ``, ``TW``, ``CP``; the whole symbol when it has no code), ``year`` (``145/2020/...``
-> 2020), ``date`` (ISO, or None when the clause has no
year), ``date_start``, ``date_end``. These keys and no others: the pipeline passes them
to the ``DocRefEntity`` schema (``year``/``date_start``/``date_end`` being internal).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from extractor.data import load_resource
from extractor.dates import day_words, find_dates
from extractor.found import Found
from extractor.spelling import SpellingVariants, WrittenIndex, alternatives, compile_spelling

__all__ = ["find_docrefs"]

LABEL = "DOC_REF"
KINDS_RESOURCE = "doc_kinds.yaml"  # in extractor/resources/
WORDS_RESOURCE = "docref_words.yaml"

# Upper-case letters of the Latin script, Vietnamese ones included (Đ, Ư, Ế ...):
# symbols are written in capitals, and ``re`` has no \p{Lu}.
_UPPER = "".join(
    ch for cp in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)) if (ch := chr(cp)).isupper()
)
_U = f"[{_UPPER}]"
# One symbol part: at least two capitals, possibly one ASCII small letter inside or at the
# end ("TTg", "QĐi", "QyĐ", "CTr"), possibly trailing digits ("QH13"). "Bộ", "Ban" fail.
# Written so that no two quantifiers compete for the same letters (no backtracking blow-up
# on long runs of capitals).
_TOKEN = rf"(?={_U}[a-z]?{_U}){_U}+(?:[a-z]{_U}*)?[0-9]*(?!\w)"
# Whitespace inside a reference: spaces, or one line break (PDF wrapping), never a blank line.
_WS = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
# Document numbers: "722", "02", "7c".
_NUMBER = r"[0-9]{1,5}[a-zđ]?(?!\w)"


@dataclass(frozen=True)
class _Data:
    kind_by_word: dict[str, str]
    kind_by_code: dict[str, str]
    titled_words: tuple[str, ...]
    words: dict[str, tuple[str, ...]]

    @cached_property
    def kinds(self) -> WrittenIndex[str]:
        """Kind words as written (``quyết định``, ``Quyet dinh``) -> canonical kind."""
        return WrittenIndex(self.kind_by_word.items())

    @cached_property
    def codes(self) -> WrittenIndex[str]:
        """Type codes as written in a symbol (``QĐ``, or ``QD`` without its stroke) -> kind."""
        return WrittenIndex(self.kind_by_code.items(), case_sensitive=True)


def _key(word: str) -> str:
    return " ".join(word.casefold().split())


def _load() -> _Data:
    by_word: dict[str, str] = {}
    by_code: dict[str, str] = {}
    titled: list[str] = []
    for entry in load_resource(KINDS_RESOURCE):
        for w in entry["words"]:
            by_word[_key(w)] = entry["kind"]
            if entry.get("titled"):
                titled.append(w)
        for code in entry.get("codes") or ():
            by_code[code] = entry["kind"]
    words: dict[str, list[str]] = {}
    for entry in load_resource(WORDS_RESOURCE):
        words.setdefault(entry["role"], []).extend(entry["words"])
    return _Data(by_word, by_code, tuple(titled), {k: tuple(v) for k, v in words.items()})


def _alt(words: Iterable[str], damaged: bool = False) -> str:
    """A non-capturing alternation, longest first; a space matches any run of spaces.

    ``damaged`` accepts the words with diacritics damaged by OCR (``Nghị quyêt số``): kind
    words and ``số`` stand before a document number, which makes them certain.
    """
    phrases = sorted({" ".join(w.split()) for w in words if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(alternatives(p, _WS, damaged=damaged) for p in phrases) + ")"


@dataclass(frozen=True, slots=True)
class _Patterns:
    kind_ref: re.Pattern[str]
    bare_ref: re.Pattern[str]
    titled: re.Pattern[str]
    number_label_before: re.Pattern[str]
    follower: re.Pattern[str]
    bad_number_tail: re.Pattern[str]
    clause_lead: re.Pattern[str]
    day_word: re.Pattern[str]


def _compile(d: _Data, unaccented: bool = False) -> _Patterns:
    """The regexes for text with diacritics, or (``unaccented``) for text typed without."""
    kinds = _alt(d.kind_by_word, damaged=True)
    number_word = _alt(d.words["number_word"], damaged=True)
    codes = "(?:" + "|".join(alternatives(code) for code in sorted(d.kind_by_code, key=len, reverse=True)) + ")"
    symbol = (
        # state style: /[YEAR/]CODE-ISSUER, spaces tolerated around "/" and "-"
        rf"(?:[ ]*/[ ]*(?:(?P<year>[0-9]{{4}})[ ]*/[ ]*)?(?P<sym>{_TOKEN}(?:[ ]*-[ ]*{_TOKEN})*)"
        # party style: -CODE/ISSUER
        rf"|-(?P<pcode>{codes})(?!\w)[ ]*/[ ]*(?P<piss>{_TOKEN}(?:-{_TOKEN})*))"
    )
    title_word = rf"(?!(?i:{_alt(d.words['title_breaker'])})(?!\w))[^\W\d_]+"
    def c(source: str, flags: int = 0) -> re.Pattern[str]:
        return compile_spelling(source, flags, unaccented=unaccented)

    return _Patterns(
        kind_ref=c(
            rf"(?<!\w)(?P<kw>(?i:{kinds}))(?!\w)"
            rf"(?:{_WS}(?P<so>(?i:{number_word}))(?!\w))?(?:[ \t]*:)?{_WS}?"
            rf"(?P<num>{_NUMBER}){symbol}?"
        ),
        bare_ref=c(rf"(?<![\w/.,-])(?P<num>{_NUMBER}){symbol}"),
        # "Luật Công đoàn số": a law cited by its title before its number.
        titled=c(
            rf"(?<!\w)(?P<kw>(?i:{_alt(d.titled_words)}))[ \t]+"
            rf"(?P<title>{_U}[^\W\d_]*(?:,?[ \t]+{title_word}){{0,6}}?)[ \t]+"
            rf"(?i:{number_word})[ \t]*:?[ \t]*\Z"
        ),
        number_label_before=c(rf"(?<!\w)(?i:{number_word})[ \t]*:?[ \t]*\Z"),
        follower=c(rf"{_WS}(?i:{_alt(d.words['number_only_follower'])})(?!\w)"),
        # "Quyết định 12/6/2021", "báo cáo 1.500", "chỉ thị 2-3", "kết luận 90%": not numbers.
        bad_number_tail=c(r"[.,/:-]?[0-9]|[ \t]*%"),
        clause_lead=c(r"[ \t]*,?[ \t]*"),
        day_word=c(rf"(?i:{_alt(day_words())})(?!\w)[ \t]+"),
    )


_DATA = _load()
# ``thang 7 nam 2021``, ``Quyet dinh so 722`` hold only in text without diacritics.
_PATTERNS = SpellingVariants(lambda unaccented: _compile(_DATA, unaccented=unaccented))


@dataclass(slots=True)
class _Ref:
    start: int
    end: int
    attrs: dict[str, Any]


def _empty_attrs() -> dict[str, Any]:
    return dict.fromkeys(
        ("kind", "number", "symbol", "issuer", "year", "date", "date_start", "date_end")
    )


def _symbol_attrs(m: re.Match[str]) -> dict[str, Any] | None:
    """kind-from-code, symbol, issuer and year of a matched symbol (None if there is none)."""
    if m["pcode"]:
        return {"code_kind": _DATA.codes.get(m["pcode"]), "symbol": f"{m['pcode']}/{m['piss']}",
                "issuer": m["piss"], "year": None}
    if m["sym"]:
        symbol = re.sub(r"\s+", "", m["sym"])
        first, _, rest = symbol.partition("-")
        if first in _DATA.codes:
            code_kind, issuer = _DATA.codes.get(first), rest or None
        else:
            code_kind, issuer = None, symbol
        return {"code_kind": code_kind, "symbol": symbol, "issuer": issuer,
                "year": int(m["year"]) if m["year"] else None}
    return None


def _attach_date(p: _Patterns, text: str, ref: _Ref, dates: dict[int, Found]) -> None:
    """Extend ``ref`` over ``[,] ngày <date>`` right after it (``ngày`` may be doubled)."""
    pos = p.clause_lead.match(text, ref.end).end()
    consumed = 0
    while True:
        found = dates.get(pos)
        if found is not None and (consumed or p.day_word.match(text, pos)):
            ref.end = found.end
            ref.attrs.update(date=found.attrs["value"], date_start=found.start, date_end=found.end)
            return
        word = p.day_word.match(text, pos)
        if word is None:
            return
        pos, consumed = word.end(), consumed + 1


def _numbered(p: _Patterns, text: str, dates: dict[int, Found]) -> Iterator[_Ref]:
    matches = [*p.kind_ref.finditer(text), *p.bare_ref.finditer(text)]
    for m in matches:
        kw = m.groupdict().get("kw")
        sym = _symbol_attrs(m)
        attrs = _empty_attrs()
        attrs["number"] = m["num"]
        if sym is not None:
            if kw is None and sym["code_kind"] is None and not p.number_label_before.search(
                text, max(0, m.start() - 20), m.start()
            ):
                continue  # "3/TW" alone: no kind word, no code, no "Số:" label
            attrs.update(symbol=sym["symbol"], issuer=sym["issuer"], year=sym["year"])
        attrs["kind"] = _DATA.kinds.get(kw) if kw else (sym or {}).get("code_kind")
        start = m.start()
        if kw is None:
            title = p.titled.search(text, max(0, m.start() - 80), m.start())
            if title is not None:
                start, attrs["kind"] = title.start(), _DATA.kinds.get(title["kw"])
        ref = _Ref(start, m.end(), attrs)
        _attach_date(p, text, ref, dates)
        if sym is None and not _number_only_ok(p, text, m, ref):
            continue
        yield ref


def _number_only_ok(p: _Patterns, text: str, m: re.Match[str], ref: _Ref) -> bool:
    """A kind word with a bare number: "Chỉ thị số 05", "Quyết định 217 của ..."."""
    if p.bad_number_tail.match(text, m.end()):
        return False
    if not m["so"] and len(m["num"]) == 4:
        return False  # "Kế hoạch 2021 của tỉnh": the 2021 plan, not plan no. 2021
    return bool(m["so"]) or ref.attrs["date_start"] is not None or bool(
        p.follower.match(text, m.end())
    )


def _select(refs: list[_Ref]) -> list[_Ref]:
    """Longest first; drop any that overlaps one already kept."""
    starts: list[int] = []  # kept spans, sorted and disjoint
    ends: list[int] = []
    kept: dict[int, _Ref] = {}
    for r in sorted(refs, key=lambda r: (r.start - r.end, r.start)):
        i = bisect.bisect_right(starts, r.start)
        if (i and ends[i - 1] > r.start) or (i < len(starts) and starts[i] < r.end):
            continue
        starts.insert(i, r.start)
        ends.insert(i, r.end)
        kept[r.start] = r
    return [kept[s] for s in starts]


def find_docrefs(text: str) -> list[Found]:
    """Every document reference in ``text``, sorted, non-overlapping.

    >>> t = "theo đề án 818/ĐA-LĐLĐ ngày 25.6.2020 về kiện toàn"
    >>> f = find_docrefs(t)[0]
    >>> t[f.start:f.end], f.attrs["kind"], f.attrs["number"], f.attrs["issuer"], f.attrs["date"]
    ('đề án 818/ĐA-LĐLĐ ngày 25.6.2020', 'Đề án', '818', 'LĐLĐ', '2020-06-25')
    >>> f = find_docrefs("nhất là Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị")[0]
    >>> f.attrs["number"], f.attrs["symbol"], f.attrs["issuer"]
    ('02', 'NQ/TW', 'TW')
    >>> find_docrefs("Quyết định công nhận kết quả; Nghị quyết Đại hội XIII; cơ sở số 2")
    []
    """
    dates = {f.start: f for f in find_dates(text)}
    refs = list(_numbered(_PATTERNS.for_text(text), text, dates))
    return [Found(LABEL, r.start, r.end, r.attrs) for r in _select(refs)]
