"""Text helpers for grading: tokens with offsets, sentences, a Porter stemmer, synonym labels.

Everything here is pure and cached; the word lists live in ``data/grading/*.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*%?")
# Abbreviations whose dots would otherwise become single-letter tokens or sentence ends.
_ABBREV_RE = re.compile(r"\b(?:e\.g|i\.e|etc|vs|cf)\.", re.I)
_SENTENCE_END_RE = re.compile(r"(?:[.!?;]+(?=\s|$)|\n+|(?<=\S)\s+(?=[-*•]\s))")
# A dot after these is not a sentence end; the letter of a contraction ("they don't.") is no
# initial.
_NO_BREAK_BEFORE_RE = re.compile(
    r"(?:(?<![a-z])(?:e\.g|i\.e|etc|vs|cf|approx)|(?<![a-z'\u2019])[a-z]|\.\.)\.$", re.I
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


@cache
def load_data(name: str) -> dict[str, Any]:
    """One of the packaged grading data files, parsed once."""
    path = resources.files("mock_interview").joinpath(f"data/grading/{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(load_data("words")["stopwords"])


@lru_cache(maxsize=1)
def _rubric() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("words")
    return frozenset(data["rubric_leading"]), frozenset(data["rubric_anywhere"])


def _past_step(first: tuple[str, ...]) -> bool:
    """A past verb that opens on its object ("Measured the turnaround", "Responded to the
    disclosure"); not a participle before its noun ("Deferred taxes arise ...")."""
    return len(first) == 2 and len(first[0]) >= 6 and first[0].endswith("ed") \
        and first[1] in stopwords() and first[1] not in ("and", "or")


_PAST_RUBRIC_VERBS = frozenset((
    "made", "sought", "took", "gave", "kept", "built", "told", "led", "ran", "set", "found",
    "held", "brought", "chose", "drew", "wrote", "met", "spoke", "won", "got"))
_PLURAL_SUBJECT_VERBS = frozenset((
    "are", "were", "can", "could", "must", "should", "will", "would", "may", "might", "have",
    "do", "need", "increase", "decrease", "reduce", "raise", "lower", "avoid", "signal"))


def describes_answer(points: tuple[str, ...]) -> bool:
    """Does the rubric mostly describe the answer ("Names a concrete project") rather than
    say what it should state? A nurse's "Gives naloxone per protocol" among points that state
    the subject is a step, not a description."""
    return 2 * sum(map(is_rubric_line, points)) >= len(points)


@lru_cache(maxsize=4096)
def is_rubric_line(point: str) -> bool:
    """A key point that describes the answer ("Names a concrete project") rather than
    stating what it should say."""
    first = words(point)[:2]
    # "Credits increase liability accounts", "Lists are mutable": a noun that reads like such a
    # verb, followed by its own verb, states what to say. A rubric may also tell what a strong
    # story did, in the past ("Verified the caller's identity", "Sought to understand").
    if not first or not (first[0] in _rubric()[0] or first[0] in _PAST_RUBRIC_VERBS
                         or _past_step(first)):
        return False
    return len(first) == 1 or first[1] not in _PLURAL_SUBJECT_VERBS


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    return load_data("words")["irregular"]


@lru_cache(maxsize=1)
def expansions() -> dict[str, tuple[str, ...]]:
    """Abbreviation -> the words it stands for."""
    raw = load_data("synonyms")["expansions"]
    return {key: tuple(value.split()) for key, value in raw.items()}


def normalise(text: str) -> str:
    """NFKC, straight quotes, lower case: the form all matching runs on."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()


@dataclass(frozen=True)
class Token:
    """A word of the original text: its lower-case form and where it sits."""

    text: str
    start: int
    end: int


def lower_same_length(text: str) -> str:
    """Lower case with straight quotes, keeping every offset (a few letters such as "İ" grow
    when lowered; those stay as they are)."""
    lowered = text.translate(_QUOTES).lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text.translate(_QUOTES))


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Words and numbers with offsets into ``text``."""
    lowered = _ABBREV_RE.sub(lambda m: " " * len(m.group()), lower_same_length(text))
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(lowered))


