"""What both job-search backends share: the interface each implements, the result types, and the
queries written the same way for SQLite and Postgres."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session, select

from mock_interview.domain.jobs import JobRecord, JobSearch
from mock_interview.store.models import Job

TOTAL_CAP = 1_000  # totals are exact up to this many matches (docs/architecture.md)
SHORTEST_PREFIX = 3  # a fragment of fewer letters matches as a word only


@dataclass
class SearchHit:
    job: Job
    text_rank: float  # higher is better; 0 when there was no query


@dataclass
class SearchPage:
    total: int
    hits: list[SearchHit]
    total_exact: bool = True  # False: at least ``total`` (TOTAL_CAP) postings match


class JobBackend(Protocol):
    """One database's job search and bulk writing (``jobs_sqlite``, ``jobs_postgres``)."""

    def search_jobs(self, session: Session, search: JobSearch, terms: list[str], any_term: bool,
                    limit: int, count: bool, fields: Sequence[str] | None,
                    rank_at_most: int | None = None) -> SearchPage:
        """Postings matching ``terms`` (all, or any) and every filter, best first (of at most
        ``rank_at_most`` matches ranked)."""

    def search_for_resume(self, session: Session, search: JobSearch, skills: Sequence[str],
                          titles: Sequence[Sequence[str]], limit: int,
                          fields: Sequence[str] | None) -> SearchPage:
        """The postings sharing most required skills and titles with a resume."""

    def id_text(self) -> Any:
        """``jobs.id`` as 32 lower-case hex digits, for id-prefix look-ups."""

    def insert_rows(self, session: Session, rows: list[dict[str, Any]]) -> None:
        """Insert new postings (``rows`` of ``jobs`` columns) and index them for search."""

    def write_batches(self, session: Session, batches: Iterable[list[JobRecord]],
                      write: Callable[[list[JobRecord]], None]) -> None:
        """``write`` every batch of an import, in order."""

    def refresh_statistics(self, session: Session) -> None:
        """Let the planner see the tables' real shape after a large change."""


