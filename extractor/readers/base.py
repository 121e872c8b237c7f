"""What every reader returns: text, and where each part of it came from.

A reader turns the bytes of one file into text plus a list of :class:`Span` over that
text, each naming its :class:`Location` in the original (page, paragraph, table cell,
line), so that an entity found at ``text[start:end]`` can be traced back to page 3 of
the PDF it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple


class InputError(Exception):
    """A file that cannot be read as a report; ``str()`` is a one-line message.

    >>> str(InputError("bao_cao.pdf", "encrypted PDF"))
    'bao_cao.pdf: encrypted PDF'
    """

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # picklable across the worker process of bounded readers
        return (type(self), (self.source, self.reason))


@dataclass(frozen=True)
class Location:
    """Where a part of the text sits in the original file; numbers count from 1.

    >>> str(Location(page=2)), str(Location(table=1, row=3, cell=2)), str(Location(line=7))
    ('page 2', 'table 1, row 3, cell 2', 'line 7')
    """

    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    line: int | None = None
    block: int | None = None

    def __str__(self) -> str:
        return ", ".join(f"{f.name} {getattr(self, f.name)}" for f in fields(self) if getattr(self, f.name) is not None)


class Span(NamedTuple):
    """``text[start:end]`` came from ``location``."""

    start: int
    end: int
    location: Location


@dataclass(frozen=True)
class Extracted:
    """A reader's result: the text, the spans that locate its parts, and warnings.

    A warning says what was left out while the rest could be read (pages of a PDF
    without a text layer when OCR is not available). ``encoding`` is the decoding of a
    reader that decodes bytes itself (HTML).
    """

    text: str
    spans: tuple[Span, ...]
    warnings: tuple[str, ...] = ()
    encoding: str | None = None


class TextBuilder:
    """Join the parts of a document into one text, recording the span of each part.

    >>> builder = TextBuilder()
    >>> builder.add("Báo cáo", Location(paragraph=1))
    >>> builder.add("Số liệu", Location(paragraph=2))
    >>> result = builder.build()
    >>> result.text
    'Báo cáo\\nSố liệu'
    >>> result.spans[1]
    Span(start=8, end=15, location=Location(page=None, paragraph=2, table=None, row=None, cell=None, line=None, block=None))
    """

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._spans: list[Span] = []
        self._length = 0

    def add(self, text: str, location: Location, separator: str = "\n") -> None:
        """Append ``text`` (after ``separator`` unless it is the first part).

        An empty part still adds its separator (an empty table cell keeps its column)
        but gets no span.
        """
        if self._pieces:
            self._pieces.append(separator)
            self._length += len(separator)
        self._pieces.append(text)
        if text:
            self._spans.append(Span(self._length, self._length + len(text), location))
        self._length += len(text)

    def build(self, warnings: tuple[str, ...] = (), encoding: str | None = None) -> Extracted:
        return Extracted("".join(self._pieces), tuple(self._spans), warnings, encoding)
