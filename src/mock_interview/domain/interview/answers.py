"""Scripted answers as people write them: strings, or objects with "answer" (or "text")."""

from __future__ import annotations

from typing import Any

from mock_interview.errors import UsageError


def normalise_answers(items: list[Any], where: str = "") -> list[str]:
    """The answers as strings, in order; anything else is a UsageError naming the item."""
    answers = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict):
            item = item.get("answer", item.get("text"))
        if not isinstance(item, str):
            raise UsageError(f"answer {number}{f' in {where}' if where else ''} is not text")
        answers.append(item)
    return answers
