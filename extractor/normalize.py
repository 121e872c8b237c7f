"""Unicode normalisation that remembers where every character came from.

Recognisers work on one canonical form of the text: NFC, unusual spaces folded to
U+0020, dash variants folded to ``-`` and invisible characters removed (the tables are in
``resources/characters.yaml``). Users, however, must be able to check every value
against the text *they* gave, so :class:`NormalizedText` keeps, for each normalised
character, the span of original characters it stands for.

Cleaning (:mod:`extractor.cleaning`) goes further with :meth:`NormalizedText.apply`: a
list of :class:`Edit` (delete or replace a range: ``người lao\\n\\nđộng`` -> ``người lao
động``) gives a new ``NormalizedText`` whose map still leads to the user's characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from extractor.data import load_resource


@cache
def _folding_table() -> dict[str, str]:
    table = load_resource("characters.yaml")
    folding: dict[str, str] = {}
    for entry in table["spaces"]:
        folding[entry["char"]] = " "
    for entry in table["dashes"]:
        folding[entry["char"]] = "-"
    for entry in table["removed"]:
        folding[entry["char"]] = ""
    return folding


@dataclass(frozen=True)
class NormalizedText:
    """The normalised text and, per character, the original span it came from."""

    original: str
    text: str
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of the original text.

        The original span covers every original character that produced the normalised
        ones, so ``original[a:b]`` is always the evidence for ``text[start:end]``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalised text of length {len(self.text)}")
        if start == end:
            position = self._starts[start] if start < len(self.text) else len(self.original)
            return position, position
        return self._starts[start], self._ends[end - 1]

    def apply(self, edits: Iterable[Edit]) -> NormalizedText:
        """Delete or replace ranges of :attr:`text`, keeping the map to the original.

        Edits index this text and may not overlap. Each replacement character stands for
        the whole range it replaces, so a span over the joined ``lao động`` maps back to
        ``lao\\n\\nđộng`` as the user wrote it; a deletion leaves no character behind.

        >>> n = normalize("người lao\\n\\nđộng").apply([Edit(9, 11, " ")])
        >>> n.text, n.to_original(6, 14), n.original[6:15]
        ('người lao động', (6, 15), 'lao\\n\\nđộng')
        """
        ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        position = 0
        for edit in ordered:
            if edit.start < position or not 0 <= edit.start < edit.end <= len(self.text):
                raise ValueError(f"edit {edit.start}:{edit.end} overlaps another or lies outside the text")
            pieces.append(self.text[position : edit.start])
            starts.extend(self._starts[position : edit.start])
            ends.extend(self._ends[position : edit.start])
            origin = self.to_original(edit.start, edit.end)
            pieces.append(edit.replacement)
            starts.extend([origin[0]] * len(edit.replacement))
            ends.extend([origin[1]] * len(edit.replacement))
            position = edit.end
        pieces.append(self.text[position:])
        starts.extend(self._starts[position:])
        ends.extend(self._ends[position:])
        return NormalizedText(self.original, "".join(pieces), tuple(starts), tuple(ends))


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (``start < end``) with ``replacement`` ("" deletes it).

    >>> Edit(4, 6, "")  # "công-" + line break + "đoàn" without its line-end hyphen
    Edit(start=4, end=6, replacement='')
    """

    start: int
    end: int
    replacement: str = ""


def _clusters(text: str):
    """Yield (start, end) of each base character with the combining marks after it."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, index
            start = index


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for recognition, keeping the map back to the original.

    >>> n = normalize("Chi\u1ec1u ng\u00e0y\u00a005/01/2024")
    >>> n.text
    'Chiều ngày 05/01/2024'
    >>> n.to_original(11, 21)
    (11, 21)
    """
    folding = _folding_table()
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters(text):
        cluster = text[start:end]
        base = cluster[0]
        if base in folding:
            # Marks on a folded character have nothing to attach to: drop them with it.
            out = folding[base]
        else:
            out = unicodedata.normalize("NFC", cluster)
        for char in out:
            pieces.append(char)
            starts.append(start)
            ends.append(end)
    return NormalizedText(text, "".join(pieces), tuple(starts), tuple(ends))
