"""Answers that must score low whatever their words: empty, "I don't know", keyboard mash,
off-topic, a copy of the question; and text that tries to instruct the grader."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from mock_interview.domain.grading import text as tx
from mock_interview.domain.grading.coverage import AnswerTerms, Reference, question_overlap

FLOOR_CAP = 20.0  # the most a floor case may score, overall and technical
DONT_KNOW_MAX_CHARS = 400
_OFF_TOPIC_MIN_WORDS = 25  # shorter answers are judged by coverage alone
_OFF_TOPIC_RELEVANCE = 0.08
_COPY_SHARE = 0.8  # share of the answer's content words taken from the question
_COPY_NEW_WORDS = 2  # at most this many content words of its own


@lru_cache(maxsize=1)
def _dont_know_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["dont_know"])


@lru_cache(maxsize=1)
def _decline_re() -> re.Pattern[str]:
    """Phrases that say no answer is coming: passing, refusing, "I can't really answer",
    "can't think of one", deferring to someone ("I'd ask our coordinator")."""
    return tx.compile_cues(tx.load_data("cues")["declines"])


@lru_cache(maxsize=1)
def _sidestep_re() -> re.Pattern[str]:
    """Phrases that put the answer off: deferring to something one would look up or to a
    tool, proposing to the interviewer ("let's call it ..."). Substance may still follow
    them."""
    return tx.compile_cues(tx.load_data("cues")["sidesteps"])


@lru_cache(maxsize=1)
def _laugh_re() -> re.Pattern[str]:
    """Laughing it off ("ha", "lol", "just kidding")."""
    return tx.compile_cues(tx.load_data("cues")["laughs"])


@lru_cache(maxsize=1)
def _guess_re() -> re.Pattern[str]:
    """Guessing aloud ("just a guess", "I'm only guessing here", "don't quote me")."""
    return tx.compile_cues(tx.load_data("cues")["guesses"])


@lru_cache(maxsize=1)
def _amount_words() -> frozenset[str]:
    """Amounts in words ("halved", "three weeks"): they say what happened as a figure would."""
    return frozenset(tx.load_data("cues")["amount_words"])


@lru_cache(maxsize=1)
def _platitude_re() -> re.Pattern[str]:
    """Stock phrases that sound like advice but name nothing ("at the end of the day", "use
    your best judgement", "attention to detail"). Unlike a non-answer phrase they do not make
    the rest of their clause suspect: they are only read as silence."""
    return tx.compile_cues(tx.load_data("cues")["platitudes"])


@lru_cache(maxsize=1)
def _self_talk_words() -> frozenset[str]:
    """What a speaker says of themselves in place of an answer ("my passion", "what drives
    me", "I love"): with the question's words they make no claim about its subject."""
    return frozenset(tx.load_data("cues")["self_talk_words"])


@lru_cache(maxsize=256)
def _cue_spans(lowered: str) -> tuple[tuple[int, int], ...]:
    """Where the non-answer phrases are (the "don't know" check and the clauses share them)."""
    return tuple(m.span() for m in _dont_know_re().finditer(lowered))


def brackets_with_not_knowing(answer: str) -> bool:
    """Do the answer's first and last sentences both say the speaker does not know, cannot
    think of one or would need time ("Honestly, I'm not sure. ... so I don't really know
    what I'd do there")? What sits between is the excuse. After a joke ("But seriously, I'd
    need a minute to think of a proper example") the last sentence alone says so."""
    lowered = tx.lower_same_length(answer)
    sentences = [m.span() for m in _content_sentences(lowered)]
    if len(sentences) < 2:
        return False
    spans = [m.span() for m in _cue_re("admissions").finditer(lowered)]
    ends = (sentences[-1],) if says_joking(answer) else (sentences[0], sentences[-1])
    return all(any(a <= start < b for start, _end in spans) for a, b in ends)


def _content_sentences(lowered: str) -> list[re.Match[str]]:
    """The sentences of lowered text that hold a content word."""
    return [m for m in _SENTENCE_RE.finditer(lowered) if tx.content_words(m.group())]


@lru_cache(maxsize=16)
def _cue_re(name: str) -> re.Pattern[str]:
    """One list of cues.json, compiled."""
    return tx.compile_cues(tx.load_data("cues")[name])


def _says(cues: str, answer: str) -> bool:
    """Does the answer hold a phrase of the cues.json list ``cues``?"""
    return bool(_cue_re(cues).search(tx.lower_same_length(answer)))


def says_joking(answer: str) -> bool:
    """Does the speaker mark something said as a joke ("joking, of course", "but seriously")?"""
    return _says("jokes", answer)


@lru_cache(maxsize=1)
def _no_claim_words() -> frozenset[str]:
    """Courtesy, filler and vague words that say nothing about any subject ("sorry", "honestly",
    "tricky", "details"): they never make an answer of their own."""
    return frozenset(tx.load_data("cues")["no_claim_words"])


@lru_cache(maxsize=1)
def _no_claim_stems() -> frozenset[str]:
    return frozenset(tx.stem(w.replace("'", "")) for w in _no_claim_words())


@lru_cache(maxsize=1)
def _reference_words() -> frozenset[str]:
    """What one would look something up in ("the protocol", "my notes", "the formula")."""
    return frozenset(tx.load_data("cues")["reference_words"])


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    return frozenset(tx.load_data("words")["negations"])


@lru_cache(maxsize=1)
def _small_talk_words() -> frozenset[str]:
    """Weather, weekends, meals, family, pastimes: talk that is about no question's subject."""
    return frozenset(tx.load_data("cues")["small_talk_words"])


@lru_cache(maxsize=1)
def _injection_re() -> re.Pattern[str]:
    # Only the start is anchored: markers such as "<|im_start|>" end in punctuation.
    patterns = tx.load_data("cues")["injection"]
    return re.compile(r"(?<![a-z0-9'])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


def hedges_off(answer: str) -> bool:
    """Does the answer say it does not know, remember or want to answer, anywhere in it?"""
    lowered = tx.lower_same_length(answer)
    return bool(_cue_spans(lowered) or _decline_re().search(lowered)
                or _sidestep_re().search(lowered))


def _with_roles(*names: str) -> re.Pattern[str]:
    """cues.json lists compiled with "<role>" standing for any of ``deflection_roles``."""
    cues = tx.load_data("cues")
    roles = "(?:" + "|".join(cues["deflection_roles"]) + ")"
    return tx.compile_cues([p.replace("<role>", roles) for name in names for p in cues[name]])


@lru_cache(maxsize=1)
def _deflection_re() -> re.Pattern[str]:
    return _with_roles("deflections", "restarts")


def restarts(answer: str) -> bool:
    """Does the speaker start over ("let me back up", "let me say it differently")?"""
    return _says("restarts", answer)


RAMBLE_MARKERS = 3  # filler words beside a restart that make talk a ramble
RESTATING_MARKERS = 2  # ways of turning the question over that make talk a restatement


def restates_the_question(answer: str) -> bool:
    """Does the answer turn the question over ("so the question is how I'd ...", "in other
    words", "which is what credit risk assessment really means") in several places?"""
    return len(_cue_re("restates").findall(tx.lower_same_length(answer))) >= RESTATING_MARKERS


def rambles(answer: str) -> bool:
    """Does the speaker start over, or stop to think, and fill the talk with "yes", "well",
    "I'd say" and "it depends" ("CAP, yes, three things ... Let me start over. It really
    depends")?"""
    lowered = tx.lower_same_length(answer)
    return bool(restarts(answer) or _LET_ME_THINK_RE.search(lowered)) \
        and len(_cue_re("ramble_markers").findall(lowered)) >= RAMBLE_MARKERS


_LET_ME_THINK_RE = re.compile(r"\blet me think\b")


@lru_cache(maxsize=1)
def _hand_off_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _with_roles("hand_offs"), tx.compile_cues(tx.load_data("cues")["own_part_minimised"])


@lru_cache(maxsize=1)
def _self_portrait_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["self_portraits"])


# A full stop inside a word ("robots.txt", "e.g", "3.5") does not end the sentence.
_SENTENCE_RE = re.compile(r"(?:[^.!?;]|[.!?;](?=\w))+[.!?;]*")
_GENERAL_RE = re.compile(r"\b(?:always|never|every time|all the time)\b")


def portrays_self(answer: str) -> str | None:
    """The answer without its sentences about what the speaker is like in general ("I'm
    extremely organized", "that's just how I work", "I've never missed a forecast") or what
    they always or never do, when it has such a sentence; else None."""
    lowered = tx.lower_same_length(answer)
    if not _self_portrait_re().search(lowered):
        return None
    return " ".join(m.group() for m in _SENTENCE_RE.finditer(lowered)
                    if not _self_portrait_re().search(m.group())
                    and not _GENERAL_RE.search(m.group()))


@lru_cache(maxsize=1)
def _premise_denial_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["premise_denials"])


@lru_cache(maxsize=1)
def _generality_re() -> re.Pattern[str]:
    cues = tx.load_data("cues")
    return tx.compile_cues(cues["generalities"] + cues["platitudes"] + cues["cliche"])


# Said to hold the floor, not of the subject: "I'll be honest, ...", "to be fair, ...".
_DISCOURSE_RE = re.compile(r"\b(?:(?:i'?ll|i will|let me|to|if i'?m|i have to|i must) be "
                           r"(?:honest|frank|upfront|fair)(?: with you)?)")
_TO_THE_LISTENER_RE = re.compile(
    r"\b(?:you|your)\b[^.!?]*\?|\bi'?m (?:really |just )?curious (?:whether|if|how|what|about)\b"
    r"|\b(?:the|this) (?:company|team|role|firm|organi[sz]ation|hospital|school|business|department)"
    r"\b[^.!?]*\?|\bhere\s*\?")


def ends_asking_the_listener(answer: str) -> bool:
    """Does the answer end on a question about the listener's workplace ("Do you use Revit
    here?"), not about the answer ("Does that answer your question?")?"""
    sentences = [m.group() for m in _content_sentences(tx.lower_same_length(answer))]
    return bool(sentences) and bool(_ABOUT_THE_WORKPLACE_RE.search(sentences[-1])) \
        and not _ABOUT_THE_ANSWER_RE.search(sentences[-1])


_ABOUT_THE_WORKPLACE_RE = re.compile(
    r"\bhere\s*\?|\b(?:do|does|did|are|is|will|would) (?:you|your (?:team|company|firm|hospital)|"
    r"the (?:team|company|firm|hospital|role))\b[^.!?]*\?")
_ABOUT_THE_ANSWER_RE = re.compile(
    r"\b(?:does (?:that|this) (?:answer|help|make sense)|is (?:that|this) (?:what|the kind|ok|okay"
    r"|enough)|(?:make|makes) sense|want (?:me|more)|should i (?:go|say|talk))\b")


_HESITATION_WORD = r"\b(?:u+m+|u+h+|h+m+|erm)\b"
_HESITATION_WORD_RE = re.compile(_HESITATION_WORD)
_HESITATION_RE = re.compile(_HESITATION_WORD + r"|\.\.\.|\u2026")
EVASION_RUBRIC_WORDS = 1  # rubric words a sentence of stock phrases may drop in passing
STALL_HESITATIONS = 3  # hesitations ("um", "hmm", "...") in an answer that stalls


def stalls(answer: str) -> bool:
    """Does the answer hesitate throughout ("ACV, TCV... okay, so, um... hmm, let me")? A
    template's "..." ("As a ..., I want ...") is no hesitation: one spoken word is needed."""
    lowered = tx.lower_same_length(answer)
    return bool(_HESITATION_WORD_RE.search(lowered)) \
        and len(_HESITATION_RE.findall(lowered)) >= STALL_HESITATIONS


@lru_cache(maxsize=1)
def _look_up_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["look_ups"])


