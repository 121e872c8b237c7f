"""Loading of the domain data files in ``extractor/resources/``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it: ten times faster on the resource files, which are
# read at every start of the CLI and of every worker.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_resource(name: str) -> Any:
    """Parse ``extractor/resources/<name>`` (YAML) once and return its content.

    >>> "spaces" in load_resource("characters.yaml")
    True
    """
    path = resources.files("extractor").joinpath("resources").joinpath(name)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python
