"""Running `congdoan extract` as a user would, and watching its whole process tree."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

#: Seconds between two samples of memory and progress.
INTERVAL = 0.1


def congdoan_command() -> list[str]:
    """The installed ``congdoan`` script beside this Python, or ``python -m cli.main``."""
    script = Path(sys.executable).with_name("congdoan")
    if script.exists():
        return [str(script)]
    found = shutil.which("congdoan")
    return [found] if found else [sys.executable, "-m", "cli.main"]


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stream:
                stat = stream.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: the fields follow the last ')'.
        parent = int(stat[stat.rindex(b")") + 2:].split()[1])
        tree.setdefault(parent, []).append(int(entry))
    return tree


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it (Linux /proc)."""
    tree = _children()
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(tree.get(pid, []))
    return found


def _kib(path: str, field_name: str) -> int:
    try:
        with open(path, encoding="ascii", errors="replace") as stream:
            for line in stream:
                if line.startswith(field_name):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory(root: int) -> tuple[float, float, int]:
    """(RSS MiB, PSS MiB, processes) of the tree: RSS counts shared pages once per process,
    PSS shares them out, so PSS is what the tree really costs."""
    pids = process_tree(root)
    rss = sum(_kib(f"/proc/{pid}/status", "VmRSS:") for pid in pids)
    pss = sum(_kib(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in pids)
    return rss / 1024, pss / 1024, len(pids)


@dataclass
class Sample:
    seconds: float
    documents: int
    rss: float
    pss: float
    processes: int


@dataclass
class Run:
    """One `congdoan extract` run: wall clock, progress and memory over time."""

    jobs: int
    documents: int
    wall: float = 0.0
    returncode: int = 0
    samples: list[Sample] = field(default_factory=list)
    stderr: str = ""

    def steady_rate(self) -> float:
        """Documents per second between the first written result and the last: the
        throughput once the pipeline is loaded."""
        written = [s for s in self.samples if s.documents > 0]
        if len(written) < 2:
            return self.documents / self.wall if self.wall else 0.0
        first, last = written[0], written[-1]
        if last.seconds <= first.seconds:
            return 0.0
        return (last.documents - first.documents) / (last.seconds - first.seconds)

    def live(self) -> list[Sample]:
        """The samples taken while the process tree was running."""
        return [s for s in self.samples if s.processes and s.rss > 0]  # not a zombie at exit

    def steady(self) -> list[Sample]:
        """Live samples with the whole tree up (every worker started, none stopped yet)."""
        live = self.live()
        most = max((s.processes for s in live), default=0)
        return [s for s in live if s.processes == most]

    def peak(self) -> tuple[float, float]:
        return max((s.rss for s in self.live()), default=0.0), max((s.pss for s in self.live()), default=0.0)

    def memory_at(self, documents: int) -> float | None:
        """Tree RSS (MiB) when ``documents`` results had been written, or, for the end of
        the run, at the first sample with the most results (not while the process exits)."""
        steady = self.steady()
        if not steady:
            return None
        for sample in steady:
            if sample.documents >= documents:
                return sample.rss
        most = max(sample.documents for sample in steady)
        return next(sample.rss for sample in steady if sample.documents == most)


def _lines(path: Path) -> int:
    try:
        with open(path, "rb") as stream:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(2**20), b""))
    except OSError:
        return 0


def run_extract(folder: Path, documents: int, jobs: int, output: Path) -> Run:
    """Run `congdoan extract FOLDER -o OUTPUT --jobs N -q`, sampling as it goes."""
    output.unlink(missing_ok=True)
    partial = output.with_name(output.name + ".partial")
    command = [*congdoan_command(), "extract", str(folder), "-o", str(output), "--jobs", str(jobs), "-q"]
    run = Run(jobs, documents)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    counted, counted_size = 0, 0
    while process.poll() is None:
        # Count new lines only: re-reading a growing file would slow the run it measures.
        try:
            size = partial.stat().st_size
        except OSError:
            size = counted_size
        if size > counted_size:
            with open(partial, "rb") as stream:
                stream.seek(counted_size)
                counted += stream.read(size - counted_size).count(b"\n")
            counted_size = size
        rss, pss, processes = tree_memory(process.pid)
        run.samples.append(Sample(time.perf_counter() - started, counted, rss, pss, processes))
        time.sleep(INTERVAL)
    run.wall = time.perf_counter() - started
    run.returncode = process.returncode
    run.stderr = process.stderr.read().decode("utf-8", "replace")
    # The last line count, from the finished file (the process tree is gone by now).
    run.samples.append(Sample(run.wall, _lines(output), 0.0, 0.0, 0))
    return run


def cold_start(path: Path, output: Path, repeats: int = 3) -> float:
    """Median wall clock of `congdoan extract ONE_FILE` from process start to exit."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run([*congdoan_command(), "extract", str(path), "-o", str(output), "-q"], check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)
