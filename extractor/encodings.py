"""Vietnamese text encodings: detection, the legacy TCVN3 and VNI font encodings, mojibake.

Reports reach us as UTF-8 mostly, but archives also hold Windows-1258 files and text
typed with the pre-Unicode font encodings TCVN3 (ABC, fonts .VnTime) and VNI (fonts
VNI-Times), either as their raw bytes or already shown as Western text ("mojibake"):

>>> decode_legacy("Liªn ®oµn Lao ®éng".encode("latin-1"), "tcvn3")
'Liên đoàn Lao động'
>>> repair_mojibake("Lieân ñoaøn Lao ñoäng")
('Liên đoàn Lao động', 'vni')

:func:`detect_encoding` picks the decoding: Unicode first (BOMs, UTF-8, UTF-16), then
the decoding of the legacy candidates whose words are most often Vietnamese syllables
(:func:`vietnamese_score`), with charset-normalizer's guess as the fallback for
non-Vietnamese code pages. The conversion tables are data files
(``resources/encoding_tcvn3.yaml``, ``resources/encoding_vni.yaml``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from extractor.data import load_resource

#: The legacy font encodings this module decodes itself (Python has no codec for them).
LEGACY_ENCODINGS = ("tcvn3", "vni")

#: Other spellings accepted for ``encoding=`` (lower-cased, ``_`` and spaces as ``-``).
ALIASES = {
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "tcvn5712": "tcvn3", "tcvn-5712": "tcvn3",
    "vntime": "tcvn3", ".vntime": "tcvn3",
    "vni": "vni", "vni-windows": "vni", "vni-times": "vni",
    "windows-1258": "cp1258", "cp1258": "cp1258",
}

# The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng).
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"

# Scores are computed on this much of a file: enough words to rank decodings.
SAMPLE_BYTES = 256 * 1024

# The lowest share of Vietnamese syllables for a legacy decoding to be accepted.
MIN_SCORE = 0.6

# Non-ASCII symbols that are normal in Vietnamese text whatever the encoding; every other
# non-ASCII non-letter in a decoding ("µ", "®", "¸") is a sign that it is the wrong one.
_TYPOGRAPHY = set("\u00a0“”‘’–—…•°№€«»\u00ad\u200b\ufeff")


class EncodingError(ValueError):
    """Bytes that no supported encoding explains; ``str()`` says what to do."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes and the name of the decoding used.

    ``encoding`` is a Python codec name (``utf-8``, ``utf-8-sig``, ``utf-16``,
    ``utf-16-le``, ``cp1258`` …), ``tcvn3`` or ``vni``; ``utf-8+tcvn3`` /
    ``utf-8+vni`` for UTF-8 text holding legacy mojibake that was repaired; and
    ``mixed:utf-8+cp1258`` (for example) for a file whose lines use different encodings.
    """

    text: str
    encoding: str


@dataclass(frozen=True)
class _Table:
    """One legacy encoding: byte sequences to letters, letters to bytes."""

    name: str
    decode: dict[str, str]  # byte sequence as Latin-1 text -> letter
    encode: dict[str, bytes]  # letter -> bytes


@cache
def _table(name: str) -> _Table:
    data = load_resource(f"encoding_{name}.yaml")
    decode: dict[str, str] = {}
    encode: dict[str, bytes] = {}
    for entry in data["lowercase"] + data["uppercase"]:
        letter = entry["letter"]
        raw = bytes([entry["byte"]]) if name == "tcvn3" else entry["vni"].encode("latin-1")
        decode[raw.decode("latin-1")] = letter
        encode[letter] = raw
    if name == "vni":
        # Shift pressed on the base letter only ("Aù") or on the modifier only ("aÙ"):
        # the letter takes the case of its base.
        for seq, letter in list(decode.items()):
            if len(seq) == 2:
                decode.setdefault(seq[0] + seq[1].swapcase(), letter)
    return _Table(name, decode, encode)


def canonical_encoding(name: str) -> str:
    """The canonical spelling of an encoding name, or :class:`EncodingError`.

    >>> canonical_encoding("VNI-Windows"), canonical_encoding("ABC"), canonical_encoding("Windows-1258")
    ('vni', 'tcvn3', 'cp1258')
    """
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key in ALIASES:
        return ALIASES[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        raise EncodingError(
            f"unknown encoding {name!r}; use tcvn3, vni, cp1258, utf-8, utf-16 or another Python codec name"
        ) from None


# --- the legacy decoders ---------------------------------------------------------------


@cache
def _tcvn3_translation() -> dict[int, str]:
    return {ord(seq): letter for seq, letter in _table("tcvn3").decode.items()}


@cache
def _vni_pattern() -> re.Pattern[str]:
    # Longest sequence first, so "oä" (ộ) wins over "o" followed by a stray "ä".
    keys = sorted(_table("vni").decode, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


@cache
def _vni_orphans() -> re.Pattern[str]:
    # Modifier bytes that only mean something after a base letter; alone they are noise.
    singles = {k for k in _table("vni").decode if len(k) == 1}
    modifiers = {k[1] for k in _table("vni").decode if len(k) == 2} - singles
    return re.compile("[" + re.escape("".join(sorted(modifiers))) + "]")


# One of the seven capitals of the ABC fonts between two lowercase letters ("Li£n") is a
# slip of the font or the keyboard for the lowercase letter: no word is written so.
_LONE_CAPITAL = re.compile(r"(?<=[^\W\d_])[ĂÂÊÔƠƯĐ](?=[^\W\d_])")


def _lower_lone_capital(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    if text[start - 1].islower() and text[start + 1].islower():
        return match.group().lower()
    return match.group()


def _decode_tcvn3(text: str) -> str:
    decoded = _restore_capitals(text.translate(_tcvn3_translation()))
    return _LONE_CAPITAL.sub(_lower_lone_capital, decoded)


def _decode_vni(text: str) -> str:
    table = _table("vni").decode
    return _vni_pattern().sub(lambda m: table[m.group()], text)


def decode_legacy(data: bytes, encoding: str) -> str:
    """Decode TCVN3 or VNI bytes to NFC Unicode; bytes that are no letter stay Latin-1.

    >>> decode_legacy("Lieân ñoaøn".encode("latin-1"), "vni")
    'Liên đoàn'
    >>> decode_legacy("B¸O C¸O".encode("latin-1"), "tcvn3")
    'BÁO CÁO'
    """
    text = data.decode("latin-1")
    decoded = _decode_tcvn3(text) if encoding == "tcvn3" else _decode_vni(text)
    return unicodedata.normalize("NFC", decoded)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode text in TCVN3 or VNI with the inverse of the decoding table.

    Capitals with a tone use TCVN3's full-standard (VN1) bytes. Raises ValueError on
    characters neither ASCII nor a Vietnamese letter.

    >>> encode_legacy("Liên đoàn", "vni").decode("latin-1")
    'Lieân ñoaøn'
    """
    table = _table(encoding).encode
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in table:
            out += table[char]
        elif char.isascii():
            out += char.encode("ascii")
        else:
            raise ValueError(f"{char!r} (U+{ord(char):04X}) has no {encoding} encoding")
    return bytes(out)


