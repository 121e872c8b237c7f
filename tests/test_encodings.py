"""Vietnamese encodings: the TCVN3 and VNI tables, detection, mojibake repair."""

from __future__ import annotations

import codecs
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import load_resource
from extractor.encodings import (
    EncodingError,
    canonical_encoding,
    decode_as,
    decode_legacy,
    detect_encoding,
    encode_legacy,
    is_vietnamese_syllable,
    repair_mojibake,
    vietnamese_score,
)

TONES = {"ngang": "", "huyền": "\u0300", "sắc": "\u0301", "hỏi": "\u0309", "ngã": "\u0303", "nặng": "\u0323"}
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]


def _letters() -> list[str]:
    """The 134 non-ASCII Vietnamese letters, built from Unicode, not from our tables."""
    lower = [unicodedata.normalize("NFC", vowel + mark) for vowel in VOWELS for mark in TONES.values()]
    lower = [letter for letter in lower if not letter.isascii()] + ["đ"]
    return lower + [letter.upper() for letter in lower]


LETTERS = _letters()


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 the way Word writes it: a letter it has, else base letter + tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in parts if c in "".join(TONES.values()))
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tone))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_there_are_134_letters() -> None:
    assert len(LETTERS) == len(set(LETTERS)) == 134


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_tables_cover_every_letter_once(name: str) -> None:
    table = load_resource(f"encoding_{name}.yaml")
    letters = [entry["letter"] for entry in table["lowercase"] + table["uppercase"]]
    assert sorted(letters) == sorted(LETTERS)
    codes = [entry["byte"] if name == "tcvn3" else entry["vni"] for entry in table["lowercase"] + table["uppercase"]]
    assert len(set(codes)) == len(codes)


def test_tcvn3_bytes_leave_ascii_text_alone() -> None:
    table = load_resource("encoding_tcvn3.yaml")
    codes = {entry["byte"] for entry in table["lowercase"] + table["uppercase"]}
    assert not codes & {0x09, 0x0A, 0x0D} and all(code < 0x20 or code >= 0x80 for code in codes)
    # The seven capitals of the ABC fonts, the rest only in the full standard.
    abc = [e["letter"] for e in table["uppercase"] if e.get("fonts") == "abc"]
    assert sorted(abc) == sorted("ĂÂÊÔƠƯĐ")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips(encoding: str, letter: str) -> None:
    encoded = encode_legacy(letter, encoding)
    assert decode_legacy(encoded, encoding) == letter
    # and inside a word, between ASCII letters of the same case
    word = f"x{letter}n" if letter.islower() else f"X{letter}N"
    assert decode_legacy(encode_legacy(word, encoding), encoding) == word


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_table_examples(name: str) -> None:
    for example in load_resource(f"encoding_{name}.yaml")["examples"]:
        raw = example["encoded"].encode("latin-1")
        assert decode_legacy(raw, name) == example["text"]
        assert encode_legacy(example["text"], name) == raw


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv not installed")
def test_tcvn3_table_agrees_with_glibc() -> None:
    table = load_resource("encoding_tcvn3.yaml")
    probe = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"a", capture_output=True)
    if probe.returncode:
        pytest.skip("this iconv has no TCVN5712-1")
    for entry in table["lowercase"] + table["uppercase"]:
        out = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([entry["byte"]]), capture_output=True)
        assert out.stdout.decode("utf-8") == entry["letter"], hex(entry["byte"])


@pytest.mark.parametrize(
    ("encoded", "text"),
    [
        ("B¸O C¸O", "BÁO CÁO"),
        ("TæNG KÕT C¤NG T¸C", "TỔNG KẾT CÔNG TÁC"),
        ("Tæ CHøC", "TỔ CHỨC"),
        ("Tæ chøc", "Tổ chức"),
        ("Sè: 123/Q§-L§L§", "Số: 123/QĐ-LĐLĐ"),
        ("§¹I HéI", "ĐẠI HỘI"),
        ("UBND tØnh", "UBND tỉnh"),
    ],
    ids=["bao-cao", "tong-ket", "to-chuc-caps", "to-chuc", "abbreviations", "dai-hoi", "ubnd"],
)
def test_tcvn3_capitals_typed_with_vntimeh(encoded: str, text: str) -> None:
    assert decode_legacy(encoded.encode("latin-1"), "tcvn3") == text


