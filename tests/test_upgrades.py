"""Upgrading a database that holds data, from every earlier revision, keeps every row and link;
SQLite upgrades leave a private backup next to the file; `db backup` and `db restore`."""

from __future__ import annotations

import sqlite3
import stat
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from mock_interview.store.database import Database
from mock_interview.store.migrations import HEAD, REVISIONS

ROWS_PER_TABLE = 2
# Filled by the database's own triggers (search index), not by people.
TRIGGER_COLUMNS = {"search_rowid"}


def _value(column: sa.Column, table: str, row: int, backend: str) -> Any:
    kind = column.type
    name = column.name
    if isinstance(kind, sa.Uuid) or (backend == "sqlite" and str(kind) == "CHAR(32)"):
        value = uuid.uuid5(uuid.NAMESPACE_URL, f"{table}/{name}/{row}")
        return value.hex if backend == "sqlite" else value
    if isinstance(kind, sa.JSON):
        return [f"{table}-skill-{row}", "sql"]
    if isinstance(kind, sa.DateTime):
        return datetime(2026, 1, 2 + row, 3, 4, 5, tzinfo=UTC if backend == "postgresql" else None)
    if isinstance(kind, sa.Float):
        return 40.5 + row
    if isinstance(kind, sa.Integer):
        return row + 1
    length = getattr(kind, "length", None) or 40
    return f"{name}-{table}-{row}"[:length]


def fill_every_table(url: str) -> None:
    """Two rows in every table of the revision the database is at, each foreign key pointing
    at a row of its parent table."""
    from sqlmodel import SQLModel

    import mock_interview.store.models  # noqa: F401

    engine = sa.create_engine(url)
    backend = engine.dialect.name
    metadata = sa.MetaData()
    metadata.reflect(engine)
    ids: dict[str, list[Any]] = {}
    with engine.begin() as connection:
        for model_table in SQLModel.metadata.sorted_tables:
            table = metadata.tables.get(model_table.name)
            if table is None:
                continue
            links = {
                fk.parent.name: fk.column.table.name for fk in table.foreign_keys
            }
            rows = []
            for row in range(ROWS_PER_TABLE):
                values = {}
                for column in table.columns:
                    if column.name in TRIGGER_COLUMNS:
                        continue
                    if column.name in links:
                        values[column.name] = ids[links[column.name]][row]
                    else:
                        values[column.name] = _value(column, table.name, row, backend)
                rows.append(values)
            connection.execute(table.insert(), rows)
            key = next(iter(table.primary_key.columns)).name
            ids[table.name] = [r[key] for r in rows]
    engine.dispose()


def snapshot(url: str, tables: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every stored value of the people's tables, as the driver returns them, sorted."""
    from sqlmodel import SQLModel

    import mock_interview.store.models  # noqa: F401

    engine = sa.create_engine(url)
    result: dict[str, list[tuple]] = {}
    with engine.connect() as connection:
        present = set(sa.inspect(connection).get_table_names())
        for model_table in SQLModel.metadata.sorted_tables:
            name = model_table.name
            if name not in present or (tables is not None and name not in tables):
                continue
            if tables is None:
                columns = [c["name"] for c in sa.inspect(connection).get_columns(name)]
                columns = [c for c in columns if c not in TRIGGER_COLUMNS]
            else:
                columns = tables[name]
            rows = connection.exec_driver_sql(
                f"SELECT {', '.join(columns)} FROM {name}"
            ).all()
            result[name] = sorted((tuple(r) for r in rows), key=repr)
            result[f"{name}.columns"] = [tuple(columns)]
    engine.dispose()
    return result


def _columns(shot: dict[str, list[tuple]]) -> dict[str, list[str]]:
    return {k.removesuffix(".columns"): list(v[0]) for k, v in shot.items() if k.endswith(".columns")}


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_upgrade_from_every_revision_keeps_every_row_and_link(cli, database_url, revision):
    database = Database(database_url)
    database.upgrade(to=revision)
    database.dispose()
    fill_every_table(database_url)
    before = snapshot(database_url)
    assert before["interviews"] and all(len(rows) == ROWS_PER_TABLE for k, rows in before.items()
                                        if not k.endswith(".columns"))

    outcome = cli("--db", database_url, "db", "upgrade")
    assert outcome.exit_code == 0, outcome.stderr

    after = snapshot(database_url, _columns(before))
    assert after == before
    check = Database(database_url)
    assert check.schema_status().current == HEAD
    with check.engine.connect() as connection:
        linked = connection.exec_driver_sql(
            "SELECT count(*) FROM interviews WHERE job_id IS NOT NULL AND resume_id IS NOT NULL"
        ).scalar_one()
        assert linked == ROWS_PER_TABLE
        if check.backend == "sqlite":
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    check.dispose()


def _sqlite_path(home: Path) -> Path:
    return home / "mock-interview.db"


def test_sqlite_upgrade_backs_up_first_keeps_three_and_says_where(cli, home):
    path = _sqlite_path(home)
    url = f"sqlite:///{path}"
    backups = []
    for _ in range(4):
        for leftover in path.parent.glob(f"{path.name}*"):
            if ".backup-" not in leftover.name:
                leftover.unlink()
        database = Database(url)
        database.upgrade(to="0001")
        database.dispose()
        fill_every_table(url)
        before = snapshot(url)
        outcome = cli("--db", url, "db", "upgrade")
        assert outcome.exit_code == 0, outcome.stderr
        line = next(line for line in outcome.stderr.splitlines() if "backup" in line.lower())
        backup = Path(line.split("backup ")[-1].split(" ")[0].rstrip(".;,)"))
        assert backup.parent == path.parent and backup.exists(), line
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert snapshot(f"sqlite:///{backup}") == before  # the data as it was, before
        backups.append(backup)
    kept = sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name + ".backup-"))
    assert kept == sorted(backups[-3:])


