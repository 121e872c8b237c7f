"""Organisations, state and Party bodies in report text (label ``ORG``).

:func:`find_organisations` returns ``Found`` items with attrs ``{"canonical", "level",
"province"}``:

* ``Tổng Liên đoàn Lao động Việt Nam`` / ``Tổng LĐLĐ Việt Nam`` / ``TLĐ`` / ``Tổng Liên
  đoàn`` -> ``Tổng Liên đoàn Lao động Việt Nam``, level ``national``;
* ``LĐLĐ tỉnh`` in a Sơn La report -> ``Liên đoàn Lao động tỉnh Sơn La``, ``province``;
* ``LĐLĐ huyện Bắc Sơn`` -> ``Liên đoàn Lao động huyện Bắc Sơn``, ``district``, province
  ``Lạng Sơn``; ``LĐLĐ Thành phố`` -> the provincial capital's ``Liên đoàn Lao động thành
  phố Lạng Sơn``;
* spans are maximal: ``Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam``, ``Ban Thường vụ
  LĐLĐ tỉnh``, ``Ủy ban Kiểm tra LĐLĐ tỉnh`` are one ORG each;
* a unit written alone is the unit of the report's own organisation: ``xin ý kiến Ban
  Thường vụ`` -> ``Ban Thường vụ Liên đoàn Lao động tỉnh Sơn La``; elliptical lists share
  their parent (``Văn phòng, Ban Dân vận Tỉnh ủy``; ``LĐLĐ huyện Than Uyên và Sìn Hồ``);
* named enterprises and schools: ``trường phổ thông dân tộc bán trú tiểu học Nậm Chà`` ->
  ``Trường Phổ thông dân tộc bán trú Tiểu học Nậm Chà``, ``grassroots``.

Not ORG: generic mentions (``các cấp công đoàn``, ``Ủy ban Kiểm tra công đoàn các cấp``,
``thành lập 11 CĐCS``, ``LĐLĐ các huyện``), groups of people (``CNVCLĐ``, ``CNLĐ``), ``BHXH``
as the insurance, events (in ``Đại hội XIV Công đoàn tỉnh`` only ``Công đoàn tỉnh``).

Vocabulary lives in ``resources/org_bodies.yaml``, ``org_names.yaml``,
``org_abbreviations.yaml`` and ``org_generic.yaml``; places come from
:mod:`extractor.places`. :func:`infer_province` tells which province a report is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from extractor.data import load_resource
from extractor.found import Found
from extractor.linking import (
    Linker,
    PhraseTable,
    Word,
    WordSet,
    fold,
    gap_between,
    is_unaccented,
    normalize_tones,
    strip_marks,
    words,
)
from extractor.places import capital_city, named_place_at, place_at, scan_places, unit_at

__all__ = ["find_organisations", "infer_province", "link_organisation", "role_organisation"]

LABEL = "ORG"
BODIES_RESOURCE = "org_bodies.yaml"
NAMES_RESOURCE = "org_names.yaml"
ABBREVIATIONS_RESOURCE = "org_abbreviations.yaml"
GENERIC_RESOURCE = "org_generic.yaml"

# A body and the body or place it belongs to are written side by side on one line.
_SPACES = re.compile(r"[ \t]+")
# Inside a proper name (``Xi măng Mai Sơn``, ``Bà Rịa - Vũng Tàu``).
_NAME_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*")
# An elliptical list: ``Văn phòng, Ban Dân vận Tỉnh ủy``, ``Than Uyên và Sìn Hồ``.
_LIST_GAP = re.compile(r"[ \t]*,[ \t]*|[ \t]+")
_MAX_DEPTH = 3
# A place weighs more in the choice of the report's province when it names a union body.
_ORG_PLACE_WEIGHT = 3


@dataclass(frozen=True, slots=True)
class _Body:
    section: str  # national, local, party, units, named
    canonical: str
    level: str | None = None
    bare: bool = False
    home: bool = False
    standalone: bool = False
    lowercase_check: bool = False
    not_before: WordSet | None = None
    unit: str | None = None
    names: str | None = None
    resolve_place: bool = False
    anaphoric: bool = False
    anaphoric_lowercase: bool = False
    keep_case: bool = False
    open: bool = False
    not_after: PhraseTable | None = None
    within: str | None = None  # a unit of the one body of this kind the report names (`Đội` of its `Công ty`)


@dataclass(frozen=True, slots=True)
class _Name:
    canonical: str
    keep_case: bool = False


@dataclass(frozen=True, slots=True)
class _Tables:
    bodies: PhraseTable
    names: dict[str, PhraseTable]
    descriptors: PhraseTable
    expansions: dict[str, tuple[str, ...]]
    generic_after: PhraseTable
    generic_before: PhraseTable
    union_generic_before: PhraseTable
    joiners: WordSet
    name_breakers: WordSet
    number_words: WordSet
    home_kinds: frozenset[str]
    branches: PhraseTable
    surnames: WordSet
    address_words: WordSet
    titles: PhraseTable


@dataclass(slots=True)
class _Org:
    start_word: int
    end_word: int
    canonical: str | None
    level: str | None
    province: str | None
    section: str
    home: bool = False
    written_place: str | None = None  # province of a place written in the name
    needs_parent: str | None = None  # a unit written alone: its canonical, parent to find
    bare: bool = False  # nothing specific written (no place, no name)
    list_head: tuple[str, str, frozenset[str]] | None = None  # (canonical head, unit word, unit types)
    anaphoric: bool = False  # ``Công ty`` alone: the company the report names
    prefix: str | None = None  # ``Ban Chấp hành`` of an anaphoric ``BCH CĐCS``
    kind: str | None = None  # the anaphoric kind a named body is of (``Công ty``)
    within: str | None = None  # kind of the body it belongs to, named elsewhere (``Công ty``)


# --------------------------------------------------------------------------- data


def _case_of(form: str, entry: dict[str, Any]) -> str:
    if "case" in entry:
        return entry["case"]
    return "upper" if form.isupper() else "any"


@cache
def _tables() -> _Tables:
    data = load_resource(BODIES_RESOURCE)
    bodies = PhraseTable()
    for section in ("national", "local", "party", "units", "named"):
        for entry in data[section]:
            default_level = "national" if section == "national" else None
            body = _Body(
                section=section,
                canonical=entry["canonical"],
                level=entry.get("level", default_level),
                bare=entry.get("bare", False),
                home=entry.get("home", False),
                standalone=entry.get("standalone", False),
                lowercase_check=entry.get("lowercase_check", False),
                not_before=WordSet(entry.get("not_before", ())),
                unit=entry.get("unit"),
                names=entry.get("names"),
                resolve_place=entry.get("resolve_place", False),
                anaphoric=entry.get("anaphoric", False),
                anaphoric_lowercase=entry.get("anaphoric_lowercase", False),
                keep_case=entry.get("keep_case", False),
                open=entry.get("open", False),
                not_after=_phrases(entry.get("not_after", ())),
                within=entry.get("within"),
            )
            for form in entry["forms"]:
                bodies.add(form, body, _case_of(form, entry))
    names_data = dict(load_resource(NAMES_RESOURCE))
    breakers = WordSet(entry["word"] for entry in names_data.pop("name_breakers"))
    address_words = WordSet(entry["word"] for entry in names_data.pop("address_words"))
    number_words = WordSet(entry["word"] for entry in names_data.pop("number_words"))
    names: dict[str, PhraseTable] = {}
    for list_name, entries in names_data.items():
        table = PhraseTable()
        for entry in entries:
            name = _Name(entry["canonical"], entry.get("keep_case", False))
            for form in [entry["canonical"], *entry.get("forms", [])]:
                table.add(form, name)
        names[list_name] = table
    expansions = {
        strip_marks(entry["abbr"]): tuple(word.text for word in words(entry["expansion"]))
        for entry in load_resource(ABBREVIATIONS_RESOURCE)["abbreviations"]
        if entry["org"]
    }
    generic = load_resource(GENERIC_RESOURCE)
    tables = {}
    for key in ("after", "before", "lowercase_union_before"):
        tables[key] = PhraseTable.of(entry["words"] for entry in generic[key])
    return _Tables(
        bodies=bodies,
        names=names,
        descriptors=names["descriptors"],
        expansions=expansions,
        generic_after=tables["after"],
        generic_before=tables["before"],
        union_generic_before=tables["lowercase_union_before"],
        joiners=WordSet(generic["list_joiners"]),
        name_breakers=breakers,
        home_kinds=frozenset(
            fold(entry["canonical"]) for section in ("local", "named") for entry in data[section]
            if entry.get("home") and entry.get("anaphoric")
        ),
        number_words=number_words,
        branches=names["branches"],
        address_words=address_words,
        titles=PhraseTable.of(entry["title"] for entry in load_resource("titles.yaml")["titles"]),
        surnames=WordSet(entry["name"] for entry in load_resource("person_surnames.yaml")["surnames"]),
    )


def _phrases(phrases) -> PhraseTable | None:
    return PhraseTable.of(phrases) if phrases else None


@lru_cache(maxsize=8)
def _tokens(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with organisation abbreviations read as their expansion.

    Every word of an expansion keeps the abbreviation's offsets, so a match maps back to
    the characters as written. Cached: a report is parsed with and without its province
    (:func:`infer_province`, :func:`find_organisations`) and by the people and place readers.
    """
    expansions = _tables().expansions
    tokens: list[Word] = []
    for word in words(text):
        expansion = expansions.get(word.bare) if word.is_upper and len(word.text) > 1 else None
        if expansion:
            tokens.extend(Word(word.start, word.end, part) for part in expansion)
        else:
            tokens.append(word)
    return tuple(tokens)


