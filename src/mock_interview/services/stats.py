"""Statistics for the active profile: overview, history and progress, as typed results whose
``to_json()`` is the `--json` document.

Counting and averaging happen in SQL (the same statements on SQLite and Postgres); only a
handful of rows come back, whatever the number of interviews. Scores are 0-100.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from mock_interview.domain import stats as rules
from mock_interview.domain.stats import DimensionSummary, Recommendation, TopicStat
from mock_interview.services.context import AppContext

DIMENSIONS = rules.DIMENSIONS
SCALE = "0-100"
RECOMMENDATION_WINDOW = 10  # recent habits matter more than those of long ago


@dataclass(frozen=True)
class Overview:
    """`stats`: counts, figures per dimension, ranked topics and what to practise next."""

    email: str
    full_name: str
    total: int  # interviews, abandoned ones excluded
    completed: int
    in_progress: int
    answers_counted: int
    dimensions: dict[str, DimensionSummary]
    min_answers: int
    topics_ranked: int  # topics with at least min_answers answers
    topics_total: int
    weakest: list[TopicStat]
    strongest: list[TopicStat]
    recommendations: list[Recommendation]
    from_last_interviews: int  # how many recent interviews the recommendations come from
    model_usage: dict[str, Any]  # the cost ledger's totals (services.llm.usage_summary) and "interviews"

    @property
    def practise_skills(self) -> list[str]:
        return [t.topic for t in self.weakest]

    def to_json(self) -> dict[str, Any]:
        return {
            "profile": {"email": self.email, "full_name": self.full_name},
            "score_scale": SCALE,
            "interviews": {"total": self.total, "completed": self.completed,
                           "in_progress": self.in_progress},
            "answers_counted": self.answers_counted,
            "dimensions": {name: figures.to_json() for name, figures in self.dimensions.items()},
            "trend_method": rules.TREND_METHOD,
            "min_answers": self.min_answers,
            "topics_ranked": self.topics_ranked,
            "topics_total": self.topics_total,
            "weakest_skills": [t.to_json() for t in self.weakest],
            "strongest_skills": [t.to_json() for t in self.strongest],
            "model_usage": self.model_usage,
            "practise_next": {
                "skills": self.practise_skills,
                "recommendations": [r.to_json() for r in self.recommendations],
                "from_last_interviews": self.from_last_interviews,
            },
        }


@dataclass(frozen=True)
class HistoryRow:
    """One interview in `stats history`."""

    interview_id: str
    started_at: datetime
    completed_at: datetime | None
    status: str
    job_title: str | None
    job_company: str | None
    questions_planned: int | None
    questions_asked: int  # main questions, follow-ups not counted
    questions_answered: int
    scores: dict[str, float] | None  # per dimension; None until the interview has a result

    def to_json(self) -> dict[str, Any]:
        return {
            "interview_id": self.interview_id, "started_at": self.started_at.isoformat(),
            "completed_at": self.completed_at.isoformat() if self.completed_at else None,
            "status": self.status, "job_title": self.job_title, "job_company": self.job_company,
            "questions_planned": self.questions_planned, "questions_asked": self.questions_asked,
            "questions_answered": self.questions_answered, "scores": self.scores,
        }


@dataclass(frozen=True)
class History:
    """`stats history`: the interviews shown, newest first, and how many matched."""

    since: date | None
    job: str | None
    limit: int
    total: int
    interviews: list[HistoryRow]

    def to_json(self) -> dict[str, Any]:
        return {
            "score_scale": SCALE,
            "filters": {"since": self.since.isoformat() if self.since else None,
                        "job": self.job or None, "limit": self.limit},
            "total": self.total,
            "interviews": [row.to_json() for row in self.interviews],
        }


@dataclass(frozen=True)
class ProgressPoint:
    """One completed interview in `stats progress`; ``number`` counts completed interviews."""

    number: int
    interview_id: str
    started_at: datetime
    job_title: str | None
    job_company: str | None

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "interview_id": self.interview_id,
                "started_at": self.started_at.isoformat(), "job_title": self.job_title,
                "job_company": self.job_company}


@dataclass(frozen=True)
class Progress:
    """`stats progress`: the latest completed interviews, oldest first, and their scores."""

    completed: int
    in_progress: int
    interviews: list[ProgressPoint]
    series: dict[str, list[float]]  # per chosen dimension, one score per interview

    def change(self, name: str) -> float | None:
        """Newest minus oldest score shown; None for fewer than two interviews."""
        values = self.series[name]
        return round(values[-1] - values[0], 1) if len(values) >= 2 else None

    def to_json(self) -> dict[str, Any]:
        return {
            "score_scale": SCALE,
            "completed": self.completed,
            "in_progress": self.in_progress,
            "interviews": [point.to_json() for point in self.interviews],
            "series": self.series,
            "change": {name: self.change(name) for name in self.series},
            f"last_{rules.TREND_WINDOW}_slope": {
                name: (None if (s := rules.slope(values[-rules.TREND_WINDOW:])) is None else round(s, 1))
                for name, values in self.series.items()},
        }


def _me(ctx: AppContext) -> tuple[uuid.UUID, Any]:
    from mock_interview.services import profiles

    profile = profiles.current(ctx)
    return uuid.UUID(profile.id), profile


def _score_columns() -> list[Any]:
    from mock_interview.store.models import Result

    return [Result.technical_score, Result.communication_score, Result.job_match_score,
            Result.overall_score]


def _scores(values: Any) -> dict[str, float]:
    return {d: round(float(v), 1) for d, v in zip(DIMENSIONS, values, strict=True)}


def _counted(user_id: uuid.UUID) -> list[Any]:
    """Conditions for one person's interviews that stats count: not the abandoned ones."""
    from mock_interview.services.erasure import ABANDONED
    from mock_interview.store.models import Interview

    return [Interview.user_id == user_id, Interview.status != ABANDONED]


