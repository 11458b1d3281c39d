"""Steps put in the wrong place: a sentence that says a procedure starts with what the key
point does last, or ends with what it does first.

"Garbing starts with sterile gloves" against "from dirtiest to cleanest: shoe covers, ...,
then sterile gloves"; "containment comes last" against "contain first, then eradicate". A
point that lays out an order names its steps in that order, so where a step's word sits in
the point tells where the step falls.
"""

from __future__ import annotations

import re

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


# Words between two steps that put the first before the second ("hashCode() first and *then*
# equals()", "cultures *before* antibiotics"), or the second before the first ("equals()
# *after* hashCode()").
_FORWARD = frozenset(["then", "before", "next", "followed", "subsequently", "afterwards",
                      "afterward", "finally"])
_BACKWARD = frozenset(["after"])
# Words right after a step that place it ("antibiotics *first*", "cultures *later*").
_EARLY_AFTER = frozenset(["first", "initially", "immediately"])
_LATE_AFTER = frozenset(["later", "afterwards", "afterward", "last", "eventually"])
PLACING_REACH = 2  # words after a step that "first" or "later" may sit
# A point that orders the whole list it gives ("The principles in order are: ...").
_LIST_ORDER_RE = re.compile(r"\bin\s+(?:that\s+|this\s+|the\s+following\s+)?order\b"
                            r"|\bin\s+sequence\b", re.I)
REVERSED_PAIRS = 2  # step pairs a sentence must order against the point, more than it agrees


def _steps(text: str, wanted: frozenset[str]) -> list[tuple[int, str]]:
    """(token index, stem) of each wanted word, with the text's own tokens."""
    return [(i, tx.stem(t.text.replace("'", ""))) for i, t in enumerate(tx.tokens(text))
            if tx.stem(t.text.replace("'", "")) in wanted]


def _orders(text: str, wanted: frozenset[str], whole_list: bool = False
            ) -> dict[tuple[str, str], int]:
    """For each pair of wanted words the text orders, +1 keyed (earlier, later). A pair is
    ordered by a word between them ("then", "before", "after"), by "first" after the one and
    "later" after the other, or, for a list said to be in order, by where each sits."""
    words = [t.text for t in tx.tokens(text)]
    found = _steps(text, wanted)
    out: dict[tuple[str, str], int] = {}
    for x, (i, a) in enumerate(found):
        for j, b in found[x + 1:]:
            if a == b:
                continue
            between = set(words[i + 1:j])
            forward = bool(between & _FORWARD) or words[j - 1:j + 1] == ["by", b] \
                and "followed" in between
            backward = bool(between & _BACKWARD)
            placed_early = bool(set(words[i + 1:i + 1 + PLACING_REACH]) & _EARLY_AFTER)
            placed_late = bool(set(words[j + 1:j + 1 + PLACING_REACH]) & _LATE_AFTER)
            if forward != backward:
                pair = (a, b) if forward else (b, a)
            elif not forward and (placed_early or placed_late) or whole_list:
                pair = (a, b)
            else:
                continue
            out[pair] = out.get(pair, 0) + 1
    return out


def reversed_steps(point: str, sentence: str,
                   question_stems: frozenset[str]) -> claims.Contradiction | None:
    """Two steps the sentence orders one way and the point the other ("HashMap calls equals()
    first and then hashCode()" against "uses hashCode() to find the bucket first and then
    equals()"); None when it orders none of the point's steps, or as the point does."""
    if not _ORDERED_RE.search(point):
        return None
    stems = list(tx.content_stems(point))
    # A step's word is one the point says once and the question does not.
    steps = frozenset(s for s in stems if stems.count(s) == 1 and s not in question_stems
                      and not s[:1].isdigit())
    said = steps & frozenset(tx.content_stems(sentence))
    if len(said) < 2:
        return None
    ours = _orders(point, said, whole_list=bool(_LIST_ORDER_RE.search(point)))
    theirs = _orders(sentence, said)
    reversed_pairs = [(a, b) for (a, b) in theirs if (b, a) in ours and (a, b) not in ours]
    agreed = [pair for pair in theirs if pair in ours]
    if len(reversed_pairs) >= REVERSED_PAIRS and len(reversed_pairs) > len(agreed):
        a, b = sorted(reversed_pairs)[0]
        return claims.Contradiction("order", f"{a} before {b}")
    return None