# "..., but first I'd run EXPLAIN" turns to an answer; "I'd google it first" does not.
_BUT_RE = re.compile(r"\b(?:but|though|although)\b|\b(?:then|first),? (?:i|we|you)\b")


def looks_it_up(answer: str) -> bool:
    """Does the answer send the question to a reference ("I'd pull up our playbook for
    that") with nothing after a "but" ("I'd Google the error, but first I'd run EXPLAIN")?"""
    lowered = tx.lower_same_length(answer)
    found = _look_up_re().search(lowered)
    return bool(found) and not _BUT_RE.search(lowered, found.end())


_TURN_RE = re.compile(r"\b(?:but|however|though|although|still)\b")


def without_premise_denials(answer: str) -> str:
    """The answer without its sentences, or the parts of them before a "but", that deny the
    premise ("we never had outstanding cheques, but I'd still compare ..." keeps the rest)."""
    lowered = tx.lower_same_length(answer)
    kept = []
    for sentence in _SENTENCE_RE.finditer(lowered):
        cuts = [sentence.start()] + [sentence.start() + m.start()
                                     for m in _TURN_RE.finditer(sentence.group())] \
            + [sentence.end()]
        kept += [answer[a:b] for a, b in zip(cuts, cuts[1:], strict=False)
                 if not _premise_denial_re().search(lowered[a:b])]
    return " ".join(kept)


