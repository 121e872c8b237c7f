"""The batch on a Dask cluster (``dask.distributed``): the optional extra ``congdoan[dask]``.

Each document is one task running :func:`extractor.batch.process_file` on a worker, by
its path: the workers must see the files under the same paths (a shared or mounted
folder) and have the same congdoan installed. A worker process loads the pipeline once
(:func:`extractor.batch.shared_extractor`) and keeps it; at most ``window`` tasks are
submitted at a time and results stream back (in input order, or as they finish) to the
same writers as a local run.

The per-document time limit (``BatchOptions.time_limit``) is enforced on the worker by
the same :func:`extractor.batch.time_limit` as in a local run: a Dask task runs in a
worker thread, where a timer raises :class:`~extractor.batch.DocumentTimeout` in that
thread, and the document becomes the same error record (its path and the reason); the
worker and the batch go on. As locally, the exception arrives between Python bytecodes;
unlike the local process pool, no worker is killed when one call into C code runs on
past the limit (its document ends as an error record when the call returns): use the
cluster's own limits against such hangs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from extractor.batch import (
    PIPELINE_VERSION,
    BatchError,
    BatchOptions,
    Outcome,
    Task,
    error_record,
    process_task,
    shared_extractor,
)

INSTALL_HINT = 'pip install "congdoan[dask]"'


def _distributed():
    try:
        import distributed
    except ImportError:
        raise BatchError(f"--engine dask needs dask.distributed, which is not installed: {INSTALL_HINT}") from None
    return distributed


def warm_worker() -> str:
    """Load the pipeline on a worker before its first document; returns its pipeline version."""
    shared_extractor()
    return PIPELINE_VERSION


def dask_task(task: Task, options: BatchOptions) -> Outcome:
    """What a Dask worker runs for one document (in one of its threads): the local
    engine's :func:`~extractor.batch.process_task`, time limit included."""
    return process_task(task, options, shared_extractor())


def run_on_dask(
    tasks: Iterable[Task],
    options: BatchOptions,
    scheduler: str | None,
    *,
    on_message: Callable[[str], None] | None = None,
) -> Iterator[Outcome]:
    """Process ``tasks`` on the cluster at ``scheduler`` (``tcp://host:8786``), or on a
    local cluster of ``options.jobs`` worker processes when it is None."""
    distributed = _distributed()
    cluster = None
    try:
        if scheduler:
            # Waits up to the connect timeout of Dask's config (distributed.comm.timeouts.connect).
            client = distributed.Client(scheduler)
        else:
            cluster = distributed.LocalCluster(n_workers=max(1, options.jobs), threads_per_worker=1,
                                               processes=True, dashboard_address=":0")
            client = distributed.Client(cluster)
    except (OSError, TimeoutError) as error:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    try:
        versions = client.run(warm_worker)
        other = {v for v in versions.values() if v != PIPELINE_VERSION}
        if other and on_message:
            on_message(f"Dask workers run pipeline {', '.join(sorted(other))}, this client {PIPELINE_VERSION}")
        workers = max(1, len(versions))
        yield from _stream(client, distributed, tasks, options, workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _stream(client, distributed, tasks: Iterable[Task], options: BatchOptions, workers: int) -> Iterator[Outcome]:
    window = options.window_size(workers)
    source = iter(tasks)
    running: dict[str, Task] = {}  # future key -> task
    finished: dict[int, Outcome] = {}
    next_out = 0
    pulled = 0
    completed = distributed.as_completed()

    def submit() -> None:
        nonlocal pulled
        while (pulled - next_out if options.ordered else len(running)) < window:
            task = next(source, None)
            if task is None:
                return
            future = client.submit(dask_task, task, options, pure=False)
            running[future.key] = task
            completed.add(future)
            pulled += 1

    submit()
    while running:
        future = next(completed)
        task = running.pop(future.key)
        try:
            outcome = future.result()
        except Exception as error:  # the task never ran to the end (a worker died ...)
            outcome = Outcome(task.index, error_record(task.path or task.source,
                                                       f"the Dask task failed: {type(error).__name__}: {error}"))
        future.release()
        if options.ordered:
            finished[outcome.index] = outcome
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
        else:
            yield outcome
            next_out += 1
        submit()
