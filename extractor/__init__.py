"""congdoan: grounded, normalised values from Vietnamese trade-union reports.

>>> from extractor import extract
>>> extract("Hỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.").entities[1].value
119500000

Importing the package is cheap: models load on the first extraction.
"""

from extractor.extract import Extractor, default_extractor, extract, to_document

__all__ = ["Extractor", "build_pipeline", "default_extractor", "extract", "get_pipeline", "to_document"]


def build_pipeline():
    """Build a new congdoan spaCy pipeline (see :func:`extractor.pipeline.build_pipeline`)."""
    from extractor.pipeline import build_pipeline as _build

    return _build()


def get_pipeline():
    """The spaCy pipeline of the process-wide default extractor."""
    return default_extractor().nlp