def denies_premise(answer: str) -> bool:
    """Does the answer say the situation asked about never arose ("it never came up", "cycle
    counting wasn't part of how we operated")?"""
    return bool(_premise_denial_re().search(tx.lower_same_length(answer)))


_EVASIONS = (_generality_re, _self_portrait_re, _premise_denial_re, _deflection_re)


def evades_throughout(answer: str, rubric: frozenset[str]) -> bool:
    """Is every sentence of the answer something said in place of one: a generality ("X is
    key", "you have to be careful"), what the speaker is like, the premise denied, a stall,
    or a question to the listener, with at most one word of the ``rubric`` (stems) beside it?
    "At the end of the day it's usually a missing index" names what is missing."""
    sentences = _evasions_by_sentence(answer)
    for sentence, spans in sentences:
        if _TO_THE_LISTENER_RE.search(sentence):
            continue  # a question asserts nothing, whatever it names
        named = rubric.intersection(tx.content_stems(without_spans(sentence, spans)))
        if not spans or len(named) > EVASION_RUBRIC_WORDS:
            return False
    return bool(sentences)


def _evasions_by_sentence(answer: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each sentence of the answer that has a content word, with the spans of what it says in
    place of an answer (generalities, portraits, premise denials, deflections)."""
    lowered = _DISCOURSE_RE.sub(" ", tx.lower_same_length(answer))
    sentences = [m.group() for m in _content_sentences(lowered)]
    return [(sentence, [m.span() for pattern in _EVASIONS for m in pattern().finditer(sentence)])
            for sentence in sentences]


STOCK_PHRASES_PER_SENTENCE = 2  # stock phrases in every sentence of an answer made of them
STOCK_PHRASES = 3  # and in all


def stock_throughout(answer: str) -> bool:
    """Is every sentence of the answer strung from stock phrases ("it's all about leveraging
    best-in-class strategies to unlock performance at scale"), whatever topic words sit
    between them?"""
    counts = [len(spans) for _sentence, spans in _evasions_by_sentence(answer)]
    # One sentence strung from two stock phrases says as little as three sentences of them.
    return bool(counts) and min(counts) >= STOCK_PHRASES_PER_SENTENCE \
        and sum(counts) >= min(STOCK_PHRASES, STOCK_PHRASES_PER_SENTENCE * len(counts))


def deflects(answer: str) -> bool:
    """Does the answer stall ("let me think", "I'm blanking"), say someone else did it ("our
    controller handled all of that", "I wasn't involved"; "Procurement handled supplier
    reviews. I mostly just raised a flag"), or put another subject or a question in the
    answer's place ("I'd rather talk about", "I wanted to ask, how ...")?"""
    lowered = tx.lower_same_length(answer)
    if _deflection_re().search(lowered):
        return True
    return hands_off(answer)


def hands_off(answer: str) -> bool:
    """Did someone else do the work, with the speaker's own part made small ("the pharmacy
    techs did that whole piece, so I never had to get into it")?"""
    lowered = tx.lower_same_length(answer)
    done_by_another, own_part_small = _hand_off_res()
    return bool(done_by_another.search(lowered) and own_part_small.search(lowered))


def answers_another(answer: str, question: str, rubric: frozenset[str]) -> str:
    """Does a sentence of the answer hear another question ("NPV, oh, you mean NPS?") or turn
    to a topic the speaker prefers ("dropout is the one I use most"), naming a term that
    neither the question nor the ``rubric`` (stems) names? "misheard", "pivot" or "". What
    is heard in its place is named after the cue, in any words ("did you say a power
    disruption?"), as is a preferred topic named after its cue ("my real strength is
    delivery"); one named before it ("slotting is what I'd focus on") in the subject's
    words, not everyday ones."""
    lowered = tx.lower_same_length(answer)
    known = rubric | frozenset(tx.content_stems(question)) | _initialisms(question)
    plain = _no_claim_words() | tx.stopwords()

    def names_another(text: str, everyday: bool) -> bool:
        for word in tx.content_words(text):
            word_stem = tx.stem(word.replace("'", ""))
            if word not in plain and word_stem not in known and len(word) >= 3 \
                    and (everyday or word_stem not in tx.everyday_stems()) \
                    and not tx.synonym_labels(word_stem) & known:
                return True
        return False

    misheard, pivot, opener = _cue_re("misheard"), _cue_re("pivots"), _cue_re("pivot_openers")
    for sentence in _SENTENCE_RE.finditer(lowered):
        text = sentence.group()
        heard = misheard.search(text)
        if heard and names_another(text[heard.end():], everyday=True):
            return "misheard"
        # "The one I run into more is command injection": the thing named after it, in the
        # subject's words; a practice ("the rule I rely on most is to ask ...") answers.
        opened = opener.search(text)
        topic = _CLAUSE_BREAK_RE.split(text[opened.end():])[0] if opened else ""
        if opened and not topic.lstrip().startswith("to ") \
                and names_another(topic, everyday=False):
            return "pivot"
        turned = pivot.search(text)
        if turned and (names_another(_CLAUSE_BREAK_RE.split(text[:turned.start()])[-1],
                                     everyday=False)
                       or names_another(_CLAUSE_BREAK_RE.split(text[turned.end():])[0],
                                        everyday=True)):
            return "pivot"
    return ""


_CLAUSE_BREAK_RE = re.compile(r"[,:;()\u2013\u2014]|\s-\s")


@lru_cache(maxsize=1)
def _aside_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["asides"])


@lru_cache(maxsize=1)
def _everyday_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["everyday_words"])


EVERYDAY_WORDS = 2  # things of life outside work, not the rubric's, that make an anecdote


def tells_an_aside(answer: str, rubric: frozenset[str] = frozenset()) -> bool:
    """Does the answer bring in the speaker's own life ("my kids"), joke by likeness ("sounds
    like a spin class for accountants"), end on an anecdote's punchline ("we still talk
    about that one"), or dwell on life outside work ("pizza every night... pepperoni") in
    words the ``rubric`` (stems) does not use?"""
    lowered = tx.lower_same_length(answer)
    if _aside_re().search(lowered):
        return True
    everyday = {m.group() for m in _everyday_re().finditer(lowered)}
    return len(everyday) >= EVERYDAY_WORDS and not rubric.intersection(
        tx.content_stems(" ".join(everyday)))


@lru_cache(maxsize=1)
def _anecdote_opener_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["anecdote_openers"])


