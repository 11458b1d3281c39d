"""The embedded engine: bank + planner for questions, the rubric grader for answers.

No network, no key, deterministic for a given seed. Code decides follow-ups.
"""

from __future__ import annotations

from mock_interview.domain.interview.bank import QuestionBank
from mock_interview.domain.interview.planner import (
    JobFacts,
    PlannedQuestion,
    PlanRequest,
    ResumeFacts,
    plan_interview,
)
from mock_interview.engines.base import EngineGrade, GradeContext

STAR_FOLLOW_UPS = {
    "situation": "Can you set the scene a little more: where were you, and what was at stake?",
    "task": "What exactly were you responsible for in that situation?",
    "action": "What did you personally do, step by step?",
    "result": "What was the outcome, and how did you know it worked? A number helps.",
}


class OfflineEngine:
    name = "offline"

    def plan(self, bank: QuestionBank, resume: ResumeFacts, job: JobFacts,
             request: PlanRequest) -> list[PlannedQuestion]:
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

    def follow_up(self, question: PlannedQuestion, reason: str, answer: str) -> str:
        if reason.startswith("missing-star:"):
            part = reason.split(":", 1)[1]
            return STAR_FOLLOW_UPS.get(part, STAR_FOLLOW_UPS["result"])
        return question.follow_up or "Can you go deeper on that: what would you add?"