def compile_cues(patterns: list[str]) -> re.Pattern[str]:
    """One pattern for a list of cue phrases, to run on :func:`lower_same_length` text. Case
    is folded beforehand because a case-insensitive alternation is several times slower."""
    return re.compile(r"(?<![a-z0-9'])(?:" + "|".join(patterns) + r")(?![a-z0-9'])")


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Lower-case words after expanding abbreviations (``fifo`` -> first in first out)."""
    out: list[str] = []
    expansions_ = expansions()
    for match in _TOKEN_RE.finditer(_ABBREV_RE.sub(" ", normalise(text))):
        word = match.group()
        out.extend(expansions_.get(word, (word,)))
    return tuple(out)


_ALNUM_RE = re.compile(r"[^\W_]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item, trimmed, so ``text[start:end]`` is verbatim."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=256)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        if text[match.start()] == "." and _NO_BREAK_BEFORE_RE.search(
            text[max(0, match.end() - 10) : match.end()]
        ):
            continue
        end = match.end() if text[match.start()] in ".!?;" else match.start()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin and _ALNUM_RE.search(text, begin, end):
            trimmed.append((begin, end))
    return tuple(trimmed)


# ---- Porter (1980) stemmer -------------------------------------------------------------


def _cons(word: str, i: int) -> bool:
    char = word[i]
    if char in "aeiou":
        return False
    if char == "y":
        return i == 0 or not _cons(word, i - 1)
    return True


def _measure(stem: str) -> int:
    """m in [C](VC)^m[V]."""
    count, prev_vowel = 0, False
    for i in range(len(stem)):
        vowel = not _cons(stem, i)
        if not vowel and prev_vowel:
            count += 1
        prev_vowel = vowel
    return count


def _has_vowel(stem: str) -> bool:
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _cons(word, len(word) - 1)


def _cvc(word: str) -> bool:
    return (
        len(word) >= 3 and _cons(word, len(word) - 3) and not _cons(word, len(word) - 2)
        and _cons(word, len(word) - 1) and word[-1] not in "wxy"
    )


_STEP2 = sorted(
    [("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
     ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
     ("ization", "ize"), ("isation", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"),
     ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
     ("iviti", "ive"), ("biliti", "ble"), ("logi", "log")],
    key=lambda pair: -len(pair[0]),
)
_STEP3 = [("icate", "ic"), ("ative", ""), ("alize", "al"), ("alise", "al"), ("iciti", "ic"),
          ("ical", "ic"), ("ful", ""), ("ness", "")]
_STEP4 = sorted(
    ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
     "ou", "ism", "ate", "iti", "ous", "ive", "ize", "ise"],
    key=lambda suffix: -len(suffix),
)


def _replace(word: str, table: list[tuple[str, str]], minimum: int) -> str:
    for suffix, replacement in table:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            return stem + replacement if _measure(stem) > minimum else word
    return word


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Porter stem of a lower-case word, after a few irregular forms (built -> build)."""
    word = _irregular().get(word, word)
    if len(word) <= 2 or not word.isalpha():
        return word
    # British spellings meet American ones: behaviour/behavior, analyse/analyze.
    if len(word) > 5 and word.endswith(("our", "ours")):
        word = word.replace("our", "or")
    elif word.endswith(("yse", "ysed", "yses", "ysing")):
        word = word.replace("ys", "yz")
    # Step 1a: plurals.
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    # Step 1b: -ed, -ing.
    stripped = False
    if word.endswith("eed"):
        if _measure(word[:-3]) > 0:
            word = word[:-1]
    elif word.endswith("ed") and _has_vowel(word[:-2]):
        word, stripped = word[:-2], True
    elif word.endswith("ing") and _has_vowel(word[:-3]):
        word, stripped = word[:-3], True
    if stripped:
        if word.endswith(("at", "bl", "iz")):
            word += "e"
        elif _double_cons(word) and word[-1] not in "lsz":
            word = word[:-1]
        elif _measure(word) == 1 and _cvc(word):
            word += "e"
    # Step 1c: y -> i.
    if word.endswith("y") and _has_vowel(word[:-1]):
        word = word[:-1] + "i"
    word = _replace(word, _STEP2, 0)
    word = _replace(word, _STEP3, 0)
    # Step 4: -ion only after s or t.
    for suffix in _STEP4:
        if word.endswith(suffix):
            stem_part = word[: -len(suffix)]
            if _measure(stem_part) > 1 and (suffix != "ion" or stem_part[-1:] in ("s", "t")):
                word = stem_part
            break
    # Step 5.
    if word.endswith("e"):
        measure = _measure(word[:-1])
        if measure > 1 or (measure == 1 and not _cvc(word[:-1])):
            word = word[:-1]
    if _measure(word) > 1 and _double_cons(word) and word.endswith("l"):
        word = word[:-1]
    return word


