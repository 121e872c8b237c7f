"""SQLite: one database holding every table, appendable across runs.

The tables and columns are those of :mod:`extractor.export.rows`, with integer
primary keys (``id``) and foreign keys: ``entities``, ``reports``, ``meetings``,
``decisions``, ``support``, ``record_people`` and ``list_items`` have
``document_id REFERENCES documents(id) ON DELETE CASCADE``; ``record_people`` and
``list_items`` also name their record by ``record_table`` and ``record_id`` (the
record tables differ, so that link is indexed but not declared). ``errors`` stands
alone.

Each document is one transaction: an interrupted run (Ctrl-C, ``kill -9``, power loss)
leaves whole documents only. A document is stored once per ``(key, source)`` —
the same bytes through the same pipeline from the same path — so running a batch
again, or resuming it, adds only what is missing; a new pipeline version adds new
rows beside the old ones (``documents.pipeline`` tells them apart). Columns that a
newer schema adds are added to an existing database (``ALTER TABLE ADD COLUMN``).

>>> import sqlite3                                                     # doctest: +SKIP
>>> db = sqlite3.connect("out.sqlite")                                 # doctest: +SKIP
>>> db.execute("SELECT source, amount FROM support JOIN documents d ON d.id = document_id")  # doctest: +SKIP
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from extractor.export import ExportError, Identity, Writer
from extractor.export.rows import DocumentRows, Table, document_rows, error_row, tables

_SQL_TYPES = {"int": "INTEGER", "float": "REAL", "bool": "INTEGER", "str": "TEXT", "any": ""}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_sql(table: Table, name: str, kind: str) -> str:
    if name == "id":
        return '"id" INTEGER PRIMARY KEY'
    if name == "document_id" and table.name != "documents":
        return '"document_id" INTEGER NOT NULL REFERENCES "documents"("id") ON DELETE CASCADE'
    # "any" has no declared type: SQLite then keeps each value as given (a DATE value
    # "2021" stays text, a MONEY value stays an integer).
    return f"{_quote(name)} {_SQL_TYPES[kind]}".rstrip()


def schema_statements() -> list[str]:
    """The CREATE statements of the database (tables, then indexes)."""
    statements = []
    for table in tables().values():
        columns = [_column_sql(table, c.name, c.type) for c in table.columns]
        statements.append(f"CREATE TABLE IF NOT EXISTS {_quote(table.name)} ({', '.join(columns)})")
    statements += [
        'CREATE UNIQUE INDEX IF NOT EXISTS "documents_key_source" ON "documents"("key", "source")',
        'CREATE INDEX IF NOT EXISTS "errors_key_source" ON "errors"("key", "source")',
    ]
    for table in tables().values():
        names = table.names
        if "document_id" in names:
            statements.append(
                f'CREATE INDEX IF NOT EXISTS "{table.name}_document" ON {_quote(table.name)}("document_id")'
            )
        if "record_id" in names:
            statements.append(
                f'CREATE INDEX IF NOT EXISTS "{table.name}_record" ON {_quote(table.name)}("record_table", "record_id")'
            )
    return statements


class SqliteWriter(Writer):
    """Write each document in its own transaction into the database at ``path``."""

    resumable = True

    def __init__(self, path: str | Path):
        super().__init__()
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        #: Documents not written because the database already had them.
        self.duplicates = 0
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            # WAL: readers can query while a batch writes; NORMAL sync keeps the database
            # consistent through a power loss (at worst the last documents are redone).
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._create()
        except sqlite3.DatabaseError as error:
            raise ExportError(f"{self.path}: cannot use it as a SQLite database ({error})") from None
        self._inserts = {
            table.name: f"INSERT INTO {_quote(table.name)} ({', '.join(map(_quote, table.names[1:]))}) "
                        f"VALUES ({', '.join('?' for _ in table.names[1:])})"
            for table in tables().values()
        }

    def _create(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for statement in schema_statements()[: len(tables())]:
                self.db.execute(statement)
            for table in tables().values():  # columns a newer schema added
                present = {row[1] for row in self.db.execute(f"PRAGMA table_info({_quote(table.name)})")}
                for column in table.columns:
                    if column.name not in present:
                        sql = _column_sql(table, column.name, column.type).replace(" NOT NULL", "")
                        self.db.execute(f"ALTER TABLE {_quote(table.name)} ADD COLUMN {sql}")
            for statement in schema_statements()[len(tables()):]:
                self.db.execute(statement)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def done(self) -> Counter[Identity]:
        rows = self.db.execute('SELECT "key", "source" FROM "documents" UNION ALL SELECT "key", "source" FROM "errors"')
        return Counter((key, source) for key, source in rows)

    def write(self, record: dict[str, Any]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if "error" in record:
                self._write_error(record)
            else:
                self._write_document(document_rows(record))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _exists(self, table: str, key: str | None, source: str | None) -> bool:
        query = f'SELECT 1 FROM {_quote(table)} WHERE "key" IS ? AND "source" IS ? LIMIT 1'
        return self.db.execute(query, (key, source)).fetchone() is not None

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        values = [row.get(name) for name in tables()[table].names[1:]]
        return self.db.execute(self._inserts[table], values).lastrowid

    def _write_error(self, record: dict[str, Any]) -> None:
        row = error_row(record)
        if self._exists("errors", row["key"], row["source"]):
            self.duplicates += 1
            return
        self._insert("errors", row)

    def _write_document(self, rows: DocumentRows) -> None:
        if self._exists("documents", rows.document["key"], rows.document["source"]):
            self.duplicates += 1
            return
        document_id = self._insert("documents", rows.document)
        names = tables()["entities"].names[1:]
        self.db.executemany(
            self._inserts["entities"],
            ([document_id if n == "document_id" else entity.get(n) for n in names] for entity in rows.entities),
        )
        for record in rows.records:
            record_id = self._insert(record.table, {**record.row, "document_id": document_id})
            for table, child in record.children:
                self._insert(table, {**child, "document_id": document_id, "record_id": record_id})

    def close(self) -> None:
        if self.closed:
            return
        super().close()
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()

    def abort(self) -> None:
        if self.closed:
            return
        super().abort()
        self.db.close()
