"""Schema migrations, engine settings, concurrency, and databases that are not what they seem."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from mock_interview.errors import ConfigError, ExitCode
from mock_interview.store.database import Database, normalise_url
from mock_interview.store.migrations import HEAD, MIGRATIONS_DIR, REVISIONS
from tests.conftest import subprocess_env

ROOT = Path(__file__).resolve().parents[1]


def test_revision_list_matches_alembic_chain():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    chain = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
    assert tuple(reversed(chain)) == REVISIONS


def test_migrations_from_empty_then_second_run_changes_nothing(database_url):
    database = Database(database_url)
    assert database.schema_status().current is None
    assert database.ensure_schema() == list(REVISIONS)
    with database.engine.connect() as connection:
        tables_before = sorted(sa.inspect(connection).get_table_names())
    assert database.ensure_schema() == []
    assert database.upgrade() == []
    status = database.schema_status()
    assert status.up_to_date and status.current == HEAD and status.pending == []
    with database.engine.connect() as connection:
        assert sorted(sa.inspect(connection).get_table_names()) == tables_before
    assert {"users", "resumes", "jobs", "interviews", "results", "answers"} <= set(tables_before)
    database.dispose()


def test_models_and_migrations_agree(database_url):
    """The migrations build exactly the schema the models describe (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import mock_interview.store.models  # noqa: F401

    database = Database(database_url)
    database.ensure_schema()
    with database.engine.connect() as connection:
        from mock_interview.store.migrations.env_hooks import include_name

        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        diff = compare_metadata(context, SQLModel.metadata)
    database.dispose()
    assert diff == []


def test_sqlite_pragmas(home):
    database = Database(f"sqlite:///{home / 'p.db'}")
    database.ensure_schema()
    with database.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") > 0
    database.dispose()


def test_foreign_keys_are_enforced(home):
    import uuid

    from mock_interview.store.models import Resume

    database = Database(f"sqlite:///{home / 'fk.db'}")
    database.ensure_schema()
    with pytest.raises(sa.exc.IntegrityError), database.session() as session:
        session.add(Resume(user_id=uuid.uuid4(), filename="x", file_path="x", content_hash="h"))
    database.dispose()


def test_data_dir_and_files_are_private(cli, home):
    assert cli("register", "-n", "Ada", "-e", "ada@example.com").exit_code == 0
    assert cli("config", "set", "database.url", f"sqlite:///{home / 'mock-interview.db'}").exit_code == 0
    assert (home.stat().st_mode & 0o777) == 0o700
    for name in ("mock-interview.db", "state.json", "config.toml"):
        assert ((home / name).stat().st_mode & 0o777) == 0o600, name


def test_eight_writer_processes_lose_nothing(home, database_url):
    """8 processes register 30 profiles each at once, from an empty database."""
    go = home / "go"
    home.mkdir(parents=True, exist_ok=True)
    env = subprocess_env()
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.workers.concurrent_writer", database_url, str(n), "30",
             str(go)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(8)
    ]
    go.touch()
    failures = []
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        if worker.returncode != 0:
            failures.append(err[-2000:])
    assert failures == []
    database = Database(database_url)
    with database.engine.connect() as connection:
        emails = connection.execute(sa.text("SELECT email FROM users")).scalars().all()
    database.dispose()
    assert len(emails) == 240 and len(set(emails)) == 240


def test_writer_threads_queue_in_process_and_a_failed_transaction_frees_the_queue(home):
    """Threads with their own Database on one file (evaluate's workers) all get their writes in,
    and a transaction that fails (here: a duplicate key) does not keep the others waiting: the
    file's in-process writer queue is free again the moment it ends."""
    import threading

    from mock_interview.store.database import _WriterQueue

    url = f"sqlite:///{home / 'threads.db'}"
    Database(url).dispose()
    with Database(url).engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE hits (n INTEGER PRIMARY KEY, worker INTEGER)"))
    queue = _WriterQueue.for_url(normalise_url(url))  # the one every Database on this file shares

    database = Database(url)
    with pytest.raises(sa.exc.IntegrityError), database.engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO hits VALUES (1, 0), (1, 0)"))
    assert not queue._lock.locked()  # a failed transaction left nobody waiting behind it
    database.dispose()

    errors: list[BaseException] = []

    def worker(w: int) -> None:
        database = Database(url)
        try:
            for i in range(25):
                with database.engine.begin() as connection:
                    connection.execute(sa.text("INSERT INTO hits VALUES (:n, :w)"), {"n": w * 100 + i, "w": w})
                with pytest.raises(sa.exc.IntegrityError), database.engine.begin() as connection:
                    connection.execute(sa.text("INSERT INTO hits VALUES (:n, :w)"), {"n": w * 100 + i, "w": w})
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            database.dispose()

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)  # a safety net only: a leaked queue shows in the assertions below
    assert not errors and not any(t.is_alive() for t in threads)
    # Each worker's last transaction failed, so a failure that kept the queue would keep it now.
    assert not queue._lock.locked()
    with Database(url).engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM hits")).scalar() == 200


