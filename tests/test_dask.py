"""`--engine dask`: the same batch on a Dask cluster (a LocalCluster of two worker
processes here) writes what the local engine writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor.batch import document_key, process_file

distributed = pytest.importorskip("distributed", reason='the dask extra is not installed: pip install "congdoan[dask]"')

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "documents"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("dask")
    paths = [str(p) for p in sorted(CORPUS.glob("syn_1*.txt"))[:5]]
    binary = folder / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    return [*paths[:2], str(binary), *paths[2:]]


def _jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_dask_engine_writes_what_the_local_engine_writes(cluster, inputs: list[str]) -> None:
    runner = CliRunner()
    local = runner.invoke(app, ["extract", *inputs, "--jobs", "1", "-q"])
    on_dask = runner.invoke(app, ["extract", *inputs, "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert local.exit_code == on_dask.exit_code == 1  # the binary file
    assert _jsonl(on_dask) == _jsonl(local)
    assert _jsonl(on_dask)[2]["error"].startswith("binary file")
    assert "done: 5 documents" in on_dask.stderr and "1 errors" in on_dask.stderr


def test_dask_unordered_gives_the_same_records(cluster, inputs: list[str]) -> None:
    result = CliRunner().invoke(app, ["extract", *inputs, "--engine", "dask", "--scheduler",
                                      cluster.scheduler_address, "--unordered", "--no-text", "-q"])
    records = _jsonl(result)
    assert sorted(r["source"] for r in records) == sorted(inputs)
    assert all(r.get("text") is None for r in records)


def test_process_file_runs_as_a_plain_dask_task(cluster, inputs: list[str]) -> None:
    with distributed.Client(cluster) as client:
        futures = client.map(process_file, inputs[:2], include_text=False)
        remote = client.gather(futures)
    assert remote == [process_file(path, include_text=False) for path in inputs[:2]]
    assert remote[0]["entities"]


def test_unreachable_scheduler_is_exit_2(inputs: list[str]) -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(app, ["extract", *inputs[:2], "--engine", "dask", "--scheduler",
                                          "tcp://127.0.0.1:9", "-q"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr


def test_time_limit_on_dask_makes_an_error_record_and_the_batch_goes_on(cluster, inputs: list[str], tmp_path) -> None:
    """The same per-document limit as a local run, enforced in the worker's thread: a
    report far too long for the limit (about 13 s of work) is stopped after 1 s; the
    others, before and after it on the same two workers, are extracted."""
    big = tmp_path / "big.txt"
    big.write_text(Path(inputs[0]).read_text(encoding="utf-8") * 450, encoding="utf-8")
    paths = [inputs[0], str(big), *inputs[1:]]
    result = CliRunner().invoke(app, ["extract", *paths, "--engine", "dask", "--scheduler", cluster.scheduler_address,
                                      "--time-limit", "1", "--no-text"])
    # No wall-clock assertion (timings belong to the benchmark): the time-limit error record
    # below can only come from the limit firing inside the worker.
    assert result.exit_code == 1
    records = _jsonl(result)
    assert [r["source"] for r in records] == paths
    assert records[1] == {"source": str(big), "key": document_key(big.read_bytes()),
                          "error": "extraction took longer than 1 s (the per-document time limit; "
                                   "raise it with --time-limit)"}
    assert f"error: {big}: extraction took longer than 1 s" in result.stderr
    assert [("error" in r) for r in records] == [False, True, False, True, False, False, False]
    assert all(r["entities"] for r in records if "error" not in r)