# TCVN3 documents write capitals with a second font (.VnTimeH) that draws the lowercase
# bytes as capitals, so "BÁO CÁO" arrives as "BáO CáO". A word that is otherwise in
# capitals gets its toned letters back in capitals, and so do the words next to it.
_WORD = re.compile(r"[^\W\d_]+")


# A whole word without ASCII lowercase letters: the only kind the restoration may change.
_CAPS_CANDIDATE = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]*[^\W\d_a-zA-Z][^\W\d_a-z]*(?![^\W\d_])")


def _restore_capitals(text: str) -> str:
    if text.isascii():
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if any(not c.isascii() and c.islower() for m in _CAPS_CANDIDATE.finditer(line) for c in m.group()):
            lines[index] = _restore_line(line)
    return "\n".join(lines)


def _restore_line(line: str) -> str:
    words = list(_WORD.finditer(line))
    if not words:
        return line
    kinds = []
    for match in words:
        word = match.group()
        ascii_lower = any(c.isascii() and c.islower() for c in word)
        upper = sum(c.isupper() for c in word)
        restorable = any(not c.isascii() and c.islower() for c in word)
        if ascii_lower or not restorable:
            kinds.append("keep")
        elif upper >= 2:
            kinds.append("caps")
        else:
            kinds.append("maybe")  # "Tổ" in "TỔ CHỨC", or "ở" in "Ở ĐÂU"
    changed = True
    while changed:
        changed = False
        for index, kind in enumerate(kinds):
            if kind != "maybe":
                continue
            neighbours = kinds[max(index - 1, 0):index] + kinds[index + 1:index + 2]
            if "caps" in neighbours:
                kinds[index] = "caps"
                changed = True
    pieces, last = [], 0
    for match, kind in zip(words, kinds):
        pieces.append(line[last:match.start()])
        pieces.append(match.group().upper() if kind == "caps" else match.group())
        last = match.end()
    pieces.append(line[last:])
    return "".join(pieces)


