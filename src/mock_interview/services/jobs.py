"""Jobs: the packaged catalogue, imports, search (optionally ranked by fit), show, delete."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mock_interview.domain.jobs import JobSearch, build_search, query_terms, validate_job
from mock_interview.domain.matching import (
    ROLE_FILLER_WORDS,
    CandidateProfile,
    MatchResult,
    match_job,
    match_jobs,
)
from mock_interview.errors import ConfigError, NotFoundError, UsageError
from mock_interview.services.context import AppContext

SAMPLE_SOURCE = "sample"
CATALOGUE_META_KEY = "sample_catalogue_version"
RETRIEVE_FOR_RERANK = 300
# Matches text-ranked for those candidates, at most: past a few thousand, postings that all name
# the words in their title rank nearly alike on text, and fit orders them anyway.
RANK_FOR_RERANK = 5_000
QUERY_WEIGHT = 0.5  # with words and a resume: half text relevance, half fit
MAX_REPORTED_ERRORS = 200


# -- skills vocabulary (from the resume parser's taxonomy, when present) -----------------------

def _skill_functions() -> tuple[Callable[[str], str | None], Callable[[str], set[str]]]:
    try:
        from mock_interview.domain import skills
    except ImportError:  # the taxonomy ships with the resume parser
        return (lambda _name: None), (lambda _name: set())
    return skills.canonical_skill, skills.related_skills


skill_functions = _skill_functions


def record_for_row(row: Any, canonical: Callable[[str], str | None] | None = None,
                   skills: SkillsFromText | None = None) -> tuple[Any, list[Any]]:
    """A catalogue row as the record an import stores, or its problems."""
    record, errors = validate_job(row, canonical or _skill_functions()[0])
    if record is not None:
        (skills or SkillsFromText()).fill(record)
    return record, errors


SKILLS_FROM_DESCRIPTION_CHARS = 3000
LINE_CACHE_SIZE = 1 << 16


class SkillsFromText:
    """Skills a posting's text names, merged into the ones it lists (the resume parser's
    extractor, so postings and resumes name skills alike).

    The extractor costs about a millisecond for a posting's first 3,000 characters, which
    would make a 100k-row import last minutes. So a posting that lists skills gets only those
    its requirement lines name (what the employer asks for; a title names the role, and its
    "skills" would count as missing for every resume that words the role differently), each
    line looked up in a cache first: catalogues repeat requirement lines. A posting that lists
    none (most real exports) is read whole, title, requirements and description, which is
    where its skills are; the same text seen again is cached too."""

    def __init__(self) -> None:
        self._lines: dict[str, tuple[str, ...]] = {}
        self._texts: dict[str, tuple[str, ...]] = {}
        try:
            from mock_interview.domain.skills import extract_skills
        except ImportError:  # the taxonomy ships with the resume parser
            extract_skills = None
        self._extract = extract_skills

    def _names(self, text: str, cache: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
        key = " ".join(text.split()).lower()
        found = cache.get(key)
        if found is None:
            found = tuple(dict.fromkeys(m.name for m in self._extract(text)))
            if len(cache) < LINE_CACHE_SIZE:
                cache[key] = found
        return found

    def fill(self, record: Any) -> None:
        if self._extract is None:
            return
        names: list[str] = []
        if record.skills_required:
            for line in record.requirements:
                names.extend(self._names(line, self._lines))
        else:
            text = "\n".join([record.title, *record.requirements,
                              record.description[:SKILLS_FROM_DESCRIPTION_CHARS]])
            names.extend(self._names(text, self._texts))
        if not names:
            return
        have = {name.casefold() for name in record.skills_required}
        for name in names:
            if name.casefold() not in have:
                have.add(name.casefold())
                record.skills_required.append(name)


# -- the packaged sample catalogue ----------------------------------------------------------------

def packaged_catalogue_path() -> Path:
    """sample_jobs.json inside the wheel; in a source checkout, the copy at the repository root."""
    packaged = resources.files("mock_interview").joinpath("data/sample_jobs.json")
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "sample_jobs.json"
    if checkout.is_file():
        return checkout
    raise ConfigError("the packaged job catalogue is missing", hint="reinstall mock-interview")


@functools.lru_cache(maxsize=2)
def _read_catalogue(path: str, _mtime_ns: int, _size: int) -> dict[str, Any]:
    """The packaged catalogue, parsed once per process (and again if the file changes)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def ensure_catalogue(ctx: AppContext) -> bool:
    """Load the packaged catalogue on first use or when its version changes. True if loaded."""
    import sqlalchemy as sa

    from mock_interview.store import jobs as job_store
    from mock_interview.store import meta
    from mock_interview.store.models import Meta

    if ctx.catalogue_checked:  # once per context: every search and interview asks
        return False
    path = packaged_catalogue_path()
    info = path.stat()
    document = _read_catalogue(str(path), info.st_mtime_ns, info.st_size)
    version = str(document.get("catalogue_version", ""))
    database = ctx.database()
    with database.session() as session:
        current = session.get(Meta, CATALOGUE_META_KEY)
        if current is not None and current.value == version:
            ctx.catalogue_checked = True
            return False
    canonical, _ = _skill_functions()
    records = []
    for index, row in enumerate(document.get("jobs", []), start=1):
        record, errors = validate_job(row, canonical)
        if errors:  # our own data: a test keeps it valid
            raise ConfigError(f"packaged catalogue row {index}: {errors[0].field} {errors[0].reason}")
        records.append(record)
    with database.session() as session:
        if database.backend == "postgresql":
            session.execute(sa.text("SELECT pg_advisory_xact_lock(7366)"))
        current = session.get(Meta, CATALOGUE_META_KEY)
        if current is not None and current.value == version:
            ctx.catalogue_checked = True
            return False  # another process loaded it while we waited
        job_store.upsert_jobs(session, records, SAMPLE_SOURCE)
        job_store.delete_missing_from_source(session, SAMPLE_SOURCE, {r.slug for r in records})
        meta.put(session, CATALOGUE_META_KEY, version)
    ctx.catalogue_checked = True
    refresh_term_stats(ctx, force=False)
    return True