# --------------------------------------------------------------------------- grammar


class _Parser:
    """One pass over a text's tokens; ``province`` resolves ``tỉnh`` and bare bodies."""

    def __init__(self, text: str, province: str | None):
        self.text = text
        self.province = province
        self.tokens = _tokens(text)
        self.tables = _tables()
        self.unaccented = is_unaccented(text)
        self._districts: dict[str, str | None] = {}

    # -- helpers

    def gap(self, index: int) -> str:
        """The characters between token ``index - 1`` and token ``index``."""
        return gap_between(self.text, self.tokens[index - 1], self.tokens[index])

    def spaced(self, index: int) -> bool:
        return 0 < index < len(self.tokens) and bool(_SPACES.fullmatch(self.gap(index)))

    def inside_word(self, index: int) -> bool:
        """Whether ``index`` falls between two words of one abbreviation's expansion."""
        return 0 < index < len(self.tokens) and self.tokens[index].start == self.tokens[index - 1].start

    def generic_after(self, index: int) -> bool:
        return self.spaced(index) and self.tables.generic_after.match(self.text, self.tokens, index) is not None

    def preceded_by(self, table: PhraseTable, index: int) -> bool:
        for size in range(1, table.max_words + 1):
            start = index - size
            if start < 0:
                break
            match = table.match(self.text, self.tokens, start)
            if match and match[0] == size and self.spaced(index):
                return True
        return False

    def after_number(self, index: int) -> bool:
        """``thành lập 11 CĐCS``: a counted kind of body, not a body."""
        return index > 0 and self.tokens[index - 1].text.isdigit() and self.spaced(index)

    def place_phrase(self, places, unit_word: str | None) -> tuple[str, str | None, str | None]:
        """(canonical place phrase, level, province) of a written place."""
        place = _choose(places, self.province)
        if place.unit_type in ("foreign", "country"):
            return place.name, None, None
        if unit_word is None or _is_province(place):
            unit_word = _unit_word_of(place)
        return _with_unit(unit_word, place.name), _level_of(place), place.province

    def resolved_unit(self, unit_type: str, division: str | None = None) -> tuple[str, str | None, str | None] | None:
        """The place meant by a unit word written alone (``LĐLĐ tỉnh``, ``LĐLĐ Thành phố``,
        ``LĐLĐ huyện`` in a report that names one district)."""
        if self.province is None:
            return ("tỉnh", "province", None) if unit_type == "province" else None
        if unit_type == "province":
            own = _province_place(self.province)
            return _with_unit(_unit_word_of(own), self.province), "province", self.province
        if unit_type == "city":
            own = _province_place(self.province)
            if own is not None and own.division == "thanh-pho":
                return _with_unit("thành phố", self.province), "province", self.province
            city = capital_city(self.province)
            if city is None:
                return None
            return f"thành phố {city.name}", "district", self.province
        if unit_type == "district" and division:
            name = self.district_in_text(division)
            if name:
                return f"{_unit_word_of_division(division)} {name}", "district", self.province
        return None

    def unknown_place_end(self, index: int) -> int:
        """End of a capitalised place name at ``index`` that the gazetteer does not know, or ``index``."""
        if not self.spaced(index) or index >= len(self.tokens) or not self.tokens[index].text[0].isupper():
            return index
        if self.tokens[index - 1].text.isupper():
            return index  # a heading in capitals: "LĐLĐ HUYỆN LÀM TRƯỞNG ĐOÀN" names no place
        if self.tables.bodies.matches(self.text, self.tokens, index):
            return index  # "LĐLĐ huyện Ủy ban ...": another body
        position = index
        while position < len(self.tokens) and position - index < _MAX_PLACE_SYLLABLES and (
                position == index or _NAME_GAP.fullmatch(self.gap(position)) and self.gap(position).strip() == ""
        ) and self.tokens[position].text[0].isupper() and self.tokens[position].text.isalpha():
            position += 1
        if self.person_name_at(index, position):
            return index  # "Phó Chủ tịch UBND huyện Trần Văn Lâm": a person's full name, no place
        return position

    def unresolved_unit(self, unit_type: str, unit_word: str) -> tuple[str, str, str | None]:
        """A unit word no place of the report resolves (``huyện`` when the report names no
        district): kept as written, in the report's province."""
        level = "province" if unit_type == "province" else "grassroots" if unit_type == "commune" else "district"
        return normalize_tones(unit_word.lower()), level, self.province

    def district_in_text(self, division: str) -> str | None:
        """The district of ``division`` (``huyen``, ``thi-xa`` ...) of the report's province
        that the text names most often, if any."""
        if division not in self._districts:
            counts: Counter[str] = Counter()
            for _, _, places, _ in scan_places(self.text):
                counts.update(p.name for p in places if p.division == division and p.province == self.province)
            for name in _named_districts(self.text, division, self.province):
                counts[name] += 1
            self._districts[division] = counts.most_common(1)[0][0] if counts else None
        return self._districts[division]

    def home_suffix(self) -> tuple[str, str | None, str | None]:
        """A bare local body belongs to the report's province."""
        if self.province is None:
            return "", None, None
        return " " + self.resolved_unit("province")[0], "province", self.province

    def generic_list(self, index: int) -> bool:
        """``LĐLĐ huyện, thành phố``: unit words listed without names are kinds of body."""
        if index >= len(self.tokens) or not _LIST_GAP.fullmatch(self.gap(index)):
            return False
        start = index + 1 if self.tables.joiners.has(self.tokens[index], self.text) else index
        if "," not in self.gap(index) and start == index:
            return False
        return unit_at(self.text, self.tokens, start) is not None and place_at(
            self.text, self.tokens, start, bare=False) is None

    # -- bodies

    def org_at(self, index: int, depth: int = 0) -> _Org | None:
        if index >= len(self.tokens) or self.inside_word(index):
            return None
        best: _Org | None = None
        for size, body in self.tables.bodies.matches(self.text, self.tokens, index):
            end = index + size
            if self.inside_word(end):
                continue
            if body.not_before and self.spaced(end) and body.not_before.has(self.tokens[end], self.text):
                continue
            if body.not_after is not None and self.preceded_by(body.not_after, index):
                continue
            if self.unaccented and size == 1 and self.name_or_title_ahead(index):
                continue
            org = getattr(self, "_" + body.section)(body, index, end, depth)
            if org is not None and not self.inside_word(org.end_word):
                if best is None or org.end_word > best.end_word:
                    best = org
        return best

    def name_or_title_ahead(self, index: int) -> bool:
        """Whether a one-word body of an unaccented text is rather a name or a title.

        Without diacritics ``Dang Van Bao`` is Đặng Văn Bảo (a surname before a name), not
        the Party, and ``Truong Ban Chinh sach ...`` is Trưởng (head of) the board after it,
        not a school (Trường).
        """
        following = index + 1
        if following >= len(self.tokens) or not self.spaced(following) or not self.tokens[following].text[0].isupper():
            return False
        if self.tables.bodies.matches(self.text, self.tokens, following):
            return True
        if self.tables.descriptors.match(self.text, self.tokens, following):
            return False
        return self.tables.surnames.has(self.tokens[index], self.text)

    def _national(self, body: _Body, index: int, end: int, depth: int) -> _Org:
        return _Org(index, end, body.canonical, body.level, None, body.section)

    def _local(self, body: _Body, index: int, end: int, depth: int) -> _Org | None:
        lowercase = body.lowercase_check and self.tokens[index].text[0].islower()
        if lowercase and self.preceded_by(self.tables.union_generic_before, index):
            return None
        if self.spaced(end):
            found = place_at(self.text, self.tokens, end)
            if found is not None and found.places:
                phrase, level, province = self.place_phrase(found.places, found.unit_word)
                org = _Org(index, found.end_word, f"{body.canonical} {phrase}", level, province, body.section,
                           home=body.home, written_place=_unique_province(found.places))
                if found.unit_word and level in ("district", "grassroots"):
                    unit_types = frozenset(place.unit_type for place in found.places)
                    org.list_head = (body.canonical, found.unit_word, unit_types)
                return org
            unit = unit_at(self.text, self.tokens, end)
            if unit is not None:
                size, unit_type, unit_word = unit
                if self.generic_after(end + size) or self.generic_list(end + size):
                    return None
                resolved = self.resolved_unit(unit_type, _division_of_unit(unit_word))
                if resolved is not None:
                    phrase, level, province = resolved
                    return _Org(index, end + size, f"{body.canonical} {phrase}", level, province, body.section,
                                home=body.home)
                # "Chủ tịch LĐLĐ huyện" in a report naming no district, "Công đoàn xã Nậm Pồ" with a
                # commune the gazetteer lacks: one body, its place as written.
                place_end = self.unknown_place_end(end + size)
                phrase, level, province = self.unresolved_unit(unit_type, unit_word)
                if place_end > end + size:
                    phrase += " " + self.text[self.tokens[end + size].start : self.tokens[place_end - 1].end]
                return _Org(index, place_end, f"{body.canonical} {phrase}", level, province, body.section,
                            home=body.home)
        if not body.bare or lowercase or self.generic_after(end):
            return None
        suffix, level, province = self.home_suffix()
        return _Org(index, end, body.canonical + suffix, level, province, body.section, home=body.home, bare=True)

    def _party(self, body: _Body, index: int, end: int, depth: int) -> _Org | None:
        if self.spaced(end):
            named = named_place_at(self.text, self.tokens, end, _PARTY_UNIT_TYPES.get(body.unit, frozenset()))
            if named is not None:
                end_word, places = named
                place = _choose(places, self.province)
                return _Org(index, end_word, f"{body.canonical} {place.name}", _level_of(place),
                            place.province, body.section, written_place=_unique_province(places))
        own = _province_place(self.province) if self.province else None
        if own is not None and (body.unit == "tỉnh" or body.unit == "thành phố" and own.division == "thanh-pho"):
            return _Org(index, end, f"{body.canonical} {self.province}", "province", self.province, body.section)
        level = "province" if body.unit == "tỉnh" else "district"
        return _Org(index, end, body.canonical, level, self.province, body.section)

    def _units(self, body: _Body, index: int, end: int, depth: int) -> _Org | None:
        if depth < _MAX_DEPTH and self.spaced(end):
            parent = self.org_at(end, depth + 1)
            if parent is not None and (parent.needs_parent is None or parent.anaphoric):
                if body.anaphoric and parent.bare and not parent.anaphoric:
                    return None
                level = "grassroots" if body.anaphoric else parent.level
                return _Org(index, parent.end_word, f"{body.canonical} {parent.canonical}", level,
                            parent.province, body.section, written_place=parent.written_place,
                            needs_parent=parent.needs_parent, anaphoric=parent.anaphoric,
                            prefix=body.canonical if parent.anaphoric else None)
        if self.generic_after(end):
            return None
        if body.anaphoric:
            return self.anaphoric_mention(body, index, end)
        return _Org(index, end, None, None, None, body.section, needs_parent=body.canonical,
                    bare=True, home=body.standalone)

    def _named(self, body: _Body, index: int, end: int, depth: int) -> _Org | None:
        head = body.canonical
        if body.keep_case and not self.unaccented:  # without diacritics the canonical spelling is better
            written = self.text[self.tokens[index].start : self.tokens[end - 1].end]
            head = _title_first(normalize_tones(written)) if not written.isupper() else body.canonical
        if not self.spaced(end):
            return self.anaphoric_mention(body, index, end)
        position = end
        parts = [head]
        listed = self.tables.names[body.names].match(self.text, self.tokens, position) if body.names else None
        if listed is not None:
            size, name = listed
            parts.append(name.canonical)
            position += size
        elif body.names and not body.open:
            return self.anaphoric_mention(body, index, end)
        else:
            while self.spaced(position):
                match = self.tables.descriptors.match(self.text, self.tokens, position)
                if match is None:
                    break
                size, descriptor = match
                if descriptor.keep_case and size == 1 and self.tokens[position].text[:1].isupper():
                    break  # "Công ty cổ phần Mía đường Sơn La": a capitalised trade word is the name's
                if descriptor.keep_case:
                    parts.append(normalize_tones(
                        self.text[self.tokens[position].start : self.tokens[position + size - 1].end]))
                else:
                    parts.append(descriptor.canonical)
                position += size
            name_end = self.proper_name_end(position, closing=body.within is not None) if self.spaced(position) else position
            if name_end == position and position > end and self.spaced(position) and (
                    position < len(self.tokens) and self.tokens[position].text.isdigit()):
                name_end = position + 1  # a number after a trade word: "Phân xưởng Chế biến 1"
            if name_end > position:
                written = self.text[self.tokens[position].start : self.tokens[name_end - 1].end]
                parts.append(_title_if_upper(normalize_tones(written)))
                position = name_end
        if body.within and position > end and self.spaced(position) and self.starts_named_body(position) and (
                depth < _MAX_DEPTH):
            # "Phân xưởng Đóng gói Công ty cổ phần ...": the unit and its company, one body
            parent = self.org_at(position, depth + 1)
            if parent is not None and parent.canonical and parent.needs_parent is None:
                return _Org(index, parent.end_word, f"{' '.join(parts)} {parent.canonical}", "grassroots",
                            parent.province, body.section, written_place=parent.written_place)
        level = body.level or "grassroots"
        province = self.province if level != "national" else None
        written_province = None
        place_written = False
        branch = self.branch_at(position)
        if branch is not None:
            position, phrase = branch
            parts.append(phrase)
            place_written = True
        elif self.spaced(position):
            found = place_at(self.text, self.tokens, position, bare=False)
            if found is None and body.resolve_place:
                # A province's body named with the bare province: "CĐN Y tế Sóc Trăng".
                bare_place = place_at(self.text, self.tokens, position)
                if bare_place is not None and any(_is_province(p) for p in bare_place.places):
                    found = bare_place
            unit = unit_at(self.text, self.tokens, position) if found is None else None
            if found is not None and found.places:
                phrase, _, province = self.place_phrase(found.places, found.unit_word)
                parts.append(phrase)
                written_province = _unique_province(found.places)
                position = found.end_word
                place_written = True
            elif unit is not None and not self.generic_after(position + unit[0]):
                resolved = self.resolved_unit(unit[1], _division_of_unit(unit[2]))
                phrase, _, province = resolved or self.unresolved_unit(unit[1], unit[2])
                parts.append(phrase)
                position += unit[0]
                place_written = True
        if not place_written and body.resolve_place and self.province:
            parts.append(self.resolved_unit("province")[0])
        if position == end:
            return self.anaphoric_mention(body, index, end)
        return _Org(index, position, " ".join(parts), level, province, body.section, home=body.home,
                    written_place=written_province, kind=body.canonical if body.anaphoric else None,
                    within=body.within if not place_written else None)

    def anaphoric_mention(self, body: _Body, index: int, end: int) -> _Org | None:
        """``Công ty`` / ``CĐCS`` / ``Công đoàn ngành`` written alone: resolved later."""
        if not body.anaphoric or self.generic_after(end) or self.after_number(index):
            return None
        if self.tokens[index].text[0].islower() and not body.anaphoric_lowercase:
            return None
        return _Org(index, end, None, None, None, body.section, needs_parent=body.canonical, bare=True,
                    anaphoric=True)

    def branch_at(self, position: int) -> tuple[int, str] | None:
        """``- Chi nhánh Quảng Ninh`` / ``chi nhánh Cần Thơ`` after a bank's name."""
        if position >= len(self.tokens) or not _NAME_GAP.fullmatch(self.gap(position)):
            return None
        match = self.tables.branches.match(self.text, self.tokens, position)
        if match is None:
            return None
        size, branch = match
        after = position + size
        if not self.spaced(after):
            return None
        found = place_at(self.text, self.tokens, after)
        if found is None or not found.places:
            return None
        place = _choose(found.places, self.province)
        written = normalize_tones(self.text[self.tokens[position].start : self.tokens[after - 1].end])
        dash = "- " if "-" in self.gap(position) else ""
        return found.end_word, f"{dash}{written} {place.name}"

    def proper_name_end(self, index: int, closing: bool = False) -> int:
        """End of a capitalised name at ``index``. Up to two lower-case words may link
        capitalised ones (``Xi măng Mai Sơn``, ``Xây dựng số 3 Lào Cai``), never a breaker
        (``Sông Hậu ở Khu công nghiệp``); ``số 3`` may start a name (``Đội chè số 3``)."""
        tokens = self.tokens
        position = index
        while position < len(tokens):
            if position > index and not _NAME_GAP.fullmatch(self.gap(position)):
                break
            token = tokens[position]
            if token.text[0].isupper():
                if position > index and self.starts_named_body(position):
                    break  # "Phân xưởng Đóng gói" + "Công ty cổ phần ...": the unit's company
                position += 1
                continue
            if token.text.isdigit() and position > index and (
                tokens[position - 1].text[0].isupper() or self.tables.number_words.has(tokens[position - 1], self.text)
            ):
                position += 1
                continue
            if self.tables.name_breakers.has(token, self.text):
                break
            if position == index:
                if self.tables.number_words.has(token, self.text) and self.spaced(position + 1) and (
                    position + 1 < len(tokens) and tokens[position + 1].text.isdigit()
                ):
                    position += 2
                    continue
                break
            if self.tables.address_words.has(token, self.text):
                break  # "Tổ May 5 và chị Lương Thị Hạnh": a person follows
            linked = self.linked_words(position)
            if not linked:
                break
            position += linked
        if closing and position > index and self.closing_syllable(position):
            position += 1  # a unit of a company: "Tổ Cơ điện:", "phòng Kỹ thuật;"
        if closing:
            # "phòng Hành chính - Nhân sự Nguyễn Thị Thu Hà": a unit's name stops where a full name starts
            position = next((p for p in range(index + 1, position - 2) if self.person_name_at(p, position)), position)
        return position

    def person_name_at(self, index: int, end: int) -> bool:
        """Whether three or more title-case words from ``index`` (before ``end``) begin with a
        family name: a person's full name."""
        words_ = self.tokens[index : min(end, index + 4)]
        return len(words_) >= 3 and self.tables.surnames.has(words_[0], self.text) and all(
            w.text[0].isupper() and w.text[1:].islower() and w.text.isalpha() for w in words_[:3]) and all(
            self.spaced(i) for i in range(index + 1, index + 3))

    def starts_named_body(self, position: int) -> bool:
        """Whether a company, hospital, school ... (an anaphoric kind) is named at ``position``."""
        return any(body.section == "named" and body.anaphoric
                   for _, body in self.tables.bodies.matches(self.text, self.tokens, position))

    def closing_syllable(self, position: int) -> bool:
        """Whether the lower-case word at ``position`` ends the capitalised name before it
        (``Tổ Cơ điện:``, ``phòng Kỹ thuật.``): see :func:`closes_name`."""
        return self.spaced(position) and closes_name(self.text, self.tokens, position)

    def linked_words(self, position: int) -> int:
        """How many lower-case words at ``position`` link to a capitalised word (never a
        person's post: ``... Mỏ Vàng và Trưởng thôn``) or a number (``số 3``)."""
        def continues(index: int) -> bool:
            token = self.tokens[index]
            if token.text[0].isupper():
                return not self.title_at(index)
            return token.text.isdigit() and self.tables.number_words.has(self.tokens[index - 1], self.text)

        return linking_words(self.text, self.tokens, position,
                             lambda index: bool(_NAME_GAP.fullmatch(self.gap(index))), continues)

    def title_at(self, position: int) -> bool:
        """Whether a person's post of two words or more starts at ``position`` (``Trưởng thôn``,
        ``Phó Chủ tịch``): a name never links across a conjunction to it."""
        match = self.tables.titles.match(self.text, self.tokens, position)
        return match is not None and match[0] >= 2

    # -- the whole text

    def parse(self) -> list[_Org]:
        found: list[_Org] = []
        index = 0
        while index < len(self.tokens):
            org = self.org_at(index)
            if org is None or self.in_code(index) or (
                org.bare and self.preceded_by(self.tables.generic_before, index)
            ):
                index += 1
                continue
            found.append(org)
            found.extend(self.listed_after(org))
            index = found[-1].end_word
        return self.completed_names(found)

    def completed_names(self, found: list[_Org]) -> list[_Org]:
        """A name cut before its lower-case last syllable where the report writes it whole
        elsewhere (``phòng Hành chính - Nhân`` + ``sự tổ chức ...`` where ``phòng Hành chính -
        Nhân sự,`` is written too) takes that syllable."""
        written = {fold(self.written(org)) for org in found}
        result = []
        for org in found:
            end = org.end_word
            if self.spaced(end) and self.tokens[end].text.isalpha() and self.tokens[end].text.islower():
                longer = f"{self.written(org)} {self.tokens[end].text}"
                last = fold(self.tokens[end - 1].text)
                if fold(longer) in written and not self.tables.name_breakers.has(self.tokens[end], self.text) and (
                        org.canonical is None or fold(org.canonical).endswith(last)):
                    canonical = f"{org.canonical} {self.tokens[end].text}" if org.canonical else None
                    org = replace(org, end_word=end + 1, canonical=canonical)
            result.append(org)
        return result

    def written(self, org: _Org) -> str:
        return self.text[self.tokens[org.start_word].start : self.tokens[org.end_word - 1].end]

    def in_code(self, index: int) -> bool:
        """Whether the token is glued into a document symbol (``722/QĐ-LĐLĐ``)."""
        start = self.tokens[index].start
        return start >= 2 and self.text[start - 1] in "-/" and self.text[start - 2].isalnum()

    def listed_after(self, org: _Org) -> list[_Org]:
        """Bodies sharing ``org``'s head (``huyện Than Uyên và Sìn Hồ``) after a joiner."""
        if org.list_head is None:
            return []
        head, unit_word, unit_types = org.list_head
        extra: list[_Org] = []
        position = org.end_word
        while position + 1 < len(self.tokens):
            joiner = position
            if self.tables.joiners.has(self.tokens[joiner], self.text) and self.spaced(joiner) and self.spaced(joiner + 1):
                start = joiner + 1
            elif _LIST_GAP.fullmatch(self.gap(position)) and "," in self.gap(position):
                start = position
            else:
                break
            named = named_place_at(self.text, self.tokens, start, unit_types)
            if named is None:
                break
            end, places = named
            place = _choose(places, org.province)
            extra.append(_Org(start, end, f"{head} {unit_word} {place.name}", _level_of(place), place.province,
                              org.section, written_place=_unique_province(places)))
            position = end
        return extra

    def resolve_units(self, found: list[_Org]) -> list[_Org]:
        """Give each anaphoric mention (``Công ty``, ``CĐCS``) the one body of its kind the
        report names, then each unit written alone its parent: the next body of an
        elliptical list (``Văn phòng, Ban Dân vận Tỉnh ủy``) or the report's own organisation."""
        resolved: list[_Org] = []
        named_home = self.home_organisation([org for org in found if not org.anaphoric])
        unresolved: list[_Org] = []
        for org in found:
            if not org.anaphoric:
                resolved.append(org)
                continue
            target = self.anaphora_target(org.needs_parent, found)
            if target is None:
                unresolved.append(org)
                continue
            if fold(org.needs_parent) in self.tables.home_kinds and (
                named_home is None or named_home.canonical != target.canonical
            ):
                # `Công đoàn ngành` alone is the report's own sector union, or sector unions in general.
                continue
            canonical = f"{org.prefix} {target.canonical}" if org.prefix else target.canonical
            level = "grassroots" if org.prefix else target.level
            resolved.append(replace(org, canonical=canonical, level=level, province=target.province,
                                    needs_parent=None, anaphoric=False))
        # "Chủ tịch CĐCS ..." where the report names its CĐCS only as "CĐCS Công ty": the union is
        # known once "Công ty" is resolved.
        for org in unresolved:
            target = self.anaphora_target(org.needs_parent, resolved)
            if target is not None and fold(org.needs_parent) not in self.tables.home_kinds:
                resolved.append(replace(org, canonical=target.canonical, level=target.level,
                                        province=target.province, needs_parent=None, anaphoric=False))
        resolved.sort(key=lambda org: org.start_word)
        # "Đội sản xuất số 2" of a decision about one company is that company's.
        for position, org in enumerate(resolved):
            if org.within and org.canonical:
                target = self.anaphora_target(org.within, found)
                if target is not None:
                    resolved[position] = replace(org, canonical=f"{org.canonical} {target.canonical}", within=None)
        home = self.home_organisation(resolved)
        result: list[_Org] = []
        for position, org in enumerate(resolved):
            if org.needs_parent is None:
                result.append(org)
                continue
            parent = self.listed_parent(org, resolved[position + 1 :])
            if parent is None and org.home and home is not None:
                parent = home
            if parent is None and not org.home:
                continue
            if parent is None:
                result.append(replace(org, canonical=org.needs_parent, needs_parent=None))
                continue
            canonical = f"{org.needs_parent} {parent.canonical}"
            result.append(replace(org, canonical=canonical, level=parent.level, province=parent.province,
                                  needs_parent=None))
        return result

    def anaphora_target(self, kind: str, found: list[_Org]) -> _Org | None:
        """The body of ``kind`` named in full most often, also inside a longer name
        (``BCH CĐCS Công ty cổ phần Chè Nghĩa Lộ`` names the CĐCS and the company)."""
        key = fold(kind) + " "
        counts: Counter[str] = Counter()
        sources: dict[str, _Org] = {}
        for org in found:
            if not org.canonical or org.needs_parent is not None or org.bare:
                continue
            folded = fold(org.canonical)
            position = 0 if folded.startswith(key) else folded.find(" " + key) + 1
            if position <= 0 and not folded.startswith(key):
                continue
            name = org.canonical[position:]
            if fold(name) == key.strip():
                continue
            counts[name] += 1
            sources.setdefault(name, org)
        if not counts:
            return None
        name = counts.most_common(1)[0][0]
        return replace(sources[name], canonical=name, level="grassroots" if sources[name].level != "national" else None)

    def listed_parent(self, org: _Org, following: list[_Org]) -> _Org | None:
        if not following:
            return None
        nxt = following[0]
        gap = self.text[self.tokens[org.end_word - 1].end : self.tokens[nxt.start_word].start]
        between = self.tokens[org.end_word : nxt.start_word]
        joined = (_LIST_GAP.fullmatch(gap) and "," in gap) or (
            len(between) == 1 and self.tables.joiners.has(between[0], self.text)
        )
        if not joined or nxt.section != "units" or nxt.canonical is None:
            return None
        # The parent of ``Ban Dân vận Tỉnh ủy`` is ``Tỉnh ủy``: re-read the body after the unit.
        unit_size = self.tables.bodies.match(self.text, self.tokens, nxt.start_word)[0]
        return self.org_at(nxt.start_word + unit_size, 1)

    def home_organisation(self, found: list[_Org]) -> _Org | None:
        """The organisation the report speaks for: the body an official document's header
        names above its number line, else its most named union body (a grassroots union's
        report names its CĐCS more than the LĐLĐ above it)."""
        header = self.header_organisation(found)
        if header is not None:
            return header
        grassroots = fold("Công đoàn cơ sở ")
        counts: Counter[str] = Counter()
        for org in found:
            if not org.canonical or org.needs_parent is not None:
                continue
            key = fold(org.canonical)
            if grassroots in key:
                counts[org.canonical[key.index(grassroots):]] += 1
            elif org.home:
                counts[org.canonical] += 1
        if counts:
            canonical = counts.most_common(1)[0][0]
            source = next(org for org in found if org.canonical and org.canonical.endswith(canonical))
            return replace(source, canonical=canonical, level="grassroots" if grassroots in fold(canonical) else source.level)
        if self.province is None:
            return None
        phrase, level, province = self.resolved_unit("province")
        return _Org(0, 0, f"Liên đoàn Lao động {phrase}", level, province, "local")


    def header_organisation(self, found: list[_Org]) -> _Org | None:
        """The issuer printed in capitals above ``Số: ...`` at the top of an official document:
        the last such body (``TỔNG LĐLĐ VIỆT NAM / LĐLĐ TỈNH AN GIANG``: the second issues it).
        A decision about other unions names them more often than its own issuer."""
        number_line = _NUMBER_LINE.search(self.text, 0, _HEADER_CHARS)
        if number_line is None:
            return None
        header = [org for org in found
                  if org.canonical and org.needs_parent is None and not org.anaphoric
                  and self.tokens[org.start_word].start < number_line.start()
                  and self.text[self.tokens[org.start_word].start:self.tokens[org.end_word - 1].end].isupper()]
        return header[-1] if header else None


