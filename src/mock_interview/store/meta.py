"""Key/value facts about the database (``meta`` rows): written with one upsert, so processes
writing the same key at once never fail on the primary key."""

from __future__ import annotations

from typing import Any

from mock_interview.store.models import Meta, utcnow


def put(session: Any, key: str, value: str) -> None:
    """Insert the row or replace its value, in the session's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    now = utcnow()
    statement = insert(Meta).values(key=key, value=value, updated_at=now)
    session.execute(statement.on_conflict_do_update(
        index_elements=[Meta.key], set_={"value": value, "updated_at": now}))
