"""The batch engine: order, error records, time limits, lost workers, bounded memory.

A fake extractor driven by commands in the text (``sleep 0.3``, ``spin 0.3``, ``raise``,
``die``, ``hang``) makes these tests fast and exact; the real pipeline runs in test_cli.py,
test_resume.py, test_export.py and test_dask.py.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

import extractor.pool
from extractor.batch import (
    PIPELINE_VERSION,
    BatchError,
    BatchOptions,
    DocumentTimeout,
    InlineInput,
    Summary,
    Task,
    document_key,
    expand_inputs,
    process_file,
    process_task,
    run_batch,
    time_limit,
)
from extractor.export import Writer
from extractor.pool import run_in_pool
from extractor.reading import InputError
from schemas import ExtractedDocument


class FakeExtractor:
    """Obeys the first word of the text; counts its words as COUNT entities (none here)."""

    def extract(self, text: str, source: str | None = None, include_text: bool = True) -> ExtractedDocument:
        command, _, argument = text.partition(" ")
        if command == "sleep":
            time.sleep(float(argument))
        elif command == "spin":  # busy in Python code, as a slow document is
            _spin(float(argument))
        elif command == "raise":
            raise ValueError("cannot parse this")
        elif command == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        elif command == "hang":  # stuck where SIGALRM cannot reach (as in C code)
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(float(argument))
        return ExtractedDocument(source=source, text=text if include_text else None)


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def broken_factory():
    raise RuntimeError("no models here")


class ListWriter(Writer):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[dict] = []

    def write(self, record: dict) -> None:
        self.records.append(record)


def _corpus(folder: Path, texts: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"doc_{number:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _run(paths, jobs=2, **options) -> tuple[list[dict], Summary]:
    writer = ListWriter()
    summary = run_batch(paths, writer, BatchOptions(jobs=jobs, **options), extractor_factory=FakeExtractor)
    return writer.records, summary


def _names(records: list[dict]) -> list[str]:
    return [Path(r["source"]).name for r in records]


def test_results_come_in_input_order_even_when_they_finish_out_of_order(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 0.4", "sleep 0", "sleep 0", "sleep 0.2", "sleep 0", "sleep 0"])
    records, summary = _run(paths)
    assert _names(records) == [f"doc_{n:03d}.txt" for n in range(6)]
    assert [r["text"] for r in records] == ["sleep 0.4", "sleep 0", "sleep 0", "sleep 0.2", "sleep 0", "sleep 0"]
    assert (summary.documents, summary.errors) == (6, 0)


def test_unordered_writes_as_they_finish(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 0.6"] + ["sleep 0"] * 5)
    records, _ = _run(paths, ordered=False)
    assert sorted(_names(records)) == [f"doc_{n:03d}.txt" for n in range(6)]
    assert _names(records)[-1] == "doc_000.txt"


def test_every_record_carries_the_content_key(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 0", "sleep 0"])
    records, _ = _run(paths)
    assert records[0]["key"] == document_key(b"sleep 0") == records[1]["key"]
    assert records[0]["key"].endswith(f":{PIPELINE_VERSION}")
    assert list(records[0])[:2] == ["source", "key"]


def test_a_failing_document_becomes_an_error_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 0", "raise", "sleep 0"])
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01" * 100)
    records, summary = _run([*paths, str(binary)])
    assert records[1] == {"source": paths[1], "key": document_key(b"raise"),
                          "error": "extractor failed: ValueError: cannot parse this"}
    assert records[3]["error"].startswith("binary file")
    assert "error" not in records[2]
    assert (summary.documents, summary.errors) == (2, 2)


def test_too_large_files_are_not_read(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 0", "sleep 0 " + "x" * 2000])
    records, _ = _run(paths, jobs=1, max_bytes=1000)
    assert "error" not in records[0]
    assert records[1]["error"] == ("file is 2,008 bytes (0.0 MiB), over the 0.000953674 MiB limit; "
                                   "split it, or raise the limit (--max-size)")
    assert records[1]["key"] is None


def test_soft_time_limit_in_process(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 5", "sleep 0"])
    started = time.monotonic()
    records, _ = _run(paths, jobs=1, time_limit=0.3)
    assert time.monotonic() - started < 3
    assert records[0]["error"].startswith("extraction took longer than 0.3 s (the per-document time limit")
    assert "error" not in records[1]


def test_soft_time_limit_in_a_worker_keeps_the_worker(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 5", "sleep 0", "sleep 0"])
    records, _ = _run(paths, time_limit=0.3)
    assert records[0]["error"].startswith("extraction took longer than 0.3 s")
    assert ["error" in r for r in records] == [True, False, False]


def _in_a_thread(function):
    """Run ``function`` in another thread (as a Dask worker runs its tasks); its result."""
    result: dict = {}

    def run() -> None:
        try:
            result["value"] = function()
        except BaseException as error:  # handed to the test
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    if "error" in result:
        raise result["error"]
    return result["value"]


def test_time_limit_in_a_thread_stops_python_code_and_the_thread_goes_on(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["spin 5", "spin 0.05"])
    options = BatchOptions(time_limit=0.3)

    def two_documents():
        extractor = FakeExtractor()
        started = time.monotonic()
        slow = process_task(Task(0, paths[0]), options, extractor)
        took = time.monotonic() - started
        fast = process_task(Task(1, paths[1]), options, extractor)
        _spin(0.5)  # past the limit again: nothing from the first document strikes late
        return slow, took, fast

    slow, took, fast = _in_a_thread(two_documents)
    assert slow.record == {"source": paths[0], "key": document_key(b"spin 5"),
                           "error": "extraction took longer than 0.3 s (the per-document time limit; "
                                    "raise it with --time-limit)"}
    assert 0.3 <= took < 2
    assert "error" not in fast.record and fast.record["text"] == "spin 0.05"


def test_time_limit_in_a_thread_when_the_block_swallows_the_exception() -> None:
    """Code that catches every exception: the limit is reported when the block ends, and
    nothing is left pending to strike the thread afterwards."""

    def swallowing():
        outcome = "finished"
        try:
            with time_limit(0.1):
                try:
                    _spin(0.3)
                except DocumentTimeout:
                    pass
                _spin(0.05)
        except DocumentTimeout:
            outcome = "timed out"
        _spin(0.2)
        with time_limit(0.15):
            _spin(0.02)
        _spin(0.25)
        return outcome

    assert _in_a_thread(swallowing) == "timed out"


def test_a_worker_stuck_past_the_limit_is_killed_and_replaced(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(extractor.pool, "GRACE", 0.3)
    paths = _corpus(tmp_path, ["hang 30", "sleep 0", "sleep 0", "sleep 0", "sleep 0"])
    started = time.monotonic()
    records, summary = _run(paths, time_limit=0.3)
    assert time.monotonic() - started < 10
    assert records[0]["error"].startswith("extraction took longer than 0.3 s")
    assert (summary.documents, summary.errors) == (4, 1)


def test_a_dead_worker_fails_its_document_only(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 0", "die", "sleep 0", "sleep 0", "sleep 0"])
    records, summary = _run(paths)
    assert records[1]["error"] == "the worker process died while extracting it (signal SIGKILL)"
    assert _names(records) == [f"doc_{n:03d}.txt" for n in range(5)]
    assert (summary.documents, summary.errors) == (4, 1)


def test_workers_that_cannot_load_the_pipeline_stop_the_batch(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, ["sleep 0", "sleep 0"])
    with pytest.raises(BatchError, match="could not load the pipeline: RuntimeError: no models here"):
        run_batch(paths, ListWriter(), BatchOptions(jobs=2), extractor_factory=broken_factory)


def test_tasks_are_pulled_lazily_within_the_window(tmp_path: Path) -> None:
    path = _corpus(tmp_path, ["sleep 0.01"])[0]
    pulled = 0

    def tasks():
        nonlocal pulled
        for index in range(60):
            pulled += 1
            yield Task(index, path)

    outcomes = run_in_pool(tasks(), BatchOptions(jobs=2, window=6), FakeExtractor)
    first = next(outcomes)
    assert first.index == 0 and pulled <= 7
    seen = [first.index] + [o.index for o in outcomes]
    assert seen == list(range(60))


def test_stdin_and_one_input_run_in_process(tmp_path: Path) -> None:
    writer = ListWriter()
    summary = run_batch([InlineInput(b"sleep 0")], writer, BatchOptions(jobs=4), extractor_factory=FakeExtractor)
    assert writer.records[0]["source"] is None and writer.records[0]["text"] == "sleep 0"
    assert summary.documents == 1


def test_summary_line() -> None:
    summary = Summary(documents=3, errors=1, entities=40, chars=9000, seconds=2.0)
    summary.records.update(people=4, reports=3, meetings=2, decisions=1, support=5)
    assert summary.line() == ("3 documents, 40 entities; records: 4 people, 3 reports, 2 meetings, 1 decisions, "
                              "5 support; 1 errors; 2.0 s, 2.0 docs/s")


def test_expand_inputs_files_folders_globs_and_errors(tmp_path: Path) -> None:
    _corpus(tmp_path / "a", ["x", "y"])
    _corpus(tmp_path / "b" / "c", ["z"])
    (tmp_path / "empty").mkdir()
    found = list(expand_inputs([str(tmp_path / "a" / "doc_001.txt"), str(tmp_path / "b"),
                                str(tmp_path / "**" / "doc_000.txt"), str(tmp_path / "nope"), str(tmp_path / "empty")]))
    names = [str(Path(f).relative_to(tmp_path)) if isinstance(f, str) else type(f).__name__ for f in found]
    assert names == ["a/doc_001.txt", "b/c/doc_000.txt", "a/doc_000.txt", "b/c/doc_000.txt", "InputError", "InputError"]
    assert isinstance(found[-2], InputError) and found[-2].reason == "no such file or directory"


def test_process_file_with_the_real_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Hỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.", encoding="utf-8")
    record = process_file(str(path), include_text=False)
    assert record["source"] == str(path) and record["text"] is None
    assert record["key"] == document_key(path.read_bytes())
    assert [(e["label"], e["value"]) for e in record["entities"]] == [("COUNT", 3), ("MONEY", 119_500_000)]


def test_the_memory_zone_changes_no_output() -> None:
    """Workers extract inside spaCy's memory_zone(); the custom tokenizer and the extension
    attributes must come out the same as without it."""
    from extractor import default_extractor

    corpus = Path(__file__).resolve().parents[1] / "corpus" / "documents"
    extractor = default_extractor()
    for path in sorted(corpus.glob("seed_00[0-2]*.txt")):
        text = path.read_text(encoding="utf-8")
        plain = extractor.extract(text, source=str(path)).model_dump(mode="json")
        zoned = process_task(Task(0, str(path)), BatchOptions(), extractor).record
        assert zoned == {"source": str(path), "key": document_key(path.read_bytes()), **plain}