def test_newer_schema_is_refused_and_left_untouched(cli, database_url):
    assert cli("--db", database_url, "register", "-n", "Ada", "-e", "ada@example.com").exit_code == 0
    engine = sa.create_engine(normalise_url(database_url))
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    for command in (["whoami"], ["db", "upgrade"], ["register", "-n", "B", "-e", "b@example.com"]):
        out = cli("--db", database_url, *command)
        assert out.exit_code == ExitCode.NOT_FOUND, command
        assert "newer than this mock-interview" in out.stderr
    status = cli("--db", database_url, "db", "status", "--json")
    assert status.exit_code == 0 and status.json()["newer_than_code"] is True
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "9999"
        assert connection.execute(sa.text("SELECT count(*) FROM users")).scalar() == 1
    engine.dispose()


def test_a_file_that_is_not_sqlite_is_refused_and_unchanged(cli, home):
    home.mkdir(parents=True)
    impostor = home / "notes.db"
    impostor.write_bytes(b"these are my notes, not a database\n" * 10)
    before = impostor.read_bytes()
    out = cli("--db", f"sqlite:///{impostor}", "register", "-n", "Ada", "-e", "ada@example.com")
    assert out.exit_code == ExitCode.NOT_FOUND
    assert "is not a SQLite database" in out.stderr
    assert impostor.read_bytes() == before
    assert not Path(f"{impostor}-wal").exists()


def test_database_path_that_is_a_directory(cli, home):
    (home / "dir.db").mkdir(parents=True)
    out = cli("--db", f"sqlite:///{home / 'dir.db'}", "whoami")
    assert out.exit_code == ExitCode.NOT_FOUND and "is a directory" in out.stderr


@pytest.mark.parametrize(
    "url, message",
    [
        ("nonsense", "not a database URL"),
        ("mysql://root@127.0.0.1/test", "unsupported database"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot connect to the database"),
    ],
)
def test_wrong_database_urls(cli, url, message):
    out = cli("--db", url, "whoami")
    assert out.exit_code == ExitCode.NOT_FOUND, out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_database_url_from_environment(cli, home):
    url = f"sqlite:///{home / 'from-env.db'}"
    out = cli("register", "-n", "Ada", "-e", "ada@example.com", env={"MOCK_INTERVIEW_DATABASE_URL": url})
    assert out.exit_code == 0
    assert (home / "from-env.db").exists()
    assert not (home / "mock-interview.db").exists()


def test_postgres_scheme_defaults_to_psycopg():
    assert normalise_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(ConfigError):
        normalise_url("oracle://u@h/db")


def test_read_only_database_is_reported_in_one_line(cli, home):
    """A database that cannot be written (read-only mount, permissions) gives one clear line."""
    path = home / "ro.db"
    assert cli("--db", f"sqlite:///{path}", "register", "-n", "A", "-e", "a@example.com").exit_code == 0
    if os.geteuid() != 0:
        path.chmod(0o400)
        home.chmod(0o500)
        url = f"sqlite:///{path}"
    else:  # root ignores file modes: open the same file through SQLite's read-only mode
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    try:
        out = cli("--db", url, "register", "-n", "B", "-e", "b@example.com")
    finally:
        home.chmod(0o700)
        path.chmod(0o600)
    assert out.exit_code == ExitCode.ERROR
    assert "read-only" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM users").fetchone()[0] == 1


def test_unwritable_home_is_reported_in_one_line(cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    out = cli("register", "-n", "A", "-e", "a@example.com",
              env={"MOCK_INTERVIEW_HOME": str(blocker / "home")})
    assert out.exit_code == ExitCode.ERROR
    assert out.stderr.startswith("error: cannot create") and "Traceback" not in out.stderr


def test_meta_rows_written_by_two_sessions_at_once_both_succeed(database_url):
    """Both sessions find no row, then both write it: the second replaces the first instead of
    failing on the key (processes refreshing the same statistics at once). SQLite serialises
    writing sessions, so there the second one starts after the first has committed."""
    import contextlib

    from mock_interview.store import meta
    from mock_interview.store.models import Meta

    database = Database(database_url)
    database.ensure_schema()
    concurrent = database.backend == "postgresql"
    with contextlib.ExitStack() as stack:
        first = stack.enter_context(database.session())
        second = stack.enter_context(database.session()) if concurrent else None
        for session in filter(None, (first, second)):
            assert session.get(Meta, "race") is None
        meta.put(first, "race", "one")
        first.commit()
        if second is None:
            second = stack.enter_context(database.session())
        meta.put(second, "race", "two")
    with database.session() as session:
        assert session.get(Meta, "race").value == "two"
    database.dispose()
