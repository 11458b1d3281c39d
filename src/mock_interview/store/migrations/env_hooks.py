"""Hooks shared by the Alembic environment and the schema-drift test."""

# Search structures are created by hand in migrations (FTS5 tables and triggers on SQLite,
# side tables, triggers and GIN indexes on Postgres); autogenerate must not drop them.
# ix_jobs_posted_at is descending with nulls last on Postgres, which autogenerate misreads.
SEARCH_OBJECTS = (
    "jobs_fts", "job_search", "ix_job_search_vector", "ix_jobs_skills_required",
    "ix_jobs_search_filters", "job_headlines", "ix_job_headlines", "job_skills",
    "ix_jobs_posted_at",
)
# Single-column filter indexes on jobs: SQLite's filters read them; Postgres filters read
# job_headlines, and migration 0005 drops them there.
FILTER_INDEXES = (
    "ix_jobs_company", "ix_jobs_experience_level", "ix_jobs_job_type", "ix_jobs_remote",
    "ix_jobs_salary_min", "ix_jobs_title", "ix_jobs_salary_usd_max",
)


def include_name(name, type_, parent_names):  # noqa: ANN001, ARG001 - Alembic's hook signature
    name = name or ""
    return not (name.startswith(SEARCH_OBJECTS) or name in FILTER_INDEXES)
