"""Grade one interview answer offline: technical, communication and job match, 0-100 each.

    technical      key-point coverage (coverage.py); for STAR questions 0.6 coverage + 0.4
                   STAR completeness, since their key points describe the story's parts
    communication  structure, length, specificity, delivery, STAR (communication.py)
    job_match      0.6 x share of the job's terms used (3 terms = full; terms the question
                   names count for an answer that engages with it) + 0.4 x resume match;
                   either alone when only one is known. With neither it repeats technical
                   and carries no weight in overall.
    overall        weighted by kind (OVERALL_WEIGHTS below), with communication counted up to
                   technical + DELIVERY_MARGIN

Floors (floors.py) hold empty, "don't know", gibberish, off-topic and copied-question
answers to at most 20 overall and technical. An answer that addresses the grader is graded
with and without those sentences and keeps the lower of each score.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from mock_interview.domain.grading import claims, conduct, floors
from mock_interview.domain.grading import communication as comm
from mock_interview.domain.grading import coverage as cov
from mock_interview.domain.grading import reading as rd
from mock_interview.domain.grading import text as tx
from mock_interview.domain.score_bands import SCORE_BANDS, bands_line  # noqa: F401 (re-exported)
from mock_interview.io.files import versioned

if TYPE_CHECKING:
    from collections.abc import Callable

# (technical, communication, job_match) per kind; each row sums to 1.
OVERALL_WEIGHTS: dict[str, tuple[float, float, float]] = {
    "technical": (0.65, 0.20, 0.15),
    "behavioral": (0.35, 0.50, 0.15),
    "situational": (0.45, 0.40, 0.15),
    "resume": (0.40, 0.40, 0.20),
    "gap": (0.35, 0.50, 0.15),
    "follow-up": (0.50, 0.35, 0.15),
}
KINDS = tuple(OVERALL_WEIGHTS)
STAR_TECHNICAL_SHARE = 0.4  # share of a STAR answer's technical score that is STAR completeness
COVERED_SHARE = 0.35  # a key point counts as made when this share of its weight is matched
MADE_POINT_CREDIT = 0.55  # a point credited this far is made, whatever colour surrounds it,
MADE_POINT_WORDS = 2  # with this many of its words that the question does not give
WEAK_CONTENT = 0.35  # an answer making less than this, and no point credited as far as
WEAK_POINT_CREDIT = 0.5  # this, is floored when a stock phrase or a joke stands beside it
FOLLOW_UP_CONTENT = 0.6  # below this content score (0-1), missed points earn a follow-up
SPELLED_OUT_POINTS = 3  # key points enough that a real answer uses a word of one of them
# Below these content scores (0-1), an answer to a question with a spelled-out rubric makes
# none of its points: a correct answer, however short or plainly worded, makes one of them.
NO_POINT_CONTENT = 0.1
DEFLECTED_CONTENT = 0.4  # a technical answer that deflects and makes this little
DEFLECTED_STORY_CONTENT = 0.3  # a story that deflects and makes this little
EVADED_CONTENT = 0.6  # an answer whose every sentence evades, making less than this
STALLED_CONTENT = 0.45  # an answer that hesitates throughout, making less than this
RAMBLE_CONTENT = 0.8  # a ramble (a restart among fillers) making less than this,
RAMBLE_POINTS = 1  # and at most this many points in the subject's words, says nothing
NO_STORY_CONTENT = 0.06  # "story" of one STAR part and under two past events
NO_EVENT_CONTENT = 0.15  # "story" with no STAR part and under two past events
STORY_EVENTS = 2  # past verbs a told story has at the least
ASIDE_STORY_WORDS = 70  # words from which a story is no aside
NO_ACTION_CONTENT = 0.2  # a "story" in which the speaker does nothing, making this little
TALK_CONTENT = 0.3  # talk about oneself or to the listener, making little of the rubric,
TALK_RELEVANCE = 0.3  # in words mostly not the subject's,
TALK_PERSON_WORDS = 2  # with this many "I", "we", "you" (or question marks), says nothing of it
FOLLOW_UP_POINT_WORDS = 2  # words a follow-up shares with a key point to be asking about it
JOB_TERMS_FOR_FULL = 3
IMPLIED_TERM_CONTENT = 0.3  # content score (0-1) from which the question's job terms count
JOB_TERMS_SHARE = 0.6
QUOTE_MAX = 240
FOLLOW_UP_PART_SHARE = 0.5  # share of a STAR follow-up's technical score that is the part it asked for
WRONG_CLAIM_PENALTY = 20.0  # technical points lost per wrong claim (at most three)
WRONG_CAP = 45.0  # the most an answer scores whose wrong claims outweigh its correct points
WRONG_CAP_CLAIMS = 3  # this many wrong claims outweigh any number of correct points
DELIVERY_MARGIN = 10.0  # communication counts in overall up to technical + this
RELEVANCE_FROM = 0.5  # share of an explanation's words that are the subject's, from which
RELEVANCE_BONUS = 30.0  # technical points are added, this many at a share of 1,
RELEVANCE_CEILING = 80.0  # up to where a thin answer meets an excellent one
LONG_ANSWER_WORDS = 80  # an explanation this long that makes no point of a rubric of
UNMADE_POINTS = 3  # this many points or more
UNMADE_CAP = 60.0  # scores at most this technically: overlap spread thin is no point made
UNMADE_SPREAD = 0.24  # unless its mean coverage over the points reaches this
KEYWORD_LIST_CAP = 50.0  # technical, for a bare list of terms (it may name the right things)
KEYWORD_LIST_COMMUNICATION = 15.0
# Flags that mean the answer earns no praise and no follow-up.
HARD_FLAGS = frozenset(["empty", "dont-know", "gibberish", "off-topic", "copied-question",
                        "keyword-list"])
_STAR_ORDER = ("result", "action", "task", "situation")  # which missing part to ask about first
# Speech addressed by someone to someone: a first- or second-person word, or a question.
# Talk by the speaker or to the listener: first and second person, or a question mark.
_SPOKEN_RE = re.compile(r"\?|\b(?:i|i'm|i'd|i've|i'll|me|my|mine|myself|you|your|we|our|us)\b",
                        re.I)
_FLOOR_REASONS = {"dont-know": "Did not answer the question",
                  "off-topic": "Off topic: the answer does not address the question"}


@dataclass
class GradingInput:
    """One answer to grade. ``kind`` is one of KINDS; ``job_terms`` are the job's skills and
    key terms; ``resume_job_match`` (0-100) comes from job matching."""

    question: str
    kind: str
    key_points: list[str]
    answer: str
    target_words: tuple[int, int] = (60, 220)
    star: bool = False
    job_terms: list[str] | tuple[str, ...] = ()
    resume_job_match: float | None = None  # 0-100, from job matching
    misconceptions: list[str] | tuple[str, ...] = ()  # common wrong claims for this question
    context_answer: str = ""  # the answer a follow-up completes: read together with this one
    star_part: str | None = None  # the STAR part a follow-up asks for


@dataclass
class Evidence:
    quote: str  # verbatim substring of the answer
    point: str | None  # the key point or aspect it supports
    polarity: Literal["strength", "weakness"]


@dataclass
class AnswerGrade:
    """Scores 0-100 with the reasons behind them. Without job terms or a resume match,
    ``job_match`` repeats ``technical`` and does not count in ``overall``."""

    technical: float
    communication: float
    job_match: float
    overall: float
    covered_points: list[str] = field(default_factory=list)
    missed_points: list[str] = field(default_factory=list)
    star_parts: dict[str, bool] = field(default_factory=dict)
    filler_count: int = 0
    hedge_count: int = 0
    word_count: int = 0
    flags: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    weaknesses: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    follow_up_reason: str | None = None
    job_terms_used: list[str] = field(default_factory=list)
    wrong_claims: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("technical", "communication", "job_match", "overall"):
            data[name] = round(data[name], 1)
        return versioned(data)


# ---- follow-ups ---------------------------------------------------------------------------

# What an answer to "what was the outcome?" and its siblings should say.
STAR_PART_POINTS: dict[str, tuple[str, ...]] = {
    "situation": ("Describes where they were, the team or project, and what was at stake",
                  "Names the problem or challenge the situation posed"),
    "task": ("States what they personally were responsible for",
             "Explains the goal and what success would mean"),
    "action": ("Describes the specific steps they took themselves",
               "Explains why they chose those steps over others"),
    "result": ("States the outcome of their actions",
               "Gives a measurable result such as a number, time saved or a change in behaviour",
               "Says what they learned or would do differently"),
}


def follow_up_rubric(reason: str | None, missed_points: list[str] | tuple[str, ...],
                     parent_points: list[str] | tuple[str, ...],
                     question: str = "", parent_question: str = "",
                     misconceptions: list[str] | tuple[str, ...] = ()) -> tuple[list[str], str | None]:
    """A follow-up's own key points and the STAR part it asks for: the missing part's points;
    else the parent's points the follow-up ``question`` is about (a bank follow-up asks about
    one of them, often by way of its misconception); else the parent's missed points (what an
    open probe invites)."""
    if reason and reason.startswith("missing-star:"):
        part = reason.split(":", 1)[1]
        if part in STAR_PART_POINTS:
            return list(STAR_PART_POINTS[part]), part
    asked = _points_asked_about(question, parent_points, parent_question, misconceptions)
    if asked:
        return asked, None
    points = [p for p in missed_points if p and p.strip()] or [p for p in parent_points if p.strip()]
    return points, None


def _points_asked_about(question: str, points: list[str] | tuple[str, ...],
                        parent_question: str = "",
                        misconceptions: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The points sharing the most words with ``question``, when at least two: a question
    about one point names its subject and what it says about it. The words of the parent
    question are its topic, shared by every point, so they tell nothing; a misconception
    lends its words to the point it is closest to ("each loop restarts it" to "can only be
    iterated once")."""
    asked = set(tx.content_stems(question)) if question else set()
    topic = set(tx.content_stems(parent_question)) if parent_question else set()
    if asked - topic:
        asked -= topic
    if not asked:
        return []
    kept = [p for p in points if p.strip()]
    words = [set(tx.content_stems(p)) - topic for p in kept]
    for wrong in misconceptions:
        # A misconception is its point with a word flipped: an opposite counts as shared.
        claim = claims.read_statement(wrong)
        said = set(claim.stems) - topic
        flipped = claim.opposites
        overlaps = [len(said & w) + len(flipped & w) for w in words]
        top = max(overlaps, default=0)
        if top > 0 and overlaps.count(top) == 1:  # a tie says nothing about which point
            words[overlaps.index(top)] |= said
    shared = [(len(asked & w), p) for w, p in zip(words, kept, strict=True)]
    best = max((n for n, _ in shared), default=0)
    return [p for n, p in shared if n == best] if best >= FOLLOW_UP_POINT_WORDS else []


