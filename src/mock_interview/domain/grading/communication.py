"""How an answer is told: structure, length, specificity, fillers and hedges, STAR parts.

    communication = weighted mean of the parts below (0-1), times 100
                    star answers   other answers
    star parts          0.30           -
    structure           0.20          0.30
    length              0.20          0.30
    specificity         0.15          0.20     (numbers, named tools, code, examples)
    delivery            0.15          0.20     (1 - filler and hedge penalties)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from mock_interview.domain.grading import text as tx

STAR_PARTS = ("situation", "task", "action", "result")
WEIGHTS_STAR = {"star": 0.30, "structure": 0.20, "length": 0.20, "specificity": 0.15,
                "delivery": 0.15}
WEIGHTS_PLAIN = {"structure": 0.30, "length": 0.30, "specificity": 0.20, "delivery": 0.20}
RUN_ON_WORDS = 45  # one sentence this long reads as a run-on
FILLERS_PER_100_FOR_ZERO = 8.0  # filler rate at which delivery loses its filler half
HEDGES_PER_100_FOR_ZERO = 6.0

_NUMBER_RE = re.compile(
    r"(?<![\w.])(?:\d+(?:[.,]\d+)*\s?(?:%|x\b|k\b|ms\b|s\b|gb\b|mb\b)?|[$€£]\s?\d+)", re.I
)
# Code and examples are what make a technical answer specific.
_CODE_RE = re.compile(
    r"`[^`\n]+`|@\w+|\b\w+(?:\.\w+)+(?:\(\))?|\b\w+\([^()\n]{0,40}\)|\b[a-z]+_[a-z_]+\b"
)
# Code needs one of these; most prose has none, and the full pattern is slow to rule out.
_CODE_HINT_RE = re.compile(r"[`@_]|\w\.\w|\w\(")
# Run on lower-cased text: a case-insensitive search is slower.
_EXAMPLE_RE = re.compile(r"\b(?:for example|for instance|such as|e\.g\.|say you|imagine)\b")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.M)
# Possessive "[a-z]++": a run of small letters never gives any back, which saves retrying
# every shorter prefix of each word.
_NAMED_RE = re.compile(r"(?<=[a-z,;] )[A-Z][A-Za-z0-9+#.]*[A-Za-z0-9+#]|\b[a-z]++[A-Z][A-Za-z]+\b")


# A named place or employer sets a scene: "At Brightmoor", "While at St Mary's", "In 2022".
_PLACE_RE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:At|In|During|While at|When I was at|Working at|Back at|On)\s+"
    r"(?:[A-Z][\w&'.-]+|\d{4}\b)")


# "-ed" words that are not past forms, and words before which one is a perfect or passive
# participle rather than a narrated event ("I've worked", "is based").
# (Words of four letters or fewer and those in "-eed" are never read as past forms.)
_NOT_PAST_ED = frozenset(["embed", "hundred", "sacred", "naked", "wicked", "rugged", "beloved",
                          "kindred"])
_PERFECT_BEFORE = frozenset(["have", "has", "is", "are", "be", "been", "being", "am", "get",
                             "gets", "getting"])


@lru_cache(maxsize=1)
def _past_forms() -> frozenset[str]:
    return frozenset(tx.load_data("cues")["past_tense"])


def _is_past(word: str) -> bool:
    return word in _past_forms() or (len(word) > 4 and word.endswith("ed")
                                     and word not in _NOT_PAST_ED and not word.endswith("eed"))


def past_events(answer: str) -> int:
    """How many simple past verbs the answer uses: what a story narrates ("the export broke,
    I called the client") and a remark ("deadlines, we all have those") does not."""
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", answer)]
    count = 0
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if before in _PERFECT_BEFORE or before.endswith(("'ve", "'m", "'re")):
            continue
        count += _is_past(word)
    return count


# A clause that opens on a past verb has left out its "I": note-style stories ("Took the son
# aside, let him vent; called the physician") tell their actions this way.
_CLAUSE_OPENING_RE = re.compile(
    r"(?:^|[.!?;:]\s+|\n\s*|(,)\s+(?:and\s+)?(?!then\b)|,\s+(?:and\s+)?then\s+)(?:then\s+)?"
    r"([a-z]+)\b")
_STATES = frozenset(["was", "were", "had", "did", "got", "felt", "knew", "thought", "meant",
                     "became", "seemed", "looked"])
_SPEAKER_BEFORE_RE = re.compile(r"\b(?:i|we)\b[^.!?;:]*$")


def _elided_action(lowered: str) -> tuple[int, int] | None:
    for match in _CLAUSE_OPENING_RE.finditer(lowered):
        word = match.group(2)
        if word in _STATES or not _is_past(word):
            continue
        # After a comma only as the speaker's next step ("I became their contact, sent
        # updates"), not a participle ("the order, placed late, ...").
        if match.group(1) and not _SPEAKER_BEFORE_RE.search(lowered[:match.start()]):
            continue
        return match.span(2)
    return None


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = tx.load_data("cues")
    compiled = {"fillers": tx.compile_cues(cues["fillers"]),
                "hedges": tx.compile_cues(cues["hedges"])}
    for part in STAR_PARTS:
        compiled[part] = tx.compile_cues(cues["star"][part])
    units = "|".join(cues["specific_units"])
    compiled["quantity"] = re.compile(r"\d(?:[\d.,]*)\s?(?:" + units + r")(?![\w])")
    return compiled


@dataclass
class Communication:
    score: float  # 0-100
    word_count: int
    sentence_count: int
    filler_count: int
    hedge_count: int
    numbers: int
    named_terms: int
    star_parts: dict[str, bool]
    star_spans: dict[str, tuple[int, int]]  # where each found part's first cue sits
    parts: dict[str, float] = field(default_factory=dict)  # each component, 0-1
    longest_sentence: int = 0


def star_parts(answer: str) -> tuple[dict[str, bool], dict[str, tuple[int, int]]]:
    """Which STAR parts the answer's cue phrases show, and where the first cue of each is."""
    patterns = _patterns()
    lowered = tx.lower_same_length(answer)
    found: dict[str, bool] = {}
    spans: dict[str, tuple[int, int]] = {}
    for part in STAR_PARTS:
        match = patterns[part].search(lowered)
        if match is None and part == "situation":
            match = _PLACE_RE.search(answer)  # "At Brightmoor our releases ..."
        span = match.span() if match else None
        if span is None and part == "action":
            span = _elided_action(lowered)
        found[part] = span is not None
        if span:
            spans[part] = span
    return found, spans


def filler_spans(answer: str) -> list[tuple[int, int]]:
    return [m.span() for m in _patterns()["fillers"].finditer(tx.lower_same_length(answer))]


def hedge_spans(answer: str) -> list[tuple[int, int]]:
    return [m.span() for m in _patterns()["hedges"].finditer(tx.lower_same_length(answer))]


def length_fit(words: int, target: tuple[int, int]) -> float:
    """1 inside the target range; too short falls off faster than too long."""
    low, high = target
    if words < low:
        return (words / low) ** 1.5 if low else 1.0
    if words > high:
        return max(0.4, 1.0 - 0.6 * (words - high) / max(high, 1))
    return 1.0


def _structure(sentence_lengths: list[int], list_items: int) -> float:
    if not sentence_lengths:
        return 0.0
    longest = max(sentence_lengths)
    mean = sum(sentence_lengths) / len(sentence_lengths)
    score = 1.0
    if longest > RUN_ON_WORDS and list_items < 2:
        score -= min(0.6, 0.02 * (longest - RUN_ON_WORDS) + 0.3)
    if mean < 4 and len(sentence_lengths) > 2:  # fragments
        score -= 0.3
    return max(0.0, score)


def assess(
    answer: str,
    target_words: tuple[int, int],
    star: bool,
    known_terms: frozenset[str] = frozenset(),
) -> Communication:
    """Score the telling of ``answer``; ``known_terms``: job stems that count as specific."""
    patterns = _patterns()
    spans = tx.sentence_spans(answer)
    all_tokens = tx.tokens(answer)
    starts = [t.start for t in all_tokens]
    sentence_lengths = [bisect_left(starts, b) - bisect_left(starts, a) for a, b in spans]
    word_count = len(all_tokens)
    lowered = tx.lower_same_length(answer)
    fillers = len(patterns["fillers"].findall(lowered))
    hedges = len(patterns["hedges"].findall(lowered))
    numbers = len(_NUMBER_RE.findall(answer))
    quantities = len(patterns["quantity"].findall(lowered))
    named = len(set(_NAMED_RE.findall(answer)))
    if _CODE_HINT_RE.search(answer):
        named += len(set(_CODE_RE.findall(answer)))
    named += 2 * len(_EXAMPLE_RE.findall(lowered))
    if known_terms:
        named += len({s for s in tx.content_stems(answer) if s in known_terms})
    found, star_spans = star_parts(answer)

    per_100 = 100.0 / max(word_count, 20)  # short answers are not punished for one "um"
    delivery = 1.0 - 0.5 * min(1.0, fillers * per_100 / FILLERS_PER_100_FOR_ZERO) - 0.5 * min(
        1.0, hedges * per_100 / HEDGES_PER_100_FOR_ZERO
    )
    # Behavioural stories should carry numbers; technical answers, named things or examples.
    wanted = 3.0 if star else 2.0
    specificity = min(1.0, (numbers + quantities + 0.5 * named) / wanted)
    list_items = len(_LIST_ITEM_RE.findall(answer))
    parts = {
        "structure": _structure(sentence_lengths, list_items),
        "length": length_fit(word_count, target_words),
        "specificity": specificity,
        "delivery": max(0.0, delivery),
    }
    weights = WEIGHTS_PLAIN
    if star:
        # The result is what interviewers most often have to ask for: it weighs double.
        parts["star"] = (
            found["situation"] + found["task"] + found["action"] + 2 * found["result"]
        ) / 5
        weights = WEIGHTS_STAR
    score = 100.0 * sum(parts[name] * weight for name, weight in weights.items())
    return Communication(
        score=score, word_count=word_count, sentence_count=len(spans), filler_count=fillers,
        hedge_count=hedges, numbers=numbers + quantities, named_terms=named, star_parts=found,
        star_spans=star_spans, parts=parts, longest_sentence=max(sentence_lengths, default=0),
    )