# -- import -----------------------------------------------------------------------------------------

@dataclass
class RowProblem:
    line: int
    field: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "reason": self.reason}


@dataclass
class ImportReport:
    path: str
    format: str
    rows: int = 0
    valid: int = 0
    inserted: int = 0
    updated: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    invalid_rows: int = 0
    imported: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path, "format": self.format, "rows": self.rows, "valid": self.valid,
            "invalid": self.invalid_rows, "inserted": self.inserted, "updated": self.updated,
            "imported": self.imported,
            "problems": [p.to_json() for p in self.problems[:MAX_REPORTED_ERRORS]],
            "problems_not_shown": max(0, len(self.problems) - MAX_REPORTED_ERRORS),
        }


PROGRESS_EVERY = 500  # rows between progress reports


def import_catalogue(ctx: AppContext, path: Path, *, skip_invalid: bool = False,
                     progress: Callable[[int, int, int], None] | None = None) -> ImportReport:
    """Validate every row and import in one transaction: all rows, or with --skip-invalid the
    valid ones. One streaming pass (memory stays flat): rows are written as they are
    validated, and the first bad row stops the writing, while the rest are still checked for
    the report, and the transaction rolls back. Validating the file once and reading it once
    more to write cost a fifth of a 100k-posting load. ``progress(rows, bytes read, file
    bytes)`` is called every PROGRESS_EVERY rows and once at the end."""
    from mock_interview.io.catalogue import open_catalogue
    from mock_interview.store import jobs as job_store

    # A catalogue names the same few hundred skills over and over.
    canonical = functools.lru_cache(maxsize=1 << 16)(_skill_functions()[0])
    skills = SkillsFromText()
    kind, rows = open_catalogue(path)
    report = ImportReport(path=str(path), format=kind)

    def checked_records():
        for raw in rows:
            report.rows += 1
            if progress is not None and report.rows % PROGRESS_EVERY == 0:
                progress(report.rows, rows.bytes_read(), rows.total_bytes)
            record, problems = _checked(raw, canonical, skills)
            if problems:
                report.invalid_rows += 1
                report.problems.extend(problems)
            else:
                report.valid += 1
                if skip_invalid or not report.invalid_rows:
                    yield record

    ctx.database()
    ensure_catalogue(ctx)
    with ctx.database().session() as session:
        inserted, updated = job_store.upsert_jobs(session, checked_records(), f"import:{path.name}")
        if report.rows == 0:
            raise UsageError(f"{path} has no postings")
        if progress is not None:
            progress(report.rows, rows.total_bytes, rows.total_bytes)
        if report.invalid_rows and not skip_invalid:
            session.rollback()  # all-or-nothing: nothing written
            return report
    report.inserted, report.updated = inserted, updated
    if report.valid == 0:
        return report
    if inserted + updated >= 1000:
        with ctx.database().session() as session:
            job_store.refresh_statistics(session)
    refresh_term_stats(ctx, force=False)
    report.imported = True
    return report


