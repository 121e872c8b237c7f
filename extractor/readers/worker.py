"""The worker process of :mod:`extractor.readers.bounded` (``python -m extractor.readers.worker``).

It reads ``(module, function, args)`` requests from stdin, answers ``("ready", None)``
at once and then ``(status, payload)`` on stdout, until stdin closes. Library output is
sent to stderr so that it cannot corrupt the answers.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from multiprocessing.connection import Connection

try:
    import resource
except ImportError:  # pragma: no cover - not POSIX
    resource = None


def _limit_memory(memory_bytes: int) -> None:
    if memory_bytes and resource is not None:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        except (ValueError, OSError):  # a lower hard limit is already in force
            pass


def _answer(module: str, name: str, args: tuple) -> tuple[str, object]:
    from extractor.readers.base import InputError

    try:
        function = importlib.import_module(module)
        for part in name.split("."):
            function = getattr(function, part)
        return ("ok", function(*args))
    except InputError as error:
        return ("input-error", error.reason)
    except MemoryError:
        return ("memory", None)
    except RecursionError:
        return ("error", "the file is nested too deeply")
    except Exception as error:  # noqa: BLE001 - every failure must come back as a reason
        return ("error", f"{type(error).__name__}: {error}"[:300])


def main() -> None:
    requests = Connection(os.dup(0), writable=False)
    answers = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.disable(logging.CRITICAL)  # pypdf and others log warnings about damaged files
    _limit_memory(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    while True:
        try:
            module, name, args = requests.recv()
        except (EOFError, OSError):
            return
        answers.send(("ready", None))
        message = _answer(module, name, args)
        try:
            answers.send(message)
        except MemoryError:
            answers.send(("memory", None))


if __name__ == "__main__":
    main()
