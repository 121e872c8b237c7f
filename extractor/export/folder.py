"""Writers of one file per table in a folder (CSV, Parquet): the shared bookkeeping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractor.export import Writer
from extractor.export.rows import IdCounter, Table, document_rows, error_row, numbered, tables


class TableFolderWriter(Writer):
    """Rows of every record into ``<folder>/<table><suffix>``, each file committed at the end.

    Subclasses give the suffix and how one table's file is opened; the file object has
    ``write(row)``, ``commit()`` (atomic rename into place) and ``discard()``.
    """

    suffix = ""

    def __init__(self, folder: str | Path):
        super().__init__()
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._ids = IdCounter()
        self._files = {name: self.open_table(self.folder / f"{name}{self.suffix}", table)
                       for name, table in tables().items()}

    def open_table(self, path: Path, table: Table) -> Any:
        raise NotImplementedError

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
