"""Perturbed copies of gold documents: how much does extraction lose on damaged text?

``congdoan evaluate corpus --perturb unaccent|ocr`` scores the extractor on copies of the
gold documents whose text was damaged in a documented, seeded way, with every gold span
moved to where its characters went:

* ``unaccent``: every diacritic removed and ``đ`` written ``d`` (:func:`unaccent_text`),
  as in text typed without a Vietnamese keyboard: ``Liên đoàn Lao động tỉnh Sơn La`` ->
  ``Lien doan Lao dong tinh Son La``. On NFC text one character stays one character, so
  the offsets do not move.
* ``ocr``: the damage of a scan read by OCR (:func:`ocr_text`, rates and kinds in
  ``resources/ocr_noise.yaml``): at ``substitution_rate`` a letter loses its tone or its
  vowel mark or has hỏi read as ngã (``động`` -> ``đông``), ``đ`` is read ``d``, a digit a
  look-alike letter (``10.283`` -> ``1O.283``), ``m`` is read ``rn``; at
  ``line_break_rate`` a space becomes a line break, some with a line-end hyphen
  (``công-\\nđoàn``), some a page break. The random choices are seeded by ``seed`` and the
  document id, so a run is repeatable.

What the gold keeps: the label, the normalised values (``value``, ``qualifier``,
``precision``, a DATE's ``time``, ORG/LOC ``canonical`` ...) and the text of each span as
it now reads; a DOC_REF's ``number`` is a value too (``2l7`` is number 217). Fields "as
written" (a COUNT's ``unit``, a DOC_REF's ``symbol`` and ``issuer``, a PERSON's ``name``,
``honorific`` and ``role``) are read again from the
damaged text, a line break (with its line-end hyphen) read as one space, the way an
annotator would read the damaged page. Records are not perturbed: a perturbed evaluation
scores entities only.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from extractor.data import load_resource
from extractor.spelling import unaccent
from schemas import GoldDocument

__all__ = ["KINDS", "PerturbedText", "ocr_text", "perturb_corpus", "perturb_document", "unaccent_text"]

Kind = Literal["unaccent", "ocr"]
KINDS: tuple[str, ...] = ("unaccent", "ocr")
RESOURCE = "ocr_noise.yaml"

# Fields whose value is the text as written; every other field is a normalised value.
AS_WRITTEN = {
    "COUNT": ("unit",),
    "DOC_REF": ("symbol", "issuer"),
    "PERSON": ("name", "honorific", "role"),
}
# Fields written without their spaces (``68/NQ - CP`` -> ``NQ-CP``).
_WITHOUT_SPACES = frozenset({"symbol", "issuer"})
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWEL_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
_HOOK, _TILDE = "\u0309", "\u0303"
# A line break as an annotator reads it: one space (a line-end hyphen between letters goes too).
_BREAK = re.compile(r"(?<=[^\W\d_])-\n\s*(?=[^\W\d_])|\s*\n\s*")


@dataclass(frozen=True)
class PerturbedText:
    """A damaged text and, for each offset of the original, where it went.

    >>> damaged = unaccent_text("hỗ trợ 127 đoàn viên")
    >>> damaged.text, damaged.span(7, 20)
    ('ho tro 127 doan vien', (7, 20))
    """

    original: str
    text: str
    positions: tuple[int, ...]  # len(original) + 1 entries

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``original[start:end]`` is in the damaged text."""
        return self.positions[start], self.positions[end]


def _build(original: str, pieces: Sequence[str]) -> PerturbedText:
    positions, total = [], 0
    for piece in pieces:
        positions.append(total)
        total += len(piece)
    positions.append(total)
    return PerturbedText(original, "".join(pieces), tuple(positions))


def unaccent_text(text: str) -> PerturbedText:
    """The text without diacritics: ``Sơn La`` -> ``Son La``, ``đồng`` -> ``dong``.

    A combining mark (NFD input) disappears and its offset joins the letter before it.
    """
    return _build(text, [unaccent(char) if not unicodedata.combining(char) else "" for char in text])


@dataclass(frozen=True)
class _Noise:
    substitution_rate: float
    line_break_rate: float
    hyphen_share: float
    blank_line_share: float
    damage_kinds: tuple[str, ...]
    damage_weights: tuple[float, ...]
    confusions: dict[str, str]


@cache
def _noise() -> _Noise:
    data = load_resource(RESOURCE)
    return _Noise(
        substitution_rate=float(data["substitution_rate"]),
        line_break_rate=float(data["line_break_rate"]),
        hyphen_share=float(data["hyphen_share"]),
        blank_line_share=float(data["blank_line_share"]),
        damage_kinds=tuple(entry["kind"] for entry in data["mark_damage"]),
        damage_weights=tuple(float(entry["weight"]) for entry in data["mark_damage"]),
        confusions={entry["char"]: entry["reads"] for entry in data["confusions"]},
    )


def damage_mark(char: str, kind: str) -> str:
    """One letter with diacritics after one kind of OCR damage (unchanged if it does not apply).

    >>> damage_mark("ộ", "tone_lost"), damage_mark("ờ", "mark_lost"), damage_mark("ỉ", "hook_tilde")
    ('ô', 'ò', 'ĩ')
    """
    decomposed = unicodedata.normalize("NFD", char)
    if kind == "tone_lost":
        marks = [c for c in decomposed if c not in _TONES]
    elif kind == "mark_lost":
        marks = [c for c in decomposed if c not in _VOWEL_MARKS]
    elif kind == "hook_tilde":
        swap = {_HOOK: _TILDE, _TILDE: _HOOK}
        marks = [swap.get(c, c) for c in decomposed]
    else:
        raise ValueError(f"unknown damage {kind!r}")
    return unicodedata.normalize("NFC", "".join(marks))


