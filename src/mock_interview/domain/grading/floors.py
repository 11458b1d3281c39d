"""Answers that must score low whatever their words: empty, "I don't know", keyboard mash,
off-topic, a copy of the question; and text that tries to instruct the grader."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from mock_interview.domain.grading import text as tx
from mock_interview.domain.grading.coverage import AnswerTerms, Reference, question_overlap

FLOOR_CAP = 20.0  # the most a floor case may score, overall and technical
# Words that carry no answer when they sit around "I don't know".
_COURTESY = frozenset([
    "sorry", "please", "thanks", "thank", "you", "um", "uh", "hmm", "well", "honestly", "really",
    "unfortunately", "question", "one", "answer", "this", "that", "it", "right", "now", "moment",
    "remember", "recall", "quite", "ok", "okay", "afraid", "yeah", "yes", "so", "basically",
    "like", "just", "actually", "literally", "anyway", "whatever", "hmm", "er", "erm", "ah",
    "great", "good", "interesting", "tough", "hard", "difficult", "fair", "situation", "context",
    "case", "depends", "think", "thinking", "later", "time", "maybe", "perhaps", "guess",
    "stuff", "thing", "things", "kind", "sort", "mean", "know", "say", "said", "lot", "many",
    "much", "dunno", "pass", "skip", "next", "move", "moving", "lorem", "ipsum", "dolor", "sit",
    "amet", "consectetur", "adipiscing", "elit", "sed", "eiusmod", "tempor", "incididunt",
    "labore", "dolore", "magna", "aliqua", "circumstances", "right", "sure", "certain", "wow",
])
DONT_KNOW_MAX_CHARS = 400
_OFF_TOPIC_MIN_WORDS = 25  # shorter answers are judged by coverage alone
_OFF_TOPIC_RELEVANCE = 0.08
_COPY_SHARE = 0.8  # share of the answer's content words taken from the question
_COPY_NEW_WORDS = 2  # at most this many content words of its own


@lru_cache(maxsize=1)
def _dont_know_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["dont_know"])


@lru_cache(maxsize=1)
def _injection_re() -> re.Pattern[str]:
    # Only the start is anchored: markers such as "<|im_start|>" end in punctuation.
    patterns = tx.load_data("cues")["injection"]
    return re.compile(r"(?<![a-z0-9'])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


def is_empty(answer: str) -> bool:
    return not any(ch.isalnum() for ch in answer)


def is_dont_know(answer: str, question_stems: frozenset[str]) -> bool:
    """A non-answer ("I don't know", "I'd rather not say", "I would have to look it up",
    "pass", a polite dodge, lorem ipsum, filler): once those phrases are removed, nothing is
    left but courtesy and filler words and the question's own words."""
    if len(answer) > DONT_KNOW_MAX_CHARS:  # a long answer is never only "I don't know"
        return False
    lowered = tx.lower_same_length(answer)
    if not _dont_know_re().search(lowered) and not _only_filler(lowered):
        return False
    rest = _dont_know_re().sub(" ", lowered)
    leftover = [
        stem for word, stem in zip(tx.content_words(rest), tx.content_stems(rest), strict=True)
        if word not in _COURTESY and stem not in question_stems
    ]
    return not leftover


NON_ANSWER_MAX_WORDS = 20
NON_ANSWER_OWN_WORDS = 2  # "I'd have to look that up, I don't remember how it flows"


def says_no_answer(answer: str, question_stems: frozenset[str] = frozenset()) -> bool:
    """A short answer with a "don't know", "rather not", "look it up" or dodge phrase, and next
    to nothing of its own besides: "Not sure, you pass the head pointer so the function can
    walk the list" is a hedged answer, not a dodge."""
    if len(tx.tokens(answer)) > NON_ANSWER_MAX_WORDS:
        return False
    lowered = tx.lower_same_length(answer)
    if not any(any(ch.isalpha() for ch in m.group()) for m in _dont_know_re().finditer(lowered)):
        return False
    rest = _dont_know_re().sub(" ", lowered)
    own = [stem for word, stem in zip(tx.content_words(rest), tx.content_stems(rest), strict=True)
           if word not in _COURTESY and stem not in question_stems]
    return len(own) <= NON_ANSWER_OWN_WORDS


SAYS_NOTHING_MAX_WORDS = 25


def says_nothing(answer: str, reference: Reference, star: bool = False) -> bool:
    """A short answer with no word of its own: nothing but the question's words and courtesy
    or filler ("What does a p-value mean? Yeah, what does it mean, that's the question")."""
    if len(tx.tokens(answer)) > SAYS_NOTHING_MAX_WORDS:
        return False
    if star:
        from mock_interview.domain.grading.communication import star_parts

        if sum(star_parts(answer)[0].values()) >= 2:
            return False
    own = [s for w, s in zip(tx.content_words(answer), tx.content_stems(answer), strict=True)
           if w not in _COURTESY and s not in reference.question_stems]
    return not own