@lru_cache(maxsize=1)
def _favourite_story_re() -> re.Pattern[str]:
    return tx.compile_cues(tx.load_data("cues")["favourite_stories"])


# A question that asks for the speaker's favourite story gets it as the answer.
_ASKS_FOR_A_FAVOURITE_RE = re.compile(
    r"\b(?:proud|proudest|best|favou?rite|greatest|biggest|highlight|achievements?|"
    r"accomplishments?|most (?:successful|rewarding|memorable|significant|impactful))\b", re.I)


def tells_a_favourite(answer: str, question: str) -> bool:
    """Does the answer open on a prepared favourite story ("The deal I'm proudest of is...")
    where the question asks for another one?"""
    return bool(_favourite_story_re().search(tx.lower_same_length(answer))) \
        and not _ASKS_FOR_A_FAVOURITE_RE.search(question)


def evasion_in(answer: str) -> str:
    """The first kind of thing said in place of an answer anywhere in it ("general",
    "aside", "portrait", "premise", "deflect", "look-up"), or "" when there is none. Said
    beside a real answer it costs nothing; beside next to nothing it is the answer. A laugh
    is not one: "Ha, easy: use a mutex" answers."""
    lowered = tx.lower_same_length(answer)
    for kind, pattern in (("general", _generality_re), ("aside", _aside_re),
                          ("aside", _anecdote_opener_re), ("portrait", _self_portrait_re),
                          ("premise", _premise_denial_re), ("deflect", _deflection_re),
                          ("look-up", _look_up_re)):
        if pattern().search(lowered):
            return kind
    return ""