def _checked(raw: Any, canonical: Callable[[str], str | None],
             skills: SkillsFromText) -> tuple[Any, list[RowProblem]]:
    """A catalogue row as a record, or its problems."""
    if raw.error is not None:
        return None, [RowProblem(raw.line, "(row)", raw.error)]
    record, errors = record_for_row(raw.data, canonical, skills)
    return record, [RowProblem(raw.line, e.field, e.reason) for e in errors]


# -- a posting from pasted text -------------------------------------------------------------------

USER_SOURCE = "user"  # postings people add themselves (jobs add, interview --job-file)


@dataclass
class AddedJob:
    """A job description read (and stored unless it was a dry run)."""

    parsed: Any  # domain.job_text.ParsedJob
    job: Any | None = None  # the stored posting
    created: bool = False  # False: the same text was added before and was updated

    def to_json(self) -> dict[str, Any]:
        return {"read": self.parsed.to_json(), "stored": self.job is not None,
                "created": self.created,
                "job": JobView(self.job).to_json(full=True) if self.job is not None else None}


def job_description_text(data: bytes, name: str) -> str:
    """The text of a job description file (TXT, PDF or DOCX, told by content), refusing
    empty, binary, oversized and non-UTF-8 files as a resume upload does."""
    from mock_interview.io.readers import read_document

    return read_document(data, name).text


def job_description_file(path: str) -> str:
    from mock_interview.io.readers import read_file_bytes

    return job_description_text(read_file_bytes(path), path)


def add_from_text(ctx: AppContext, text: str, *, title: str | None = None,
                  company: str | None = None, store: bool = True) -> AddedJob:
    """Read a job description as copied from a posting and store it in the catalogue (source
    "user"). The same text added again updates the posting it made."""
    from mock_interview.domain.job_text import NoJobTitle, NotAJobDescription, parse_job_text

    try:
        parsed = parse_job_text(text, title=title, company=company)
    except NotAJobDescription as exc:
        hint = ("give it with --title" if isinstance(exc, NoJobTitle)
                else "paste the whole posting: title, company, requirements and duties")
        raise UsageError(str(exc), hint=hint) from None
    added = AddedJob(parsed)
    canonical, _ = _skill_functions()
    record, errors = validate_job(parsed.to_row(), canonical)
    if errors:  # the reader's own output: a field out of range, such as a 300-character title
        raise UsageError(f"the job description's {errors[0].field} {errors[0].reason}")
    if not store:
        return added
    from mock_interview.store import jobs as job_store

    ensure_catalogue(ctx)
    with ctx.database().session() as session:
        inserted, _ = job_store.upsert_jobs(session, [record], USER_SOURCE)
    added.created = inserted == 1
    added.job = resolve_job(ctx, record.slug)
    return added


