"""Job queries: upsert by slug, full-text search with filters, lookups by id, prefix or slug.

Each database has its own search module behind one interface (``jobs_common.JobBackend``):
``jobs_sqlite`` (FTS5, bm25) and ``jobs_postgres`` (weighted tsvector, ts_rank_cd), chosen once
from the session's dialect by ``backend``. Both indexes are kept in sync by the database
(triggers), so rows written by any tool are found.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import cast

import sqlalchemy as sa
from sqlmodel import Session, select

from mock_interview.domain.jobs import JobRecord, JobSearch
from mock_interview.store.jobs_common import JobBackend, SearchHit, SearchPage, batches, jobs_by_id
from mock_interview.store.models import Job, utcnow

__all__ = ["JobBackend", "SearchHit", "SearchPage", "backend", "delete_jobs",
           "delete_missing_from_source", "find_job", "jobs_by_id", "refresh_statistics",
           "search_for_resume", "search_jobs", "upsert_jobs"]

UPSERT_BATCH = 500


def backend(session: Session) -> JobBackend:
    """The search module for the session's database."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from mock_interview.store import jobs_postgres as module
    else:
        from mock_interview.store import jobs_sqlite as module
    return cast(JobBackend, module)


def search_jobs(
    session: Session,
    search: JobSearch,
    *,
    terms: Sequence[str] | None = None,
    any_term: bool = False,
    limit: int | None = None,
    count: bool = True,
    fields: Sequence[str] | None = None,
    rank_at_most: int | None = None,
) -> SearchPage:
    """Postings matching ``terms`` (default: the search's own) and every filter, best first;
    whole, or only ``fields`` of them (plus their keys, as plain rows).

    ``rank_at_most``: rank only that many of the matches (SQLite: the newest indexed;
    Postgres: the first its index yields) when more match, for candidates that are ranked
    again: text ranking must score every match, and a common word matches most postings
    ("engineer": 46k of 100k, 48 ms of bm25 on SQLite, 39 of ts_rank_cd on Postgres)."""
    return backend(session).search_jobs(
        session, search, list(search.terms if terms is None else terms), any_term,
        search.limit if limit is None else limit, count, fields, rank_at_most)


def search_for_resume(session: Session, search: JobSearch, skills: Sequence[str],
                      titles: Sequence[Sequence[str]], limit: int,
                      fields: Sequence[str] | None = None) -> SearchPage:
    """Candidates for ranking by fit when the person typed no words: the postings that share
    most with the resume, one point per required skill it has and two for a title with all the
    words of one of its recent titles; ties in a fixed order.

    Each skill and title is its own indexed look-up and nothing is ranked by text: bm25 over
    an OR of twenty resume words scored most postings (78 ms at 100k on SQLite; ts_rank 1.5 s
    on Postgres).
    """
    return backend(session).search_for_resume(session, search, skills, titles, limit, fields)


def find_job(session: Session, key: str) -> list[Job]:
    """Jobs whose id, id prefix (>= 4 hex digits, dashes optional) or slug is ``key``."""
    key = key.strip()
    try:
        exact = session.get(Job, uuid.UUID(key))
        return [exact] if exact else []
    except ValueError:
        pass
    by_slug = session.exec(select(Job).where(Job.slug == key)).first()
    if by_slug:
        return [by_slug]
    compact = key.replace("-", "").lower()
    if len(compact) < 4 or any(c not in "0123456789abcdef" for c in compact):
        return []
    column = backend(session).id_text()
    return list(session.exec(select(Job).where(column.like(f"{compact}%")).limit(5)).all())


def upsert_jobs(session: Session, records: Iterable[JobRecord], source: str) -> tuple[int, int]:
    """Insert new postings and update known ones (same slug); returns (inserted, updated)."""
    inserted = updated = 0
    store = backend(session)

    def flush(batch: list[JobRecord]) -> None:
        nonlocal inserted, updated
        slugs = [r.slug for r in batch]
        existing = {
            slug: job_id
            for slug, job_id in session.execute(
                sa.select(Job.slug, Job.id).where(Job.slug.in_(slugs))
            ).all()
        }
        now = utcnow()
        new_rows, changed_rows = [], []
        for record in batch:
            row = record.to_row()
            row["source"] = source
            row["updated_at"] = now
            if record.slug in existing:
                row["id"] = existing[record.slug]
                changed_rows.append(row)
            else:
                row["id"] = uuid.uuid4()
                row["created_at"] = now
                new_rows.append(row)
                existing[record.slug] = row["id"]
        if new_rows:
            store.insert_rows(session, new_rows)
        for row in changed_rows:
            job_id = row.pop("id")
            session.execute(sa.update(Job).where(Job.id == job_id).values(**row))
        inserted += len(new_rows)
        updated += len(changed_rows)

    store.write_batches(session, batches(records, UPSERT_BATCH), flush)
    return inserted, updated


def delete_jobs(session: Session, ids: Sequence[uuid.UUID]) -> int:
    result = session.execute(sa.delete(Job).where(Job.id.in_(list(ids))))
    return result.rowcount or 0


def delete_missing_from_source(session: Session, source: str, keep_slugs: set[str]) -> int:
    slugs = session.execute(sa.select(Job.slug).where(Job.source == source)).scalars().all()
    stale = [s for s in slugs if s not in keep_slugs]
    if not stale:
        return 0
    return session.execute(sa.delete(Job).where(Job.slug.in_(stale))).rowcount or 0


def refresh_statistics(session: Session) -> None:
    """Let the planner see the real shape of the tables after a large change."""
    backend(session).refresh_statistics(session)