# An official document's header: the issuer's lines, then its number ("Số: 78/BC-LĐLĐ").
_NUMBER_LINE = re.compile(r"(?m)^[ \t]*Số[ \t]*[:.]")
_HEADER_CHARS = 400
_MAX_PLACE_SYLLABLES = 4  # an unknown place written after a unit word: `xã Nậm Pồ`


_PARTY_UNIT_TYPES = {
    "tỉnh": frozenset({"province", "city"}),
    "huyện": frozenset({"district"}),
    "thành phố": frozenset({"city"}),
}
_DIVISION_WORDS = {
    "tinh": "tỉnh", "thanh-pho": "thành phố", "huyen": "huyện", "quan": "quận", "thi-xa": "thị xã",
    "xa": "xã", "phuong": "phường", "thi-tran": "thị trấn",
}


def _unit_word_of_division(division: str) -> str:
    return _DIVISION_WORDS.get(division, "")


def _division_of_unit(unit_word: str) -> str | None:
    for division, word in _DIVISION_WORDS.items():
        if fold(word) == fold(unit_word):
            return division
    return None


def _named_districts(text: str, division: str, province: str | None) -> list[str]:
    """Names of ``division`` places of ``province`` written with their unit word elsewhere."""
    names = []
    for _, _, places, unit in scan_places(text):
        for place in places:
            if place.division == division and place.province == province:
                names.append(place.name)
    return names


