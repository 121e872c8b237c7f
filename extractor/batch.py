"""Batch extraction at archive scale: many report files in, one record per file out.

>>> from extractor.batch import BatchOptions, run_batch          # doctest: +SKIP
>>> from extractor.export import open_writer                     # doctest: +SKIP
>>> with open_writer("jsonl", "out.jsonl") as writer:            # doctest: +SKIP
...     summary = run_batch(["bao_cao_thang_7.txt", "nghi_quyet.docx"], writer, BatchOptions(jobs=2))
...     writer.close()
>>> summary.line()                                               # doctest: +SKIP
'2 documents, 57 entities; records: 2 reports, 1 meetings, 3 decisions, 4 support; 0 errors; 1.2 s, 1.7 docs/s'

Every input gives one record, in input order (or as finished with ``ordered=False``):
a document (the JSON of :class:`~schemas.ExtractedDocument` with its ``key``) or an
error record ``{"source": path, "key": ..., "error": reason}`` for a file that could not
be read (undecodable, binary, over ``max_bytes``), an extractor that raised, or a
document that took longer than ``time_limit``. The batch goes on after an error.

Engines (:func:`run_batch` ``engine=``):

* ``local``: ``jobs`` worker processes (:mod:`extractor.pool`), each with the pipeline
  loaded once; ``jobs=1`` runs in this process.
* ``dask``: the same :func:`process_file` on a Dask cluster (:mod:`extractor.cluster`).

A single input, or input given as bytes (stdin), always runs in this process: starting
workers would cost more than it saves.

Resuming: the key of a document is ``<sha256 of its bytes>:<PIPELINE_VERSION>``. With
``resume=True`` an input whose ``(key, source)`` the writer already holds is skipped, so
an interrupted run picks up where it stopped without duplicates. Error records count as
done too (one without key, of a file that was not read, whatever the file holds now); to
extract their inputs again, take them out of the output first with :func:`forget_errors`
(``--retry-errors``):

>>> forget_errors("jsonl", "out.jsonl", paths)                   # doctest: +SKIP
>>> with open_writer("jsonl", "out.jsonl", resume=True) as writer:  # doctest: +SKIP
...     summary = run_batch(paths, writer, resume=True)
...     writer.close()
"""

from __future__ import annotations

import ctypes
import glob
import hashlib
import json
import os
import signal
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from extractor.export import RESUMABLE, ExportError
from extractor.export.files import AtomicFile
from extractor.export.jsonl import partial_path
from extractor.export.rows import NOT_RECORDS, record_fields, table_name
from extractor.reading import InputError, decode, expand_paths, read_text

#: Version of what the pipeline extracts; part of every document's key. Bump it when a
#: change to the recognisers, their resources or underthesea changes the output for the
#: same input, so that ``--resume`` and SQLite appends extract such documents again.
PIPELINE_VERSION = "congdoan-0.1.0/1"

#: Per-document time limit of the extraction, seconds (reading has its own limits).
DEFAULT_TIME_LIMIT = 120.0
#: Larger files are error records, not read.
DEFAULT_MAX_BYTES = 50 * 2**20
#: Test hook: seconds each document sleeps in the worker, to interrupt a run midway.
TEST_DELAY_ENV = "CONGDOAN_TEST_DELAY"

STDIN = "<stdin>"


class BatchError(Exception):
    """A batch that cannot run at all (workers cannot start, the cluster cannot be reached)."""


class DocumentTimeout(Exception):
    """Raised inside the extraction when the per-document time limit is over."""


class ExtractorLike(Protocol):
    def extract(self, text: str, source: str | None = None, include_text: bool = True) -> Any: ...


