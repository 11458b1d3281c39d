"""The one interface every engine implements, what each declares it can do, and what flows through it.

Services ask an engine's ``capabilities`` what it can do, never which engine it is; ``name``
is only the label stored with an interview and its answers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from mock_interview.domain.interview.bank import QuestionBank
from mock_interview.domain.interview.planner import JobFacts, PlannedQuestion, PlanRequest, ResumeFacts


@dataclass(frozen=True)
class Capabilities:
    """What an engine can do beyond the instant grade and follow-up wording every engine gives.

    - ``refines_grades``: a better grade arrives later (``refine_grade``), so the session stores
      the instant grade at once and refines it in the background;
    - ``writes_questions``: ``plan`` writes the questions and reads ``PlanNotes`` (the match and
      the person's history);
    - ``words_follow_ups``: ``reword_follow_up`` may improve a follow-up once it is stored with
      the instant wording;
    - ``reads_background``: ``brief`` gives it the job and the resume for its prompts;
    - ``calls_model``: it calls a model endpoint, so it needs one configured, keeps a cost
      ledger, works within a time and money budget (a step over it falls back to the instant
      grade or wording, reported through ``on_fallback``) and waits on the network rather than
      the CPU, so a batch may run several interviews at once.
    """

    refines_grades: bool = False
    writes_questions: bool = False
    words_follow_ups: bool = False
    reads_background: bool = False
    calls_model: bool = False


@dataclass
class GradeContext:
    """What a grader may use beyond the question and the answer."""

    job_terms: list[str] = field(default_factory=list)
    resume_job_match: float | None = None
    earlier_answer: str = ""  # for a follow-up: the answer it follows, read with it
    star_part: str | None = None  # for a follow-up: the STAR part it asks for


@dataclass
class EngineGrade:
    """A graded answer: the four scores and the grader's full feedback (JSON-able)."""

    technical: float
    communication: float
    job_match: float
    overall: float
    feedback: dict[str, Any]
    follow_up_reason: str | None
    engine: str


@dataclass
class Background:
    """What the grader and the follow-up writer may know beyond the question and the answer."""

    job_title: str = ""
    job_company: str = ""
    job_level: str | None = None
    job_skills: list[str] = field(default_factory=list)
    resume: ResumeFacts | None = None


@dataclass
class PlanNotes:
    """What a question writer knows beyond the resume and job facts (set by the service)."""

    match_score: float | None = None
    matched_skills: list[str] = field(default_factory=list)
    missing_skills: list[str] = field(default_factory=list)
    recent_questions: list[str] = field(default_factory=list)
    weak_skills: list[str] = field(default_factory=list)


class Engine(Protocol):
    """An engine registered in ``engines/registry.py``. One that ``calls_model`` is built as
    ``cls(endpoint, memory=..., on_call=..., allow_spend=..., limiter=...)``, any other as ``cls()``."""

    name: str
    capabilities: ClassVar[Capabilities]
    on_fallback: Callable[[str, Any], None] | None  # (step, failure) when a step fell back
    plan_engine: str  # who wrote the last plan: an engine name or "mixed"
    plan_failure: Any  # why the last plan fell back to the instant one, if it did

    def plan(self, bank: QuestionBank, resume: ResumeFacts, job: JobFacts,
             request: PlanRequest, notes: PlanNotes | None = None) -> list[PlannedQuestion]: ...

    def brief(self, background: Background) -> None: ...

    def grade(self, question: PlannedQuestion, answer: str, context: GradeContext) -> EngineGrade: ...

    def instant_grade(self, question: PlannedQuestion, answer: str,
                      context: GradeContext) -> EngineGrade: ...

    def instant_follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                          avoid: Collection[str] = ()) -> str | None: ...

    # refines_grades
    def pending_feedback(self, instant: EngineGrade) -> dict[str, Any]: ...

    def refine_grade(self, question: PlannedQuestion, answer: str, context: GradeContext,
                     instant: EngineGrade, position: int | None = None) -> EngineGrade: ...

    def keep_instant(self, instant: EngineGrade, reason: str) -> EngineGrade: ...

    def refinement_timeout(self) -> float | None: ...

    # words_follow_ups
    def reword_follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                         avoid: Collection[str], *, position: int | None,
                         gradings_pending: int) -> str | None: ...

    def close(self) -> None: ...


class BaseEngine:
    """Defaults for an engine that grades and words follow-ups at once and does nothing later:
    the instant grade is ``grade``, the instant wording is ``follow_up``."""

    name: str = ""
    capabilities: ClassVar[Capabilities] = Capabilities()
    on_fallback: Callable[[str, Any], None] | None = None
    plan_failure: Any = None

    def __init__(self) -> None:
        self.plan_engine = self.name

    def brief(self, background: Background) -> None:
        """Nothing to know beyond the question and the answer."""

    def grade(self, question: PlannedQuestion, answer: str, context: GradeContext) -> EngineGrade:
        raise NotImplementedError

    def follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                  avoid: Collection[str] = ()) -> str | None:
        raise NotImplementedError

    def instant_grade(self, question: PlannedQuestion, answer: str,
                      context: GradeContext) -> EngineGrade:
        return self.grade(question, answer, context)

    def instant_follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                          avoid: Collection[str] = ()) -> str | None:
        return self.follow_up(question, reason, answer, avoid)

    def pending_feedback(self, instant: EngineGrade) -> dict[str, Any]:
        """The instant grade's feedback, marked as waiting for the refined grade."""
        return {**instant.feedback, "llm": {"status": "pending", "model": None}}

    def keep_instant(self, instant: EngineGrade, reason: str) -> EngineGrade:
        """The instant grade stands, marked as a fallback and why."""
        feedback = {**instant.feedback, "llm": {"status": "fallback", "reason": reason, "model": None}}
        return EngineGrade(instant.technical, instant.communication, instant.job_match,
                           instant.overall, feedback, instant.follow_up_reason, instant.engine)

    def refinement_timeout(self) -> float | None:
        """At most how long one refined grading takes (None: no bound known)."""
        return None

    def close(self) -> None:
        """Nothing held open."""
