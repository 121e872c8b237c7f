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

from extractor.export import Writer
from extractor.export.files import AtomicFile
from extractor.export.rows import IdCounter, document_rows, error_row, numbered, tables


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


class CsvWriter(Writer):
    """Write the rows of every record into ``<folder>/<table>.csv``."""

    def __init__(self, folder: str | Path):
        super().__init__()
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._ids = IdCounter()
        self._files = {name: _TableFile(self.folder / f"{name}.csv", table.names) for name, table in tables().items()}

    def write(self, record: dict[str, Any]) -> None:
        if "error" in record:
            self._files["errors"].write({"id": self._ids.next("errors"), **error_row(record)})
            return
        for table, row in numbered(document_rows(record), self._ids):
            self._files[table].write(row)

    def close(self) -> None:
        if self.closed:
            return
        super().close()
        for table in self._files.values():
            table.commit()

    def abort(self) -> None:
        if self.closed:
            return
        super().abort()
        for table in self._files.values():
            table.discard()