ExtractorFactory = Callable[[], ExtractorLike]


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs; everything here is sent to the workers."""

    jobs: int = 1
    ordered: bool = True
    include_text: bool = True
    time_limit: float | None = DEFAULT_TIME_LIMIT
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Read every input in this encoding (utf-8, cp1258, tcvn3, vni ...) instead of detecting it.
    encoding: str | None = None
    #: Documents in flight or waiting for their turn (ordered); default 4 per worker.
    window: int | None = None

    def window_size(self, workers: int) -> int:
        return self.window or max(4 * workers, 4)


@dataclass(frozen=True)
class InlineInput:
    """A report given as bytes rather than a path (stdin); ``source`` None in the output."""

    data: bytes
    source: str | None = None


@dataclass(frozen=True)
class Task:
    """One input to process; ``index`` is its position among the inputs processed."""

    index: int
    path: str | None
    data: bytes | None = None
    source: str | None = None


@dataclass(frozen=True)
class Outcome:
    """The record of one task and what the summary needs: characters and seconds."""

    index: int
    record: dict[str, Any]
    chars: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return "error" in self.record

    @property
    def source(self) -> str:
        return self.record.get("source") or STDIN


# --- one document -------------------------------------------------------------------


def document_key(data: bytes) -> str:
    """The resume key of a document: ``<sha256 hex of its bytes>:<PIPELINE_VERSION>``."""
    return f"{hashlib.sha256(data).hexdigest()}:{PIPELINE_VERSION}"


def file_key(path: str | Path) -> str:
    """:func:`document_key` of a file, read in chunks; raises OSError."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(2**20), b""):
            digest.update(chunk)
    return f"{digest.hexdigest()}:{PIPELINE_VERSION}"


def error_record(source: str | None, reason: str, key: str | None = None) -> dict[str, Any]:
    """The record of an input that gave no document."""
    return {"source": source, "key": key, "error": reason}


def _too_large(size: int, limit: int) -> str:
    return (f"file is {size:,} bytes ({size / 2**20:.1f} MiB), over the {limit / 2**20:g} MiB limit; "
            "split it, or raise the limit (--max-size)")


def _file_bytes(path: str, max_bytes: int) -> bytes:
    try:
        size = os.stat(path).st_size
        if Path(path).is_dir():
            raise InputError(path, "is a directory")
        if size > max_bytes:
            raise InputError(path, _too_large(size, max_bytes))
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds``.

    In the main thread of a POSIX process a SIGALRM timer raises it; in any other thread
    (a Dask worker runs its tasks in threads, a library user may call from one) a timer
    thread raises it in the block's thread (``PyThreadState_SetAsyncExc``). Either way the
    exception arrives between Python bytecodes, as any signal handler's does: a long call
    into C code is interrupted when it returns (the local process pool kills such a
    worker after a grace period). On a platform with neither it does nothing.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        alarm = _signal_alarm
    elif _ASYNC_EXC is not None:
        alarm = _thread_alarm
    else:
        alarm = _no_alarm
    with alarm(seconds):
        yield


@contextmanager
def _signal_alarm(seconds: float) -> Iterator[None]:
    def expire(signum, frame):
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _async_exc_setter():
    setter = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if setter is None:  # not CPython
        return None
    setter.argtypes = (ctypes.c_ulong, ctypes.py_object)
    setter.restype = ctypes.c_int
    return setter


#: ``PyThreadState_SetAsyncExc(thread id, exception type or NULL)``, None where missing.
_ASYNC_EXC = _async_exc_setter()


def _raise_in_thread(ident: int, exception: type[BaseException] | None) -> None:
    """Have ``exception`` raised in thread ``ident`` at its next bytecode; None withdraws
    one not delivered yet."""
    _ASYNC_EXC(ident, ctypes.py_object() if exception is None else exception)  # py_object(): NULL


