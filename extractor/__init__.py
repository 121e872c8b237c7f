"""congdoan: grounded, normalised values from Vietnamese trade-union reports.

>>> from extractor import extract
>>> extract("Hỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.").entities[1].value
119500000

Importing the package is cheap: spaCy, underthesea and the models load on first use of
the names below (PEP 562 lazy attributes), so reading, exporting, the batch parent
process and ``congdoan --help`` never pay for them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers and IDEs only; at run time the names load lazily
    from extractor.extraction import Extractor, default_extractor, extract, to_document

__all__ = ["Extractor", "build_pipeline", "default_extractor", "extract", "get_pipeline", "to_document"]

_LAZY = {"Extractor", "default_extractor", "extract", "to_document"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module("extractor.extraction"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")


def build_pipeline():
    """Build a new congdoan spaCy pipeline (see :func:`extractor.pipeline.build_pipeline`)."""
    from extractor.pipeline import build_pipeline as _build

    return _build()


def get_pipeline():
    """The spaCy pipeline of the process-wide default extractor."""
    from extractor.extraction import default_extractor as _default

    return _default().nlp