# ---- job terms --------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _literal_re(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w+#])" + re.escape(term.lower()) + r"(?![\w+#])")


def job_terms_used(
    answer: str, answer_stems: frozenset[str], job_terms: tuple[str, ...]
) -> list[str]:
    """Job terms the answer uses, by stems (any word form or order) or literally ("C++")."""
    used = []
    lowered = answer.lower()
    for term in job_terms:
        stems = tx.content_stems(term)
        if (stems and all(s in answer_stems for s in stems)) or _literal_re(term).search(lowered):
            used.append(term)
    return used


def job_match_score(used: int, total_terms: int, resume_match: float | None) -> float | None:
    term_fit = min(1.0, used / min(JOB_TERMS_FOR_FULL, total_terms)) if total_terms else None
    if term_fit is None:
        return None if resume_match is None else min(100.0, max(0.0, float(resume_match)))
    if resume_match is None:
        return 100.0 * term_fit
    resume = min(100.0, max(0.0, float(resume_match)))
    return 100.0 * JOB_TERMS_SHARE * term_fit + (1.0 - JOB_TERMS_SHARE) * resume


def overall_score(kind: str, technical: float, communication: float, job: float | None) -> float:
    w_tech, w_comm, w_job = OVERALL_WEIGHTS[kind]
    if job is None:
        return (w_tech * technical + w_comm * communication) / (w_tech + w_comm)
    return w_tech * technical + w_comm * communication + w_job * job