@contextmanager
def _thread_alarm(seconds: float) -> Iterator[None]:
    ident = threading.get_ident()
    lock = threading.Lock()
    state = {"over": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["over"]:
                state["fired"] = True
                _raise_in_thread(ident, DocumentTimeout)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["over"] = True
            fired = state["fired"]
        timer.cancel()
        if fired:
            # Not delivered yet (the block ended first, or swallowed it): withdraw it, so
            # that it cannot strike the caller after the block, and raise it here.
            _raise_in_thread(ident, None)
            raise DocumentTimeout(seconds)


@contextmanager
def _no_alarm(seconds: float) -> Iterator[None]:
    yield


def timeout_reason(seconds: float) -> str:
    return f"extraction took longer than {seconds:g} s (the per-document time limit; raise it with --time-limit)"


def _test_delay() -> float:
    try:
        return float(os.environ.get(TEST_DELAY_ENV) or 0)
    except ValueError:
        return 0.0


def process_task(task: Task, options: BatchOptions, extractor: ExtractorLike) -> Outcome:
    """Read, hash and extract one input; every failure becomes an error record."""
    started = time.perf_counter()
    source = task.source if task.path is None else task.path
    key, stage = None, "reading"
    try:
        if task.path is None:
            data = task.data or b""
            if len(data) > options.max_bytes:
                raise InputError(source or STDIN, _too_large(len(data), options.max_bytes))
            key = document_key(data)
            text = decode(data, source or STDIN, encoding=options.encoding)
        else:
            data = _file_bytes(task.path, options.max_bytes)
            key = document_key(data)
            del data  # the reader reads the file again, by kind (text, Word, PDF ...)
            text = read_text(task.path, encoding=options.encoding)
        stage = "extractor"
        record = _extract(extractor, text, source, options)
    except InputError as error:
        record = error_record(source, error.reason, key)
        text = ""
    except DocumentTimeout:
        record = error_record(source, timeout_reason(options.time_limit or 0), key)
    except MemoryError:
        record = error_record(source, "ran out of memory extracting it", key)
    except Exception as error:  # a bug met on this document: report it and go on
        record = error_record(source, f"{stage} failed: {type(error).__name__}: {error}", key)
    else:
        record = {"source": record.pop("source", source), "key": key, **record}
    return Outcome(task.index, record, len(text) if "error" not in record else 0, time.perf_counter() - started)


def _extract(extractor: ExtractorLike, text: str, source: str | None, options: BatchOptions) -> dict[str, Any]:
    with time_limit(options.time_limit), _memory_zone(extractor):
        delay = _test_delay()
        if delay:
            time.sleep(delay)
        document = extractor.extract(text, source=source, include_text=options.include_text)
        return document.model_dump(mode="json")


def _memory_zone(extractor: ExtractorLike):
    """spaCy's ``memory_zone()`` of the extractor's pipeline, when it has one.

    It frees the strings and lexemes a document adds to the vocabulary: without it a
    long run grows by ~14 MB per 1,000 reports (numbers, names, codes are new strings).
    """
    nlp = getattr(extractor, "nlp", None)
    return nlp.memory_zone() if hasattr(nlp, "memory_zone") else nullcontext()


def process_file(
    path: str,
    *,
    include_text: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> dict[str, Any]:
    """Extract one report file into its output record (a document or an error record).

    Pure as far as the caller can tell: the pipeline is loaded once per process and
    reused. This is the function a Dask cluster runs.

    >>> process_file("corpus/documents/syn_12_can-tho_2010_tinhotro.txt")["source"]  # doctest: +SKIP
    'corpus/documents/syn_12_can-tho_2010_tinhotro.txt'
    """
    options = BatchOptions(include_text=include_text, max_bytes=max_bytes, time_limit=time_limit)
    return process_task(Task(0, str(path)), options, shared_extractor()).record


_extractor_lock = threading.Lock()


def shared_extractor() -> ExtractorLike:
    """The process's default extractor, safe to call from several threads (Dask workers)."""
    from extractor import default_extractor

    with _extractor_lock:
        return _Locked(default_extractor())


class _Locked:
    """An extractor used by one thread at a time: spaCy pipelines are not thread-safe."""

    def __init__(self, extractor: ExtractorLike):
        self._extractor = extractor

    def extract(self, text: str, source: str | None = None, include_text: bool = True):
        with _extractor_lock, _memory_zone(self._extractor):
            return self._extractor.extract(text, source=source, include_text=include_text)


# --- inputs --------------------------------------------------------------------------


_GLOB_CHARACTERS = frozenset("*?[")


def expand_inputs(patterns: Iterable[str], *, include_images: bool = False) -> Iterator[str | InputError]:
    """Files named by ``patterns``: files, folders (every report below) and globs.

    A glob (``archive/**/*.txt``) is expanded here when the shell did not (quoted, or on
    Windows); ``**`` crosses folders. A folder matched by a glob expands like a folder.
    A missing path, a folder without reports or a glob matching nothing is an
    :class:`InputError` in its place.
    """
    for pattern in patterns:
        if _GLOB_CHARACTERS & set(pattern) and not Path(pattern).exists():
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                yield InputError(pattern, "no files match this pattern")
                continue
            for match in matches:
                if Path(match).is_dir():
                    yield from _expanded([match], include_images)
                else:
                    yield match
        else:
            yield from _expanded([pattern], include_images)


def _expanded(paths: list[str], include_images: bool) -> Iterator[str | InputError]:
    found = expand_paths(paths, include_images=True) if include_images else expand_paths(paths)
    for item in found:
        yield item if isinstance(item, InputError) else str(item)


# --- retrying error records ----------------------------------------------------------


def forget_errors(fmt: str, output: str | Path | None, inputs: Sequence[str | Path | InlineInput]) -> int:
    """Take the error records of ``inputs`` out of a resumable output, so that a run with
    ``resume=True`` into it extracts those inputs again and the output ends with one record
    per input (``congdoan extract --resume --retry-errors``). Call it before the writer is
    opened; returns how many error records were taken out.

    The error records taken out are those whose ``source`` is one of the input paths,
    whatever their key (the file may have been fixed since, or could not be read then),
    and, for input given as bytes without a source (stdin), those of the same bytes.
    Error records of other inputs, and every document record, stay.

    * ``jsonl``: the lines kept go to ``out.jsonl.partial`` (a temporary file renamed onto
      it), which the resumed run continues and renames to ``out.jsonl`` when it ends; a
      finished ``out.jsonl`` stays as it was until then.
    * ``sqlite``: the rows go from ``errors`` in one transaction.

    An interrupted retry leaves an output that a run with ``resume=True`` finishes. Raises
    :class:`~extractor.export.ExportError` for the other formats and for no output.
    """
    if fmt not in RESUMABLE:
        raise ExportError(f"--retry-errors works with --format {' or '.join(RESUMABLE)} "
                          f"(outputs that --resume continues), not {fmt}")
    if output is None or str(output) == "-":
        raise ExportError("--retry-errors needs the output of the earlier run: add -o FILE")
    retried = _retried(inputs)
    if fmt == "jsonl":
        return _forget_jsonl(Path(output), retried)
    return _forget_sqlite(Path(output), retried)


def _retried(inputs: Iterable[str | Path | InlineInput]) -> Callable[[str | None, str | None], bool]:
    """Whether an error record ``(key, source)`` belongs to one of ``inputs``."""
    sources: set[str] = set()
    keys: set[str] = set()
    for item in inputs:
        if not isinstance(item, InlineInput):
            sources.add(str(item))
        elif item.source is not None:
            sources.add(item.source)
        else:
            keys.add(document_key(item.data))
    return lambda key, source: source in sources if source is not None else key in keys


def _forget_jsonl(path: Path, retried: Callable[[str | None, str | None], bool]) -> int:
    partial = partial_path(path)
    current = partial if partial.is_file() else path if path.is_file() else None
    if current is None:
        return 0
    dropped: set[int] = set()  # line numbers
    with open(current, "rb") as stream:
        for number, line in enumerate(stream):
            # Cheap test first: a document's line has no "error" key, but its text may say "error".
            if b'"error"' not in line or not line.endswith(b"\n"):
                continue  # a torn last line stays for the writer to cut, as on any resume
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and "error" in record and retried(record.get("key"), record.get("source")):
                dropped.add(number)
    if not dropped:
        return 0
    kept = AtomicFile(partial)
    try:
        with open(current, "rb") as stream:
            for number, line in enumerate(stream):
                if number not in dropped:
                    kept.stream.write(line)
        os.chmod(kept.temporary, os.stat(current).st_mode & 0o7777)
        kept.commit()
    except BaseException:
        kept.discard()
        raise
    return len(dropped)


def _forget_sqlite(path: Path, retried: Callable[[str | None, str | None], bool]) -> int:
    if not path.is_file():
        return 0
    try:
        db = sqlite3.connect(path, isolation_level=None)
        try:
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'errors'").fetchone() is None:
                return 0
            db.execute("BEGIN IMMEDIATE")
            rows = db.execute('SELECT "id", "key", "source" FROM "errors"').fetchall()
            ids = [(row_id,) for row_id, key, source in rows if retried(key, source)]
            db.executemany('DELETE FROM "errors" WHERE "id" = ?', ids)
            db.execute("COMMIT")  # closing without it rolls back
            return len(ids)
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        raise ExportError(f"{path}: cannot use it as a SQLite database ({error})") from None


# --- the batch -----------------------------------------------------------------------


@dataclass
class Summary:
    """What a batch did, for the closing line on stderr and for callers."""

    documents: int = 0
    errors: int = 0
    skipped: int = 0
    entities: int = 0
    chars: int = 0
    records: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.documents + self.errors

    @property
    def docs_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def add(self, outcome: Outcome) -> None:
        if outcome.failed:
            self.errors += 1
            return
        self.documents += 1
        self.chars += outcome.chars
        record = outcome.record
        self.entities += len(record.get("entities") or [])
        for name in _record_names():
            value = record.get(name)
            self.records[table_name(name)] += len(value) if isinstance(value, list) else int(value is not None)

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "errors": self.errors, "skipped": self.skipped,
                "entities": self.entities, "records": dict(self.records), "chars": self.chars,
                "seconds": round(self.seconds, 3), "docs_per_second": round(self.docs_per_second, 2)}

    def line(self) -> str:
        """``31 documents, 798 entities; records: 26 reports, ...; 0 errors; 2.1 s, 14.8 docs/s``."""
        records = ", ".join(f"{self.records[table_name(n)]} {table_name(n)}" for n in _record_names())
        parts = [f"{self.documents} documents, {self.entities} entities", f"records: {records}",
                 f"{self.errors} errors"]
        if self.skipped:
            parts.append(f"{self.skipped} already done (skipped)")
        parts.append(f"{self.seconds:.1f} s, {self.docs_per_second:.1f} docs/s")
        return "; ".join(parts)


def _record_names() -> list[str]:
    return [name for name in record_fields() if name not in NOT_RECORDS]


ProgressCallback = Callable[[Summary, "Outcome | None"], None]


def run_batch(
    inputs: Sequence[str | Path | InlineInput],
    writer,
    options: BatchOptions = BatchOptions(),
    *,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    extractor_factory: ExtractorFactory | None = None,
    on_progress: ProgressCallback | None = None,
    on_message: Callable[[str], None] | None = None,
) -> Summary:
    """Extract every input and hand each record to ``writer`` (see :mod:`extractor.export`).

    ``inputs`` are file paths (already expanded: see :func:`expand_inputs`) or
    :class:`InlineInput` bytes. ``on_progress(summary, outcome)`` is called after each
    record (``outcome`` None for an input skipped by ``resume``); ``on_message`` gets
    notes for the user. The writer is neither closed nor aborted here.
    """
    summary = Summary()
    started = time.perf_counter()
    done = writer.done() if resume else Counter()
    if resume and on_message:
        other = sum(n for (key, _), n in done.items() if key and not key.endswith(":" + PIPELINE_VERSION))
        if other:
            on_message(f"{other} records in the output come from another pipeline version than "
                       f"{PIPELINE_VERSION}; their documents are extracted again")

    def skipped() -> None:
        summary.skipped += 1
        summary.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(summary, None)

    tasks = _tasks(inputs, done, skipped)
    inline = len(inputs) <= 1 or any(isinstance(i, InlineInput) for i in inputs)
    if engine == "dask" and not inline:
        from extractor.cluster import run_on_dask

        outcomes = run_on_dask(tasks, options, scheduler, on_message=on_message)
    elif engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}")
    elif options.jobs > 1 and not inline:
        from extractor.pool import run_in_pool

        outcomes = run_in_pool(tasks, options, extractor_factory)
    else:
        outcomes = run_inline(tasks, options, extractor_factory)
    for outcome in outcomes:
        writer.write(outcome.record)
        summary.add(outcome)
        summary.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(summary, outcome)
    summary.seconds = time.perf_counter() - started
    return summary


