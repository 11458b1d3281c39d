"""User queries: a profile by email, every profile, creating and changing one."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlmodel import select

from mock_interview.store.models import User, utcnow


class EmailTaken(Exception):
    """Another profile has the email; ``raced`` when another process took it meanwhile."""

    def __init__(self, email: str, *, raced: bool = False) -> None:
        super().__init__(email)
        self.email = email
        self.raced = raced


def by_email(database: Any, email: str) -> User | None:
    with database.session() as session:
        return session.exec(select(User).where(User.email == email)).first()


def everyone(database: Any) -> list[User]:
    """Every profile, oldest first."""
    with database.session() as session:
        return list(session.exec(select(User).order_by(User.created_at, User.email)).all())


def _taken(session: Any, email: str) -> bool:
    return session.exec(sa.select(User.id).where(User.email == email)).first() is not None


def create(database: Any, email: str, full_name: str) -> User:
    """A new profile; ``EmailTaken`` when the email has one already."""
    try:
        with database.session() as session:
            if _taken(session, email):
                raise EmailTaken(email)
            user = User(email=email, full_name=full_name)
            session.add(user)
    except sa.exc.IntegrityError as exc:
        raise EmailTaken(email, raced=True) from exc
    return user


def create_if_missing(database: Any, email: str, full_name: str) -> None:
    """The profile exists afterwards, whoever created it (safe when racing other workers)."""
    if by_email(database, email) is not None:
        return
    try:
        with database.session() as session:
            session.add(User(email=email, full_name=full_name))
    except sa.exc.IntegrityError:  # another worker or process created it first
        pass


def update(database: Any, user_id: uuid.UUID, email: str, *, email_changes: bool,
           full_name: str | None = None) -> None:
    """Set a profile's email (and name); ``EmailTaken`` when another profile has the email."""
    values: dict[str, Any] = {"email": email, "updated_at": utcnow()}
    if full_name is not None:
        values["full_name"] = full_name
    try:
        with database.session() as session:
            if email_changes and _taken(session, email):
                raise EmailTaken(email)
            session.execute(sa.update(User).where(User.id == user_id).values(**values))
    except sa.exc.IntegrityError as exc:
        raise EmailTaken(email, raced=True) from exc
