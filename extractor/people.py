"""Named people in report text (label ``PERSON``), with their honorific and role.

:func:`find_people` returns ``Found`` items with attrs ``{"name", "honorific", "role"}``.
The span is the name only:

* after an honorific: ``Đồng chí Vàng A Lả - Chủ tịch LĐLĐ tỉnh`` -> ``Vàng A Lả``,
  honorific ``Đồng chí``, role ``Chủ tịch LĐLĐ tỉnh``; ``1- Đ/c: Hoàng Thị Cúc, Trưởng Ban
  nữ công LĐLĐ tỉnh;`` -> honorific ``Đ/c``;
* after a title: ``Đại tướng Võ Nguyên Giáp`` -> role ``Đại tướng``;
* a byline or signature, a name alone on its line: ``Đỗ Phương``; with the title lines
  around it as role: ``TM. BAN THƯỜNG VỤ\\nPHÓ CHỦ TỊCH\\n\\nĐồng Thị Nghĩa`` -> ``PHÓ CHỦ
  TỊCH``; title lines below a name are joined with ``, ``;
* a photo credit: ``Ảnh: Phạm Đức``;
* a full name (three syllables or more, a known family name first) anywhere:
  ``tư tưởng Hồ Chí Minh``.

Not PERSON: place names (``Sơn La``, ``Thành phố Hồ Chí Minh``), organisations
(``Ảnh: LĐLĐ Sơn La``), titles alone, programmes (``Tết Sum vầy``).
:func:`merge_people` joins the mentions of one person (``đồng chí Lả`` is ``Vàng A Lả``).

Vocabulary: ``resources/honorifics.yaml``, ``titles.yaml``, ``person_surnames.yaml``,
``person_cues.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from extractor.data import load_resource
from extractor.found import Found
from extractor.linking import PhraseTable, Word, WordSet, fold, words
from extractor.organisations import closes_name, is_name_breaker, linking_words
from extractor.places import is_place_name, named_area_spans, unit_at
from extractor.spelling import SpellingPattern, WrittenIndex, alternatives
from schemas.people import PersonMention, PersonRecord

__all__ = ["find_people", "merge_people", "title_organisation"]

LABEL = "PERSON"

_MAX_SYLLABLES = 5
_UNIT_REACH = 8  # words back from a role element's end to its unit's kind word
_MAX_LOWER_RUN = 3  # lower-case syllables closing a workplace name: "An ninh kinh tế"
# A name found with no cue but its family name must be a full name: two syllables
# (`Hà Nội`, `Cao Bằng`, `Đào Tạo` in a title-cased heading) are too often something else.
_MIN_SYLLABLES_UNCUED = 3
_SPACES = re.compile(r"[ \t]+")
# Inside one syllable of a minority or foreign name: `H'Lan Niê`, `Chen Wei-Ming`.
_NAME_JOINERS = frozenset({"'", "’", "-"})
# Between a name and its role: ` - `, `, `, ` (`; a comma may end a hard-wrapped line of a
# scanned page (`thầy Vì Văn Sương,⏎Hiệu trưởng ...`).
_ROLE_SEPARATOR = re.compile(r"[ \t]*(?:[-(|][ \t]*|,[ \t]*(?:\n[ \t]*)?)")  # `|`: a table's next cell
# A hard-wrapped line between a title and the name after it: `Đại tướng⏎Võ Nguyên Giáp`.
_WRAPPED = re.compile(r"[ \t]*\n[ \t]*")
# A bracketed note right after a name, before its title: "(SN 1985), công nhân ...".
_BRACKET_NOTE = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
# Between two titles of one role: `Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh`.
_TITLE_SEPARATOR = re.compile(r"[ \t]*,[ \t]*")
# Decoration around a signature line (`**TM. BAN THƯỜNG VỤ`, `PHÓ CHỦ TỊCH**`).
_LINE_DECORATION = " \t*_#"
_BYLINE_ORG_OPENING = re.compile(r"[ \t]*(?:[-–][ \t]*|\()")  # "Thanh Hải (LĐLĐ ...)", "Kim Ngân - CĐN ..."
# A signature's title lines are at most this many lines away from the name.
_SIGNATURE_REACH = 6
_BEFORE_REACH = 20  # words a title before a name may start back
# A name with no family name we know is a byline only on one of the last lines of the text.
_BYLINE_LINES = 3
_ROMAN = frozenset("IVXLCDM")


@dataclass(frozen=True, slots=True)
class _Title:
    title: str
    member_of: str | None
    rank: bool = False


@dataclass(frozen=True, slots=True)
class _Vocab:
    honorifics: SpellingPattern
    short_forms: WrittenIndex[bool]
    credits: SpellingPattern
    titles: PhraseTable
    member_of: dict[str, str]
    surnames: WordSet
    not_names: PhraseTable
    not_after: PhraseTable
    term_words: WordSet
    title_prefixes: WordSet
    workplaces: PhraseTable
    signature_notes: frozenset[str]
    role_verbs: PhraseTable
    degrees: SpellingPattern
    name_list_joiner: re.Pattern  # between names sharing a post: `A, B và C được bầu giữ chức ...`


def _alternation(forms: list[str]) -> str:
    # Longest first, so that `Cô giáo` wins over `Cô`; each form in all its spellings.
    return "|".join(alternatives(form) for form in sorted(forms, key=len, reverse=True))


@cache
def _vocab() -> _Vocab:
    honorifics = load_resource("honorifics.yaml")["honorifics"]
    cues = load_resource("person_cues.yaml")
    titles = PhraseTable()
    member_of: dict[str, str] = {}
    for entry in load_resource("titles.yaml")["titles"]:
        titles.add(entry["title"], _Title(entry["title"], entry.get("member_of"), entry.get("rank", False)))
        if entry.get("member_of"):
            member_of[fold(entry["title"])] = entry["member_of"]
    return _Vocab(
        honorifics=SpellingPattern(
            rf"(?<![^\W_])({_alternation([entry['form'] for entry in honorifics])})(?:[ \t]*:)?[ \t]+",
            re.IGNORECASE,
        ),
        short_forms=WrittenIndex((entry["form"], True) for entry in honorifics if entry.get("short_form")),
        credits=SpellingPattern(
            rf"(?<![^\W_])(?:{_alternation([entry['form'] for entry in cues['credits']])})[ \t]*:[ \t]*",
            re.IGNORECASE,
        ),
        titles=titles,
        member_of=member_of,
        surnames=WordSet(entry["name"] for entry in load_resource("person_surnames.yaml")["surnames"]),
        not_names=PhraseTable.of(entry["phrase"] for entry in cues["not_names"]),
        not_after=PhraseTable.of(entry["words"] for entry in cues["not_after"]),
        term_words=WordSet(entry["word"] for entry in load_resource("titles.yaml")["term_words"]),
        title_prefixes=WordSet(entry["word"] for entry in load_resource("titles.yaml")["title_prefixes"]),
        workplaces=_workplaces(load_resource("titles.yaml")["workplaces"]),
        signature_notes=frozenset(fold(entry["note"]) for entry in cues["signature_notes"]),
        role_verbs=PhraseTable.of(entry["words"] for entry in cues["role_verbs"]),
        name_list_joiner=re.compile(
            r"[ \t]*,[ \t]*|[ \t]+(?:" + "|".join(load_resource("org_generic.yaml")["list_joiners"]) + r")[ \t]+"),
        degrees=SpellingPattern(
            rf"(?<![^\W_])({_alternation([entry['form'] for entry in load_resource('titles.yaml')['degrees']])})[ \t]+"
        ),
    )


@dataclass(frozen=True, slots=True)
class _Workplace:
    named: bool  # capitalised words after the kind name it: "khoa Dược"
    unit: bool  # a unit of a company or hospital, which may follow it after a comma


def _workplaces(entries) -> PhraseTable:
    table = PhraseTable()
    for entry in entries:
        table.add(entry["word"], _Workplace(bool(entry.get("named")), bool(entry.get("unit"))),
                  entry.get("case", "any"))
    return table


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: int  # word index
    last: int  # word index after the name
    honorific: str | None
    priority: int  # lower wins an overlap
    alone_on_line: bool = False


class _Reader:
    """Finds people in one text; organisations are found first so names stop at them."""

    def __init__(self, text: str):
        from extractor.organisations import find_organisations

        self.text = text
        self.words = words(text)
        self.starts = [word.start for word in self.words]
        self.vocab = _vocab()
        self.orgs = find_organisations(text)
        self.org_end_at = {org.start: org.end for org in self.orgs}
        self.org_ends = frozenset(org.end for org in self.orgs)
        self.areas = named_area_spans(text)
        self._chains: dict[int, int | None] = {}
        # Degrees written before a name ("KS. Trần Văn Lực"), by where they start and by where
        # the name after them starts.
        degrees = list(self.vocab.degrees.for_text(text).finditer(text))
        self.degree_at = {match.start(): match for match in degrees}
        self.degrees = {match.end(): match.group(1) for match in degrees}

    # -- words and names

    def word_at(self, offset: int) -> int | None:
        index = bisect_left(self.starts, offset)
        return index if index < len(self.words) and self.starts[index] == offset else None

    def word_ending_at(self, offset: int) -> int | None:
        index = bisect_left(self.starts, offset) - 1
        return index if index >= 0 and self.words[index].end == offset else None

    def spaced(self, index: int) -> bool:
        return 0 < index < len(self.words) and bool(
            _SPACES.fullmatch(self.text[self.words[index - 1].end : self.words[index].start])
        )

    def in_org(self, start: int, end: int) -> bool:
        return any(org.start < end and start < org.end for org in self.orgs)

    def name_end(self, index: int) -> int:
        """End (word index) of the run of capitalised syllables starting at ``index``."""
        position = index
        while position < len(self.words) and position - index < _MAX_SYLLABLES:
            word = self.words[position]
            gap = self.text[self.words[position - 1].end : word.start] if position > index else ""
            # Lao and Khmer names hyphenate lower-case syllables: "Khăm-phăn Xay-nha-vông".
            if not _is_syllable(word) and not (gap == "-" and word.text.isalpha() and word.text.islower()):
                break
            if position > index:
                if not (_SPACES.fullmatch(gap) or gap in _NAME_JOINERS) or word.start in self.org_end_at:
                    break
                title = self.vocab.titles.match(self.text, self.words, position)
                if title and title[0] > 1:
                    break
            position += 1
        return position

    def upper_name_end(self, index: int) -> int:
        """End (word index) of a name written in capitals after an honorific in capitals,
        before a title or an organisation (``QUÀNG VĂN HỢI, PHÓ CHỦ TỊCH ...``)."""
        position = index
        while position < len(self.words) and position - index < _MAX_SYLLABLES:
            word = self.words[position]
            if not (word.text.isalpha() and word.text.isupper()) or (position > index and not self.spaced(position)):
                break
            if self.vocab.titles.match(self.text, self.words, position) or word.start in self.org_end_at:
                break
            position += 1
        return position if position - index >= 2 else index

    def acceptable(self, first: int, last: int, honorific: str | None, place_ok: bool = False) -> bool:
        start, end = self.words[first].start, self.words[last - 1].end
        name = self.text[start:end]
        if self.in_org(start, end) or (is_place_name(name) and not place_ok):
            return False
        if any(area_start < end and start < area_end for area_start, area_end in self.areas) and not (
                self.post_with_unit_before(first, last)):
            return False  # "các khu công nghiệp Phúc Khánh, Nguyễn Đức Cảnh"
        if honorific and is_place_name(f"{honorific} {name}"):
            return False  # `Bà Rịa`
        if self.vocab.not_names.match(self.text, self.words, first):
            return False
        org_ends = {org.end for org in self.orgs}
        for size in (1, 2, 3):
            before = first - size
            if before < 0 or not self.spaced(first) or self.words[first - 1].end in org_ends:
                break
            unit = unit_at(self.text, self.words, before)
            blocked = self.vocab.not_after.match(self.text, self.words, before)
            if (unit and unit[0] == size) or (blocked and blocked[0] == size):
                return self.post_with_unit_before(first, last)
        return True

    def post_with_unit_before(self, first: int, last: int) -> bool:
        """Whether a post ending in a unit word comes right before a full name with a family
        name: "Trưởng thôn Đỗ Văn Tình" is the village head, not a village."""
        return last - first >= 3 and self.has_surname(first) and self.title_before(first) is not None

    def has_surname(self, first: int) -> bool:
        return self.vocab.surnames.has(self.words[first], self.text)

    # -- candidates

    def candidates(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        short: list[_Candidate] = []  # "chị Loan": a person only when "... Thị Loan" is named in full
        for match in self.vocab.honorifics.for_text(self.text).finditer(self.text):
            if self.inside_a_name(match):
                continue  # "Tổ Tiếng Anh Hồ Thị Bích Vân": "Anh" ends a name here, it addresses no one
            first = self.word_at(match.end())
            degree = self.degree_at.get(match.end())
            if degree is not None:
                first = self.word_at(degree.end())  # "đồng chí KS. Trần Văn Lực"
            if first is None:
                continue
            title = self.vocab.titles.match(self.text, self.words, first)
            if title and title[0] > 1:
                continue  # "các đ/c Ủy viên BCH", "đồng chí Chủ tịch CĐCS": a post, no name
            last = self.name_end(first)
            if last == first and match.group(1).isupper():
                last = self.upper_name_end(first)  # a heading in capitals: "ĐỒNG CHÍ QUÀNG VĂN HỢI, ..."
            minimum = 1 if self.vocab.short_forms.get(match.group(1)) else 2
            if last - first >= minimum and self.acceptable(first, last, match.group(1)):
                found.append(_Candidate(first, last, match.group(1), 0))
            elif last - first == 1 and self.acceptable(first, last, match.group(1)):
                short.append(_Candidate(first, last, match.group(1), 0))
        for match in self.vocab.credits.for_text(self.text).finditer(self.text):
            first = self.word_at(match.end())
            if first is not None and _is_syllable(self.words[first]):
                last = self.name_end(first)
                if last - first >= 2 and self.acceptable(first, last, None):
                    found.append(_Candidate(first, last, None, 1))
        for name_start in self.degrees:  # "ThS. Lò Thị Mai": a degree cues a name as an honorific does
            first = self.word_at(name_start)
            if first is not None and _is_syllable(self.words[first]):
                last = self.name_end(first)
                if last - first >= 2 and self.acceptable(first, last, None):
                    found.append(_Candidate(first, last, None, 1))
        byline_from = self.byline_start()
        for first in range(len(self.words)):
            if not _is_syllable(self.words[first]):
                continue
            if first > 0 and _is_syllable(self.words[first - 1]) and self.spaced(first) and (
                    self.words[first - 1].end not in self.org_ends):
                continue  # inside a run already tried from its first syllable (an organisation ends runs)
            last = self.name_end(first)
            if last - first < 2 or not self.acceptable(first, last, None):
                continue
            surname = self.has_surname(first)
            alone = self.alone_on_line(first, last)
            in_byline = self.words[first].start >= byline_from
            if alone and (surname or in_byline) or in_byline and self.signed_for_organisation(first, last):
                found.append(_Candidate(first, last, None, 2, alone_on_line=True))
            elif self.title_before(first) is not None:
                found.append(_Candidate(first, last, None, 3))
            elif surname and last - first >= _MIN_SYLLABLES_UNCUED:
                found.append(_Candidate(first, last, None, 3))
        found += self.repeats(found)
        given = {self.words[c.last - 1].key for c in found if c.last - c.first >= 2}
        found += [c for c in short if self.words[c.first].key in given]
        return found + self.titled_given_names(found)

    def inside_a_name(self, match: re.Match) -> bool:
        """Whether a capitalised honorific that needs two syllables after it (``Anh``, ``Chị``)
        follows a capitalised word: then it is that name's last syllable."""
        honorific = match.group(1)
        if not honorific[:1].isupper() or self.vocab.short_forms.get(honorific):
            return False
        index = self.word_at(match.start())
        return index is not None and self.spaced(index) and _is_syllable(self.words[index - 1])

    def titled_given_names(self, found: list[_Candidate]) -> list[_Candidate]:
        """A person named again by post and given name: "Theo Thượng tá Lũy", "Phó Chủ tịch
        Vinh", when "... Nguyễn Văn Lũy" was named in full before."""
        given = {self.words[c.last - 1].key for c in found if c.last - c.first >= 2}
        extra = []
        for index, word in enumerate(self.words):
            if word.key not in given or not _is_syllable(word):
                continue
            if index + 1 < len(self.words) and self.spaced(index + 1) and _is_syllable(self.words[index + 1]):
                continue  # part of a longer name
            if index > 0 and self.spaced(index) and _is_syllable(self.words[index - 1]) and (
                    self.words[index - 1].end not in self.org_ends) and self.title_before(index) is None:
                continue
            # The given name of a person named in full may also be a place ("Phó Chủ tịch Vinh"):
            # right after a post it is the person.
            if self.title_before(index) is not None and self.acceptable(index, index + 1, None, place_ok=True):
                extra.append(_Candidate(index, index + 1, None, 4))
        return extra

    def repeats(self, found: list[_Candidate]) -> list[_Candidate]:
        """Every other place a name already found is written again (a caption printed twice)."""
        names = {self.text[self.words[c.first].start : self.words[c.last - 1].end] for c in found if c.last - c.first >= 2}
        extra = []
        for name in names:
            for match in re.finditer(re.escape(name), self.text):
                first, end_word = self.word_at(match.start()), self.word_ending_at(match.end())
                if first is None or end_word is None:
                    continue
                if (first > 0 and self.spaced(first) and _is_syllable(self.words[first - 1])) or (
                    end_word + 1 < len(self.words) and self.spaced(end_word + 1) and _is_syllable(self.words[end_word + 1])
                ):
                    continue
                if self.acceptable(first, end_word + 1, None):
                    extra.append(_Candidate(first, end_word + 1, None, 4, self.alone_on_line(first, end_word + 1)))
        return extra

    def byline_start(self) -> int:
        """Offset of the last lines of the text, where a byline may carry any name (``Thu Hà``)."""
        position = len(self.text)
        for _ in range(_BYLINE_LINES):
            position = self.text.rstrip().rfind("\n", 0, position)
            if position < 0:
                return 0
            while position > 0 and self.text[position - 1] == "\n":
                position -= 1
        return position

    def signed_for_organisation(self, first: int, last: int) -> bool:
        """A byline naming the writer's organisation after the name, alone on its line:
        ``Thanh Hải (LĐLĐ Quảng Bình)``, ``Kim Ngân - CĐN Y tế Sóc Trăng``."""
        line_start = self.text.rfind("\n", 0, self.words[first].start) + 1
        if self.text[line_start : self.words[first].start].strip(_LINE_DECORATION):
            return False
        line_end = self.text.find("\n", self.words[last - 1].end)
        line_end = len(self.text) if line_end < 0 else line_end
        after = self.text[self.words[last - 1].end : line_end]
        opening = _BYLINE_ORG_OPENING.match(after)
        if opening is None:
            return False
        org_start = self.words[last - 1].end + opening.end()
        org_end = self.org_end_at.get(org_start)
        rest = self.text[org_end:line_end].strip(_LINE_DECORATION + ".)") if org_end is not None else None
        return rest is not None and (not rest or is_place_name(rest))  # "CĐN Y tế Sóc Trăng"

    def alone_on_line(self, first: int, last: int) -> bool:
        line_start = self.text.rfind("\n", 0, self.words[first].start) + 1
        line_end = self.text.find("\n", self.words[last - 1].end)
        line_end = len(self.text) if line_end < 0 else line_end
        before = self.text[line_start : self.words[first].start]
        after = self.text[self.words[last - 1].end : line_end]
        return not before.strip(_LINE_DECORATION) and not after.strip(_LINE_DECORATION + ".")

    # -- roles

    def element_end(self, index: int) -> int | None:
        """End offset of one title (with the organisation after it) starting at word ``index``.

        The organisation may begin with the title's last word (``Phó Trưởng ban`` + ``Ban Dân
        vận Tỉnh ủy``) and carry a term (``LĐLĐ huyện Gia Lâm khóa XIX``); ``nguyên``,
        ``Quyền``, ``kiêm`` before it belong to it."""
        best = None
        if self.vocab.title_prefixes.has(self.words[index], self.text) and self.spaced(index + 1):
            # "Phó Chỉ huy trưởng ...", "nguyên Chủ tịch ...": the longer of this and a listed
            # title ("Phó Chủ tịch thường trực"; "Phó" alone as in "Phó Ban Tuyên giáo").
            best = self.element_end(index + 1) if index + 1 < len(self.words) else None
        for size, _ in self.vocab.titles.matches(self.text, self.words, index):
            end_word = index + size
            end = self.words[end_word - 1].end
            inner = [self.words[i].start for i in range(index + 1, end_word) if self.words[i].start in self.org_end_at]
            if inner and size > 1:
                # The organisation begins inside the title: "Phó Trưởng ban" + "Ban Dân vận Tỉnh ủy",
                # "Chánh Văn phòng" + "Văn phòng LĐLĐ tỉnh".
                end = max(self.org_end_at[inner[0]], end)
            elif end_word < len(self.words) and self.spaced(end_word) and self.words[end_word].start in self.org_end_at:
                # the longer of the organisation and a workplace read from the same words
                end = max(self.org_end_at[self.words[end_word].start], self.workplace_end(end_word, end))
            else:
                end = self.workplace_end(end_word, end)
            end = self.closed_end(end)
            end = self.term_end(end)
            if best is None or end > best:
                best = end
        return best

    def workplace_end(self, index: int, end: int) -> int:
        """End of a workplace named by its kind right after a title at word ``index``
        (``Bệnh viện``, ``khoa Dược``), else ``end`` unchanged."""
        if index >= len(self.words) or not self.spaced(index):
            return end
        match = self.vocab.workplaces.match(self.text, self.words, index)
        if match is None:
            return end
        size, kind = match
        last = index + size
        if kind.named:
            name_end = self.name_end(last) if last < len(self.words) and self.spaced(last) else last
            if name_end == last and last < len(self.words) and self.spaced(last):
                # "Tổ công đoàn Phòng Kế toán": lower-case words, then the name (maybe an organisation's)
                name_end = self.linked_name_words(last, into_org=True) or last
            if name_end == last and last < len(self.words) and self.spaced(last) and (
                    self.words[last].text.isupper() and self.words[last].text.isalnum()):
                name_end = last + 1  # a code for a name: "Phân xưởng SMT"
            if name_end - last >= 3 and self.has_surname(last):
                return end  # "Trưởng thôn Đỗ Văn Tình": a person's full name, not the village's
            name_end = next((p for p in range(last + 1, name_end - 2) if self.has_surname(p)), name_end)
            # "Tổ trưởng Tổ Tiếng Anh Hồ Thị Bích Vân": the unit's name stops where a full name starts
            if name_end == last:
                return end  # "khoa" with no name: not a workplace
            last = name_end
            while (linked := self.linked_name_words(last)) is not None:
                last = linked  # "khoa Nhà nước và Pháp luật": lower-case words between capitalised ones
            if last < len(self.words) and self.spaced(last) and self.words[last].text.isdigit():
                last += 1  # a number ends the name: "thôn Kon Rờ Bàng 1", "Phân xưởng May 2"
            # One lower-case syllable closing the name before punctuation: "khoa Cấp cứu)",
            # "phòng Kế toán," (not "khoa Dược được bầu ...", where a word follows).
            if self.closes_name(last):
                last += 1
            else:
                last = self.lower_run_before_org(last)
            # A ward of a named organisation: "Trưởng khoa Nội Bệnh viện Đa khoa tỉnh".
            if last < len(self.words) and self.spaced(last) and self.words[last].start in self.org_end_at:
                return self.org_end_at[self.words[last].start]
        return self.words[last - 1].end

    def linked_name_words(self, index: int, into_org: bool = False) -> int | None:
        """End (word index) of a name going on after one or two lower-case words at ``index``
        that link it to more capitalised syllables (``Nhà nước`` + ``và`` + ``Pháp luật``); with
        ``into_org``, also to an organisation (``Tổ công đoàn`` + ``Phòng Kế toán``)."""
        size = linking_words(self.text, self.words, index, self.spaced,
                             lambda i: _is_syllable(self.words[i]))
        if not size:
            return None
        org_end = self.org_end_at.get(self.words[index + size].start)
        if org_end is None:
            return self.name_end(index + size)
        return self.word_ending_at(org_end) + 1 if into_org else None

    def lower_run_before_org(self, index: int) -> int:
        """``index`` moved over lower-case syllables that end the name right before the
        organisation it belongs to (``phòng An`` + ``ninh kinh tế`` + ``Công an tỉnh``): a few
        syllables, none of them a name breaker (``khoa Nội tại Bệnh viện`` stays)."""
        position = index
        while position < len(self.words) and position - index < _MAX_LOWER_RUN and self.spaced(position):
            word = self.words[position]
            if not (word.text.isalpha() and word.text.islower()) or is_name_breaker(word, self.text):
                return index
            position += 1
            if position < len(self.words) and self.words[position].start in self.org_end_at and (
                    self.spaced(position) or _TITLE_SEPARATOR.fullmatch(
                        self.text[self.words[position - 1].end : self.words[position].start])):
                return position  # also "Khoa Kiểm soát nhiễm khuẩn, Bệnh viện ...": the unit's parent
        return index

    def closed_end(self, end: int) -> int:
        """``end`` moved over a lower-case last syllable the name reader left out (``Tổ Bảo`` +
        ``vệ``, ``Tổ chức - Hành`` + ``chính``)."""
        following = self.word_at(end + 1) if self.text[end : end + 1] == " " else None
        if following is not None and self.words[following - 1].text[:1].isupper() and self.closes_name(following) and (
                self.unit_ends_at(end)):
            return self.words[following].end  # a unit's name, not "Công ty ... Hậu Giang" + "hỏi:"
        return end

    def closes_name(self, index: int) -> bool:
        """Whether the lower-case word at ``index`` closes the name before it (``khoa Cấp cứu)``):
        :func:`extractor.organisations.closes_name`."""
        return self.spaced(index) and closes_name(self.text, self.words, index)

    def term_end(self, end: int) -> int:
        """``khóa XIX`` after a post: part of the role."""
        following = self.word_at(end + 1) if end + 1 <= len(self.text) and self.text[end : end + 1] == " " else None
        if following is None or following + 1 >= len(self.words):
            return end
        if self.vocab.term_words.has(self.words[following], self.text) and self.spaced(following + 1):
            numeral = self.words[following + 1].text
            if numeral.isupper() and set(numeral) <= _ROMAN:
                return self.words[following + 1].end
        return end

    def unit_ends_at(self, end: int) -> bool:
        """Whether a title element ending at ``end`` names a unit by a workplace kind
        (``Phân xưởng ...``, ``Tổ ...``, ``khoa ...``), which its company may follow."""
        last = self.word_ending_at(end)
        if last is None:
            return False
        # Only the element itself: back to the comma before it ("Tổ trưởng Tổ X, Phó Chủ tịch ...").
        first = bisect_left(self.starts, self.text.rfind(",", 0, end) + 1)
        for index in range(max(first, last - _UNIT_REACH), last + 1):
            kind = self.vocab.workplaces.match(self.text, self.words, index)
            if kind is not None and kind[1].unit:  # a company's unit (not "Công ty", not "tỉnh")
                return True
        return False

    def chain_end(self, index: int) -> int | None:
        """End offset of a chain of titles starting at word ``index`` (memoised: every name
        looks back up to ``_BEFORE_REACH`` words for a title, so the same starts recur)."""
        if index not in self._chains:
            self._chains[index] = self._chain_end(index)
        return self._chains[index]

    def _chain_end(self, index: int) -> int | None:
        end = self.element_end(index)
        if end is None:
            return None
        while True:
            separator = _TITLE_SEPARATOR.match(self.text, end) or _SPACES.match(self.text, end)
            if not separator:
                return end
            following = self.word_at(separator.end())
            if following is not None and "," not in separator.group() and not self.vocab.title_prefixes.has(
                    self.words[following], self.text):
                return end  # only "kiêm ..." goes on after a plain space
            more = self.element_end(following) if following is not None else None
            if more is None and following is not None and "," in separator.group() and self.unit_ends_at(end):
                # "công nhân Phân xưởng chế biến, Công ty cổ phần ...": the unit's company
                more = self.org_end_at.get(self.words[following].start)
            if more is None:
                return end
            end = more

    def verb_post(self, last: int) -> str | None:
        """The post a verb right after the name gives (``bầu bà X giữ chức Chủ tịch ...``)."""
        return self.role_from(self.words[last - 1].end, last, verb_only=True)

    def role_after(self, last: int) -> str | None:
        end = self.words[last - 1].end
        role = self.role_from(end, None)
        note = _BRACKET_NOTE.match(self.text, end) if role is None else None
        if note is not None:
            # A note in brackets between the name and its title: "(SN 1985), công nhân ...",
            # "(thứ hai từ trái sang), Phó Chủ tịch ..." (a title in brackets is read above).
            role = self.role_from(note.end(), None)
        return role

    def role_from(self, end: int, last: int | None, verb_only: bool = False) -> str | None:
        """The title chain after a separator at offset ``end`` or, when ``last`` is the word
        right after the name, after a verb (``giữ chức``, ``làm``)."""
        separator = None if verb_only else _ROLE_SEPARATOR.match(self.text, end)
        if separator:
            following = self.word_at(separator.end())
            if following is not None:
                chain = self.chain_end(following)
                if chain is not None:
                    return self.text[self.words[following].start : chain]
        # "bầu bà X giữ chức Chủ tịch CĐCS ...", "chỉ định ông Y làm Chủ tịch lâm thời"
        if last is not None and last < len(self.words) and self.spaced(last):
            verb = self.vocab.role_verbs.match(self.text, self.words, last)
            post = last + verb[0] if verb else None
            if post is not None and post < len(self.words) and self.spaced(post):
                chain = self.chain_end(post)
                if chain is not None:
                    return self.text[self.words[post].start : chain]
        return None

    def title_before(self, first: int) -> tuple[int, int] | None:
        """(start, end) of a title chain written right before word ``first``."""
        target = self.words[first].start
        for index in range(max(0, first - _BEFORE_REACH), first):
            chain = self.chain_end(index)
            if chain is None or chain >= target:
                continue
            gap = self.text[chain:target]
            # "Chủ tịch CĐCS Công ty TNHH Hoàng Long, anh Phạm Văn Đức": an apposition, when
            # the title opens its clause (in a list, a title before a comma is the last name's).
            if _SPACES.fullmatch(gap) or (_WRAPPED.fullmatch(gap) and self.has_surname(first)) or (
                    _TITLE_SEPARATOR.fullmatch(gap) and not self.after_comma(index)):
                return self.words[index].start, chain
        return None

    def is_rank(self, role: str) -> bool:
        """Whether ``role`` is one military or police rank alone (``Đại tá``)."""
        role_words = words(role)
        match = self.vocab.titles.match(role, role_words, 0)
        return match is not None and match[0] == len(role_words) and match[1].rank

    def after_comma(self, index: int) -> bool:
        """Whether word ``index`` follows a comma after a name or a title: in ``đồng chí A,
        Chủ tịch X, ông B`` the title is A's, while ``Dự có Phó Chủ tịch UBND tỉnh, ông B`` and
        ``Phát biểu chỉ đạo hội nghị, Phó Chủ tịch UBND huyện, ông B`` give it to B."""
        if not self.text[: self.words[index].start].rstrip(" \t").endswith(","):
            return False
        before = self.word_ending_at(self.text.rfind(",", 0, self.words[index].start))
        return before is None or not self.words[before].text.islower() or (
            self.words[before].end in self.org_ends or self.term_or_title_ends(before))

    def term_or_title_ends(self, index: int) -> bool:
        """Whether a title chain ends with word ``index`` (``..., Chủ tịch, ông B``)."""
        end = self.words[index].end
        return any(self.chain_end(start) == end for start in range(max(0, index - _BEFORE_REACH), index + 1))

    def role_before(self, candidate: _Candidate) -> str | None:
        first = candidate.first
        if candidate.honorific:
            honorific_start = self.words[first].start
            match = None
            pattern = self.vocab.honorifics.for_text(self.text)
            for match in pattern.finditer(self.text, max(0, honorific_start - 40), honorific_start):
                pass
            if match is None or match.end() != honorific_start:
                return None
            first_of_honorific = self.word_at(match.start())
            if first_of_honorific is None:
                return None
            first = first_of_honorific
        span = self.title_before(first)
        return self.text[span[0] : span[1]] if span else None

    def signature_lines(self, candidate: _Candidate) -> tuple[str | None, str | None]:
        """(role from the title lines below the name, role from the title line above it)."""
        below: list[str] = []
        position = self.words[candidate.last - 1].end
        for line in _lines_after(self.text, position, _SIGNATURE_REACH):
            role = self.whole_line_role(line)
            if role is None:
                break
            below.append(role)
        above = None
        position = self.words[candidate.first].start
        for start, end in _lines_before(self.text, position, _SIGNATURE_REACH):
            if fold(self.text[start:end].strip(_LINE_DECORATION + "()[]")) in self.vocab.signature_notes:
                continue  # `(Đã ký)` between the title and the name
            above = self.whole_line_role((start, end))
            break
        return (", ".join(below) if below else None), above

    def whole_line_role(self, span: tuple[int, int]) -> str | None:
        start, end = span
        line = self.text[start:end]
        left = start + len(line) - len(line.lstrip(_LINE_DECORATION))
        right = start + len(line.rstrip(_LINE_DECORATION + "."))
        first = self.word_at(left)
        if first is None or left >= right:
            return None
        chain = self.chain_end(first)
        return self.text[left:right] if chain == right else None

    # -- all together

    def people(self) -> list[Found]:
        chosen: list[_Candidate] = []
        taken: set[int] = set()
        for candidate in sorted(self.candidates(), key=lambda c: (c.priority, c.first, -c.last)):
            indices = set(range(candidate.first, candidate.last))
            if indices & taken:
                continue
            taken |= indices
            chosen.append(candidate)
        result = []
        ordered = sorted(chosen, key=lambda c: c.first)
        for position, candidate in enumerate(ordered):
            start, end = self.words[candidate.first].start, self.words[candidate.last - 1].end
            role = self.role_after(candidate.last)
            if candidate.alone_on_line:
                below, above = self.signature_lines(candidate)
                role = role or below or above
            before = self.role_before(candidate)
            if role and before and self.is_rank(before):
                role = f"{before}, {role}"  # "Đại tá Hồ Sĩ Lâm, Chỉ huy trưởng ...": both
            # A title bound to the name wins over a post a verb gives after it ("Phó Hiệu
            # trưởng X làm Trưởng ban tổ chức": the role is Phó Hiệu trưởng).
            role = role or before or self.verb_post(candidate.last) or self.shared_post(ordered[position + 1 :], end)
            if (degree := self.degrees.get(start)) is not None:
                role = f"{degree}, {role}" if role else degree  # "KS., Phó Trưởng phòng ..."
            result.append(Found(LABEL, start, end, {
                "name": self.text[start:end],
                "honorific": candidate.honorific,
                "role": role,
            }))
        return result


    def shared_post(self, following: list[_Candidate], end: int) -> str | None:
        """The post a verb gives to names joined with ``và`` or commas, read after the last
        one: ``các đồng chí A và B được bầu giữ chức Phó Chủ tịch`` -> both are Phó Chủ tịch."""
        for candidate in following:
            start = self.words[candidate.first].start
            if not self.vocab.name_list_joiner.fullmatch(self.text[end:start]):
                return None
            end = self.words[candidate.last - 1].end
            if self.role_from(end, None):
                return None  # this one has its own title
            post = self.role_from(end, candidate.last)
            if post is not None:
                return post
        return None


