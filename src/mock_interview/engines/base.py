"""The one interface both engines implement, and what flows through it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Protocol

from mock_interview.domain.interview.bank import QuestionBank
from mock_interview.domain.interview.planner import JobFacts, PlannedQuestion, PlanRequest, ResumeFacts


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


class Engine(Protocol):
    name: str

    def plan(self, bank: QuestionBank, resume: ResumeFacts, job: JobFacts,
             request: PlanRequest) -> list[PlannedQuestion]: ...

    def grade(self, question: PlannedQuestion, answer: str, context: GradeContext) -> EngineGrade: ...

    def follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                  avoid: Collection[str] = ()) -> str | None: ...