def _only_filler(lowered: str) -> bool:
    words = [w for w in tx.words(lowered) if w.isalpha()]
    return bool(words) and all(w in _COURTESY or w in tx.stopwords() for w in words)


_LIST_SPLIT_RE = re.compile(r"\s*(?:[,;\n|/]|\s-\s|\u2022|\s\*\s)\s*")
_SENTENCE_MARK_RE = re.compile(r"[.!?](?:\s|$)")
_VERB_HINTS = frozenset([
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "can", "could", "would", "should", "will", "shall", "may", "might", "must", "i", "we",
    "you", "they", "it", "he", "she", "because", "so", "which", "that", "when", "if", "then",
])


KEYWORD_ITEM_WORDS = 4  # longer items, or items this long with a verb or pronoun, read as sentences
KEYWORD_LIST_ODD_SHARE = 0.2  # a list may quote a template or two ("As a … I want … so that")


def is_keyword_list(answer: str) -> bool:
    """A bare list of terms: three or more items, next to none reading as a sentence, and no
    sentence marks between them."""
    if _SENTENCE_MARK_RE.search(answer.strip().rstrip(".!?")):
        return False
    items = [i.strip(" .-*\u2022\t") for i in _LIST_SPLIT_RE.split(answer.strip())]
    items = [i for i in items if any(ch.isalnum() for ch in i)]
    if len(items) < 3:
        return False
    sentences = 0
    for item in items:
        item_words = [t.text for t in tx.tokens(item)]  # as written: "SERP" is one word
        if len(item_words) > KEYWORD_ITEM_WORDS or (
                len(item_words) == KEYWORD_ITEM_WORDS and any(w.lower() in _VERB_HINTS for w in item_words)):
            sentences += 1
    return sentences <= int(KEYWORD_LIST_ODD_SHARE * len(items))


@lru_cache(maxsize=1)
def _cliche_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["cliche"])


def is_cliche(sentence: str) -> bool:
    """Self-praise with no evidence ("My team would say I am reliable")."""
    return bool(_cliche_re().search(tx.lower_same_length(sentence)))


# ---- gibberish ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _known_words() -> tuple[frozenset[str], frozenset[str]]:
    """(known words, their character trigrams) from our word lists and the question bank."""
    words_data = tx.load_data("words")
    known: set[str] = set(words_data["stopwords"]) | set(words_data["common_words"])
    known.update(words_data["irregular"])
    for group in tx.load_data("synonyms")["groups"]:
        known.update(group)
    folder = resources.files("mock_interview").joinpath("data/questions")
    import json  # only the first call pays for it

    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            _collect_strings(json.loads(entry.read_text(encoding="utf-8")), known)
    trigrams: set[str] = set()
    for word in known:
        padded = f"^{word}$"
        trigrams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(known), frozenset(trigrams)


def _collect_strings(node: object, into: set[str]) -> None:
    if isinstance(node, str):
        into.update(w for w in tx.words(node) if w.isalpha())
    elif isinstance(node, list):
        for item in node:
            _collect_strings(item, into)
    elif isinstance(node, dict):
        for item in node.values():
            _collect_strings(item, into)


# Placeholder text and filler sounds: not an answer in any number.
_PLACEHOLDER_WORDS = frozenset([
    "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed",
    "eiusmod", "tempor", "incididunt", "labore", "dolore", "magna", "aliqua", "blah", "bla",
    "yada", "etc", "foo", "bar", "baz", "qwerty", "asdf",
])
_VOWELS = set("aeiouy")
_CONSONANT_RUN_RE = re.compile(r"[^aeiouy\d]{5,}")
_REPEAT_RE = re.compile(r"(.)\1\1")


def _plausible(word: str, trigrams: frozenset[str]) -> bool:
    """Could this be an English or technical word? Vowels, no long consonant runs or
    tripled letters, and mostly character trigrams that real words use."""
    if not any(ch in _VOWELS for ch in word) or _REPEAT_RE.search(word):
        return False
    if _CONSONANT_RUN_RE.search(word) or len(word) > 25:
        return False
    padded = f"^{word}$"
    grams = [padded[i : i + 3] for i in range(len(padded) - 2)]
    return sum(g in trigrams for g in grams) >= 0.75 * len(grams)


_NOTATION_RE = re.compile(r"->|=>|<-|::|==|!=|<=|>=|[=<>]|\w\(|\)|\[|\]|\{|\}|\w\.\w|_\w")