def test_empty_or_current_database_makes_no_backup(cli, home):
    path = _sqlite_path(home)
    assert cli("db", "upgrade").exit_code == 0
    assert cli("db", "upgrade").exit_code == 0
    assert not [p for p in path.parent.iterdir() if ".backup-" in p.name]


def test_failed_foreign_key_check_rolls_the_upgrade_back(cli, home):
    path = _sqlite_path(home)
    url = f"sqlite:///{path}"
    database = Database(url)
    database.upgrade(to="0001")
    database.dispose()
    fill_every_table(url)
    with sqlite3.connect(path) as raw:  # a dangling link written with foreign keys off
        raw.execute("UPDATE answers SET interview_id = 'feedfacefeedfacefeedfacefeedface'")
    outcome = cli("--db", url, "db", "upgrade")
    assert outcome.exit_code != 0
    *_, error = outcome.stderr.strip().splitlines()
    assert "foreign key" in error.lower() and "nothing was changed" in error
    assert Database(url).schema_status().current == "0001"


def test_db_backup_and_restore(cli, home, tmp_path):
    path = _sqlite_path(home)
    assert cli("register", "--name", "Ada Lovelace", "--email", "ada@example.com").exit_code == 0
    target = tmp_path / "copy.db"
    outcome = cli("db", "backup", str(target))
    assert outcome.exit_code == 0, outcome.stderr
    assert str(target) in outcome.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert cli("register", "--name", "Grace Hopper", "--email", "grace@example.com").exit_code == 0

    outcome = cli("db", "restore", str(target))
    assert outcome.exit_code == 0, outcome.stderr
    emails = [u["email"] for u in cli("users", "list", "--json").json()["profiles"]]
    assert emails == ["ada@example.com"]
    # The state before the restore was kept too.
    assert any(".backup-" in p.name for p in path.parent.iterdir())

    default = cli("db", "backup")
    assert default.exit_code == 0
    made = Path(default.stdout.strip().split()[-1].rstrip("."))
    assert made.parent == path.parent and made.exists()


def test_db_restore_refuses_what_is_not_a_database(cli, home, tmp_path):
    assert cli("register", "--name", "Ada Lovelace", "--email", "ada@example.com").exit_code == 0
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    outcome = cli("db", "restore", str(junk))
    assert outcome.exit_code == 2 and len(outcome.stderr.strip().splitlines()) == 1
    assert cli("db", "restore", str(tmp_path / "missing.db")).exit_code == 2
    assert [u["email"] for u in cli("users", "list", "--json").json()["profiles"]] == ["ada@example.com"]


@pytest.mark.postgres
def test_postgres_backup_points_to_pg_dump(cli, postgres_url):
    outcome = cli("--db", postgres_url, "db", "backup")
    assert outcome.exit_code == 2
    assert "pg_dump" in outcome.stderr
