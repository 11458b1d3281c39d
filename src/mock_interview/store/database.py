"""Engine and session setup, schema migrations, and database errors in plain words.

SQLite (default): WAL, foreign keys on, a busy timeout, and ``BEGIN IMMEDIATE`` for every
transaction so concurrent writers queue instead of failing with "database is locked".
Postgres: any SQLAlchemy URL; ``postgresql://`` is taken to mean psycopg 3.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.url import URL
from sqlmodel import Session

from mock_interview.config import ensure_private_dir
from mock_interview.errors import ConfigError, MockInterviewError
from mock_interview.io.files import PRIVATE_FILE_MODE
from mock_interview.store.backups import backup_before_upgrade
from mock_interview.store.migrations import HEAD, MIGRATIONS_DIR, REVISIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
# SQLite waits for a lock inside C, where Ctrl-C cannot reach it; so it waits in short slices
# and Python loops over them until the overall deadline.
SQLITE_BUSY_SLICE_MS = 200
SQLITE_LOCK_WAIT_SECONDS = 60.0
POSTGRES_MIGRATION_LOCK = 0x6D6F636B  # "mock": one advisory lock id for schema changes
HINT_URL = "check --db or MOCK_INTERVIEW_DATABASE_URL (see `mock-interview paths`)"


def normalise_url(raw: str) -> URL:
    """Parse a database URL, defaulting Postgres to the psycopg 3 driver we ship."""
    try:
        url = make_url(raw)
    except sa.exc.ArgumentError as exc:
        raise ConfigError(f"not a database URL: {raw!r}", hint=HINT_URL) from exc
    if url.drivername in {"postgres", "postgresql"}:
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in {"sqlite", "postgresql"}:
        raise ConfigError(
            f"unsupported database {url.get_backend_name()!r} in {display_url(url)}",
            hint="use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB",
        )
    return url


def display_url(url: URL | str) -> str:
    if isinstance(url, str):
        try:
            url = make_url(url)
        except sa.exc.ArgumentError:
            return url
    return url.render_as_string(hide_password=True)


def _check_sqlite_file(url: URL, create_parent: bool) -> None:
    """Refuse a path that is not a SQLite database before SQLite gets a chance to touch it."""
    database = url.database or ""
    if database in {"", ":memory:"} or database.startswith("file:"):
        return
    path = Path(database)
    if path.is_dir():
        raise ConfigError(f"the database path {path} is a directory, not a SQLite file", HINT_URL)
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_MAGIC))
        except PermissionError as exc:
            raise MockInterviewError(f"cannot read the database {path}: permission denied") from exc
        if header and header != SQLITE_MAGIC:
            raise ConfigError(f"{path} is not a SQLite database", hint=HINT_URL)
        return
    if create_parent:
        ensure_private_dir(path.parent)
    elif not path.parent.is_dir():
        raise ConfigError(f"the directory for the database {path} does not exist", HINT_URL)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except FileExistsError:
        pass  # another process created it between our checks
    except PermissionError as exc:
        raise MockInterviewError(
            f"cannot create the database {path}: permission denied",
            hint="make the data directory writable, or set MOCK_INTERVIEW_HOME",
        ) from exc


class _WriterQueue:
    """Writers to one SQLite file within this process queue on a mutex.

    Every transaction is a writer here (``BEGIN IMMEDIATE``). When it finds the file locked,
    SQLite's busy handler sleeps 1, 2, 5, 10... ms and tries again, so threads of one process
    (evaluate's workers, the model's grading thread) lose most of their time asleep after the
    lock is already free. A mutex wakes the next writer the moment the last one commits;
    other processes still meet SQLite's own waiting.
    """

    _by_file: dict[str, _WriterQueue] = {}
    _guard = threading.Lock()

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holder: int | None = None  # id() of the DBAPI connection in its transaction

    @classmethod
    def for_url(cls, url: URL) -> _WriterQueue:
        database = url.database or ""
        if database in {"", ":memory:"} or database.startswith("file:"):
            return cls()
        key = os.path.realpath(database)
        with cls._guard:
            return cls._by_file.setdefault(key, cls())

    @staticmethod
    def _key(connection: Any) -> int:
        # SQLAlchemy hands the dialect its pool's proxy; events get the sqlite3 connection.
        return id(getattr(connection, "dbapi_connection", None) or connection)

    def enter(self, dbapi_connection: Any) -> None:
        # In slices, so Ctrl-C gets through; past the deadline SQLite's own wait takes over
        # (and reports the lock in plain words if it never comes free).
        deadline = time.monotonic() + SQLITE_LOCK_WAIT_SECONDS
        while not self._lock.acquire(timeout=SQLITE_BUSY_SLICE_MS / 1000):
            if time.monotonic() > deadline:
                return
        self._holder = self._key(dbapi_connection)

    def leave(self, dbapi_connection: Any) -> None:
        if self._holder is not None and self._holder == self._key(dbapi_connection):
            self._holder = None
            self._lock.release()


def _configure_sqlite(engine: Engine) -> None:
    writers = _WriterQueue.for_url(engine.url)
    dialect = engine.dialect
    commit, rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(dbapi_connection: Any) -> None:
        try:
            commit(dbapi_connection)
        finally:
            writers.leave(dbapi_connection)

    def do_rollback(dbapi_connection: Any) -> None:
        try:
            rollback(dbapi_connection)
        finally:
            writers.leave(dbapi_connection)

    dialect.do_commit, dialect.do_rollback = do_commit, do_rollback  # this engine's dialect only

    @event.listens_for(engine, "close")
    def _on_close(dbapi_connection: Any, _record: Any) -> None:
        writers.leave(dbapi_connection)

    @event.listens_for(engine, "invalidate")
    def _on_invalidate(dbapi_connection: Any, _record: Any, _exc: Any) -> None:
        writers.leave(dbapi_connection)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from the sqlite3 module so BEGIN IMMEDIATE is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_SLICE_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "wal":
            # A read-only file keeps its journal mode; reads still work.
            with contextlib.suppress(sqlite3.OperationalError):
                _wait_for_lock(lambda: cursor.execute("PRAGMA journal_mode = WAL"))
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Writers queue here, at BEGIN, instead of failing later on a lock upgrade.
        raw = connection.connection.dbapi_connection
        writers.enter(raw)
        try:
            _wait_for_lock(lambda: raw.execute("BEGIN IMMEDIATE"))
        except BaseException:
            writers.leave(raw)
            raise


def _wait_for_lock(statement: Any) -> None:
    """Run ``statement`` until SQLite stops answering "locked"/"busy", or the deadline passes."""
    deadline = time.monotonic() + SQLITE_LOCK_WAIT_SECONDS
    while True:
        try:
            statement()
            return
        except sqlite3.OperationalError as exc:
            message = str(exc).lower()
            if ("locked" not in message and "busy" not in message) or time.monotonic() > deadline:
                raise


def translate_error(exc: Exception, url: URL) -> MockInterviewError:
    """Turn a driver error into one line a person can act on."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    lowered = text.lower()
    where = display_url(url)
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return MockInterviewError(
            f"the database {where} is read-only",
            hint="make the file and its directory writable, or set MOCK_INTERVIEW_HOME",
        )
    if "file is not a database" in lowered or "file is encrypted" in lowered:
        return ConfigError(f"{where} is not a SQLite database", hint=HINT_URL)
    if "unable to open database" in lowered:
        return MockInterviewError(f"cannot open the database {where}", hint=HINT_URL)
    if "database is locked" in lowered or "database is busy" in lowered:
        return MockInterviewError(
            f"the database {where} stayed locked by another process for over "
            f"{SQLITE_LOCK_WAIT_SECONDS:.0f} s",
            hint="finish or stop the other mock-interview process and try again",
        )
    if "disk is full" in lowered or "no space" in lowered:
        return MockInterviewError(f"the disk holding {where} is full")
    if url.get_backend_name() == "postgresql":
        first = text.splitlines()[0] if text else type(exc).__name__
        if any(s in lowered for s in ("connection", "could not", "does not exist", "password")):
            return ConfigError(f"cannot connect to the database {where}: {first}", hint=HINT_URL)
        return MockInterviewError(f"database error on {where}: {first}")
    first = text.splitlines()[0] if text else type(exc).__name__
    return MockInterviewError(f"database error on {where}: {first}")


