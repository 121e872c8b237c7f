"""In-process timings on the same texts: congdoan's full extraction, its stages, and
underthesea's ``ner()`` and ``word_tokenize()`` alone."""

from __future__ import annotations

import cProfile
import io
import pstats
import time
from collections import defaultdict


def time_congdoan(texts: list[str]) -> list[float]:
    """Seconds per text of the full extraction (as a batch worker runs it: in a memory
    zone, dumped to JSON), after one warm-up text."""
    from extractor import Extractor

    extractor = Extractor()
    extractor.extract(texts[0])
    times = []
    for text in texts:
        started = time.perf_counter()
        with extractor.nlp.memory_zone():
            extractor.extract(text).model_dump(mode="json")
        times.append(time.perf_counter() - started)
    return times


def time_underthesea(texts: list[str], function: str) -> list[float]:
    """Seconds per text of underthesea's ``ner`` or ``word_tokenize`` on the whole text."""
    import underthesea

    call = getattr(underthesea, function)
    call(texts[0])  # loads the model
    times = []
    for text in texts:
        started = time.perf_counter()
        call(text)
        times.append(time.perf_counter() - started)
    return times


def stage_times(texts: list[str]) -> dict[str, float]:
    """Milliseconds per text in each stage: underthesea segmentation (the tokenizer), every
    pipeline component, and the rest of :meth:`Extractor.extract` (normalisation, cleaning,
    mapping back to the original text) plus the JSON dump.

    The tokenizer and the components are wrapped with timers, so the figures follow the
    pipeline as it is, whatever it holds.
    """
    from extractor import Extractor

    extractor = Extractor()
    nlp = extractor.nlp
    totals: dict[str, float] = defaultdict(float)

    def timer(stage: str, function):
        def timed(*arguments, **options):
            clock = time.perf_counter()
            try:
                return function(*arguments, **options)
            finally:
                totals[stage] += time.perf_counter() - clock
        return timed

    nlp.tokenizer = timer("segment (underthesea word_tokenize + alignment)", nlp.tokenizer)
    # spaCy keeps the components in a private list; wrapping them there times each call.
    nlp._components = [(name, timer(name, component)) for name, component in nlp._components]
    extractor.extract(texts[0])  # warm-up: lazily loaded models
    totals.clear()
    whole = 0.0
    for text in texts:
        clock = time.perf_counter()
        with nlp.memory_zone():
            extractor.extract(text).model_dump(mode="json")
        whole += time.perf_counter() - clock
    totals["normalise, clean, map back, JSON (the rest)"] = whole - sum(totals.values())
    return {stage: seconds * 1000 / len(texts) for stage, seconds in totals.items()}


def profile_congdoan(texts: list[str], top: int = 15) -> str:
    """The functions with the most own time (cProfile) over the full extraction of ``texts``."""
    from extractor import Extractor

    extractor = Extractor()
    extractor.extract(texts[0])
    profile = cProfile.Profile()
    profile.enable()
    for text in texts:
        with extractor.nlp.memory_zone():
            extractor.extract(text).model_dump(mode="json")
    profile.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profile, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    lines = [line for line in stream.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    return "\n".join(lines[start:])