def _is_syllable(word: Word) -> bool:
    """A capitalised syllable of a name: ``Vàng``, ``A``, ``Lả`` (not ``LĐLĐ``, not ``2021``)."""
    text = word.text
    return text[0].isupper() and text.isalpha() and (len(text) == 1 or not text[1:].isupper())


def _lines_after(text: str, position: int, reach: int):
    """Non-empty lines after the line holding ``position``, as (start, end)."""
    line_end = text.find("\n", position)
    count = 0
    while line_end >= 0 and count < reach:
        start = line_end + 1
        line_end = text.find("\n", start)
        end = len(text) if line_end < 0 else line_end
        if text[start:end].strip(_LINE_DECORATION):
            yield start, end
        count += 1


def _lines_before(text: str, position: int, reach: int):
    """Non-empty lines before the line holding ``position``, nearest first."""
    line_start = text.rfind("\n", 0, position)
    count = 0
    while line_start >= 0 and count < reach:
        end = line_start
        line_start = text.rfind("\n", 0, end)
        start = line_start + 1
        if text[start:end].strip(_LINE_DECORATION):
            yield start, end
        count += 1


@lru_cache(maxsize=64)
def _find(text: str) -> tuple[Found, ...]:
    return tuple(_Reader(text).people())


def find_people(text: str) -> list[Found]:
    """Every named person in ``text`` (normalised), sorted, never overlapping.

    >>> text = "Đ/c Lô Tiến Sơn, Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh chủ trì Hội nghị"
    >>> found = find_people(text)[0]
    >>> text[found.start:found.end], found.attrs["honorific"], found.attrs["role"]
    ('Lô Tiến Sơn', 'Đ/c', 'Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh')
    """
    if not isinstance(text, str) or not text:
        return []
    return [Found(f.label, f.start, f.end, dict(f.attrs)) for f in _find(text)]


