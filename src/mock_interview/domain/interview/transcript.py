"""An interview's rows read back: which planned question a row asks, attempts, model answers.

Pure computations over the stored interview (its plan as JSON) and its answer rows, shared by
the running session and the report; nothing here touches the database.
"""

from __future__ import annotations

from typing import Any

from mock_interview.domain.interview.planner import PlannedQuestion

FOLLOW_UP = "follow-up"


def question_for(interview: Any, row: Any, rows: list[Any]) -> PlannedQuestion:
    """The planned question a row asks; a follow-up's own rubric (what it probes) for a follow-up."""
    plan = [PlannedQuestion.from_json(q) for q in interview.questions or []]
    index = sum(1 for r in rows if r.follow_up_of is None and r.position <= (
        row.follow_up_of if row.follow_up_of is not None else row.position)) - 1
    planned = plan[index]
    if row.follow_up_of is None:
        return planned
    from mock_interview.domain.grading import follow_up_rubric

    parent = next((r for r in rows if r.position == row.follow_up_of), None)
    feedback = (parent.feedback or {}) if parent is not None else {}
    points, _part = follow_up_rubric(feedback.get("follow_up_reason"),
                                     feedback.get("missed_points") or [], planned.key_points,
                                     question=row.question, parent_question=planned.text,
                                     misconceptions=planned.misconceptions)
    return PlannedQuestion(
        id=f"{planned.id}#follow-up", kind=FOLLOW_UP, text=row.question,
        key_points=points, difficulty=planned.difficulty,
        target_words=[max(20, planned.target_words[0] // 2), planned.target_words[1]],
        star=False, skill=planned.skill, competency=planned.competency,
        misconceptions=list(planned.misconceptions),  # a follow-up's answer can assert them too
    )


def place_of(plan: list[dict[str, Any]], row: Any, rows: list[Any]) -> tuple[int, list[int]]:
    """A row's number among the main questions (a follow-up has its question's) and the answer
    length it aims for: a follow-up completes an answer, so half the words."""
    anchor = row.follow_up_of if row.follow_up_of is not None else row.position
    number = sum(1 for r in rows if r.follow_up_of is None and r.position <= anchor)
    target = list(plan[number - 1].get("target_words", [])) if 0 < number <= len(plan) else []
    if row.follow_up_of is not None and target:
        target = [max(20, target[0] // 2), target[1]]
    return number, target


def model_answer_for(question: PlannedQuestion, feedback: dict[str, Any] | None,
                     examples: list[tuple[str | None, str]]) -> dict[str, str] | None:
    """The model's improved answer when it wrote one, else one composed offline from the key
    points and the resume."""
    from mock_interview.domain.interview.coaching import model_answer

    improved = (feedback or {}).get("improved_answer")
    if improved:
        return {"text": improved, "source": "model"}
    text = model_answer(question.text, question.key_points, examples, skill=question.skill,
                        star=question.star)
    return {"text": text, "source": "offline"} if text else None


def scores_of(row: Any) -> dict[str, float] | None:
    """A row's four scores, None while it is not graded."""
    if row.overall_score is None:
        return None
    return {"technical": row.technical_score, "communication": row.communication_score,
            "job_match": row.job_match_score, "overall": row.overall_score}


def held_attempt(row: Any) -> dict[str, Any]:
    """The attempt a row holds now, as its earlier attempts are kept."""
    return {"attempt": row.attempt, "answer": row.answer, "scores": scores_of(row),
            "feedback": row.feedback, "engine": row.engine,
            "answered_at": row.answered_at.isoformat() if row.answered_at else None,
            "duration_seconds": row.duration_seconds}


def attempts_of(row: Any) -> list[dict[str, Any]]:
    """Every attempt at a row's question, in order, the one that counts marked."""
    from mock_interview.domain.interview.coaching import answer_note

    if not row.attempts:
        return []
    attempts = sorted([held_attempt(row), *row.attempts], key=lambda a: a["attempt"])
    return [{"attempt": a["attempt"], "answer": a.get("answer"), "scores": a.get("scores"),
             "counts": a["attempt"] == row.attempt, "engine": a.get("engine"),
             "answered_at": a.get("answered_at"), "note": answer_note(a.get("feedback"))}
            for a in attempts]


def answers_copy(rows: list[Any]) -> list[dict[str, Any]]:
    """``interviews.answers``: every question's reply as the interview ended, in asking order
    (the rows stay the record; this copy is written once, at completion)."""
    return [{"position": r.position, "question_id": r.question_id, "answer": r.answer,
             "status": r.status} for r in rows]


def recent_and_weak(rows: list[tuple[str, str | None, float | None]]) -> tuple[list[str], list[str]]:
    """From (question, skill, score) of past main answers, newest first: the recent question
    texts and the skills scored lowest (mean under 60), for the plan call."""
    recent = list(dict.fromkeys(q for q, _, _ in rows))[:15]
    by_skill: dict[str, list[float]] = {}
    for _, skill, score in rows:
        if skill and score is not None:
            by_skill.setdefault(skill, []).append(score)
    weak = sorted((sum(v) / len(v), k) for k, v in by_skill.items() if sum(v) / len(v) < 60)
    return recent, [k for _, k in weak[:8]]
