"""Steps put in the wrong place: a sentence that says a procedure starts with what the key
point does last, or ends with what it does first.

"Garbing starts with sterile gloves" against "from dirtiest to cleanest: shoe covers, ...,
then sterile gloves"; "containment comes last" against "contain first, then eradicate". A
point that lays out an order names its steps in that order, so where a step's word sits in
the point tells where the step falls.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mock_interview.domain.grading import claims
from mock_interview.domain.grading import text as tx

_STEP = r"((?:[\w'-]+\s+){0,2}[\w'-]+)"
# What a sentence puts first: "starts with sterile gloves", "the review comes first".
_FIRST_RES = (
    re.compile(r"\b(?:starts?|started|starting|begins?|began|beginning|opens?)\s+with\s+"
               r"(?:the\s+|a\s+|an\s+|your\s+|putting\s+on\s+|doing\s+)?" + _STEP, re.I),
    re.compile(r"\b((?:[\w'-]+\s+)?[\w'-]+)\s+(?:comes?|goes|happens?|is\s+done)\s+first\b",
               re.I),
)
# What a sentence puts last: "containment comes last", "finish with the handover".
_LAST_RES = (
    re.compile(r"\b((?:[\w'-]+\s+)?[\w'-]+)\s+(?:comes?|goes|happens?|is\s+done|(?:(?:is|are)\s+)?"
               r"put\s+on)\s+last\b", re.I),
    re.compile(r"\b(?:ends?|ended|ending|finish(?:es|ed)?)\s+with\s+(?:the\s+|a\s+|an\s+)?"
               + _STEP, re.I),
)
# A point that lays out an order.
_ORDERED_RE = re.compile(r"\b(?:in\s+(?:that\s+|this\s+)?order|then|first|before|after|"
                         r"last|lastly|finally|from\s+[\w-]+\s+to|sequence|steps?)\b", re.I)
EARLY_SHARE = 0.4  # a word this far into the point's words, or less, names an early step
LATE_SHARE = 0.6  # from this far on, a late one


def _placed(sentence: str) -> list[tuple[str, str]]:
    """("first" | "last", the words of the step) for each step the sentence places."""
    found = [("first", m.group(1)) for pattern in _FIRST_RES for m in pattern.finditer(sentence)]
    found += [("last", m.group(1)) for pattern in _LAST_RES for m in pattern.finditer(sentence)]
    return found


def misplaced_step(point: str, sentence: str,
                   question_stems: frozenset[str]) -> claims.Contradiction | None:
    """The step a sentence puts first (last) when the point, laying out an order, puts it
    among its late (early) steps; None when it places none, or as the point does."""
    if not _ORDERED_RE.search(point):
        return None
    placed = _placed(sentence)
    if not placed:
        return None
    stems = list(tx.content_stems(point))
    if len(stems) < 2:
        return None
    for end, words in placed:
        # The step's own word: one the point says once, so its place is unambiguous.
        named = next((s for s in tx.content_stems(words)
                      if s not in question_stems and stems.count(s) == 1), None)
        if named is None:
            continue
        share = stems.index(named) / (len(stems) - 1)
        if end == "first" and share >= LATE_SHARE or end == "last" and share <= EARLY_SHARE:
            if _marked(point, named, end):
                continue
            return claims.Contradiction("order", f"{' '.join(words.split())}: {end}")
    return None


_MARKERS = {"first": frozenset(["first", "initially", "start", "begin"]),
            "last": frozenset(["last", "finally", "lastly", "end", "finish"])}
MARKER_REACH = 6  # words either side of a step that a word placing it may sit


def _marked(point: str, named: str, end: str) -> bool:
    """Does the point itself place the step there ("the least invasive intervention first,
    such as proximity")? Its words then follow no list order."""
    words = [t.text for t in tx.tokens(point)]
    at = [i for i, w in enumerate(words) if tx.stem(w) == named]
    return any(w in _MARKERS[end] for i in at
               for w in words[max(0, i - MARKER_REACH):i + MARKER_REACH + 1])


# A word that puts what is said before it ahead of what is said after it ("hashCode() first
# and *then* equals()", "cultures *before* antibiotics", "antibiotics *first*, and blood
# cultures"), or after it ("equals() *after* hashCode()").
_FORWARD = frozenset(["then", "before", "next", "followed", "subsequently", "afterwards",
                      "afterward", "later", "finally", "first", "initially"])
_BACKWARD = frozenset(["after"])
_FIRST = frozenset(["first", "initially"])
_THEN = frozenset(["then", "next", "later", "afterwards", "afterward"])
# Steps are read in the clause on either side of such a word: a comma, "and" or a word that
# opens another clause ends it ("break *after* 8 hours" says nothing of the clause before).
_CLAUSE_EDGE = frozenset([",", ";", ":", "(", ")", "and", "but", "so", "because", "since", "while",
                          "whereas", "which", "although", "though", "or", "once", "when", "if",
                          "until", "unless"])
STEP_WINDOW = 8  # words of a clause, either side of an ordering word, read for steps
# A point that orders the whole list it gives ("The principles in order are: ...").
_LIST_ORDER_RE = re.compile(r"\bin\s+(?:that\s+|this\s+|the\s+following\s+)?order\b"
                            r"|\bin\s+sequence\b", re.I)
REVERSED_PAIRS = 2  # step pairs a sentence must order against the point, more than it agrees
_WORD_RE = re.compile(r"[a-z0-9][a-z0-9'-]*|[,;:()]")


def _window(words: list[str], at: int, step: int) -> list[str]:
    """The words of the clause beside ``at`` (before it for step -1, after for +1), past
    the comma or "and" right beside it."""
    out: list[str] = []
    k = at + step
    while 0 <= k < len(words) and words[k] in (",", "and") and not out:
        k += step
    while 0 <= k < len(words) and len(out) < STEP_WINDOW and words[k] not in _CLAUSE_EDGE:
        out.append(words[k])
        k += step
    return out


@lru_cache(maxsize=8192)
def _orders(text: str, wanted: frozenset[str], whole_list: bool = False
            ) -> frozenset[tuple[str, str]]:
    """(earlier, later) for each pair of wanted words the text orders: the steps of the
    clauses either side of an ordering word, or, for a list said to be in order, every pair
    by where each sits."""
    # "hashCode()" is one word: its brackets open no aside.
    words = _WORD_RE.findall(re.sub(r"\(\s*\)", "", text.lower()))
    out: set[tuple[str, str]] = set()
    if whole_list:
        stems = [tx.stem(w.replace("'", "")) for w in words if w[:1].isalnum()]
        seen = [s for s in dict.fromkeys(stems) if s in wanted]
        out.update((a, b) for k, a in enumerate(seen) for b in seen[k + 1:])
    for m, word in enumerate(words):
        if word not in _FORWARD and word not in _BACKWARD:
            continue
        if word in _BACKWARD and (m == 0 or words[m - 1] in _CLAUSE_EDGE):
            continue  # "..., and after the investigation discipline them": it opens a clause
        # "equals() first, across all the entries, and then hashCode()": what comes first
        # is set against what follows its "then".
        then = next((k for k in range(m + 1, len(words)) if words[k] in _THEN), None) \
            if word in _FIRST else None
        before = {tx.stem(w.replace("'", "")) for w in _window(words, m, -1)} & wanted
        following = _window(words, m, +1) + (_window(words, then, +1) if then else [])
        after = {tx.stem(w.replace("'", "")) for w in following} & wanted
        if word in _BACKWARD:
            before, after = after, before
        out.update((a, b) for a in before for b in after if a != b)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _steps_of(point: str, question_stems: frozenset[str]) -> frozenset[str]:
    """The words of a point laying out an order that name its steps: each one the point says
    once and the question does not; empty for a point that lays out no order."""
    if not _ORDERED_RE.search(point):
        return frozenset()
    stems = list(tx.content_stems(point))
    return frozenset(s for s in stems if stems.count(s) == 1 and s not in question_stems
                     and not s[:1].isdigit())


def reversed_steps(point: str, sentence: str,
                   question_stems: frozenset[str]) -> claims.Contradiction | None:
    """Two steps the sentence orders one way and the point the other ("HashMap calls equals()
    first and then hashCode()" against "uses hashCode() to find the bucket first and then
    equals()"); None when it orders none of the point's steps, or as the point does."""
    steps = _steps_of(point, question_stems)
    if not steps:
        return None
    said = steps & frozenset(tx.content_stems(sentence))
    if len(said) < 2:
        return None
    ours = _orders(point, said, whole_list=bool(_LIST_ORDER_RE.search(point)))
    theirs = _orders(sentence, said)
    reversed_pairs = [(a, b) for (a, b) in theirs if (b, a) in ours and (a, b) not in ours]
    agreed = [pair for pair in theirs if pair in ours and pair[::-1] not in ours]
    if len(reversed_pairs) >= REVERSED_PAIRS and len(reversed_pairs) > len(agreed):
        a, b = sorted(reversed_pairs)[0]
        return claims.Contradiction("order", f"{a} before {b}")
    return None
