"""`congdoan extract --resume --retry-errors`: documents that ended as error records are
extracted again, and the output (JSON Lines or SQLite) ends with exactly one record per
document; without the flag `--resume` still skips them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor.batch import BatchOptions, InlineInput, document_key, error_record, forget_errors, run_batch
from extractor.export import ExportError, open_writer
from extractor.export.jsonl import partial_path

REPORTS = {
    "a.txt": "Ngày 28 tháng 07 năm 2021\n\nHỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.\n",
    "b.txt": "Trao 10.283 suất quà cho đoàn viên.\n",
    "c.txt": "Kết nạp 127 đoàn viên mới.\n",
}
BINARY = bytes(range(256)) * 4


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    """a.txt, b.txt (a scan saved as .txt: binary, an error record), c.txt."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "b.txt").write_bytes(BINARY)
    return folder


def _extract(runner: CliRunner, *arguments: str):
    return runner.invoke(app, ["extract", *arguments, "--jobs", "1"])


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _by_name(records: list[dict]) -> dict[str, list[dict]]:
    named: dict[str, list[dict]] = {}
    for record in records:
        named.setdefault(Path(record["source"]).name, []).append(record)
    return named


def _fix(archive: Path) -> None:
    (archive / "b.txt").write_text(REPORTS["b.txt"], encoding="utf-8")


def _rows(database: Path, query: str) -> list[tuple]:
    with sqlite3.connect(database) as db:
        return db.execute(query).fetchall()


# --- JSON Lines -----------------------------------------------------------------------


