"""Interview queries: an interview with its answer rows, the person's history, and the writes of
a session, each conditional on the row still being where the session saw it.

Another driver of the same interview (a second window, a resumed process) may move it on at any
time, so every write that claims a row says whether it did; the caller reloads when it did not.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import select

from mock_interview.store.models import Answer, Interview, Result, column_values, utcnow

ANSWERS = Answer.__table__
INTERVIEWS = Interview.__table__


# -- reading ------------------------------------------------------------------------------------

def load(database: Any, interview_id: uuid.UUID) -> tuple[Interview | None, list[Answer]]:
    """The interview and its answer rows in asking order."""
    with database.session() as session:
        interview = session.get(Interview, interview_id)
        rows = session.exec(select(Answer).where(Answer.interview_id == interview_id)
                            .order_by(Answer.position)).all()
    return interview, list(rows)


def load_with_result(database: Any, interview_id: uuid.UUID) -> tuple[Interview, list[Answer], Result | None]:
    """The interview, its answer rows and its result (None until completed)."""
    with database.session() as session:
        interview = session.get(Interview, interview_id)
        rows = session.exec(select(Answer).where(Answer.interview_id == interview_id)
                            .order_by(Answer.position)).all()
        result = session.exec(select(Result).where(Result.interview_id == interview_id)).first()
    return interview, list(rows), result


def find(database: Any, key: str) -> list[Interview]:
    """Interviews whose id is ``key`` or starts with it (any length, dashes or not)."""
    with database.session() as session:
        try:
            found = session.get(Interview, uuid.UUID(key))
            return [found] if found else []
        except ValueError:
            from mock_interview.store.database import id_prefix_clause

            clause = id_prefix_clause(session, Interview.id, key)
            return [] if clause is None else list(session.exec(select(Interview).where(clause)))


def latest(database: Any, user_id: uuid.UUID) -> Interview | None:
    """The person's interview started last."""
    with database.session() as session:
        return session.exec(select(Interview).where(Interview.user_id == user_id)
                            .order_by(Interview.started_at.desc())).first()


def with_results(database: Any, user_id: uuid.UUID, limit: int) -> list[tuple[Interview, Result | None]]:
    """The person's interviews, newest first, each with its result if it has one."""
    with database.session() as session:
        return list(session.exec(
            select(Interview, Result).join(Result, Result.interview_id == Interview.id, isouter=True)
            .where(Interview.user_id == user_id)
            .order_by(Interview.started_at.desc()).limit(limit)).all())


def asked_question_ids(database: Any, user_id: uuid.UUID) -> set[str]:
    """The ids of every planned question the person was ever asked."""
    with database.session() as session:
        return set(session.exec(
            select(Answer.question_id).join(Interview, Interview.id == Answer.interview_id)
            .where(Interview.user_id == user_id, Answer.question_id.is_not(None))).all())


def recent_main_answers(database: Any, user_id: uuid.UUID,
                        limit: int = 200) -> list[tuple[str, str | None, float | None]]:
    """(question, skill, overall score) of the person's latest main questions, newest first."""
    with database.session() as session:
        return list(session.exec(
            select(Answer.question, Answer.skill, Answer.overall_score)
            .join(Interview, Interview.id == Answer.interview_id)
            .where(Interview.user_id == user_id, Answer.follow_up_of.is_(None))
            .order_by(Answer.asked_at.desc()).limit(limit)).all())


def past_main_answers(database: Any, user_id: uuid.UUID) -> list[tuple[Answer, list[Any] | None]]:
    """Every planned main question the person was asked and the interview moved past, with
    that interview's plan."""
    with database.session() as session:
        return list(session.exec(
            select(Answer, Interview.questions).join(Interview, Interview.id == Answer.interview_id)
            .where(Interview.user_id == user_id, Answer.follow_up_of.is_(None),
                   Answer.question_id.is_not(None), Answer.status != "asked")).all())


# -- a session's writes -------------------------------------------------------------------------

def create(database: Any, interview: Interview, first: Answer | None) -> None:
    """Store a planned interview and its first asked question."""
    with database.session() as session:
        session.add(interview)
        session.flush()  # the interview row first: the question refers to it
        if first is not None:
            session.add(first)