def title_organisation(role: str, province: str | None = None) -> str | None:
    """The body a member title belongs to, when the role names no organisation.

    >>> title_organisation("Tỉnh ủy viên", "Lạng Sơn")
    'Tỉnh ủy Lạng Sơn'
    """
    if not isinstance(role, str):
        return None
    vocab = _vocab()
    for title in reversed([part.strip() for part in role.split(",")]):
        body = vocab.member_of.get(fold(title))
        if body:
            return f"{body} {province}" if province and body == "Tỉnh ủy" else body
    return None


# --------------------------------------------------------------------------- merging


def merge_people(found: list[Found], province: str | None = None) -> list[PersonRecord]:
    """Join the mentions of one person: same name, or a later short form of a name.

    ``đồng chí Lả`` and ``ông Sơn`` join ``Vàng A Lả`` and ``Lô Tiến Sơn`` when exactly one
    full name in the list ends that way. Every role seen is kept (in order), with the
    organisation it names (``province`` resolves ``LĐLĐ tỉnh``).

    >>> people = [Found("PERSON", 4, 13, {"name": "Vàng A Lả", "honorific": "Ông", "role": "Chủ tịch LĐLĐ tỉnh"}),
    ...           Found("PERSON", 90, 92, {"name": "Lả", "honorific": "đồng chí", "role": None})]
    >>> [(p.name, len(p.mentions)) for p in merge_people(people)]
    [('Vàng A Lả', 2)]
    """
    from extractor.organisations import role_organisation

    mentions = sorted((f for f in found if f.label == LABEL and f.attrs.get("name")), key=lambda f: f.start)
    full_names = {fold(f.attrs["name"]): f.attrs["name"] for f in mentions}
    groups: dict[str, list[Found]] = {}
    for mention in mentions:
        key = fold(mention.attrs["name"])
        owners = [
            full for full in full_names
            if full != key and (full.endswith(" " + key)) and len(full.split()) > len(key.split())
        ]
        if len(owners) == 1:
            key = owners[0]
        groups.setdefault(key, []).append(mention)
    records = []
    for key, group in groups.items():
        roles = list(dict.fromkeys(m.attrs["role"] for m in group if m.attrs.get("role")))
        honorifics = list(dict.fromkeys(m.attrs["honorific"] for m in group if m.attrs.get("honorific")))
        organisations = [org for org in (role_organisation(role, province) for role in roles) if org]
        records.append(PersonRecord(
            name=full_names[key],
            honorifics=honorifics,
            roles=roles,
            organisations=list(dict.fromkeys(organisations)),
            mentions=[
                PersonMention(start=m.start, end=m.end, name=m.attrs["name"], honorific=m.attrs.get("honorific"),
                              role=m.attrs.get("role"))
                for m in group
            ],
        ))
    return sorted(records, key=lambda record: record.mentions[0].start)
