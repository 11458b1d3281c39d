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
    """Apply pending migrations; an existing SQLite file is backed up first (path on stderr)."""
    from mock_interview.store.database import Database, say_backup

    database = Database(ctx.database_url(), on_backup=say_backup)
    try:
        applied = database.ensure_schema()
        schema = database.schema_status()
    finally:
        database.dispose()
    return {
        "url": database.display_url,
        "applied": applied,
        "current_revision": schema.current,
        "backup": str(database.last_backup) if database.last_backup else None,
    }


def backup(ctx: AppContext, target: str | None) -> dict[str, Any]:
    """A consistent copy of the SQLite database (Postgres: pg_dump is the tool)."""
    from pathlib import Path

    from mock_interview.store import backups
    from mock_interview.store.database import normalise_url

    url = normalise_url(ctx.database_url())
    path = backups.backup(url, Path(target).expanduser() if target else None)
    return {"url": display(url), "backup": str(path)}


def restore(ctx: AppContext, source: str) -> dict[str, Any]:
    """Replace the SQLite database with a backup, keeping the current contents as a backup too."""
    from pathlib import Path

    from mock_interview.store import backups
    from mock_interview.store.database import normalise_url
    from mock_interview.store.migrations import REVISIONS

    ctx.close()
    url = normalise_url(ctx.database_url())
    revision, kept = backups.restore(url, Path(source).expanduser(), REVISIONS)
    return {
        "url": display(url),
        "restored": str(Path(source).expanduser().resolve()),
        "revision": revision,
        "previous_contents": str(kept) if kept else None,
    }


def display(url: Any) -> str:
    from mock_interview.store.database import display_url

    return display_url(url)