# ---- evidence ---------------------------------------------------------------------------


def _quote(answer: str, span: tuple[int, int]) -> str:
    """The answer's text over ``span``, cut at a word boundary if long: always a substring."""
    start, end = span
    if end - start > QUOTE_MAX:
        cut = answer.rfind(" ", start, start + QUOTE_MAX)
        end = cut if cut > start else start + QUOTE_MAX
    return answer[start:end]


def _sentence_containing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for span in spans:
        if span[0] <= offset < span[1]:
            return span
    return None


# ---- grading ----------------------------------------------------------------------------


def _floor_grade(item: GradingInput, flag: str, words: int, reason: str) -> AnswerGrade:
    return AnswerGrade(
        technical=0.0, communication=0.0, job_match=0.0, overall=0.0,
        covered_points=[], missed_points=[p for p in item.key_points if p.strip()],
        star_parts={part: False for part in comm.STAR_PARTS}, word_count=words,
        flags=[flag], weaknesses=[reason],
    )


def _grade_text(item: GradingInput, answer: str, tuning: cov.Tuning) -> AnswerGrade:
    """Grade ``answer`` (the item's answer, or it with some spans blanked) for ``item``."""
    word_count = len(tx.tokens(answer))
    if floors.is_empty(answer):
        return _floor_grade(item, "empty", word_count, "No answer was given")
    key_points = tuple(p for p in item.key_points if p.strip())
    # A follow-up's answer earns credit for what it adds: the words of the answer it follows
    # are given, as the question's own words are.
    given = f"{item.question}\n{item.context_answer}" if item.kind == "follow-up" and item.context_answer \
        else item.question
    reference = cov.prepare_reference(given, key_points)
    if floors.is_dont_know(answer, reference.question_stems):
        return _floor_grade(item, "dont-know", word_count, "Did not answer the question")
    job_terms = tuple(t for t in item.job_terms if t and t.strip())
    job_stems = frozenset(s for term in job_terms for s in tx.content_stems(term))
    if floors.is_gibberish(answer, reference.vocabulary | job_stems):
        return _floor_grade(item, "gibberish", word_count, "The answer is not readable text")

    follow_up = item.kind == "follow-up"
    if not follow_up and floors.says_nothing(answer, reference, item.star):
        if set(tx.content_stems(answer)) & reference.question_stems:
            return _floor_grade(item, "copied-question", word_count, "Only repeats the question")
        return _floor_grade(item, "dont-know", word_count, "Did not answer the question")
    subject = floors.subject_of(reference, frozenset(tx.content_stems(item.question)), job_stems,
                                question=item.question)
    dodge = floors.non_answer(answer, subject, story=item.star, follow_up=follow_up)
    if dodge:
        return _floor_grade(item, dodge, word_count, _FLOOR_REASONS[dodge])
    misconceptions = tuple(m for m in item.misconceptions if m and m.strip())
    read = rd.read_answer(answer, reference, misconceptions, tuning,
                          context=item.context_answer if follow_up else "", question=item.question)
    content, results = read.content, read.results
    if (item.kind == "technical" and len(key_points) >= SPELLED_OUT_POINTS
            and not tx.describes_answer(key_points)
            and _talks(answer) and not read.wrong
            and set(tx.content_stems(answer)) & reference.question_stems and not any(
                set(r.matched) - reference.question_stems for r in results)):
        # A rubric of several points spells the subject out: talk on the topic that uses none
        # of their words beyond the question's own (a story about something else, a remark,
        # a question back) says nothing of it. Talk off the topic is left to the off-topic
        # check, and a wrong claim is named as such. A rubric that describes the answer
        # ("names a concrete project", "gives a measurable result") does not spell it out.
        return _floor_grade(item, "dont-know", word_count, _FLOOR_REASONS["dont-know"])
    told = comm.assess(answer, tuple(item.target_words), item.star, job_stems)
    if item.star:
        results, content = _story_points(reference, results, told, tuning)
    star_found = dict(told.star_parts)
    if follow_up and item.context_answer:
        # A follow-up completes the story it follows: its parts count together.
        earlier, _spans = comm.star_parts(item.context_answer)
        star_found = {part: star_found[part] or earlier[part] for part in comm.STAR_PARTS}
    if follow_up and results and not item.star_part:
        # A follow-up asks one thing; when its rubric holds several points it may be asking
        # about, the answer is graded on the one it makes best.
        content = max(r.credit for r in results)
    if item.star_part in comm.STAR_PARTS:
        asked = 1.0 if told.star_parts[item.star_part] else 0.0
        content = (1 - FOLLOW_UP_PART_SHARE) * content + FOLLOW_UP_PART_SHARE * asked
    elif item.star:
        content = (1 - STAR_TECHNICAL_SHARE) * content + STAR_TECHNICAL_SHARE * told.parts["star"]
    said = cov.answer_terms(answer, reference.question_stems, near_spellings=False)
    said_relevance = cov.relevance(reference, said)
    # A point is made in the answer's own words: one the question supplies does not make it
    # ("an executive meeting that signs off the plan" is not made by "planning meeting").
    own_credits = [r.credit for r in results
                   if len(set(r.matched) - reference.question_stems) >= MADE_POINT_WORDS]
    # A joke's point is made in the subject's words, not everyday ones ("food cost at my
    # house ... left on the plate" does not make the plate-cost point).
    made_points = sum(r.credit >= MADE_POINT_CREDIT for r in results
                      if len(_own_words(r.matched, reference.question_stems)) >= MADE_POINT_WORDS)

    def content_of(part: str) -> float:
        """How much of the rubric a part of the answer makes on its own, read as the whole."""
        return rd.read_answer(part, reference, misconceptions, tuning,
                              question=item.question).content if part.strip() else 0.0

    dodge = "" if follow_up else _dodges(item, answer, key_points, content, read.content, told,
                                         content_of, made_points, max(own_credits, default=0.0))
    if dodge or not follow_up and not read.wrong and _makes_no_point(
            item, answer, key_points, content, said_relevance, told, read.content):
        flag = "off-topic" if floors.is_unrelated(said_relevance) else "dont-know"
        floored = _floor_grade(item, flag, word_count, dodge or _FLOOR_REASONS[flag])
        if item.star:
            floored.star_parts = dict(told.star_parts)
        if item.star and flag == "dont-know":
            # A remark where a story was asked for ("I'm a real team player") is met as an
            # interviewer meets it: with a request for a concrete occasion, or for what the
            # speaker did in the one told.
            floored.follow_up_reason = _follow_up(item, content, [], told) \
                or "missing-star:situation"
        return floored
    technical = cov.technical_score(content, tuning)
    if not item.star:
        # An explanation whose words are mostly the subject's says what it says without
        # padding: a short right answer in other words earns what its coverage misses. A
        # story's words are the speaker's own, so stories are not read this way.
        technical = max(technical, min(RELEVANCE_CEILING, technical + RELEVANCE_BONUS
                                       * max(0.0, said_relevance - RELEVANCE_FROM)))
    communication = told.score

    all_stems = frozenset(tx.stem(t.text.replace("'", "")) for t in tx.tokens(answer))
    used_terms = job_terms_used(answer, all_stems, job_terms)
    # A job term the question itself names ("Python") is used by any answer that engages
    # with the question, even one that never repeats the word.
    implied = []
    if content >= IMPLIED_TERM_CONTENT:
        question_stems = frozenset(
            tx.stem(t.text.replace("'", "")) for t in tx.tokens(item.question)
        )
        implied = [t for t in job_terms_used(item.question, question_stems, job_terms)
                   if t not in used_terms]
    job = job_match_score(len(used_terms) + len(implied), len(job_terms), item.resume_job_match)

    flags: list[str] = []
    covered = [r.point for r in results if r.coverage >= COVERED_SHARE]
    missed = [r.point for r in results if r.coverage < COVERED_SHARE]
    if not key_points:  # the question stood in for the points
        covered, missed = [], []
    spread = sum(r.coverage for r in results) / len(results) if results else 0.0
    # An explanation that speaks to the points about evenly, a quarter of each point's words
    # on average, paraphrases them all rather than dropping their vocabulary in passing.
    if not item.star and not follow_up and not covered and len(key_points) >= UNMADE_POINTS \
            and word_count >= LONG_ANSWER_WORDS \
            and spread < UNMADE_SPREAD:
        # A long explanation that never lands a point of its rubric shows how much of the
        # topic's vocabulary it uses, not that it knows the subject.
        technical = min(technical, UNMADE_CAP)
    terms, relevance = said, said_relevance
    credited = {stem for r in results for stem in r.matched}
    if not follow_up:  # an answer to a follow-up is read with its parent, never off topic
        if floors.is_question_copy(reference, terms, credited, answer, item.question):
            flags.append("copied-question")
        elif floors.is_off_topic(relevance, max((r.credit for r in results), default=0.0),
                                 word_count, sum(told.star_parts.values()) if item.star else 0,
                                 len(used_terms)):
            flags.append("off-topic")
    if flags:
        technical = min(technical, floors.FLOOR_CAP)

    wrong_claims = [
        {"quote": _quote(answer, w.span), "contradicts": w.point or "",
         "misconception": w.misconception or "", "kind": w.kind}
        for w in read.wrong
    ]
    if item.star:
        quoted = {claim["quote"] for claim in wrong_claims}
        for flag in conduct.red_flags(answer, item.question):
            quote = _quote(answer, flag.span)
            if quote not in quoted:
                quoted.add(quote)
                wrong_claims.append({"quote": quote, "contradicts": "",
                                     "misconception": conduct.LABELS[flag.kind], "kind": "conduct"})
    # A story that tells of hiding, blaming or skipping what the work needs is answered as a
    # hiring manager answers it, whatever else the story gets right.
    misconduct = any(claim["kind"] == "conduct" for claim in wrong_claims)
    if wrong_claims:
        flags.append("wrong-claim")
        technical -= WRONG_CLAIM_PENALTY * min(len(wrong_claims), 3)
        if misconduct or _mostly_wrong(len(wrong_claims), len(covered)):
            technical = min(technical, WRONG_CAP)
    if floors.is_keyword_list(answer):
        flags.append("keyword-list")
        technical = min(technical, KEYWORD_LIST_CAP)
        communication = min(communication, KEYWORD_LIST_COMMUNICATION)
    technical = max(0.0, technical)

    # Delivery is worth what it delivers: fluency counts in overall up to a margin above the
    # content, so a polished answer that gets the subject wrong does not outscore a short
    # right one on polish alone. The communication score itself is reported as measured.
    delivered = min(communication, technical + DELIVERY_MARGIN)
    overall = overall_score(item.kind, technical, delivered, job)
    if "off-topic" in flags or "copied-question" in flags:
        overall = min(overall, floors.FLOOR_CAP)
    if "wrong-claim" in flags and (misconduct or _mostly_wrong(len(wrong_claims), len(covered))):
        overall = min(overall, WRONG_CAP)

    grade = AnswerGrade(
        technical=technical, communication=communication,
        job_match=technical if job is None else job, overall=overall,
        covered_points=covered, missed_points=missed, star_parts=star_found,
        filler_count=told.filler_count, hedge_count=told.hedge_count, word_count=word_count,
        flags=flags, job_terms_used=used_terms, wrong_claims=wrong_claims,
    )
    _explain(grade, item, answer, read, told)
    if not (set(flags) & HARD_FLAGS) and not follow_up:
        grade.follow_up_reason = _follow_up(item, content, missed, told)
    return grade


