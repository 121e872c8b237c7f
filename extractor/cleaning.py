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
   ``Sơn La``; but ``đoà-`` + ``n``, halves of one syllable, -> ``đoàn``). A line break
   before a capital is also where a paragraph, a heading or a list item starts: such a
   line continues only when the break falls inside a name the recognisers know, read
   with their own vocabulary across the break (:func:`_inside_name`): an organisation
   (``Tổng`` + ``Liên đoàn Lao động Việt Nam``), a place (``tỉnh Sơn`` + ``La``) or a
   person's name begun on the line (``đồng chí Vàng A`` + ``Lả``).

Repeated blocks and the gold: the guideline annotates a name in a duplicated caption
each time, and the gold of ``seed_002`` annotates both copies of its banner (and reads
both for the records). So a copy standing between paragraphs (a caption or a banner
printed twice) stays in the text, and a copy that is removed because it splits a sentence
keeps its entities: :attr:`Cleaning.copies` tells the extractor to give it the entities
found in the first copy (the characters are the same).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from extractor.data import load_resource
from extractor.encodings import is_vietnamese_syllable
from extractor.linking import PhraseTable, Word, WordSet, fold, words
from extractor.normalize import Edit, NormalizedText
from extractor.places import is_place_name, place_at, unit_at
from schemas.document import CleaningStep
from schemas.entities import Evidence

RESOURCE = "cleaning.yaml"
STEP_NAMES = (
    "repeated_block", "boilerplate", "transcription_marker", "ocr_digits", "dehyphenation", "line_join",
)
# What may tell that a line break before a capital falls inside a name (``name_joins``).
NAME_EVIDENCE = frozenset({"organisation", "place", "person"})

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
# How much text on each side of a line break is read for a name crossing it (characters).
_NAME_WINDOW = 80
# Between two words of one name on one line.
_NAME_GAP = re.compile(r"[ \t]+")
# A place name cut by a line break: up to this many words on each side (``Bà Rịa`` / ``Vũng Tàu``).
_PLACE_PART_WORDS = 2
# Sections of org_bodies.yaml: bodies a unit is written before (``Ban Chấp hành`` + ``Tổng
# Liên đoàn``), and bodies named by the place written after them (``Công đoàn`` + ``Lạng Sơn``).
_BODIES = frozenset({"national", "local", "party"})
_PLACED_BODIES = frozenset({"local", "party"})
# Lists of org_names.yaml that are not written right after a kind of body.
_NOT_KIND_NAMES = frozenset({"name_breakers", "number_words", "branches", "address_words"})


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
    name_evidence: frozenset[str]
    name_max_words: int


@dataclass(frozen=True)
class _Names:
    """The recognisers' vocabulary that tells a line break inside a name."""

    bodies: PhraseTable  # org_bodies.yaml forms -> the sections they are in
    after_kind: PhraseTable  # org_names.yaml, written after a kind: descriptors (True) and listed names
    expansions: dict[str, tuple[str, ...]]  # org_abbreviations.yaml, by the abbreviation's bare key
    titles: PhraseTable  # titles.yaml
    surnames: WordSet  # person_surnames.yaml
    honorifics: dict[str, bool]  # honorifics.yaml: folded form -> a single syllable after it is a name


@cache
def _names() -> _Names:
    data = load_resource("org_bodies.yaml")
    sections: dict[tuple[str, str], set[str]] = {}
    for section in ("national", "local", "party", "units", "named"):
        for entry in data[section]:
            for form in entry["forms"]:
                case = entry.get("case", "upper" if form.isupper() else "any")
                sections.setdefault((form, case), set()).add(section)
    bodies = PhraseTable()
    for (form, case), found in sections.items():
        bodies.add(form, frozenset(found), case)
    after_kind = PhraseTable()
    for list_name, entries in load_resource("org_names.yaml").items():
        if list_name not in _NOT_KIND_NAMES:
            for entry in entries:
                for form in [entry["canonical"], *entry.get("forms", [])]:
                    after_kind.add(form, list_name == "descriptors")
    titles = PhraseTable.of(entry["title"] for entry in load_resource("titles.yaml")["titles"])
    return _Names(
        bodies=bodies,
        after_kind=after_kind,
        expansions={
            Word(0, 0, entry["abbr"]).bare: tuple(word.text for word in words(entry["expansion"]))
            for entry in load_resource("org_abbreviations.yaml")["abbreviations"]
            if entry["org"]
        },
        titles=titles,
        surnames=WordSet(entry["name"] for entry in load_resource("person_surnames.yaml")["surnames"]),
        honorifics={
            fold(entry["form"]): bool(entry.get("short_form"))
            for entry in load_resource("honorifics.yaml")["honorifics"]
        },
    )


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
        name_evidence=_evidence(data["name_joins"]),
        name_max_words=int(data["name_max_words"]),
    )


