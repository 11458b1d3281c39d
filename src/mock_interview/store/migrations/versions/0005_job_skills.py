"""job skills (Postgres): one (skill, posting) pair per row under a B-tree, for skill filters and
resume retrieval; the filter indexes Postgres no longer reads are dropped

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Finding the postings that require a skill through the GIN index on job_headlines.skills still
visits a heap row per posting, and resume retrieval asks for a dozen skills at once: at 100k
postings the planner scanned the whole headlines table once per skill (164 ms), at 1M it took
1.5 s. Under the primary key (skill, job_id) the same question is an index-only scan of one
key range, once the table's visibility map is set (imports vacuum it; autovacuum does too).
There is no foreign key: a cascade would need a second index on job_id, which every insert
would pay for; a statement-level delete trigger removes a posting's pairs by primary key.

Skills are stored lower-cased, so a filter matches "SQL", "sql" or "Sql" alike.

The single-column indexes 0001/0002 made on jobs (title, company, workplace, level, type and
salary) serve SQLite's filters; on Postgres the filters read job_headlines, so they only
slowed loads there.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FACETS = ("remote", "experience_level", "job_type", "salary_usd_min", "salary_usd_max")
FILTER_INDEXES = {
    "ix_jobs_company": "company", "ix_jobs_experience_level": "experience_level",
    "ix_jobs_job_type": "job_type", "ix_jobs_remote": "remote", "ix_jobs_salary_min": "salary_min",
    "ix_jobs_title": "title", "ix_jobs_salary_usd_max": "salary_usd_max",
}


def _vector(row: str) -> str:
    return f"""
    setweight(to_tsvector('english', coalesce({row}.title, '')), 'A') ||
    setweight(jsonb_to_tsvector('english', coalesce({row}.skills_required, '[]'::jsonb), '["string"]'), 'B') ||
    setweight(jsonb_to_tsvector('english', coalesce({row}.requirements, '[]'::jsonb), '["string"]'), 'C') ||
    setweight(to_tsvector('english', coalesce({row}.description, '')), 'D')
    """


def _headline(row: str) -> str:
    return f"""
    setweight(to_tsvector('english', coalesce({row}.title, '')), 'A') ||
    setweight(jsonb_to_tsvector('english', coalesce({row}.skills_required, '[]'::jsonb), '["string"]'), 'B')
    """


def _skill_pairs(row: str, source: str = "") -> str:
    """(skill, job id) for each skill of ``row`` (each row of ``source``, or a trigger's row)."""
    source = f"{source}, " if source else ""
    return (f"SELECT DISTINCT lower(s), {row}.id FROM {source}"
            f"jsonb_array_elements_text(coalesce({row}.skills_required, '[]'::jsonb)) AS s")


def _sync(row: str, source: str = "", *, skills_table: bool = True) -> str:
    """Index ``row`` (each row of ``source``, or the trigger's NEW) in the search side tables:
    as 0005 does (skills in job_skills), or as 0004 did (skills as JSON in job_headlines)."""
    from_source = f"FROM {source}" if source else ""
    facets = ", ".join(f"{row}.{c}" for c in FACETS)
    columns, values, updates = FACETS, facets, "headline = EXCLUDED.headline"
    if not skills_table:
        columns = ("skills", *FACETS)
        values = f"coalesce({row}.skills_required, '[]'::jsonb), {facets}"
        updates += ", skills = EXCLUDED.skills"
    skills = (f"INSERT INTO job_skills (skill, job_id) {_skill_pairs(row, source)} ON CONFLICT DO NOTHING;"
              if skills_table else "")
    return f"""
        INSERT INTO job_search (job_id, search_vector) SELECT {row}.id, {_vector(row)} {from_source}
        ON CONFLICT (job_id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
        INSERT INTO job_headlines (job_id, headline, {", ".join(columns)})
        SELECT {row}.id, {_headline(row)}, {values} {from_source}
        ON CONFLICT (job_id) DO UPDATE SET {", ".join(f"{c} = EXCLUDED.{c}" for c in FACETS)},
            {updates};
        {skills}
    """


def _sync_functions(*, skills_table: bool) -> list[str]:
    """The insert (per statement) and update (per row) trigger functions; with the skills
    table, an update first removes the posting's old skills by primary key."""
    forget_old_skills = (f"DELETE FROM job_skills WHERE (skill, job_id) IN ({_skill_pairs('OLD')});"
                         if skills_table else "")
    bodies = {"job_search_insert": _sync("n", "inserted_jobs AS n", skills_table=skills_table),
              "job_search_update": forget_old_skills + _sync("NEW", skills_table=skills_table)}
    return [f"""
    CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {body}
        RETURN NULL;
    END
    $$
    """ for name, body in bodies.items()]


POSTGRES_UPGRADE = [
    "CREATE TABLE job_skills (skill text NOT NULL, job_id uuid NOT NULL, PRIMARY KEY (skill, job_id))",
    f"INSERT INTO job_skills (skill, job_id) {_skill_pairs('j', 'jobs AS j')}",
    *_sync_functions(skills_table=True),
    f"""
    CREATE FUNCTION job_skills_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM job_skills WHERE (skill, job_id) IN ({_skill_pairs("o", "deleted_jobs AS o")});
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER job_skills_delete AFTER DELETE ON jobs
    REFERENCING OLD TABLE AS deleted_jobs FOR EACH STATEMENT EXECUTE FUNCTION job_skills_delete()
    """,
    "DROP INDEX ix_job_headlines_skills",
    "ALTER TABLE job_headlines DROP COLUMN skills",
    *(f"DROP INDEX {name}" for name in FILTER_INDEXES),
]

POSTGRES_DOWNGRADE = [
    *(f"CREATE INDEX {name} ON jobs ({column})" for name, column in FILTER_INDEXES.items()),
    "ALTER TABLE job_headlines ADD COLUMN skills jsonb NOT NULL DEFAULT '[]'::jsonb",
    "ALTER TABLE job_headlines ALTER COLUMN skills DROP DEFAULT",
    "UPDATE job_headlines AS h SET skills = coalesce(j.skills_required, '[]'::jsonb) "
    "FROM jobs AS j WHERE j.id = h.job_id",
    "CREATE INDEX ix_job_headlines_skills ON job_headlines USING gin (skills jsonb_path_ops)",
    "DROP TRIGGER job_skills_delete ON jobs",
    "DROP FUNCTION job_skills_delete()",
    *_sync_functions(skills_table=False),  # 0004's, as 0004 wrote them
    "DROP TABLE job_skills",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_DOWNGRADE:
            op.execute(statement)
