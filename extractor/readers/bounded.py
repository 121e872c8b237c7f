"""Run a reader in a worker process that is killed when it takes too long.

PDF and Word parsers are code we do not control: a malformed or hostile file can make
them loop, or inflate a small zip into gigabytes. Bounded calls therefore run in a
worker process (``python -m extractor.readers.worker``) with a memory limit; the caller
waits at most ``seconds`` for the answer and kills the worker when it is late. The
worker is started on first use and reused for the next documents (one per thread), so
a call costs milliseconds, not an interpreter start; a killed worker is replaced on the
next call. Any failure comes back as :class:`InputError`, never as a hang.

A plain subprocess rather than :mod:`multiprocessing`: its ``spawn``/``forkserver``
children re-import the caller's main script (a trap for scripts without an
``if __name__ == "__main__"`` guard), and ``fork`` is unsafe in a process whose NLP
libraries have started threads.

>>> import time
>>> run_bounded(time.sleep, 5, seconds=0.5, source="slow.pdf", what="reading the PDF")
Traceback (most recent call last):
...
extractor.readers.base.InputError: slow.pdf: reading the PDF took longer than 0.5 s (the time limit); ...
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from extractor.readers.base import InputError

#: Address-space limit of the worker process (POSIX), bytes.
DEFAULT_MEMORY_BYTES = 4 * 2**30

_local = threading.local()
_workers: list["_Worker"] = []


class _Worker:
    """One worker process and the two pipe ends to talk to it."""

    def __init__(self, memory_bytes: int | None):
        self.memory_bytes = memory_bytes
        package_root = str(Path(__file__).resolve().parents[2])
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, environment.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "extractor.readers.worker", str(memory_bytes or 0)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
        )
        self.send = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.receive = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for connection in (self.send, self.receive):
            try:
                connection.close()
            except OSError:
                pass


def _worker(memory_bytes: int | None) -> _Worker:
    worker = getattr(_local, "worker", None)
    if worker is None or worker.process.poll() is not None or worker.memory_bytes != memory_bytes:
        if worker is not None:
            worker.stop()
        worker = _Worker(memory_bytes)
        _local.worker = worker
        _workers.append(worker)
    return worker


def _discard(worker: _Worker) -> None:
    worker.stop()
    if getattr(_local, "worker", None) is worker:
        _local.worker = None


@atexit.register
def _stop_all() -> None:
    for worker in _workers:
        worker.stop()


def run_bounded(
    function: Callable[..., Any],
    *args: Any,
    seconds: float,
    source: str,
    what: str,
    memory_bytes: int | None = DEFAULT_MEMORY_BYTES,
) -> Any:
    """Return ``function(*args)`` computed in the worker process, or raise :class:`InputError`.

    ``function`` must be importable by name (a module-level function) and its arguments
    and result picklable. The first call also starts the worker (about half a second,
    not counted in ``seconds``).
    """
    worker = _worker(memory_bytes)
    try:
        worker.send.send((function.__module__, function.__qualname__, args))
        # The worker says it is ready before it works, so its start is not timed.
        if not worker.receive.poll(60):
            raise TimeoutError
        worker.receive.recv()
        if not worker.receive.poll(seconds):
            _discard(worker)
            raise InputError(
                source,
                f"{what} took longer than {seconds:g} s (the time limit); the file may be damaged "
                "or very large: check it, or raise the limit (timeout=)",
            )
        status, payload = worker.receive.recv()
    except (EOFError, OSError, TimeoutError):
        code = worker.process.poll()
        _discard(worker)
        raise InputError(
            source,
            f"{what} failed: the worker process stopped (exit code {code}), "
            "probably out of memory on a damaged or huge file",
        ) from None
    if status == "ok":
        return payload
    if status == "input-error":
        raise InputError(source, payload)
    if status == "memory":
        _discard(worker)
        limit = f"{memory_bytes / 2**30:g} GiB" if memory_bytes else "the available memory"
        raise InputError(
            source, f"{what} needs more memory than {limit} (the memory limit); the file may be a zip bomb or damaged"
        )
    raise InputError(source, f"{what} failed ({payload})")