SENTENCES = [
    "Liên đoàn Lao động tỉnh Sơn La hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng",
    "Ông Vàng A Lả - Chủ tịch LĐLĐ tỉnh, chủ trì hội nghị.",
    "Quyết định số 722/QĐ-LĐLĐ ngày 6.3.2020 về việc khen thưởng các tập thể, cá nhân",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "Báo cáo",
]

ENCODERS = {
    "utf-8": (lambda s: s.encode("utf-8"), "utf-8"),
    "utf-8-sig": (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
    "utf-16": (lambda s: s.encode("utf-16"), "utf-16"),
    "utf-16-le": (lambda s: s.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be": (lambda s: s.encode("utf-16-be"), "utf-16-be"),
    "cp1258": (encode_cp1258, "cp1258"),
    "tcvn3": (lambda s: encode_legacy(s, "tcvn3"), "tcvn3"),
    "vni": (lambda s: encode_legacy(s, "vni"), "vni"),
    "tcvn3-mojibake": (lambda s: encode_legacy(s, "tcvn3").decode("latin-1").encode("utf-8"), "utf-8+tcvn3"),
    "vni-mojibake": (lambda s: encode_legacy(s, "vni").decode("cp1252").encode("utf-8"), "utf-8+vni"),
}


@pytest.mark.parametrize("sentence", SENTENCES, ids=["son-la", "chu-tri", "quyet-dinh", "quoc-hieu", "bao-cao"])
@pytest.mark.parametrize("form", list(ENCODERS))
def test_detect_real_sentences(form: str, sentence: str) -> None:
    encode, label = ENCODERS[form]
    decoded = detect_encoding(encode(sentence))
    assert (decoded.text, decoded.encoding) == (sentence, label)
    assert unicodedata.is_normalized("NFC", decoded.text)


def test_cp1258_tone_marks_become_nfc() -> None:
    raw = encode_cp1258("Việt Nam")
    assert b"\xf2" in raw  # the dot below is a separate byte in Windows-1258
    assert detect_encoding(raw).text == "Việt Nam"


def test_mixed_lines_are_decoded_line_by_line() -> None:
    data = "Báo cáo tháng 3 của Liên đoàn\n".encode() + encode_legacy("Hội nghị tổng kết công tác năm 2020", "tcvn3")
    decoded = detect_encoding(data)
    assert decoded == type(decoded)("Báo cáo tháng 3 của Liên đoàn\nHội nghị tổng kết công tác năm 2020", "mixed:utf-8+tcvn3")


def test_mojibake_repair_leaves_genuine_lines_alone() -> None:
    text = "Có\nBáo cáo tài chính\n" + encode_legacy("Liên đoàn Lao động tỉnh", "tcvn3").decode("latin-1")
    assert repair_mojibake(text) == ("Có\nBáo cáo tài chính\nLiên đoàn Lao động tỉnh", "tcvn3")
    assert repair_mojibake("café au lait") == ("café au lait", None)


def test_long_mojibake_is_repaired_whole() -> None:
    line = "Liên đoàn Lao động tỉnh Sơn La hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng.\n"
    text = encode_legacy(line * 400, "vni").decode("cp1252")
    assert repair_mojibake(text) == (line * 400, "vni")


@pytest.mark.parametrize(
    ("data", "encoding", "text", "label"),
    [
        ("Lieân ñoaøn".encode("latin-1"), "VNI", "Liên đoàn", "vni"),
        ("Liªn ®oµn".encode("latin-1"), "abc", "Liên đoàn", "tcvn3"),
        ("Liªn ®oµn".encode("utf-8"), "tcvn3", "Liên đoàn", "utf-8+tcvn3"),
        (encode_cp1258("Việt Nam"), "windows-1258", "Việt Nam", "cp1258"),
        ("Báo cáo".encode("utf-16-le"), "utf-16-le", "Báo cáo", "utf-16-le"),
        ("Báo cáo".encode("latin-1"), "latin-1", "Báo cáo", "iso8859-1"),
    ],
    ids=["vni", "tcvn3-alias", "tcvn3-in-utf8", "cp1258", "utf-16-le", "latin-1"],
)
def test_explicit_encoding_overrides_detection(data: bytes, encoding: str, text: str, label: str) -> None:
    assert decode_as(data, encoding) == type(decode_as(data, encoding))(text, label)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: canonical_encoding("klingon"), "unknown encoding 'klingon'; use tcvn3, vni, cp1258"),
        (lambda: decode_as(b"B\xe1o", "utf-8"), "not valid utf-8 (byte 0xe1 at offset 1)"),
        (lambda: decode_as("Việt".encode(), "tcvn3"), "is Unicode text with letters that tcvn3 cannot hold"),
        (lambda: detect_encoding(b"abc\x00def"), "binary file (contains NUL bytes), not a text report"),
        (lambda: detect_encoding(b"\xff\xfe\x00\xd8"), "invalid UTF-16 at byte 2"),
    ],
    ids=["unknown", "bad-utf8", "unicode-as-tcvn3", "nul", "bad-utf16"],
)
def test_encoding_errors_say_what_to_do(call, message: str) -> None:
    with pytest.raises(EncodingError) as caught:
        call()
    assert str(caught.value).startswith(message)


