"""Comparisons turned round: a sentence that ranks two things the other way from the point.

"Several small rounds of testing work better than one large test" against "it's better to run
a single big test than several small rounds"; "recognition rather than recall" against
"recall rather than recognition"; "higher for pavement than for lawns" against "lower for
pavement". A comparison gives each side a place on a scale, the winner above the other; a
sentence that puts the point's winner below its other side, on the same scale, in more words
than it puts where the point does, states the opposite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.domain.grading import claims
from mock_interview.domain.grading import text as tx

# Preference has one scale, whatever words say it.
_PREFERENCE = "prefer"
_PREFERRED = frozenset(["better", "preferable", "superior", "rather", "instead"])
_DISPREFERRED = frozenset(["worse", "inferior"])
# "more informative", "less reliable": the scale is the word after.
_MORE = frozenset(["more", "greater"])
_LESS = frozenset(["less", "fewer"])
_NEGATORS = frozenset(["not", "no", "never", "nor", "isn't", "aren't", "doesn't", "don't",
                       "didn't", "wasn't", "weren't", "won't", "wouldn't", "cannot", "can't"])
NEGATION_REACH = 3  # words before a comparative that may deny it
SIDE_WORDS = 10  # words of a side, at most, read on either side of the comparative
BETWEEN_WORDS = 12  # words, at most, between a comparative and its "than"
# A side ends where its clause does.
_BOUNDARY = frozenset([",", ";", ":", "(", ")", "because", "since", "so", "which", "while",
                       "whereas", "but", "although", "though", "when", "if", "unless", "as"])
# What follows the other side is no longer it: "than overall materiality *to* reduce the risk",
# "rather than recall *means* ...".
_SIDE_ENDS = frozenset(["to", "that", "who", "where", "is", "are", "was", "were", "be", "been",
                        "means", "mean", "meaning", "will", "would", "can", "could", "should",
                        "must", "may", "might", "does", "do", "did", "has", "have", "had"])
_PREPOSITIONS = frozenset(["for", "in", "with", "on", "at", "among", "under", "to"])
CONFLICTS = 2  # words a sentence must put on the other side from the point


@dataclass(frozen=True)
class Ranking:
    scale: str
    winner: frozenset[str]  # stems of the side ranked higher on the scale
    loser: frozenset[str]


_WORD_RE = re.compile(r"[a-z0-9][a-z0-9'-]*|[,;:()]")


# "More likely than not" is a probability, not a comparison.
_IDIOM_RE = re.compile(r"\b(?:more|less)\s+likely\s+than\s+not\b|\([^()]*\)")


def _words(text: str) -> list[str]:
    # An aside in brackets ("higher for pavement (around 0.9) than for lawns") is skipped.
    return _WORD_RE.findall(_IDIOM_RE.sub(" ", text.lower()))


@lru_cache(maxsize=4096)
def _scale(word: str, following: str) -> tuple[str, int] | None:
    """(scale, +1 or -1) of a comparative word ("higher", "more informative"), else None."""
    if word in _PREFERRED:
        return _PREFERENCE, 1
    if word in _DISPREFERRED:
        return _PREFERENCE, -1
    if word in _MORE or word in _LESS:
        if following == "than":
            return None  # "more than 40 hours" is a bound
        stem = tx.stem(following)
        return (stem, 1 if word in _MORE else -1) if following.isalpha() else None
    if not word.endswith("er") or len(word) < 5:
        return None
    stem = tx.stem(word)
    opposite = claims.antonyms_of(stem)
    if not opposite:
        return stem, 1
    # Two ends of one scale share a name: the first of the pair in alphabetical order.
    ends = sorted(claims.same_side(stem) | opposite)
    first_side = claims.same_side(ends[0])
    return ends[0], 1 if stem in first_side else -1


def _side(words: list[str], backward: bool) -> frozenset[str]:
    """The content stems of a side: the words up to the clause's edge, at most SIDE_WORDS."""
    out: list[str] = []
    for word in words if not backward else reversed(words):
        if word in _BOUNDARY or word in ("than", "rather", "instead") \
                or not backward and word in _SIDE_ENDS:
            break
        out.append(word)
        if len(out) >= SIDE_WORDS:
            break
    return frozenset(tx.content_stems(" ".join(out)))


