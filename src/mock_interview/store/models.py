"""SQLModel tables. Names and fields follow the original specification; additions are noted.

Every id is a UUID. Timestamps are timezone-aware UTC. JSON columns use JSONB on Postgres.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.TypeDecorator):
    """A timestamp that always comes back timezone-aware in UTC (SQLite stores no zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _json(**kw: Any) -> Any:
    return Field(default=None, sa_type=JSONType, **kw)


def _ts(**kw: Any) -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, **kw)


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str = Field(max_length=320, unique=True, index=True)
    full_name: str = Field(max_length=200)
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class Resume(SQLModel, table=True):
    __tablename__ = "resumes"
    __table_args__ = (sa.UniqueConstraint("user_id", "content_hash", name="uq_resumes_user_hash"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE", index=True)
    filename: str = Field(max_length=500)
    file_path: str = Field(max_length=1000)
    extracted_text: str = Field(default="", sa_type=sa.Text)
    skills: list[Any] | None = _json()
    education: list[Any] | None = _json()
    experience: list[Any] | None = _json()
    # Additions: what parsing needs and what the review shows.
    content_hash: str = Field(max_length=64, index=True)
    media_type: str = Field(default="", max_length=100)
    contact: dict[str, Any] | None = _json()
    sections: dict[str, Any] | None = _json()
    total_years_experience: float | None = None
    parse_warnings: list[Any] | None = _json()
    parser_version: str = Field(default="", max_length=40)
    created_at: datetime = _ts()


class Job(SQLModel, table=True):
    __tablename__ = "jobs"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    # The filter columns are indexed by the migrations on SQLite only (Postgres filters read
    # its job_headlines side table): see env_hooks.FILTER_INDEXES.
    title: str = Field(max_length=300)
    company: str = Field(max_length=300)
    description: str = Field(default="", sa_type=sa.Text)
    requirements: list[Any] | None = _json()
    skills_required: list[Any] | None = _json()
    location: str = Field(default="", max_length=300)
    salary_min: int | None = None
    salary_max: int | None = None
    job_type: str = Field(default="full-time", max_length=40)
    created_at: datetime = _ts()
    # Additions for search and catalogue sync.
    slug: str | None = Field(default=None, max_length=300, unique=True)
    source: str = Field(default="import", max_length=200)
    country: str | None = Field(default=None, max_length=2)
    remote: str = Field(default="onsite", max_length=20)
    experience_level: str | None = Field(default=None, max_length=20)
    years_experience_min: int | None = None
    currency: str | None = Field(default=None, max_length=3)
    salary_period: str = Field(default="year", max_length=10)
    # Indexed by the migrations (descending, nulls last on Postgres: newest first).
    posted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime = _ts()
    # Salary as approximate USD a year, so filters and matching compare across currencies.
    salary_usd_min: int | None = None
    salary_usd_max: int | None = None
    # SQLite only: the row's key in the jobs_fts index. Not the implicit rowid, which VACUUM
    # may renumber for a table whose primary key is not an integer.
    search_rowid: int | None = Field(default=None, unique=True)


class Interview(SQLModel, table=True):
    __tablename__ = "interviews"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE", index=True)
    resume_id: uuid.UUID | None = Field(default=None, foreign_key="resumes.id", ondelete="SET NULL")
    job_id: uuid.UUID | None = Field(default=None, foreign_key="jobs.id", ondelete="SET NULL")
    questions: list[Any] | None = _json()
    answers: list[Any] | None = _json()
    status: str = Field(default="planned", max_length=20, index=True)
    started_at: datetime = _ts()
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Additions: how it was set up, so it can be resumed and compared.
    engine: str = Field(default="offline", max_length=40)
    settings: dict[str, Any] | None = _json()


class Answer(SQLModel, table=True):
    """One row per question asked, committed the moment the answer is given (addition)."""

    __tablename__ = "answers"
    __table_args__ = (sa.UniqueConstraint("interview_id", "position", name="uq_answers_position"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    interview_id: uuid.UUID = Field(foreign_key="interviews.id", ondelete="CASCADE", index=True)
    position: int
    question_id: str | None = Field(default=None, max_length=100)
    question: str = Field(sa_type=sa.Text)
    kind: str = Field(max_length=20)
    skill: str | None = Field(default=None, max_length=200, index=True)
    competency: str | None = Field(default=None, max_length=100)
    difficulty: str | None = Field(default=None, max_length=10)
    follow_up_of: int | None = None
    answer: str | None = Field(default=None, sa_type=sa.Text)
    status: str = Field(default="asked", max_length=20)
    technical_score: float | None = None
    communication_score: float | None = None
    job_match_score: float | None = None
    overall_score: float | None = None
    feedback: dict[str, Any] | None = _json()
    engine: str | None = Field(default=None, max_length=40)
    asked_at: datetime = _ts()
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    duration_seconds: float | None = None
    time_limit_seconds: int | None = None
    # /retry: the number of the attempt this row holds (the better one, which counts) and
    # every other attempt as {"attempt", "answer", "scores", "feedback", "engine", "answered_at"}.
    attempt: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    attempts: list[dict[str, Any]] | None = _json()


class Result(SQLModel, table=True):
    __tablename__ = "results"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    interview_id: uuid.UUID = Field(foreign_key="interviews.id", ondelete="CASCADE", unique=True)
    technical_score: float
    communication_score: float
    job_match_score: float
    overall_score: float
    strengths: list[Any] | None = _json()
    weaknesses: list[Any] | None = _json()
    recommendations: list[Any] | None = _json()
    created_at: datetime = _ts()
    insights: dict[str, Any] | None = _json()  # addition: job terms used, repeated words, STAR parts


class Meta(SQLModel, table=True):
    """Key/value facts about this database, such as the loaded catalogue version (addition)."""

    __tablename__ = "meta"

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(default="", sa_type=sa.Text)
    updated_at: datetime = _ts()


class LlmCall(SQLModel, table=True):
    """One request to a model endpoint: the cost ledger (addition). Never holds a key or text."""

    __tablename__ = "llm_calls"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    interview_id: uuid.UUID | None = Field(default=None, foreign_key="interviews.id",
                                           ondelete="CASCADE", index=True)
    step: str = Field(max_length=20)  # plan | grade | follow-up
    answer_position: int | None = None
    model: str = Field(max_length=200)
    endpoint: str = Field(default="", max_length=300)  # scheme://host[:port]/path, no credentials
    mode: str = Field(default="", max_length=20)  # json_schema | json_object | text
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: int = 0
    cost_usd: float | None = None  # None when no price is known for the model
    # ok | repair | rejected | timeout | connection | rate-limited | server-error | auth | ...
    outcome: str = Field(default="ok", max_length=40)
    created_at: datetime = _ts()


def column_values(row: SQLModel) -> dict[str, Any]:
    """A model instance as its table's column values, for a Core insert on a hot path."""
    return {column.name: getattr(row, column.name) for column in row.__table__.columns}