def _evidence(entries: list[dict]) -> frozenset[str]:
    evidence = frozenset(entry["evidence"] for entry in entries)
    if unknown := evidence - NAME_EVIDENCE:
        raise ValueError(f"{RESOURCE}: unknown name_joins evidence {sorted(unknown)}; known: {sorted(NAME_EVIDENCE)}")
    return evidence


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
    after = lines[copy + size].start
    return _continues(_before(text, lines[copy - 1].end), text[after : after + _NAME_WINDOW])


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
        if hyphenated:
            if not _hyphen_continues(text, following):
                continue
        elif not _continues(_before(text, start), text[end : end + _NAME_WINDOW]):
            continue
        if hyphenated:
            head = _WORD.findall(left[:-1])[-1]
            joined = _dehyphenated(head, following.group())
            found["dehyphenation"].append(normalized.to_original(start - 1, end))
            yield Edit(start - 1, end, joined)
        else:
            found["line_join"].append(normalized.to_original(start, end))
            yield Edit(start, end, " ")


def _before(text: str, end: int) -> str:
    """The text before a line break at ``end``: its whole line, and at least the window
    that :func:`_inside_name` reads."""
    return text[min(text.rfind("\n", 0, end) + 1, max(0, end - _NAME_WINDOW)) : end]


def _continues(before: str, after: str) -> bool:
    """Whether the text ``before`` a line break goes on with the text ``after`` it.

    Not when the line ends a sentence or the next starts a list item (``a)``). A small
    letter after the break goes on the sentence, unless the line is a heading or a
    signature line in capitals; a capital goes on only inside a name (:func:`_inside_name`).
    """
    rules = _rules()
    following = _WORD.match(after)
    if following is None:
        return False
    word = following.group()
    line = before[before.rfind("\n") + 1 :]
    if len(word) == 1 and after[1:2] in (")", "."):
        return False  # "a)" / "b." list markers
    body = line.rstrip(rules.closing_marks)
    if not body or body[-1] in rules.sentence_ends:
        return False
    if word[0].islower():
        return any(char.islower() for char in line)  # not a heading / signature line in capitals
    return _inside_name(before, after)


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


# --------------------------------------------------------------------------- names across a line break


def _inside_name(before: str, after: str) -> bool:
    """Whether a line break before a capitalised word falls inside a name.

    A line break before a capital is also where a paragraph, a heading or a list item
    starts, so only the recognisers' vocabulary joins it (``name_joins`` in
    ``resources/cleaning.yaml``): a known organisation or place read across the break
    (``Tổng`` / ``Liên đoàn Lao động Việt Nam``, ``huyện`` / ``Tam Đường``, ``Sơn`` / ``La``),
    or a person's name begun on the line (``đồng chí Vàng A`` / ``Lả``).
    """
    evidence = _rules().name_evidence
    probe = _Probe.around(before, after)
    return (
        "organisation" in evidence and probe.crosses_body()
        or "place" in evidence and probe.crosses_place()
        or "person" in evidence and probe.begins_person()
    )


