"""Follow-up questions that probe what the answer said: the missing STAR part asked about
the candidate's own story (a tool, a number, a decision it named), never the same wording
twice in one interview."""

from __future__ import annotations

import re
from collections.abc import Collection

# "{named}" is a name the answer used ("Redis", "Epic", "the Q3 forecast"); "{number}" a figure.
STAR_WORDINGS: dict[str, tuple[str, ...]] = {
    "situation": (
        "Can you set the scene a little more: where were you, and what was at stake?",
        "What was the context: which team or project was this, and why did it matter?",
        "Before we go on, what led up to this, and who was affected?",
    ),
    "task": (
        "What exactly were you responsible for in that situation?",
        "What was your own role there, and what would success have looked like?",
        "Where did your responsibility start and end in that?",
    ),
    "action": (
        "What did you personally do, step by step?",
        "You mentioned {named}: what did you do with it yourself, step by step?",
        "Which of those steps did you take yourself, and which did others take?",
        "Walk me through the first thing you did, and why that first.",
        "What did you try that did not work, and what did you do next?",
    ),
    "result": (
        "What was the outcome, and how did you know it worked? A number helps.",
        "You mentioned {named}: what changed because of it, and how did you measure that?",
        "How did things look afterwards compared with before, in numbers if you have them?",
        "What happened in the end, and what would you do differently next time?",
        "Who noticed the difference afterwards, and what did they see?",
    ),
}
PROBES = (
    "You said {number}: how did you arrive at that figure, and what was it before?",
    "You mentioned {named}: why that rather than another option, and what did it cost you?",
    "Which decision in that was hardest, and what did you weigh up?",
    "Can you go deeper on that: what would you add?",
)
_NUMBER_RE = re.compile(
    r"(?<![\w.])(?:[$€£]\s?\d[\d,.]*\s?[km]?\b|\d[\d,.]*\s?(?:%|percent\b|ms\b|seconds?\b|minutes?\b"
    r"|hours?\b|days?\b|weeks?\b|months?\b|x\b|times\b|people\b|customers\b|users\b|patients\b"
    r"|tickets\b|deals\b|accounts\b|engineers\b))", re.I)
# A capitalised name the candidate worked with: "added Redis", "using Epic", "with Tableau".
_NAME_RE = re.compile(
    r"\b(?:added|used|using|use|with|built|introduced|adopted|switched to|moved to|migrated to|"
    r"via|through|wrote|set up|rolled out|configured|deployed|ran|running|in)\s+(?:a |an |the |our )?"
    r"([A-Z][A-Za-z0-9+#&.-]{1,30}(?: [A-Z][A-Za-z0-9+#&.-]{1,30}){0,2})")
_NOT_NAMES = frozenset(["I", "I'm", "I'd", "I've", "I'll", "OK", "So", "Then", "But", "And"])


def _named(answer: str) -> str | None:
    for match in _NAME_RE.finditer(answer):
        name = match.group(1).rstrip(".-")
        if name.split()[0] not in _NOT_NAMES and len(name) >= 2:
            return name
    return None


def _number(answer: str) -> str | None:
    match = _NUMBER_RE.search(answer)
    return match.group(0).strip() if match else None


def word_follow_up(reason: str, answer: str, bank_follow_up: str | None = None,
                   avoid: Collection[str] = ()) -> str | None:
    """The follow-up for ``reason`` ("missing-star:result", "missed-key-points"), in words not
    yet used in this interview (``avoid``), tied to what the answer named where possible;
    None when every wording has been used (the interview moves on rather than repeat itself)."""
    values = {"named": _named(answer), "number": _number(answer)}
    if reason.startswith("missing-star:"):
        part = reason.split(":", 1)[1]
        wordings = STAR_WORDINGS.get(part, STAR_WORDINGS["result"])
    else:
        wordings = ((bank_follow_up,) if bank_follow_up else ()) + PROBES
    used = {w.strip().lower() for w in avoid}
    for wording in wordings:
        needed = re.findall(r"\{(\w+)\}", wording)
        if any(not values.get(name) for name in needed):
            continue
        text = wording.format(**{k: v for k, v in values.items() if v})
        if text.strip().lower() not in used:
            return text
    return None
