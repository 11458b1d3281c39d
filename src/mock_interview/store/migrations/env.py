"""Alembic environment: runs on a connection handed over by mock_interview.store.database."""

from alembic import context
from sqlmodel import SQLModel

import mock_interview.store.models  # noqa: F401  (registers the tables)
from mock_interview.store.migrations.env_hooks import include_name

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running the alembic CLI by hand
    raise RuntimeError("run migrations through `mock-interview db upgrade`")

if connection.dialect.name == "sqlite" and connection.exec_driver_sql("PRAGMA foreign_keys").scalar():
    # Batch mode rebuilds tables: with foreign keys on, dropping the old copy would run
    # ON DELETE (SET NULL, CASCADE) on every row linked to it.
    raise RuntimeError("SQLite migrations run with foreign keys off: use Database.upgrade")

context.configure(
    connection=connection,
    include_name=include_name,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