def _damages(char: str) -> list[str]:
    """The ways OCR may misread ``char`` (none for most characters)."""
    noise = _noise()
    if char in noise.confusions:
        return [noise.confusions[char]]
    return [damaged for kind in noise.damage_kinds if (damaged := damage_mark(char, kind)) != char]


def ocr_text(text: str, seed: int | str = 0) -> PerturbedText:
    """The text as a seeded OCR simulation reads it (see the module docstring).

    >>> damaged = ocr_text("Hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng. " * 20, seed=1)
    >>> damaged.text != damaged.original, ocr_text(damaged.original, seed=1) == damaged
    (True, True)
    """
    noise = _noise()
    rng = random.Random(f"ocr:{seed}")
    weights = dict(zip(noise.damage_kinds, noise.damage_weights))
    pieces: list[str] = []
    for index, char in enumerate(text):
        if char == " " and 0 < index < len(text) - 1 and rng.random() < noise.line_break_rate:
            pieces.append(_line_break(rng, text[index - 1], text[index + 1]))
            continue
        options = _damages(char) if rng.random() < noise.substitution_rate else []
        if not options:
            pieces.append(char)
        elif char in noise.confusions:
            pieces.append(options[0])
        else:
            kinds = [kind for kind in noise.damage_kinds if damage_mark(char, kind) != char]
            kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
            pieces.append(damage_mark(char, kind))
    return _build(text, pieces)


def _line_break(rng: random.Random, before: str, after: str) -> str:
    noise = _noise()
    draw = rng.random()
    if draw < noise.blank_line_share:
        return "\n\n"
    if draw < noise.blank_line_share + noise.hyphen_share and before.isalpha() and after.isalpha():
        return "-\n"
    return "\n"


def perturb_text(text: str, kind: Kind, seed: int | str = 0) -> PerturbedText:
    """Damage ``text`` in the way ``kind`` names."""
    if kind == "unaccent":
        return unaccent_text(text)
    if kind == "ocr":
        return ocr_text(text, seed)
    raise ValueError(f"unknown perturbation {kind!r}: choose from {', '.join(KINDS)}")


def perturb_document(gold: GoldDocument, kind: Kind, seed: int = 0) -> GoldDocument:
    """A copy of ``gold`` whose text is damaged and whose entities follow their characters.

    >>> from schemas import CountEntity
    >>> gold = GoldDocument(id="a", origin="synthetic", split="dev", labels=["COUNT"], text="hỗ trợ 127 đoàn viên",
    ...     entities=[CountEntity(text="127 đoàn viên", start=7, end=20, value=127, unit="đoàn viên")])
    >>> damaged = perturb_document(gold, "unaccent")
    >>> damaged.text, damaged.entities[0].text, damaged.entities[0].unit
    ('ho tro 127 doan vien', '127 doan vien', 'doan vien')
    """
    text = gold.text or ""
    damaged = perturb_text(text, kind, seed=f"{seed}:{gold.id}")
    entities = [_moved(entity, damaged, kind) for entity in gold.entities]
    return gold.model_copy(update={
        "text": damaged.text,
        "entities": entities,
        "report": None, "meetings": [], "decisions": [], "support": [], "people": [], "record_types": [],
        "cleaning": [],
    })


def perturb_corpus(documents: Iterable[GoldDocument], kind: Kind, seed: int = 0) -> list[GoldDocument]:
    """:func:`perturb_document` of every document."""
    return [perturb_document(document, kind, seed) for document in documents]


def _moved(entity, damaged: PerturbedText, kind: Kind):
    start, end = damaged.span(entity.start, entity.end)
    update = {"start": start, "end": end, "text": damaged.text[start:end]}
    for name in AS_WRITTEN.get(entity.label, ()):
        value = getattr(entity, name)
        if value:
            update[name] = _reread(value, entity.start, entity.end, damaged, kind, name in _WITHOUT_SPACES)
    return entity.model_copy(update=update)


def _reread(value: str, start: int, end: int, damaged: PerturbedText, kind: Kind, without_spaces: bool) -> str:
    """An "as written" field of an entity, read from the damaged text.

    The field is looked for in the entity's own span, else in the text around it (a
    person's role stands after the name); a field found nowhere (a role joined from
    several lines) is damaged character by character where that is certain (unaccent)
    and kept otherwise.
    """
    original = damaged.original
    pattern = r"\s*".join(map(re.escape, value.replace(" ", ""))) if without_spaces else r"\s+".join(
        map(re.escape, value.split())
    )
    found = re.compile(pattern).search(original, start, end)
    if found is None:
        window_start, window_end = max(0, start - 300), min(len(original), end + 300)
        candidates = list(re.finditer(pattern, original[window_start:window_end]))
        if candidates:
            best = min(candidates, key=lambda m: abs(m.start() + window_start - start))
            found = re.compile(pattern).search(original, best.start() + window_start)
    if found is None:
        return unaccent(value) if kind == "unaccent" else value
    a, b = damaged.span(*found.span())
    read = _BREAK.sub(" ", damaged.text[a:b])
    return read.replace(" ", "") if without_spaces else read