@lru_cache(maxsize=1)
def everyday_stems() -> frozenset[str]:
    """Stems of the word list's common words: said in any field."""
    return frozenset(stem(w) for w in load_data("words")["common_words"])


# ---- synonyms ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _synonym_index() -> dict[str, frozenset[str]]:
    """Stem -> the labels ("~function") of every synonym group the word belongs to."""
    index: dict[str, set[str]] = {}
    for group in load_data("synonyms")["groups"]:
        label = "~" + group[0]
        for member in group:
            for part in (member,) if " " not in member else ():
                index.setdefault(stem(normalise(part)), set()).add(label)
    return {key: frozenset(value) for key, value in index.items()}


def synonym_labels(word_stem: str) -> frozenset[str]:
    return _synonym_index().get(word_stem, frozenset())


PHRASE_MAX_STEMS = 4


@lru_cache(maxsize=1)
def _phrase_index() -> dict[tuple[str, ...], frozenset[str]]:
    """Content stems of a several-word group member ("slowest step") -> the group labels."""
    index: dict[tuple[str, ...], set[str]] = {}
    for group in load_data("synonyms")["groups"]:
        label = "~" + group[0]
        for member in group:
            if " " in member:
                stems = content_stems(member)
                if 2 <= len(stems) <= PHRASE_MAX_STEMS:
                    index.setdefault(stems, set()).add(label)
    return {key: frozenset(value) for key, value in index.items()}


def phrases_in(stems: tuple[str, ...]) -> list[tuple[tuple[str, ...], frozenset[str]]]:
    """The several-word synonyms said in a run of content stems ("the slowest step caps
    output" says "~bottleneck"), each as its stems and its group labels."""
    index = _phrase_index()
    found = []
    for i in range(len(stems) - 1):
        for n in range(2, min(PHRASE_MAX_STEMS, len(stems) - i) + 1):
            labels = index.get(stems[i:i + n])
            if labels:
                found.append((stems[i:i + n], labels))
    return found


def phrase_labels(stems: tuple[str, ...], given: frozenset[str] = frozenset()) -> frozenset[str]:
    """Labels of the several-word synonyms in ``stems``, except those made only of ``given``
    words."""
    return frozenset(label for window, labels in phrases_in(stems)
                     if not set(window) <= given for label in labels)


def content_words(text: str, drop_rubric: bool = False) -> list[str]:
    """Content words of ``text`` in order: no stopwords, no stray letters. With ``drop_rubric``
    (for key points) also the rubric's own words, such as the "Explains" of "Explains how ..."."""
    stop = stopwords()
    found = words(text)
    if drop_rubric:
        leading, anywhere = _rubric()
        skip = 0
        while skip < min(2, len(found)) and found[skip] in leading:
            skip += 1
        found = tuple(w for w in found[skip:] if w not in anywhere)
    return [w for w in found if w not in stop and (len(w) > 1 or w.isdigit() or w == "n")]


@lru_cache(maxsize=20_000)
def content_stems(text: str, drop_rubric: bool = False) -> tuple[str, ...]:
    """Stems of :func:`content_words`."""
    return tuple(stem(w.replace("'", "")) for w in content_words(text, drop_rubric))