# A general answer offered in place of the occasion a story question asks for.
_HYPOTHETICAL_OFFER_RE = re.compile(
    r"\b(?:(?:a|an|the) hypothetical|hypothetically|(?:a|an) (?:general|generic|made-up) "
    r"(?:answer|example) instead|in theory,? (?:i|we)(?:'d| would))\b", re.I)


def _makes_no_point(item: GradingInput, answer: str, key_points: tuple[str, ...],
                    content: float, relevance: float, told: comm.Communication,
                    said: float) -> bool:
    """A rubric of several points spells out what an answer must say; one that earns almost
    nothing on any of them (a remark, a joke, a deflection that names the topic in passing)
    says nothing of the subject. A rubric that describes the answer ("names a concrete
    project") does not spell it out, so it is not read this way."""
    if len(key_points) < SPELLED_OUT_POINTS:
        return False
    if item.star:
        if not told.star_parts["action"] and min(content, said) < NO_ACTION_CONTENT:
            # Nothing the speaker did, and next to nothing the rubric asks: in the grade, or
            # in words (``said``: before a told situation is credited to the rubric's point
            # about one).
            return True
        events = comm.past_events(answer)
        if events < STORY_EVENTS and _HYPOTHETICAL_OFFER_RE.search(answer):
            return True  # "Can I give you a hypothetical instead?": no occasion is told
        parts = sum(told.star_parts.values())
        if parts > 1 or events >= STORY_EVENTS:
            return False  # a story is told, if not the one the rubric hoped for
        return content < (NO_EVENT_CONTENT if parts == 0 else NO_STORY_CONTENT)
    if item.kind != "technical" or tx.describes_answer(key_points):
        return False
    talk = len(_SPOKEN_RE.findall(answer)) >= TALK_PERSON_WORDS
    if talk and content < TALK_CONTENT and floors.laughs_off(answer):
        return True  # a joke about oneself where the subject was asked for
    if content < NO_POINT_CONTENT:
        # Unless it names a term of the rubric's own, no everyday word, in plain statements
        # ("fill numbers with the median"): a terse answer in other words.
        return talk or floors.hedges_off(answer) \
            or not _names_a_rubric_term(answer, _rubric_words(item, key_points))
    # Talk about oneself or to the listener ("our controller handled all that, do you use
    # Jira here?") that makes little of the rubric and whose words are mostly not the
    # subject's is about something else, whatever topic word it drops on the way.
    return content < TALK_CONTENT and relevance < TALK_RELEVANCE and talk


