"""Copies of a SQLite database file: before each schema upgrade, and on request.

Copies go through SQLite's online backup API, so a database in use (WAL, other processes
writing) is copied as one consistent snapshot, and a restore takes the same locks a writer
takes. Every copy is written to a private temporary file and renamed into place.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine.url import URL

from mock_interview.errors import ConfigError, UsageError
from mock_interview.io.files import replacing

UPGRADE_BACKUPS_KEPT = 3
SQLITE_MAGIC = b"SQLite format 3\x00"
LOCK_TIMEOUT_SECONDS = 60.0


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory or URI database."""
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in {"", ":memory:"}:
        return None
    if database.startswith("file:"):
        return None
    return Path(database).resolve()


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def copy_into(source: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of ``source``'s main database to ``target`` (mode 0600)."""
    target = target.resolve()
    with replacing(target) as temporary:
        copy = sqlite3.connect(temporary)
        try:
            source.backup(copy)
            # A self-contained file: no -wal beside it that a plain file copy could miss.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    return target


def _upgrade_backups(database: Path) -> list[Path]:
    prefix = f"{database.name}.backup-"
    return sorted(p for p in database.parent.iterdir() if p.name.startswith(prefix))


def rotate_backup(source: sqlite3.Connection, database: Path, label: str) -> Path:
    """A copy named ``<file>.backup-<UTC time>-<label>`` next to ``database``; only the newest
    ``UPGRADE_BACKUPS_KEPT`` of them are kept."""
    path = copy_into(source, database.with_name(f"{database.name}.backup-{_stamp()}-{label}"))
    for old in _upgrade_backups(database)[:-UPGRADE_BACKUPS_KEPT]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return path


def backup_before_upgrade(url: URL, revision: str) -> Path | None:
    """Called while the upgrade holds the write lock and has written nothing: a second
    connection reads exactly the data the upgrade starts from, and nobody can change it.
    (SQLite refuses a backup read through the connection that holds the write lock.)"""
    database = sqlite_file(url)
    if database is None:
        return None
    source = _connect(database, read_only=True)
    try:
        return rotate_backup(source, database, f"schema-{revision}")
    finally:
        source.close()


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}{'?mode=ro' if read_only else ''}"
    return sqlite3.connect(uri, uri=True, timeout=LOCK_TIMEOUT_SECONDS)


def _require_file(url: URL, action: str) -> Path:
    database = sqlite_file(url)
    if url.get_backend_name() == "postgresql":
        raise UsageError(
            f"`db {action}` copies SQLite files; this database is Postgres",
            hint="use pg_dump and pg_restore, e.g. `pg_dump -Fc -f mock-interview.dump DBNAME`",
        )
    if database is None:
        raise UsageError(f"`db {action}` needs a SQLite database file, not an in-memory one")
    return database


def backup(url: URL, target: Path | None) -> Path:
    """Copy the database to ``target`` (default: ``<file>.copy-<UTC time>`` next to it)."""
    database = _require_file(url, "backup")
    if not database.exists():
        raise ConfigError(f"there is no database at {database} yet", hint="nothing to back up")
    target = target or database.with_name(f"{database.name}.copy-{_stamp()}")
    if target.is_dir():
        target = target / f"{database.name}.copy-{_stamp()}"
    if target.resolve() == database:
        raise UsageError("the backup path is the database itself; choose another path")
    if not target.parent.is_dir():
        raise UsageError(f"the directory {target.parent} does not exist")
    source = _connect(database, read_only=True)
    try:
        return copy_into(source, target)
    finally:
        source.close()


def check_restorable(path: Path, known_revisions: tuple[str, ...]) -> str:
    """The schema revision of the database file at ``path``; refuses anything else."""
    if not path.is_file():
        raise UsageError(f"{path} is not a file")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise UsageError(f"{path} is not a SQLite database")
    source = _connect(path, read_only=True)
    try:
        try:
            verdict = source.execute("PRAGMA quick_check").fetchone()[0]
            revision = source.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise UsageError(f"{path} is not a mock-interview database ({exc})") from exc
    finally:
        source.close()
    if verdict != "ok":
        raise UsageError(f"{path} is damaged: {verdict}")
    if revision is None or revision[0] not in known_revisions:
        found = revision[0] if revision else "none"
        raise UsageError(
            f"{path} has schema {found}, which this mock-interview does not know",
            hint="restore it with the version of mock-interview that wrote it",
        )
    return revision[0]


def restore(url: URL, path: Path, known_revisions: tuple[str, ...]) -> tuple[str, Path | None]:
    """Replace the database's contents with the file at ``path``, after keeping a copy of the
    current contents. Returns the restored revision and where the previous contents went."""
    database = _require_file(url, "restore")
    path = path.resolve()
    if path == database:
        raise UsageError("that file is the database itself")
    revision = check_restorable(path, known_revisions)
    kept = None
    target = _connect(database)
    try:
        if database.exists() and database.stat().st_size:
            kept = rotate_backup(target, database, "before-restore")
        source = _connect(path, read_only=True)
        try:
            source.backup(target)
        finally:
            source.close()
    finally:
        target.close()
    return revision, kept