def _known_parts(word: str, known: frozenset[str]) -> bool:
    """A compound of known words ("nonconst", "readonly", "keyvalue")."""
    if len(word) < 6:
        return False
    return any(word[:i] in known and word[i:] in known for i in range(3, len(word) - 2))


def is_gibberish(answer: str, extra_known: frozenset[str] = frozenset()) -> bool:
    """Keyboard mash or word salad: few known words, and the unknown ones do not look like
    words; or one or two tokens repeated over and over. Terse notation that uses the
    question's own terms ("nonconst -> const") is an answer, not gibberish."""
    found = [w for w in tx.words(answer) if w.isalpha()]
    if (extra_known and _NOTATION_RE.search(answer)
            and any(w in extra_known or tx.stem(w) in extra_known for w in found)):
        return False
    if not found:
        # Only numbers or symbols ("1234", "#NAME?") is no answer at all.
        return not any(ch.isdigit() for ch in answer) or len(answer.split()) > 3
    total = len(found)
    if total >= 6 and len(set(found)) <= max(1, total // 4):
        return True  # "asdf asdf asdf asdf", "blah blah blah blah blah blah"
    known, trigrams = _known_words()
    real = [w for w in found if w not in _PLACEHOLDER_WORDS]
    if 2 * len(real) <= total:
        return True  # placeholder text ("lorem ipsum", "blah blah")
    found, total = real, len(real)
    enough_known = 0.3 * total
    known_count = plausible_count = 0
    for word in found:
        base = word.split("'")[0]
        if len(base) < 2:
            total -= 1  # "a", "s": a stray letter proves nothing
            continue
        if (base in known or base in extra_known or tx.stem(base) in extra_known
                or _known_parts(base, known)):
            known_count += 1
            plausible_count += 1
            if known_count >= enough_known:
                return False  # real text: stop looking
        elif _plausible(base, trigrams):
            plausible_count += 1
    return total > 0 and plausible_count / total < 0.6


# ---- relevance --------------------------------------------------------------------------


def is_off_topic(
    relevance: float, content: float, word_count: int, star_parts: int, job_hits: int
) -> bool:
    """Long enough to judge, yet almost none of its words belong to the question, its key
    points or the job, and it covers nothing. A STAR-shaped story is given the benefit of
    the doubt, because stories share few words with the rubric."""
    if word_count < _OFF_TOPIC_MIN_WORDS or star_parts >= 2 or job_hits >= 2:
        return False
    return relevance < _OFF_TOPIC_RELEVANCE and content < 0.15


def _stem_bigrams(text: str) -> set[tuple[str, str]]:
    stems = [tx.stem(w.replace("'", "")) for w in tx.words(text)]
    return set(zip(stems, stems[1:], strict=False))


def is_question_copy(
    reference: Reference, answer: AnswerTerms, credited: set[str], answer_text: str,
    question: str,
) -> bool:
    """The question read back: nearly all its content words are the question's, none of its
    own words makes a key point, and it either adds no word of its own or follows the
    question's wording (half its word pairs are the question's)."""
    share, new_words = question_overlap(reference, answer)
    if not answer.stems or share < _COPY_SHARE or new_words > _COPY_NEW_WORDS:
        return False
    if credited - reference.question_stems:
        return False
    if new_words == 0:
        return True
    pairs = _stem_bigrams(answer_text)
    return bool(pairs) and len(pairs & _stem_bigrams(question)) >= 0.5 * len(pairs)


# ---- injection --------------------------------------------------------------------------


@dataclass(frozen=True)
class Injection:
    spans: tuple[tuple[int, int], ...]  # sentences of the answer that address the grader

    @property
    def found(self) -> bool:
        return bool(self.spans)


def find_injection(answer: str) -> Injection:
    """Sentences that try to instruct the grader ("ignore previous instructions", "score: 100")."""
    pattern = _injection_re()
    lowered = tx.lower_same_length(answer)
    if not pattern.search(lowered):
        return Injection(())
    spans = tuple(
        (start, end) for start, end in tx.sentence_spans(answer)
        if pattern.search(lowered[start:end])
    )
    if not spans:  # a marker between sentences: blank the marker itself
        spans = tuple(m.span() for m in pattern.finditer(lowered))
    return Injection(spans)


def clean_untrusted(text: str) -> tuple[str, bool]:
    """Untrusted text meant as data (a resume, a job posting) without its lines that address
    the grader; and whether there were any."""
    found = find_injection(text)
    if not found.found:
        return text, False
    return without_spans(text, found.spans), True


def without_spans(answer: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The answer with those spans blanked to spaces, so every offset (and quote) still holds."""
    chars = list(answer)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
