"""Job queries: upsert by slug, full-text search with filters, lookups by id, prefix or slug.

Full-text ranking: SQLite FTS5 bm25 with field weights title > skills > requirements >
description; Postgres ts_rank_cd over a weighted tsvector (A title, B skills, C requirements,
D description). Both indexes are kept in sync by the database (triggers / generated column).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import Join
from sqlmodel import Session, select

from mock_interview.domain.jobs import JobRecord, JobSearch, query_terms, search_text
from mock_interview.store.models import Job, utcnow

SQLITE_WEIGHTS = (10.0, 5.0, 2.0, 1.0)  # title, skills, requirements, description
TOTAL_CAP = 1_000
SHORTEST_PREFIX = 3  # a fragment of fewer letters matches as a word only  # totals are exact up to this many matches (docs/architecture.md)
JOB_COLUMNS = [c.name for c in Job.__table__.columns]


# Postgres: title (A) and skills (B) as a vector and the exactly-compared filter columns in a
# narrow side table (migration 0004), read by tier-one ranking, filters and resume retrieval
# instead of the wide rows of jobs and job_search.
HEADLINES = sa.table(
    "job_headlines", sa.column("job_id"), sa.column("headline"),
    *(sa.column(name, Job.__table__.c[name].type)
      for name in ("remote", "experience_level", "job_type", "salary_usd_min", "salary_usd_max")),
)
# Postgres: one (lower-cased skill, posting) pair per row under a B-tree primary key (migration
# 0005): the postings that require a skill are one index-only range scan.
SKILLS = sa.table("job_skills", sa.column("skill"), sa.column("job_id"))


class FtsFirstJoin(Join):
    """A join SQLite must drive from its left side (the FTS index), whatever the statistics say.

    Otherwise the planner may walk jobs through a low-cardinality index (remote, level) and
    run the full-text match once per row: seconds instead of milliseconds.
    """

    inherit_cache = True


@compiles(FtsFirstJoin, "sqlite")
def _compile_fts_first_join(join: FtsFirstJoin, compiler: Any, **kw: Any) -> str:
    kw["asfrom"] = True
    left = compiler.process(join.left, **kw)
    right = compiler.process(join.right, **kw)
    kw.pop("asfrom")
    return f"{left} CROSS JOIN {right} ON {compiler.process(join.onclause, **kw)}"


@dataclass
class SearchHit:
    job: Job
    text_rank: float  # higher is better; 0 when there was no query


@dataclass
class SearchPage:
    total: int
    hits: list[SearchHit]
    total_exact: bool = True  # False: at least ``total`` (TOTAL_CAP) postings match


def _indexed_words(session: Session, terms: Sequence[str], backend: str) -> frozenset[str]:
    """The terms that are words of the index, which match as words (with their word forms, by
    stemming); the others are fragments ("kube", "pyth") and match as prefixes. Expanding
    every term as a prefix made FTS5 merge the doclists of every word it begins: "c#" (the
    index sees "c") took 165 ms at 100k postings, 8 ms as a word; "manager" 48 -> 42 ms
    (bench/search_latency.py). One indexed look-up per term tells them apart."""
    from mock_interview.domain.grading.text import stem

    if backend == "postgresql":
        search_table = sa.table("job_search", sa.column("search_vector"))
        probe = sa.select(sa.literal(1)).select_from(search_table).where(
            search_table.c.search_vector.op("@@")(sa.func.to_tsquery("english", sa.bindparam("term")))
        ).limit(1)
    else:
        probe = sa.select(sa.literal(1)).select_from(sa.table("jobs_fts")).where(
            sa.text("jobs_fts MATCH :term")).limit(1)
    words = set()
    for term in terms:
        if len(term) <= SHORTEST_PREFIX - 1:
            words.add(term)  # "c", "f", "go": a word, never every word that starts with it
            continue
        if stem(term) + "e" == term:
            continue  # "backe": "back" or "backend" half typed? Porter cannot tell: a prefix
        quoted = term if backend == "postgresql" else f'"{term}"'
        if session.execute(probe, {"term": quoted}).first() is not None:
            words.add(term)
    return frozenset(words)


def _fts_match_sqlite(terms: Sequence[str], any_term: bool, skills: Sequence[str] = (),
                      words: frozenset[str] = frozenset()) -> str:
    # Each term quoted (so FTS syntax in it is inert); porter stems both sides; a fragment
    # that is not a word of the index is prefix-matched.
    joiner = " OR " if any_term else " "
    expression = joiner.join(f'"{t}"' if t in words else f'"{t}"*' for t in terms)
    if expression and any_term:
        # "Any of these words" comes from a resume: look for them where a posting names its
        # role and skills, not in every description that happens to mention one.
        expression = f"{{title skills}} : ({expression})"
    # Required skills narrow the match inside the index (the exact check follows in SQL).
    for skill in skills:
        tokens = query_terms(skill)
        if tokens:
            phrase = " ".join(tokens)
            expression = f'{expression} {{skills}} : "{phrase}"'.strip()
    return expression


def _fts_matches(expression: str, name: str = "match") -> Any:
    """SQLite: the condition that a jobs_fts row matches ``expression`` (bound as ``name``)."""
    return sa.text(f"jobs_fts MATCH :{name}").bindparams(sa.bindparam(name, expression))


def _title_or_skills(terms: Sequence[str], words: frozenset[str]) -> str:
    """Every term, in the title or skills column: the first tier of a ranked search."""
    return "{title skills} : (" + " ".join(f'"{t}"' if t in words else f'"{t}"*' for t in terms) + ")"


def _tsquery_postgres(terms: Sequence[str], any_term: bool, words: frozenset[str] = frozenset()) -> str:
    # Weight-restricted terms (":*AB", title and skills only, as SQLite does for resume words)
    # measured slower here: Postgres must recheck every row's vector either way.
    return (" | " if any_term else " & ").join(t if t in words else f"{t}:*" for t in terms)


def _filters(search: JobSearch, backend: str, key: Any = Job.id) -> list[Any]:
    """The filters as SQL conditions on rows keyed by the job id ``key``. On Postgres those
    compared exactly read the narrow headlines table (see ``_joined``), required skills the
    skills table; location and company read the postings."""
    facets = HEADLINES.c if backend == "postgresql" else Job.__table__.c
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
    for skill in search.skills:
        if backend == "postgresql":
            conditions.append(key.in_(sa.select(SKILLS.c.job_id).where(SKILLS.c.skill == skill.lower())))
            continue
        element = sa.func.json_each(Job.skills_required).table_valued("value")
        conditions.append(
            sa.exists(
                sa.select(sa.literal(1))
                .select_from(element)
                .where(sa.func.lower(element.c.value) == skill.lower())
            )
        )
    return conditions


def _plan_settings(session: Session) -> None:
    """Postgres planner settings for this search's transaction (``SET LOCAL``), measured at
    100k postings:

    - plan each search for its own words: psycopg prepares a statement run five times, and
      Postgres may then reuse a generic plan blind to how common the words are (p95 over
      repeated searches 45 -> 115 ms that way);
    - random_page_cost 1.1, the usual value for data in memory or on SSD: the default 4 made
      a count join a thousand matches to the headlines by scanning all 100k of them;
    - no parallel workers: starting them costs more than they save on searches of tens of
      milliseconds (with both, filtered p95 35 -> 25 ms).
    """
    for setting in ("plan_cache_mode = force_custom_plan", "random_page_cost = 1.1",
                    "max_parallel_workers_per_gather = 0"):
        session.execute(sa.text(f"SET LOCAL {setting}"))


def _joined(base: Any, key: Any, conditions: list[Any]) -> Any:
    """Postgres: ``base`` joined on the job id ``key`` to the tables the conditions read."""
    from sqlalchemy.sql.visitors import iterate

    read = {getattr(getattr(element, "table", None), "name", None)
            for condition in conditions for element in iterate(condition)}
    source = base
    for table, column in ((HEADLINES, HEADLINES.c.job_id), (Job.__table__, Job.id)):
        if table.name in read and column is not key:
            source = sa.join(source, table, column == key)
    return source


def search_jobs(
    session: Session,
    search: JobSearch,
    *,
    terms: Sequence[str] | None = None,
    any_term: bool = False,
    limit: int | None = None,
    count: bool = True,
    fields: Sequence[str] | None = None,
) -> SearchPage:
    """Postings matching ``terms`` (default: the search's own) and every filter, best first;
    whole, or only ``fields`` of them (see ``_selected``)."""
    backend = session.get_bind().dialect.name
    if backend == "postgresql":
        _plan_settings(session)
    terms = list(search.terms if terms is None else terms)
    limit = search.limit if limit is None else limit
    conditions = _filters(search, backend)
    skill_terms = [s for s in search.skills if query_terms(s)] if backend == "sqlite" else []
    if not terms and skill_terms:
        return _skills_only_sqlite(session, search, conditions, skill_terms, limit, count, fields)
    if not terms:
        source = (_joined(Job.__table__, Job.id, conditions) if backend == "postgresql"
                  else Job.__table__)
        query = (
            _selected(fields)
            .select_from(source)
            .where(*conditions)
            .order_by(Job.posted_at.desc().nulls_last(), Job.created_at.desc(), Job.title)
        )
        jobs = _fetch(session, query.limit(limit), fields) if limit else []
        if backend == "postgresql":  # every posting has a headline: count the narrow rows
            narrow = _filters(search, backend, HEADLINES.c.job_id)
            counted = sa.select(HEADLINES.c.job_id).select_from(
                _joined(HEADLINES, HEADLINES.c.job_id, narrow)).where(*narrow)
        else:
            counted = sa.select(Job.id).select_from(source).where(*conditions)
        total, exact = _count(session, counted) if count else (len(jobs), True)
        return SearchPage(total, [SearchHit(job, 0.0) for job in jobs], exact)

    # Rank and cut to `limit` over (key, rank) pairs only, then load those few postings: sorting
    # every match with its full row (descriptions included) was most of the time.
    words = _indexed_words(session, terms, backend)
    if backend == "postgresql":
        search_table = sa.table("job_search", sa.column("job_id"), sa.column("search_vector"))
        full_query = sa.func.to_tsquery("english", _tsquery_postgres(terms, any_term, words))
        # Tiered as on SQLite (see below), the first tier from the narrow headlines table
        # and ranked by it: every word in the title or skills.
        ranked = [] if any_term else _rank_postgres(
            session, HEADLINES.c.job_id, HEADLINES.c.headline,
            sa.func.to_tsquery("english", _tsquery_postgres(terms, False, words)),
            _filters(search, backend, HEADLINES.c.job_id), limit)
        conditions = _filters(search, backend, search_table.c.job_id)
        if len(ranked) < limit:
            ranked = _rank_postgres(session, search_table.c.job_id, search_table.c.search_vector,
                                    full_query, conditions, limit)
        by_key = {row[0]: float(row[1]) for row in ranked}
        loaded = _load(session, Job.id, list(by_key), fields)
        hits = sorted((SearchHit(job, by_key[job.id]) for job in loaded), key=lambda h: -h.text_rank)
        if not count:
            return SearchPage(len(hits), hits)
        matched = search_table.c.search_vector.op("@@")(full_query)
        source = _joined(search_table, search_table.c.job_id, conditions)
        total, exact = _count(session, sa.select(search_table.c.job_id).select_from(source)
                              .where(matched, *conditions))
        return SearchPage(total, hits, exact)

    fts = sa.table("jobs_fts", sa.column("rowid"))
    expression = _fts_match_sqlite(terms, any_term, skill_terms, words)
    match = _fts_matches(expression)
    bm25 = sa.literal_column(f"bm25(jobs_fts, {', '.join(map(str, SQLITE_WEIGHTS))})")
    source = FtsFirstJoin(fts, Job.__table__, Job.search_rowid == fts.c.rowid) if conditions else fts

    def best(matches: Any) -> list[Any]:
        return session.execute(
            sa.select(fts.c.rowid, bm25.label("rank")).select_from(source)
            .where(matches, *conditions).order_by(sa.asc("rank")).limit(limit)
        ).all()

    # Tiered ranking: bm25 must score every match, and a common word matches most postings
    # ("experience" 84% of them: 62 ms at 100k). When enough postings name every word in their
    # title or skills, the page comes from those alone, still ranked by bm25 over all four
    # fields (their title and skills hits count once more): with title and skills weighted
    # 10 and 5 against 2 and 1, the other matches would rank below them anyway.
    tier = f"({_title_or_skills(terms, words)}) AND ({expression})"
    ranked = [] if any_term else best(_fts_matches(tier))
    if len(ranked) < limit:
        ranked = best(match)
    by_key = {row[0]: -float(row[1]) for row in ranked}  # bm25: lower is better
    loaded = _load(session, Job.search_rowid, list(by_key), fields)
    hits = sorted((SearchHit(job, by_key[job.search_rowid]) for job in loaded),
                  key=lambda h: -h.text_rank)
    if not count:
        return SearchPage(len(hits), hits)
    total, exact = _count(session, sa.select(fts.c.rowid).select_from(source).where(match, *conditions))
    return SearchPage(total, hits, exact)


def _rank_postgres(session: Session, key: Any, vector: Any, tsquery: Any, conditions: list[Any],
                   limit: int) -> list[Any]:
    """(key, rank) of the best ``limit`` rows whose ``vector`` matches, best first."""
    rank = sa.func.ts_rank_cd(vector, tsquery, 1)  # 1: divide by 1 + log(length), as bm25 does
    return session.execute(
        sa.select(key, rank.label("rank")).select_from(_joined(key.table, key, conditions))
        .where(vector.op("@@")(tsquery), *conditions).order_by(sa.desc("rank"), key).limit(limit)
    ).all()


def search_for_resume(session: Session, search: JobSearch, skills: Sequence[str],
                      titles: Sequence[Sequence[str]], limit: int,
                      fields: Sequence[str] | None = None) -> SearchPage:
    """Candidates for ranking by fit when the person typed no words: the postings that share
    most with the resume, one point per required skill it has and two for a title with all the
    words of one of its recent titles; ties in a fixed order (newest loaded first on SQLite).

    Each skill and title is its own indexed look-up (FTS5 column filter on SQLite, the GIN
    indexes on Postgres) and nothing is ranked by text: bm25 over an OR of twenty resume words
    scored most postings (78 ms at 100k on SQLite; ts_rank 1.5 s on Postgres).
    """
    backend = session.get_bind().dialect.name
    if backend == "postgresql":
        # (No parallel workers: the planner guesses the look-ups share 200 postings, and its
        # parallel sort-and-merge of partial aggregates took 50 ms against 35 for one hash.)
        _plan_settings(session)
        key_column, key_name = Job.id, "id"
        parts = [
            sa.select(SKILLS.c.job_id.label("key"), sa.literal(1).label("points"))
            .where(SKILLS.c.skill == skill)
            for skill in dict.fromkeys(skill.lower() for skill in skills)
        ] + [
            sa.select(HEADLINES.c.job_id.label("key"), sa.literal(2).label("points"))
            .where(HEADLINES.c.headline.op("@@")(
                sa.func.to_tsquery("english", " & ".join(f"{w}:A" for w in words))))
            for words in titles if words
        ]
    else:
        key_column, key_name = Job.search_rowid, "search_rowid"
        fts = sa.table("jobs_fts", sa.column("rowid"))
        expressions = [(f'{{skills}} : "{" ".join(query_terms(skill))}"', 1)
                       for skill in dict.fromkeys(skills) if query_terms(skill)]
        expressions += [("{title} : (" + " AND ".join(f'"{w}"' for w in words) + ")", 2)
                        for words in titles if words]
        parts = [
            sa.select(fts.c.rowid.label("key"), sa.literal(points).label("points"))
            .select_from(fts).where(_fts_matches(expression, f"part{i}"))
            for i, (expression, points) in enumerate(expressions)
        ]
    if not parts:
        return SearchPage(0, [])
    hits = sa.union_all(*parts).subquery("hits")
    conditions = _filters(search, backend, hits.c.key)
    shared = sa.func.sum(hits.c.points).label("shared")
    query = sa.select(hits.c.key, shared).group_by(hits.c.key)
    if conditions and backend == "postgresql":
        query = query.select_from(_joined(hits, hits.c.key, conditions)).where(*conditions)
    elif conditions:  # the hits drive the join, each checked against its posting
        query = query.select_from(FtsFirstJoin(hits, Job.__table__, key_column == hits.c.key)) \
            .where(*conditions)
    rows = session.execute(query.order_by(sa.desc("shared"), sa.desc(hits.c.key)).limit(limit)).all()
    by_key = {row[0]: float(row[1]) for row in rows}
    loaded = _load(session, key_column, list(by_key), fields)
    hits_found = sorted((SearchHit(job, by_key[getattr(job, key_name)]) for job in loaded),
                        key=lambda h: -h.text_rank)
    return SearchPage(len(hits_found), hits_found)


def _skills_only_sqlite(session: Session, search: JobSearch, conditions: list[Any], skills: list[str],
                        limit: int, count: bool, fields: Sequence[str] | None) -> SearchPage:
    """No words, but required skills: the FTS skills column finds candidates, newest first."""
    fts = sa.table("jobs_fts", sa.column("rowid"))
    match = _fts_matches(_fts_match_sqlite([], False, skills))
    source = FtsFirstJoin(fts, Job.__table__, Job.search_rowid == fts.c.rowid)
    query = (
        _selected(fields).select_from(source).where(match, *conditions)
        .order_by(Job.posted_at.desc().nulls_last(), Job.created_at.desc())
    )
    jobs = _fetch(session, query.limit(limit), fields)
    total, exact = _count(session, sa.select(fts.c.rowid).select_from(source).where(match, *conditions)) \
        if count else (len(jobs), True)
    return SearchPage(total, [SearchHit(job, 0.0) for job in jobs], exact)


def _selected(fields: Sequence[str] | None) -> Any:
    """What a search loads: whole postings, or only ``fields`` (plus the keys) as plain rows,
    for ranking many candidates of which only a page is shown."""
    if fields is None:
        return select(Job)
    names = dict.fromkeys(["id", "search_rowid", *fields])
    return sa.select(*(Job.__table__.c[name] for name in names))


def _fetch(session: Session, query: Any, fields: Sequence[str] | None) -> list[Any]:
    result = session.execute(query)
    return list(result.scalars() if fields is None else result)


def _load(session: Session, key_column: Any, keys: list[Any], fields: Sequence[str] | None) -> list[Any]:
    return _fetch(session, _selected(fields).where(key_column.in_(keys)), fields) if keys else []


def jobs_by_id(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Job]:
    return {job.id: job for job in _load(session, Job.id, list(ids), None)}


def _count(session: Session, query: Any) -> tuple[int, bool]:
    """How many rows ``query`` returns, counted up to TOTAL_CAP, and whether that is all of them.

    Counting every match costs as much as finding it: on Postgres each one is a heap row to
    read (a common word at 1M postings: about a second). Past the cap the total is "at least"."""
    found = session.execute(sa.select(sa.func.count()).select_from(
        query.limit(TOTAL_CAP + 1).subquery())).scalar_one()
    return min(found, TOTAL_CAP), found <= TOTAL_CAP


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
    backend = session.get_bind().dialect.name
    if backend == "postgresql":
        column = sa.func.replace(sa.cast(Job.id, sa.String), "-", "")
    else:
        column = sa.cast(Job.id, sa.String)  # stored as 32 hex characters
    return list(session.exec(select(Job).where(column.like(f"{compact}%")).limit(5)).all())


def upsert_jobs(session: Session, records: Iterable[JobRecord], source: str) -> tuple[int, int]:
    """Insert new postings and update known ones (same slug); returns (inserted, updated).
    On Postgres each batch is written while the next is read and validated (see
    ``_written_behind``)."""
    inserted = updated = 0
    sqlite = session.get_bind().dialect.name == "sqlite"

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
        next_rowid = (
            session.execute(sa.select(sa.func.coalesce(sa.func.max(Job.search_rowid), 0))).scalar_one()
            if sqlite else 0
        )
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
                if sqlite:  # the FTS key; the insert trigger covers writers that leave it empty
                    next_rowid += 1
                    row["search_rowid"] = next_rowid
                new_rows.append(row)
                existing[record.slug] = row["id"]
        if new_rows and sqlite:
            session.execute(Job.__table__.insert(), new_rows)
            _index_new_rows(session, new_rows)
        elif new_rows:
            _insert_postgres(session, new_rows)
        for row in changed_rows:
            job_id = row.pop("id")
            session.execute(sa.update(Job).where(Job.id == job_id).values(**row))
        inserted += len(new_rows)
        updated += len(changed_rows)

    if sqlite:
        for batch in _batches(records, UPSERT_BATCH):
            flush(batch)
    else:
        _written_behind(_batches(records, UPSERT_BATCH), flush)
    return inserted, updated


UPSERT_BATCH = 500


def _batches(records: Iterable[JobRecord], size: int) -> Iterable[list[JobRecord]]:
    batch: list[JobRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _written_behind(batches: Iterable[list[JobRecord]], write: Any) -> None:
    """``write`` each batch in a second thread while this one produces the next: reading,
    validating and extracting skills from a batch (Python) then overlap the server indexing
    the one before, instead of each waiting for the other. Only the writer uses the session
    until it is done; its first error stops the import and is raised here."""
    import queue
    import threading

    pending: queue.Queue[list[JobRecord] | None] = queue.Queue(maxsize=2)
    failures: list[BaseException] = []

    def writer() -> None:
        while (batch := pending.get()) is not None:
            if failures:
                continue  # drain, so the producer never blocks on a full queue
            try:
                write(batch)
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


def _insert_postgres(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert a batch as one statement, the rows sent as one JSON document. An executemany is
    one statement per row in psycopg, and the statement-level index triggers (migrations
    0004-0006) then run once per posting instead of once per batch; a multi-row VALUES costs
    more to build and convert on the client than it saves (bench/search_latency.py)."""
    import json

    session.execute(_POSTGRES_BATCH_INSERT, {"rows": json.dumps(
        [{name: row.get(name) for name in _POSTGRES_COLUMNS} for row in rows],
        default=str, separators=(",", ":"))})


def _postgres_batch_insert() -> tuple[list[str], Any]:
    from sqlalchemy.dialects import postgresql

    dialect = postgresql.dialect()
    columns = [c for c in Job.__table__.columns if c.name != "search_rowid"]  # SQLite's key
    names = ", ".join(c.name for c in columns)
    record = ", ".join(f"{c.name} {c.type.compile(dialect=dialect)}" for c in columns)
    return [c.name for c in columns], sa.text(
        f"INSERT INTO jobs ({names}) SELECT {names} "
        f"FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r({record})")


_POSTGRES_COLUMNS, _POSTGRES_BATCH_INSERT = _postgres_batch_insert()


def _index_new_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Add freshly inserted rows to jobs_fts (the insert trigger skips rows that carry a key),
    their text spelled as the trigger spells it (migration 0006)."""
    session.connection().exec_driver_sql(
        "INSERT INTO jobs_fts (rowid, title, skills, requirements, description) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (row["search_rowid"], search_text(row["title"]),
             search_text(" ".join(row["skills_required"] or [])),
             search_text(" ".join(row["requirements"] or [])), search_text(row["description"]))
            for row in rows
        ],
    )


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
    """Let the planner see the real shape of the tables after a large change. On Postgres the
    skills table is vacuumed too: its look-ups are index-only scans, which read the heap for
    every row until VACUUM has marked the pages all-visible (VACUUM needs its own connection,
    outside a transaction)."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        session.execute(sa.text("ANALYZE jobs"))
        return
    with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(sa.text("VACUUM (ANALYZE) job_skills"))
        for table in ("jobs", "job_search", "job_headlines"):
            connection.execute(sa.text(f"ANALYZE {table}"))


def count_jobs(session: Session) -> int:
    return session.execute(sa.select(sa.func.count()).select_from(Job)).scalar_one()