def _dodges(item: GradingInput, answer: str, key_points: tuple[str, ...], content: float,
            said: float, told: comm.Communication, content_of: Callable[[str], float],
            made_points: int = 0, best_credit: float = 0.0) -> str:
    """What an answer said in place of one, as the weakness to name ("" when it answers): it
    stalls, hands the subject to someone else, denies the premise, sends it to a reference,
    says what the speaker is like or tells a joke or an anecdote instead, and makes little of
    the rubric on the way, whatever wrong claim it drops in passing ("my code doesn't need
    paying down")."""
    # A rubric of a point or two may be met in words none of it uses, so only what the
    # answer says in place of one (a hand-off, the premise denied, a stall, an aside) tells.
    spelled_out = len(key_points) >= SPELLED_OUT_POINTS
    # Unless a story with an action is told, what the rubric credits for STAR parts is not
    # said of the subject.
    story = told.star_parts["action"] and comm.past_events(answer) >= STORY_EVENTS
    made = min(content, said) if item.star and not story else content
    if spelled_out and made < EVADED_CONTENT and (floors.evades_throughout(
            answer, _rubric_words(item, key_points)) or floors.stock_throughout(answer)):
        return _DODGES["general"]
    if made < STALLED_CONTENT and floors.stalls(answer):
        return _DODGES["stall"]
    if spelled_out and not item.star and made < WEAK_CONTENT \
            and best_credit < WEAK_POINT_CREDIT:
        # Next to nothing of the rubric, with a stock phrase, a joke or a hand-off beside
        # it: the stock phrase is the answer.
        kind = floors.evasion_in(answer)
        if kind:
            return _DODGES[kind]
    if made < EVADED_CONTENT and not made_points \
            and floors.tells_a_favourite(answer, item.question):
        # "The deal I'm proudest of is..." where a lost deal was asked for: the topic's words
        # on the way are the other story's.
        return _DODGES["favourite"]
    if made_points <= 1:
        other = floors.answers_another(answer, item.question, _rubric_words(item, key_points))
        if other == "misheard" and not made_points or other and made < EVADED_CONTENT:
            # The topic's words on the way are the other question's ("Attribution, oh, I
            # thought you said attrition: I'd look at cohort retention...").
            return _DODGES["other"]
    if min(content, said) < NO_EVENT_CONTENT and not made_points \
            and floors.ends_asking_the_listener(answer):
        # "Calculations are easier with software these days ... Do you use Revit here?":
        # next to nothing of the subject, and the turn handed back to the listener.
        return _DODGES["deflect"]
    if made < TALK_CONTENT and not made_points and floors.says_joking(answer):
        # "Step one, delete half the settings. Joking, of course": the joke was the answer.
        return _DODGES["aside"]
    if made < EVADED_CONTENT and not made_points and floors.brackets_with_not_knowing(answer):
        # "I'm not sure. I haven't had to juggle two like that myself ... so I don't really
        # know": the excuse between two admissions is no answer.
        return _DODGES["blank"]
    if made < EVADED_CONTENT and not made_points and floors.restarts(answer):
        # "Let me back up", and no point made in the subject's own words before or after it:
        # a ramble that never arrives, whatever topic words it circles.
        return _DODGES["stall"]
    if made < EVADED_CONTENT and not made_points and floors.restates_the_question(answer):
        # "So the question is how I'd design a URL shortener ... in other words, something
        # that makes links shorter": the question turned over, its words said back.
        return _DODGES["restate"]
    if made < RAMBLE_CONTENT and made_points <= RAMBLE_POINTS and floors.rambles(answer):
        # A restart among "yes", "well" and "it depends": the terms it names on the way ("CAP,
        # yes, consistency, availability and partition tolerance. Three things.") are the
        # question's, circled, not a point made.
        return _DODGES["stall"]
    limit = DEFLECTED_STORY_CONTENT if item.star else DEFLECTED_CONTENT
    if item.star and story and min(content, said) < limit:
        # The parts of a story about something else ("the festival one summer: the best part
        # was seeing the bands") are that story's, not the one asked for.
        aside = _aside_or_portrait(item, answer, key_points, made_points, told)
        if aside:
            return aside
    if limit <= made < EVADED_CONTENT and floors.denies_premise(answer) and content_of(
            floors.without_premise_denials(answer)) < limit:
        # "Locking never came up in our app. Traffic was low, so concurrent updates just
        # didn't happen": the topic's words are in the denial; beside it, little is said.
        return _DODGES["premise"]
    if not item.star and not made_points and made < EVADED_CONTENT:
        # The work handed away ("the pharmacy techs did that whole piece, so I never had to
        # get into it"), a joke, an anecdote or a list of credentials, with no point of the
        # rubric made: the topic's words on the way ("admissions", "the best open rate we'd
        # had") are the story's.
        if floors.hands_off(answer):
            return _DODGES["deflect"]
        aside = _aside_or_portrait(item, answer, key_points, made_points, told)
        if aside:
            return aside
    if made >= limit:
        return ""
    if floors.deflects(answer):
        return _DODGES["deflect"]
    if floors.denies_premise(answer):
        return _DODGES["premise"]
    if floors.looks_it_up(answer):
        return _DODGES["look-up"]
    return _aside_or_portrait(item, answer, key_points, made_points, told)


