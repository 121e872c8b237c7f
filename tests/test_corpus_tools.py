"""The corpus checker on the real corpus and on broken fixtures (exact messages), loading, CLI."""

from __future__ import annotations

import doctest
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extractor.corpus as corpus_module
from cli.main import app
from extractor.corpus import CorpusError, Problem, check_corpus, gold_files, load_corpus, load_predictions

REPOSITORY = Path(__file__).resolve().parents[1]
TEXT = "Ngày 25.6.2020 hỗ trợ gần 3 tỷ đồng cho 127 đoàn viên, đạt 72,2% theo Quyết định 722/QĐ-LĐLĐ."
LABEL_LIST = "(MONEY, COUNT, PERCENT, DATE, DOC_REF, PERSON, ORG, LOC)"


def good() -> dict:
    """A sound gold document as JSON data (entity #0 DATE, #1 MONEY, #2 COUNT, #3 PERCENT, #4 DOC_REF)."""
    return {
        "id": "g", "origin": "synthetic", "split": "dev", "source": "documents/g.txt",
        "labels": ["MONEY", "COUNT", "PERCENT", "DATE", "DOC_REF"], "text": TEXT,
        "entities": [
            {"label": "DATE", "text": "25.6.2020", "start": 5, "end": 14, "value": "2020-06-25", "precision": "day"},
            {"label": "MONEY", "text": "3 tỷ đồng", "start": 26, "end": 35, "value": 3_000_000_000, "qualifier": "under"},
            {"label": "COUNT", "text": "127 đoàn viên", "start": 40, "end": 53, "value": 127, "unit": "đoàn viên"},
            {"label": "PERCENT", "text": "72,2%", "start": 59, "end": 64, "value": 72.2},
            {"label": "DOC_REF", "text": "Quyết định 722/QĐ-LĐLĐ", "start": 70, "end": 92, "kind": "Quyết định",
             "number": "722", "symbol": "QĐ-LĐLĐ", "issuer": "LĐLĐ"},
        ],
    }


def make_corpus(root: Path, data: dict | str, name: str = "g") -> Path:
    (root / "gold").mkdir(parents=True, exist_ok=True)
    (root / "documents").mkdir(exist_ok=True)
    (root / "documents" / "g.txt").write_text(TEXT, encoding="utf-8")
    content = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    (root / "gold" / f"{name}.json").write_text(content, encoding="utf-8")
    return root


def entity(data: dict, index: int, **changes) -> dict:
    data["entities"][index].update(changes)
    return data


def test_the_real_corpus_has_no_problems() -> None:
    problems = check_corpus(REPOSITORY / "corpus")
    assert [str(p) for p in problems] == []


