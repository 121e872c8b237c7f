"""`congdoan extract` through typer's runner: files, folders, globs, stdin, -o, formats,
errors and exit codes. Batch mechanics are in test_batch.py, formats in test_export.py."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor.batch import PIPELINE_VERSION

REPORT = "Ngày 28 tháng 07 năm 2021\n\nHỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.\n"


@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Trao 10.283 suất quà.", encoding="utf-8")
    return folder


def _values(document: dict) -> list[tuple[str, object]]:
    return [(e["label"], e["value"]) for e in document["entities"]]


def test_one_file_prints_one_object(runner: CliRunner, reports: Path) -> None:
    result = runner.invoke(app, ["extract", str(reports / "a.txt"), "-q"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["source"] == str(reports / "a.txt")
    assert document["text"] == REPORT
    assert document["report_date"] == "2021-07-28"
    assert _values(document) == [("DATE", "2021-07-28"), ("COUNT", 3), ("MONEY", 119_500_000)]
    for entity in document["entities"]:
        assert REPORT[entity["start"]:entity["end"]] == entity["text"]


def test_folder_prints_json_lines_in_path_order(runner: CliRunner, reports: Path) -> None:
    result = runner.invoke(app, ["extract", str(reports), "-q"])
    assert result.exit_code == 0, result.output
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["source"]).name for d in documents] == ["a.txt", "b.txt"]
    assert _values(documents[1]) == [("COUNT", 10283)]


def test_folder_as_json_is_a_list(runner: CliRunner, reports: Path) -> None:
    result = runner.invoke(app, ["extract", str(reports), "-f", "json", "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert [Path(d["source"]).name for d in documents] == ["a.txt", "b.txt"]
    assert result.stdout.startswith("[\n  {\n    \"source\": ")


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "-q"], input=REPORT.encode("utf-8"))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["source"] is None
    assert _values(document)[-1] == ("MONEY", 119_500_000)


def test_jsonl_to_file_without_text(runner: CliRunner, reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "result.jsonl"
    result = runner.invoke(app, ["extract", str(reports), "--format", "jsonl", "-o", str(out), "--no-text", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(reports / "a.txt"), str(reports / "sub" / "b.txt")]
    assert all(json.loads(line)["text"] is None for line in lines)
    assert not list(out.parent.glob(".*.tmp"))


def test_empty_file_gives_no_entities(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty), "-q"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["entities"] == []


BINARY = bytes(range(256)) * 4


def test_bad_files_are_named_and_the_rest_is_written(runner: CliRunner, reports: Path, tmp_path: Path) -> None:
    (reports / "binary.txt").write_bytes(BINARY)
    out = tmp_path / "out.jsonl"
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", str(reports), str(missing), "-f", "jsonl", "-o", str(out), "-q"])
    assert result.exit_code == 2  # the missing path
    assert f"error: {reports / 'binary.txt'}: binary file" in result.stderr
    assert f"error: {missing}: no such file or directory" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in records] == ["a.txt", "binary.txt", "b.txt"]
    assert records[1]["error"].startswith("binary file") and records[1]["key"] == f"{hashlib.sha256(BINARY).hexdigest()}:{PIPELINE_VERSION}"
    assert "entities" not in records[1]


def test_a_failed_document_in_a_batch_exits_1(runner: CliRunner, reports: Path) -> None:
    (reports / "binary.txt").write_bytes(BINARY)
    result = runner.invoke(app, ["extract", str(reports), "--jobs", "1"])
    assert result.exit_code == 1
    assert [("error" in json.loads(line)) for line in result.stdout.splitlines()] == [False, True, False]
    assert "done: 2 documents, 4 entities; records: " in result.stderr
    assert "; 1 errors;" in result.stderr


def test_one_named_file_that_cannot_be_read_exits_2_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BINARY)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["extract", str(bad), "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}: binary file")
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_glob_is_expanded_when_the_shell_did_not(runner: CliRunner, reports: Path) -> None:
    (reports / "notes.md").write_text("Trao 5 suất quà.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(reports / "**" / "*.txt"), "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()] == ["a.txt", "b.txt"]
    nothing = runner.invoke(app, ["extract", str(reports / "*.pdf"), "-q"])
    assert nothing.exit_code == 2
    assert "no files match this pattern" in nothing.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-f", "json", "--resume", "-o", "x.json"], "--resume works with --format jsonl or sqlite"),
        (["--resume"], "--resume needs an output file"),
        (["-f", "csv"], "--format csv is written to a folder (-o DIR)"),
        (["-f", "sqlite"], "--format sqlite is written to a file (-o FILE)"),
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    ],
    ids=["resume-json", "resume-stdout", "csv-stdout", "sqlite-stdout", "scheduler-local"],
)
def test_usage_errors_exit_2(runner: CliRunner, reports: Path, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["extract", str(reports), *arguments])
    assert result.exit_code == 2
    assert message in result.stderr


def test_help_documents_exit_status(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit status: 0 when every document was extracted; 1 when some documents failed" in text
    for option in ("--jobs", "--unordered", "--resume", "--time-limit", "--engine", "--scheduler", "parquet"):
        assert option in text


def test_missing_single_file_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or directory"
    assert not out.exists()


def test_empty_folder_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "directory has no text files" in result.stderr


def test_the_output_suffix_picks_the_format(runner: CliRunner, reports: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(reports / "a.txt"), "-o", str(tmp_path / "one.jsonl"), "-q"])
    assert result.exit_code == 0
    assert json.loads((tmp_path / "one.jsonl").read_text(encoding="utf-8"))["report_date"] == "2021-07-28"
    result = runner.invoke(app, ["extract", str(reports), "-o", str(tmp_path / "all.db"), "-q", "--jobs", "1"])
    assert result.exit_code == 0
    assert (tmp_path / "all.db").read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-16-le", "Hỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.".encode("utf-16-le")),  # no BOM to detect
        ("vni", "Hoã trôï 3 ñoaøn vieân soá tieàn 119,5 trieäu ñoàng.".encode("latin-1")),
    ],
    ids=["utf-16-without-bom", "vni"],
)
def test_encoding_option_reads_legacy_bytes(runner: CliRunner, tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(data)
    result = runner.invoke(app, ["extract", str(path), "--encoding", encoding, "-q"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["text"] == "Hỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng."
    assert [(e["label"], e["value"]) for e in document["entities"]] == [("COUNT", 3), ("MONEY", 119_500_000)]


def test_wrong_encoding_option_is_a_named_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("Hỗ trợ".encode("utf-16-le"))
    result = runner.invoke(app, ["extract", str(path), "--encoding", "utf-8"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: not valid utf-8")
