"""`congdoan extract`: reports in, grounded entities and records out, at archive scale.

A thin layer over :func:`extractor.batch.run_batch` and :mod:`extractor.export`: it
expands the paths, picks the format, shows progress and turns the outcome into the
exit status.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cli.output import BatchProgress
from extractor.batch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIME_LIMIT,
    BatchError,
    BatchOptions,
    InlineInput,
    expand_inputs,
    forget_errors,
    run_batch,
)
from extractor.export import ExportError, open_writer
from extractor.reading import InputError


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    sqlite = "sqlite"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _inputs(paths: list[str], include_images: bool, problem) -> list[str | InlineInput]:
    """Every report named by ``paths``; a path that names none goes to ``problem``."""
    inputs: list[str | InlineInput] = []
    for raw in paths:
        if raw == "-":
            inputs.append(InlineInput(sys.stdin.buffer.read()))
            continue
        for item in expand_inputs([raw], include_images=include_images):
            if isinstance(item, InputError):
                problem(str(item))
            else:
                inputs.append(item)
    return inputs


def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Report files, folders (every report below), globs ('archive/**/*.txt') or - for stdin.", show_default=False)],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write here instead of stdout: a file (jsonl, json, sqlite) or a folder (csv, parquet).")] = None,
    fmt: Annotated[OutputFormat | None, typer.Option("--format", "-f", help="jsonl, json, csv, sqlite or parquet. Default: from the -o suffix (.jsonl, .json, .sqlite, .db), else json for one file or stdin and jsonl for several inputs.", show_default=False)] = None,
    no_text: Annotated[bool, typer.Option("--no-text", help="Leave the input text out of the output.")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: the number of CPUs); 1 runs in this process.", show_default=False)] = None,
    unordered: Annotated[bool, typer.Option("--unordered", help="Write results as they finish rather than in input order.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run into the same -o (jsonl, sqlite): inputs already written are skipped.")] = False,
    retry_errors: Annotated[bool, typer.Option("--retry-errors", help="With --resume: inputs whose record in the output is an error record are extracted again, and the new record replaces it (one record per input).")] = False,
    time_limit: Annotated[float, typer.Option("--time-limit", min=0, help="Seconds one document may take to extract; then it is an error record (0: no limit). Local and Dask engines.")] = DEFAULT_TIME_LIMIT,
    max_size: Annotated[float, typer.Option("--max-size", min=0, help="Files larger than this many MiB are error records.")] = DEFAULT_MAX_BYTES / 2**20,
    encoding: Annotated[str | None, typer.Option("--encoding", "-e", help="Read text files in this encoding instead of detecting it: utf-8, utf-16, cp1258, tcvn3 (ABC), vni.", show_default=False)] = None,
    ocr: Annotated[bool, typer.Option("--ocr", help="Folders also expand to images (.png, .jpg, .tif), read through OCR.")] = False,
    engine: Annotated[Engine, typer.Option("--engine", help="local: worker processes here; dask: a Dask cluster (needs pip install \"congdoan\\[dask]\").")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of the Dask scheduler (tcp://host:8786) for --engine dask; default: a local cluster of --jobs workers.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary on stderr (errors are still named).")] = False,
) -> None:
    """Extract entities (money, counts, percentages, dates, document references, people,
    organisations, places) and records (report, meetings, decisions, support figures)
    from reports, every value with the offsets of its evidence.

    Each input gives one record: a document, or {"source", "key", "error"} for a file
    that cannot be read (undecodable, binary, over --max-size) or extracted (the
    extractor failed, --time-limit passed); the batch goes on and each such file is
    named on stderr. A progress bar and a closing summary go to stderr when it is a
    terminal (the summary also otherwise), unless --quiet.

    Outputs: jsonl, one record per line, flushed as written (to -o FILE through
    FILE.partial, renamed when the run ends); json, one object for one input, else a
    list; csv and parquet, one file per table in the -o folder; sqlite, one database,
    appended to. json, csv and parquet files are written whole or not at all.

    --resume skips the inputs already in the output, error records included; with
    --retry-errors the error records of the inputs given are taken out of the output
    first (jsonl: into FILE.partial, renamed when the run ends; sqlite: deleted from
    the errors table) and those inputs are extracted again.

    Exit status: 0 when every document was extracted; 1 when some documents failed
    (error records); 2 on a usage error (a bad option or combination), when an input
    named on the command line could not be read at all (a missing path, a folder or
    glob without reports, or the one file or stdin given that cannot be read, in which
    case nothing is written), or when the batch could not run (workers or cluster).
    A run interrupted with Ctrl-C exits 130; --resume continues it.
    """
    problems: list[str] = []

    def problem(message: str) -> None:
        problems.append(message)
        typer.echo(f"error: {message}", err=True)

    if scheduler and engine is not Engine.dask:
        _usage("--scheduler needs --engine dask")
    if retry_errors and not resume:
        _usage("--retry-errors works with --resume: it retries the error records of an earlier run into the same -o")
    inputs = _inputs(paths, ocr, problem)
    single = len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).is_file())
    fmt = fmt or _format_of(output) or (OutputFormat.json if single else OutputFormat.jsonl)
    if not inputs:
        raise typer.Exit(2)
    try:
        retried = forget_errors(fmt.value, output, inputs) if retry_errors else 0
        writer = open_writer(fmt.value, output, resume=resume, single=single and fmt is OutputFormat.json)
    except ExportError as error:
        _usage(str(error))
    if retried and not quiet:
        typer.echo(f"{retried} error records taken out of the output; their inputs are extracted again", err=True)
    if single:
        writer = _OneRecord(writer)

    options = BatchOptions(
        jobs=jobs or _cpus(),
        ordered=not unordered,
        include_text=not no_text,
        time_limit=time_limit or None,
        max_bytes=int(max_size * 2**20),
        encoding=encoding,
    )
    progress = BatchProgress(total=len(inputs), enabled=False if quiet else None)
    summary = None
    try:
        with writer, progress:
            summary = run_batch(
                inputs, writer, options, resume=resume, engine=engine.value, scheduler=scheduler,
                on_progress=progress.update, on_message=None if quiet else progress.echo,
            )
            writer.close()
    except KeyboardInterrupt:
        typer.echo(f"interrupted: {_resume_hint(fmt, output)}", err=True)
        raise typer.Exit(130) from None
    except BatchError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None

    if not quiet:
        typer.echo(f"done: {summary.line()}", err=True)
    if problems or (single and summary.errors):
        raise typer.Exit(2)
    if summary.errors:
        raise typer.Exit(1)


_SUFFIXES = {".jsonl": OutputFormat.jsonl, ".ndjson": OutputFormat.jsonl, ".json": OutputFormat.json,
             ".sqlite": OutputFormat.sqlite, ".sqlite3": OutputFormat.sqlite, ".db": OutputFormat.sqlite}


def _format_of(output: str | None) -> OutputFormat | None:
    """The format an output's name asks for: ``out.sqlite`` -> sqlite."""
    return _SUFFIXES.get(Path(output).suffix.lower()) if output and output != "-" else None


def _cpus() -> int:
    """CPUs this process may run on (a container's share, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class _OneRecord:
    """The writer of a single input: holds its record until the end, so that a failure
    writes nothing rather than a result that looks like one."""

    def __init__(self, writer):
        self.writer = writer
        self.record = None

    def done(self):
        return self.writer.done()

    def write(self, record: dict) -> None:
        self.record = record

    def close(self) -> None:
        if self.record is None or "error" in self.record:
            self.writer.abort()
            return
        self.writer.write(self.record)
        self.writer.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        if not self.writer.closed:
            self.writer.abort()


def _resume_hint(fmt: OutputFormat, output: str | None) -> str:
    if output and fmt in (OutputFormat.jsonl, OutputFormat.sqlite):
        return "what was extracted is kept; run the same command with --resume to finish"
    return "nothing was written"


def _usage(message: str):
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)
