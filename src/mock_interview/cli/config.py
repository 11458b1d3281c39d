"""Configuration and paths: config show / set / unset, paths."""

from __future__ import annotations

from typing import Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples

config_app = typer.Typer(
    help="Show and change settings (a TOML file; env vars and flags override it)."
    + examples("mock-interview config show", "mock-interview config set database.url sqlite:///x.db"),
    no_args_is_help=True,
)


@config_app.command("show")
def config_show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show every setting, its effective value and where that value comes from."""
    from mock_interview.config import SETTINGS
    from mock_interview.errors import MockInterviewError

    env = env_of(ctx)
    settings = env.app.settings
    rows = []
    for key, spec in SETTINGS.items():
        try:
            resolved = settings.resolve(key)
            row = {"key": key, "value": resolved.value, "source": resolved.source, "error": None}
        except MockInterviewError as exc:  # shown, so it can be fixed; not a reason to hide the rest
            raw = settings.environ.get(spec.env or "", "").strip() or settings.file_values.get(key)
            row = {"key": key, "value": raw, "source": "invalid", "error": exc.message}
        if key == "llm.base_url" and row["value"]:  # never print credentials inside the URL
            from mock_interview.engines.structured import redact_url

            row["value"] = redact_url(str(row["value"]))
        rows.append({**row, "env": spec.env, "allowed": spec.allowed(), "help": spec.help})
    if as_json:
        env.emit_json({"config_file": str(settings.paths.config_file), "settings": rows})
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"Settings ({settings.paths.config_file})", title_justify="left")
    for column in ("Key", "Value", "Source", "Environment variable"):
        table.add_column(column)
    for row in rows:
        value = "" if row["value"] is None else str(row["value"])
        source = row["source"] if row["error"] is None else "[red]invalid[/red]"
        table.add_row(row["key"], escape(value) or "[dim](unset)[/dim]", source, row["env"] or "")
    env.out.print(table)
    for row in rows:
        if row["error"]:
            env.warn(f"{escape(row['error'])} — fix: mock-interview config set {row['key']} VALUE")


@config_app.command("set")
def config_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="A dotted key, as `config show` lists them.")],
    value: Annotated[str, typer.Argument(help="The new value.")],
) -> None:
    """Set one setting in the config file."""
    from mock_interview.services import settings as settings_service

    env = env_of(ctx)
    stored = settings_service.set_value(env.app, key, value)
    env.success(f"{key} = {stored!r} (in {env.app.paths.config_file})")


@config_app.command("unset")
def config_unset(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="A dotted key, as `config show` lists them.")],
) -> None:
    """Remove one setting from the config file, so its default applies again."""
    from mock_interview.services import settings as settings_service

    env = env_of(ctx)
    settings_service.unset_value(env.app, key)
    env.success(f"{key} removed from {env.app.paths.config_file}")


def paths(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show where mock-interview keeps its data, config, cache and database."""
    from mock_interview.services import settings as settings_service

    env = env_of(ctx)
    info = settings_service.describe_paths(env.app)
    if as_json:
        env.emit_json(info)
        return
    from rich.table import Table

    table = Table(title="Paths", title_justify="left", show_header=False)
    table.add_column("What", style="bold")
    table.add_column("Where")
    for key, value in info.items():
        table.add_row(key.replace("_", " "), "" if value is None else str(value))
    env.out.print(table)


config_show.__doc__ += examples("mock-interview config show --json")
config_set.__doc__ += examples(
    "mock-interview config set database.url postgresql+psycopg://me@localhost/interviews"
)
config_unset.__doc__ += examples("mock-interview config unset database.url")
paths.__doc__ += examples("mock-interview paths --json")


def install(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")
    app.command()(paths)
