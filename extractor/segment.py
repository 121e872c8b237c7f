"""Sentence and word segmentation: underthesea words aligned back to the text.

underthesea returns words without offsets, glues words across sentence boundaries and
ignores newlines (so ``I. KẾT QUẢ ...\\n1.`` would be one sentence). So we split
lines and sentences ourselves, call ``word_tokenize`` once per sentence, and align each
word back to the characters it came from. The result is a spaCy ``Doc`` whose text is
exactly the text given, whose tokens are underthesea words and whose sentences are ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.data import load_resource

_LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? or … (with closing quotes/brackets after it) before a space.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}|[IVXLC]{1,6}|[a-zA-Zđ])$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(entry["word"] for entry in load_resource("sentences.yaml")["abbreviations"])


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence; every line break ends a sentence.

    A full stop ends a sentence only when the next word starts like a sentence (upper
    case, a digit, a quote) and the word before it is not an abbreviation (``TM.``) nor a
    list marker at the start of the line (``1.``, ``II.``).

    >>> text = "I. KẾT QUẢ\\n1. Tiếp tục chỉ đạo. Ông A đi."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['I. KẾT QUẢ', '1. Tiếp tục chỉ đạo.', 'Ông A đi.']
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for end in _sentence_ends(line.group(), line.start()):
            spans.extend(_strip(text, start, end))
            start = end
        spans.extend(_strip(text, start, line.end()))
    return spans


def _sentence_ends(line: str, offset: int) -> Iterator[int]:
    start = 0
    for mark in _SENTENCE_END.finditer(line):
        following = line[mark.end():].lstrip()
        if not following or not (following[0].isupper() or following[0].isdigit() or following[0] in "\"“'("):
            continue
        before = line[start:mark.start()].split()
        last = before[-1] if before else ""
        if last in _abbreviations() and mark.group()[0] == ".":
            continue
        if len(before) == 1 and _LIST_MARKER.match(last):
            continue
        yield offset + mark.end()
        start = mark.end()


def _strip(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _word_spans(text: str, start: int, end: int, words: list[str]) -> list[tuple[int, int]]:
    """Align ``words`` (underthesea output for ``text[start:end]``) to character spans.

    Words are matched character by character, skipping white space; characters that no
    word accounts for become tokens of their own, so nothing of the text is lost.
    """
    spans: list[tuple[int, int]] = []
    cursor = start
    for word in words:
        target = word.replace(" ", "")
        position = cursor
        matched = 0
        first = None
        while position < end and matched < len(target):
            char = text[position]
            if char.isspace():
                position += 1
                continue
            if char != target[matched]:
                break
            if first is None:
                first = position
            matched += 1
            position += 1
        if matched == len(target) and first is not None:
            spans.extend(_gap_tokens(text, cursor, first))
            spans.append((first, position))
            cursor = position
    spans.extend(_gap_tokens(text, cursor, end))
    return spans


def _gap_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]


def _split_word(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a multi-syllable word whose parts are not one lexical word.

    underthesea glues numbers to the following noun (``10.283 suất``), abbreviations to
    each other (``BTV LĐLĐ``) and a doubled word (``ngày ngày``); value recognisers need
    those boundaries, so such words become one token per syllable.
    """
    syllables = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    if len(syllables) < 2:
        return _peel_punctuation(text, start, end)
    parts = [text[s:e] for s, e in syllables]
    has_digit = any(ch.isdigit() for part in parts for ch in part)
    abbreviations = sum(1 for part in parts if len(part) > 1 and part.isupper())
    repeated = len({part.lower() for part in parts}) < len(parts)
    if has_digit or abbreviations >= 2 or repeated:
        return [piece for s, e in syllables for piece in _peel_punctuation(text, s, e)]
    return [(start, end)]


# A run of word characters with inner punctuation (10.283, COVID-19, QĐ-LĐLĐ, Đ/c), or a run
# of punctuation: underthesea leaves "CNVCLĐ..." and "72,2%" whole, but the value ends
# before the punctuation.
_PIECE = re.compile(r"\w+(?:[^\w\s]+\w+)*|[^\w\s]+")


def _peel_punctuation(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in _PIECE.finditer(text[start:end])]


def tokenize_spans(text: str) -> tuple[list[tuple[int, int]], list[bool]]:
    """Return token spans and, per token, whether it starts a sentence."""
    from underthesea import word_tokenize  # imported late: importing congdoan stays cheap

    tokens: list[tuple[int, int]] = []
    starts: list[bool] = []
    for s_start, s_end in split_sentences(text):
        words = word_tokenize(text[s_start:s_end], use_token_normalize=False)
        first = True
        for w_start, w_end in _word_spans(text, s_start, s_end, words):
            for token in _split_word(text, w_start, w_end):
                tokens.append(token)
                starts.append(first)
                first = False
    return tokens, starts


class UndertheseaTokenizer:
    """A spaCy tokenizer: underthesea words, our sentences, ``doc.text == text``."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        spans, sentence_starts = tokenize_spans(text)
        words: list[str] = []
        spaces: list[bool] = []
        sent_starts: list[bool] = []
        cursor = 0
        for (start, end), is_start in zip(spans, sentence_starts):
            _add_gap(text[cursor:start], words, spaces, sent_starts)
            words.append(text[start:end])
            spaces.append(False)
            sent_starts.append(is_start)
            cursor = end
        _add_gap(text[cursor:], words, spaces, sent_starts)
        if sent_starts and not sent_starts[0]:
            sent_starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        # The text is known: spaCy would join every token again to give ``doc.text``.
        doc.user_data[DOC_TEXT_KEY] = text
        return doc

    # spaCy serialises the tokenizer with the pipeline; it has no state to save.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "UndertheseaTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "UndertheseaTokenizer":
        return self


#: ``doc.user_data`` key of the text a Doc was made from (read by :func:`extractor.pipeline.doc_text`).
DOC_TEXT_KEY = "congdoan.text"


def _add_gap(gap: str, words: list[str], spaces: list[bool], sent_starts: list[bool]) -> None:
    """Put the white space between two tokens into the Doc as spaCy expects it."""
    if not gap:
        return
    if gap == " " and words:
        spaces[-1] = True
        return
    words.append(gap)
    spaces.append(False)
    sent_starts.append(False)