# -- search, show, delete -------------------------------------------------------------------------

@dataclass
class JobView:
    """A posting as the CLI shows it, with its match when there is a resume."""

    job: Any
    match: MatchResult | None = None
    text_rank: float = 0.0
    resume_name: str | None = None  # the resume matched against (jobs show)
    resume_id: str | None = None

    def to_json(self, *, full: bool = False) -> dict[str, Any]:
        job = self.job
        data: dict[str, Any] = {
            "id": str(job.id), "slug": job.slug, "title": job.title, "company": job.company,
            "location": job.location, "country": job.country, "job_type": job.job_type,
            "salary_min": job.salary_min, "salary_max": job.salary_max,
            "currency": job.currency, "salary_period": job.salary_period,
            "remote": job.remote == "remote", "workplace": job.remote,
            "experience_level": job.experience_level,
            "posted_at": job.posted_at.date().isoformat() if job.posted_at else None,
            "match": None,
        }
        if self.match is not None:
            data["match"] = (
                self.match.to_json()
                if full
                else {"score": self.match.score, "matched_skills": self.match.matched_skills,
                      "missing_skills": self.match.missing_skills}
            )
        if full:
            data["matched_against"], data["resume_id"] = self.resume_name, self.resume_id
            data.update({
                "description": job.description, "requirements": job.requirements or [],
                "skills_required": job.skills_required or [],
                "years_experience_min": job.years_experience_min, "source": job.source,
            })
        return data


@dataclass
class SearchResult:
    total: int
    jobs: list[JobView]
    matched_against: str | None = None  # the resume used for ranking, if any (its file name)
    total_exact: bool = True  # False: at least ``total`` postings match (counting stops there)
    resume_id: str | None = None
    # "fit": in match order; "words and fit": the query's relevance and the match blended;
    # "words": relevance to the query; "newest": newest first.
    ranked_by: str = "newest"

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "total_exact": self.total_exact,
                "matched_against": self.matched_against, "resume_id": self.resume_id,
                "ranked_by": self.ranked_by,
                "jobs": [view.to_json() for view in self.jobs]}


MATCH_FIELDS = ("title", "skills_required", "experience_level", "years_experience_min", "remote",
                "location", "country", "requirements", "description")


def _job_fields(job: Any) -> dict[str, Any]:
    return {
        "title": job.title, "skills_required": job.skills_required, "experience_level":
        job.experience_level, "years_experience_min": job.years_experience_min,
        "remote": job.remote, "location": job.location, "country": job.country,
        "requirements": job.requirements, "description": job.description,
    }


# -- term statistics for text relevance (domain/matching.py) ------------------------------------

TERM_STATS_KEY = "match_term_stats"
TERM_STATS_SAMPLE = 2000  # postings read to estimate document frequencies
_term_stats_cache: dict[str, Any] = {}


def refresh_term_stats(ctx: AppContext, *, force: bool = True) -> Any:
    """Count the document frequency of every term over (a sample of) the catalogue and keep it
    in the database: text relevance weighs a word by how rare it is in postings. A sample of
    2,000 postings (in id order, which is random) estimates it for any catalogue size."""
    import sqlalchemy as sa

    from mock_interview.domain.matching import TermStats, posting_text, terms
    from mock_interview.store import meta
    from mock_interview.store.models import Job, Meta

    database = ctx.database()
    with database.session() as session:
        total = session.execute(sa.select(sa.func.count()).select_from(Job)).scalar_one()
        current = session.get(Meta, TERM_STATS_KEY)
        if current is not None and not force and total > TERM_STATS_SAMPLE:
            stored = json.loads(current.value or "{}")
            if abs(stored.get("catalogue", 0) - total) <= 0.1 * total:
                return None  # a large catalogue that changed by a tenth or less
        rows = session.execute(
            sa.select(Job.title, Job.requirements, Job.skills_required,
                      sa.func.substr(Job.description, 1, 3000))
            .order_by(Job.id).limit(TERM_STATS_SAMPLE)).all()
        df: dict[str, int] = {}
        for title, requirements, skills, description in rows:
            for term in terms(posting_text({"title": title, "requirements": requirements,
                                            "skills_required": skills, "description": description})):
                df[term] = df.get(term, 0) + 1
        value = json.dumps({"documents": len(rows), "catalogue": total,
                            "df": {t: n for t, n in df.items() if n > 1}}, separators=(",", ":"))
        meta.put(session, TERM_STATS_KEY, value)  # another process may be writing it too
    _term_stats_cache.clear()
    return TermStats(len(rows), df)