def _tasks(inputs: Iterable[str | Path | InlineInput], done: Counter, skipped: Callable[[], None]) -> Iterator[Task]:
    index = 0
    for item in inputs:
        if isinstance(item, InlineInput):
            task = Task(index, None, item.data, item.source)
            identity = (document_key(item.data), item.source)
        else:
            task = Task(index, str(item))
            identity = None
            if done:
                try:
                    identity = (file_key(task.path), task.path)
                except OSError:
                    identity = (None, task.path)  # an unreadable file gave an error record without key
                if done[identity] <= 0 and done[(None, task.path)] > 0:
                    # An error record without key: the file was not read then (over the size
                    # limit, unreadable, gone); it is this input's record whatever its bytes now.
                    identity = (None, task.path)
        if identity is not None and done[identity] > 0:
            done[identity] -= 1  # a report listed twice is written twice, as in a full run
            skipped()
            continue
        yield task
        index += 1


def run_inline(tasks: Iterable[Task], options: BatchOptions, factory: ExtractorFactory | None = None) -> Iterator[Outcome]:
    """Process tasks one by one in this process (``--jobs 1``)."""
    extractor = None
    for task in tasks:
        if extractor is None:
            if factory is not None:
                extractor = factory()
            else:
                from extractor import default_extractor

                extractor = default_extractor()
        yield process_task(task, options, extractor)
