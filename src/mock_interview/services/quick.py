"""Read-only queries for the quick commands (whoami, stats, interviews list, shell completion).

Importing SQLAlchemy and SQLModel takes longer than these commands' whole work, so on a SQLite
database whose schema is current they read through the sqlite3 module directly. Anything else
(Postgres, a database to create or upgrade, a URL with options) goes through the regular
services, which also report every error. Both paths return the same data; tests compare them.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mock_interview.services.context import AppContext

_PLAIN_SQLITE = re.compile(r"^sqlite:///(?P<path>[^?#]+)$")
BUSY_TIMEOUT_SECONDS = 30.0


def sqlite_path(ctx: AppContext) -> Path | None:
    """The database file when the quick path may read it directly, else None."""
    if ctx._database is not None:  # already opened the regular way: use that
        return None
    match = _PLAIN_SQLITE.match(ctx.database_url())
    if match is None:
        return None
    path = Path(match.group("path"))
    return path if path.is_file() else None


def connect(ctx: AppContext) -> sqlite3.Connection | None:
    """A connection for reading, or None when the regular path must be taken (see the module)."""
    from mock_interview.store.migrations import HEAD

    path = sqlite_path(ctx)
    if path is None:
        return None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.Error, TypeError):  # not our database, empty, or locked: let the regular path say
        connection.close()
        return None
    if revision != HEAD:
        connection.close()
        return None
    return connection


def uuid_value(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def timestamp(value: Any) -> datetime | None:
    """A stored timestamp as an aware UTC datetime (SQLite keeps them as naive UTC text)."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def json_value(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


# -- profiles -------------------------------------------------------------------------------------

def _user_row(connection: sqlite3.Connection, email: str) -> Any:
    return connection.execute(
        "SELECT id, email, full_name, created_at FROM users WHERE email = ?", (email,)).fetchone()


def current_profile(ctx: AppContext) -> Any:
    """profiles.current, quickly."""
    from mock_interview.errors import ConfigError
    from mock_interview.services import profiles

    connection = connect(ctx)
    if connection is None:
        return profiles.current(ctx)
    with closing(connection):
        address = profiles.active_email(ctx)
        if address is None:
            raise ConfigError("no active profile", hint=profiles.REGISTER_HINT)
        row = _user_row(connection, address)
    if row is None:
        return profiles.current(ctx)  # the regular path words the error
    return profiles.Profile(id=str(uuid_value(row[0])), email=row[1], full_name=row[2],
                            created_at=timestamp(row[3]), active=True)


def profile_emails(ctx: AppContext) -> list[str]:
    """Every profile's email, oldest first."""
    from mock_interview.services import profiles

    connection = connect(ctx)
    if connection is None:
        return [profile.email for profile in profiles.list_profiles(ctx)]
    with closing(connection):
        return [row[0] for row in connection.execute(
            "SELECT email FROM users ORDER BY created_at, email")]


# -- interviews -----------------------------------------------------------------------------------

def interviews(ctx: AppContext, limit: int = 50) -> list[dict[str, Any]]:
    """The active profile's interviews, newest first, as services.reports.list_interviews."""
    connection = connect(ctx)
    if connection is None:
        from mock_interview.services.reports import list_interviews

        return list_interviews(ctx, limit)
    me = current_profile(ctx)
    with closing(connection):
        rows = connection.execute(
            "SELECT i.id, i.status, i.started_at, i.settings, r.overall_score FROM interviews i "
            "LEFT JOIN results r ON r.interview_id = i.id WHERE i.user_id = ? "
            "ORDER BY i.started_at DESC LIMIT ?", (uuid.UUID(me.id).hex, limit)).fetchall()
    listed = []
    for interview_id, status, started_at, settings, overall in rows:
        settings = json_value(settings) or {}
        listed.append({
            "interview_id": str(uuid_value(interview_id)), "status": status,
            "started_at": timestamp(started_at).isoformat(),
            "job_title": settings.get("job_title"), "job_company": settings.get("job_company"),
            "questions": settings.get("count"), "overall_score": overall,
        })
    return listed
