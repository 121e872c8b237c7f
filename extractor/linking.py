"""Linking written forms of a name to one canonical entry, exactly or fuzzily.

Reports spell the same body or place in many ways: ``Uỷ ban``/``Ủy ban`` and ``hoà``/``hòa``
(two conventions for where the tone mark goes), ``Liên đoàn lao động`` (capitalisation),
``Lien doan Lao dong tinh Son La`` (diacritics lost in a copy-paste) and small OCR slips
(``Liên đoàn Lao đông``). This module gives the recognisers of organisations and places one
way to compare such forms:

* :func:`normalize_tones` puts every tone mark where the traditional convention puts it
  (``hoà`` -> ``hòa``, ``Uỷ`` -> ``Ủy``); :func:`fold` adds lower-casing, :func:`strip_marks`
  removes every diacritic (``Sơn La`` -> ``son la``).
* :func:`is_unaccented` tells a text typed without diacritics (``Lien doan Lao dong``) from
  one that has them; in such a text the tables below compare words without diacritics.
* :func:`words` and :class:`PhraseTable` match table phrases (``Liên đoàn Lao động``,
  ``LĐLĐ``) against the words of a text on folded keys, keeping character offsets.
* :class:`Linker` links a free string to the nearest canonical name with rapidfuzz, above
  :data:`LINK_THRESHOLD`, and never across two different place names (``Lạng Sơn`` is not
  ``Sơn La``, however similar the letters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

__all__ = [
    "LINK_THRESHOLD",
    "Link",
    "Linker",
    "PhraseTable",
    "Word",
    "WordSet",
    "fold",
    "gap_between",
    "has_marks",
    "is_unaccented",
    "normalize_tones",
    "strip_marks",
    "words",
]

# rapidfuzz ``fuzz.ratio`` (0-100) on folded strings. 90 accepts one or two wrong letters in a
# body name of 30 letters (``Liên đoàn Lao đông tỉnh Sơn La`` scores 98) and rejects names
# that differ by a word (``Sở Y tế`` vs ``Sở Tư pháp``, below 60); tests/test_linking.py pins
# both sides. Place names are guarded separately and are never linked fuzzily.
LINK_THRESHOLD = 90.0

# The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook above,
# dot below). Circumflex, breve and horn are vowel letters' own marks, not tones.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aăâeêioôơuưy")
# Vowels carrying a quality mark always take the tone (``thuyền``, ``người``).
_MARKED_VOWELS = frozenset("ăâêôơư")
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _normalize_syllable(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [char for char in decomposed if char in _TONES]
    if len(tones) != 1:
        return unicodedata.normalize("NFC", syllable)
    base = unicodedata.normalize("NFC", "".join(char for char in decomposed if char not in _TONES))
    position = _tone_position(base.lower())
    if position is None:
        return unicodedata.normalize("NFC", syllable)
    return unicodedata.normalize("NFC", base[: position + 1] + tones[0] + base[position + 1 :])


def _tone_position(base: str) -> int | None:
    """Index of the vowel that carries the tone in a toneless lower-case syllable.

    Traditional placement: a vowel with its own mark wins (the last one: ``ươ`` -> ``ơ``);
    before a final consonant the last vowel of the nucleus; in an open syllable the middle
    of three vowels or the first of two (``hòa``, ``thủy``, ``khỏe``, ``mùa``).
    """
    vowels = [index for index, char in enumerate(base) if char in _VOWELS]
    if not vowels:
        return None
    # ``qu`` and ``gi`` are consonants when a vowel follows them (``quý``, ``giữa``).
    if len(vowels) > 1 and (base.startswith("qu") and vowels[0] == 1 or base.startswith("gi") and vowels[0] == 1):
        vowels = vowels[1:]
    nucleus = [vowels[0]]
    for index in vowels[1:]:
        if index != nucleus[-1] + 1:
            break
        nucleus.append(index)
    marked = [index for index in nucleus if base[index] in _MARKED_VOWELS]
    if marked:
        return marked[-1]
    if nucleus[-1] + 1 < len(base):
        return nucleus[-1]
    if len(nucleus) >= 3:
        return nucleus[1]
    return nucleus[0]


def normalize_tones(text: str) -> str:
    """Put every tone mark where the traditional convention puts it; NFC out.

    Only the position of the mark changes, so NFC text keeps its length.

    >>> normalize_tones("Uỷ ban Kiểm tra, hoà giải, Thanh Hoá")
    'Ủy ban Kiểm tra, hòa giải, Thanh Hóa'
    """
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda match: _normalize_syllable(match.group()), text)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The comparison key of a written form: tones normalised, lower case, spaces collapsed.

    >>> fold("Uỷ ban  Kiểm tra") == fold("ỦY BAN KIỂM TRA")
    True
    """
    return _fold(text)


