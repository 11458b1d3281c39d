"""Vocabulary tables shipped as JSON in ``mock_interview/data``, each file read once.

The domain modules that use them are imported inside commands only, so reading a table when
its module is imported keeps ``--help`` and start-up free of it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_table(name: str) -> dict[str, Any]:
    """``data/<name>.json`` parsed, e.g. ``load_table("resume/vocab")``."""
    path = resources.files("mock_interview").joinpath(f"data/{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))