def laughs_off(answer: str) -> bool:
    """Does the answer laugh ("ha", "lol", "just kidding")?"""
    return bool(_laugh_re().search(tx.lower_same_length(answer)))


def is_empty(answer: str) -> bool:
    return not any(ch.isalnum() for ch in answer)


def is_dont_know(answer: str, question_stems: frozenset[str]) -> bool:
    """A non-answer ("I don't know", "I'd rather not say", "I would have to look it up",
    "pass", a polite dodge, lorem ipsum, filler): once those phrases are removed, nothing is
    left but courtesy and filler words and the question's own words."""
    if len(answer) > DONT_KNOW_MAX_CHARS:  # a long answer is never only "I don't know"
        return False
    lowered = tx.lower_same_length(answer)
    spans = _cue_spans(lowered)
    if not spans and not _only_filler(lowered):
        return False
    rest = without_spans(lowered, spans)
    leftover = [
        stem for word, stem in zip(tx.content_words(rest), tx.content_stems(rest), strict=True)
        if word not in _no_claim_words() and stem not in question_stems
    ]
    return not leftover


# ---- non-answers ------------------------------------------------------------------------

NON_ANSWER_MAX_WORDS = 60  # a longer answer is judged by its coverage and the off-topic check
CUE_OBJECT_WORDS = 5  # own words a "don't know" clause may hold: "I'd check our unit's protocol"
CUE_POINT_WORDS = 2  # point words that make a claim next to a "don't know" phrase
CHATTER_MAX_WORDS = _OFF_TOPIC_MIN_WORDS  # shorter talk that never touches the subject floors
EXCUSE_SIDESTEPPED, EXCUSE_DECLINED = 1, 2  # how much the rest of the answer is excused
EXCUSED_STORY_PARTS = 3  # STAR parts that make a story of what follows "can't think of one"
REMARK_WORDS = 2  # a fragment this short with no subject word claims nothing next to a dodge
_NEAR_SPELLING = 0.6  # character-trigram Dice at which an unknown word is a point word misspelt

# Clauses end at punctuation and where a new thought starts: "I'm not sure, but ...".
_CLAUSE_SPLIT_RE = re.compile(
    r"[.!?;:,()\n\u2014\u2013\u2026]+|\s-+\s|(?<![a-z'])(?:but|though|although|however|because"
    r"|except|unless|whereas|so|anyway|otherwise)(?![a-z'])")
_SECOND_PERSON = frozenset(["you", "your", "you're", "you've", "yours", "yourself"])
_CONTRASTS = frozenset(["but", "though", "although", "however", "except"])
_FIRST_PERSON = frozenset(["i", "i'm", "i'd", "i've", "i'll", "im", "ive", "me", "my", "mine",
                           "myself", "we", "we're", "we'd", "we've", "we'll", "us", "our", "ours"])


@dataclass(frozen=True)
class Subject:
    """What an answer has to talk about to be one. ``question``: stems of the question and
    of the job's terms, which an answer may repeat (or derive from: ``question_roots``)
    without saying anything; ``points``: stems and synonym labels of the key points' own
    words, which make a claim wherever they appear; ``spellings``: those words as written,
    to know them misspelt."""

    question: frozenset[str]
    points: frozenset[str]
    spellings: tuple[str, ...]
    question_roots: tuple[str, ...] = ()  # longer question stems: "accruals" is "accrue"'s


