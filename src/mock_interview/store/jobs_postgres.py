"""Job search on Postgres: ``ts_rank_cd`` over a weighted tsvector (A title, B skills,
C requirements, D description) in the side table ``job_search``; tier-one ranking, exact
filters and resume retrieval read the narrow ``job_headlines`` and ``job_skills`` (migrations
0004-0006). Implements ``jobs_common.JobBackend``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from mock_interview.domain.jobs import JobRecord, JobSearch
from mock_interview.store import jobs_common as common
from mock_interview.store.jobs_common import SearchHit, SearchPage
from mock_interview.store.models import Job

# Title (A) and skills (B) as a vector and the exactly-compared filter columns in a narrow side
# table (migration 0004), read by tier-one ranking, filters and resume retrieval instead of the
# wide rows of jobs and job_search.
HEADLINES = sa.table(
    "job_headlines", sa.column("job_id"), sa.column("headline"),
    *(sa.column(name, Job.__table__.c[name].type)
      for name in ("remote", "experience_level", "job_type", "salary_usd_min", "salary_usd_max")),
)
# One (lower-cased skill, posting) pair per row under a B-tree primary key (migration 0005):
# the postings that require a skill are one index-only range scan.
SKILLS = sa.table("job_skills", sa.column("skill"), sa.column("job_id"))
SEARCH = sa.table("job_search", sa.column("job_id"), sa.column("search_vector"))

_PROBE = sa.select(sa.literal(1)).select_from(SEARCH).where(
    SEARCH.c.search_vector.op("@@")(sa.func.to_tsquery("english", sa.bindparam("term")))
).limit(1)


def _indexed_words(session: Session, terms: Sequence[str]) -> frozenset[str]:
    return common.indexed_words(session, terms, _PROBE, lambda term: term)


def _tsquery(terms: Sequence[str], any_term: bool, words: frozenset[str] = frozenset()) -> Any:
    # Weight-restricted terms (":*AB", title and skills only, as SQLite does for resume words)
    # measured slower here: Postgres must recheck every row's vector either way.
    text = (" | " if any_term else " & ").join(t if t in words else f"{t}:*" for t in terms)
    return sa.func.to_tsquery("english", text)


def _filters(search: JobSearch, key: Any) -> list[Any]:
    """The filters as SQL conditions on rows keyed by the job id ``key``: those compared
    exactly read the narrow headlines table (see ``_joined``), required skills the skills
    table; location and company read the postings."""
    conditions = common.facet_filters(search, HEADLINES.c)
    for skill in search.skills:
        conditions.append(key.in_(sa.select(SKILLS.c.job_id).where(SKILLS.c.skill == skill.lower())))
    return conditions


def _plan_settings(session: Session) -> None:
    """Planner settings for this search's transaction (``SET LOCAL``), measured at 100k
    postings:

    - plan each search for its own words: psycopg prepares a statement run five times, and
      Postgres may then reuse a generic plan blind to how common the words are (p95 over
      repeated searches 45 -> 115 ms that way);
    - random_page_cost 1.1, the usual value for data in memory or on SSD: the default 4 made
      a count join a thousand matches to the headlines by scanning all 100k of them;
    - no parallel workers: starting them costs more than they save on searches of tens of
      milliseconds (with both, filtered p95 35 -> 25 ms).
    """
    # They last until the transaction (or the savepoint they were made in) ends: made once
    # per transaction, as a resume search also counts the catalogue in it.
    if _innermost(session) is not None and session.info.get(_PLAN_SETTINGS_KEY) is _innermost(session):
        return
    session.execute(_PLAN_SETTINGS)  # one round trip for the three
    session.info[_PLAN_SETTINGS_KEY] = _innermost(session)


def _innermost(session: Session) -> Any:
    return session.get_nested_transaction() or session.get_transaction()


_PLAN_SETTINGS_KEY = "mock_interview.plan_settings"


_PLAN_SETTINGS = sa.text(
    "SELECT " + ", ".join(f"set_config('{name}', '{value}', true)" for name, value in (
        ("plan_cache_mode", "force_custom_plan"), ("random_page_cost", "1.1"),
        ("max_parallel_workers_per_gather", "0"))))


def _joined(base: Any, key: Any, conditions: list[Any]) -> Any:
    """``base`` joined on the job id ``key`` to the tables the conditions read."""
    from sqlalchemy.sql.visitors import iterate

    read = {getattr(getattr(element, "table", None), "name", None)
            for condition in conditions for element in iterate(condition)}
    source = base
    for table, column in ((HEADLINES, HEADLINES.c.job_id), (Job.__table__, Job.id)):
        if table.name in read and column is not key:
            source = sa.join(source, table, column == key)
    return source


def _rank(key: Any, vector: Any, tsquery: Any, conditions: list[Any], limit: int,
          rank_at_most: int | None = None) -> Any:
    """(key, rank) of the best ``limit`` rows whose ``vector`` matches, best first; of the
    first ``rank_at_most`` matches the scan finds, when given."""
    matches = (sa.select(key.label("key"), vector.label("vector"))
               .select_from(_joined(key.table, key, conditions))
               .where(vector.op("@@")(tsquery), *conditions))
    found = (matches.limit(rank_at_most) if rank_at_most else matches).subquery("found")
    rank = sa.func.ts_rank_cd(found.c.vector, tsquery, 1)  # 1: divide by 1 + log(length), as bm25 does
    return sa.select(found.c.key, rank.label("rank")).order_by(sa.desc("rank"), found.c.key).limit(limit)


def search_jobs(session: Session, search: JobSearch, terms: list[str], any_term: bool,
                limit: int, count: bool, fields: Sequence[str] | None,
                rank_at_most: int | None = None) -> SearchPage:
    _plan_settings(session)
    if not terms:
        conditions = _filters(search, Job.id)
        query = common.newest_first(common.selected(fields)
                                    .select_from(_joined(Job.__table__, Job.id, conditions))
                                    .where(*conditions))
        jobs = common.fetch(session, query.limit(limit), fields) if limit else []
        total, exact = (len(jobs), True)
        if count:  # every posting has a headline: count the narrow rows
            narrow = _filters(search, HEADLINES.c.job_id)
            total, exact = common.count(session, sa.select(HEADLINES.c.job_id).select_from(
                _joined(HEADLINES, HEADLINES.c.job_id, narrow)).where(*narrow))
        return SearchPage(total, [SearchHit(job, 0.0) for job in jobs], exact)

    # Rank and cut to `limit` over (key, rank) pairs only, then load those few postings.
    words = _indexed_words(session, terms)
    full_query = _tsquery(terms, any_term, words)
    # Tiered as on SQLite (see jobs_sqlite), the first tier from the narrow headlines table
    # and ranked by it: every word in the title or skills.
    ranked = [] if any_term else session.execute(_rank(
        HEADLINES.c.job_id, HEADLINES.c.headline, _tsquery(terms, False, words),
        _filters(search, HEADLINES.c.job_id), limit, rank_at_most)).all()
    conditions = _filters(search, SEARCH.c.job_id)
    if len(ranked) < limit:  # the last tier: ranked and loaded in one statement
        hits = common.ranked_with_postings(session, _rank(
            SEARCH.c.job_id, SEARCH.c.search_vector, full_query, conditions, limit,
            rank_at_most).subquery("ranked"), Job.id, fields)
    else:
        hits = common.ranked_hits(session, Job.id, "id", {row[0]: float(row[1]) for row in ranked},
                                  fields)
    if not count:
        return SearchPage(len(hits), hits)
    matched = SEARCH.c.search_vector.op("@@")(full_query)
    source = _joined(SEARCH, SEARCH.c.job_id, conditions)
    total, exact = common.count(session, sa.select(SEARCH.c.job_id).select_from(source)
                                .where(matched, *conditions))
    return SearchPage(total, hits, exact)


def search_for_resume(session: Session, search: JobSearch, skills: Sequence[str],
                      titles: Sequence[Sequence[str]], limit: int,
                      fields: Sequence[str] | None) -> SearchPage:
    """The skills one index-only scan of ``job_skills`` with a list of keys (each pair is
    there once: a point per skill shared; a quarter less time than a union of one scan per
    skill), each title a GIN look-up of ``job_headlines``. (No parallel workers: the planner
    guesses the look-ups share 200 postings, and its parallel sort-and-merge of partial
    aggregates took 50 ms against 35 for one hash.)"""
    _plan_settings(session)
    wanted = list(dict.fromkeys(skill.lower() for skill in skills))
    parts = [
        sa.select(HEADLINES.c.job_id.label("key"), sa.literal(points).label("points"))
        .where(HEADLINES.c.headline.op("@@")(
            sa.func.to_tsquery("english", " & ".join(f"{w}:A" for w in words))))
        for words, points in common.title_points(titles)
    ]
    if wanted:
        parts.insert(0, sa.select(SKILLS.c.job_id.label("key"), sa.literal(1).label("points"))
                     .where(SKILLS.c.skill.in_(wanted)))
    if not parts:
        return SearchPage(0, [])
    hits = sa.union_all(*parts).subquery("hits")
    conditions = _filters(search, hits.c.key)
    query = sa.select(hits.c.key, sa.func.sum(hits.c.points).label("rank")).group_by(hits.c.key)
    if conditions:
        query = query.select_from(_joined(hits, hits.c.key, conditions)).where(*conditions)
    best = query.order_by(sa.desc("rank"), sa.desc(hits.c.key)).limit(limit).subquery("best")
    found = common.ranked_with_postings(session, best, Job.id, fields)
    return SearchPage(len(found), found)


def id_text() -> Any:
    return sa.func.replace(sa.cast(Job.id, sa.String), "-", "")


# The GIN indexes on the search vectors: new entries wait in a pending list (up to
# gin_pending_list_limit, 4 MB by default) that every search through the index reads whole.
GIN_INDEXES = ("ix_job_search_vector", "ix_job_headlines_headline")


def insert_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert a batch as one statement, the rows sent as one JSON document. An executemany is
    one statement per row in psycopg, and the statement-level index triggers (migrations
    0004-0006) then run once per posting instead of once per batch; a multi-row VALUES costs
    more to build and convert on the client than it saves (bench/search_latency.py)."""
    import json

    session.execute(_BATCH_INSERT, {"rows": json.dumps(
        [{name: row.get(name) for name in _COLUMNS} for row in rows],
        default=str, separators=(",", ":"))})