def _completed(user_id: uuid.UUID) -> Any:
    """Completed interviews of one person with their result, as a SELECT to refine."""
    import sqlalchemy as sa

    from mock_interview.store.models import Interview, Result

    return (sa.select(Interview.id, Interview.started_at, *_score_columns())
            .join(Result, Result.interview_id == Interview.id)
            .where(*_counted(user_id)))


def _job_columns() -> list[Any]:
    from mock_interview.store.models import Interview

    # JSON extraction compiles to json_extract on SQLite and ->> on Postgres.
    return [Interview.settings["job_title"].as_string(), Interview.settings["job_company"].as_string()]


# -- stats ---------------------------------------------------------------------------------------

def overview(ctx: AppContext, *, min_answers: int = 2, top: int = 3) -> Overview:
    """Counts, average/best/trend per dimension, weakest and strongest topics, what to practise."""
    import sqlalchemy as sa
    from sqlalchemy.orm import aliased

    from mock_interview.store.models import Answer, Interview, Result

    user_id, profile = _me(ctx)
    columns = _score_columns()
    with ctx.database().session() as session:
        by_status = dict(session.execute(
            sa.select(Interview.status, sa.func.count()).where(*_counted(user_id))
            .group_by(Interview.status)).all())
        aggregate = session.execute(
            sa.select(sa.func.count(), *(sa.func.avg(c) for c in columns), *(sa.func.max(c) for c in columns))
            .select_from(Result).join(Interview, Interview.id == Result.interview_id)
            .where(*_counted(user_id))).one()
        ordered = _completed(user_id)
        first = session.execute(ordered.order_by(Interview.started_at, Interview.id).limit(1)).first()
        recent = session.execute(ordered.order_by(Interview.started_at.desc(), Interview.id.desc())
                                 .limit(rules.TREND_WINDOW)).all()
        # Every answer counts once; a question skipped or left unanswered counts as 0, as in
        # the interview report. An unanswered follow-up does not: its question already counts.
        # A follow-up is grouped under its question's kind (it is stored as "follow-up").
        parent = aliased(Answer)
        kind = sa.func.coalesce(parent.kind, Answer.kind)
        topics = session.execute(
            sa.select(Answer.skill, Answer.competency, kind,
                      sa.func.sum(sa.func.coalesce(Answer.overall_score, 0.0)), sa.func.count())
            .select_from(Answer).join(Interview, Interview.id == Answer.interview_id)
            .outerjoin(parent, sa.and_(parent.interview_id == Answer.interview_id,
                                       parent.position == Answer.follow_up_of))
            .where(*_counted(user_id),
                   sa.or_(Answer.status == "answered",
                          sa.and_(Answer.follow_up_of.is_(None),
                                  Answer.status.in_(("skipped", "unanswered")))))
            .group_by(Answer.skill, Answer.competency, kind)).all()
        tips = session.execute(
            sa.select(Result.recommendations).join(Interview, Interview.id == Result.interview_id)
            .where(*_counted(user_id))
            .order_by(Interview.started_at.desc(), Interview.id.desc())
            .limit(RECOMMENDATION_WINDOW)).scalars().all()
    from mock_interview.services.llm import usage_summary

    usage = usage_summary(ctx)  # the cost ledger, for the active profile as everything here
    return overview_from(profile, by_status, aggregate, first, recent, topics, tips,
                         {**usage["total"], "interviews": len(usage["interviews"])},
                         min_answers=min_answers, top=top)