def _fold(text: str) -> str:
    return " ".join(normalize_tones(text).lower().split())


def _strip_folded(folded: str) -> str:
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("đ", "d")


@lru_cache(maxsize=4096)
def strip_marks(text: str) -> str:
    """``fold`` without any diacritic, ``đ`` read as ``d``: the key of unaccented text.

    >>> strip_marks("Liên đoàn Lao động tỉnh Sơn La")
    'lien doan lao dong tinh son la'
    """
    return _strip_folded(fold(text))


def has_marks(text: str) -> bool:
    """Whether the text carries any Vietnamese diacritic (``đ`` included).

    >>> has_marks("Son La"), has_marks("Sơn La")
    (False, True)
    """
    return strip_marks(text) != fold(text)


# Share of words carrying a diacritic below which a text counts as typed without them.
# Vietnamese prose has diacritics on 82-92% of its words (every report of the corpus);
# text typed or copied without them has next to none, only foreign words and codes.
UNACCENTED_SHARE = 0.3
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=64)
def is_unaccented(text: str) -> bool:
    """Whether ``text`` was written without Vietnamese diacritics (few of its words have any).

    Recognisers then accept each vocabulary word without its marks (``doan vien`` for
    ``đoàn viên``), which in text with diacritics would only add false matches (``sau`` is
    "after", not ``sáu`` "six").

    >>> is_unaccented("Lien doan Lao dong tinh Son La ho tro 127 doan vien")
    True
    >>> is_unaccented("Liên đoàn Lao động tỉnh Sơn La hỗ trợ 127 đoàn viên"), is_unaccented("2024")
    (False, False)
    """
    if not isinstance(text, str):
        return False
    total = marked = 0
    for match in _LETTERS.finditer(text):
        word = match.group()
        # Abbreviations and initials (``TP. HCM``, ``UBND``, ``Vàng A Lả``) carry no marks
        # in any text: they tell nothing.
        if len(word) < 2 or word.isupper():
            continue
        total += 1
        marked += has_marks(word)
    return total > 0 and marked < UNACCENTED_SHARE * total


# --------------------------------------------------------------------------- words


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text (a run of letters and digits) with its offsets and keys."""

    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def bare(self) -> str:
        return strip_marks(self.text)

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0].isdigit()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper()


def words(text: str) -> list[Word]:
    """The words of ``text`` (letters and digits; punctuation and spaces are gaps).

    >>> [w.text for w in words("Đ/c: Hoàng Thị Cúc, Trưởng Ban")]
    ['Đ', 'c', 'Hoàng', 'Thị', 'Cúc', 'Trưởng', 'Ban']
    """
    return [Word(match.start(), match.end(), match.group()) for match in _WORD.finditer(text)]


def word_keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``key`` and the ``bare`` key of every word of ``text``, from one pass over the text.

    For the bulk of a gazetteer: folding a whole name gives the words that folding each word
    gives, without a cache lookup per word (the word caches are too small for 11,000 communes).

    >>> word_keys("Xã Nậm Chà")
    (('xã', 'nậm', 'chà'), ('xa', 'nam', 'cha'))
    """
    folded = _fold(text)
    return tuple(_WORD.findall(folded)), tuple(_WORD.findall(_strip_folded(folded)))


def gap_between(text: str, left: Word, right: Word) -> str:
    """The characters between two words; one space between the words of an expansion.

    An abbreviation read as its expansion (``LĐLĐ`` as ``Liên đoàn Lao động``) gives
    several words that share the abbreviation's offsets.
    """
    if right.start <= left.start:
        return " "
    return text[left.end : right.start]


# A gap between two words of a phrase. A table form written with a space accepts only
# spaces; a form written with "-" or "," (``Lao động - Thương binh và Xã hội``) accepts
# either, as reports write ``Sở Lao động, Thương binh và xã hội`` for the same body.
_SPACE_GAP = re.compile(r"[ \t]+")
_PUNCT_GAP = re.compile(r"[ \t]*[-,&][ \t]*|[ \t]+")  # "Lao động - Thương binh", "LĐ-TB&XH"


@dataclass(frozen=True, slots=True)
class _Form:
    keys: tuple[str, ...]
    bare_keys: tuple[str, ...]
    punct_gaps: tuple[bool, ...]
    case: str
    value: object