def _unique_province(places) -> str | None:
    """The province of a written place when its name leaves no doubt (``xã Tân Phú`` is in
    four provinces and tells nothing)."""
    provinces = {place.province for place in places}
    return provinces.pop() if len(provinces) == 1 else None


def _with_unit(unit_word: str, name: str) -> str:
    """``tỉnh Sơn La``; a name that already says what it is stays alone
    (``Thành phố Hồ Chí Minh``)."""
    if fold(name).startswith(fold(unit_word) + " "):
        return name
    return f"{unit_word} {name}"


def _is_province(place) -> bool:
    own = _province_place(place.name)
    return own is place


def _title_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title_if_upper(text: str) -> str:
    """``CHÈ NGHĨA LỘ`` -> ``Chè Nghĩa Lộ``; mixed case is kept."""
    if not text.isupper():
        return text
    return " ".join(part[:1] + part[1:].lower() for part in text.split(" "))


def _choose(places, province: str | None):
    for place in places:
        if province and place.province == province:
            return place
    return places[0]


def _province_place(province: str):
    from extractor.places import province_place

    return province_place(province)


def _unit_word_of(place) -> str:
    return {"tinh": "tỉnh", "thanh-pho": "thành phố", "huyen": "huyện", "quan": "quận", "thi-xa": "thị xã",
            "xa": "xã", "phuong": "phường", "thi-tran": "thị trấn"}.get(place.division, "")


