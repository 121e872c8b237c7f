"""Perturbed gold documents: damaged text, spans that follow their characters, seeded runs."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor.corpus import load_corpus
from extractor.data import load_resource
from extractor.perturb import damage_mark, ocr_text, perturb_corpus, perturb_document, unaccent_text
from schemas import CountEntity, DocRefEntity, GoldDocument, MoneyEntity, OrgEntity

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NOISE = load_resource("ocr_noise.yaml")
TEXT = "Liên đoàn Lao động tỉnh Sơn La hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng theo Quyết định 217/QĐ-LĐLĐ."


def _gold(text: str = TEXT) -> GoldDocument:
    org = text.index("Liên")
    count = text.index("127")
    money = text.index("126")
    ref = text.index("Quyết")
    return GoldDocument(
        id="seedless", origin="synthetic", split="dev", labels=["ORG", "COUNT", "MONEY", "DOC_REF"], text=text,
        entities=[
            OrgEntity(text=text[org : org + 30], start=org, end=org + 30, canonical="Liên đoàn Lao động tỉnh Sơn La",
                      level="province", province="Sơn La"),
            CountEntity(text=text[count : count + 13], start=count, end=count + 13, value=127, unit="đoàn viên"),
            MoneyEntity(text=text[money : money + 16], start=money, end=money + 16, value=126_100_000),
            DocRefEntity(text=text[ref : ref + 23], start=ref, end=ref + 23, kind="Quyết định", number="217",
                         symbol="QĐ-LĐLĐ", issuer="LĐLĐ"),
        ],
    )


def test_unaccenting_keeps_every_offset() -> None:
    damaged = perturb_document(_gold(), "unaccent")
    assert damaged.text == "Lien doan Lao dong tinh Son La ho tro 127 doan vien so tien 126.100.000 dong theo " \
                           "Quyet dinh 217/QD-LDLD."
    assert [(e.start, e.end) for e in damaged.entities] == [(e.start, e.end) for e in _gold().entities]
    org, count, money, ref = damaged.entities
    assert (org.text, org.canonical) == ("Lien doan Lao dong tinh Son La", "Liên đoàn Lao động tỉnh Sơn La")
    assert (count.text, count.unit, count.value) == ("127 doan vien", "doan vien", 127)
    assert (money.text, money.value) == ("126.100.000 dong", 126_100_000)
    assert (ref.kind, ref.number, ref.symbol, ref.issuer) == ("Quyết định", "217", "QD-LDLD", "LDLD")
    assert damaged.report is None and damaged.record_types == []


def test_unaccenting_nfd_text_maps_offsets() -> None:
    text = unicodedata.normalize("NFD", "hỗ trợ 127 đoàn viên")
    damaged = unaccent_text(text)
    assert damaged.text == "ho tro 127 doan vien"
    start = text.index("127")
    assert damaged.span(start, len(text)) == (7, 20)


def test_ocr_noise_is_seeded_and_spans_follow() -> None:
    gold = _gold(TEXT * 1)
    first = perturb_document(gold, "ocr", seed=3)
    assert perturb_document(gold, "ocr", seed=3) == first
    for entity in first.entities:
        assert first.text[entity.start : entity.end] == entity.text
    long_text = TEXT * 40
    assert ocr_text(long_text, seed=1).text != ocr_text(long_text, seed=2).text


def test_ocr_noise_rates_are_those_of_the_data() -> None:
    text = "Liên đoàn Lao động tỉnh hỗ trợ 127 đoàn viên số tiền 126.100.000 đồng. " * 200
    damaged = ocr_text(text, seed=0)
    breaks = damaged.text.count("\n")
    spaces = text.count(" ")
    assert 0.5 * NOISE["line_break_rate"] * spaces < breaks < 1.5 * NOISE["line_break_rate"] * spaces
    assert "-\n" in damaged.text and "\n\n" in damaged.text
    changed = sum(1 for a, b in zip(text.replace(" ", ""), damaged.text.replace(" ", "")) if a != b)
    assert changed > 0


@pytest.mark.parametrize("entry", NOISE["mark_damage"], ids=lambda e: e["kind"])
def test_every_mark_damage_example_is_what_the_damage_does(entry: dict) -> None:
    before, after = (part.strip() for part in entry["example"].split("->"))
    produced = {before[:i] + damage_mark(c, entry["kind"]) + before[i + 1 :] for i, c in enumerate(before)}
    assert after in produced


@pytest.mark.parametrize("entry", NOISE["confusions"], ids=lambda e: e["char"])
def test_every_confusion_example_is_what_the_confusion_does(entry: dict) -> None:
    before, after = (part.strip() for part in entry["example"].split("->"))
    produced = {before[:i] + entry["reads"] + before[i + 1 :] for i, c in enumerate(before) if c == entry["char"]}
    assert after in produced


@pytest.mark.parametrize("kind", ["unaccent", "ocr"])
def test_the_perturbed_corpus_is_grounded(kind: str) -> None:
    documents = load_corpus(CORPUS, split="dev")
    damaged = perturb_corpus(documents, kind, seed=0)
    assert [d.id for d in damaged] == [d.id for d in documents]
    for original, document in zip(documents, damaged):
        assert len(document.entities) == len(original.entities)
        for entity in document.entities:
            assert document.text[entity.start : entity.end] == entity.text
            if entity.label == "COUNT":
                # Damage may join a line-end hyphen: compare without spaces, breaks and hyphens on both sides.
                def squash(value: str) -> str:
                    return value.replace("\n", "").replace(" ", "").replace("-", "")

                assert squash(entity.unit) in squash(entity.text)


def test_cli_scores_a_perturbed_corpus(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "gold").mkdir(parents=True)
    gold = _gold().model_copy(update={"labels": ["COUNT", "MONEY"]})
    (root / "gold" / "seedless.json").write_text(gold.model_dump_json(), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", str(root), "--perturb", "unaccent", "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["perturbation"] == {"kind": "unaccent", "seed": 0}
    assert data["labels"]["MONEY"]["strict"]["f1"] == 1.0 and data["labels"]["COUNT"]["strict"]["f1"] == 1.0
    assert data["records"] == {}
    refused = runner.invoke(app, ["evaluate", str(root), "--perturb", "ocr", "--pred", str(root)])
    assert refused.exit_code == 2
