"""The quality gate: the extractor scored on the annotated corpus, split by split.

Thresholds live in ``corpus/thresholds-<split>.yaml``, a little under what the extractor
reaches; a change that loses quality fails here, in CI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractor import default_extractor
from extractor.corpus import load_corpus
from extractor.evaluate import check_thresholds, evaluate

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("split", ["dev", "test"])
def test_corpus_scores_reach_their_thresholds(split: str) -> None:
    gold = load_corpus(CORPUS, split=split)
    assert len(gold) >= 10
    extractor = default_extractor()
    predictions = {doc.id: extractor.extract(doc.text, source=doc.source) for doc in gold}
    result = evaluate(gold, predictions)
    thresholds = yaml.safe_load((CORPUS / f"thresholds-{split}.yaml").read_text(encoding="utf-8"))["min_f1"]
    assert check_thresholds(result, thresholds) == []