def test_an_empty_corpus_has_no_problems(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    assert check_corpus(tmp_path) == []
    assert load_corpus(tmp_path) == []


def test_the_fixture_is_sound(tmp_path: Path) -> None:
    assert check_corpus(make_corpus(tmp_path, good())) == []


E = {i: f'entity #{i} {label} {span}' for i, label, span in [
    (0, "DATE", '5:14 "25.6.2020"'), (1, "MONEY", '26:35 "3 tỷ đồng"'), (2, "COUNT", '40:53 "127 đoàn viên"'),
    (3, "PERCENT", '59:64 "72,2%"'), (4, "DOC_REF", '70:92 "Quyết định 722/QĐ-LĐLĐ"'),
]}

BROKEN: list[tuple[str, Callable[[dict], dict | str], list[str]]] = [
    ("not-json", lambda d: "{", ["gold/g.json: not valid JSON: line 1 column 2: Expecting property name enclosed in double quotes"]),
    ("missing-split", lambda d: {k: v for k, v in d.items() if k != "split"},
     ["gold/g.json: not a valid GoldDocument: split: Field required"]),
    ("money-not-a-number", lambda d: entity(d, 1, value="ba tỷ"),
     ["gold/g.json: not a valid GoldDocument: entities.1.MONEY.value: Input should be a valid integer, "
      "unable to parse string as an integer"]),
    ("id-not-file-name", lambda d: {**d, "id": "h", "source": "documents/g.txt"},
     ["gold/g.json: id 'h' differs from the file name 'g'"]),
    ("text-differs", lambda d: {**d, "text": TEXT.replace("25.6", "26.6")},
     ["gold/g.json: text differs from documents/g.txt at character 6: '6.6.2020 hỗ trợ gần ' in gold vs "
      "'5.6.2020 hỗ trợ gần ' (lengths 93 and 93)",
      f"gold/g.json: {E[0]}: text[5:14] is '26.6.2020', not '25.6.2020'"]),
    ("source-missing", lambda d: {**d, "source": "documents/x.txt"},
     ["gold/g.json: source documents/x.txt does not exist (sources are relative to the corpus folder)"]),
    ("unknown-label-listed", lambda d: {**d, "labels": [*d["labels"], "EVENT"]},
     [f"gold/g.json: labels lists 'EVENT', which is not a label {LABEL_LIST}"]),
    ("label-not-listed", lambda d: {**d, "labels": ["MONEY", "COUNT", "PERCENT", "DOC_REF"]},
     [f"gold/g.json: {E[0]}: label DATE is not in the document's labels ['COUNT', 'DOC_REF', 'MONEY', 'PERCENT']"]),
    ("offsets-shifted", lambda d: entity(d, 1, start=27, end=36),
     ["gold/g.json: entity #1 MONEY 27:36 \"3 tỷ đồng\": text[27:36] is ' tỷ đồng ', not '3 tỷ đồng'"]),
    ("empty-span", lambda d: entity(d, 3, start=59, end=59, text=""),
     ['gold/g.json: entity #3 PERCENT 59:59 "": empty span']),
    ("overlap-same-label", lambda d: {**d, "entities": [*d["entities"], {
        "label": "COUNT", "text": "đoàn viên", "start": 44, "end": 53, "value": 1, "unit": "đoàn viên"}]},
     ['gold/g.json: entity #5 COUNT 44:53 "đoàn viên": overlaps entity #2 COUNT 40:53 "127 đoàn viên" of the same label']),
    ("money-zero", lambda d: entity(d, 1, value=0), [f"gold/g.json: {E[1]}: MONEY value must be > 0, got 0"]),
    ("percent-too-big", lambda d: entity(d, 3, value=1200), [f"gold/g.json: {E[3]}: PERCENT value must be between 0 and 1000, got 1200"]),
    ("count-negative", lambda d: entity(d, 2, value=-1), [f"gold/g.json: {E[2]}: COUNT value must be >= 0, got -1"]),
    ("count-unit-empty", lambda d: entity(d, 2, unit=" "), [f"gold/g.json: {E[2]}: COUNT unit is empty"]),
    ("count-unit-elsewhere", lambda d: entity(d, 2, unit="suất quà"),
     [f"gold/g.json: {E[2]}: COUNT unit 'suất quà' does not occur in the entity text"]),
    ("date-shape", lambda d: entity(d, 0, value="2020-6-25"),
     [f"gold/g.json: {E[0]}: DATE value '2020-6-25' does not match precision day (YYYY-MM-DD)"]),
    ("date-not-in-calendar", lambda d: entity(d, 0, value="2020-02-30"),
     [f"gold/g.json: {E[0]}: DATE value '2020-02-30' is not a calendar date"]),
    ("date-month", lambda d: entity(d, 0, value="2020-13", precision="month"),
     [f"gold/g.json: {E[0]}: DATE value '2020-13' does not match precision month (YYYY-MM)"]),
    ("date-precision-disagrees", lambda d: entity(d, 0, precision="year"),
     [f"gold/g.json: {E[0]}: DATE value '2020-06-25' does not match precision year (YYYY)"]),
    ("date-quarter", lambda d: entity(d, 0, value="2020-Q5", precision="quarter"),
     [f"gold/g.json: {E[0]}: DATE value '2020-Q5' does not match precision quarter (YYYY-Qn)"]),
    ("date-half", lambda d: entity(d, 0, value="2020-H3", precision="half"),
     [f"gold/g.json: {E[0]}: DATE value '2020-H3' does not match precision half (YYYY-Hn)"]),
    ("date-year-from-report-null", lambda d: entity(d, 0, value=None, year_from_report=True),
     [f"gold/g.json: {E[0]}: DATE year_from_report is true but value is null"]),
    ("date-time", lambda d: entity(d, 0, time="25:00"), [f"gold/g.json: {E[0]}: DATE time '25:00' is not HH:MM"]),
    ("docref-no-number", lambda d: entity(d, 4, number=None, symbol=None),
     [f"gold/g.json: {E[4]}: DOC_REF has neither number nor symbol"]),
    ("docref-date", lambda d: entity(d, 4, date="6.3.2020"),
     [f"gold/g.json: {E[4]}: DOC_REF date '6.3.2020' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"]),
]


@pytest.mark.parametrize(("breaking", "messages"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN])
def test_broken_gold_files(tmp_path: Path, breaking, messages: list[str]) -> None:
    root = make_corpus(tmp_path, breaking(good()))
    assert [str(p) for p in check_corpus(root)] == messages


@pytest.mark.parametrize(
    "change",
    [
        lambda d: entity(d, 0, value=None),          # a yearless date without a dateline
        lambda d: entity(d, 0, value="2020-06", precision="month"),
        lambda d: entity(d, 0, value="2020-Q3", precision="quarter"),
        lambda d: entity(d, 0, value="2017-H1", precision="half"),
        lambda d: entity(d, 0, time="22:43"),
        lambda d: entity(d, 4, number=None),         # a symbol alone is enough
        lambda d: entity(d, 4, date="2020-03"),
        lambda d: {k: v for k, v in d.items() if k != "source"},  # documents/<id>.txt by default
    ],
    ids=["date-null", "month", "quarter", "half", "time", "symbol-only", "docref-month", "default-source"],
)
def test_sound_variants(tmp_path: Path, change) -> None:
    assert check_corpus(make_corpus(tmp_path, change(good()))) == []


def test_a_folder_of_gold_files_without_documents(tmp_path: Path) -> None:
    data = {k: v for k, v in good().items() if k != "source"}
    (tmp_path / "g.json").write_text(json.dumps(data), encoding="utf-8")
    assert check_corpus(tmp_path) == []
    assert [d.id for d in load_corpus(tmp_path)] == ["g"]


def test_problem_lines_are_stable() -> None:
    assert str(Problem(file="gold/a.json", message="text is null")) == "gold/a.json: text is null"


# --- loading ----------------------------------------------------------------------------


def test_load_corpus_by_split(tmp_path: Path) -> None:
    make_corpus(tmp_path, good())
    (tmp_path / "gold" / "h.json").write_text(json.dumps({**good(), "id": "h", "split": "test"}), encoding="utf-8")
    assert [d.id for d in load_corpus(tmp_path)] == ["g", "h"]
    assert [d.id for d in load_corpus(tmp_path, split="test")] == ["h"]
    assert [d.id for d in load_corpus(tmp_path / "gold", split="dev")] == ["g"]
    assert [p.name for p in gold_files(tmp_path)] == ["g.json", "h.json"]


def test_load_corpus_names_the_invalid_file(tmp_path: Path) -> None:
    make_corpus(tmp_path, {**good(), "origin": "invented"})
    with pytest.raises(CorpusError) as caught:
        load_corpus(tmp_path)
    assert str(caught.value).splitlines()[0] == (
        "g.json: not a valid GoldDocument: origin: Input should be 'real' or 'synthetic'")
    with pytest.raises(CorpusError, match="no such corpus folder"):
        load_corpus(tmp_path / "nowhere")


def _prediction(source: str | None, **extra) -> dict:
    return {"source": source, "text": "x", "entities": [], **extra}


@pytest.mark.parametrize(
    ("files", "keys"),
    [
        ({"p.jsonl": "\n".join(json.dumps(_prediction(f"out/{n}.txt")) for n in "ab") + "\n"}, ["a", "b"]),
        ({"p.json": json.dumps([_prediction("a.txt"), _prediction("b.txt")])}, ["a", "b"]),
        ({"one.json": json.dumps(_prediction("corpus/documents/seed_000.txt")), "two.json": json.dumps(_prediction("b.txt"))},
         ["seed_000", "b"]),
        ({"g.json": json.dumps({**good(), "id": "g", "source": "documents/other.txt"})}, ["g"]),
    ],
    ids=["jsonl", "json-list", "folder", "gold-file-by-id"],
)
def test_load_predictions(tmp_path: Path, files: dict[str, str], keys: list[str]) -> None:
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    target = tmp_path if len(files) > 1 else tmp_path / next(iter(files))
    assert sorted(load_predictions(target)) == sorted(keys)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps(_prediction(None)), "a prediction needs a `source` (or `id`)"),
        (json.dumps([_prediction("a.txt"), _prediction("x/a.txt")]), "a second prediction for 'a'"),
        (json.dumps(_prediction("a.txt", entities=[{"label": "MONEY"}])), "not an extracted document: entities.0.MONEY"),
        ("[1]", "expected JSON objects, found int"),
    ],
    ids=["no-source", "duplicate", "bad-entity", "not-objects"],
)
def test_load_predictions_errors(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "p.json").write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_predictions(tmp_path / "p.json")


def test_docstring_examples() -> None:
    assert doctest.testmod(corpus_module).failed == 0


# --- CLI --------------------------------------------------------------------------------


def test_cli_check_exit_status(tmp_path: Path) -> None:
    runner = CliRunner()
    root = make_corpus(tmp_path / "ok", good())
    result = runner.invoke(app, ["corpus", "check", str(root)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "1 gold files, no problems" in result.stderr

    broken = make_corpus(tmp_path / "broken", entity(entity(good(), 1, value=0), 2, value=-3))
    result = runner.invoke(app, ["corpus", "check", str(broken)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"gold/g.json: {E[1]}: MONEY value must be > 0, got 0",
        f"gold/g.json: {E[2]}: COUNT value must be >= 0, got -3",
    ]
    assert "2 problems in 1 files" in result.stderr

    result = runner.invoke(app, ["corpus", "check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "no such corpus folder" in result.stderr


def test_cli_check_defaults_to_the_corpus_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPOSITORY)
    result = CliRunner().invoke(app, ["corpus", "check"])
    assert (result.exit_code, result.stdout) == (0, ""), result.output
    assert result.stderr == f"corpus: {len(gold_files(REPOSITORY / 'corpus'))} gold files, no problems\n"
