"""Writing results (whole or not at all) and telling the user how a batch goes (stderr)."""

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


class BatchProgress:
    """A rich progress bar on stderr (documents done/total, docs/s, ETA, errors so far)
    when stderr is a terminal; otherwise silent. Error lines go above the bar.

    Used as a context manager around a batch; :meth:`update` is its progress callback.
    """

    def __init__(self, total: int, enabled: bool | None = None):
        self.total = total
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._progress = None
        self._task = None

    def __enter__(self) -> "BatchProgress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} docs/s"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[errors]} errors"),
                console=Console(stderr=True),
                transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task("extract", total=self.total, rate=0.0, errors=0)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, summary, outcome) -> None:
        """Advance by one document (``outcome`` None: skipped as already done)."""
        if outcome is not None and outcome.failed:
            self.error(f"{outcome.source}: {outcome.record['error']}")
        if self._progress is not None:
            done = summary.processed + summary.skipped
            self._progress.update(self._task, completed=done, rate=summary.docs_per_second, errors=summary.errors)

    def error(self, message: str) -> None:
        """One line ``error: ...`` on stderr, above the bar when there is one."""
        self.echo(f"error: {message}")

    def echo(self, message: str) -> None:
        if self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