def _level_of(place) -> str | None:
    if place.unit_type in ("foreign", "country"):
        return None
    if place.province == place.name and place.division in ("tinh", "thanh-pho") and place is _province_place(place.name):
        return "province"
    if place.unit_type in ("district", "city"):
        return "district"
    return "grassroots"


# --------------------------------------------------------------------------- public API


@lru_cache(maxsize=64)
def _find(text: str, province: str | None) -> tuple[Found, ...]:
    parser = _Parser(text, province)
    orgs = parser.resolve_units(parser.parse())
    tokens = parser.tokens
    result = []
    last_end = -1
    for org in sorted(orgs, key=lambda o: tokens[o.start_word].start):
        start, end = tokens[org.start_word].start, tokens[org.end_word - 1].end
        if start < last_end:
            continue
        last_end = end
        result.append(Found(LABEL, start, end, {
            "canonical": normalize_tones(org.canonical) if org.canonical else None,
            "level": org.level,
            "province": org.province,
        }))
    return tuple(result)


_UNSET: Any = object()


def find_organisations(text: str, province: str | None = _UNSET) -> list[Found]:
    """Every organisation named in ``text`` (normalised), sorted, never overlapping.

    ``province`` is the province the report is about (it resolves ``LĐLĐ tỉnh`` and units
    written alone); by default it is :func:`infer_province` of the text, pass ``None``
    to resolve nothing.

    >>> text = "Ông Vàng A Lả - Chủ tịch LĐLĐ tỉnh, chủ trì hội nghị."
    >>> [(text[f.start:f.end], f.attrs["canonical"]) for f in find_organisations(text, "Sơn La")]
    [('LĐLĐ tỉnh', 'Liên đoàn Lao động tỉnh Sơn La')]
    """
    if not isinstance(text, str) or not text:
        return []
    if province is _UNSET:
        province = infer_province(text)
    return [Found(f.label, f.start, f.end, dict(f.attrs)) for f in _find(text, province)]


