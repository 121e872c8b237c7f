"""The package imports cheaply and its public names stay what they are, whatever is imported first."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("module", ["extractor", "cli.main", "extractor.batch", "extractor.export.sqlite"])
def test_importing_does_not_load_spacy_or_underthesea(module: str) -> None:
    assert _run(f"import sys, {module}; print('spacy' in sys.modules, 'underthesea' in sys.modules)") == "False False"


def test_public_names_are_the_functions_after_the_module_is_imported() -> None:
    code = ("import extractor.extraction, types\n"
            "from extractor import extract, Extractor, default_extractor, to_document\n"
            "print(all(not isinstance(x, types.ModuleType) for x in (extract, Extractor, default_extractor, "
            "to_document)), callable(extract))")
    assert _run(code) == "True True"


def test_unknown_attribute_is_an_attribute_error() -> None:
    import extractor

    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        extractor.nothing  # noqa: B018