def _aside_or_portrait(item: GradingInput, answer: str, key_points: tuple[str, ...],
                       made_points: int, told: comm.Communication) -> str:
    """The aside or the portrait an answer that makes little of its rubric gives instead. A
    story of some length is the one asked for, whatever everyday words it uses on the way ("I
    invited him for a coffee"); an anecdote is short, whatever STAR parts it tells."""
    told_in_full = item.star and len(tx.tokens(answer)) >= ASIDE_STORY_WORDS
    if not made_points and not told_in_full \
            and floors.tells_an_aside(answer, _rubric_words(item, key_points)
                                      | frozenset(tx.content_stems(item.question))):
        # A joke or an anecdote that makes one point of the rubric on the way is a short
        # answer with colour, not an aside; the everyday words the question uses ("before
        # lunch") are the subject's.
        return _DODGES["aside"]
    # What the speaker is like ("I'm extremely organized, that's my superpower") where a story
    # or an explanation was asked for, with no occasion told beside it.
    rest = floors.portrays_self(answer)
    return _DODGES["portrait"] if rest is not None and comm.past_events(rest) < STORY_EVENTS \
        else ""


# What a person is told when an answer is floored as said in place of one.
_DODGES = {
    "general": "Did not answer: general remarks any answer could make; say what you would "
               "actually do or what happened",
    "stall": "Did not answer: hesitated without reaching a point; give the main point first",
    "restate": "Did not answer: turned the question over in other words; say what you would "
               "actually do or how it works",
    "deflect": "Did not answer: talked around the question (someone else's part, a question "
               "back, a stall); answer it directly",
    "premise": "Did not answer: said it never came up; explain how it works or how you would "
               "handle it",
    "look-up": "Did not answer: sent the question to a reference; say what you know, then what "
               "you would check",
    "portrait": "Did not answer: described yourself instead; give a concrete example",
    "aside": "Did not answer: a joke or a personal anecdote in place of the subject; answer "
             "first, then add colour",
    "blank": "Did not answer: said you don't know or can't think of one; say what you do "
             "know, or how you would find out",
    "other": "Did not answer: answered another question than the one asked; answer the one "
             "asked first",
    "favourite": "Did not answer: a favourite story in place of the one asked for; tell a "
                 "story that fits the question",
}