def _batch_insert() -> tuple[list[str], Any]:
    from sqlalchemy.dialects import postgresql

    dialect = postgresql.dialect()
    columns = [c for c in Job.__table__.columns if c.name != "search_rowid"]  # SQLite's key
    names = ", ".join(c.name for c in columns)
    record = ", ".join(f"{c.name} {c.type.compile(dialect=dialect)}" for c in columns)
    return [c.name for c in columns], sa.text(
        f"INSERT INTO jobs ({names}) SELECT {names} "
        f"FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r({record})")


_COLUMNS, _BATCH_INSERT = _batch_insert()


# An import that has written this many postings, and at least as many as the catalogue held
# before it, builds the GIN indexes once at its end instead of updating them as it goes.
BULK_INDEX_ROWS = 2_000
BUILD_MEMORY = "256MB"  # maintenance_work_mem for that build


class _DeferredIndexes:
    """The GIN indexes of a large import, dropped in its transaction and built again before it
    ends: one build sorts every entry once, where updating the index as rows arrive merges the
    pending list into it again and again (a fifth of the server's time on a 100k import).

    While the import's transaction holds them dropped, searches of the catalogue wait for it to
    end (the drop locks the tables); hence only for an import at least as large as what was
    there before. A rollback restores the indexes with everything else."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.written = 0
        self.definitions: list[str] = []
        self.decided = False

    def wrote(self, rows: int) -> None:
        self.written += rows
        if self.decided or self.written < BULK_INDEX_ROWS:
            return
        self.decided = True
        total = self.session.execute(sa.text("SELECT count(*) FROM job_headlines")).scalar_one()
        if total - self.written > self.written:
            return  # a large catalogue: its searches would wait, and the rebuild costs more
        definitions = self.session.execute(sa.text(
            "SELECT pg_get_indexdef(CAST(name AS regclass)) FROM unnest(CAST(:names AS text[])) "
            "AS name"), {"names": list(GIN_INDEXES)}).scalars().all()
        try:
            # Only the tables' owner may drop their indexes; a search that holds them past the
            # lock timeout keeps them too. Either way the import goes on with the indexes.
            with self.session.begin_nested():
                waited = self.session.execute(sa.text(
                    "SELECT current_setting('lock_timeout'), set_config('lock_timeout', '5s', true)"
                )).first()
                for name in GIN_INDEXES:
                    self.session.execute(sa.text(f"DROP INDEX {name}"))
                self.session.execute(sa.text("SELECT set_config('lock_timeout', :value, true)"),
                                     {"value": waited[0]})
        except sa.exc.DBAPIError:
            return
        self.definitions = list(definitions)

    def build(self) -> None:
        if not self.definitions:
            return
        self.session.execute(sa.text(
            f"SELECT set_config('maintenance_work_mem', '{BUILD_MEMORY}', true)"))
        for definition in self.definitions:
            self.session.execute(sa.text(definition))
        self.definitions = []


def write_batches(session: Session, batches: Iterable[list[JobRecord]],
                  write: Callable[[list[JobRecord]], None]) -> None:
    """``write`` each batch in a second thread while this one produces the next: reading,
    validating and extracting skills from a batch (Python) then overlap the server indexing
    the one before, instead of each waiting for the other. Only the writer uses the session
    until it is done; its first error stops the import and is raised here. A large import
    builds its search indexes once, at the end (``_DeferredIndexes``)."""
    import queue
    import threading

    pending: queue.Queue[list[JobRecord] | None] = queue.Queue(maxsize=2)
    failures: list[BaseException] = []
    deferred = _DeferredIndexes(session)

    def writer() -> None:
        while (batch := pending.get()) is not None:
            if failures:
                continue  # drain, so the producer never blocks on a full queue
            try:
                write(batch)
                deferred.wrote(len(batch))
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller
                failures.append(exc)

    thread = threading.Thread(target=writer, name="job-import-writer", daemon=True)
    thread.start()
    try:
        for batch in batches:
            if failures:
                break
            pending.put(batch)
    finally:
        pending.put(None)
        thread.join()
    if failures:
        raise failures[0]
    deferred.build()


def refresh_statistics(session: Session) -> None:
    """The GIN pending lists an import leaves are merged into their indexes: each search reads
    them whole, and ANALYZE leaves them (a 100k import left 337 pages in job_search's and 108
    in job_headlines', read by every search until autovacuum came). The skills
    table is vacuumed too: its look-ups are index-only scans, which read the heap for every
    row until VACUUM has marked the pages all-visible (VACUUM needs its own connection,
    outside a transaction)."""
    import contextlib

    with session.get_bind().connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for index in GIN_INDEXES:
            # Only the index's owner may merge; for anyone else autovacuum does.
            with contextlib.suppress(sa.exc.ProgrammingError):
                connection.execute(sa.text("SELECT gin_clean_pending_list(CAST(:index AS regclass))"),
                                   {"index": index})
        connection.execute(sa.text("VACUUM (ANALYZE) job_skills"))
        for table in ("jobs", "job_search", "job_headlines"):
            connection.execute(sa.text(f"ANALYZE {table}"))