def term_stats(ctx: AppContext) -> Any:
    """The catalogue's term statistics (built on first use if missing), cached per process."""
    from mock_interview.domain.matching import TermStats
    from mock_interview.store.models import Meta

    with ctx.database().session() as session:
        row = session.get(Meta, TERM_STATS_KEY)
        if row is None:
            stamp, value = None, None
        else:
            stamp, value = (ctx.database().display_url, row.updated_at.isoformat()), row.value
    if value is None:
        return refresh_term_stats(ctx)
    cached = _term_stats_cache.get("stats")
    if cached is not None and cached[0] == stamp:
        return cached[1]
    data = json.loads(value)
    stats = TermStats(data.get("documents", 0), data.get("df", {}))
    _term_stats_cache["stats"] = (stamp, stats)
    return stats


def latest_resume(ctx: AppContext) -> Any | None:
    """The active profile's most recent resume, or None (no profile or no upload yet)."""
    from sqlmodel import select

    from mock_interview.services import profiles
    from mock_interview.store.models import Resume, User

    email = profiles.active_email(ctx)
    if email is None:
        return None
    with ctx.database().session() as session:
        return session.exec(
            select(Resume).join(User, User.id == Resume.user_id)
            .where(User.email == email).order_by(Resume.created_at.desc()).limit(1)
        ).first()


def find_resume(ctx: AppContext, key: str | None) -> Any | None:
    """The resume ``key`` (an id or id prefix of the active profile's), or the latest one."""
    if key is None:
        return latest_resume(ctx)
    from mock_interview.services import resumes

    return resumes.find_resume(ctx, key)


def heading(title: str, company: str, resume_name: str | None, score: int | None) -> str:
    """One line naming the job, the resume and the match: what every match is shown under."""
    parts = [f"{title} at {company}"]
    if resume_name:
        parts.append(f"resume {resume_name}")
    if score is not None:
        parts.append(f"match {score}")
    return " · ".join(parts)


def candidate_for(resume: Any) -> CandidateProfile:
    return CandidateProfile.from_resume(
        resume.skills, resume.experience, resume.total_years_experience, resume.contact,
        getattr(resume, "extracted_text", None),
    )


def _resume_titles(candidate: CandidateProfile) -> list[list[str]]:
    """The words that name the role in the person's two most recent titles, as written."""
    return [[w for w in query_terms(title) if w not in ROLE_FILLER_WORDS]
            for title in candidate.titles[:2]]


