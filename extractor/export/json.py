"""JSON: one object for a single input, else a list, streamed item by item.

The layout is what ``json.dumps(records, indent=2)`` gives, written one item at a time
so that memory does not grow with the batch. To a file it is written atomically
(temporary file, renamed at the end); an aborted run leaves the previous file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from extractor.export import Writer
from extractor.export.files import AtomicFile


class JsonWriter(Writer):
    """Write records as one JSON document to a file or stdout (``output=None``)."""

    def __init__(self, output: str | Path | None, *, single: bool = False):
        super().__init__()
        self.single = single
        self._count = 0
        self._file = AtomicFile(output) if output is not None else None
        self._stdout = getattr(sys.stdout, "buffer", None) if self._file is None else None

    def _emit(self, text: str) -> None:
        if self._file is not None:
            self._file.stream.write(text.encode("utf-8"))
        elif self._stdout is not None:
            self._stdout.write(text.encode("utf-8"))
            self._stdout.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()

    def write(self, record: dict[str, Any]) -> None:
        dumped = json.dumps(record, ensure_ascii=False, indent=2)
        if self.single:
            if self._count:
                raise ValueError("a single-object JSON output takes one record")
            self._emit(dumped + "\n")
        else:
            # Strings never hold a raw newline in JSON, so every line break is layout.
            item = "\n".join("  " + line for line in dumped.split("\n"))
            self._emit(("[\n" if self._count == 0 else ",\n") + item)
        self._count += 1

    def close(self) -> None:
        if self.closed:
            return
        super().close()
        if not self.single:
            self._emit("[]\n" if self._count == 0 else "\n]\n")
        if self._file is not None:
            self._file.commit()

    def abort(self) -> None:
        if self.closed:
            return
        super().abort()
        if self._file is not None:
            self._file.discard()