@lru_cache(maxsize=64)
def infer_province(text: str) -> str | None:
    """The province a report is about: the one most often named, above all in union bodies.

    A province written in an organisation's name (``LĐLĐ tỉnh Lai Châu``, ``LĐLĐ huyện
    Than Uyên``) counts three times, other places (``tỉnh Bắc Giang``, ``huyện Nậm Nhùn``)
    once; a district or commune counts for its province when that is unambiguous.

    >>> infer_province("Báo cáo của LĐLĐ tỉnh Lai Châu. Thăm công nhân từ tỉnh Bắc Giang về.")
    'Lai Châu'
    """
    if not isinstance(text, str) or not text:
        return None
    parser = _Parser(text, None)
    orgs = parser.parse()
    scores: Counter[str] = Counter()
    covered: list[tuple[int, int]] = []
    for org in orgs:
        covered.append((parser.tokens[org.start_word].start, parser.tokens[org.end_word - 1].end))
        if org.written_place:
            scores[org.written_place] += _ORG_PLACE_WEIGHT
    for start, end, places, _ in scan_places(text):
        if any(a <= start and end <= b for a, b in covered):
            continue
        provinces = {place.province for place in places if place.province}
        if len(provinces) == 1:
            scores[provinces.pop()] += 1
    if not scores:
        return None
    return scores.most_common(1)[0][0]


