"""Label Studio, doccano and spaCy: lossless round trips, UTF-16 offsets, hand-made tool files, CLI."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from spacy.tokens import DocBin
from typer.testing import CliRunner

import extractor.interop as interop
from cli.main import app
from extractor.corpus import check_corpus, load_corpus
from extractor.interop import (
    InteropError,
    from_docbin,
    from_doccano,
    from_label_studio,
    label_studio_config,
    to_docbin,
    to_doccano,
    to_label_studio,
)
from schemas import (
    LABELS,
    CountEntity,
    DateEntity,
    DocRefEntity,
    GoldDocument,
    LocEntity,
    MoneyEntity,
    OrgEntity,
    PercentEntity,
    PersonEntity,
)

REPOSITORY = Path(__file__).resolve().parents[1]
# Emoji are outside the BMP: one code point, two UTF-16 units. Entities sit after them.
TEXT = ("🎉 Ông Vàng A Lả - Chủ tịch LĐLĐ tỉnh Sơn La 👏 trao 10 suất quà trị giá gần 3 tỷ đồng theo "
        "Quyết định 722/QĐ-LĐLĐ ngày 6.3.2020 tại huyện Nậm Nhùn 😀, đạt 72,2%.")


def at(phrase: str, text: str = TEXT) -> dict:
    start = text.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase)}


def fixture_docs() -> list[GoldDocument]:
    first = GoldDocument(
        id="emoji", origin="synthetic", split="dev", labels=list(LABELS), text=TEXT, source="documents/emoji.txt",
        notes="Emoji before every entity.",
        entities=[
            PersonEntity(**at("Vàng A Lả"), honorific="Ông", role="Chủ tịch LĐLĐ tỉnh Sơn La"),
            OrgEntity(**at("LĐLĐ tỉnh Sơn La"), canonical="Liên đoàn Lao động tỉnh Sơn La", level="province",
                      province="Sơn La"),
            CountEntity(**at("10 suất quà"), value=10, unit="suất quà"),
            MoneyEntity(**at("3 tỷ đồng"), value=3_000_000_000, qualifier="under"),
            DocRefEntity(**at("Quyết định 722/QĐ-LĐLĐ ngày 6.3.2020"), kind="Quyết định", number="722",
                         symbol="QĐ-LĐLĐ", issuer="LĐLĐ", date="2020-03-06"),
            DateEntity(**at("6.3.2020"), value="2020-03-06", precision="day"),
            LocEntity(**at("huyện Nậm Nhùn"), canonical="Nậm Nhùn", unit_type="district"),
            PercentEntity(**at("72,2%"), value=72.2),
        ],
    )
    second = GoldDocument(id="plain", origin="real", split="test", labels=["MONEY"], text="Không có số liệu.\n",
                          report_date="2021-07-28")
    return [first, second]


def real_docs() -> list[GoldDocument]:
    return load_corpus(REPOSITORY / "corpus")


def _label_studio(docs):
    return from_label_studio(json.loads(json.dumps(to_label_studio(docs), ensure_ascii=False)))


def _doccano(docs):
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in to_doccano(docs))
    return from_doccano(json.loads(line) for line in lines.splitlines())


def _spacy(docs):
    return from_docbin(DocBin().from_bytes(to_docbin(docs).to_bytes()))


@pytest.mark.parametrize("convert", [_label_studio, _doccano, _spacy], ids=["label-studio", "doccano", "spacy"])
@pytest.mark.parametrize("docs", [fixture_docs, real_docs], ids=["fixture", "real-corpus"])
def test_round_trip_keeps_spans_labels_and_values(convert, docs) -> None:
    originals = docs()
    assert convert(originals) == originals


# --- Label Studio -----------------------------------------------------------------------


def test_label_studio_export_is_in_code_points() -> None:
    task = to_label_studio(fixture_docs()[:1])[0]
    labels = [r for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    money = next(r["value"] for r in labels if r["value"]["labels"] == ["MONEY"])
    assert (money["start"], money["end"]) == (TEXT.index("3 tỷ đồng"), TEXT.index("3 tỷ đồng") + 9)
    assert TEXT[money["start"]:money["end"]] == money["text"]
    assert task["data"]["congdoan"]["id"] == "emoji"


def _utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def _region(region: str, start: int, end: int, text: str, label: str) -> dict:
    return {"id": region, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def _values(region: str, values: dict) -> dict:
    return {"id": region, "from_name": "values", "to_name": "text", "type": "textarea",
            "value": {"text": [json.dumps(values, ensure_ascii=False)]}}


def test_label_studio_utf16_offsets_are_converted() -> None:
    money = at("3 tỷ đồng")
    person = at("Vàng A Lả")
    task = {"id": 7, "data": {"text": TEXT}, "annotations": [{"result": [
        # After 🎉 (2 units) and 👏 (2 units): UTF-16 offsets are 2 more than code points.
        _region("r1", _utf16(TEXT, money["start"]), _utf16(TEXT, money["end"]), money["text"], "MONEY"),
        _values("r1", {"value": 3_000_000_000, "qualifier": "under"}),
        _region("r2", _utf16(TEXT, person["start"]), _utf16(TEXT, person["end"]), person["text"], "PERSON"),
    ]}]}
    assert _utf16(TEXT, money["start"]) == money["start"] + 2
    [doc] = from_label_studio([task], origin="real", split="test")
    assert [(e.label, e.start, e.end, e.text) for e in doc.entities] == [
        ("PERSON", person["start"], person["end"], "Vàng A Lả"),
        ("MONEY", money["start"], money["end"], "3 tỷ đồng"),
    ]
    assert doc.entities[1].qualifier == "under"
    # Made in Label Studio: the id comes from the task, the labels from what was annotated.
    assert (doc.id, doc.origin, doc.split, doc.labels) == ("task_7", "real", "test", ["MONEY", "PERSON"])


def test_label_studio_reads_the_first_annotation_not_cancelled() -> None:
    text = "đạt 72,2%"
    task = {"id": 1, "data": {"text": text}, "annotations": [
        {"was_cancelled": True, "result": [_region("a", 0, 3, "đạt", "PERSON")]},
        {"result": [_region("b", 4, 9, "72,2%", "PERCENT"), _values("b", {"value": 72.2})]},
    ]}
    [doc] = from_label_studio([task], origin="synthetic", split="dev", labels=["PERCENT", "MONEY"])
    assert [(e.label, e.value) for e in doc.entities] == [("PERCENT", 72.2)]
    assert doc.labels == ["PERCENT", "MONEY"]


@pytest.mark.parametrize(
    ("result", "message"),
    [
        ([_region("r", 4, 13, "3 tỷ đồng", "MONEY")], "task 3 region r: MONEY 4:13 '3 tỷ đồng': value: Field required"),
        ([_region("r", 0, 5, "3 tỷ đồng", "MONEY")],
         "task 3 region r: '3 tỷ đồng' is neither at code points 0:5 ('gần 3') nor at those UTF-16 units"),
        ([_region("r", 4, 13, "3 tỷ đồng", "MONEY"), {**_values("r", {}), "value": {"text": ["{value: 3}"]}}],
         "task 3 region r: values are not JSON: Expecting property name enclosed in double quotes"),
    ],
    ids=["values-missing", "text-nowhere", "values-not-json"],
)
def test_label_studio_errors(result: list, message: str) -> None:
    task = {"id": 3, "data": {"text": "gần 3 tỷ đồng"}, "annotations": [{"result": result}]}
    with pytest.raises(InteropError) as caught:
        from_label_studio([task], origin="real", split="dev")
    assert str(caught.value) == message


def test_label_studio_config_names_every_label() -> None:
    config = label_studio_config()
    assert [line.strip() for line in config.splitlines() if "<Label " in line] == [
        f'<Label value="{label}"/>' for label in LABELS]
    assert '<TextArea name="values" toName="text" perRegion="true"' in config


# --- doccano ----------------------------------------------------------------------------


def test_doccano_values_follow_spans_not_positions() -> None:
    [record] = to_doccano(fixture_docs()[:1])
    # An annotator reorders the spans and adds a person in doccano (with no values: none are needed).
    record["label"] = list(reversed(record["label"])) + [[TEXT.index("Nậm Nhùn"), TEXT.index("Nậm Nhùn") + 8, "PERSON"]]
    [doc] = from_doccano([record])
    assert [e.label for e in doc.entities] == ["PERSON", "ORG", "COUNT", "MONEY", "DOC_REF", "DATE", "LOC", "PERSON", "PERCENT"]
    assert next(e for e in doc.entities if e.label == "MONEY").value == 3_000_000_000
    assert doc.entities[-2].text == "Nậm Nhùn"


@pytest.mark.parametrize(
    "record",
    [
        {"id": 4, "text": "gần 3 tỷ đồng", "labels": [[4, 13, "MONEY"]], "values": {"4:13:MONEY": {"value": 3_000_000_000}}},
        {"id": 4, "text": "gần 3 tỷ đồng", "entities": [{"id": 1, "start_offset": 4, "end_offset": 13, "label": "MONEY"}],
         "meta": {"values": {"4:13:MONEY": {"value": 3_000_000_000}}}},
    ],
    ids=["labels-key", "relation-format-with-meta"],
)
def test_doccano_variants(record: dict) -> None:
    [doc] = from_doccano([record], origin="synthetic", split="dev")
    assert (doc.id, [(e.label, e.text, e.value) for e in doc.entities]) == (
        "doccano_4", [("MONEY", "3 tỷ đồng", 3_000_000_000)])


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"text": "abc", "label": [[0, 9, "PERSON"]]}, "line 1: span 0:9 outside the text (3 characters)"),
        ({"text": "abc", "label": [[0, 1]]}, "line 1: label must be a list of [start, end, LABEL]"),
        ({"label": []}, "line 1: a doccano record needs a text"),
        ({"text": "3 đ", "label": [[0, 3, "MONEY"]]}, "line 1: MONEY 0:3 '3 đ': value: Field required"),
    ],
    ids=["outside", "pair", "no-text", "no-value"],
)
def test_doccano_errors(record: dict, message: str) -> None:
    with pytest.raises(InteropError) as caught:
        from_doccano([record], origin="real", split="dev")
    assert str(caught.value) == message


# --- spaCy ------------------------------------------------------------------------------


def test_docbin_spans_ents_and_attrs() -> None:
    nlp = interop._blank_nlp()
    doc = next(DocBin().from_bytes(to_docbin(fixture_docs()[:1]).to_bytes()).get_docs(nlp.vocab))
    assert doc.text == TEXT
    spans = doc.spans["congdoan"]
    assert [(s.label_, s.text) for s in spans] == [(e.label, e.text) for e in fixture_docs()[0].entities]
    money = next(s for s in spans if s.label_ == "MONEY")
    assert money._.attrs == {"value": 3_000_000_000, "qualifier": "under"}
    # The DATE inside the DOC_REF stays a span but not an ent: ents do not overlap.
    assert [e.label_ for e in doc.ents] == ["PERSON", "ORG", "COUNT", "MONEY", "DOC_REF", "LOC", "PERCENT"]


def test_docbin_keeps_exact_offsets_when_tokens_are_wider() -> None:
    text = "Ông Vàng A Lả chủ trì."
    doc = GoldDocument(id="w", origin="synthetic", split="dev", labels=["PERSON"], text=text,
                       entities=[PersonEntity(**at("Vàng A", text))])
    docbin = to_docbin([doc])
    [spacy_doc] = list(docbin.get_docs(interop._blank_nlp().vocab))
    assert [s.text for s in spacy_doc.spans["congdoan"]] == ["Vàng A Lả"]  # underthesea's word, expanded
    assert from_docbin(docbin)[0].entities[0].text == "Vàng A"


def test_docbin_from_elsewhere_is_refused() -> None:
    nlp = interop._blank_nlp()
    docbin = DocBin(docs=[nlp.make_doc("abc")])
    with pytest.raises(InteropError, match="doc 0: no congdoan data"):
        from_docbin(docbin)


def test_docstring_examples() -> None:
    assert doctest.testmod(interop).failed == 0


# --- CLI --------------------------------------------------------------------------------


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "gold").mkdir(parents=True)
    (root / "documents").mkdir()
    for doc in fixture_docs():
        doc = doc.model_copy(update={"source": f"documents/{doc.id}.txt"})
        (root / "documents" / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
        (root / "gold" / f"{doc.id}.json").write_text(doc.model_dump_json(), encoding="utf-8")
    assert check_corpus(root) == []
    return root


@pytest.mark.parametrize(("fmt", "name"), [("label-studio", "tasks.json"), ("doccano", "all.jsonl")])
def test_cli_export_then_import(corpus: Path, tmp_path: Path, fmt: str, name: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["corpus", "export", "--to", fmt, str(tmp_path / name), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "2 documents ->" in result.stderr
    result = runner.invoke(app, ["corpus", "import", "--from", fmt, str(tmp_path / name), "-o", str(tmp_path / "back")])
    assert result.exit_code == 0, result.output
    assert load_corpus(tmp_path / "back") == load_corpus(corpus)
    assert (tmp_path / "back" / "documents" / "emoji.txt").read_text(encoding="utf-8") == TEXT
    assert check_corpus(tmp_path / "back") == []


def test_cli_export_spacy_to_a_folder_and_split(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(app, ["corpus", "export", "--to", "spacy", str(out), "--corpus", str(corpus),
                                      "--split", "test", "-q"])
    assert result.exit_code == 0, result.output
    docs = from_docbin(DocBin().from_disk(out / "congdoan.spacy"))
    assert [d.id for d in docs] == ["plain"]


def test_cli_export_to_stdout_and_config(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["corpus", "export", "--to", "doccano", "-", "--corpus", str(corpus),
                                      "--config", str(tmp_path / "ls.xml"), "-q"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["emoji", "plain"]
    assert (tmp_path / "ls.xml").read_text(encoding="utf-8") == label_studio_config() + "\n"
    result = CliRunner().invoke(app, ["corpus", "export", "--to", "spacy", "-", "--corpus", str(corpus)])
    assert result.exit_code == 2
    assert "a DocBin is binary" in result.stderr


def test_cli_import_reports_problems_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "z", "text": "0 đồng", "label": [[0, 6, "MONEY"]],
                                  "values": {"0:6:MONEY": {"value": 0}}}) + "\n", encoding="utf-8")
    args = ["corpus", "import", "--from", "doccano", str(source), "-o", str(tmp_path / "c"), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "documents without congdoan metadata need --split, --origin" in result.stderr
    result = runner.invoke(app, [*args, "--split", "dev", "--origin", "synthetic"])
    assert result.exit_code == 1
    assert result.stderr == 'gold/z.json: entity #0 MONEY 0:6 "0 đồng": MONEY value must be > 0, got 0\n'
    assert (tmp_path / "c" / "gold" / "z.json").exists()  # written, to be fixed by hand
    source.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "line 1: not valid JSON" in result.stderr


def test_cli_import_writes_reports_only_inside_the_corpus(tmp_path: Path) -> None:
    meta = {"id": "y", "origin": "real", "split": "dev", "labels": [], "source": "../outside.txt"}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "abc", "label": [], "congdoan": meta}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["corpus", "import", "--from", "doccano", str(source), "-o", str(tmp_path / "c"),
                                      "-q"])
    assert result.exit_code == 1
    assert not (tmp_path / "outside.txt").exists()
    assert result.stderr == ("gold/y.json: source ../outside.txt does not exist "
                             "(sources are relative to the corpus folder)\n")