def _own_words(matched: tuple[str, ...], question_stems: frozenset[str]) -> frozenset[str]:
    """The matched words the question does not give, nor a form of them ("percent" beside
    "percentage"), and not everyday words ("plate", "house")."""
    return frozenset(s for s in matched if s not in question_stems
                     and s not in tx.everyday_stems()
                     and not any(q.startswith(s) or s.startswith(q) for q in question_stems
                                 if min(len(q), len(s)) >= 4))


def _rubric_words(item: GradingInput, key_points: tuple[str, ...]) -> frozenset[str]:
    """Stems of the key points that the question does not use."""
    return frozenset(s for p in key_points for s in tx.content_stems(p)) \
        - frozenset(tx.content_stems(item.question))


def _talks(answer: str) -> bool:
    """Is the answer talk rather than an explanation: the speaker in it, or the listener twice?
    One generic "you" ("checks that tell you it's done") explains."""
    spoken = [w.casefold() for w in _SPOKEN_RE.findall(answer)]
    return len(spoken) >= TALK_PERSON_WORDS or any(w not in _LISTENER for w in spoken)


_LISTENER = frozenset(("you", "your", "?"))


def _names_a_rubric_term(answer: str, rubric: frozenset[str]) -> bool:
    """Does the answer use a word of the ``rubric`` (the key points' stems the question does
    not use) that is not an everyday word?"""
    return bool((rubric & set(tx.content_stems(answer))) - tx.everyday_stems())


_WOULD_RE = re.compile(r"\b(?:would|will|could) you\b|\bi (?:would|will|could)\b|\bi'd\b|\bi'll\b",
                       re.I)


# Rubric points about a story's parts ("States a concrete, measurable result") are made by
# that part of the story, whatever its words: the STAR cues find it.
_STORY_WORDS = {
    "result": (
        "result", "outcome", "impact", "effect", "measurable", "measured", "improvement",
        "success", "lesson", "learned", "learnt", "difference", "resolved", "adoption"),
    "action": ("action", "actions", "steps", "approach", "handled", "personally", "own", "did"),
    "task": ("responsibility", "responsible", "role", "task", "goal", "objective", "owned"),
    "situation": ("situation", "context", "background", "setting", "stakes", "risk", "challenge"),
}


@lru_cache(maxsize=1)
def _story_aspects() -> dict[str, frozenset[str]]:
    return {part: frozenset(tx.stem(w) for w in words) for part, words in _STORY_WORDS.items()}
STORY_PART_CREDIT = 0.5  # coverage a point about a story part gets when that part is told


def _story_points(reference: cov.Reference, results: list[cov.PointCoverage],
                  told: comm.Communication, tuning: cov.Tuning
                  ) -> tuple[list[cov.PointCoverage], float]:
    out = []
    for model, result in zip(reference.points, results, strict=True):
        stems = {t.stem for t in model.terms}
        told_parts = [part for part, words in _story_aspects().items()
                      if stems & words and told.star_parts[part]]
        if "result" in told_parts and not told.numbers:
            told_parts.remove("result")  # a result point wants a measurable result
        if told_parts and result.coverage < STORY_PART_CREDIT:
            coverage = STORY_PART_CREDIT
            credit = min(1.0, coverage / tuning.saturation) ** tuning.curve
            result = cov.PointCoverage(result.point, coverage, credit, result.matched)
        out.append(result)
    weights = [cov.point_weight(model, tuning) for model in reference.points]
    total = sum(weights)
    content = sum(r.credit * w for r, w in zip(out, weights, strict=True)) / total if total else 0.0
    return out, content


def _mostly_wrong(wrong: int, covered: int) -> bool:
    """Wrong claims that outweigh the points made: two or more, or as many as the points."""
    return wrong >= min(WRONG_CAP_CLAIMS, max(1, covered))


def _follow_up(
    item: GradingInput, content: float, missed: list[str], told: comm.Communication
) -> str | None:
    """One reason to ask a follow-up, or None: a STAR part missing, else key points missed.
    A question about what one *would* do, answered that way, is not a story to complete."""
    hypothetical = _WOULD_RE.search(item.question) and _WOULD_RE.search(item.answer)
    if item.star and not hypothetical:
        if not (told.star_parts["situation"] or told.star_parts["action"]):
            return "missing-star:situation"  # no story yet: ask for a concrete occasion first
        for part in _STAR_ORDER:
            if not told.star_parts[part]:
                return f"missing-star:{part}"
    if missed and content < FOLLOW_UP_CONTENT:
        return "missed-key-points"
    return None