def is_name_breaker(word: Word, text: str) -> bool:
    """Whether ``word`` is a lower-case word that never belongs to a proper name (``đã``,
    ``được``, ``làm``, ``của`` ...: org_names.yaml ``name_breakers``).

    >>> from extractor.linking import words
    >>> text = "Tổ chức - Hành chính làm Phó Chủ tịch"
    >>> [w.text for w in words(text) if is_name_breaker(w, text)]
    ['làm']
    """
    return _tables().name_breakers.has(word, text)


def linking_words(text: str, text_words: Sequence[Word], index: int, joined: Callable[[int], bool],
                  continues: Callable[[int], bool]) -> int:
    """How many lower-case words (one or two) from ``index`` link the name before them to more
    of it after them (``Nông nghiệp và Phát triển``, ``Xi măng Mai Sơn``), 0 if none: every word
    joined to the one before it (``joined``), none a name breaker or an address word, and
    the name going on after them (``continues``).

    >>> text = "Phó Trưởng khoa Nhà nước và Pháp luật."
    >>> linking_words(text, words(text), 4, lambda i: True, lambda i: words(text)[i].text[0].isupper())
    2
    """
    for size in (1, 2):
        after = index + size
        if after >= len(text_words) or not all(joined(i) for i in range(index, after + 1)):
            return 0
        link = text_words[after - 1]
        if not link.text.islower() or is_name_breaker(link, text) or is_address_word(link, text):
            return 0
        if continues(after):
            return size
    return 0


