"""A benchmark corpus: the sample reports cycled and perturbed to any size."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "corpus" / "documents"
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Corpus:
    folder: Path
    paths: list[Path]
    chars: int
    bytes: int

    @property
    def mean_chars(self) -> float:
        return self.chars / len(self.paths) if self.paths else 0.0


def perturb(text: str, rng: random.Random) -> str:
    """Change every number but keep its width, so dates and amounts stay well formed.

    >>> perturb("ngày 28/7/2021: 127 đoàn viên", random.Random(1)) != "ngày 28/7/2021: 127 đoàn viên"
    True
    """
    def change(match: re.Match) -> str:
        digits = match.group()
        if len(digits) == 4 and digits.startswith(("19", "20")):
            return str(rng.randint(2005, 2025))  # a year stays a year
        if len(digits) <= 2:
            return str(rng.randint(1, 28)).zfill(len(digits))  # a day or month stays one
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return _DIGITS.sub(change, text)


def build_corpus(folder: Path, documents: int, seed: int = 2026) -> Corpus:
    """Write ``documents`` reports into ``folder`` (``bc_00001.txt`` ...)."""
    sources = [path.read_text(encoding="utf-8") for path in sorted(SOURCE.glob("*.txt"))]
    if not sources:
        raise SystemExit(f"no reports in {SOURCE}")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths, chars, size = [], 0, 0
    for number in range(documents):
        text = sources[number % len(sources)]
        if number >= len(sources):
            text = perturb(text, rng)
        path = folder / f"bc_{number:05d}.txt"
        data = text.encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
        chars += len(text)
        size += len(data)
    return Corpus(folder, paths, chars, size)
