"""Files that appear whole or not at all: a temporary file beside the target, renamed at the end."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO


class AtomicFile:
    """A binary file written under a temporary name and renamed onto ``path`` by :meth:`commit`.

    A reader never sees a half-written file, and an interrupted run leaves the previous
    file (or none) in place: :meth:`discard` removes the temporary file.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        self.temporary = Path(temporary)
        self.stream: BinaryIO = os.fdopen(handle, "wb")

    def commit(self) -> None:
        """Flush, sync and rename onto the target.

        The stream may have been closed by a library that wrote the temporary file by
        its name (pyarrow); it is then reopened to sync it.
        """
        if self.stream.closed:
            with open(self.temporary, "rb") as stream:
                os.fsync(stream.fileno())
        else:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
        os.replace(self.temporary, self.path)
        sync_directory(self.path.parent)

    def discard(self) -> None:
        """Remove the temporary file; the target is left as it was."""
        if not self.stream.closed:
            self.stream.close()
        self.temporary.unlink(missing_ok=True)


def sync_directory(directory: Path) -> None:
    """fsync a directory so that a rename in it survives a power loss (POSIX; a no-op elsewhere)."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