def overview_from(profile: Any, by_status: dict[str, int], aggregate: Any, first: Any, recent: Any,
                  topics: Any, tips: Any, model_usage: dict[str, Any], *, min_answers: int,
                  top: int) -> Overview:
    """The overview from its query results (this module's and services/quick.py's SQL): the
    aggregate row (count, four averages, four bests), the first and the recent completed
    interviews (id, start, four scores; recent newest first), topic sums and recent advice."""
    completed = int(aggregate[0])
    averages, bests = aggregate[1:5], aggregate[5:9]
    recent_rows = list(reversed(recent))  # oldest first
    dimensions = {}
    for index, name in enumerate(DIMENSIONS):
        series = [float(row[2 + index]) for row in recent_rows]
        dimensions[name] = rules.dimension_summary(
            averages[index], bests[index], float(first[2 + index]) if first else None, series)
    folded = rules.fold_topics(topics)
    weakest, strongest = rules.rank_topics(folded, min_answers, top)
    return Overview(
        email=profile.email, full_name=profile.full_name,
        total=sum(by_status.values()), completed=completed,
        in_progress=by_status.get("in_progress", 0),
        answers_counted=sum(t.answers for t in folded),
        dimensions=dimensions,
        min_answers=min_answers,
        topics_ranked=sum(1 for t in folded if t.answers >= min_answers),
        topics_total=len(folded),
        weakest=weakest, strongest=strongest,
        recommendations=rules.recurring_recommendations(tips, top),
        from_last_interviews=min(completed, RECOMMENDATION_WINDOW),
        model_usage=model_usage,
    )


# -- stats history --------------------------------------------------------------------------------

def history(ctx: AppContext, *, since: str | date | None = None, job: str | None = None,
            limit: int = 20) -> History:
    """Interviews newest first, filtered by start date (ISO, UTC) and job title/company words."""
    import sqlalchemy as sa

    from mock_interview.store.models import Answer, Interview, Result

    if isinstance(since, str):
        since = rules.parse_since(since)  # before anything else: a typo is a usage error (2)
    user_id, _ = _me(ctx)
    title, company = _job_columns()
    conditions = _counted(user_id)
    if since is not None:
        conditions.append(Interview.started_at >= datetime.combine(since, time.min, tzinfo=UTC))
    needle = (job or "").strip().lower()
    if needle:
        conditions.append(sa.or_(sa.func.lower(title).contains(needle, autoescape=True),
                                 sa.func.lower(company).contains(needle, autoescape=True)))

    def main_questions(*extra: Any) -> Any:
        # Correlated and indexed (answers.interview_id): cheap for the few rows shown.
        return (sa.select(sa.func.count()).select_from(Answer)
                .where(Answer.interview_id == Interview.id, Answer.follow_up_of.is_(None), *extra)
                .correlate(Interview).scalar_subquery())

    with ctx.database().session() as session:
        total = session.execute(sa.select(sa.func.count()).select_from(Interview)
                                .where(*conditions)).scalar_one()
        rows = session.execute(
            sa.select(Interview.id, Interview.started_at, Interview.completed_at, Interview.status,
                      title, company, Interview.settings["count"].as_integer(),
                      main_questions(), main_questions(Answer.status == "answered"), *_score_columns())
            .outerjoin(Result, Result.interview_id == Interview.id)
            .where(*conditions)
            .order_by(Interview.started_at.desc(), Interview.id.desc()).limit(limit)).all()
    interviews = [
        HistoryRow(interview_id=str(row[0]), started_at=row[1], completed_at=row[2], status=row[3],
                   job_title=row[4], job_company=row[5], questions_planned=row[6],
                   questions_asked=row[7] or 0, questions_answered=row[8] or 0,
                   scores=None if row[9] is None else _scores(row[9:13]))
        for row in rows]
    return History(since=since, job=job, limit=limit, total=total, interviews=interviews)


# -- stats progress -------------------------------------------------------------------------------

def progress(ctx: AppContext, *, dimensions: Sequence[str] | None = None,
             limit: int = 10) -> Progress:
    """Scores of the last `limit` completed interviews per dimension (default all), oldest first."""
    import sqlalchemy as sa

    from mock_interview.store.models import Interview, Result

    chosen = tuple(dict.fromkeys(rules.parse_dimension(d) for d in dimensions)) if dimensions else DIMENSIONS
    user_id, _ = _me(ctx)
    title, company = _job_columns()
    with ctx.database().session() as session:
        completed, in_progress = session.execute(
            sa.select(sa.func.count(Result.id),
                      sa.func.count(sa.case((Interview.status == "in_progress", Interview.id))))
            .select_from(Interview).outerjoin(Result, Result.interview_id == Interview.id)
            .where(*_counted(user_id))).one()
        rows = session.execute(
            _completed(user_id).add_columns(title, company)
            .order_by(Interview.started_at.desc(), Interview.id.desc()).limit(limit)).all()
    rows = list(reversed(rows))
    first_number = completed - len(rows) + 1
    points = [ProgressPoint(number=first_number + i, interview_id=str(row[0]), started_at=row[1],
                            job_title=row[6], job_company=row[7])
              for i, row in enumerate(rows)]
    series = {}
    for name in chosen:
        index = 2 + DIMENSIONS.index(name)
        series[name] = [round(float(row[index]), 1) for row in rows]
    return Progress(completed=completed, in_progress=in_progress, interviews=points, series=series)