def subject_of(reference: Reference, question_stems: frozenset[str],
               job_stems: frozenset[str] = frozenset(), question: str = "") -> Subject:
    """``question``, as written, adds the initials of its terms: "FMLA" only names the
    "Family and Medical Leave Act" the question asks about."""
    roots = tuple(s for s in question_stems if len(s) >= QUESTION_ROOT_LETTERS)
    question_stems = question_stems | _initialisms(question)
    points: set[str] = set()
    spellings: dict[str, None] = {}
    for point in reference.points:
        for term in point.terms:
            if term.stem not in question_stems:
                points.add(term.stem)
                points.update(term.labels)
                if len(term.surface) >= 4:
                    spellings[term.surface] = None
    return Subject(question_stems | job_stems, frozenset(points), tuple(spellings), roots)


ACRONYM_LETTERS = (3, 6)
QUESTION_ROOT_LETTERS = 5  # a word whose stem starts with a question stem this long echoes it


@lru_cache(maxsize=256)
def _initialisms(question: str) -> frozenset[str]:
    """Every run of 3-6 consecutive content words' initials that is no known word: "fmla",
    "mla", "fml", ..."""
    initials = "".join(w[0] for w in tx.content_words(question) if w[:1].isalpha())
    low, high = ACRONYM_LETTERS
    known = _known_words()[0]
    return frozenset(run for n in range(low, high + 1) for i in range(len(initials) - n + 1)
                     if (run := initials[i : i + n]) not in known)


def non_answer(answer: str, subject: Subject, story: bool = False,
               follow_up: bool = False) -> str | None:
    """"dont-know" when no clause of the answer makes a claim about the subject and it says
    it does not know, cannot remember, would look it up, would rather not, passes, or only
    fills and chats; "off-topic" when it is short talk about something else; else None.

    Each clause (split at punctuation and at "but", "so", ...) is read with the non-answer
    phrases of cues.json blanked. It makes a claim with a key point's own word (two next to a
    non-answer phrase: "I don't remember how it flows through" names what it cannot say), or
    with the question's words and one of its own, or with a figure. A clause about the
    speaker ("I'd check the handbook") or small talk ("lovely weather") makes none; nor does
    a lone word of its own next to them ("nerves"), though alone it may be the answer
    ("paremeters"). "Not sure, but threads share their memory" keeps its credit. Talk with
    no non-answer phrase floors only when short.

    A story (a STAR question, or a follow-up, read with the answer it completes) is told
    about oneself in words the rubric seldom uses: there a clause about the speaker is a
    claim unless it only excuses a "can't think of one" (and not after a "but"), and such
    talk with STAR parts is a story. Without key points, a clause about the speaker is a
    claim too: there is no rubric to miss.

    An answer that declines (cues.json ``declines``: "pass", "next?", "I can't really
    answer", "I'd ask our coordinator") or sidesteps (``sidesteps``: "I'd have to reread the
    guide"; ``guesses`` too, but not in a story; ``laughs`` too, but not in a story with a STAR
    part or an amount, whose teller may laugh and then say what happened) excuses its other
    clauses before any "but": they are read as next to a non-answer phrase ("Every project
    I've run was on time, so I can't really answer"), a sidestep's still claiming with one
    point word. A story of three STAR parts stays one.

    ``platitudes`` ("at the end of the day", "use your best judgement") are read as silence
    wherever they are, unless they hold a key point's word; they do not excuse anything."""
    words = tx.tokens(answer)
    if len(words) > NON_ANSWER_MAX_WORDS:
        return None
    lowered = tx.lower_same_length(answer)
    cues = tuple((a, b) for a, b in _cue_spans(lowered)
                 if any(ch.isalpha() for ch in lowered[a:b])
                 and not _is_point_word(lowered[a:b], subject))
    # Declines and sidesteps are not blanked: whom or what one defers to may still name the
    # subject ("I'd call the rapid response team"); their clause is read as next to a cue.
    declines = tuple(m.span() for m in _decline_re().finditer(lowered))
    story = story or follow_up  # a follow-up is read with the answer it completes
    sidesteps = tuple(m.span() for m in _sidestep_re().finditer(lowered))
    laughs = tuple(m.span() for m in _laugh_re().finditer(lowered))
    if laughs and story:  # "Ha, we cleared the backlog in a fortnight" tells what happened
        from mock_interview.domain.grading.communication import star_parts

        rest = without_spans(answer, laughs)
        if any(star_parts(rest)[0].values()) or _amount_words().intersection(tx.words(rest)):
            laughs = ()
    # One guesses at a fact, not at one's own story: "we cut costs by a third, don't quote me".
    guesses = () if story else tuple(m.span() for m in _guess_re().finditer(lowered))
    sidesteps += laughs + guesses
    excuse = EXCUSE_DECLINED if declines else EXCUSE_SIDESTEPPED if sidesteps else 0
    excuses = declines + sidesteps
    platitudes = _platitude_spans(lowered, subject)
    if not (cues or excuses or platitudes) and len(words) >= CHATTER_MAX_WORDS:
        return None
    cues = _with_what_is_not_known(lowered, cues)
    blanked = without_spans(lowered, cues + platitudes)
    kinds: set[str] = set()
    start = 0
    contrast = False  # the clause follows "but", "though", ...
    turned = False  # a "but" came before: what follows may be the answer after all
    for cut in [*_CLAUSE_SPLIT_RE.finditer(blanked), None]:
        end = cut.start() if cut else len(blanked)
        if end > start:
            has_cue = any(a < end and b > start for a, b in (*cues, *excuses))
            kind = _clause_kind(blanked[start:end], lowered[start:end], has_cue, subject,
                                excuse=0 if turned else excuse,
                                asks_back=bool(cut and "?" in cut.group()))
            if kind == "claim" or (kind == "aside" and (
                    not subject.points or (story and (contrast or not (cues or excuses))))):
                return None  # a story is told about oneself, in words the rubric seldom uses
            kinds.add(kind)
            contrast = False
        start = cut.end() if cut else end
        contrast = contrast or bool(cut and cut.group().strip() in _CONTRASTS)
        turned = turned or contrast
    talk = bool(kinds & {"aside", "chatter"})
    if "remark" in kinds and not (cues or excuses or talk):
        return None  # a lone word of its own may be the answer
    if story and excuses:  # "I can't think of a big one. Last year my manager ..."
        from mock_interview.domain.grading.communication import star_parts

        if sum(star_parts(without_spans(answer, cues))[0].values()) >= EXCUSED_STORY_PARTS:
            return None
    if talk:
        if len(words) >= CHATTER_MAX_WORDS:
            return None
        if story and "aside" in kinds:  # small talk is no story, whatever its parts
            from mock_interview.domain.grading.communication import star_parts

            if any(star_parts(without_spans(answer, cues))[0].values()):
                return None
        return "dont-know" if cues or excuses else "off-topic"
    return "dont-know"