@lru_cache(maxsize=8192)
def rankings(text: str) -> tuple[Ranking, ...]:
    """The comparisons a text makes: "A ... <comparative> than B", "<comparative> for A than
    for B", "better to A than B", "A rather than B", "A instead of B"."""
    words = _words(text)
    out: list[Ranking] = []
    one_sided: list[Ranking] = []
    for k, word in enumerate(words):
        if word in ("rather", "instead") and words[k + 1:k + 2] in (["than"], ["of"]):
            winner = _side(words[:k], backward=True)
            loser = _side(words[k + 2:], backward=False)
            scale, way = _PREFERENCE, 1
        else:
            if word == "than" or k + 1 >= len(words):
                continue
            found = _scale(word, words[k + 1])
            if found is None:
                continue
            scale, way = found
            start = k + 2 if word in _MORE or word in _LESS else k + 1
            than = next((m for m in range(start, min(len(words), start + BETWEEN_WORDS + 1))
                         if words[m] == "than"), None)
            stop = next((m for m in range(start, len(words)) if words[m] in _BOUNDARY),
                        len(words))
            between = words[start:than if than is not None and than < stop else stop]
            if between and (between[0] in _PREPOSITIONS):
                # "higher for pavement than for lawns", "better to run one test than several"
                winner = frozenset(tx.content_stems(" ".join(between[1:])))
            elif than is not None and than < stop:
                # The word right before the comparative is the verb it qualifies ("clay *drains*
                # slower"), not the side.
                before = words[:k - 1] if k and tx.content_stems(words[k - 1]) else words[:k]
                winner = _side(before, backward=True) | frozenset(
                    tx.content_stems(" ".join(between)))
            else:
                continue
            if than is not None and than < stop:
                after = words[than + 1:]
                if after and after[0] in _PREPOSITIONS:
                    after = after[1:]
                loser = _side(after, backward=False)
            else:
                loser = frozenset()  # "lower for pavement": one side, placed on the scale
            if set(words[max(0, k - NEGATION_REACH):k]) & _NEGATORS:
                way = -way
        shared = winner & loser
        winner, loser = winner - shared, loser - shared
        ranking = Ranking(scale, winner, loser) if way > 0 else Ranking(scale, loser, winner)
        if winner and loser:
            out.append(ranking)
        elif winner or loser:
            one_sided.append(ranking)
    # One side each, on one scale, make a comparison together ("higher for grass, and lower
    # for pavement"); one alone ("lower for aggregation risk") may name a reason, not a side.
    for scale in dict.fromkeys(r.scale for r in one_sided):
        on_it = [r for r in one_sided if r.scale == scale]
        winner = frozenset().union(*(r.winner for r in on_it))
        loser = frozenset().union(*(r.loser for r in on_it))
        if winner and loser:
            out.append(Ranking(scale, winner - loser, loser - winner))
    return tuple(out)


def reversed_ranking(point: str, sentence: str,
                     question_stems: frozenset[str]) -> claims.Contradiction | None:
    """A sentence that ranks on the point's scale what the point ranks higher below what it
    ranks lower, in more words than it places as the point does; None otherwise."""
    ours = rankings(point)
    if not ours:
        return None
    theirs = rankings(sentence)
    for our in ours:
        if not (our.winner and our.loser):
            continue
        crossed: set[str] = set()
        agreed: set[str] = set()
        for their in theirs:
            if their.scale == our.scale:
                crossed |= (their.winner & our.loser) | (their.loser & our.winner)
                agreed |= (their.winner & our.winner) | (their.loser & our.loser)
        if len(crossed) >= CONFLICTS and crossed - question_stems \
                and len(agreed) * 2 < len(crossed):
            return claims.Contradiction(
                "ranking", f"{sorted(our.winner)[0]} over {sorted(our.loser)[0]}, reversed")
    return None


# One of two things the question contrasts, preferred: "I always side with IRR", "NPV is
# generally preferred", "go with FIFO".
_PREFER_BEFORE_RE = re.compile(
    r"\b(?:prefer(?:s|red|ring)?|(?:go|goes|went|side|sides|sided|stick|sticks|stuck)\s+with"
    r"|choose|chooses|chose|pick|picks|picked|favou?r(?:s|ed)?|recommend(?:s|ed)?)\s+"
    r"(?:the\s+|an?\s+|using\s+)?([a-z0-9-]+)", re.I)
_PREFER_AFTER_RE = re.compile(
    r"\b([a-z0-9-]+)\s+(?:is|are|was|remains?)\s+(?:\w+\s+)?(?:preferred|favou?red|recommended"
    r"|the\s+(?:better|best|right|safer|preferred|more\s+reliable|stronger)\s+(?:choice|option"
    r"|measure|metric|tool|guide|one|method|approach))\b", re.I)
_REJECT_NEAR_RE = re.compile(r"\b(?:not|never|no|n't|rather\s+than|instead\s+of|over)\b", re.I)


def _preferred(text: str, pair: frozenset[str]) -> frozenset[str]:
    """Which of the two things the text prefers, by a word of preference right beside it;
    empty when it prefers neither or names a preference it denies."""
    out: set[str] = set()
    for pattern in (_PREFER_BEFORE_RE, _PREFER_AFTER_RE):
        for match in pattern.finditer(text):
            stem = tx.stem(match.group(1).lower())
            before = text[max(0, match.start() - 15):match.start()]
            if stem in pair and not _REJECT_NEAR_RE.search(before + " " + match.group(0)):
                out.add(stem)
    return frozenset(out)


def other_preferred(point: str, sentence: str,
                    pair: frozenset[str] | None) -> claims.Contradiction | None:
    """The sentence prefers the other of two things the question contrasts, where the point
    prefers one ("I always side with IRR" against "NPV is generally preferred")."""
    if not pair:
        return None
    ours, theirs = _preferred(point, pair), _preferred(sentence, pair)
    if len(ours) == 1 and len(theirs) == 1 and ours != theirs:
        return claims.Contradiction("ranking", f"{next(iter(theirs))} preferred over "
                                               f"{next(iter(ours))}")
    return None
