"""The annotated corpus: a gold document is an extracted document plus its provenance.

Gold and prediction share the entity models, so they compare like with like.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas.document import ExtractedDocument

CORPUS_FORMAT_VERSION = 1


class GoldDocument(ExtractedDocument):
    """One hand-annotated report of ``corpus/gold/<id>.json``.

    ``text`` is required (every gold span must slice it exactly); ``source`` names the
    report file relative to the corpus folder, e.g. ``documents/seed_000_....txt``.
    """

    format_version: Literal[1] = CORPUS_FORMAT_VERSION
    id: str = Field(description="Stable identifier, the file stem.")
    origin: Literal["real", "synthetic"] = Field(description="A real report, or one written for the corpus.")
    split: Literal["dev", "test"] = Field(description="dev: tune on it; test: never tuned on.")
    labels: list[str] = Field(
        description="Labels annotated exhaustively in this document; others are not scored for it."
    )
    record_types: list[str] = Field(
        default_factory=list,
        description="Record lists annotated exhaustively in this document (`report`, `meetings`, `decisions`, "
        "`support`); the others are not scored for it.",
    )
    notes: str | None = Field(default=None, description="What the document is and what is hard in it.")
