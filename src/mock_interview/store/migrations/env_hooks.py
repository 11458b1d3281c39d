"""Hooks shared by the Alembic environment and the schema-drift test."""

# Search structures are created by hand in migrations (FTS5 tables and triggers on SQLite,
# a generated tsvector column and GIN indexes on Postgres); autogenerate must not drop them.
# ix_jobs_posted_at is descending with nulls last on Postgres, which autogenerate misreads.
SEARCH_OBJECTS = (
    "jobs_fts", "job_search", "ix_job_search_vector", "ix_jobs_skills_required",
    "ix_jobs_search_filters", "job_headlines", "ix_job_headlines",
    "ix_jobs_posted_at",
)


def include_name(name, type_, parent_names):  # noqa: ANN001, ARG001 - Alembic's hook signature
    return not (name or "").startswith(SEARCH_OBJECTS)