def ask(database: Any, row: Answer) -> bool:
    """Store a newly asked question; False when another driver asked one at that position."""
    try:
        with database.session() as session:
            session.add(row)
    except sa.exc.IntegrityError:
        return False
    return True


def record_reply(database: Any, row_id: uuid.UUID, values: dict[str, Any], next_row: Answer | None) -> bool:
    """Store the reply to the asked row ``row_id`` and ask ``next_row``, in one transaction that
    only succeeds while the row is still asked; False when another driver replied first."""
    # Constant statements with bound parameters: SQLAlchemy compiles each once.
    try:
        with database.transaction() as connection:
            claimed = connection.execute(
                ANSWERS.update().where(ANSWERS.c.id == sa.bindparam("row_id"), ANSWERS.c.status == "asked"),
                {"row_id": row_id, **values})
            if claimed.rowcount != 1:
                raise _NotClaimed
            if next_row is not None:
                connection.execute(ANSWERS.insert(), column_values(next_row))
    except (_NotClaimed, sa.exc.IntegrityError):
        return False
    return True


def replace_attempt(database: Any, row: Answer, values: dict[str, Any]) -> bool:
    """Update an answered row with a new attempt, unless its answer changed meanwhile."""
    with database.transaction() as connection:
        changed = connection.execute(
            ANSWERS.update().where(ANSWERS.c.id == row.id, ANSWERS.c.status == "answered",
                                   ANSWERS.c.attempt == row.attempt, ANSWERS.c.answer == row.answer)
            .values(**values))
    return changed.rowcount == 1


def save_draft(database: Any, row_id: uuid.UUID, text: str | None) -> None:
    """Keep unsent text with a question still asked."""
    with database.transaction() as connection:
        connection.execute(ANSWERS.update().where(ANSWERS.c.id == row_id, ANSWERS.c.status == "asked")
                           .values(answer=text))


def reword(database: Any, row_id: uuid.UUID, text: str) -> bool:
    """Change the wording of a question still asked; False if it was answered meanwhile."""
    with database.transaction() as connection:
        changed = connection.execute(
            ANSWERS.update().where(ANSWERS.c.id == row_id, ANSWERS.c.status == "asked")
            .values(question=text))
    return changed.rowcount == 1


def store_grade(database: Any, row_id: uuid.UUID, answer: str, scores: dict[str, Any]) -> None:
    """Replace an answered row's grade, unless its answer changed meanwhile."""
    with database.transaction() as connection:
        connection.execute(
            ANSWERS.update().where(ANSWERS.c.id == sa.bindparam("row_id"),
                                   ANSWERS.c.answer == sa.bindparam("given"),
                                   ANSWERS.c.status == "answered"),
            {"row_id": row_id, "given": answer, **scores})


def update_feedback(database: Any, row_ids: Iterable[uuid.UUID],
                    change: Callable[[Answer], dict[str, Any] | None]) -> None:
    """Give each row the feedback ``change`` returns for it as stored now (None: leave it)."""
    with database.session() as session:
        for row_id in row_ids:
            stored = session.get(Answer, row_id)
            feedback = None if stored is None else change(stored)
            if feedback is not None:
                stored.feedback = feedback
                session.add(stored)


def complete(database: Any, interview_id: uuid.UUID, unanswered: list[Answer], never_asked: list[Answer],
             result: Result, answers: list[dict[str, Any]]) -> bool:
    """Complete the interview in one transaction: the questions still asked become unanswered,
    the ones never asked are added as such, the result is stored and ``interviews.answers``
    gets its copy of the answers. False (nothing written) if another driver completed it first."""
    try:
        with database.session() as session:
            completed = session.execute(
                INTERVIEWS.update().where(INTERVIEWS.c.id == interview_id,
                                          INTERVIEWS.c.status != "completed")
                .values(status="completed", completed_at=utcnow(), answers=answers))
            if completed.rowcount != 1:
                raise _NotClaimed
            for row in unanswered:
                session.execute(ANSWERS.update().where(ANSWERS.c.id == row.id, ANSWERS.c.status == "asked")
                                .values(status="unanswered", answer=None))
            session.add_all(never_asked)
            session.add(result)
    except (_NotClaimed, sa.exc.IntegrityError):
        return False
    return True


class _NotClaimed(Exception):
    """The row was not where the caller saw it: roll the transaction back."""