def closes_name(text: str, text_words: Sequence[Word], index: int) -> bool:
    """Whether the lower-case word at ``index`` is the last syllable of the capitalised name
    before it: punctuation, the line end or a name breaker comes next (``Tổ Cơ điện:``,
    ``khoa Cấp cứu)``, ``phòng Tổ chức - Hành chính làm ...``). Vietnamese writes the second
    syllable of a word inside a name in lower case. A name breaker (``khoa Dược được bầu``) or
    a unit word (``Công ty Hoàng Long tỉnh``) is never one.

    >>> text = "Tổ trưởng Tổ Cơ điện: 2.000.000 đồng"
    >>> closes_name(text, words(text), 4)
    True
    """
    if index >= len(text_words):
        return False
    word = text_words[index]
    if not (word.text.isalpha() and word.text.islower()) or is_name_breaker(word, text):
        return False
    if unit_at(text, text_words, index) is not None:
        return False
    rest = text[word.end :].lstrip(" \t")
    if not rest or not rest[0].isalnum():
        return True
    return index + 1 < len(text_words) and is_name_breaker(text_words[index + 1], text)


def is_address_word(word: Word, text: str) -> bool:
    """Whether ``word`` is a lower-case word addressing a person (``chị``, ``anh``, ``ông``,
    ``bà``: org_names.yaml ``address_words``), after which a person's name comes."""
    return _tables().address_words.has(word, text)


def role_organisation(role: str, province: str | None = None) -> str | None:
    """The canonical organisation a person's role names (the last one, the main post).

    >>> role_organisation("Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh", "Lạng Sơn")
    'Liên đoàn Lao động tỉnh Lạng Sơn'
    """
    if not isinstance(role, str) or not role.strip():
        return None
    found = find_organisations(role, province)
    if found:
        return found[-1].attrs["canonical"]
    from extractor.people import title_organisation

    return title_organisation(role, province)


@lru_cache(maxsize=4096)
def link_organisation(name: str, province: str | None = None) -> str | None:
    """The canonical name of an organisation written in any spelling, or ``None``.

    The grammar reads the name first (``LĐLĐ tỉnh`` -> ``Liên đoàn Lao động tỉnh Sơn La``);
    a name it cannot read whole is linked fuzzily to the names it knows
    (:class:`extractor.linking.Linker`), never across two provinces.

    >>> link_organisation("Lien doan Lao dong tinh Son La")
    'Liên đoàn Lao động tỉnh Sơn La'
    >>> link_organisation("Uỷ ban kiểm tra Liên đoàn lao động tỉnh Sơn La")
    'Ủy ban Kiểm tra Liên đoàn Lao động tỉnh Sơn La'
    """
    if not isinstance(name, str) or not name.strip():
        return None
    found = find_organisations(name, province)
    stripped = name.strip()
    offset = len(name) - len(name.lstrip())
    if len(found) == 1 and found[0].start == offset and found[0].end == offset + len(stripped):
        return found[0].attrs["canonical"]
    link = _known_linker().link(name)
    return link.canonical if link else None


@cache
def _known_linker() -> Linker:
    """Every national body, and every provincial body of every province, by canonical name.

    A city-province is also accepted after ``tỉnh`` (``LĐLĐ tỉnh Hà Nội``), as people write it.
    """
    from extractor.places import province_names

    data = load_resource(BODIES_RESOURCE)
    aliases: dict[str, str] = {entry["canonical"]: entry["canonical"] for entry in data["national"]}
    units = [entry["canonical"] for entry in data["units"] if entry.get("standalone")]
    for province in province_names():
        unit = _with_unit(_unit_word_of(_province_place(province)), province)
        written_units = {unit, f"tỉnh {province}", province}
        for body in [entry["canonical"] for entry in data["local"]] + [
            f"{prefix} Liên đoàn Lao động" for prefix in units
        ]:
            for written in written_units:
                aliases[f"{body} {written}"] = f"{body} {unit}"
        for entry in data["party"]:
            if entry.get("unit") == "tỉnh":
                aliases[f"{entry['canonical']} {province}"] = f"{entry['canonical']} {province}"
    for prefix in units:
        aliases[f"{prefix} Tổng Liên đoàn Lao động Việt Nam"] = f"{prefix} Tổng Liên đoàn Lao động Việt Nam"
    return Linker({normalize_tones(alias): normalize_tones(canonical) for alias, canonical in aliases.items()})