def _explain(
    grade: AnswerGrade,
    item: GradingInput,
    answer: str,
    read: rd.Reading,
    told: comm.Communication,
) -> None:
    """Fill strengths, weaknesses and evidence quotes (each a verbatim piece of ``answer``)."""
    spans = tx.sentence_spans(answer)
    results = read.results
    for point in grade.covered_points:
        span = read.best_spans.get(point)
        if span:
            grade.evidence.append(Evidence(_quote(answer, span), point, "strength"))
    for claim in grade.wrong_claims:
        wrong = claim["misconception"] or (
            f"contradicts: {claim['contradicts']}" if claim["contradicts"] else "a wrong claim")
        grade.weaknesses.append(f'Wrong: "{claim["quote"]}" ({wrong})')
        grade.evidence.append(Evidence(claim["quote"], claim["contradicts"] or None, "weakness"))

    total = len(results) if grade.covered_points or grade.missed_points else 0
    if total and grade.covered_points:
        n = len(grade.covered_points)
        grade.strengths.append(
            "Covers every key point" if n == total else f"Covers {n} of {total} key points"
        )
    for point in grade.missed_points[:3]:
        grade.weaknesses.append(f"Did not clearly cover: {point}")

    if item.star:
        found = told.star_parts
        if all(found.values()):
            grade.strengths.append("Complete STAR story: situation, task, action and result")
        if found["result"] and "result" in told.star_spans:
            span = _sentence_containing(spans, told.star_spans["result"][0])
            if span:
                grade.evidence.append(Evidence(_quote(answer, span), "STAR: result", "strength"))
        for part in comm.STAR_PARTS:
            if not found[part]:
                grade.weaknesses.append(f"No clear {part} (STAR)")

    if told.parts["specificity"] >= 0.99:
        grade.strengths.append("Specific: numbers, named tools or examples")
    elif told.parts["specificity"] < 0.34 and grade.word_count >= 30:
        grade.weaknesses.append("Few specifics: add numbers, named tools or an example")
    if grade.job_terms_used:
        grade.strengths.append("Uses the job's terms: " + ", ".join(grade.job_terms_used[:5]))

    low, high = item.target_words
    if grade.word_count < low:
        grade.weaknesses.append(f"Too short: {grade.word_count} words (aim for {low}-{high})")
    elif grade.word_count > high * 1.2:
        grade.weaknesses.append(f"Too long: {grade.word_count} words (aim for {low}-{high})")
    elif told.parts["structure"] >= 0.99:
        grade.strengths.append("Clear structure and a good length")

    if told.longest_sentence > comm.RUN_ON_WORDS and told.parts["structure"] < 1:
        grade.weaknesses.append(f"Run-on sentence of {told.longest_sentence} words")
        lengths = [(len(tx.tokens(answer[a:b])), (a, b)) for a, b in spans]
        grade.evidence.append(Evidence(_quote(answer, max(lengths)[1]), "run-on sentence",
                                       "weakness"))
    _delivery_evidence(grade, answer, spans, told)

    if set(grade.flags) & HARD_FLAGS:  # a floored answer earns no praise
        grade.strengths.clear()
        grade.evidence = [e for e in grade.evidence if e.polarity == "weakness"]
    if "keyword-list" in grade.flags:
        grade.weaknesses.insert(0, "A list of terms, not an answer: explain how they fit together")
    if "off-topic" in grade.flags:
        grade.weaknesses.insert(0, "Off topic: the answer does not address the question")
    if "copied-question" in grade.flags:
        grade.weaknesses.insert(0, "Mostly repeats the question")


def _delivery_evidence(
    grade: AnswerGrade, answer: str, spans: list[tuple[int, int]], told: comm.Communication
) -> None:
    if told.filler_count >= 3:
        grade.weaknesses.append(f"Filler words: {told.filler_count}")
    if told.hedge_count >= 2:
        grade.weaknesses.append(f"Hedging: {told.hedge_count}")
    if not (told.filler_count or told.hedge_count):
        return
    # The sentence with the most fillers and hedges is the one to show.
    marks = [(s, "filler words") for s in comm.filler_spans(answer)]
    marks += [(s, "hedging") for s in comm.hedge_spans(answer)]
    counts: dict[tuple[int, int], list[str]] = {}
    for (start, _end), aspect in marks:
        span = _sentence_containing(spans, start)
        if span:
            counts.setdefault(span, []).append(aspect)
    if counts:
        span, aspects = max(counts.items(), key=lambda kv: len(kv[1]))
        aspect = max(sorted(set(aspects)), key=aspects.count)  # ties: the same every run
        grade.evidence.append(Evidence(_quote(answer, span), aspect, "weakness"))


_ENTITY_RE = re.compile(r"&(?:[a-z]{2,6}|#\d{2,5}|#x[0-9a-f]{2,4});", re.I)


def grade_answer(item: GradingInput, tuning: cov.Tuning = cov.DEFAULT_TUNING) -> AnswerGrade:
    """Grade one answer. Odd text never raises; an unknown kind is a bug (ValueError)."""
    if item.kind not in OVERALL_WEIGHTS:
        raise ValueError(f"unknown question kind {item.kind!r}; expected one of {KINDS}")
    if "&" in item.answer and _ENTITY_RE.search(item.answer):
        # Answers exported from web forms and LMSs arrive as "&lt;type&gt; name;".
        import html

        item = replace(item, answer=html.unescape(item.answer))
    low, high = item.target_words
    if not 0 < low <= high:  # a slip in a template must not stop an interview
        item = replace(item, target_words=(max(1, low), max(1, low, high)))
    injection = floors.find_injection(item.answer)
    if not injection.found:
        return _grade_text(item, item.answer, tuning)
    as_is = _grade_text(item, item.answer, tuning)
    cleaned = _grade_text(item, floors.without_spans(item.answer, injection.spans), tuning)
    grade = cleaned if cleaned.overall <= as_is.overall else as_is
    grade.technical = min(as_is.technical, cleaned.technical)
    grade.communication = min(as_is.communication, cleaned.communication)
    grade.job_match = min(as_is.job_match, cleaned.job_match)
    grade.overall = min(as_is.overall, cleaned.overall)
    grade.word_count = as_is.word_count
    grade.flags = ["injection"] + [f for f in grade.flags if f != "injection"]
    grade.weaknesses.insert(0, "Contains instructions to the grader; they were ignored")
    for span in injection.spans[:2]:
        grade.evidence.append(
            Evidence(_quote(item.answer, span), "instructions to the grader", "weakness")
        )
    return grade


def warm_up() -> None:
    """Load the word lists and compile the patterns (about 0.1 s) before the first answer."""
    grade_answer(GradingInput("What is a list?", "technical", ["A list holds items"],
                              "A list holds items in order."))
