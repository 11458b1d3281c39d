"""Job search on SQLite: the FTS5 table ``jobs_fts`` (keyed by ``jobs.search_rowid``), ranked by
bm25 with field weights title > skills > requirements > description; filters read ``jobs``
through its covering index. Implements ``jobs_common.JobBackend``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import Join
from sqlmodel import Session

from mock_interview.domain.jobs import JobRecord, JobSearch, query_terms, search_text
from mock_interview.store import jobs_common as common
from mock_interview.store.jobs_common import SearchHit, SearchPage
from mock_interview.store.models import Job

WEIGHTS = (10.0, 5.0, 2.0, 1.0)  # title, skills, requirements, description
FTS = sa.table("jobs_fts", sa.column("rowid"))


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


_PROBE = sa.select(sa.literal(1)).select_from(FTS).where(sa.text("jobs_fts MATCH :term")).limit(1)


def _indexed_words(session: Session, terms: Sequence[str]) -> frozenset[str]:
    return common.indexed_words(session, terms, _PROBE, lambda term: f'"{term}"')


def _fts_match(terms: Sequence[str], any_term: bool, skills: Sequence[str] = (),
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
    """The condition that a jobs_fts row matches ``expression`` (bound as ``name``)."""
    return sa.text(f"jobs_fts MATCH :{name}").bindparams(sa.bindparam(name, expression))


def _title_or_skills(terms: Sequence[str], words: frozenset[str]) -> str:
    """Every term, in the title or skills column: the first tier of a ranked search."""
    return "{title skills} : (" + " ".join(f'"{t}"' if t in words else f'"{t}"*' for t in terms) + ")"


def _filters(search: JobSearch) -> list[Any]:
    """The filters as SQL conditions on ``jobs``; a required skill is one of the posting's
    ``skills_required``, compared without case."""
    conditions = common.facet_filters(search, Job.__table__.c)
    for skill in search.skills:
        element = sa.func.json_each(Job.skills_required).table_valued("value")
        conditions.append(
            sa.exists(
                sa.select(sa.literal(1))
                .select_from(element)
                .where(sa.func.lower(element.c.value) == skill.lower())
            )
        )
    return conditions


def search_jobs(session: Session, search: JobSearch, terms: list[str], any_term: bool,
                limit: int, count: bool, fields: Sequence[str] | None,
                rank_at_most: int | None = None) -> SearchPage:
    conditions = _filters(search)
    skill_terms = [s for s in search.skills if query_terms(s)]
    if not terms and skill_terms:
        return _skills_only(session, conditions, skill_terms, limit, count, fields)
    if not terms:
        query = common.newest_first(common.selected(fields).select_from(Job.__table__).where(*conditions))
        jobs = common.fetch(session, query.limit(limit), fields) if limit else []
        total, exact = (common.count(session, sa.select(Job.id).where(*conditions)) if count
                        else (len(jobs), True))
        return SearchPage(total, [SearchHit(job, 0.0) for job in jobs], exact)

    # Rank and cut to `limit` over (key, rank) pairs only, then load those few postings: sorting
    # every match with its full row (descriptions included) was most of the time.
    words = _indexed_words(session, terms)
    expression = _fts_match(terms, any_term, skill_terms, words)
    match = _fts_matches(expression)
    bm25 = sa.literal_column(f"bm25(jobs_fts, {', '.join(map(str, WEIGHTS))})")
    source = FtsFirstJoin(FTS, Job.__table__, Job.search_rowid == FTS.c.rowid) if conditions else FTS

    def best(matches: Any) -> list[Any]:
        bounded = [*conditions]
        if rank_at_most:  # the newest that many: FTS5 walks a match's rowids from either end
            floor = session.execute(
                sa.select(FTS.c.rowid).select_from(source).where(matches, *conditions)
                .order_by(FTS.c.rowid.desc()).limit(1).offset(rank_at_most - 1)
            ).scalar()
            if floor is not None:
                bounded.append(FTS.c.rowid >= floor)
        return session.execute(
            sa.select(FTS.c.rowid, bm25.label("rank")).select_from(source)
            .where(matches, *bounded).order_by(sa.asc("rank")).limit(limit)
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
    ranks = {row[0]: -float(row[1]) for row in ranked}  # bm25: lower is better
    hits = common.ranked_hits(session, Job.search_rowid, "search_rowid", ranks, fields)
    if not count:
        return SearchPage(len(hits), hits)
    total, exact = common.count(session, sa.select(FTS.c.rowid).select_from(source).where(match, *conditions))
    return SearchPage(total, hits, exact)


def _skills_only(session: Session, conditions: list[Any], skills: list[str], limit: int,
                 count: bool, fields: Sequence[str] | None) -> SearchPage:
    """No words, but required skills: the FTS skills column finds candidates, newest first."""
    match = _fts_matches(_fts_match([], False, skills))
    source = FtsFirstJoin(FTS, Job.__table__, Job.search_rowid == FTS.c.rowid)
    query = (
        common.selected(fields).select_from(source).where(match, *conditions)
        .order_by(Job.posted_at.desc().nulls_last(), Job.created_at.desc())
    )
    jobs = common.fetch(session, query.limit(limit), fields)
    total, exact = (common.count(session, sa.select(FTS.c.rowid).select_from(source).where(match, *conditions))
                    if count else (len(jobs), True))
    return SearchPage(total, [SearchHit(job, 0.0) for job in jobs], exact)


def search_for_resume(session: Session, search: JobSearch, skills: Sequence[str],
                      titles: Sequence[Sequence[str]], limit: int,
                      fields: Sequence[str] | None) -> SearchPage:
    """Each skill a column-filtered FTS5 look-up of ``skills``, each title one of ``title``;
    ties newest loaded first."""
    expressions = [(f'{{skills}} : "{" ".join(query_terms(skill))}"', 1)
                   for skill in dict.fromkeys(skills) if query_terms(skill)]
    expressions += [("{title} : (" + " AND ".join(f'"{w}"' for w in words) + ")", points)
                    for words, points in common.title_points(titles)]
    if not expressions:
        return SearchPage(0, [])
    parts = [
        sa.select(FTS.c.rowid.label("key"), sa.literal(points).label("points"))
        .select_from(FTS).where(_fts_matches(expression, f"part{i}"))
        for i, (expression, points) in enumerate(expressions)
    ]
    hits = sa.union_all(*parts).subquery("hits")
    conditions = _filters(search)
    query = sa.select(hits.c.key, sa.func.sum(hits.c.points).label("rank")).group_by(hits.c.key)
    if conditions:  # the hits drive the join, each checked against its posting
        query = query.select_from(FtsFirstJoin(hits, Job.__table__, Job.search_rowid == hits.c.key)) \
            .where(*conditions)
    best = query.order_by(sa.desc("rank"), sa.desc(hits.c.key)).limit(limit).subquery("best")
    found = common.ranked_with_postings(session, best, Job.search_rowid, fields)
    return SearchPage(len(found), found)


def id_text() -> Any:
    return sa.cast(Job.id, sa.String)  # stored as 32 hex characters


def insert_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert new postings with the next FTS keys, then index them in one batch: an FTS insert
    run from the insert trigger (which covers writers that leave the key empty) costs three
    times as much."""
    last = session.execute(sa.select(sa.func.coalesce(sa.func.max(Job.search_rowid), 0))).scalar_one()
    for offset, row in enumerate(rows, start=1):
        row["search_rowid"] = last + offset
    session.execute(Job.__table__.insert(), rows)
    # The text spelled as the trigger spells it (migration 0006).
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


def write_batches(session: Session, batches: Iterable[list[JobRecord]],
                  write: Callable[[list[JobRecord]], None]) -> None:
    for batch in batches:
        write(batch)


def refresh_statistics(session: Session) -> None:
    session.execute(sa.text("ANALYZE jobs"))
