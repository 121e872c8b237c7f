"""Cleaning a report for recognition without losing the user's offsets.

Reports come out of web pages, Word files and scans carrying text that is not the report
(a search box, a site banner printed twice, ``[Handwritten signature of ...]``) and lines
broken by the page (``người lao\\n\\nđộng``, ``công-\\nđoàn``). :func:`clean` finds those
places in the normalised text and applies them as :class:`~extractor.normalize.Edit`
objects: the recognisers read the cleaned text, every offset still maps back to the text
the user gave (``NormalizedText.apply``), and the steps that fired are reported with the
user's spans (``ExtractedDocument.cleaning``). The vocabulary is in
``resources/cleaning.yaml``.

Steps, in the order they run:

1. ``repeated_block``: a block of lines printed again inside a sentence (a page header
   between two pages of a scan) leaves the recognised text, so the sentence reads whole.
2. ``boilerplate``: whole lines of web furniture (``Tìm kiếm theo ngày``, ``logo``, a menu
   bar ``Trang chủ | Tin tức | ...``).
3. ``transcription_marker``: notes of a transcriber; ``[Handwritten signature of Đồng Thị
   Nghĩa]`` keeps the name (the guideline counts it as a PERSON), ``[Seal]`` goes whole.
4. ``ocr_digits``: letters OCR reads for digits inside a number (``1O.283`` is read
   ``10.283``, ``12l`` ``121``), one character for one.
5. ``dehyphenation`` and ``line_join``: a line that does not end its sentence, followed by
   one that starts with a small letter, continues on it (``người lao động``); a line that
   ends in a letter and a hyphen continues on the next word whatever its case (``công-`` +
   ``đoàn`` -> ``công đoàn``, since Vietnamese syllables are written apart; ``LĐLĐ-`` +
   ``Sơn La``; but ``đoà-`` + ``n``, halves of one syllable, -> ``đoàn``).

Repeated blocks and the gold: the guideline annotates a name in a duplicated caption
each time, and the gold of ``seed_002`` annotates both copies of its banner (and reads
both for the records). So a copy standing between paragraphs (a caption or a banner
printed twice) stays in the text, and a copy that is removed because it splits a sentence
keeps its entities: :attr:`Cleaning.copies` tells the extractor to give it the entities
found in the first copy (the characters are the same).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from extractor.data import load_resource
from extractor.encodings import is_vietnamese_syllable
from extractor.linking import fold
from extractor.normalize import Edit, NormalizedText
from schemas.document import CleaningStep
from schemas.entities import Evidence

RESOURCE = "cleaning.yaml"
STEP_NAMES = (
    "repeated_block", "boilerplate", "transcription_marker", "ocr_digits", "dehyphenation", "line_join",
)

# A line worth recognising as the start of a repeated block: a caption or a header has
# words; "- Như trên;" or "2." repeated is ordinary structure, not a copy.
_MIN_BLOCK_WORDS = 3
_MIN_BLOCK_CHARS = 12
_WORD = re.compile(r"[^\W\d_]+")
_LINE = re.compile(r"[^\n]*")
# The line break between two lines, with the spaces and blank lines around it.
_BREAK = re.compile(r"[ \t\r]*\n\s*")
_MARKER_CONTENT_CHARS = 120
# The groups of a number between its separators (``05``, ``01``, ``2024``).
_GROUP = re.compile(r"[^./,-]+")


@dataclass(frozen=True, slots=True)
class Copy:
    """A later copy of a repeated block, in the user's offsets.

    ``original[start:end]`` repeats ``original[source_start:source_end]`` character for
    character, so an entity at ``source_start + k`` is also at ``start + k``.
    """

    source_start: int
    source_end: int
    start: int
    end: int


@dataclass(frozen=True)
class Cleaning:
    """The text the recognisers read, the steps that made it, and the removed copies."""

    text: NormalizedText
    steps: list[CleaningStep] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)

    @property
    def repeated_lines(self) -> frozenset[str]:
        """The lines (stripped) of every removed copy: a banner is still a banner."""
        original = self.text.original
        return frozenset(
            line.strip() for copy in self.copies for line in original[copy.start : copy.end].split("\n") if line.strip()
        )


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    line_start: int
    line_end: int  # the "\n" ending the line, or the end of the text

    def content(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class _Rules:
    boilerplate: frozenset[str]
    menu_separators: re.Pattern[str]
    menu_min_items: int
    menu_max_words: int
    markers: tuple[tuple[re.Pattern[str], bool], ...]
    sentence_ends: frozenset[str]
    closing_marks: str
    digit_of: dict[str, str]
    digit_run: re.Pattern[str]
    min_digits: int


@cache
def _rules() -> _Rules:
    data = load_resource(RESOURCE)
    separators = [entry["separator"] for entry in data["menu_separators"]]
    markers = []
    for entry in sorted(data["transcription_markers"], key=lambda e: -len(e["opening"])):
        opening, closing = re.escape(entry["opening"]), re.escape(entry["closing"])
        if entry.get("keep") == "content":
            inner = rf"[ \t]+(?P<content>[^{closing}\n]{{1,{_MARKER_CONTENT_CHARS}}}?)[ \t]*"
        else:
            inner = rf"(?![^\W_])[^{closing}\n]{{0,{_MARKER_CONTENT_CHARS}}}"
        markers.append((re.compile(rf"{opening}{inner}{closing}", re.IGNORECASE), entry.get("keep") == "content"))
    digit_of = {entry["letter"]: entry["digit"] for entry in data["ocr_digit_confusions"]}
    symbol = "[0-9" + "".join(map(re.escape, digit_of)) + "]"
    return _Rules(
        boilerplate=frozenset(fold(entry["line"]) for entry in data["boilerplate_lines"]),
        menu_separators=re.compile("|".join(map(re.escape, separators))),
        menu_min_items=int(data["menu_min_items"]),
        menu_max_words=int(data["menu_max_words"]),
        markers=tuple(markers),
        sentence_ends=frozenset(entry["char"] for entry in data["sentence_ends"]),
        closing_marks=data["closing_marks"],
        digit_of=digit_of,
        # A number as OCR may have misread it: digit-like symbols grouped by "." or ",",
        # standing alone (not the "O" of "ĐOÀN", not the "1" of "F1").
        digit_run=re.compile(rf"(?<![\w.,/-]){symbol}+(?:[.,/-]{symbol}+)*(?!\w)"),
        min_digits=int(data["ocr_min_digits"]),
    )


# --------------------------------------------------------------------------- public


def clean(normalized: NormalizedText) -> Cleaning:
    """Clean a normalised report for recognition; offsets keep leading to the user's text.

    >>> from extractor.normalize import normalize
    >>> cleaning = clean(normalize("Hỗ trợ người lao\\n\\nđộng số tiền 1O.283.000 đồng\\nTìm kiếm theo ngày"))
    >>> cleaning.text.text
    'Hỗ trợ người lao động số tiền 10.283.000 đồng\\n'
    >>> [(step.name, [span.text for span in step.spans]) for step in cleaning.steps]
    [('boilerplate', ['Tìm kiếm theo ngày']), ('ocr_digits', ['O']), ('line_join', ['\\n\\n'])]
    """
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in STEP_NAMES}
    first_pass, copies = _line_edits(normalized, found)
    removed = normalized.apply(first_pass)
    second_pass = [*_digit_edits(removed, found), *_join_edits(removed, found)]
    cleaned = removed.apply(second_pass)
    original = normalized.original
    steps = [
        CleaningStep(name=name, spans=[Evidence(start=s, end=e, text=original[s:e]) for s, e in sorted(spans)])
        for name, spans in found.items()
        if spans
    ]
    return Cleaning(cleaned, steps, copies)


def clean_text(text: str) -> Cleaning:
    """:func:`clean` of a raw text (normalised first).

    >>> clean_text("công-\\nđoàn viên").text.text
    'công đoàn viên'
    """
    from extractor.normalize import normalize

    return clean(normalize(text))


# --------------------------------------------------------------------------- lines


def _lines(text: str) -> list[_Line]:
    """The lines of ``text`` that hold something, with and without their outer spaces."""
    lines = []
    for match in _LINE.finditer(text):
        content = match.group()
        stripped = content.strip()
        if stripped:
            start = match.start() + content.index(stripped[0])
            lines.append(_Line(start, start + len(stripped), match.start(), match.end()))
    return lines


def _line_edits(normalized: NormalizedText, found: dict[str, list[tuple[int, int]]]) -> tuple[list[Edit], list[Copy]]:
    """Repeated blocks, boilerplate lines and transcription markers: what leaves the text."""
    text = normalized.text
    lines = _lines(text)
    edits: list[Edit] = []
    removed: set[int] = set()
    copies: list[Copy] = []
    for first, copy, size in _repeated_blocks(normalized, lines):
        if not _interrupts(text, lines, copy, size):
            continue
        source = normalized.to_original(lines[first].start, lines[first + size - 1].end)
        target = normalized.to_original(lines[copy].start, lines[copy + size - 1].end)
        copies.append(Copy(*source, *target))
        found["repeated_block"].append(target)
        edits.append(_delete_lines(text, lines[copy], lines[copy + size - 1]))
        removed.update(range(copy, copy + size))
    for index, line in enumerate(lines):
        if index not in removed and _is_boilerplate(line.content(text)):
            found["boilerplate"].append(normalized.to_original(line.start, line.end))
            edits.append(_delete_lines(text, line, line))
            removed.add(index)
    kept = [line for index, line in enumerate(lines) if index not in removed]
    taken: list[tuple[int, int]] = []
    for pattern, keeps_content in _rules().markers:
        for line in kept:
            for match in pattern.finditer(text, line.start, line.end):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append(match.span())
                found["transcription_marker"].append(normalized.to_original(*match.span()))
                if keeps_content:
                    edits.append(Edit(match.start(), match.start("content")))
                    edits.append(Edit(match.end("content"), match.end()))
                else:
                    edits.append(Edit(*match.span()))
    return edits, copies


def _delete_lines(text: str, first: _Line, last: _Line) -> Edit:
    """Delete lines ``first`` through ``last`` with the line break after them."""
    end = last.line_end + 1 if last.line_end < len(text) else last.line_end
    return Edit(first.line_start, end)


def _substantial(line: str) -> bool:
    return len(line) >= _MIN_BLOCK_CHARS and len(_WORD.findall(line)) >= _MIN_BLOCK_WORDS


def _repeated_blocks(normalized: NormalizedText, lines: list[_Line]) -> Iterator[tuple[int, int, int]]:
    """``(first, copy, size)``: lines ``copy .. copy+size-1`` repeat ``first .. first+size-1``.

    A block starts on a line with words and grows while the following lines are equal;
    the two copies must be the same characters in the user's text, so that entities can
    be copied from one to the other.
    """
    text, original = normalized.text, normalized.original
    seen: dict[str, list[int]] = {}
    index = 0
    while index < len(lines):
        key = lines[index].content(text)
        best: tuple[int, int] | None = None
        if _substantial(key):
            for first in seen.get(key, ()):
                size = 1
                while (
                    index + size < len(lines)
                    and first + size < index
                    and lines[first + size].content(text) == lines[index + size].content(text)
                ):
                    size += 1
                if best is None or size > best[1]:
                    best = (first, size)
        if best is not None:
            first, size = best
            source = normalized.to_original(lines[first].start, lines[first + size - 1].end)
            target = normalized.to_original(lines[index].start, lines[index + size - 1].end)
            if original[slice(*source)] == original[slice(*target)]:
                yield first, index, size
                index += size
                continue
        seen.setdefault(key, []).append(index)
        index += 1


def _interrupts(text: str, lines: list[_Line], copy: int, size: int) -> bool:
    """Whether the copy stands inside a sentence, as a page header between two pages does.

    Only there does reading it in place hurt; a copy standing between paragraphs (a
    caption printed twice) is left where it is: the guideline reads every copy.
    """
    if copy == 0 or copy + size >= len(lines):
        return False
    following = _WORD.match(text, lines[copy + size].start)
    return following is not None and _continues(lines[copy - 1].content(text), text, following)


def _is_boilerplate(line: str) -> bool:
    rules = _rules()
    if fold(line) in rules.boilerplate:
        return True
    items = [item.strip() for item in rules.menu_separators.split(line)]
    return (
        len(items) >= rules.menu_min_items
        and all(item and len(item.split()) <= rules.menu_max_words for item in items)
        and not any(char.isdigit() for char in line)
    )


# --------------------------------------------------------------------------- characters


def _digit_edits(normalized: NormalizedText, found: dict[str, list[tuple[int, int]]]) -> Iterator[Edit]:
    """``1O.283`` -> ``10.283``, ``O5/01/2024`` -> ``05/01/2024``: misread letters replaced
    by their digits, one for one. Only groups that hold a true digit are touched: in
    ``quý III/2020`` the ``III`` is a numeral of letters."""
    rules = _rules()
    text = normalized.text
    for match in rules.digit_run.finditer(text):
        run = match.group()
        if sum(char.isdigit() for char in run) < rules.min_digits:
            continue
        for group in _GROUP.finditer(run):
            if not any(char.isdigit() for char in group.group()):
                continue
            for offset, char in enumerate(group.group(), start=match.start() + group.start()):
                if char in rules.digit_of:
                    found["ocr_digits"].append(normalized.to_original(offset, offset + 1))
                    yield Edit(offset, offset + 1, rules.digit_of[char])


def _join_edits(normalized: NormalizedText, found: dict[str, list[tuple[int, int]]]) -> Iterator[Edit]:
    """Line breaks inside a sentence, with or without a line-end hyphen."""
    text = normalized.text
    for match in _BREAK.finditer(text):
        start, end = match.span()
        if start == 0 or end >= len(text):
            continue
        left = text[text.rfind("\n", 0, start) + 1 : start]
        following = _WORD.match(text, end)
        if following is None:
            continue
        hyphenated = left.endswith("-") and len(left) > 1 and left[-2].isalpha()
        if not (hyphenated and _hyphen_continues(text, following)) and not _continues(left, text, following):
            continue
        if hyphenated:
            head = _WORD.findall(left[:-1])[-1]
            joined = _dehyphenated(head, following.group())
            found["dehyphenation"].append(normalized.to_original(start - 1, end))
            yield Edit(start - 1, end, joined)
        else:
            found["line_join"].append(normalized.to_original(start, end))
            yield Edit(start, end, " ")


def _continues(left: str, text: str, following: re.Match[str]) -> bool:
    """Whether the line ``left`` goes on with the word ``following`` on the next line."""
    rules = _rules()
    word = following.group()
    if not word[0].islower() or not any(char.islower() for char in left):
        return False  # a new sentence, or a heading / signature line in capitals
    if len(word) == 1 and text[following.end() : following.end() + 1] in (")", "."):
        return False  # "a)" / "b." list markers
    body = left.rstrip(rules.closing_marks)
    return bool(body) and body[-1] not in rules.sentence_ends


def _hyphen_continues(text: str, following: re.Match[str]) -> bool:
    """A letter, a line-end hyphen, a line break and a word: one word cut by the line
    (``LĐLĐ-`` + ``Sơn La``, ``CÔNG-`` + ``ĐOÀN``), whatever the case of the word."""
    word = following.group()
    return not (len(word) == 1 and text[following.end() : following.end() + 1] in (")", "."))


def _dehyphenated(head: str, tail: str) -> str:
    """What replaces ``-`` + line break between ``head`` and ``tail``.

    Two syllables stay two words (``công-`` ``đoàn`` -> ``công đoàn``), and so does a
    capitalised word after an abbreviation (``LĐLĐ-`` ``Sơn La``); halves of one syllable are
    glued (``đoà-`` ``n``), and so are halves of another word (``pro-`` ``gram``).
    """
    both = is_vietnamese_syllable(head) and is_vietnamese_syllable(tail)
    if both or (tail[:1].isupper() and not is_vietnamese_syllable(head + tail)):
        return " "
    return ""
