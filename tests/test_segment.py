"""Sentences and words: our splitting, underthesea's words, exact alignment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize import normalize
from extractor.segment import UndertheseaTokenizer, split_sentences
import spacy


@pytest.fixture(scope="module")
def tokenizer() -> UndertheseaTokenizer:
    return UndertheseaTokenizer(spacy.blank("xx").vocab)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("I. KẾT QUẢ HOẠT ĐỘNG\n1. Tiếp tục chỉ đạo.", ["I. KẾT QUẢ HOẠT ĐỘNG", "1. Tiếp tục chỉ đạo."]),
        ("Hội nghị thông qua. Theo đó, điều động cán bộ.", ["Hội nghị thông qua.", "Theo đó, điều động cán bộ."]),
        ("TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH", ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH"]),
        ("Tổng số 92 năm. 110 năm Ngày sinh", ["Tổng số 92 năm.", "110 năm Ngày sinh"]),
        ("thời gian từ nay đến 15.11.2020. Kế hoạch", ["thời gian từ nay đến 15.11.2020.", "Kế hoạch"]),
        ("hoạt động... Các cấp công đoàn", ["hoạt động...", "Các cấp công đoàn"]),
        ("về “Kiện toàn”. Theo đó", ["về “Kiện toàn”.", "Theo đó"]),
        ("   \n\n", []),
        ("theo Nghị định 145/2020/NĐ-CP; của Chính Phủ.", ["theo Nghị định 145/2020/NĐ-CP; của Chính Phủ."]),
    ],
    ids=["heading-and-list-item", "full-stop", "signature-abbreviation", "number-before-stop",
         "date-before-stop", "ellipsis", "closing-quote", "blank", "no-split-inside"],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("trao 10.283 suất quà", ["trao", "10.283", "suất", "quà"]),
        ("BTV LĐLĐ tỉnh", ["BTV", "LĐLĐ", "tỉnh"]),
        ("Chỉ thị 20-CT/TU, ngày ngày 17/7/2007", ["Chỉ thị", "20", "-", "CT", "/", "TU", ",", "ngày", "ngày", "17/7/2007"]),
        ("Ông Vàng A Lả", ["Ông", "Vàng A Lả"]),
        ("sức lan toả", ["sức", "lan toả"]),  # underthesea must not rewrite toả into tỏa
    ],
    ids=["number-glued-to-noun", "glued-abbreviations", "doubled-word", "person-name", "tone-mark-kept"],
)
def test_tokens(tokenizer: UndertheseaTokenizer, text: str, tokens: list[str]) -> None:
    doc = tokenizer(text)
    assert [t.text for t in doc if not t.is_space] == tokens


def test_doc_keeps_text_and_sentences(tokenizer: UndertheseaTokenizer) -> None:
    text = "\n\nBÁO CÁO\n\nI. KẾT QUẢ\n\n1. Tiếp tục chỉ đạo.  Ông A đi.\n"
    doc = tokenizer(text)
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == [
        "BÁO CÁO", "I. KẾT QUẢ", "1. Tiếp tục chỉ đạo.", "Ông A đi."
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậỳỷỹýỵ 0123456789.,;:/-\n\t%“”()ĐÁÀ")), max_size=200))
def test_doc_text_is_the_input(tokenizer: UndertheseaTokenizer, raw: str) -> None:
    text = normalize(raw).text
    doc = tokenizer(text)
    assert doc.text == text
