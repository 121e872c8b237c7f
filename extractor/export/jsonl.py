"""JSON Lines: one document or error record per line, flushed as written, resumable.

To a file ``out.jsonl`` the lines go to ``out.jsonl.partial`` first, flushed line by
line and synced to disk every ``fsync_every`` documents; the finished run renames it
to ``out.jsonl``. An interrupted run (Ctrl-C, ``kill -9``, power loss) leaves the
``.partial`` file, which ``resume=True`` continues: a last line cut short (or the
zeros a power loss can leave) is cut off, and :meth:`JsonlWriter.done` lists the inputs
already written. Resuming when only a finished ``out.jsonl`` exists appends to it.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any, BinaryIO

from extractor.export import ExportError, Identity, Writer, record_identity
from extractor.export.files import sync_directory


def partial_path(path: str | Path) -> Path:
    """Where an unfinished JSON Lines output lives: ``out.jsonl`` -> ``out.jsonl.partial``."""
    path = Path(path)
    return path.with_name(path.name + ".partial")


class JsonlWriter(Writer):
    """Write records as JSON Lines to a file or stdout (``output=None``)."""

    resumable = True

    def __init__(self, output: str | Path | None, *, resume: bool = False, fsync_every: int = 64):
        super().__init__()
        self.fsync_every = max(1, fsync_every)
        self._since_sync = 0
        self._done: Counter[Identity] = Counter()
        #: Bytes cut off the end of the file being resumed (a line cut short).
        self.repaired = 0
        self._written = 0
        self._fresh = False
        self.path = Path(output) if output is not None else None
        if self.path is None:
            self._target: Path | None = None
            self._stream: BinaryIO = getattr(sys.stdout, "buffer", None) or _TextAsBinary(sys.stdout)
            return
        partial = partial_path(self.path)
        if resume and partial.exists():
            self._target = partial
        elif resume and self.path.exists():
            self._target = self.path  # a finished output: new lines are appended to it
        else:
            self._target = partial
            self._target.parent.mkdir(parents=True, exist_ok=True)
            self._target.write_bytes(b"")
            self._fresh = True
        if resume:
            self._done, self.repaired = _scan(self._target)
        try:
            self._stream = open(self._target, "ab")
        except OSError as error:
            raise ExportError(f"{self._target}: cannot write ({error.strerror})") from None

    @property
    def target(self) -> Path | None:
        """The file lines are written to now (the ``.partial`` file, or the output when appending)."""
        return self._target

    def done(self) -> Counter[Identity]:
        return Counter(self._done)

    def write(self, record: dict[str, Any]) -> None:
        # One write per line, flushed: a crash can only cut the last line short.
        self._stream.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        self._stream.flush()
        self._written += 1
        if self._target is not None:
            self._since_sync += 1
            if self._since_sync >= self.fsync_every:
                os.fsync(self._stream.fileno())
                self._since_sync = 0

    def close(self) -> None:
        if self.closed:
            return
        super().close()
        self._stream.flush()
        if self._target is None:
            return
        os.fsync(self._stream.fileno())
        self._stream.close()
        if self._target != self.path:
            os.replace(self._target, self.path)
            sync_directory(self.path.parent)

    def abort(self) -> None:
        """Keep what was written, flushed and synced, for ``resume`` (an empty new
        ``.partial`` file is removed)."""
        if self.closed:
            return
        super().abort()
        try:
            self._stream.flush()
            if self._target is not None:
                os.fsync(self._stream.fileno())
                self._stream.close()
                if self._fresh and not self._written:
                    self._target.unlink(missing_ok=True)
        except (OSError, ValueError):
            pass


def _scan(path: Path) -> tuple[Counter[Identity], int]:
    """The identities of the complete lines of ``path``; cut off what follows the last one.

    A line is complete when it ends with a newline and parses as a JSON object. The first
    incomplete line ends the scan: what follows it is cut too, since a power loss can
    leave a block of zeros or a torn write before later lines.
    """
    done: Counter[Identity] = Counter()
    good = 0
    with open(path, "rb") as stream:
        for line in stream:
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                break
            if not isinstance(record, dict):
                break
            done[record_identity(record)] += 1
            good += len(line)
    size = path.stat().st_size
    if size > good:
        with open(path, "r+b") as stream:
            stream.truncate(good)
            os.fsync(stream.fileno())
    return done, size - good


class _TextAsBinary:
    """A binary face on a text stream without ``.buffer`` (some test runners' stdout)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, data: bytes) -> int:
        return self._stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()
