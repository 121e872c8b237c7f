"""Parquet: one file per table in a folder (``documents.parquet`` ... ``errors.parquet``).

Needs pyarrow, the optional extra ``pip install "congdoan[parquet]"``. Tables and
columns are those of :mod:`extractor.export.rows`; types are int64, float64, bool and
string; ``entities.value`` (integer, number or text by label) is stored as text.
Rows are buffered per table and written as row groups of :data:`ROW_GROUP` rows, so
memory stays bounded. Each file is written under a temporary name and renamed when the
batch ends; an aborted run leaves the folder as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractor.export import ExportError
from extractor.export.files import AtomicFile
from extractor.export.folder import TableFolderWriter
from extractor.export.rows import Table

#: Rows per row group (and per table buffer).
ROW_GROUP = 2000

INSTALL_HINT = 'pip install "congdoan[parquet]"'


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ExportError(f"--format parquet needs pyarrow, which is not installed: {INSTALL_HINT}") from None
    return pyarrow


def arrow_schema(table: Table):
    """The Arrow schema of one table."""
    pa = _pyarrow()
    kinds = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string(), "any": pa.string()}
    return pa.schema([pa.field(c.name, kinds[c.type]) for c in table.columns])


class _TableFile:
    def __init__(self, path: Path, table: Table):
        pa = _pyarrow()
        self.table = table
        self.schema = arrow_schema(table)
        self.text_columns = [c.name for c in table.columns if c.type == "any"]
        self.file = AtomicFile(path)
        self.file.stream.close()  # pyarrow writes the temporary file by its name
        self.writer = pa.parquet.ParquetWriter(str(self.file.temporary), self.schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        for name in self.text_columns:
            if row.get(name) is not None:
                row[name] = str(row[name])
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            pa = _pyarrow()
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def commit(self) -> None:
        self.flush()
        self.writer.close()
        self.file.commit()

    def discard(self) -> None:
        try:
            self.writer.close()
        except Exception:  # a half-written file is removed anyway
            pass
        self.file.discard()


class ParquetWriter(TableFolderWriter):
    """Write the rows of every record into ``<folder>/<table>.parquet``."""

    suffix = ".parquet"

    def __init__(self, folder: str | Path):
        _pyarrow()  # fail with the install hint before creating anything
        super().__init__(folder)

    def open_table(self, path: Path, table: Table) -> "_TableFile":
        return _TableFile(path, table)
