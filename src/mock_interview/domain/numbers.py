"""Numbers as the JSON output shows them."""

from __future__ import annotations

from typing import Any


def rounded(value: Any) -> Any:
    """Floats to one decimal, everywhere in a JSON document (scores are 0-100: 99.97 reads as
    noise). Costs in USD keep their precision: cents matter there."""
    if isinstance(value, float):
        return round(value, 1)
    if isinstance(value, dict):
        return {key: item if _is_money(key) else rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(item) for item in value]
    return value


def _is_money(key: Any) -> bool:
    return isinstance(key, str) and ("cost" in key or "usd" in key or "price" in key)