# --- scoring decodings -----------------------------------------------------------------


@cache
def _syllable_pattern() -> re.Pattern[str]:
    data = load_resource("vietnamese_syllables.yaml")
    initials = sorted((e["initial"] for e in data["initials"]), key=len, reverse=True)
    rhymes = sorted((r for group in data["rhymes"] for r in group["rhymes"].split()), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(initials)})?(?:{'|'.join(rhymes)})")


@lru_cache(maxsize=1 << 16)  # a text repeats a few thousand syllables
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is spelled like a Vietnamese syllable (at most one tone mark).

    >>> is_vietnamese_syllable("Nguyễn"), is_vietnamese_syllable("người"), is_vietnamese_syllable("ñoaøn")
    (True, True, False)
    """
    if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
        return False  # "LiÊn", "BáO": a capital after a small letter is no spelling
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in TONE_MARKS for c in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return _syllable_pattern().fullmatch(toneless) is not None


@dataclass(frozen=True)
class Score:
    """How Vietnamese a decoding looks: words with non-ASCII letters that are (not) syllables.

    ``invalid`` also counts non-ASCII symbols that Vietnamese text does not use.
    """

    valid: int
    invalid: int

    @property
    def share(self) -> float:
        total = self.valid + self.invalid
        return self.valid / total if total else 0.0


# Non-ASCII characters that are neither letters, digits nor spaces.
_SYMBOL = re.compile(r"[^\w\s\x00-\x7f]")


@cache
def _letters() -> frozenset[str]:
    letters = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    letters.update(_table("tcvn3").encode)
    return frozenset(letters)


def _vietnamese_letters(word: str) -> bool:
    return all(char in _letters() for char in word)


def vietnamese_score(text: str) -> Score:
    """Score a decoding by its non-ASCII words and symbols.

    A word in capitals that is no syllable counts neither way if it is written with
    Vietnamese letters: reports are full of abbreviations (``LĐLĐ``, ``CĐCS``, ``QĐ``).

    >>> vietnamese_score("Liên đoàn Lao động")
    Score(valid=3, invalid=0)
    >>> vietnamese_score("Li£n ®oµn Lao ®éng")
    Score(valid=1, invalid=4)
    >>> vietnamese_score("Quyết định 722/QĐ-LĐLĐ")
    Score(valid=2, invalid=0)
    """
    valid = invalid = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        if is_vietnamese_syllable(word):
            valid += 1
        elif not (word.isupper() and len(word) > 1) or not _vietnamese_letters(word):
            invalid += 1
    for match in _SYMBOL.finditer(text):
        char = match.group()
        if char not in _TYPOGRAPHY and unicodedata.category(char)[0] != "M":
            invalid += 1
    return Score(valid, invalid)


# --- mojibake in Unicode text ----------------------------------------------------------

# Latin-1 letters that occur in real Vietnamese; any other Latin-1 supplement character
# in a line makes it a mojibake suspect.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ\u00a0")


def _latin1_bytes(line: str) -> bytes | None:
    """The bytes a program showed as ``line`` in Latin-1/cp1252, or None if it could not."""
    out = bytearray()
    for char in line:
        code = ord(char)
        if code < 256:
            out.append(code)
            continue
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def _suspicious(line: str) -> bool:
    return any("\u0080" <= c <= "\u00ff" and c not in _VIETNAMESE_LATIN1 for c in line)


def _repair_line(line: str, preferred: str | None) -> tuple[str, str | None]:
    raw = None if line.isascii() else _latin1_bytes(line)
    if raw is None:
        return line, None
    before = vietnamese_score(line)
    if not before.invalid and not _suspicious(line):
        return line, None
    best, best_encoding, best_score = line, None, before
    for encoding in LEGACY_ENCODINGS:
        candidate = decode_legacy(raw, encoding)
        score = vietnamese_score(candidate)
        if score.valid and score.share > best_score.share and score.share >= MIN_SCORE:
            best, best_encoding, best_score = candidate, encoding, score
    if best_encoding is None and preferred and _suspicious(line):
        # A short line reads as well either way ("Soá: 123/QÑ-LÑLÑ"): follow the rest.
        candidate = decode_legacy(raw, preferred)
        score = vietnamese_score(candidate)
        if score.valid and score.share >= before.share:
            return candidate, preferred
    return best, best_encoding


def preferred_repair(text: str) -> str | None:
    """The legacy encoding that repairs the suspect lines of ``text`` taken together, if any.

    Judged on the first :data:`SAMPLE_BYTES` characters of suspect lines.

    >>> preferred_repair("Báo cáo\\nLiªn ®oµn"), preferred_repair("Báo cáo")
    ('tcvn3', None)
    """
    if text.isascii():
        return None
    suspects, size = [], 0
    for line in text.split("\n"):
        if not line.isascii() and _suspicious(line):
            suspects.append(line)
            size += len(line)
            if size > SAMPLE_BYTES:
                break
    sample = "\n".join(suspects)
    raw = _latin1_bytes(sample) if suspects else None
    if raw is None:
        return None
    best, best_share = None, vietnamese_score(sample).share
    for encoding in LEGACY_ENCODINGS:
        score = vietnamese_score(decode_legacy(raw, encoding))
        if score.valid and score.share > best_share and score.share >= MIN_SCORE:
            best, best_share = encoding, score.share
    return best


# Texts longer than this that are mojibake throughout are repaired at once, not by line.
_WHOLE_TEXT_CHARS = 20_000


def _whole_text_repair(text: str, preferred: str) -> str | None:
    """Repair all of a long ``text`` at once when all of it is mojibake (the common case).

    Line by line costs seconds per megabyte; a long text that is Latin-1 throughout and
    does not read as Vietnamese has no genuine Unicode lines worth the cost.
    """
    if len(text) < _WHOLE_TEXT_CHARS:
        return None
    raw = _latin1_bytes(text)
    if raw is None:
        return None
    sample = text[:SAMPLE_BYTES]
    if vietnamese_score(sample).share >= 0.5:
        return None  # much of it reads as Vietnamese already: decide line by line
    return decode_legacy(raw, preferred)


def repair_mojibake(text: str, preferred: str | None = None) -> tuple[str, str | None]:
    """Repair lines of TCVN3/VNI text that a program decoded as Latin-1 or cp1252.

    Returns the text and the legacy encoding found (None when nothing was repaired).
    Lines are decided one by one, so a report with a pasted old paragraph is repaired
    there only: a line changes when its repair reads as more Vietnamese, or as well
    when it has non-Vietnamese Latin-1 characters and the suspect lines of the whole
    text, taken together, read best in that encoding (``preferred``, computed when not
    given: pass it to repair the parts of one document alike).

    >>> repair_mojibake("Báo cáo\\nLiªn ®oµn Lao ®éng")
    ('Báo cáo\\nLiên đoàn Lao động', 'tcvn3')
    """
    if text.isascii():
        return text, None
    preferred = preferred or preferred_repair(text)
    if preferred:
        whole = _whole_text_repair(text, preferred)
        if whole is not None:
            return whole, preferred
    lines = text.split("\n")
    found: list[str] = []
    for index, line in enumerate(lines):
        repaired, encoding = _repair_line(line, preferred)
        if encoding:
            lines[index] = repaired
            found.append(encoding)
    if not found:
        return text, None
    return "\n".join(lines), max(set(found), key=found.count)


# --- detection -------------------------------------------------------------------------


def _utf16_without_bom(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 cheaply: one byte of most pairs is zero (ASCII and Latin-1)."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2], data[1::2]
    pairs = len(data) // 2
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.3 * pairs and other.count(0) <= 0.02 * pairs:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
            return codec if printable >= 0.95 * len(text) else None
    return None


def _sample(data: bytes) -> bytes:
    if len(data) <= SAMPLE_BYTES:
        return data
    cut = data.rfind(b"\n", 0, SAMPLE_BYTES)
    return data[: cut if cut > 0 else SAMPLE_BYTES]


def _decode_with(data: bytes, encoding: str) -> str:
    """Decode with a canonical encoding name; UnicodeDecodeError for code page misfits."""
    if encoding in LEGACY_ENCODINGS:
        return decode_legacy(data, encoding)
    text = data.decode(encoding)
    # Windows-1258 writes most tones as combining marks after the letter.
    return unicodedata.normalize("NFC", text) if encoding == "cp1258" else text


def _best_legacy(data: bytes) -> tuple[str, Score] | None:
    """The legacy or code page decoding of ``data`` that reads most like Vietnamese."""
    sample = _sample(data)
    candidates = ["cp1258", "tcvn3", "vni"]
    guess = _charset_guess(sample)
    if guess and guess not in candidates and not guess.startswith("utf"):
        candidates.append(guess)
    best: tuple[str, Score] | None = None
    for encoding in candidates:
        try:
            score = vietnamese_score(_decode_with(sample, encoding))
        except (UnicodeDecodeError, LookupError):
            continue
        if best is None or (score.share, score.valid) > (best[1].share, best[1].valid):
            best = (encoding, score)
    return best


def _charset_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 files need it

    match = from_bytes(data).best()
    if match is None:
        return None
    try:
        return codecs.lookup(match.encoding).name
    except LookupError:
        return None


# charset-normalizer's guess is trusted as a fallback for single-byte code pages only:
# on short or odd bytes it also proposes CJK or UTF-16 decodings that are pure noise.
_SINGLE_BYTE = re.compile(r"cp12[5-9]\d|cp8\d\d|cp437|iso8859-\d+|mac-\w+|koi8-\w|kz1048|ptcp154|tis-620")


def _control_share(data: bytes) -> float:
    controls = sum(data.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    return controls / len(data) if data else 0.0


def detect_encoding(data: bytes) -> Decoded:
    """Decode report bytes, finding the encoding; :class:`EncodingError` when none fits.

    >>> detect_encoding("Liên đoàn".encode("utf-8"))
    Decoded(text='Liên đoàn', encoding='utf-8')
    >>> detect_encoding("Liªn ®oµn Lao ®éng tØnh S¬n La".encode("latin-1"))
    Decoded(text='Liên đoàn Lao động tỉnh Sơn La', encoding='tcvn3')
    """
    if data.startswith(codecs.BOM_UTF8):
        return _unicode(data[len(codecs.BOM_UTF8):], "utf-8", label="utf-8-sig")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _unicode(data, "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unicode(data, "utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _unicode(data, utf16)
    if b"\x00" in data:
        raise EncodingError("binary file (contains NUL bytes), not a text report")
    # Text has few control bytes (TCVN3 puts a dozen rare capitals there); binaries many.
    if _control_share(_sample(data)) > 0.05:
        raise EncodingError("binary file (control bytes), not a text report")
    if data.isascii():
        return Decoded(data.decode("ascii"), "utf-8")
    try:
        return _unicode(data, "utf-8")
    except EncodingError:
        pass
    mixed = _mixed_lines(data)
    if mixed:
        return mixed
    return _legacy(data)


def _unicode(data: bytes, codec: str, label: str | None = None) -> Decoded:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        name = {"utf-8": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(codec, codec)
        raise EncodingError(f"invalid {name} at byte {error.start}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    repaired, legacy = repair_mojibake(text)
    label = label or codec
    return Decoded(repaired, f"{label}+{legacy}") if legacy else Decoded(text, label)


def _legacy(data: bytes) -> Decoded:
    best = _best_legacy(data)
    if best and best[1].valid and best[1].share >= MIN_SCORE:
        return Decoded(_decode_with(data, best[0]), best[0])
    if _control_share(data) > 0.01:
        raise EncodingError("binary file (control bytes), not a text report")
    guess = _charset_guess(_sample(data))
    if guess and _SINGLE_BYTE.fullmatch(guess):
        try:
            return Decoded(_decode_with(data, guess), guess)
        except UnicodeDecodeError:
            pass
    position = _first_non_utf8(data)
    raise EncodingError(
        f"not valid UTF-8 (byte 0x{data[position]:02x} at offset {position}) and not Windows-1258, "
        "TCVN3 or VNI text; convert the file to UTF-8 or name its encoding"
    )


def _first_non_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return 0


def _mixed_lines(data: bytes) -> Decoded | None:
    """Best effort for files whose lines use different encodings (pasted from elsewhere).

    Lines that are valid UTF-8 with non-ASCII letters stay UTF-8; the other non-ASCII
    lines are decoded together with the legacy encoding that fits them best.
    """
    lines = data.split(b"\n")
    utf8, other = [], []
    for index, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8.append(index)
        except UnicodeDecodeError:
            other.append(index)
    if not utf8 or not other:
        return None
    rest = b"\n".join(lines[i] for i in other)
    best = _best_legacy(rest)
    if not best or not best[1].valid or best[1].share < MIN_SCORE:
        return None
    encoding, utf8_lines = best[0], set(utf8)
    texts = [
        line.decode("ascii") if line.isascii()
        else line.decode("utf-8") if index in utf8_lines
        else _decode_with(line, encoding)
        for index, line in enumerate(lines)
    ]
    return Decoded("\n".join(texts), f"mixed:utf-8+{encoding}")


def decode_as(data: bytes, encoding: str) -> Decoded:
    """Decode with a named encoding (the ``encoding=`` override), strictly.

    TCVN3 or VNI named for a file that is valid UTF-8 means UTF-8 text holding mojibake.

    >>> decode_as("Lieân ñoaøn".encode("latin-1"), "VNI")
    Decoded(text='Liên đoàn', encoding='vni')
    """
    name = canonical_encoding(encoding)
    if name in LEGACY_ENCODINGS:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return Decoded(decode_legacy(data, name), name)
        if text.isascii():
            return Decoded(text, name)
        raw = _latin1_bytes(text.lstrip("\ufeff"))
        if raw is None:
            raise EncodingError(f"is Unicode text with letters that {name} cannot hold; drop encoding={encoding!r}")
        return Decoded(decode_legacy(raw, name), f"utf-8+{name}")
    try:
        text = _decode_with(data, name)
    except UnicodeDecodeError as error:
        raise EncodingError(f"not valid {encoding} (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    return Decoded(text.lstrip("\ufeff") if name.startswith("utf") else text, name)
