"""CSV: one file per table in a folder (``documents.csv``, ``entities.csv`` ... ``errors.csv``).

The tables and columns are those of :mod:`extractor.export.rows`; every file is
written, with its header, even when it has no rows, so the layout does not depend on
the data. UTF-8 without BOM, ``\\r\\n`` line ends (RFC 4180), empty cells for null,
``true``/``false`` for booleans. Each file is written atomically (temporary file,
renamed when the batch ends); an aborted run leaves the folder as it was. Excel wants
a BOM to show Vietnamese: open the files through Data > From Text/CSV > UTF-8.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from extractor.export.files import AtomicFile
from extractor.export.folder import TableFolderWriter
from extractor.export.rows import Table


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class _TableFile:
    def __init__(self, path: Path, columns: list[str]):
        self.file = AtomicFile(path)
        self.text = io.TextIOWrapper(self.file.stream, encoding="utf-8", newline="")
        self.columns = columns
        self.writer = csv.writer(self.text)
        self.writer.writerow(columns)

    def write(self, row: dict[str, Any]) -> None:
        self.writer.writerow([_cell(row.get(name)) for name in self.columns])

    def commit(self) -> None:
        self.text.flush()
        self.text.detach()
        self.file.commit()

    def discard(self) -> None:
        try:
            self.text.detach()  # flushes into the temporary file, which is removed next
        except (ValueError, OSError):
            pass
        self.file.discard()


class CsvWriter(TableFolderWriter):
    """Write the rows of every record into ``<folder>/<table>.csv``."""

    suffix = ".csv"

    def open_table(self, path: Path, table: Table) -> "_TableFile":
        return _TableFile(path, table.names)