@lru_cache(maxsize=256)
def _courtesy_cues(subject: Subject) -> frozenset[str]:
    """Courtesy words that are what a key point asks for: "sorry" where the point is to
    apologise says it, not that one does not know."""
    return frozenset(w for w in _no_claim_words()
                     if (stem := tx.stem(w)) in subject.points
                     or tx.synonym_labels(stem) & subject.points)


def _platitude_spans(lowered: str, subject: Subject) -> tuple[tuple[int, int], ...]:
    """Where the stock phrases are, but for any that says what a key point asks for
    ("attention to detail" where the point is checking the details)."""
    return tuple(m.span() for m in _platitude_re().finditer(lowered)
                 if not subject.points.intersection(tx.content_stems(m.group())))


def _is_point_word(cue: str, subject: Subject) -> bool:
    """A cue made only of such courtesy words ("I'm sorry")."""
    said = [w for w in tx.words(cue) if w not in tx.stopwords()]
    courtesy = _courtesy_cues(subject)
    return bool(said) and all(w in courtesy for w in said)


def _with_what_is_not_known(lowered: str, cues: tuple[tuple[int, int], ...]
                            ) -> tuple[tuple[int, int], ...]:
    """The cue spans, each "don't remember", "not sure", "mix up", "check" ... stretched over
    the question it names: "I don't remember which one uses actual units" asserts nothing."""
    out = []
    for a, b in cues:
        if _KNOWING_END_RE.search(lowered, a, b) and _WH_START_RE.match(lowered, b):
            cut = _CLAUSE_SPLIT_RE.search(lowered, b)
            b = cut.start() if cut else len(lowered)
        out.append((a, b))
    return tuple(out)


_WH_START_RE = re.compile(r"\s+(?:which|what|how|whether|if|when|where|who|why)(?![a-z'])")
_KNOWING_END_RE = re.compile(
    r"(?<![a-z'])(?:know|remember|recall|sure|certain|unsure|check|confirm|verify|up|forget"
    r"|forgot|forgotten|confuse|confused|tell you|say|idea|clue)$")