def test_fixed_document_is_extracted_again_and_replaces_its_error_record(runner, archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = _extract(runner, str(archive), "-o", str(out), "-q")
    assert first.exit_code == 1
    before = _records(out)
    assert [("error" in r) for r in before] == [False, True, False]
    assert before[1]["error"].startswith("binary file")

    _fix(archive)
    retry = _extract(runner, str(archive), "-o", str(out), "--resume", "--retry-errors")
    assert retry.exit_code == 0, retry.output
    assert "1 error records taken out of the output; their inputs are extracted again" in retry.stderr
    assert "done: 1 documents" in retry.stderr and "2 already done (skipped)" in retry.stderr
    records = _records(out)
    assert len(out.read_bytes().splitlines()) == 3
    named = _by_name(records)
    assert sorted(named) == ["a.txt", "b.txt", "c.txt"] and all(len(r) == 1 for r in named.values())
    fixed = named["b.txt"][0]
    assert "error" not in fixed and fixed["key"] == document_key(REPORTS["b.txt"].encode())
    assert [(e["label"], e["value"]) for e in fixed["entities"]] == [("COUNT", 10283)]
    assert records[:2] == [before[0], before[2]]  # a and c untouched, in order
    assert not partial_path(out).exists()

    again = _extract(runner, str(archive), "-o", str(out), "--resume", "--retry-errors", "-q")
    assert again.exit_code == 0
    assert _records(out) == records  # nothing left to retry: nothing changes


def test_without_the_flag_resume_still_skips_error_records(runner, archive: Path, tmp_path: Path) -> None:
    """Files over --max-size are error records without a key; resumed with the limit
    raised, they are skipped, unless --retry-errors."""
    out = tmp_path / "out.jsonl"
    first = _extract(runner, str(archive), "-o", str(out), "--max-size", "0.00005", "-q")  # 52 bytes
    assert first.exit_code == 1
    before = out.read_bytes()
    assert [r.get("key") is None for r in _records(out)] == [True, True, False]  # a.txt and b.txt too large

    plain = _extract(runner, str(archive), "-o", str(out), "--resume")
    assert plain.exit_code == 0  # nothing new was extracted, nothing failed
    assert "3 already done (skipped)" in plain.stderr
    assert out.read_bytes() == before

    retry = _extract(runner, str(archive), "-o", str(out), "--resume", "--retry-errors", "-q")
    assert retry.exit_code == 1  # b.txt is still binary
    records = _records(out)
    assert [Path(r["source"]).name for r in records] == ["c.txt", "a.txt", "b.txt"]
    assert "error" not in records[1] and records[2]["error"].startswith("binary file")


def test_a_document_that_fails_again_keeps_exactly_one_error_record(runner, archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    _extract(runner, str(archive), "-o", str(out), "-q")
    retry = _extract(runner, str(archive), "-o", str(out), "--resume", "--retry-errors", "-q")
    assert retry.exit_code == 1
    named = _by_name(_records(out))
    assert len(named["b.txt"]) == 1 and named["b.txt"][0]["error"].startswith("binary file")
    assert sum(map(len, named.values())) == 3


def test_error_records_of_inputs_not_given_stay(runner, archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    (archive / "d.txt").write_bytes(BINARY)
    _extract(runner, str(archive), "-o", str(out), "-q")
    _fix(archive)
    retry = _extract(runner, str(archive / "b.txt"), str(archive / "c.txt"), "-o", str(out), "--resume",
                     "--retry-errors", "-q")
    assert retry.exit_code == 0
    named = _by_name(_records(out))
    assert "error" not in named["b.txt"][0] and named["d.txt"][0]["error"].startswith("binary file")
    assert [len(named[n]) for n in ("a.txt", "b.txt", "c.txt", "d.txt")] == [1, 1, 1, 1]


def test_retry_continues_an_interrupted_partial_output(runner, archive: Path, tmp_path: Path) -> None:
    """An interrupted run left out.jsonl.partial: a, the error record of b, and half a line."""
    out = tmp_path / "out.jsonl"
    _extract(runner, str(archive), "-o", str(out), "-q")
    lines = out.read_bytes().splitlines(keepends=True)
    out.unlink()
    partial_path(out).write_bytes(lines[0] + lines[1] + lines[2][:40])
    _fix(archive)
    retry = _extract(runner, str(archive), "-o", str(out), "--resume", "--retry-errors", "-q")
    assert retry.exit_code == 0, retry.output
    records = _records(out)
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert not any("error" in r for r in records)
    assert not partial_path(out).exists()


class _Interrupt(Exception):
    pass


def test_an_interrupted_retry_leaves_the_finished_output_and_resume_finishes(archive: Path, tmp_path: Path) -> None:
    """The error records go to out.jsonl.partial: out.jsonl stays as it was until the
    retry ends; interrupted, a plain --resume finishes it, one record per document."""
    out = tmp_path / "out.jsonl"
    (archive / "d.txt").write_bytes(BINARY)
    paths = sorted(str(p) for p in archive.glob("*.txt"))
    with open_writer("jsonl", out) as writer:
        run_batch(paths, writer, BatchOptions(jobs=1))
        writer.close()
    finished = out.read_bytes()
    (archive / "b.txt").write_text(REPORTS["b.txt"], encoding="utf-8")
    (archive / "d.txt").write_text("Trao 5 suất quà.", encoding="utf-8")

    def stop_after_one(summary, outcome) -> None:
        if summary.processed == 1:
            raise _Interrupt

    assert forget_errors("jsonl", out, paths) == 2
    with pytest.raises(_Interrupt), open_writer("jsonl", out, resume=True) as writer:
        run_batch(paths, writer, BatchOptions(jobs=1), resume=True, on_progress=stop_after_one)
    assert out.read_bytes() == finished
    assert [Path(r["source"]).name for r in _records(partial_path(out))] == ["a.txt", "c.txt", "b.txt"]

    with open_writer("jsonl", out, resume=True) as writer:
        summary = run_batch(paths, writer, BatchOptions(jobs=1), resume=True)
        writer.close()
    assert (summary.skipped, summary.documents, summary.errors) == (3, 1, 0)
    records = _records(out)
    assert [Path(r["source"]).name for r in records] == ["a.txt", "c.txt", "b.txt", "d.txt"]
    assert not any("error" in r for r in records)


def test_forget_errors_picks_the_error_records_of_the_inputs(tmp_path: Path) -> None:
    stdin = b"Trao 5 suat qua."
    kept_document = {"source": "a.txt", "key": "k1:v", "entities": [{"label": "ORG", "text": "error"}]}
    records = [
        kept_document,
        error_record("a.txt", "binary file", "k0:v"),        # an input: goes, whatever its key
        error_record("a.txt", "no such file", None),          # listed twice, both go
        error_record("b.txt", "binary file", "k2:v"),         # not an input: stays
        error_record(None, "binary file", document_key(stdin)),  # stdin with the same bytes: goes
        error_record(None, "binary file", "k3:v"),            # other bytes on stdin: stays
    ]
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out.chmod(0o640)
    assert forget_errors("jsonl", out, ["a.txt", InlineInput(stdin)]) == 3
    assert _records(partial_path(out)) == [records[0], records[3], records[5]]
    assert _records(out) == records  # the finished output stays until the resumed run ends
    assert partial_path(out).stat().st_mode & 0o777 == 0o640
    assert not list(tmp_path.glob(".*.tmp"))
    assert forget_errors("jsonl", tmp_path / "none.jsonl", ["a.txt"]) == 0
    assert forget_errors("sqlite", tmp_path / "none.sqlite", ["a.txt"]) == 0
    assert not (tmp_path / "none.sqlite").exists()


# --- SQLite ---------------------------------------------------------------------------


def test_sqlite_retry_replaces_the_error_row(runner, archive: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    first = _extract(runner, str(archive), "-o", str(database), "-q")
    assert first.exit_code == 1
    assert _rows(database, 'SELECT source FROM errors') == [(str(archive / "b.txt"),)]
    with sqlite3.connect(database) as db:  # an error row of another input, which stays
        db.execute("INSERT INTO errors (source, key, error) VALUES ('elsewhere/x.txt', NULL, 'binary file')")

    _fix(archive)
    retry = _extract(runner, str(archive), "-o", str(database), "--resume", "--retry-errors")
    assert retry.exit_code == 0, retry.output
    assert "1 error records taken out of the output" in retry.stderr
    assert "done: 1 documents" in retry.stderr and "2 already done (skipped)" in retry.stderr
    sources = sorted(Path(s).name for (s,) in _rows(database, "SELECT source FROM documents"))
    assert sources == ["a.txt", "b.txt", "c.txt"]
    assert _rows(database, "SELECT source FROM errors") == [("elsewhere/x.txt",)]
    assert _rows(database, "SELECT e.value FROM entities e JOIN documents d ON d.id = e.document_id "
                           "WHERE d.source LIKE '%b.txt'") == [(10283,)]
    assert _rows(database, "PRAGMA foreign_key_check") == []


def test_sqlite_retry_that_fails_again_keeps_one_error_row(runner, archive: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    _extract(runner, str(archive), "-o", str(database), "-q")
    (archive / "b.txt").write_bytes(BINARY + b"\x00")  # other bytes, still binary: another key
    retry = _extract(runner, str(archive), "-o", str(database), "--resume", "--retry-errors", "-q")
    assert retry.exit_code == 1
    errors = _rows(database, "SELECT source, key FROM errors")
    assert errors == [(str(archive / "b.txt"), document_key(BINARY + b"\x00"))]
    assert len(_rows(database, "SELECT id FROM documents")) == 2


def test_not_a_database_is_a_usage_error(runner, archive: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    database.write_bytes(b"not a database" * 100)
    result = _extract(runner, str(archive), "-o", str(database), "--resume", "--retry-errors")
    assert result.exit_code == 2
    assert "cannot use it as a SQLite database" in result.stderr
    with pytest.raises(ExportError):
        forget_errors("sqlite", database, [str(archive / "a.txt")])


# --- usage ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-o", "OUT/out.jsonl", "--retry-errors"], "--retry-errors works with --resume"),
        (["-f", "json", "-o", "OUT/out.json", "--resume", "--retry-errors"],
         "--retry-errors works with --format jsonl or sqlite (outputs that --resume continues), not json"),
        (["-f", "csv", "-o", "OUT/tables", "--resume", "--retry-errors"], "not csv"),
        (["-f", "parquet", "-o", "OUT/tables", "--resume", "--retry-errors"], "not parquet"),
        (["--resume", "--retry-errors"], "--retry-errors needs the output of the earlier run: add -o FILE"),
    ],
    ids=["no-resume", "json", "csv", "parquet", "stdout"],
)
def test_retry_errors_usage_errors_exit_2(runner, archive: Path, tmp_path: Path, arguments: list[str],
                                          message: str) -> None:
    arguments = [a.replace("OUT", str(tmp_path)) for a in arguments]
    result = runner.invoke(app, ["extract", str(archive), *arguments])
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == [archive]  # nothing written


def test_help_documents_retry_errors(runner) -> None:
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    text = " ".join(result.stdout.split())
    assert "--retry-errors" in text
    assert "the error records of the inputs given are taken out of the output first" in text
