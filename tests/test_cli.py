"""`congdoan extract` through typer's runner: files, folders, stdin, -o, formats, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

REPORT = "Ngày 28 tháng 07 năm 2021\n\nHỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


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


def test_folder_prints_a_list_in_path_order(runner: CliRunner, reports: Path) -> None:
    result = runner.invoke(app, ["extract", str(reports), "-q"])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert [Path(d["source"]).name for d in documents] == ["a.txt", "b.txt"]
    assert _values(documents[1]) == [("COUNT", 10283)]


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


def test_bad_files_are_named_and_the_rest_is_written(runner: CliRunner, reports: Path, tmp_path: Path) -> None:
    # Windows-1258 would be read; bytes no Vietnamese encoding explains are not.
    (reports / "latin.txt").write_bytes("Báo cáo".encode("cp1258") + b"\x81\x8d")
    out = tmp_path / "out.jsonl"
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", str(reports), str(missing), "-f", "jsonl", "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert f"error: {reports / 'latin.txt'}: not valid UTF-8 (byte 0xe1 at offset 1)" in result.stderr
    assert f"error: {missing}: no such file or directory" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


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
