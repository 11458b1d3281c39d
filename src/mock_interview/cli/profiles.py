"""Profiles: register, login, whoami, users list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples

if TYPE_CHECKING:
    from mock_interview.cli.env import Env
    from mock_interview.services.profiles import Profile

users_app = typer.Typer(
    help="Profiles stored in the database." + examples("mock-interview users list"),
    no_args_is_help=True,
)


def _show(env: Env, profile: Profile, as_json: bool, verb: str | None = None) -> None:
    if as_json:
        env.emit_json({"profile": profile.to_json()})
        return
    from rich.markup import escape

    if verb:
        env.success(f"{verb} [bold]{escape(profile.full_name)}[/bold] <{escape(profile.email)}>")
    else:
        env.out.print(f"[bold]{escape(profile.full_name)}[/bold] <{escape(profile.email)}>")
        env.out.print(f"[dim]id {profile.id} · since {profile.created_at:%Y-%m-%d}[/dim]")


def register(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", "-n", help="Your full name.")],
    email: Annotated[str, typer.Option("--email", "-e", help="Your email (the profile's key).")],
    as_json: JsonFlag = False,
) -> None:
    """Create a profile and make it the active one."""
    from mock_interview.services import profiles

    env = env_of(ctx)
    profile = profiles.register(env.app, name, email)
    _show(env, profile, as_json, verb="Registered and logged in as")


def login(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="Email of an existing profile.")],
    as_json: JsonFlag = False,
) -> None:
    """Make an existing profile the active one (for this database)."""
    from mock_interview.services import profiles

    env = env_of(ctx)
    profile = profiles.login(env.app, email)
    _show(env, profile, as_json, verb="Logged in as")


def whoami(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show the active profile."""
    from mock_interview.services import profiles

    env = env_of(ctx)
    _show(env, profiles.current(env.app), as_json)


@users_app.command("list")
def users_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List all profiles; the active one is marked."""
    from mock_interview.services import profiles

    env = env_of(ctx)
    found = profiles.list_profiles(env.app)
    if as_json:
        env.emit_json({"total": len(found), "profiles": [p.to_json() for p in found]})
        return
    if not found:
        env.info('No profiles yet. Create one: mock-interview register --name "…" --email …')
        return
    from rich.table import Table

    table = Table(title="Profiles", title_justify="left")
    table.add_column("", width=1)
    table.add_column("Name")
    table.add_column("Email")
    table.add_column("Created")
    for p in found:
        table.add_row("*" if p.active else "", p.full_name, p.email, f"{p.created_at:%Y-%m-%d}")
    env.out.print(table)


register.__doc__ += examples('mock-interview register --name "Ada Lovelace" --email ada@example.com')
login.__doc__ += examples("mock-interview login ada@example.com")
whoami.__doc__ += examples("mock-interview whoami --json")
users_list.__doc__ += examples("mock-interview users list --json")


def install(app: typer.Typer) -> None:
    app.command()(register)
    app.command()(login)
    app.command()(whoami)
    app.add_typer(users_app, name="users")
