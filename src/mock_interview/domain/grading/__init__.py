"""Offline grading of interview answers: technical, communication and job match, 0-100.

Pure logic; the word lists it reads are packaged in ``mock_interview/data/grading``.
"""

from __future__ import annotations

from mock_interview.domain.grading.coverage import Tuning, split_points
from mock_interview.domain.grading.grader import (
    KINDS,
    OVERALL_WEIGHTS,
    SCORE_BANDS,
    AnswerGrade,
    Evidence,
    GradingInput,
    bands_line,
    follow_up_rubric,
    grade_answer,
    warm_up,
)

__all__ = [
    "KINDS",
    "OVERALL_WEIGHTS",
    "SCORE_BANDS",
    "AnswerGrade",
    "Evidence",
    "GradingInput",
    "bands_line",
    "Tuning",
    "follow_up_rubric",
    "grade_answer",
    "split_points",
    "warm_up",
]
