"""Database administration: db status, db upgrade, db backup, db restore."""

from __future__ import annotations

from typing import Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples

db_app = typer.Typer(
    help="Inspect, upgrade, back up and restore the database (upgrades also happen "
    "automatically, after a backup of a SQLite file)."
    + examples("mock-interview db status", "mock-interview db backup"),
    no_args_is_help=True,
)


@db_app.command("status")
def db_status(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show the database, its schema revision against this version's, and row counts."""
    from mock_interview.services import database

    env = env_of(ctx)
    info = database.status(env.app)
    if as_json:
        env.emit_json(info)
        return
    from rich.table import Table

    if info["newer_than_code"]:
        state = "[red]newer than this mock-interview[/red]"
    elif info["up_to_date"]:
        state = "[green]up to date[/green]"
    elif info["current_revision"] is None:
        state = "[yellow]empty (created on first use)[/yellow]"
    else:
        state = f"[yellow]{len(info['pending'])} migration(s) pending[/yellow]"
    table = Table(show_header=False, title="Database", title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("url", info["url"])
    table.add_row("backend", info["backend"])
    table.add_row("schema", f"{info['current_revision'] or '-'} (code: {info['head_revision']})")
    table.add_row("state", state)
    for name, count in info["tables"].items():
        table.add_row(f"rows in {name}", str(count))
    env.out.print(table)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Apply pending schema migrations now (safe to run repeatedly)."""
    from mock_interview.services import database

    env = env_of(ctx)
    info = database.upgrade(env.app)
    if as_json:
        env.emit_json(info)
        return
    if info["applied"]:
        env.success(f"applied {', '.join(info['applied'])} to {info['url']}")
    else:
        env.success(f"{info['url']} is up to date (schema {info['current_revision']})")


@db_app.command("backup")
def db_backup(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(help="Where to write the copy (default: next to the database)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Write a consistent copy of the SQLite database (mode 0600). For Postgres use pg_dump."""
    from mock_interview.services import database

    env = env_of(ctx)
    info = database.backup(env.app, path)
    if as_json:
        env.emit_json(info)
        return
    env.success(f"backed up {info['url']}")
    env.out.print(info["backup"], soft_wrap=True, highlight=False, markup=False)


@db_app.command("restore")
def db_restore(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="A backup written by `db backup` or an upgrade.")],
    as_json: JsonFlag = False,
) -> None:
    """Replace the SQLite database with a backup; its current contents are kept as a backup."""
    from mock_interview.services import database

    env = env_of(ctx)
    info = database.restore(env.app, path)
    if as_json:
        env.emit_json(info)
        return
    kept = f"; the previous contents are in {info['previous_contents']}" if info["previous_contents"] else ""
    env.success(f"restored {info['url']} from {info['restored']} (schema {info['revision']}){kept}")


db_status.__doc__ += examples("mock-interview db status --json")
db_upgrade.__doc__ += examples("mock-interview --db postgresql+psycopg://me@localhost/mi db upgrade")
db_backup.__doc__ += examples("mock-interview db backup ~/mi-before-trip.db")
db_restore.__doc__ += examples("mock-interview db restore ~/mi-before-trip.db")


def install(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
