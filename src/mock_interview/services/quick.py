"""Read-only queries for the quick commands (whoami, stats, results, interviews list) and for
shell completion.

Importing SQLAlchemy and SQLModel takes longer than these commands' whole work, so on a SQLite
database whose schema is current they read through the sqlite3 module directly. Anything else
(Postgres, a database to create or upgrade, a URL with options, a row not found) goes through
the regular services, which also word every error. Both paths return the same data:
tests/test_quick_paths.py runs each command both ways on one database and compares.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
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


def ready_to_read(ctx: AppContext) -> bool:
    """Whether a read can go ahead without creating or upgrading a database: a current SQLite
    file, or a database of another kind (the regular path checks its schema)."""
    if ctx._database is not None or _PLAIN_SQLITE.match(ctx.database_url()) is None:
        return True
    connection = connect(ctx)
    if connection is None:
        return False
    connection.close()
    return True


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


@contextmanager
def snapshot(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction, so that every SELECT in it sees the same committed state."""
    connection.execute("BEGIN")
    try:
        yield connection
    finally:
        connection.execute("ROLLBACK")


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


def _interview_rows(connection: sqlite3.Connection, key: str) -> list[Any]:
    """Interviews whose id is ``key`` or starts with it, as services.interview.find_interview
    matches them (a whole UUID, or at least 4 hex digits with dashes anywhere or none)."""
    try:
        return _records(connection, "SELECT * FROM interviews WHERE id = ?", (uuid.UUID(key).hex,))
    except ValueError:
        pass
    compact = key.replace("-", "")
    if not 4 <= len(compact) <= 32 or any(c not in "0123456789abcdef" for c in compact):
        return []
    return _records(connection, "SELECT * FROM interviews WHERE id LIKE ?", (compact + "%",))


# -- reading rows as the ORM would return them ---------------------------------------------------

_UUIDS = frozenset({"id", "user_id", "resume_id", "job_id", "interview_id"})
_TIMESTAMPS = frozenset({"created_at", "updated_at", "started_at", "completed_at", "asked_at",
                         "answered_at", "posted_at"})
_JSON = frozenset({"questions", "answers", "settings", "feedback", "attempts", "strengths",
                   "weaknesses", "recommendations", "insights", "skills", "education",
                   "experience", "contact", "sections", "parse_warnings", "requirements",
                   "skills_required"})


