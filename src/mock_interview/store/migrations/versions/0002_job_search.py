"""job search: annualised salaries and full-text indexes kept in sync by the database

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Field weights live in the queries (bm25 / ts_rank); the index keeps the fields apart.
SQLITE_FTS = """
CREATE VIRTUAL TABLE jobs_fts USING fts5(
    title, skills, requirements, description,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
)
"""
SQLITE_FTS_VALUES = """
    VALUES (
        (SELECT search_rowid FROM jobs WHERE id = new.id), new.title,
        (SELECT group_concat(value, ' ') FROM json_each(new.skills_required)),
        (SELECT group_concat(value, ' ') FROM json_each(new.requirements)),
        new.description
    )
"""
SQLITE_TRIGGERS = [
    # mock-interview's own bulk insert assigns search_rowid and indexes its rows in one batch
    # (an FTS insert run from a trigger costs three times as much); any other writer leaves
    # search_rowid empty and is indexed here.
    f"""
    CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs WHEN new.search_rowid IS NULL BEGIN
        UPDATE jobs SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM jobs)
        WHERE id = new.id;
        INSERT INTO jobs_fts (rowid, title, skills, requirements, description) {SQLITE_FTS_VALUES};
    END
    """,
    """
    CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
        DELETE FROM jobs_fts WHERE rowid = old.search_rowid;
    END
    """,
    f"""
    CREATE TRIGGER jobs_fts_update
    AFTER UPDATE OF title, skills_required, requirements, description ON jobs BEGIN
        DELETE FROM jobs_fts WHERE rowid = old.search_rowid;
        INSERT INTO jobs_fts (rowid, title, skills, requirements, description) {SQLITE_FTS_VALUES};
    END
    """,
]
# Postgres: the weighted vector lives in a narrow side table, not in jobs: with common words
# most rows match and Postgres reads every matching vector, and scanning 1 KB rows instead of
# whole postings made ranking 3.5x and counting 4.6x faster at 100k (docs/architecture.md).
POSTGRES_VECTOR_EXPRESSION = """
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(jsonb_to_tsvector('english', coalesce(NEW.skills_required, '[]'::jsonb), '["string"]'), 'B') ||
    setweight(jsonb_to_tsvector('english', coalesce(NEW.requirements, '[]'::jsonb), '["string"]'), 'C') ||
    setweight(to_tsvector('english', coalesce(NEW.description, '')), 'D')
"""
POSTGRES_STATEMENTS = [
    """
    CREATE TABLE job_search (
        job_id uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        search_vector tsvector NOT NULL
    )
    """,
    "CREATE INDEX ix_job_search_vector ON job_search USING gin (search_vector)",
    f"""
    CREATE FUNCTION job_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO job_search (job_id, search_vector) VALUES (NEW.id, {POSTGRES_VECTOR_EXPRESSION})
        ON CONFLICT (job_id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER job_search_sync
    AFTER INSERT OR UPDATE OF title, skills_required, requirements, description ON jobs
    FOR EACH ROW EXECUTE FUNCTION job_search_sync()
    """,
    # Index whatever rows already exist (the trigger fires on this no-op update).
    "UPDATE jobs SET title = title",
    "CREATE INDEX ix_jobs_skills_required ON jobs USING gin (skills_required jsonb_path_ops)",
]


def upgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("salary_usd_min", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("salary_usd_max", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("search_rowid", sa.Integer(), nullable=True))
        batch_op.create_index("ix_jobs_salary_usd_max", ["salary_usd_max"], unique=False)
        batch_op.create_index("ix_jobs_posted_at", ["posted_at"], unique=False)
        batch_op.create_unique_constraint("uq_jobs_search_rowid", ["search_rowid"])
    if op.get_context().dialect.name == "sqlite":
        op.execute(SQLITE_FTS)
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
        # Filters checked per full-text match read this index instead of the wide rows.
        op.execute(
            "CREATE INDEX ix_jobs_search_filters ON jobs "
            "(search_rowid, remote, experience_level, job_type, salary_usd_max, salary_usd_min)"
        )
        # Index whatever rows already exist.
        op.execute("UPDATE jobs SET search_rowid = rowid")
        op.execute(
            "INSERT INTO jobs_fts (rowid, title, skills, requirements, description) "
            "SELECT search_rowid, title, "
            "(SELECT group_concat(value, ' ') FROM json_each(jobs.skills_required)), "
            "(SELECT group_concat(value, ' ') FROM json_each(jobs.requirements)), description "
            "FROM jobs"
        )
    else:
        for statement in POSTGRES_STATEMENTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_jobs_search_filters")
        for name in ("jobs_fts_insert", "jobs_fts_delete", "jobs_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS jobs_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_jobs_skills_required")
        op.execute("DROP TRIGGER IF EXISTS job_search_sync ON jobs")
        op.execute("DROP FUNCTION IF EXISTS job_search_sync()")
        op.execute("DROP TABLE IF EXISTS job_search")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_constraint("uq_jobs_search_rowid", type_="unique")
        batch_op.drop_index("ix_jobs_posted_at")
        batch_op.drop_index("ix_jobs_salary_usd_max")
        batch_op.drop_column("search_rowid")
        batch_op.drop_column("salary_usd_max")
        batch_op.drop_column("salary_usd_min")