class PhraseTable:
    """Written forms (several words each) mapped to values, matched on folded keys.

    ``case`` per form: ``"any"`` (case-insensitive), ``"initial"`` (the first letter
    written upper case, as ``Đảng`` the Party against ``đảng`` in general),
    ``"upper"`` (an abbreviation: every word written in capitals; compared without
    diacritics so ``LĐLD`` is ``LĐLĐ``). In a text written without diacritics
    (:func:`is_unaccented`) every form is compared without them (``Lien doan Lao dong``).

    >>> table = PhraseTable()
    >>> table.add("Liên đoàn Lao động", "LĐLĐ")
    >>> text = "Liên đoàn lao động tỉnh"
    >>> table.match(text, words(text), 0)
    (4, 'LĐLĐ')
    """

    def __init__(self) -> None:
        self._forms: dict[str, list[_Form]] = {}
        self._bare_forms: dict[str, list[_Form]] = {}
        self.max_words = 0

    @classmethod
    def of(cls, phrases: Iterable[str], value: object = True) -> PhraseTable:
        """A table of ``phrases``, each mapped to ``value`` (a set of phrases to look for)."""
        table = cls()
        for phrase in phrases:
            table.add(phrase, value)
        return table

    def add(self, form: str, value: object, case: str = "any", unaccented: bool = True) -> None:
        """Add a written form; ``unaccented=False`` keeps it from matching without diacritics
        (``bản`` "village" would be every ``ban`` "board" of an unaccented text)."""
        if case not in ("any", "initial", "upper"):
            raise ValueError(f"unknown case rule {case!r} for {form!r}")
        form_words = words(form)
        if not form_words:
            raise ValueError(f"empty form {form!r}")
        keys = tuple(word.bare if case == "upper" else word.key for word in form_words)
        punct = tuple(
            bool(form[left.end : right.start].strip()) for left, right in zip(form_words, form_words[1:])
        )
        bare_keys = tuple(word.bare for word in form_words)
        entry = _Form(keys, bare_keys, punct, case, value)
        self._forms.setdefault(keys[0], []).append(entry)
        if unaccented or case == "upper":
            self._bare_forms.setdefault(bare_keys[0], []).append(entry)
        self.max_words = max(self.max_words, len(keys))

    def match(self, text: str, text_words: list[Word], index: int) -> tuple[int, object] | None:
        """The longest form starting at word ``index``: ``(number of words, value)``."""
        return next(iter(self.matches(text, text_words, index)), None)

    def matches(self, text: str, text_words: list[Word], index: int) -> list[tuple[int, object]]:
        """Every form starting at word ``index``, longest first."""
        if index >= len(text_words):
            return []
        first = text_words[index]
        unaccented = is_unaccented(text)
        found: list[tuple[int, object]] = []
        bare = first.bare
        if unaccented:
            candidates = self._bare_forms.get(bare, [])
        else:
            key = first.key
            exact = self._forms.get(key, ())
            by_bare = self._forms.get(bare, ()) if bare != key else ()
            damaged = self._bare_forms.get(bare, ())
            if not (exact or by_bare or damaged):
                return found  # most words start no form: the common case, kept cheap
            candidates = [*exact, *by_bare]
            # Compared by identity: forms are distinct objects, equality would compare their fields.
            seen = {id(form) for form in candidates}
            candidates += [form for form in damaged if len(form.keys) > 1 and id(form) not in seen]
        for form in candidates:
            if self._matches(form, text, text_words, index, unaccented):
                found.append((len(form.keys), form.value))
        found.sort(key=lambda item: -item[0])
        return found

    @staticmethod
    def _matches(form: _Form, text: str, text_words: list[Word], index: int, unaccented: bool = False) -> bool:
        """Whether ``form`` is written at word ``index``.

        A form of several words also matches with up to half of its words' diacritics
        damaged, as OCR leaves them (``Liên doàn Lao động``, ``Bộ Chính tri``): the other
        words and their order make it certain; a single word never matches so.
        """
        if index + len(form.keys) > len(text_words):
            return False
        span = text_words[index : index + len(form.keys)]
        damaged = 0
        for position, (word, key, bare) in enumerate(zip(span, form.keys, form.bare_keys)):
            if form.case == "upper":
                if word.bare != key or not word.is_upper:
                    return False
            elif word.key != key:
                # Damage takes marks away or swaps one for another; a word carrying more
                # marks than the form's is another word ("Công nhận" is no "công nhân").
                if word.bare != bare or _mark_count(word.key) > _mark_count(key):
                    return False
                damaged += 1
            if position:
                gap = gap_between(text, span[position - 1], word)
                pattern = _PUNCT_GAP if form.punct_gaps[position - 1] else _SPACE_GAP
                if not pattern.fullmatch(gap):
                    return False
        if damaged and not unaccented and damaged > len(form.keys) // 2:
            return False
        if form.case == "initial" and not span[0].text[0].isupper():
            return False
        return True


