"""Scripted answers as people write them: strings, or objects with "answer" (or "text")."""

from __future__ import annotations

from typing import Any

from mock_interview.errors import UsageError


def normalise_answers(items: list[Any], where: str = "") -> list[str]:
    """The answers as strings, in order; anything else, or an answer past
    :data:`~mock_interview.io.limits.MAX_ANSWER_CHARS`, is a UsageError naming the item."""
    # Here, not in each reader: grading's time and memory grow with one answer's length, and
    # every scripted source (interview --answers, evaluate items) comes through this function.
    from mock_interview.io.limits import MAX_ANSWER_CHARS

    answers = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict):
            item = item.get("answer", item.get("text"))
        label = f"answer {number}{f' in {where}' if where else ''}"
        if not isinstance(item, str):
            raise UsageError(f"{label} is not text")
        if len(item) > MAX_ANSWER_CHARS:
            raise UsageError(f"{label} is {len(item):,} characters; the limit is {MAX_ANSWER_CHARS:,}")
        answers.append(item)
    return answers
