"""Key-point coverage: how much of each reference point an answer states, in 0-1.

A point's content words are matched in the answer by stem (1.0), by a synonym group (0.8) or
as a near spelling (0.8: character-trigram Dice >= 0.6, or one or two typing slips in a longer
word). A compound written as two words ("sub-tree") matches its one-word form. Words the question already uses
count a quarter: repeating the question is not knowing the answer. Words shared by several
points of the question weigh less. Each point's coverage goes through a saturating curve,
because people state an idea in fewer words than a reference does; the points are averaged
by their content weight.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.domain.grading import text as tx


@dataclass(frozen=True)
class Tuning:
    """The constants of the technical score. Tuned by question-level cross-validation on
    public data (bench/grading_accuracy.py); the defaults are what ships."""

    saturation: float = 0.6  # coverage at which a point counts as fully made
    curve: float = 0.5  # exponent below 1: the first words of a point are worth most
    base: float = 0.4  # technical score of an on-topic answer that covers nothing
    question_weight: float = 0.25  # weight of point words that the question already says
    synonym_credit: float = 0.8
    fuzzy_credit: float = 0.8


DEFAULT_TUNING = Tuning()
FUZZY_DICE = 0.6  # trigram overlap for "the same word, misspelt"
# Or, from this many letters, one slip (a letter dropped, added or two swapped; two slips of any
# kind from TYPO2_LETTERS) with the first letter right.
TYPO_LETTERS = 6
TYPO2_LETTERS = 9
# One matching word of a long point is weak evidence that the point was made (in an
# interview, "function" alone does not explain a decorator): its coverage counts half.
LONG_POINT_TERMS = 4
LONE_WORD_FACTOR = 0.5


@dataclass(frozen=True)
class PointTerm:
    stem: str
    surface: str  # one written form, for the near-spelling check
    labels: frozenset[str]
    in_question: bool


@dataclass(frozen=True)
class PointModel:
    text: str
    terms: tuple[PointTerm, ...]
    local_weight: tuple[float, ...]  # rarer across this question's points -> heavier


@dataclass(frozen=True)
class Reference:
    """A question and its key points, analysed once and cached."""

    question_stems: frozenset[str]
    points: tuple[PointModel, ...]
    vocabulary: frozenset[str]  # stems and synonym labels of the question and its points


@dataclass(frozen=True)
class AnswerTerms:
    """What coverage needs from an answer."""

    stems: tuple[str, ...]
    features: frozenset[str]  # stems plus synonym labels of words the question does not use
    surfaces: tuple[str, ...]  # distinct written forms of 4+ letters, for near spellings
    gram_index: dict[str, list[int]]  # trigram -> positions in surfaces that contain it
    # Instead of the index, for part of an answer: the point words that some word of this part
    # nearly spells, worked out from the whole answer's ``near_map`` (see ``windowed``).
    near: dict[str, frozenset[str]] | None = None


@dataclass(frozen=True)
class PointCoverage:
    point: str
    coverage: float  # raw weighted share of the point's words found, 0-1
    credit: float  # after the saturating curve, 0-1
    matched: tuple[str, ...]  # matched stems


# A reference sentence splits where a new clause starts: at ";", and at a comma before a
# contrast or consequence ("but", "whereas", "while", "so") or a step ("then"). Never inside a
# list or a relation ("X and Y", "A increases B"): a key point is read as a claim, and a clause
# cut from its subject or its verb can neither be credited nor contradicted.
_CLAUSE_BREAK_RE = re.compile(
    r";\s*|,\s*(?=(?:and\s+)?(?:then|but|whereas|while|so|which)\b)|,\s*(?=and\b)"
    r"|\s+(?=(?:whereas|while)\b)", re.I)
_STEP_RE = re.compile(r"(?:and\s+)?then\b", re.I)
MIN_CLAUSE_STEMS = 3  # a shorter clause (not a step) stays with the one before it


def split_points(reference: str) -> list[str]:
    """Split a prose reference answer into sentence- or clause-sized points."""
    pieces: list[str] = []
    for start, end in tx.sentence_spans(reference):
        merged: list[str] = []
        for clause in _CLAUSE_BREAK_RE.split(reference[start:end]):
            clause = clause.strip()
            if not tx.content_stems(clause):
                continue
            if merged and not _STEP_RE.match(clause) and (
                    len(tx.content_stems(clause)) < MIN_CLAUSE_STEMS
                    or len(tx.content_stems(merged[-1])) < MIN_CLAUSE_STEMS):
                merged[-1] = f"{merged[-1]}, {clause}"
            else:
                merged.append(clause)
        pieces.extend(merged)
    return pieces or [reference]


@lru_cache(maxsize=50_000)
def _trigrams(word: str) -> frozenset[str]:
    padded = f"^{word}$"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


@lru_cache(maxsize=4096)
def prepare_reference(question: str, key_points: tuple[str, ...]) -> Reference:
    """Analyse a question and its key points (cached: a session asks each question once)."""
    question_stems = frozenset(tx.content_stems(question))
    if not key_points:  # nothing to compare with: the question itself is the only reference
        key_points, question_stems = (question,), frozenset()
    per_point: list[list[PointTerm]] = []
    for point in key_points:
        seen: dict[str, PointTerm] = {}
        words = tx.content_words(point, drop_rubric=True)
        stems = tx.content_stems(point, drop_rubric=True)
        # A several-word term of the point ("response time") is met by its one-word synonym
        # ("latency"): each of its words takes the group's label.
        in_phrase: dict[str, frozenset[str]] = {}
        for window, labels in tx.phrases_in(stems):
            for stem in window:
                in_phrase[stem] = in_phrase.get(stem, frozenset()) | labels
        for word, stem in zip(words, stems, strict=True):
            if stem not in seen:
                seen[stem] = PointTerm(stem, word,
                                       tx.synonym_labels(stem) | in_phrase.get(stem, frozenset()),
                                       stem in question_stems)
        per_point.append(list(seen.values()))
    # Words shared by many points say little about which point an answer makes.
    doc_freq: dict[str, int] = {}
    for terms in per_point:
        for term in terms:
            doc_freq[term.stem] = doc_freq.get(term.stem, 0) + 1
    count = len(per_point)
    points = []
    for point, terms in zip(key_points, per_point, strict=True):
        local = tuple(1.0 + 0.5 * math.log(count / doc_freq[t.stem]) for t in terms)
        points.append(PointModel(point, tuple(terms), local))
    vocabulary = set(question_stems)
    for terms in per_point:
        for term in terms:
            vocabulary.add(term.stem)
            vocabulary.update(term.labels)
    return Reference(question_stems, tuple(points), frozenset(vocabulary))


def answer_terms(
    answer: str, question_stems: frozenset[str], near_spellings: bool = True
) -> AnswerTerms:
    """Analyse an answer; without ``near_spellings`` the trigram index is skipped."""
    return terms_from_words(tx.content_words(answer), question_stems, near_spellings)


def terms_from_words(
    words: list[str], question_stems: frozenset[str], near_spellings: bool = True
) -> AnswerTerms:
    """Analyse the content words of an answer or of part of it."""
    stems = tuple(tx.stem(w.replace("'", "")) for w in words)
    features = features_of(stems, question_stems)
    surfaces = tuple(w for w in dict.fromkeys(words) if len(w) >= 4) if near_spellings else ()
    gram_index: dict[str, list[int]] = {}
    for position, word in enumerate(surfaces):
        for gram in _trigrams(word):
            gram_index.setdefault(gram, []).append(position)
    return AnswerTerms(stems, features, surfaces, gram_index)


def features_of(stems: tuple[str, ...], question_stems: frozenset[str]) -> frozenset[str]:
    """The stems with the synonym labels of those the question does not use (a question word
    must not earn its synonyms' credit)."""
    features = set(stems)
    for stem in features - question_stems:
        features.update(tx.synonym_labels(stem))
    features.update(tx.phrase_labels(stems, question_stems))
    features.update(_joined(stems))
    return frozenset(features)


@lru_cache(maxsize=50_000)
def _join(first: str, second: str) -> str:
    return tx.stem(first + second)


def _joined(stems: tuple[str, ...]) -> list[str]:
    """Compounds written as two words ("sub-tree", "post fix", "re-usable") in their one-word
    form, as a reference may write them ("subtree", "postfix", "reusable")."""
    return [_join(a, b) for a, b in zip(stems, stems[1:], strict=False)
            if a.isalpha() and b.isalpha() and len(a) + len(b) >= 6]


def near_map(reference: Reference, answer: AnswerTerms) -> dict[str, frozenset[str]]:
    """For every point word, the answer's words that are near spellings of it."""
    out: dict[str, frozenset[str]] = {}
    for point in reference.points:
        for term in point.terms:
            if term.surface not in out and len(term.surface) >= 4:
                out[term.surface] = frozenset(_near_words(term, answer))
    return out


def windowed(parts: list[AnswerTerms], near: dict[str, frozenset[str]]) -> AnswerTerms:
    """The terms of neighbouring sentences together, with near spellings read from the whole
    answer's map (``near_map``) instead of a trigram index of their own."""
    if len(parts) == 1:
        stems, features, surfaces = parts[0].stems, parts[0].features, parts[0].surfaces
    else:
        stems = tuple(s for part in parts for s in part.stems)
        features = frozenset().union(*(part.features for part in parts))
        surfaces = tuple(dict.fromkeys(w for part in parts for w in part.surfaces))
    present = frozenset(surfaces)
    hits = {term: frozenset([term]) for term, words in near.items() if words & present}
    return AnswerTerms(stems, features, surfaces, {}, hits)


def _near_words(term: PointTerm, answer: AnswerTerms) -> list[str]:
    grams = _trigrams(term.surface)
    shared: dict[int, int] = {}
    for gram in grams:
        for position in answer.gram_index.get(gram, ()):
            shared[position] = shared.get(position, 0) + 1
    return [answer.surfaces[position] for position, count in shared.items()
            if _near(term.surface, answer.surfaces[position], count, len(grams))]


def _near(target: str, word: str, shared: int, target_grams: int) -> bool:
    """Is ``word`` ``target`` misspelt: most trigrams shared, or, for a longer word, a
    letter or two dropped, doubled, swapped or mistyped ("refrence", "paramter")?"""
    if abs(len(word) - len(target)) > 3:
        return False
    if 2 * shared >= FUZZY_DICE * (target_grams + len(_trigrams(word))):
        return True
    allowed = 2 if len(target) >= TYPO2_LETTERS else 1 if len(target) >= TYPO_LETTERS else 0
    if allowed == 1 and len(word) == len(target) and sorted(word) != sorted(target):
        return False  # one letter changed in a mid-length word is often another word (insert, invert)
    return bool(allowed) and word[0] == target[0] and _edits(target, word, allowed) <= allowed


@lru_cache(maxsize=50_000)
def _edits(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours is one edit), or limit + 1
    once it is certain to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _near_spelling(term: PointTerm, answer: AnswerTerms) -> bool:
    """Does the answer hold a word whose trigrams match this term's (Dice >= FUZZY_DICE)?"""
    if len(term.surface) < 4:
        return False
    if answer.near is not None:
        return term.surface in answer.near
    grams = _trigrams(term.surface)
    shared: dict[int, int] = {}
    for gram in grams:
        for position in answer.gram_index.get(gram, ()):
            shared[position] = shared.get(position, 0) + 1
    return any(_near(term.surface, answer.surfaces[position], count, len(grams))
               for position, count in shared.items())


def point_coverage(
    point: PointModel, answer: AnswerTerms, tuning: Tuning = DEFAULT_TUNING, fuzzy: bool = True,
    unmatched: frozenset[str] = frozenset(),
) -> PointCoverage:
    """How much of ``point`` the answer states; stems in ``unmatched`` count as not said."""
    total = got = 0.0
    matched = []
    for term, local in zip(point.terms, point.local_weight, strict=True):
        weight = local * (tuning.question_weight if term.in_question else 1.0)
        total += weight
        if term.stem in unmatched:
            continue
        if term.stem in answer.features:
            credit = 1.0
        elif term.labels & answer.features:
            credit = tuning.synonym_credit
        elif fuzzy and _near_spelling(term, answer):
            credit = tuning.fuzzy_credit
        else:
            continue
        got += weight * credit
        matched.append(term.stem)
    coverage = got / total if total else 0.0
    if len(matched) < 2 and len(point.terms) >= LONG_POINT_TERMS:
        coverage *= LONE_WORD_FACTOR
    credit = min(1.0, coverage / tuning.saturation) ** tuning.curve if coverage else 0.0
    return PointCoverage(point.text, coverage, credit, tuple(matched))


def point_weight(point: PointModel, tuning: Tuning = DEFAULT_TUNING) -> float:
    """Points with more (new) content carry more of the score."""
    return sum(
        local * (tuning.question_weight if term.in_question else 1.0)
        for term, local in zip(point.terms, point.local_weight, strict=True)
    )


def technical_score(content: float, tuning: Tuning = DEFAULT_TUNING) -> float:
    """0-100 from the 0-1 content score: an answer that says something relevant starts at base."""
    return 100.0 * (tuning.base + (1.0 - tuning.base) * content)


def relevance(reference: Reference, answer: AnswerTerms) -> float:
    """Share of the answer's content words that belong to the question's vocabulary (0-1)."""
    if not answer.stems:
        return 0.0
    vocabulary = reference.vocabulary
    hits = sum(
        1 for stem in answer.stems
        if stem in vocabulary or tx.synonym_labels(stem) & vocabulary
    )
    return hits / len(answer.stems)


def question_overlap(reference: Reference, answer: AnswerTerms) -> tuple[float, int]:
    """(share of the answer's content words found in the question, words it adds beyond it)."""
    if not answer.stems:
        return 0.0, 0
    inside = sum(1 for stem in answer.stems if stem in reference.question_stems)
    new = len({stem for stem in answer.stems if stem not in reference.question_stems})
    return inside / len(answer.stems), new
