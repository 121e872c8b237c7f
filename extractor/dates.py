"""Dates and calendar periods in Vietnamese report text (label ``DATE``).

Public API: :func:`find_dates` (every date in a text) and :func:`parse_date` (one date
string). Both work on the *normalised* text (NFC, unusual spaces folded to U+0020,
dash variants folded to ``-``). Vocabulary (``ngày``, ``tháng``, ``quý`` ...) lives in
``resources/dates.yaml``; the regexes are built from it once, at import.

Values
------
``value`` is ISO-like: ``2021-07-28`` (precision ``day``), ``2021-07`` (``month``),
``2021`` (``year``), ``2020-Q3`` (``quarter``), ``2017-H1`` (``half``). When the text gives
no year (``ngày 28/7``, ``tháng 7``, ``6 tháng đầu năm``) ``value`` is ``None`` and the
parsed parts in ``year``/``month``/``day``/``part`` let the caller complete it from the
report's own date. ``part`` is the quarter (1-4) or half (1-2) number, else ``None``.
``time`` is ``"HH:MM"`` when a clock time is written next to the date.

Span conventions (``text[start:end]``)
--------------------------------------
* The span is the date expression itself.
* Numeric forms leave the word ``ngày`` out: ``ngày 25.6.2020`` -> ``25.6.2020``;
  ``Chiều ngày 05/01/2024`` -> ``05/01/2024``; yearless ``ngày 28/7`` -> ``28/7``.
* The fully worded form keeps it: ``ngày 28 tháng 07 năm 2021`` and
  ``Ngày 28 tháng 07 năm 2021`` are spanned whole (``mồng``/``mùng`` too).
* Calendar words are kept: ``tháng 7/2021``, ``tháng 7 năm 2021``, ``năm 2021``,
  ``quý III/2020``, ``6 tháng đầu năm 2017``, ``6 tháng cuối năm 2021``.
* A weekday written right before the date (``Thứ năm, ``) and a clock time right after
  (`` 22:43``) or right before (``17:30 ``) belong to the span; the time goes to ``time``.
* Each end of a range is its own DATE: ``(30/4/1975 - 30/4/2024)`` gives two.
* ``Tháng Công nhân năm 2021`` gives only ``năm 2021``; ``đầu năm 2021`` / ``cuối năm
  2021`` give ``năm 2021`` (precision year: "early"/"late" has no ISO form).

Not dates
---------
Bare 4-digit years (``2021`` without ``năm``), year ranges and terms (``nhiệm kỳ
2018-2023``, ``năm học 2020 - 2021``, ``năm 2021-2025``), thousands-separated numbers
(``2.500``, ``1.500.000``), document numbers (``145/2020/NĐ-CP``), impossible dates
(``31/2/2020``), durations (``92 năm``, ``6 tháng``), ``COVID-19``, a yearless ``2/3``
without a date word before it, and ``d.m.yy`` with a dot (section numbers).

Two-digit years are ``20yy``, or ``19yy`` when ``yy`` is greater than the current
two-digit year plus one (``08-01-24`` -> 2024-01-08). Day comes first, always.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from extractor.data import load_resource
from extractor.found import Found
from extractor.spelling import SpellingVariants, alternatives, compile_spelling

__all__ = ["day_words", "find_dates", "parse_date", "year_words"]

LABEL = "DATE"
RESOURCE = "dates.yaml"  # in extractor/resources/

# How far back a context word (ngày, Thứ năm, 17:30 ...) before a date is looked for.
_WINDOW = 40

# Two-digit years up to this are 20yy, above it 19yy ("08-01-24" -> 2024).
_YY_PIVOT = date.today().year % 100 + 1

# ASCII digits only: `\d` would also accept Arabic-Indic or full-width digits.
_DG = "[0-9]"
# End-of-number guard: no letter/digit, and no ".5"/",5"/"/5" continuing the number
# (so a date never ends inside "1.500.000" or "145/2020/NĐ-CP").
_END = rf"(?!\w)(?![.,/]{_DG})"
# Start-of-number guard: not glued to a word, not the tail of "1.500" or "145/2020".
_START = rf"(?<!\w)(?<!{_DG}[.,/])"


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Vocab:
    """The parsed ``dates.yaml``."""

    settings: dict[str, Any]
    roles: dict[str, tuple[str, ...]]
    values: dict[str, dict[str, int]]


def _load_vocab() -> _Vocab:
    """Read ``dates.yaml`` (roles may repeat: their words are merged)."""
    data = load_resource(RESOURCE)
    roles: dict[str, list[str]] = {}
    values: dict[str, dict[str, int]] = {}
    for entry in data["vocabulary"]:
        roles.setdefault(entry["role"], []).extend(str(w) for w in entry["words"])
        for k, v in (entry.get("values") or {}).items():
            values.setdefault(entry["role"], {})[str(k).casefold()] = int(v)
    return _Vocab(
        settings=dict(data["settings"]),
        roles={k: tuple(v) for k, v in roles.items()},
        values=values,
    )


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of phrases, longest first; spaces match any whitespace.

    Date words stand next to digits (``tháng 7``, ``năm 2021``), which makes them certain
    even with their diacritics damaged by OCR (``nam 2021``, ``Thứ tu``).
    """
    phrases = sorted({" ".join(w.split()) for w in words if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(alternatives(p, r"\s+", damaged=True) for p in phrases) + ")"


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@dataclass(frozen=True, slots=True)
class _Patterns:
    """Regexes compiled from the vocabulary (built once at import)."""

    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    yearless: re.Pattern[str]
    worded: re.Pattern[str]
    month: re.Pattern[str]
    quarter: re.Pattern[str]
    half: re.Pattern[str]
    year: re.Pattern[str]
    year_range_tail: re.Pattern[str]
    time_after: re.Pattern[str]
    time_before: re.Pattern[str]
    weekday_before: re.Pattern[str]
    yearless_context: re.Pattern[str]
    range_link: re.Pattern[str]
    duration_before: re.Pattern[str]
    month_blocker_before: re.Pattern[str]
    day_lead: re.Pattern[str]
    value: re.Pattern[str]


def _compile(v: _Vocab, unaccented: bool = False) -> _Patterns:
    """The regexes for text with diacritics, or (``unaccented``) for text typed without."""
    r = v.roles
    flags = re.IGNORECASE
    seps = _class(v.settings["numeric_separators"])
    day, month, year = _alt(r["day_word"]), _alt(r["month_word"]), _alt(r["year_word"])
    y4 = f"{_DG}{{4}}"
    d12 = f"{_DG}{{1,2}}"
    # "7 năm 2021", "7, năm 2021", "Tháng 7 2017"; a comma needs the year word after it.
    # (Each run of spaces is matched by one quantifier only: no quadratic backtracking.)
    year_tail = rf"(?:(?:(?:\s*,)?\s*{year}\s+|\s+)(?P<y2>{y4}){_END})"
    slash_year = rf"(?:\s*[/.-]\s*(?P<y1>{y4}){_END})"
    time = rf"(?P<hh>{d12})[:h](?P<mm>{_DG}{{2}})"
    def c(source: str, flags: int = 0) -> re.Pattern[str]:
        return compile_spelling(source, flags, unaccented=unaccented)

    return _Patterns(
        numeric=c(
            rf"{_START}(?P<d>{d12})(?P<sep>{seps})(?P<m>{d12})(?P=sep)"
            rf"(?P<y>{y4}|{_DG}{{2}}){_END}",
            flags,
        ),
        iso=c(rf"{_START}(?P<y>{y4})-(?P<m>{_DG}{{2}})-(?P<d>{_DG}{{2}}){_END}", flags),
        yearless=c(rf"{_START}(?P<d>{d12})(?P<sep>{seps})(?P<m>{d12}){_END}", flags),
        worded=c(
            rf"(?<!\w)(?:(?P<dw>{day})\s+)?(?:(?P<pre>{_alt(r['day_prefix'])})\s+)?"
            rf"(?<![.,])(?P<d>{d12})\s+{month}\s+(?P<m>{d12}){_END}{year_tail}?",
            flags,
        ),
        month=c(
            rf"(?<!\w){month}\s+(?P<m>{d12})(?!\w)(?:{slash_year}|{year_tail}|{_END})", flags
        ),
        quarter=c(
            rf"(?<!\w){_alt(r['quarter_word'])}\s+(?P<q>{_alt(r['quarter_number'])}|[1-4])"
            rf"(?!\w)(?:{slash_year}|{year_tail}|{_END})",
            flags,
        ),
        half=c(
            rf"(?<!\w)(?<![.,])"
            rf"(?:(?P<h1>{_alt(r['first_half'])})|(?P<h2>{_alt(r['second_half'])}))"
            rf"(?!\w)(?:\s+(?P<y>{y4}){_END})?",
            flags,
        ),
        year=c(rf"(?<!\w){year}\s+(?P<y>{y4}){_END}", flags),
        # "năm 2018-2023", "năm 2020 - 2021": a term, not a year.
        year_range_tail=c(rf"\s*-\s*{y4}(?!\w)", flags),
        # "24/10/2020 16:45", "24/10/2020, 16:45", "Thứ Bảy, 24/10/2020 - 16:45" (a web page's stamp)
        time_after=c(rf"(?:[ \t]*[,-][ \t]*|[ \t]+){time}{_END}(?!:)", flags),
        time_before=c(rf"(?<![\w:.,]){time}(?:[ \t]*,[ \t]*|[ \t]+)\Z", flags),
        weekday_before=c(rf"(?<!\w){_alt(r['weekday'])}(?:[ \t]*,[ \t]*|[ \t]+)\Z", flags),
        yearless_context=c(rf"(?<!\w){_alt(r['yearless_context'])}\s+\Z", flags),
        range_link=c(rf"\s*(?:-|{_alt(r['range_word'])}(?!\w))\s*", flags),
        # "6 tháng", "3 tháng 7 ngày": a number right before the month word = a duration.
        duration_before=c(rf"(?<![0-9]){_DG}{{1,3}}\s*\Z", flags),
        month_blocker_before=c(rf"(?<!\w){_alt(r['month_blocker'])}\s+\Z", flags),
        day_lead=c(rf"(?:{day}\s+)*", flags),
        # The value formats themselves, for parse_date: 2021-07-28, 2021-07, 2021, 2020-Q3, 2017-H1.
        value=c(
            rf"(?P<y>{y4})"
            rf"(?:-(?P<m>{_DG}{{2}})(?:-(?P<d>{_DG}{{2}}))?|-Q(?P<q>[1-4])|-H(?P<h>[12]))?"
        ),
    )


_VOCAB = _load_vocab()
# ``thang 7 nam 2021``, ``Quyet dinh so 722`` hold only in text without diacritics.
_PATTERNS = SpellingVariants(lambda unaccented: _compile(_VOCAB, unaccented=unaccented))
_MIN_YEAR = int(_VOCAB.settings["min_year"])
_MAX_YEAR = int(_VOCAB.settings["max_year"])
_TWO_DIGIT_SEPS = frozenset(_VOCAB.settings["two_digit_year_separators"])
_QUARTERS = _VOCAB.values["quarter_number"]


def day_words() -> tuple[str, ...]:
    """The words that introduce a day (``ngày``), for recognisers that sit around dates.

    >>> "ngày" in day_words()
    True
    """
    return _VOCAB.roles["day_word"]


def year_words() -> tuple[str, ...]:
    """The words that introduce a calendar year (``năm``).

    >>> "năm" in year_words()
    True
    """
    return _VOCAB.roles["year_word"]


# ---------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    precision: str
    year: int | None
    month: int | None = None
    day: int | None = None
    part: int | None = None
    time: str | None = None
    core: tuple[int, int] | None = None  # the span before weekday/time were attached

    def found(self) -> Found:
        return Found(LABEL, self.start, self.end, {
            "value": _value(self.precision, self.year, self.month, self.day, self.part),
            "precision": self.precision,
            "time": self.time,
            "year": self.year,
            "month": self.month,
            "day": self.day,
            "part": self.part,
        })


def _value(
    precision: str, y: int | None, m: int | None, d: int | None, part: int | None
) -> str | None:
    """The ISO-like value of parsed parts, None without a year."""
    if y is None:
        return None
    if precision == "day":
        return f"{y:04d}-{m:02d}-{d:02d}"
    if precision == "month":
        return f"{y:04d}-{m:02d}"
    if precision == "quarter":
        return f"{y:04d}-Q{part}"
    if precision == "half":
        return f"{y:04d}-H{part}"
    return f"{y:04d}"


def _year4(s: str | None) -> int | None:
    """A written 4-digit year, or None when absent or out of the plausible range."""
    if s is None:
        return None
    y = int(s)
    return y if _MIN_YEAR <= y <= _MAX_YEAR else None


def _year_any(s: str) -> int | None:
    """A 4-digit or 2-digit year (``24`` -> 2024, ``98`` -> 1998)."""
    if len(s) == 2:
        yy = int(s)
        return 1900 + yy if yy > _YY_PIVOT else 2000 + yy
    return _year4(s)


def _ends_with(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """Match a ``...\\Z`` pattern against the few characters before ``pos``.

    The search starts a short window back (a context word and its spaces), so the cost
    does not grow with the length of the document; lookbehinds still see the full text.
    """
    return pattern.search(text, max(0, pos - _WINDOW), pos)


def _valid_day(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    # Without a year, 29 February is allowed (it exists in some year).
    return d <= calendar.monthrange(y if y is not None else 2000, m)[1]


def _numeric(p: _Patterns, text: str) -> Iterator[_Cand]:
    for mt in p.numeric.finditer(text):
        ys = mt["y"]
        if len(ys) == 2 and mt["sep"] not in _TWO_DIGIT_SEPS:
            continue
        y, m, d = _year_any(ys), int(mt["m"]), int(mt["d"])
        if y is not None and _valid_day(y, m, d):
            yield _Cand(mt.start(), mt.end(), "day", y, m, d)
    for mt in p.iso.finditer(text):
        y, m, d = _year4(mt["y"]), int(mt["m"]), int(mt["d"])
        if y is not None and _valid_day(y, m, d):
            yield _Cand(mt.start(), mt.end(), "day", y, m, d)


def _yearless(p: _Patterns, text: str, full_starts: set[int], standalone: bool) -> Iterator[_Cand]:
    for mt in p.yearless.finditer(text):
        m, d = int(mt["m"]), int(mt["d"])
        if not _valid_day(None, m, d):
            continue
        s, e = mt.span()
        in_context = (
            # standing alone (parse_date), "28/7" is a date but "1.2" still reads as a decimal
            (standalone and mt["sep"] != ".")
            or _ends_with(p.yearless_context, text, s) is not None
            or _links_to(p, text, e, full_starts)
        )
        if in_context:
            yield _Cand(s, e, "day", None, m, d)


def _links_to(p: _Patterns, text: str, pos: int, starts: set[int]) -> bool:
    """Whether ``text[pos:]`` is ``- `` / `` đến `` followed by a full date."""
    link = p.range_link.match(text, pos)
    return link is not None and link.end() in starts


def _worded(p: _Patterns, text: str) -> Iterator[_Cand]:
    for mt in p.worded.finditer(text):
        m, d = int(mt["m"]), int(mt["d"])
        y = _year4(mt["y2"])
        if mt["y2"] is not None and y is None:
            continue
        if not _valid_day(y, m, d):
            continue
        if not (mt["dw"] or mt["pre"] or y is not None
                or _ends_with(p.weekday_before, text, mt.start()) is not None):
            continue  # "sau 04 tháng 7 ..." without ngày/year is too weak
        yield _Cand(mt.start(), mt.end(), "day", y, m, d)


def _months(p: _Patterns, text: str) -> Iterator[_Cand]:
    for mt in p.month.finditer(text):
        m = int(mt["m"])
        ys = mt["y1"] or mt["y2"]
        y = _year4(ys)
        if not 1 <= m <= 12 or (ys is not None and y is None):
            continue
        if ys is None and (
            _ends_with(p.duration_before, text, mt.start()) is not None
            or _ends_with(p.month_blocker_before, text, mt.start()) is not None
        ):
            continue
        yield _Cand(mt.start(), mt.end(), "month", y, m)


def _quarters(p: _Patterns, text: str) -> Iterator[_Cand]:
    for mt in p.quarter.finditer(text):
        q = mt["q"]
        part = int(q) if q.isdigit() else _QUARTERS.get(q.casefold())
        ys = mt["y1"] or mt["y2"]
        y = _year4(ys)
        if part is None or (ys is not None and y is None):
            continue
        yield _Cand(mt.start(), mt.end(), "quarter", y, part=part)


def _halves(p: _Patterns, text: str) -> Iterator[_Cand]:
    for mt in p.half.finditer(text):
        y = _year4(mt["y"])
        end = mt.end() if y is not None else mt.end("h1" if mt["h1"] else "h2")
        yield _Cand(mt.start(), end, "half", y, part=1 if mt["h1"] else 2)


def _years(p: _Patterns, text: str) -> Iterator[_Cand]:
    for mt in p.year.finditer(text):
        y = _year4(mt["y"])
        if y is None or p.year_range_tail.match(text, mt.end()):
            continue
        yield _Cand(mt.start(), mt.end(), "year", y)


def _attach_time_and_weekday(p: _Patterns, text: str, c: _Cand) -> None:
    """Grow the span over an adjacent clock time (after, else before) and a weekday."""
    c.core = (c.start, c.end)
    after = p.time_after.match(text, c.end)
    if after and int(after["hh"]) < 24 and int(after["mm"]) < 60:
        c.time = f"{int(after['hh']):02d}:{after['mm']}"
        c.end = after.end()
    else:
        before = _ends_with(p.time_before, text, c.start)
        if before and int(before["hh"]) < 24 and int(before["mm"]) < 60:
            c.time = f"{int(before['hh']):02d}:{before['mm']}"
            c.start = before.start()
    weekday = _ends_with(p.weekday_before, text, c.start)
    if weekday:
        c.start = weekday.start()


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest candidates first; drop any that overlaps one already kept."""
    starts: list[int] = []  # kept spans, sorted and disjoint
    ends: list[int] = []
    kept: dict[int, _Cand] = {}
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        i = bisect.bisect_right(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            if c.core is None or c.core == (c.start, c.end):
                continue
            # "12/6/2021 10:00 13/6/2021": the time went to the first date; keep the
            # second one without it rather than lose it.
            c.start, c.end = c.core
            c.time = None
            i = bisect.bisect_right(starts, c.start)
            if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
                continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept[c.start] = c
    return [kept[s] for s in starts]


def _scan(text: str, standalone: bool = False) -> list[_Cand]:
    p = _PATTERNS.for_text(text)
    full = list(_numeric(p, text))
    starts = {c.start for c in full}
    cands = [
        *full,
        *_yearless(p, text, starts, standalone),
        *_worded(p, text),
        *_months(p, text),
        *_quarters(p, text),
        *_halves(p, text),
        *_years(p, text),
    ]
    for c in cands:
        _attach_time_and_weekday(p, text, c)
    return _select(cands)


# -------------------------------------------------------------------------- public


def find_dates(text: str) -> list[Found]:
    """Every date or calendar period in ``text``, sorted, non-overlapping.

    ``attrs``: ``value`` (ISO-like or None), ``precision``, ``time``, ``year``, ``month``,
    ``day``, ``part`` (quarter/half number). See the module docstring for spans.

    >>> t = "theo đề án 818/ĐA-LĐLĐ ngày 25.6.2020 về kiện toàn"
    >>> [(t[f.start:f.end], f.attrs["value"]) for f in find_dates(t)]
    [('25.6.2020', '2020-06-25')]
    >>> t = "Thứ năm, 06 Tháng 7 2017 22:43"
    >>> f = find_dates(t)[0]; (t[f.start:f.end] == t, f.attrs["value"], f.attrs["time"])
    (True, '2017-07-06', '22:43')
    >>> [f.attrs["value"] for f in find_dates("sơ kết 6 tháng đầu năm 2017, quý III/2020")]
    ['2017-H1', '2020-Q3']
    >>> find_dates("nhiệm kỳ 2018-2023, trên 2.500 cuộc giám sát")
    []
    """
    return [c.found() for c in _scan(text)]


def parse_date(s: str) -> tuple[str | None, str]:
    """Parse one date string into ``(value, precision)``; ``ValueError`` if it is not one.

    Accepts everything :func:`find_dates` finds (a leading ``ngày`` is allowed before a
    numeric date), a yearless ``28/7`` even without context, and the value formats
    themselves (``2021-07-28``, ``2021-07``, ``2021``, ``2020-Q3``, ``2017-H1``).

    >>> parse_date("ngày 28 tháng 07 năm 2021")
    ('2021-07-28', 'day')
    >>> parse_date("quý III/2020")
    ('2020-Q3', 'quarter')
    >>> parse_date("28/7")
    (None, 'day')
    """
    t = s.strip()
    p = _PATTERNS.for_text(t)
    m = p.value.fullmatch(t)
    if m:
        return _parse_value(m, s)
    found = _scan(t, standalone=True)
    if len(found) == 1:
        c = found[0]
        if c.end == len(t) and p.day_lead.fullmatch(t, 0, c.start):
            f = c.found()
            return f.attrs["value"], c.precision
    raise ValueError(f"not a date: {s!r}")


def _parse_value(m: re.Match[str], s: str) -> tuple[str, str]:
    y = _year4(m["y"])
    if y is not None:
        if m["q"]:
            return f"{y:04d}-Q{m['q']}", "quarter"
        if m["h"]:
            return f"{y:04d}-H{m['h']}", "half"
        if m["d"]:
            if _valid_day(y, int(m["m"]), int(m["d"])):
                return m.group(0), "day"
        elif m["m"]:
            if 1 <= int(m["m"]) <= 12:
                return m.group(0), "month"
        else:
            return m.group(0), "year"
    raise ValueError(f"not a date: {s!r}")
