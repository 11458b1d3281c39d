"""Database administration: status and explicit upgrades."""

from __future__ import annotations

from typing import Any

from mock_interview.services.context import AppContext


def status(ctx: AppContext) -> dict[str, Any]:
    """Where the database is, its schema revision against the code's, and row counts."""
    from mock_interview.store.database import Database

    database = Database(ctx.database_url())
    try:
        schema = database.schema_status()
        counts = database.table_counts() if schema.current else {}
    finally:
        database.dispose()
    return {
        "url": database.display_url,
        "backend": database.backend,
        "current_revision": schema.current,
        "head_revision": schema.head,
        "pending": schema.pending,
        "up_to_date": schema.up_to_date,
        "newer_than_code": schema.newer_than_code,
        "tables": counts,
    }


def upgrade(ctx: AppContext) -> dict[str, Any]:
    from mock_interview.store.database import Database

    database = Database(ctx.database_url())
    try:
        applied = database.ensure_schema()
        schema = database.schema_status()
    finally:
        database.dispose()
    return {"url": database.display_url, "applied": applied, "current_revision": schema.current}
