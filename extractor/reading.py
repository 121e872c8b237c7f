"""Reading report files: decoding with clear errors, and expanding folders.

Every failure is an :class:`InputError` that names the file and the problem, so a batch
can report it and go on with the other files.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt",)


class InputError(Exception):
    """A file that cannot be read as a report; ``str()`` is a one-line message."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Input:
    """One report to process: where it came from and its text."""

    source: str
    text: str


def decode(data: bytes, source: str) -> str:
    """Decode report bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    >>> decode("Báo cáo".encode("utf-8"), "a.txt")
    'Báo cáo'
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(source, f"invalid UTF-16 at byte {error.start}") from None
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not a text report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise InputError(
            source,
            f"not valid UTF-8 (byte 0x{byte:02x} at offset {error.start}); convert the file to UTF-8",
        ) from None


def read_text(path: str | Path) -> str:
    """Read one report file as text, raising :class:`InputError` on any problem."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise InputError(source, "no such file or directory")
    if path.is_dir():
        raise InputError(source, "is a directory")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(source, error.strerror or str(error)) from None
    return decode(data, source)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Yield the files named by ``paths``: files as given, folders as all ``*.txt`` below.

    A missing path or a folder without text files is yielded as an :class:`InputError`
    in its place, so callers report it and go on.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield InputError(str(path), f"directory has no text files ({', '.join(TEXT_SUFFIXES)})")
            yield from files
        elif path.exists():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")
