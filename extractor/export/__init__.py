"""Writers for the results of a batch: JSON Lines, JSON, CSV, SQLite and Parquet.

A writer takes records one at a time, in the order they should appear: a document
(``ExtractedDocument`` as JSON plus its ``key``) or an error record
``{"source": path, "key": ..., "error": reason}``. Memory does not grow with the
number of documents: every writer streams.

>>> writer = open_writer("jsonl", "out.jsonl")          # doctest: +SKIP
>>> writer.write({"source": "a.txt", "key": "…", "entities": []})  # doctest: +SKIP
>>> writer.close()                                       # doctest: +SKIP

``close()`` makes the output final; ``abort()`` leaves no half output (JSON, CSV,
Parquet: the temporary files are removed) or a resumable one (JSON Lines: the
``.partial`` file, flushed line by line; SQLite: the documents committed so far).
Writers that can resume (``jsonl``, ``sqlite``) tell which inputs they already hold
through :meth:`Writer.done`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

__all__ = ["FORMATS", "ExportError", "Writer", "open_writer", "record_identity"]

#: Output formats, in the order the command help lists them.
FORMATS = ("jsonl", "json", "csv", "sqlite", "parquet")
#: Formats that can continue an interrupted run.
RESUMABLE = ("jsonl", "sqlite")
#: Formats written to a folder (one file per table) rather than one file.
DIRECTORY_FORMATS = ("csv", "parquet")

Identity = tuple[str | None, str | None]


class ExportError(Exception):
    """An output that cannot be written as asked; the message says how to fix it."""


def record_identity(record: dict[str, Any]) -> Identity:
    """What identifies an input in an output: ``(key, source)``.

    The key (content hash and pipeline version) says the same bytes went through the
    same pipeline; the source keeps two copies of one report in two folders apart, as
    an uninterrupted run would write both.
    """
    return record.get("key"), record.get("source")


class Writer:
    """Base of the writers: records in, one output out."""

    #: Whether :meth:`done` can list what an earlier run wrote.
    resumable = False

    def __init__(self) -> None:
        self.closed = False

    def done(self) -> Counter[Identity]:
        """Identities of the records already in the output (for ``--resume``)."""
        return Counter()

    def write(self, record: dict[str, Any]) -> None:
        """Write one document or error record."""
        raise NotImplementedError

    def close(self) -> None:
        """Make the output final."""
        self.closed = True

    def abort(self) -> None:
        """Stop without making a half output final."""
        self.closed = True

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self.closed:
            self.abort()


def open_writer(
    fmt: str,
    output: str | Path | None,
    *,
    resume: bool = False,
    single: bool = False,
    fsync_every: int = 64,
) -> Writer:
    """The writer of ``fmt`` to ``output`` (None or ``-``: stdout, for jsonl and json).

    ``single`` writes one JSON object instead of a list (json only); ``resume`` continues
    an earlier output (jsonl, sqlite); ``fsync_every`` documents a JSON Lines file is
    synced to disk. Raises :class:`ExportError` when the combination makes no sense.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output == "-":
        output = None
    if resume and fmt not in RESUMABLE:
        raise ExportError(f"--resume works with --format {' or '.join(RESUMABLE)}, not {fmt}")
    if resume and output is None:
        raise ExportError("--resume needs an output file to continue: add -o FILE")
    if output is None and fmt not in ("jsonl", "json"):
        where = "a folder (-o DIR)" if fmt in DIRECTORY_FORMATS else "a file (-o FILE)"
        raise ExportError(f"--format {fmt} is written to {where}, not to stdout")
    if output is not None and fmt in DIRECTORY_FORMATS and Path(output).exists() and not Path(output).is_dir():
        raise ExportError(f"{output}: exists and is not a folder; --format {fmt} writes one file per table into a folder")
    if output is not None and fmt not in DIRECTORY_FORMATS and Path(output).is_dir():
        raise ExportError(f"{output}: is a folder; --format {fmt} writes one file (-o FILE)")

    if fmt == "jsonl":
        from extractor.export.jsonl import JsonlWriter

        return JsonlWriter(output, resume=resume, fsync_every=fsync_every)
    if fmt == "json":
        from extractor.export.json import JsonWriter

        return JsonWriter(output, single=single)
    if fmt == "csv":
        from extractor.export.csv import CsvWriter

        return CsvWriter(output)
    if fmt == "sqlite":
        from extractor.export.sqlite import SqliteWriter

        return SqliteWriter(output)
    from extractor.export.parquet import ParquetWriter

    return ParquetWriter(output)