@lru_cache(maxsize=4096)
def _mark_count(key: str) -> int:
    """Diacritics of a folded word: combining marks after NFD, and the stroke of ``đ``."""
    return sum(1 for char in unicodedata.normalize("NFD", key) if unicodedata.combining(char)) + key.count("đ")


class WordSet:
    """Single words of a table (joiners, name breakers, surnames), compared with a text's
    words as :class:`PhraseTable` compares them: folded, or without diacritics in a text
    written without them.

    >>> joiners = WordSet(["và"])
    >>> text = "Than Uyên và Sìn Hồ"
    >>> joiners.has(words(text)[2], text), joiners.has(words("Than Uyen va Sin Ho")[2], "Than Uyen va Sin Ho")
    (True, True)
    """

    def __init__(self, entries: Iterable[str]):
        entries = list(entries)
        self.keys = frozenset(fold(entry) for entry in entries)
        self.bare = frozenset(strip_marks(entry) for entry in entries)

    def has(self, word: Word, text: str) -> bool:
        """Whether ``word`` of ``text`` is one of the set."""
        return word.bare in self.bare if is_unaccented(text) else word.key in self.keys

    def __contains__(self, key: object) -> bool:
        """Whether a folded key (``fold(word)``) is one of the set."""
        return key in self.keys

    def __bool__(self) -> bool:
        return bool(self.keys)


# --------------------------------------------------------------------------- fuzzy linking


@dataclass(frozen=True, slots=True)
class Link:
    """The canonical entry a written form was linked to, how, and how sure (0-100)."""

    canonical: str
    score: float
    method: str  # "exact", "unmarked" (diacritics lost) or "fuzzy"


def _default_guard(text: str) -> frozenset[str]:
    from extractor.places import place_signature

    return place_signature(text)


class Linker:
    """Links written forms to canonical names: exact, then without diacritics, then fuzzy.

    ``names`` maps every accepted alias to its canonical name (a plain list means each
    name is its own alias). ``guard`` returns the place names a string contains; a link
    is only made between strings naming the same places, so ``Liên đoàn Lao động tỉnh
    Lạng Sơn`` can never become ``Liên đoàn Lao động tỉnh Sơn La``.

    >>> linker = Linker(["Liên đoàn Lao động tỉnh Sơn La", "Liên đoàn Lao động tỉnh Lạng Sơn"])
    >>> linker.link("Lien doan Lao dong tinh Son La").canonical
    'Liên đoàn Lao động tỉnh Sơn La'
    >>> linker.link("Liên đoàn Lao đông tỉnh Sơn La").method
    'fuzzy'
    """

    def __init__(
        self,
        names: Iterable[str] | Mapping[str, str],
        guard: Callable[[str], frozenset[str]] | None = None,
        threshold: float = LINK_THRESHOLD,
    ) -> None:
        aliases = dict(names) if isinstance(names, Mapping) else {name: name for name in names}
        self.threshold = threshold
        self._guard = guard or _default_guard
        self._exact: dict[str, str] = {}
        self._unmarked: dict[str, set[str]] = {}
        for alias, canonical in aliases.items():
            self._exact.setdefault(fold(alias), canonical)
            self._unmarked.setdefault(strip_marks(alias), set()).add(canonical)
        self._keys = list(self._exact)
        self._bare_keys = [strip_marks(key) for key in self._keys]

    def link(self, query: str) -> Link | None:
        """The canonical name of ``query``, or ``None`` when nothing is close enough."""
        if not isinstance(query, str) or not query.strip():
            return None
        key = fold(query)
        if key in self._exact:
            return Link(self._exact[key], 100.0, "exact")
        marked = has_marks(query)
        if not marked:
            # Text typed without diacritics: "son la" is unique, "ha nam" may not be.
            candidates = self._unmarked.get(strip_marks(query), set())
            if len(candidates) == 1:
                return Link(next(iter(candidates)), 100.0, "unmarked")
        query_places = self._guard(query)
        choices = self._keys if marked else self._bare_keys
        probe = key if marked else strip_marks(query)
        for _, score, index in process.extract(
            probe, choices, scorer=fuzz.ratio, score_cutoff=self.threshold, limit=10
        ):
            canonical = self._exact[self._keys[index]]
            if self._guard(self._keys[index]) == query_places:
                return Link(canonical, float(score), "fuzzy")
        return None
