"""Database administration: db status, db upgrade."""

from __future__ import annotations

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples

db_app = typer.Typer(
    help="Inspect and upgrade the database schema (upgrades also happen automatically)."
    + examples("mock-interview db status"),
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


db_status.__doc__ += examples("mock-interview db status --json")
db_upgrade.__doc__ += examples("mock-interview --db postgresql+psycopg://me@localhost/mi db upgrade")


def install(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