def _clause_kind(clause: str, written: str, has_cue: bool, subject: Subject,
                 excuse: int = 0, asks_back: bool = False) -> str:
    """"claim", "aside" (about the speaker), "chatter" (small talk), "remark" (a word or two
    of its own) or "empty". ``clause`` has the non-answer phrases blanked; ``written`` does
    not. Next to such a phrase, what one would look up ("the protocol") is no claim either.
    ``excuse``: the answer declines elsewhere (EXCUSE_DECLINED: passes, refuses, "can't
    think of one"), so a short clause is read as next to a non-answer phrase: "Every project
    I've run was on time, so I can't really answer"; or it sidesteps (EXCUSE_SIDESTEPPED:
    defers, laughs it off), so the question's words with a word of their own claim nothing
    but a point word still does: "Ha, counting. Last time I counted it was sheep".
    ``asks_back``: the clause is a question; put to the interviewer with none of the key
    points' words ("how's your day going?", "what would you consider significant?") it is
    small talk."""
    no_claim = _no_claim_words()
    looked_up = _reference_words() if has_cue else frozenset()
    small_talk = _small_talk_words()
    asked = other = chat = selfish = 0
    pointed: set[str] = set()
    said = tx.content_words(clause)
    about_me = bool(_FIRST_PERSON.intersection(tx.words(written)))
    self_talk = _self_talk_words() if about_me else frozenset()
    if _joins_a_point_word(said, subject):
        return "claim"  # "pivot table" for "PivotTable", "check list" for "checklist"
    for word in said:
        if (word in no_claim or word in _PLACEHOLDER_WORDS or word in looked_up
                or word in _negations()) and word not in _courtesy_cues(subject):
            continue
        if any(ch.isdigit() for ch in word):
            if not has_cue:
                return "claim"  # a figure is a claim: "15 grams", "2 business days"
            other += 1
            continue
        stem = tx.stem(word.replace("'", ""))
        if stem in subject.question or any(map(stem.startswith, subject.question_roots)):
            asked += 1
        elif has_cue and stem in tx.everyday_stems() and stem in subject.points:
            # Next to "I'm not sure", an everyday word a long rubric happens to use names no
            # point ("I haven't *worked* much with databases at that *level*").
            other += 1
        elif (stem in subject.points or tx.synonym_labels(stem) & subject.points
              or _near_spelt(word, subject)):
            pointed.add(stem)
            if len(pointed) >= (CUE_POINT_WORDS if has_cue or excuse == EXCUSE_DECLINED
                                else 1):
                return "claim"
            other += 1
        elif word in small_talk or word in self_talk:
            selfish += word in self_talk
            chat += 1
            other += 1
        elif _looks_like_word(word):  # keyboard mash says nothing
            other += 1
    if (has_cue or excuse) and other <= CUE_OBJECT_WORDS:
        return "empty"
    if asks_back and not pointed and _SECOND_PERSON.intersection(tx.words(written)):
        return "chatter"  # put to the interviewer, even in the question's words
    if asked and other > selfish:
        return "claim"
    if not other:
        return "empty"
    if 2 * chat >= other:
        return "chatter"
    if about_me:
        return "aside"
    return "remark" if other <= REMARK_WORDS else "claim"


COMPOUND_PART_LETTERS = 3  # "pivot table" joins; "special ed" is no "speciale"


def _joins_a_point_word(words: list[str], subject: Subject) -> bool:
    """Two neighbouring words that, written as one, are a key point's word."""
    return any(tx.stem(a + b) in subject.points for a, b in itertools.pairwise(words)
               if a.isalpha() and b.isalpha() and min(len(a), len(b)) >= COMPOUND_PART_LETTERS
               and tx.stem(a + b) != tx.stem(a))


def _near_spelt(word: str, subject: Subject) -> bool:
    """An unknown word that is a point word misspelt ("nalaxone")."""
    if len(word) < 4 or word in _known_words()[0]:
        return False
    grams = _trigrams(word)
    return any(2 * len(grams & _trigrams(spelling)) >= _NEAR_SPELLING * (len(grams) + len(
        _trigrams(spelling))) for spelling in subject.spellings)


@lru_cache(maxsize=8192)
def _trigrams(word: str) -> frozenset[str]:
    padded = f"^{word}$"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def _looks_like_word(word: str) -> bool:
    known, trigrams = _known_words()
    base = word.split("'")[0]
    return base in known or _plausible(base, trigrams)


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
    no_claim = _no_claim_words()
    own = [s for w, s in zip(tx.content_words(answer), tx.content_stems(answer), strict=True)
           if w not in no_claim and s not in reference.question_stems]
    return not own


def _only_filler(lowered: str) -> bool:
    words = [w for w in tx.words(lowered) if w.isalpha()]
    no_claim = _no_claim_words()
    return bool(words) and all(w in no_claim or w in tx.stopwords() for w in words)


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


def is_unrelated(relevance: float) -> bool:
    """Almost none of the answer's words belong to the question, its key points or the job."""
    return relevance < _OFF_TOPIC_RELEVANCE


def is_off_topic(
    relevance: float, content: float, word_count: int, star_parts: int, job_hits: int
) -> bool:
    """Long enough to judge, yet almost none of its words belong to the question, its key
    points or the job, and it covers nothing. A STAR-shaped story is given the benefit of
    the doubt, because stories share few words with the rubric."""
    if word_count < _OFF_TOPIC_MIN_WORDS or star_parts >= 2 or job_hits >= 2:
        return False
    return is_unrelated(relevance) and content < 0.15


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
    # Talk around the copy ("that's the question, right?") adds nothing of its own.
    talk = _no_claim_stems()
    stems = tuple(s for s in answer.stems if s not in talk or s in reference.question_stems)
    if not stems:
        return False
    share, new_words = question_overlap(reference, replace(answer, stems=stems))
    if share < _COPY_SHARE or new_words > _COPY_NEW_WORDS:
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