def _convert(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _UUIDS:
        return uuid_value(value)
    if name in _TIMESTAMPS:
        return timestamp(value)
    if name in _JSON:
        return json_value(value)
    return value


def _records(connection: sqlite3.Connection, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
    """Rows of ``SELECT *`` (or named columns) with attributes typed as the models type them."""
    from types import SimpleNamespace

    cursor = connection.execute(sql, parameters)
    names = [column[0] for column in cursor.description]
    return [SimpleNamespace(**{name: _convert(name, value) for name, value in zip(names, row, strict=True)})
            for row in cursor.fetchall()]


# -- results ----------------------------------------------------------------------------------------

def describe(ctx: AppContext, key: str) -> dict[str, Any]:
    """services.interview.describe of the interview ``key`` (an id or prefix) names, quickly."""
    connection = connect(ctx)
    if connection is None:
        return _describe_fully(ctx, key)
    from mock_interview.errors import MockInterviewError

    try:
        me = current_profile(ctx)
    except MockInterviewError:  # the regular path says "not found" before "no profile"
        connection.close()
        return _describe_fully(ctx, key)
    with closing(connection), snapshot(connection):
        found = [row for row in _interview_rows(connection, key.strip().lower()) if str(row.user_id) == me.id]
        if len(found) == 1:
            interview = found[0]
            rows = _records(connection, "SELECT * FROM answers WHERE interview_id = ? ORDER BY position",
                            (interview.id.hex,))
            results = _records(connection, "SELECT * FROM results WHERE interview_id = ?", (interview.id.hex,))
            resume = (connection.execute("SELECT experience FROM resumes WHERE id = ?",
                                         (interview.resume_id.hex,)).fetchone()
                      if interview.resume_id is not None else None)
            calls = _records(connection, "SELECT * FROM llm_calls WHERE interview_id = ? ORDER BY created_at",
                             (interview.id.hex,))
    if len(found) != 1:
        return _describe_fully(ctx, key)  # the regular path words "not found" and "ambiguous"
    return _described(interview, rows, results[0] if results else None,
                      None if resume is None else json_value(resume[0]), calls)


def _describe_fully(ctx: AppContext, key: str) -> dict[str, Any]:
    from mock_interview.services import interview as service
    from mock_interview.services import reports

    return reports.describe(ctx, service.find_interview(ctx, key).id)


def _described(interview: Any, rows: list[Any], result: Any, experience: Any,
               calls: list[Any]) -> dict[str, Any]:
    """services.reports.describe's document, from rows read here."""
    from mock_interview.domain.interview.coaching import resume_examples
    from mock_interview.services.llm import _summarise
    from mock_interview.services.reports import document_from

    return document_from(interview, rows, result, resume_examples(experience),
                         lambda: _summarise(calls) if calls else None)


# -- stats ------------------------------------------------------------------------------------------

def overview(ctx: AppContext, *, min_answers: int = 2, top: int = 3) -> Any:
    """services.stats.overview, quickly: the same figures from the same SQL, written for SQLite."""
    from mock_interview.services import stats as service

    connection = connect(ctx)
    if connection is None:
        return service.overview(ctx, min_answers=min_answers, top=top)
    from mock_interview.domain import stats as rules
    from mock_interview.services.erasure import ABANDONED
    from mock_interview.services.llm import _summarise

    profile = current_profile(ctx)
    me = uuid.UUID(profile.id).hex
    counted = "i.user_id = ? AND i.status != ?"
    who = (me, ABANDONED)
    scores = "r.technical_score, r.communication_score, r.job_match_score, r.overall_score"
    completed_sql = (f"SELECT i.id, i.started_at, {scores} FROM interviews i "
                     f"JOIN results r ON r.interview_id = i.id WHERE {counted}")
    with closing(connection), snapshot(connection):
        by_status = dict(connection.execute(
            f"SELECT i.status, count(*) FROM interviews i WHERE {counted} GROUP BY i.status", who))
        aggregate = connection.execute(
            "SELECT count(*), avg(r.technical_score), avg(r.communication_score), "
            "avg(r.job_match_score), avg(r.overall_score), max(r.technical_score), "
            "max(r.communication_score), max(r.job_match_score), max(r.overall_score) "
            f"FROM results r JOIN interviews i ON i.id = r.interview_id WHERE {counted}", who).fetchone()
        first = connection.execute(completed_sql + " ORDER BY i.started_at, i.id LIMIT 1", who).fetchone()
        recent = connection.execute(completed_sql + " ORDER BY i.started_at DESC, i.id DESC LIMIT ?",
                                    (*who, rules.TREND_WINDOW)).fetchall()
        # As in services.stats.overview: every answer once, a skipped or unanswered question as
        # 0, a follow-up under its question's kind.
        topics = connection.execute(
            "SELECT a.skill, a.competency, coalesce(p.kind, a.kind), "
            "sum(coalesce(a.overall_score, 0.0)), count(*) FROM answers a "
            "JOIN interviews i ON i.id = a.interview_id "
            "LEFT OUTER JOIN answers p ON p.interview_id = a.interview_id AND p.position = a.follow_up_of "
            f"WHERE {counted} AND (a.status = 'answered' OR "
            "(a.follow_up_of IS NULL AND a.status IN ('skipped', 'unanswered'))) "
            "GROUP BY a.skill, a.competency, coalesce(p.kind, a.kind)", who).fetchall()
        tips = [json_value(value) for (value,) in connection.execute(
            "SELECT r.recommendations FROM results r JOIN interviews i ON i.id = r.interview_id "
            f"WHERE {counted} ORDER BY i.started_at DESC, i.id DESC LIMIT ?",
            (*who, service.RECOMMENDATION_WINDOW))]
        calls = _records(connection, "SELECT l.* FROM llm_calls l JOIN interviews i "
                         "ON i.id = l.interview_id WHERE i.user_id = ? ORDER BY l.created_at", (me,))
    interviews_with_calls = {str(call.interview_id) for call in calls}
    return service.overview_from(profile, by_status, aggregate, first, recent, topics, tips,
                                 {**_summarise(calls), "interviews": len(interviews_with_calls)},
                                 min_answers=min_answers, top=top)


# -- shell completion -------------------------------------------------------------------------------

UNFINISHED = ("planned", "in_progress")  # what `interview --continue` can take up


def interview_ids(ctx: AppContext, *, unfinished: bool = False, limit: int = 50) -> list[str]:
    """The active profile's interview ids (32 hex digits), newest first; only those neither
    finished nor abandoned when ``unfinished``."""
    return [uuid.UUID(row["interview_id"]).hex for row in interviews(ctx, limit)
            if not unfinished or row["status"] in UNFINISHED]


def resume_ids(ctx: AppContext) -> list[str]:
    """The active profile's resume ids (32 hex digits), newest first."""
    connection = connect(ctx)
    if connection is None:
        from mock_interview.services import resumes

        return [resume.id.hex for resume in resumes.list_resumes(ctx)]
    me = current_profile(ctx)
    with closing(connection):
        return [uuid_value(value).hex for (value,) in connection.execute(
            "SELECT id FROM resumes WHERE user_id = ? ORDER BY created_at DESC", (uuid.UUID(me.id).hex,))]


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def job_keys(ctx: AppContext, prefix: str, limit: int = 50) -> list[str]:
    """Slugs of catalogue jobs that start with ``prefix``, and ids (32 hex digits) that do; at
    most ``limit`` of each, in order."""
    prefix = prefix.strip().lower()
    compact = prefix.replace("-", "")
    by_id = bool(compact) and len(compact) <= 32 and all(c in "0123456789abcdef" for c in compact)
    connection = connect(ctx)
    if connection is None:
        import sqlalchemy as sa

        from mock_interview.store.models import Job

        with ctx.database().session() as session:
            slugs = list(session.execute(sa.select(Job.slug).where(
                Job.slug.like(_like_prefix(prefix), escape="\\")).order_by(Job.slug).limit(limit)).scalars())
            ids: list[str] = []
            if by_id:
                text = sa.cast(Job.id, sa.String)
                if session.get_bind().dialect.name == "postgresql":
                    text = sa.func.replace(text, "-", "")
                ids = [value.hex for value in session.execute(
                    sa.select(Job.id).where(text.like(compact + "%")).order_by(Job.id).limit(limit)).scalars()]
        return [*slugs, *ids]
    with closing(connection):
        slugs = [slug for (slug,) in connection.execute(
            "SELECT slug FROM jobs WHERE slug LIKE ? ESCAPE '\\' ORDER BY slug LIMIT ?",
            (_like_prefix(prefix), limit))]
        ids = [] if not by_id else [uuid_value(value).hex for (value,) in connection.execute(
            "SELECT id FROM jobs WHERE id LIKE ? ORDER BY id LIMIT ?", (compact + "%", limit))]
    return [*slugs, *ids]
