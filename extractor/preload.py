"""Imported by the batch forkserver only: load and warm up the default pipeline once.

:mod:`extractor.pool` forks its workers from a ``forkserver`` process that imports this
module first, so every worker starts with the models already loaded (shared
copy-on-write) instead of loading them again (about 3 s each). Nothing else imports
it: importing it does the heavy work that importing ``extractor`` avoids.
"""

from __future__ import annotations


def warm_up() -> None:
    """Build the default extractor and run it once, so that lazily loaded models are in."""
    from extractor import default_extractor

    extractor = default_extractor()
    with extractor.nlp.memory_zone():
        extractor.extract("Ngày 28 tháng 7 năm 2021, hỗ trợ 3 đoàn viên số tiền 119,5 triệu đồng.")


try:
    warm_up()
except Exception:  # a worker then loads the pipeline itself and reports what goes wrong
    pass