@dataclass
class SchemaStatus:
    current: str | None
    head: str
    pending: list[str]
    newer_than_code: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


class Database:
    """One database: its engine, sessions and schema."""

    def __init__(
        self,
        url: str | URL,
        *,
        create: bool = True,
        on_backup: Callable[[Path, str, str], None] | None = None,
    ) -> None:
        self.url = normalise_url(url) if isinstance(url, str) else url
        self.on_backup = on_backup  # told (path, from revision, to revision) after a backup
        self.last_backup: Path | None = None
        self.backend = self.url.get_backend_name()
        if self.backend == "sqlite":
            _check_sqlite_file(self.url, create_parent=create)
            self.engine = sa.create_engine(
                self.url, connect_args={"timeout": SQLITE_BUSY_SLICE_MS / 1000}
            )
            _configure_sqlite(self.engine)
        else:
            self.engine = sa.create_engine(
                self.url, pool_pre_ping=True, connect_args={"connect_timeout": 5}
            )

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Translate driver errors raised inside the block."""
        try:
            yield
        except (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.ProgrammingError) as exc:
            raise translate_error(exc, self.url) from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with self.guard(), Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A Core connection in one transaction, for hot paths where the ORM's bookkeeping
        costs more than the statements (an interview answer: three statements)."""
        with self.guard(), self.engine.begin() as connection:
            yield connection

    def dispose(self) -> None:
        self.engine.dispose()

    # -- schema -----------------------------------------------------------------------------

    @staticmethod
    def _read_revision(connection: Connection) -> str | None:
        if not sa.inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    def schema_status(self) -> SchemaStatus:
        with self.guard(), self.engine.connect() as connection:
            current = self._read_revision(connection)
            connection.rollback()
        return self._status_of(current)

    @staticmethod
    def _status_of(current: str | None) -> SchemaStatus:
        if current is not None and current not in REVISIONS:
            return SchemaStatus(current, HEAD, [], newer_than_code=True)
        done = REVISIONS.index(current) + 1 if current else 0
        return SchemaStatus(current, HEAD, list(REVISIONS[done:]), newer_than_code=False)

    def _refuse_newer(self, status: SchemaStatus) -> None:
        if status.newer_than_code:
            raise ConfigError(
                f"the database {self.display_url} has schema {status.current}, newer than this "
                f"mock-interview knows (up to {HEAD})",
                hint="upgrade mock-interview; the database was left untouched",
            )

    def ensure_schema(self) -> list[str]:
        """Bring the schema to HEAD if needed; returns the revisions applied (usually none)."""
        status = self.schema_status()
        self._refuse_newer(status)
        if status.up_to_date:
            return []
        return self.upgrade()

    def upgrade(self, to: str = HEAD, *, backup: bool = True) -> list[str]:
        """Apply pending migrations under a lock so concurrent first runs do it exactly once.

        SQLite follows its documented ALTER TABLE procedure: foreign keys off before the
        transaction (a table rebuilt by batch mode would otherwise fire ON DELETE actions on
        every row linked to it), ``PRAGMA foreign_key_check`` before commit. An existing SQLite
        database is copied next to itself first (see ``backup_before_upgrade``).
        """
        if to not in REVISIONS:
            raise ConfigError(f"unknown schema revision {to!r}")
        with self.guard(), self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection if self.backend == "sqlite" else None
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction
            try:
                with connection.begin():  # BEGIN IMMEDIATE on SQLite
                    return self._upgrade_locked(connection, to, backup=backup)
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys = ON")

    def _upgrade_locked(self, connection: Connection, to: str, *, backup: bool) -> list[str]:
        if self.backend == "postgresql":
            connection.execute(
                sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_MIGRATION_LOCK}
            )
        status = self._status_of(self._read_revision(connection))
        self._refuse_newer(status)
        done = REVISIONS.index(status.current) + 1 if status.current else 0
        pending = list(REVISIONS[done : REVISIONS.index(to) + 1])
        if not pending:
            return []
        if backup and status.current is not None and self.backend == "sqlite":
            self.last_backup = backup_before_upgrade(self.url, status.current)
            if self.on_backup is not None and self.last_backup is not None:
                self.on_backup(self.last_backup, status.current, to)
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, to)
        if self.backend == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                tables = sorted({row[0] for row in broken})
                raise MockInterviewError(
                    f"the upgrade of {self.display_url} would leave {len(broken)} broken "
                    f"foreign key link(s) in {', '.join(tables)}; nothing was changed",
                    hint="restore a backup with `mock-interview db restore PATH`, "
                    "or remove the rows that point at missing records",
                )
        return pending

    def table_counts(self) -> dict[str, int]:
        from sqlmodel import SQLModel

        import mock_interview.store.models  # noqa: F401

        counts: dict[str, int] = {}
        with self.guard(), self.engine.connect() as connection:
            present = set(sa.inspect(connection).get_table_names())
            for table in SQLModel.metadata.sorted_tables:
                if table.name in present:
                    counts[table.name] = connection.execute(
                        sa.select(sa.func.count()).select_from(table)
                    ).scalar_one()
            connection.rollback()
        return counts


def say_backup(path: Path, current: str, target: str) -> None:
    """Tell the person where the copy of their data went, before the upgrade runs."""
    import sys

    print(
        f"mock-interview: upgrading the database schema {current} -> {target}; "
        f"backup {path}",
        file=sys.stderr,
    )


def id_prefix_clause(session: Any, column: Any, key: str) -> Any | None:
    """A WHERE clause matching UUIDs that start with ``key`` (hex digits, dashes anywhere or
    none, at least 4), or None when ``key`` cannot be such a prefix."""
    compact = key.strip().replace("-", "").lower()
    if len(compact) < 4 or len(compact) > 32 or any(c not in "0123456789abcdef" for c in compact):
        return None
    if session.get_bind().dialect.name == "postgresql":
        text = sa.func.replace(sa.cast(column, sa.String), "-", "")
    else:
        text = sa.cast(column, sa.String)  # stored as 32 hex characters
    return text.like(f"{compact}%")


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open the database at ``url`` and, by default, bring its schema up to date (saying on
    stderr where the backup of an existing SQLite database went)."""
    database = Database(url, on_backup=say_backup)
    if migrate:
        database.ensure_schema()
    return database
