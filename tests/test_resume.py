"""Interrupted runs pick up where they stopped: a real `congdoan extract` killed with
SIGKILL midway, then resumed, writes what an uninterrupted run writes; torn JSON Lines
are cut; SQLite keeps whole documents and appends without duplicates."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor.batch import TEST_DELAY_ENV, BatchOptions, run_batch
from extractor.export import open_writer
from extractor.export.jsonl import JsonlWriter, partial_path

DOCUMENTS = 60


def _report(number: int) -> str:
    return (f"Ngày {number % 28 + 1} tháng {number % 12 + 1} năm 2021\n\n"
            f"Hỗ trợ {number + 3} đoàn viên số tiền {number + 1},5 triệu đồng. "
            f"Trao {number * 10 + 7} suất quà.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    for number in range(DOCUMENTS):
        (folder / f"bc_{number:03d}.txt").write_text(_report(number), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> Path:
    """The output of an uninterrupted run."""
    out = tmp_path_factory.mktemp("reference") / "all.jsonl"
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    return out


def _congdoan(*arguments: str, delay: float = 0.0) -> subprocess.Popen:
    environment = {**os.environ, TEST_DELAY_ENV: str(delay)}
    return subprocess.Popen([sys.executable, "-m", "cli.main", "extract", *arguments], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _group_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


def _interrupt(run: subprocess.Popen, partial: Path, lines: int, how: signal.Signals) -> None:
    try:
        assert _wait_until(lambda: _lines(partial) >= lines, 60), run.stderr.read().decode() if run.poll() else ""
        if how is signal.SIGINT:
            os.killpg(run.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the whole group
        else:
            os.kill(run.pid, signal.SIGKILL)  # as kill -9 or a power loss: no cleanup at all
        run.wait(20)
        # The workers and the forkserver notice that their parent is gone and exit.
        assert _wait_until(lambda: _group_gone(run.pid), 15)
    finally:
        if not _group_gone(run.pid):
            os.killpg(run.pid, signal.SIGKILL)


def test_interrupted_runs_resume_to_the_uninterrupted_output(corpus: Path, reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    partial = partial_path(out)
    first = _congdoan(str(corpus), "-o", str(out), "--jobs", "2", "-q", delay=0.05)
    _interrupt(first, partial, 10, signal.SIGINT)
    assert first.returncode == 130
    assert "run the same command with --resume" in first.stderr.read().decode()
    assert 10 <= _lines(partial) < DOCUMENTS and not out.exists()

    second = _congdoan(str(corpus), "-o", str(out), "--jobs", "2", "-q", "--resume", delay=0.05)
    _interrupt(second, partial, _lines(partial) + 10, signal.SIGKILL)
    written = _lines(partial)
    assert written < DOCUMENTS and not out.exists()
    # A write torn by the crash: half a line at the end.
    with open(partial, "ab") as stream:
        stream.write(b'{"source": "/archive/bc_999.txt", "key": "ab')

    last = _congdoan(str(corpus), "-o", str(out), "--jobs", "2", "--resume")
    _, stderr = last.communicate(timeout=60)
    assert last.returncode == 0, stderr.decode()
    assert f"done: {DOCUMENTS - written} documents" in stderr.decode()
    assert f"{written} already done (skipped)" in stderr.decode()
    assert out.read_bytes() == reference.read_bytes()
    assert not partial.exists()


def test_a_torn_last_line_and_zeros_are_cut_on_resume(tmp_path: Path) -> None:
    partial = partial_path(tmp_path / "out.jsonl")
    good = [{"source": "a.txt", "key": "k1:v", "entities": []}, {"source": "b.txt", "key": None, "error": "binary"}]
    content = "".join(json.dumps(r) + "\n" for r in good).encode()
    partial.write_bytes(content + b"\x00" * 4096 + b'{"source": "c.txt"}\n')
    writer = JsonlWriter(tmp_path / "out.jsonl", resume=True)
    assert writer.done() == {("k1:v", "a.txt"): 1, (None, "b.txt"): 1}
    assert writer.repaired == 4096 + 20
    writer.write({"source": "c.txt", "key": "k3:v", "entities": []})
    writer.close()
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["a.txt", "b.txt", "c.txt"]


def test_resume_appends_to_a_finished_output(corpus: Path, reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = reference.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:40]))
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "--jobs", "1", "--resume"])
    assert result.exit_code == 0, result.output
    assert "20 documents" in result.stderr and "40 already done (skipped)" in result.stderr
    assert out.read_bytes() == reference.read_bytes()


def test_without_resume_a_new_run_starts_afresh(corpus: Path, reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    partial_path(out).write_bytes(reference.read_bytes()[:500])
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "--jobs", "1", "-q"])
    assert result.exit_code == 0
    assert out.read_bytes() == reference.read_bytes() and not partial_path(out).exists()


class _Interrupt(Exception):
    pass


def _table(path: Path, name: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(f'SELECT * FROM "{name}" ORDER BY id').fetchall()


def test_sqlite_interrupted_then_resumed_equals_one_run(corpus: Path, tmp_path: Path) -> None:
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    whole, cut = tmp_path / "whole.sqlite", tmp_path / "cut.sqlite"
    with open_writer("sqlite", whole) as writer:
        run_batch(paths, writer, BatchOptions(jobs=1))
        writer.close()

    def stop_after_25(summary, outcome) -> None:
        if summary.processed == 25:
            raise _Interrupt

    with pytest.raises(_Interrupt), open_writer("sqlite", cut) as writer:
        run_batch(paths, writer, BatchOptions(jobs=1), on_progress=stop_after_25)
    assert len(_table(cut, "documents")) == 25
    with open_writer("sqlite", cut, resume=True) as writer:
        summary = run_batch(paths, writer, BatchOptions(jobs=1), resume=True)
        writer.close()
    assert (summary.skipped, summary.documents) == (25, 35)
    for table in ("documents", "entities", "reports", "support", "list_items", "errors"):
        assert _table(cut, table) == _table(whole, table), table
    assert len(_table(whole, "entities")) == 4 * DOCUMENTS  # date, count, money, count


def test_sqlite_appends_without_duplicates(corpus: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    first = CliRunner().invoke(app, ["extract", *sorted(str(p) for p in corpus.glob("bc_00*.txt")),
                                     "-f", "sqlite", "-o", str(database), "--jobs", "1", "-q"])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(app, ["extract", str(corpus), "-f", "sqlite", "-o", str(database), "--jobs", "1",
                                     "--resume", "-q"])
    assert again.exit_code == 0, again.output
    sources = [row[1] for row in _table(database, "documents")]
    assert len(sources) == len(set(sources)) == DOCUMENTS
