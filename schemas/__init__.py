"""Pydantic models of congdoan's output. This package imports nothing else of ours."""

from schemas.corpus import CORPUS_FORMAT_VERSION, GoldDocument
from schemas.document import ExtractedDocument
from schemas.entities import (
    ENTITY_MODELS,
    LABELS,
    CountEntity,
    DateEntity,
    DocRefEntity,
    Entity,
    Evidence,
    LocEntity,
    MoneyEntity,
    OrgEntity,
    PercentEntity,
    PersonEntity,
)

__all__ = [
    "CORPUS_FORMAT_VERSION",
    "GoldDocument",
    "ENTITY_MODELS",
    "LABELS",
    "CountEntity",
    "DateEntity",
    "DocRefEntity",
    "Entity",
    "Evidence",
    "ExtractedDocument",
    "LocEntity",
    "MoneyEntity",
    "OrgEntity",
    "PercentEntity",
    "PersonEntity",
]
