"""Writing results: whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and an atomic rename.

    A reader never sees a half-written file, and an interrupted run leaves the previous
    file (or none) in place.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_output(content: str, output: str | None) -> None:
    """Write to ``output`` atomically, or to stdout when it is None or ``-``."""
    if output is None or output == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        write_atomic(output, content)
