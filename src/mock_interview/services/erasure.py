"""Your history in your hands: delete or abandon interviews, erase a whole profile.

Rows are deleted children first (answers, results, ledger rows, then interviews, resumes and the
profile), so nothing depends on the database enforcing its cascades; tables added later that
point at an interview or a profile are covered by their ON DELETE CASCADE. On SQLite the
deleting connection uses ``secure_delete`` and the write-ahead log is checkpointed afterwards,
so the erased text does not linger in free pages of the database file.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mock_interview.errors import NotFoundError, UsageError
from mock_interview.services.context import AppContext

ABANDONED = "abandoned"


@dataclass
class Erased:
    """What a deletion removed, for the command's report."""

    email: str | None = None
    interviews: list[str] = field(default_factory=list)
    answers: int = 0
    results: int = 0
    model_calls: int = 0
    resumes: int = 0
    files: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"email": self.email, "interviews": self.interviews, "answers": self.answers,
                "results": self.results, "model_calls": self.model_calls, "resumes": self.resumes,
                "files": self.files}


def _secure(connection: Any) -> None:
    if connection.dialect.name == "sqlite":
        import sqlalchemy as sa

        connection.execute(sa.text("PRAGMA secure_delete = ON"))


def _checkpoint(ctx: AppContext) -> None:
    """Fold the write-ahead log into the database file and empty it (SQLite only)."""
    database = ctx.database()
    if database.backend != "sqlite":
        return
    raw = database.engine.raw_connection()  # outside any transaction: a checkpoint needs that
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _delete_interview_rows(connection: Any, ids: list[uuid.UUID], erased: Erased) -> None:
    import sqlalchemy as sa

    from mock_interview.store.models import Answer, Interview, LlmCall, Result

    if not ids:
        return
    erased.model_calls += connection.execute(sa.delete(LlmCall).where(LlmCall.interview_id.in_(ids))).rowcount
    erased.answers += connection.execute(sa.delete(Answer).where(Answer.interview_id.in_(ids))).rowcount
    erased.results += connection.execute(sa.delete(Result).where(Result.interview_id.in_(ids))).rowcount
    connection.execute(sa.delete(Interview).where(Interview.id.in_(ids)))
    erased.interviews += [str(i) for i in ids]


def delete_interviews(ctx: AppContext, keys: list[str]) -> Erased:
    """Delete the active profile's interviews named by id or id prefix, with their answers,
    results and ledger rows. Every key is resolved before anything is deleted."""
    from mock_interview.services.interview import find_interview

    if not keys:
        raise UsageError("give at least one interview id", hint="see `mock-interview interviews list`")
    ids = list(dict.fromkeys(find_interview(ctx, key).id for key in keys))
    erased = Erased()
    with ctx.database().transaction() as connection:
        _secure(connection)
        _delete_interview_rows(connection, ids, erased)
    _checkpoint(ctx)
    return erased


def abandon_interview(ctx: AppContext, key: str) -> dict[str, Any]:
    """Mark one of the active profile's interviews abandoned: kept, but left out of stats."""
    import sqlalchemy as sa

    from mock_interview.services.interview import find_interview
    from mock_interview.store.models import Interview

    record = find_interview(ctx, key)
    previous = record.status
    if previous != ABANDONED:
        with ctx.database().transaction() as connection:
            connection.execute(sa.update(Interview).where(Interview.id == record.id)
                               .values(status=ABANDONED))
    return {"interview_id": str(record.id), "status": ABANDONED, "previous_status": previous}


def _user(ctx: AppContext, email: str) -> Any:
    from sqlmodel import select

    from mock_interview.domain.profiles import normalise_email
    from mock_interview.store.models import User

    address = normalise_email(email)
    with ctx.database().session() as session:
        user = session.exec(select(User).where(User.email == address)).first()
    if user is None:
        raise NotFoundError(f"no profile with email {address}", hint="see `mock-interview users list`")
    return user


def preview_user(ctx: AppContext, email: str) -> dict[str, Any]:
    """What `users delete` would erase: counts, for the confirmation question."""
    import sqlalchemy as sa

    from mock_interview.store.models import Interview, Resume

    user = _user(ctx, email)
    with ctx.database().session() as session:
        interviews = session.execute(sa.select(sa.func.count()).select_from(Interview)
                                     .where(Interview.user_id == user.id)).scalar_one()
        resumes = session.execute(sa.select(sa.func.count()).select_from(Resume)
                                  .where(Resume.user_id == user.id)).scalar_one()
    return {"email": user.email, "full_name": user.full_name, "interviews": interviews,
            "resumes": resumes}


def delete_user(ctx: AppContext, email: str) -> Erased:
    """Erase a profile: its resume files, resumes, interviews, answers, results and ledger rows,
    and the profile itself; it stops being the active profile anywhere it was."""
    import sqlalchemy as sa

    from mock_interview.services import profiles
    from mock_interview.store.models import Interview, Resume, User

    user = _user(ctx, email)
    erased = Erased(email=user.email)
    with ctx.database().transaction() as connection:
        _secure(connection)
        ids = list(connection.execute(sa.select(Interview.id).where(Interview.user_id == user.id)).scalars())
        _delete_interview_rows(connection, ids, erased)
        files = list(connection.execute(sa.select(Resume.file_path).where(Resume.user_id == user.id)).scalars())
        erased.resumes = connection.execute(sa.delete(Resume).where(Resume.user_id == user.id)).rowcount
        connection.execute(sa.delete(User).where(User.id == user.id))
        # A file is stored once per content: keep it if another profile uploaded the same file.
        shared = set(connection.execute(sa.select(Resume.file_path).where(Resume.file_path.in_(files)))
                     .scalars()) if files else set()
    for name in dict.fromkeys(files):
        if name in shared or name in ("", "-"):
            continue
        path = Path(name)
        if path.is_file():
            path.unlink()
            erased.files.append(str(path))
    _checkpoint(ctx)
    profiles.forget_active(ctx, user.email)
    return erased