@dataclass(frozen=True)
class _Probe:
    """The window around a line break read as one line.

    Other line breaks in the window read as spaces too, so that a name over three lines
    (``Công đoàn`` / ``Viên chức`` / ``Việt Nam``) is read whole.
    """

    text: str
    words: list[Word]
    split: int  # the first word after the break
    line: int  # the first word of the line before the break
    next_line: int  # the first word after the line after the break
    tokens: list[Word]  # the words with organisation abbreviations read as their expansion
    token_split: int

    @classmethod
    def around(cls, before: str, after: str) -> _Probe:
        left = before[-_NAME_WINDOW:]
        if len(left) < len(before):
            left = left[left.find(" ") + 1 :]
        right = after[:_NAME_WINDOW]
        if len(right) < len(after):
            right = right[: right.rfind(" ") + 1 or len(right)]
        line_start = left.rfind("\n") + 1
        earlier = _BREAK.sub(" ", left[:line_start])
        left = earlier + left[line_start:]
        next_line = len(left) + 1 + len(_BREAK.split(right, maxsplit=1)[0])
        text = f"{left} {_BREAK.sub(' ', right)}"
        text_words = words(text)
        tokens = _tokens(text_words)
        return cls(
            text=text,
            words=text_words,
            split=sum(1 for word in text_words if word.start <= len(left)),
            line=sum(1 for word in text_words if word.start < len(earlier)),
            next_line=sum(1 for word in text_words if word.start < next_line),
            tokens=tokens,
            token_split=sum(1 for token in tokens if token.start <= len(left)),
        )

    # ----------------------------------------------------------------------- organisations

    def crosses_body(self) -> bool:
        """Whether an organisation, read from the left as the recogniser reads it, goes on
        after the break:

        * one of its forms crosses the break (``Tổng`` / ``LĐLĐ Việt Nam``);
        * a kind of body and the descriptors or the listed name after it (org_names.yaml)
          cross it (``Trường`` / ``Tiểu học Nhơn Bình``, ``Sở`` / ``Lao động - Thương binh và
          Xã hội``), or end at it on a descriptor, which comes before a name (``Công ty cổ
          phần`` / ``Chè Nghĩa Lộ``);
        * a unit of a body ends at the break and a body starts after it (``Ban Chấp hành`` /
          ``Tổng Liên đoàn``); a body named by its place, or a kind and its listed name, ends
          at it and a place starts after it (``Công đoàn`` / ``Lạng Sơn``, ``LIÊN ĐOÀN LAO
          ĐỘNG`` / ``TỈNH LÀO CAI``, ``CÔNG ĐOÀN NGÀNH Y TẾ`` / ``BẾN TRE``).
        """
        index, split = 0, self.token_split
        while index < split:
            # Not inside a code: the "LĐLĐ" of "45/BC-LĐLĐ".
            size, sections = self._body_at(index) if self._starts_word(self.tokens[index]) else (0, frozenset())
            end = index + size
            described, descriptor = self._after_kind(end) if "named" in sections else (end, False)
            if described > split:
                return True
            if described == split and split < len(self.tokens) and (
                descriptor and self.tokens[split].is_capitalised
                or "units" in sections and self._body_at(split)[1] & _BODIES
                or (sections & _PLACED_BODIES or described > end) and place_at(self.text, self.words, self.split)
            ):
                return True
            index = max(described, index + 1)
        return False

    def _starts_word(self, word: Word) -> bool:
        """Whether ``word`` starts a word as written, not the inside of a code (``BC-LĐLĐ``)."""
        return word.start == 0 or not (self.text[word.start - 1].isalnum() or self.text[word.start - 1] in "-/")

    def _body_at(self, index: int) -> tuple[int, frozenset[str]]:
        """The longest form of a body at token ``index``: its tokens and its sections."""
        found = _names().bodies.matches(self.text, self.tokens, index)
        if not found:
            return 0, frozenset()
        size = found[0][0]
        return size, frozenset().union(*(sections for length, sections in found if length == size))

    def _after_kind(self, index: int) -> tuple[int, bool]:
        """The token after the descriptors and listed names written from token ``index`` on,
        and whether the last is a descriptor."""
        table, descriptor = _names().after_kind, False
        while found := table.match(self.text, self.tokens, index):
            index += found[0]
            descriptor = found[1]
        return index, descriptor

    # ----------------------------------------------------------------------- places

    def crosses_place(self) -> bool:
        """Whether a place starts before the break and ends after it: a unit word and a
        gazetteer name (``huyện`` / ``Tam Đường``), a province name (``Sơn`` / ``La``), or a
        province, district or foreign name cut by the break (``Nghĩa`` / ``Lộ``). A village
        or a zone, whose names no gazetteer lists, only when its name starts before the
        break: after ``văn bản`` (``bản`` is also a village) a capital starts anything."""
        index, split, free = 0, self.split, 0
        while index < split:
            found = place_at(self.text, self.words, index)
            if found is None:
                index += 1
                continue
            if found.end_word > split:
                unit = unit_at(self.text, self.words, index) if found.unit_type else None
                if found.places or index + (unit[0] if unit else 0) < split:
                    return True
            index = free = found.end_word
        # Words of a place read whole before the break are no part of another:
        # "tỉnh Lai Châu" / "Thành lập" is no "Châu Thành".
        before = min(self._run(split - 1, -1, _is_capitalised), split - free)
        after = self._run(split, 1, _is_capitalised)
        return any(
            is_place_name(self.text[self.words[split - left].start : self.words[split + right - 1].end])
            for left in range(1, min(before, _PLACE_PART_WORDS) + 1)
            for right in range(1, min(after, _PLACE_PART_WORDS) + 1)
        )

    # ----------------------------------------------------------------------- people

    def begins_person(self) -> bool:
        """Whether the line ends in the first words of a person's name, the next goes on with it.

        The name is begun by an honorific (``đồng chí`` / ``Kim Sà Rươne``), by a family name
        after another word of the line (``bà Nguyễn Thị`` / ``Bích Liên``; a name after a
        sentence end, ``Ảnh: Phạm Đức``, is a credit), or by a family name starting a line
        that holds nothing else, when the next line ends the name there (``Phạm Ngọc`` /
        ``Bích, Chủ tịch``, ``Nguyễn Văn`` / ``Hải``, but ``Lò Thành`` / ``Hội nghị đã``: a
        byline and a paragraph). The whole name has at most ``name_max_words`` words, and the
        next line starts with a name: not a title, a body or a unit word (``Nguyễn Văn Hải``
        / ``Phó Chủ tịch UBND tỉnh``), nor another family name after a name of two words on
        a line of its own or of three (``Đỗ Phương`` / ``Lò Thành``).
        """
        names, text, split = _names(), self.text, self.split
        if not self.line < split < len(self.words) or not _is_name_word(self.words[split]):
            return False
        if (
            names.titles.match(text, self.words, split)
            or names.bodies.match(text, self.tokens, self.token_split)
            or unit_at(text, self.words, split)
        ):
            return False
        limit = _rules().name_max_words
        leading = self._run(split, 1, _is_name_word)
        line = text[self.words[self.line].start : self.words[split].start].split()
        for size in (2, 1):
            honorific = " ".join(line[-size:])
            short = names.honorifics.get(fold(honorific)) if len(line) >= size else None
            if short is not None and self._run(split - len(words(honorific)), -1, _is_name_word) < 2:
                return short or leading >= 2  # not the end of a name: "Ảnh: Hoàng Anh"
        trailing = self._run(split - 1, -1, _is_name_word)
        for first in range(max(split - trailing, self.line), split):
            alone = first == self.line
            if not alone and self._after_sentence_end(first):
                continue
            if not names.surnames.has(self.words[first], text) or split - first + leading > limit:
                continue
            if alone and not self._name_ends(split + leading):
                return False
            another = names.surnames.has(self.words[split], text)
            return not another or split - first == 1 or not alone and split - first < 3
        return False

    def _name_ends(self, index: int) -> bool:
        """Whether a name that ends before word ``index`` ends a line or a phrase there."""
        if index >= min(len(self.words), self.next_line):
            return True
        return bool(self.text[self.words[index - 1].end : self.words[index].start].strip())

    def _after_sentence_end(self, index: int) -> bool:
        """Whether word ``index`` follows a sentence end on its line (``Ảnh: Phạm Đức``)."""
        gap = self.text[self.words[index - 1].end : self.words[index].start]
        return any(char in _rules().sentence_ends for char in gap)

    def _run(self, index: int, step: int, accept: Callable[[Word], bool]) -> int:
        """How many words that ``accept`` are written one space apart from word ``index`` on
        (``step`` 1) or back (``step`` -1)."""
        count = 0
        while 0 <= index < len(self.words) and accept(self.words[index]):
            count += 1
            neighbour = index + step
            if not 0 <= neighbour < len(self.words):
                break
            first, second = sorted((index, neighbour))
            if not _NAME_GAP.fullmatch(self.text[self.words[first].end : self.words[second].start]):
                break
            index = neighbour
        return count


def _is_capitalised(word: Word) -> bool:
    return word.text[0].isupper()


def _is_name_word(word: Word) -> bool:
    """A capitalised syllable (``Lả``, ``A``), not an abbreviation (``UBND``)."""
    text = word.text
    return text[0].isupper() and not (len(text) > 1 and text.isupper()) and is_vietnamese_syllable(text)


def _tokens(text_words: list[Word]) -> list[Word]:
    """The words with organisation abbreviations read as their expansion, as
    :mod:`extractor.organisations` reads them (``LĐLĐ`` -> ``Liên đoàn Lao động``)."""
    expansions = _names().expansions
    tokens: list[Word] = []
    for word in text_words:
        expansion = expansions.get(word.bare) if word.is_upper and len(word.text) > 1 else None
        if expansion:
            tokens.extend(Word(word.start, word.end, part) for part in expansion)
        else:
            tokens.append(word)
    return tokens