def batches(records: Iterable[JobRecord], size: int) -> Iterable[list[JobRecord]]:
    batch: list[JobRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def indexed_words(session: Session, terms: Sequence[str], probe: Any,
                  quoted: Callable[[str], str]) -> frozenset[str]:
    """The terms that are words of the index, which match as words (with their word forms, by
    stemming); the others are fragments ("kube", "pyth") and match as prefixes. Expanding
    every term as a prefix made FTS5 merge the doclists of every word it begins: "c#" (the
    index sees "c") took 165 ms at 100k postings, 8 ms as a word; "manager" 48 -> 42 ms
    (bench/search_latency.py). One indexed look-up (``probe``, with the term bound as
    ``term``, spelled by ``quoted``) per term tells them apart."""
    from mock_interview.domain.grading.text import stem

    words = set()
    for term in terms:
        if len(term) <= SHORTEST_PREFIX - 1:
            words.add(term)  # "c", "f", "go": a word, never every word that starts with it
            continue
        if stem(term) + "e" == term:
            continue  # "backe": "back" or "backend" half typed? Porter cannot tell: a prefix
        if session.execute(probe, {"term": quoted(term)}).first() is not None:
            words.add(term)
    return frozenset(words)


TITLE_POINTS = 2  # a resume title found in a posting's title; a required skill it has is 1


def title_points(titles: Sequence[Sequence[str]]) -> list[tuple[tuple[str, ...], int]]:
    """Each distinct resume title (its words) with its points: a title the resume holds twice
    is looked up once and counts twice, as two look-ups would."""
    counted: dict[tuple[str, ...], int] = {}
    for words in titles:
        if words:
            counted[tuple(words)] = counted.get(tuple(words), 0) + TITLE_POINTS
    return list(counted.items())


def facet_filters(search: JobSearch, facets: Any) -> list[Any]:
    """Every filter but required skills, as SQL conditions; the exactly-compared columns
    (workplace, level, type, salary) are read from ``facets``, location and company from
    ``jobs``."""
    conditions: list[Any] = []
    if search.location:
        needle = search.location.lower()
        if needle in {"remote", "anywhere"}:
            conditions.append(facets.remote == "remote")
        else:
            like = sa.func.lower(Job.location).contains(needle, autoescape=True)
            if len(needle) == 2 and needle.isalpha():
                like = sa.or_(like, Job.country == needle.upper())
            conditions.append(like)
    if search.remote:
        conditions.append(facets.remote == "remote")
    if search.job_type:
        conditions.append(facets.job_type == search.job_type)
    if search.level:
        conditions.append(facets.experience_level == search.level)
    if search.company:
        conditions.append(
            sa.func.lower(Job.company).contains(search.company.lower(), autoescape=True)
        )
    if search.min_salary_usd is not None:
        conditions.append(
            sa.func.coalesce(facets.salary_usd_max, facets.salary_usd_min) >= search.min_salary_usd
        )
    return conditions


def newest_first(query: Any) -> Any:
    return query.order_by(Job.posted_at.desc().nulls_last(), Job.created_at.desc(), Job.title)


def selected(fields: Sequence[str] | None) -> Any:
    """What a search loads: whole postings, or only ``fields`` (plus the keys) as plain rows,
    for ranking many candidates of which only a page is shown."""
    if fields is None:
        return select(Job)
    names = dict.fromkeys(["id", "search_rowid", *fields])
    return sa.select(*(Job.__table__.c[name] for name in names))


def fetch(session: Session, query: Any, fields: Sequence[str] | None) -> list[Any]:
    result = session.execute(query)
    return list(result.scalars() if fields is None else result)


def load(session: Session, key_column: Any, keys: list[Any], fields: Sequence[str] | None) -> list[Any]:
    return fetch(session, selected(fields).where(key_column.in_(keys)), fields) if keys else []


def ranked_hits(session: Session, key_column: Any, key_name: str, ranks: dict[Any, float],
                fields: Sequence[str] | None) -> list[SearchHit]:
    """The postings keyed ``ranks`` (by ``key_column``), loaded and ordered best first."""
    loaded = load(session, key_column, list(ranks), fields)
    return sorted((SearchHit(job, ranks[getattr(job, key_name)]) for job in loaded),
                  key=lambda h: -h.text_rank)


def ranked_with_postings(session: Session, ranked: Any, key_column: Any,
                         fields: Sequence[str] | None) -> list[SearchHit]:
    """The postings of ``ranked`` (a subquery of ``key`` and ``rank``, higher better), loaded
    by the same statement, best first; ties in key order, as ``ranked_hits`` loads them
    through the key's index. One round trip instead of two, and no list of a few hundred keys
    for the server to parse and plan."""
    rank = ranked.c.rank
    query = (sa.select(Job, rank) if fields is None else selected(fields).add_columns(rank)) \
        .select_from(ranked.join(Job.__table__, key_column == ranked.c.key)) \
        .order_by(rank.desc(), key_column)
    rows = session.execute(query).all()
    if fields is None:
        return [SearchHit(row[0], float(row[1])) for row in rows]
    return [SearchHit(row, float(row[-1])) for row in rows]


def count(session: Session, query: Any) -> tuple[int, bool]:
    """How many rows ``query`` returns, counted up to TOTAL_CAP, and whether that is all of them.

    Counting every match costs as much as finding it: on Postgres each one is a heap row to
    read (a common word at 1M postings: about a second). Past the cap the total is "at least"."""
    found = session.execute(sa.select(sa.func.count()).select_from(
        query.limit(TOTAL_CAP + 1).subquery())).scalar_one()
    return min(found, TOTAL_CAP), found <= TOTAL_CAP


def jobs_by_id(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Job]:
    return {job.id: job for job in load(session, Job.id, list(ids), None)}