def search(
    ctx: AppContext,
    text: str | None = None,
    *,
    match: bool | None = None,
    resume: str | None = None,
    **filters: Any,
) -> SearchResult:
    """Full-text search with filters; ranked by fit with the resume ``resume`` (an id), or the
    latest one, when there is one (``match=None``), always (``True``, an error without a
    resume) or never (``False``)."""
    canonical, related = _skill_functions()
    params: JobSearch = build_search(text, canonical_skill=canonical, **filters)
    if resume is not None and match is False:
        raise UsageError("--resume and --no-match contradict each other")
    ensure_catalogue(ctx)
    resume = find_resume(ctx, resume) if match is not False else None
    if match is True and resume is None:
        raise ConfigError("no resume to match against",
                          hint="upload one first: mock-interview upload cv.pdf")
    from mock_interview.store import jobs as job_store

    stats = term_stats(ctx) if resume is not None else None  # (may write: before the search)
    with ctx.database().session() as session:
        if resume is None:
            page = job_store.search_jobs(session, params)
            return SearchResult(page.total, [JobView(h.job, None, h.text_rank) for h in page.hits],
                                total_exact=page.total_exact,
                                ranked_by="words" if params.terms else "newest")
        candidate = candidate_for(resume)
        if params.terms:  # the person's words decide what is relevant, the resume the order
            page = job_store.search_jobs(session, params, limit=RETRIEVE_FOR_RERANK,
                                         fields=MATCH_FIELDS, rank_at_most=RANK_FOR_RERANK)
        else:
            page = job_store.search_for_resume(session, params, sorted(candidate.skills),
                                               _resume_titles(candidate), RETRIEVE_FOR_RERANK,
                                               fields=MATCH_FIELDS)
            if len(page.hits) < params.limit:  # the resume's words found too little: add newest
                newest = job_store.search_jobs(session, params, terms=[], limit=RETRIEVE_FOR_RERANK,
                                               count=False, fields=MATCH_FIELDS)
                seen = {h.job.id for h in page.hits}
                page.hits.extend(h for h in newest.hits if h.job.id not in seen)
            counted = job_store.search_jobs(session, params, terms=[], limit=0)
            page.total, page.total_exact = counted.total, counted.total_exact
        matches = match_jobs(candidate, (_job_fields(h.job) for h in page.hits), related, stats)
        ranked = [(hit, found) for hit, found in zip(page.hits, matches, strict=True)]
        if params.terms:
            # The person's words say what they want; fit orders within that. Relevance is
            # scaled to the best hit so both sit on 0-100.
            best = max((hit.text_rank for hit in page.hits), default=0.0) or 1.0
            ranked.sort(key=lambda pair: -(QUERY_WEIGHT * 100 * pair[0].text_rank / best
                                           + (1 - QUERY_WEIGHT) * pair[1].score))
        else:
            ranked.sort(key=lambda pair: (-pair[1].score, -pair[0].text_rank))
        ranked = ranked[: params.limit]
        # Only the shown page is loaded whole (descriptions and all).
        whole = job_store.jobs_by_id(session, [hit.job.id for hit, _ in ranked])
    views = [JobView(whole[hit.job.id], found, hit.text_rank) for hit, found in ranked]
    return SearchResult(page.total, views, matched_against=resume.filename,
                        total_exact=page.total_exact, resume_id=resume.id.hex,
                        ranked_by="words and fit" if params.terms else "fit")


def resolve_job(ctx: AppContext, key: str) -> Any:
    from mock_interview.store import jobs as job_store

    ensure_catalogue(ctx)
    with ctx.database().session() as session:
        found = job_store.find_job(session, key)
    if not found:
        raise NotFoundError(f"no job with id {key!r}",
                            hint="find ids with: mock-interview search-jobs --json")
    if len(found) > 1:
        raise UsageError(f"{key!r} matches {len(found)} jobs; give more of the id")
    return found[0]


def show(ctx: AppContext, key: str, resume: str | None = None) -> JobView:
    """One posting, matched against the resume ``resume`` (an id) or the latest one."""
    job = resolve_job(ctx, key)
    found = find_resume(ctx, resume)
    if found is None:
        return JobView(job)
    _, related = _skill_functions()
    return JobView(job, match_job(candidate_for(found), _job_fields(job), related, term_stats(ctx)),
                   resume_name=found.filename, resume_id=found.id.hex)


def delete(ctx: AppContext, keys: list[str]) -> list[Any]:
    from mock_interview.store import jobs as job_store

    jobs = [resolve_job(ctx, key) for key in keys]
    with ctx.database().session() as session:
        job_store.delete_jobs(session, [job.id for job in jobs])
    return jobs

