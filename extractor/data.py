"""Loading of the domain data files in ``extractor/resources/``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_resource(name: str) -> Any:
    """Parse ``extractor/resources/<name>`` (YAML) once and return its content.

    >>> "spaces" in load_resource("characters.yaml")
    True
    """
    path = resources.files("extractor").joinpath("resources").joinpath(name)
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
