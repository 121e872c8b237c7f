"""Worker processes for a batch: the pipeline loaded once, documents streamed through.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: a document that hangs in C
code cannot be stopped there, and a worker killed by the kernel (out of memory) breaks
the whole executor. Here each worker is a process with a pipe; the parent gives each
one document at a time (:data:`PREFETCH`), kills a worker whose document runs past the time
limit (plus :data:`GRACE`), turns that document into an error record and starts a new
worker; the others go on. At most ``window`` documents are in flight or waiting for
their turn, so memory does not grow with the batch.

Workers are forked from a ``forkserver`` that has imported and warmed up the default
pipeline once (:mod:`extractor.preload`): a new worker is ready in milliseconds, shares
the loaded models copy-on-write, and a forkserver is safe to use from a parent that has
threads (the progress bar). Workers ignore Ctrl-C (the parent stops them) and exit when
the parent dies (their pipe closes).
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait

from extractor.batch import (
    BatchError,
    BatchOptions,
    ExtractorFactory,
    Outcome,
    Task,
    error_record,
    process_task,
    timeout_reason,
)

#: Documents a worker holds at once. One: a second one queued behind a slow document
#: would wait for it; the parent hands out the next document before writing results,
#: so a worker waits for a pipe round trip only (well under a millisecond).
PREFETCH = 1
#: Seconds past the time limit before a worker that did not stop by itself is killed.
GRACE = 5.0


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Takes effect when the forkserver starts (once per process); later calls are no-ops.
    context.set_forkserver_preload(["extractor.preload"])
    return context


def _serve(connection: Connection, options: BatchOptions, factory: ExtractorFactory | None) -> None:
    """A worker's life: load the pipeline, then extract the tasks that come down the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        if factory is not None:
            extractor = factory()
        else:
            from extractor import default_extractor

            extractor = default_extractor()
    except BaseException as error:
        connection.send(("failed", f"{type(error).__name__}: {error}"))
        return
    connection.send(("ready", None))
    while True:
        try:
            task = connection.recv()
            if task is None:
                return
            connection.send(("done", process_task(task, options, extractor)))
        except (EOFError, OSError):  # the parent is gone
            return


class _Worker:
    """One worker process, its pipe, and the tasks it holds (the first is running)."""

    def __init__(self, context, options: BatchOptions, factory: ExtractorFactory | None):
        self.connection, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(child, options, factory), daemon=True,
                                       name="congdoan-worker")
        self.process.start()
        child.close()
        self.tasks: deque[Task] = deque()
        self.running_since = 0.0
        self.ready = False

    def give(self, task: Task) -> None:
        self.connection.send(task)
        self.tasks.append(task)
        if len(self.tasks) == 1:
            self.running_since = time.monotonic()

    def finished(self) -> Task:
        task = self.tasks.popleft()
        self.running_since = time.monotonic()
        return task

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except OSError:
                pass
        self.process.join(timeout=0 if kill else 2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)
        self.connection.close()


def _death(process) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def run_in_pool(tasks: Iterable[Task], options: BatchOptions, factory: ExtractorFactory | None = None) -> Iterator[Outcome]:
    """Process ``tasks`` in ``options.jobs`` worker processes; outcomes in task order
    (``options.ordered``) or as they finish."""
    context = _context()
    jobs = max(1, options.jobs)
    window = options.window_size(jobs)
    limit = options.time_limit if options.time_limit and options.time_limit > 0 else None
    source = iter(tasks)
    requeued: deque[Task] = deque()  # tasks of a lost worker, given out again first
    finished: dict[int, Outcome] = {}
    next_out = 0  # ordered: index of the next outcome to hand out
    pulled = 0  # tasks taken from ``source``
    exhausted = False
    workers = [_Worker(context, options, factory) for _ in range(jobs)]

    def next_task() -> Task | None:
        nonlocal pulled, exhausted
        if requeued:
            return requeued.popleft()
        if exhausted:
            return None
        in_flight = sum(len(w.tasks) for w in workers)
        if (pulled - next_out if options.ordered else in_flight + len(finished)) >= window:
            return None
        task = next(source, None)
        if task is None:
            exhausted = True
            return None
        pulled += 1
        return task

    def lose(worker: _Worker, reason: str | None = None) -> Outcome | None:
        """Replace a dead or killed worker; its running task fails (``reason``, by default
        how it died), the others go back to be given out again."""
        index = workers.index(worker)
        death = _death(worker.process)  # before stop(), whose kill would be the cause otherwise
        worker.stop(kill=True)
        if not worker.ready:
            raise BatchError(f"a worker process died while loading the pipeline ({death})")
        reason = reason or f"the worker process died while extracting it ({death})"
        outcome = None
        if worker.tasks:
            task = worker.tasks.popleft()
            outcome = Outcome(task.index, error_record(task.path or task.source, reason))
            requeued.extendleft(reversed(worker.tasks))
        workers[index] = _Worker(context, options, factory)
        return outcome

    def dispatch() -> None:
        for worker in workers:
            while len(worker.tasks) < PREFETCH:
                task = next_task()
                if task is None:
                    break
                worker.give(task)

    try:
        while True:
            dispatch()
            busy = [w for w in workers if w.tasks]
            if not busy:
                if exhausted and not requeued:
                    break
                continue
            timeout = None
            running = [w for w in busy if w.ready]  # loading the pipeline is not under the limit
            if limit is not None and running:
                deadline = min(w.running_since for w in running) + limit + GRACE
                timeout = max(0.0, deadline - time.monotonic())
            ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout))
            done: list[Outcome] = []
            for worker in busy:
                if worker.connection in ready or worker.connection.poll():
                    try:
                        kind, payload = worker.connection.recv()
                    except (EOFError, OSError):
                        worker.process.join(timeout=1)
                        lost = lose(worker)
                        done += [lost] if lost else []
                        continue
                    if kind == "failed":
                        raise BatchError(f"a worker process could not load the pipeline: {payload}")
                    if kind == "ready":
                        worker.ready = True
                        worker.running_since = time.monotonic()  # its clock starts now, not while it loaded
                        continue
                    worker.finished()
                    done.append(payload)
                elif worker.process.sentinel in ready:
                    worker.process.join(timeout=1)
                    lost = lose(worker)
                    done += [lost] if lost else []
                elif worker.ready and limit is not None and time.monotonic() - worker.running_since > limit + GRACE:
                    lost = lose(worker, timeout_reason(limit))
                    done += [lost] if lost else []
            for outcome in done:
                if options.ordered:
                    finished[outcome.index] = outcome
            dispatch()  # before the results are written, so that no worker waits for that
            for outcome in done:
                if not options.ordered:
                    yield outcome
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
    finally:
        for worker in workers:
            worker.stop(kill=bool(worker.tasks))
