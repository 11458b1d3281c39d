"""The embedded engine: bank + planner for questions, the rubric grader for answers.

No network, no key, deterministic for a given seed. Code decides follow-ups.
"""

from __future__ import annotations

from collections.abc import Collection

from mock_interview.domain.interview.bank import QuestionBank
from mock_interview.domain.interview.follow_ups import STAR_WORDINGS
from mock_interview.domain.interview.planner import (
    JobFacts,
    PlannedQuestion,
    PlanRequest,
    ResumeFacts,
    plan_interview,
)
from mock_interview.engines.base import BaseEngine, Capabilities, EngineGrade, GradeContext, PlanNotes

# The first wording of each STAR part (what the demo and older interviews asked).
STAR_FOLLOW_UPS = {part: wordings[0] for part, wordings in STAR_WORDINGS.items()}


class OfflineEngine(BaseEngine):
    """Grades and words follow-ups at once; nothing to refine later, no model to call."""

    name = "offline"
    capabilities = Capabilities()

    def plan(self, bank: QuestionBank, resume: ResumeFacts, job: JobFacts,
             request: PlanRequest, notes: PlanNotes | None = None) -> list[PlannedQuestion]:
        return plan_interview(bank, resume, job, request)

    def grade(self, question: PlannedQuestion, answer: str, context: GradeContext) -> EngineGrade:
        from mock_interview.domain.grading import GradingInput, grade_answer

        kind = "follow-up" if question.kind == "follow-up" else question.kind
        grade = grade_answer(GradingInput(
            question=question.text, kind=kind, key_points=list(question.key_points),
            answer=answer, target_words=tuple(question.target_words), star=question.star,
            job_terms=list(context.job_terms), resume_job_match=context.resume_job_match,
            misconceptions=list(question.misconceptions or []),
            context_answer=context.earlier_answer if kind == "follow-up" else "",
            star_part=context.star_part if kind == "follow-up" else None,
        ))
        return EngineGrade(
            technical=grade.technical, communication=grade.communication,
            job_match=grade.job_match, overall=grade.overall, feedback=grade.to_json(),
            follow_up_reason=grade.follow_up_reason, engine=self.name,
        )

    def follow_up(self, question: PlannedQuestion, reason: str, answer: str,
                  avoid: Collection[str] = ()) -> str | None:
        """Probe what the answer said, in words not yet used in this interview (``avoid``);
        None when every wording for that reason has been asked already."""
        from mock_interview.domain.interview.follow_ups import word_follow_up

        return word_follow_up(reason, answer, question.follow_up, avoid)