def test_control_bytes_are_binary() -> None:
    data = bytes([0x01, 0x02, 0x03, 0x05, 0x7F, 0x81, 0x8F, 0x90]) * 50
    with pytest.raises(EncodingError, match="binary file|not valid UTF-8"):
        detect_encoding(data)


def test_syllable_resource_examples() -> None:
    data = load_resource("vietnamese_syllables.yaml")
    initials = [entry["initial"] for entry in data["initials"]]
    for entry in data["initials"]:
        assert entry["example"].startswith(entry["initial"]) and is_vietnamese_syllable(entry["example"]), entry
    for group in data["rhymes"]:
        example = group["example"]
        toneless = unicodedata.normalize(
            "NFC", "".join(c for c in unicodedata.normalize("NFD", example) if c not in "".join(TONES.values()))
        )
        rhymes = set(group["rhymes"].split())
        assert any(toneless[len(i):] in rhymes for i in [""] + initials if toneless.startswith(i)), group
        assert all(r.startswith(group["group"]) for r in rhymes), group


@pytest.mark.parametrize(
    ("word", "valid"),
    [("Nguyễn", True), ("người", True), ("quyết", True), ("gì", True), ("ĐOÀN", True), ("khuya", True),
     ("ñoaøn", False), ("LiÊn", False), ("oµn", False), ("hoàá", False), ("Bỏo", False), ("xyz", False)],
)
def test_is_vietnamese_syllable(word: str, valid: bool) -> None:
    assert is_vietnamese_syllable(word) is valid


def test_score_prefers_the_right_decoding() -> None:
    raw = encode_legacy(SENTENCES[0], "tcvn3")
    right = vietnamese_score(decode_legacy(raw, "tcvn3"))
    wrong = vietnamese_score(decode_legacy(raw, "vni"))
    assert right.share == 1.0 and wrong.share < 0.5


_LOWER = [letter for letter in LETTERS if letter.islower()]
_TEXT = st.text(alphabet=st.sampled_from(_LOWER + list("abcdeghiklmnopqrstuvxy0123456789 .,;:-/()\n")), max_size=80)
_ANY_CASE = st.text(alphabet=st.sampled_from(LETTERS + list("abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY0123 .,-\n")), max_size=80)


@settings(max_examples=200, deadline=None)
@given(_ANY_CASE)
def test_vni_round_trips_any_text(text: str) -> None:
    assert decode_legacy(encode_legacy(text, "vni"), "vni") == text


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_tcvn3_round_trips_lowercase_text(text: str) -> None:
    # Capitals are restored by a heuristic, so the exact property holds for lowercase text.
    assert decode_legacy(encode_legacy(text, "tcvn3"), "tcvn3") == text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_detection_never_fails_otherwise(data: bytes) -> None:
    try:
        decoded = detect_encoding(data)
    except EncodingError as error:
        assert str(error)
    else:
        assert isinstance(decoded.text, str) and decoded.encoding


def test_a_capital_between_small_letters_is_small() -> None:
    # 0xA3 is Ê in TCVN3 (ê is 0xAA); "Li£n" is a slip of the font for "Liên".
    assert decode_legacy("Li£n ®oµn Lao ®éng".encode("latin-1"), "tcvn3") == "Liên đoàn Lao động"
    assert decode_legacy("L§L§ CS".encode("latin-1"), "tcvn3") == "LĐLĐ CS"
