"""How a vocabulary word may be written, for the recognisers that match it with regexes.

The data files list each word once, in one spelling (``đồng``, ``thỏa ước``, ``Quyết
định``). Reports write the same word in other ways, and the recognisers must accept them:

* the other tone placement of ``oa``/``oe``/``uy`` (``thoả ước``, ``Uỷ ban``, ``hoà``);
* ``đ`` read or typed as ``d`` (OCR, keyboards without Vietnamese: ``126.100.000d``);
* no diacritics at all (``Lien doan Lao dong``, ``dong``), but only in a text written
  without them (:func:`extractor.linking.is_unaccented`): in ordinary text ``sau`` is
  "after" and not ``sáu`` "six", ``Nam`` is not ``năm``;
* diacritics damaged by OCR (``triêu``, ``đông``, ``nam 2021``), for the words whose place
  makes them certain: scale and currency words after digits, date words, kind words
  before a document number, a hedge before a number (``damaged=True``).

:func:`alternatives` turns one vocabulary phrase into regex alternatives, the unaccented
one fenced as valid only in unaccented text; :class:`SpellingPattern` compiles such a regex
twice and picks the right one for a text. :class:`WrittenIndex` reads the matched words
back to their entries (``Quyet dinh`` -> ``Quyết định``). Nothing here rewrites the text:
values "as written" (a count's unit) stay as the user wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

from extractor.linking import fold, is_unaccented, strip_marks

__all__ = [
    "SpellingPattern", "WrittenIndex", "accented_only", "alternatives", "compile_spelling", "other_tone_placement",
    "unaccent", "written_forms",
]

V = TypeVar("V")

# Fences around the alternatives that hold only in unaccented text, inside a regex source.
# Private-use characters never occur in a pattern otherwise; SpellingPattern removes the
# fenced part (text with diacritics) or only the fences (text without).
_OPEN, _CLOSE = "\ue000", "\ue001"
_FENCED = re.compile(f"{_OPEN}[^{_OPEN}{_CLOSE}]*{_CLOSE}")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Open syllables whose tone goes on either vowel, by convention: hòa/hoà, khỏe/khoẻ, thủy/thuỷ.
_MOVABLE_PAIRS = frozenset({"oa", "oe", "uy"})
_SYLLABLE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def unaccent(text: str) -> str:
    """``text`` without diacritics, ``đ`` as ``d``, case kept: one character for one in NFC.

    >>> unaccent("Liên đoàn Lao động tỉnh Sơn La"), unaccent("ĐỒNG")
    ('Lien doan Lao dong tinh Son La', 'DONG')
    """
    out = []
    for char in text:
        if char == "đ":
            out.append("d")
        elif char == "Đ":
            out.append("D")
        else:
            decomposed = unicodedata.normalize("NFD", char)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)) if len(decomposed) > 1 else char)
    return "".join(out)


def _other_syllable(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return syllable
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    lower = base.lower()
    for index in range(len(lower) - 1):
        pair = lower[index : index + 2]
        # The pair must end the syllable ("hoàng" has one placement) and not be "qu"+vowel.
        if pair in _MOVABLE_PAIRS and index + 2 == len(lower) and not (pair == "uy" and lower[index - 1 : index] == "q"):
            toned = decomposed.index(tones[0])
            on_first = len(unicodedata.normalize("NFC", decomposed[:toned])) == index + 1
            target = index + 1 if on_first else index
            return unicodedata.normalize("NFC", base[: target + 1] + tones[0] + base[target + 1 :])
    return syllable


@lru_cache(maxsize=65536)
def other_tone_placement(text: str) -> str:
    """``text`` with the tone of every ``oa``/``oe``/``uy`` syllable on the other vowel.

    >>> other_tone_placement("thỏa ước, Uỷ ban, hoà giải, thuỷ lợi, hoàng")
    'thoả ước, Ủy ban, hòa giải, thủy lợi, hoàng'
    """
    text = unicodedata.normalize("NFC", text)
    return _SYLLABLE.sub(lambda match: _other_syllable(match.group()), text)


def written_forms(phrase: str) -> list[str]:
    """The spellings of a vocabulary phrase accepted in any text, the listed one first.

    >>> written_forms("thỏa thuận"), written_forms("đồng")
    (['thỏa thuận', 'thoả thuận'], ['đồng', 'dồng'])
    """
    forms = [phrase, other_tone_placement(phrase)]
    forms += [form.replace("đ", "d").replace("Đ", "D") for form in forms]
    return list(dict.fromkeys(forms))


def alternatives(phrase: str, space: str | None = None, *, damaged: bool = False, capitalised: bool = False) -> str:
    """Regex alternatives (joined by ``|``) for one phrase in every accepted spelling.

    ``space`` is the regex between its words (default: the space itself). The unaccented
    spelling is fenced: it holds only in text without diacritics. ``damaged`` adds a
    spelling in which every letter may have lost or changed its marks (``triêu``,
    ``đông`` for ``triệu``, ``đồng``): for words whose place alone tells what they are,
    as the scale and currency after the digits of an amount. ``capitalised``: the first
    letter may also be written in capitals (``Đoàn viên`` for ``đoàn viên``), one class
    instead of a second copy of every spelling, which halves what the regex compiles.

    >>> SpellingPattern(alternatives("đồng")).accented.pattern
    'đồng|dồng'
    >>> SpellingPattern(alternatives("đồng")).unaccented.pattern
    'đồng|dồng|dong'
    >>> bool(re.fullmatch(accented_only(alternatives("triệu", damaged=True)), "triêu"))
    True
    """

    def render(form: str, letter: Callable[[str], str] = re.escape) -> str:
        pieces = ["".join(letter(char) for char in piece) for piece in form.split(" ")]
        if capitalised and form[:1].islower():
            head = pieces[0][: len(letter(form[0]))]
            pieces[0] = _either_case(head, letter(form[0].upper())) + pieces[0][len(head):]
        return (space if space is not None else " ").join(pieces)

    forms = written_forms(phrase)
    source = "|".join(render(form) for form in forms)
    if damaged:
        tolerant = render(phrase, _any_marks)
        # One damaged word keeps the case it is listed in: "nam 2020" may be "năm 2020",
        # "Việt Nam 2020" is no year.
        source += "|" + (tolerant if " " in phrase else f"(?-i:{tolerant})")
    bare = unaccent(phrase)
    if bare not in forms:
        source += f"{_OPEN}|{render(bare)}{_CLOSE}"
    return source


def _either_case(lower: str, upper: str) -> str:
    """One regex class of two renderings of a letter (``đ``/``Đ`` -> ``[đĐ]``, ``[dđ]``/``[DĐ]`` -> ``[dđDĐ]``)."""
    inner = [part[1:-1] if part.startswith("[") else part for part in (lower, upper)]
    return "[" + "".join(inner) + "]"


@lru_cache(maxsize=1024)
def _any_marks(char: str) -> str:
    """A regex class of ``char`` with any diacritics or none (``ệ`` -> every ``e``)."""
    base = unaccent(char)
    if base == char and char.lower() not in _LETTERS_BY_BASE:
        return re.escape(char)
    letters = _LETTERS_BY_BASE.get(base.lower(), base)
    letters = letters.upper() if char.isupper() else letters
    return "[" + "".join(sorted(set(letters))) + "]" if len(letters) > 1 else re.escape(char)


# Every Vietnamese letter, by the letter it is without its marks.
_LETTERS_BY_BASE: dict[str, str] = {}
for _letter in (
    "aàáảãạăằắẳẵặâầấẩẫậ" "eèéẻẽẹêềếểễệ" "iìíỉĩị" "oòóỏõọôồốổỗộơờớởỡợ" "uùúủũụưừứửữự" "yỳýỷỹỵ" "dđ"
):
    _LETTERS_BY_BASE[unaccent(_letter)] = _LETTERS_BY_BASE.get(unaccent(_letter), "") + _letter


class SpellingVariants(Generic[V]):
    """Anything built from the vocabulary for text with diacritics, and on first need for text
    without them (a recogniser's whole set of patterns; one regex: :class:`SpellingPattern`).

    >>> variants = SpellingVariants(lambda unaccented: "bare" if unaccented else "marked")
    >>> variants.for_text("Liên đoàn Lao động tỉnh"), variants.for_text("Lien doan Lao dong tinh")
    ('marked', 'bare')
    """

    def __init__(self, build: Callable[[bool], V]):
        self._build = build
        self.accented = build(False)

    @cached_property
    def unaccented(self) -> V:
        return self._build(True)

    def for_text(self, text: str) -> V:
        """What holds for ``text``: the unaccented build if it has no diacritics."""
        return self.unaccented if is_unaccented(text) else self.accented


class SpellingPattern(SpellingVariants[re.Pattern[str]]):
    """A regex source with fenced unaccented alternatives, compiled for either kind of text.

    >>> pattern = SpellingPattern("[0-9]+ (?:" + alternatives("đoàn viên") + ")")
    >>> bool(pattern.for_text("127 doan vien").search("127 doan vien"))
    True
    >>> text = "Hội nghị tổng kết đã hỗ trợ 127 doan vien"  # a text with diacritics
    >>> bool(pattern.for_text(text).search(text))
    False
    """

    def __init__(self, source: str, flags: int = 0):
        self.source = source
        self.flags = flags
        super().__init__(lambda unaccented: compile_spelling(source, flags, unaccented=unaccented))

    @property
    def pattern(self) -> str:
        """The source as it applies to text with diacritics."""
        return self.accented.pattern


def compile_spelling(source: str, flags: int = 0, *, unaccented: bool) -> re.Pattern[str]:
    """Compile a regex source built with :func:`alternatives` for one kind of text.

    >>> compile_spelling(alternatives("năm"), unaccented=True).pattern
    'năm|nam'
    """
    return re.compile(source.replace(_OPEN, "").replace(_CLOSE, "") if unaccented else _FENCED.sub("", source), flags)


def accented_only(source: str) -> str:
    """A regex source built with :func:`alternatives`, without its unaccented parts.

    >>> accented_only(alternatives("năm"))
    'năm'
    """
    return _FENCED.sub("", source)


class WrittenIndex(Generic[V]):
    """Values of vocabulary phrases, found from the phrase as a text wrote it.

    Tried in order: the same words (tone placement and, unless ``case_sensitive``, case
    ignored), then the same words without diacritics when that leaves one value.

    >>> kinds = WrittenIndex([("Quyết định", "Quyết định"), ("Nghị quyết", "Nghị quyết")])
    >>> kinds.get("quyết  định"), kinds.get("Quyet dinh"), kinds.get("Thong tu")
    ('Quyết định', 'Quyết định', None)
    """

    def __init__(self, entries: Iterable[tuple[str, V]], case_sensitive: bool = False):
        self.case_sensitive = case_sensitive
        self._exact: dict[str, V] = {}
        self._bare: dict[str, list[V]] = {}
        for phrase, value in entries:
            self._exact.setdefault(self._key(phrase), value)
            bare = self._bare.setdefault(self._bare_key(phrase), [])
            if value not in bare:
                bare.append(value)

    def _key(self, phrase: str) -> str:
        if self.case_sensitive:
            return " ".join(unicodedata.normalize("NFC", phrase).split())
        return fold(phrase)

    def _bare_key(self, phrase: str) -> str:
        return " ".join(unaccent(self._key(phrase)).split()) if self.case_sensitive else strip_marks(phrase)

    def candidates(self, written: str) -> list[V]:
        """Every value ``written`` may stand for, the exact one alone when there is one."""
        key = self._key(written)
        if key in self._exact:
            return [self._exact[key]]
        return list(self._bare.get(self._bare_key(written), ()))

    def get(self, written: str, default: V | None = None) -> V | None:
        found = self.candidates(written)
        return found[0] if len(found) == 1 else default

    def __contains__(self, written: str) -> bool:
        return self.get(written) is not None
