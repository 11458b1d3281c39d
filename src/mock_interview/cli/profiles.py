"""Profiles: register, login, whoami, users list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mock_interview.cli.common import JsonFlag, confirm, env_of, examples

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
    name: Annotated[str, typer.Option("--name", "-n", metavar="TEXT", help="Your full name.")],
    email: Annotated[str, typer.Option("--email", "-e", metavar="EMAIL",
                                       help="Your email (the profile's key).")],
    new: Annotated[bool, typer.Option(
        "--new", help="Create a separate profile even if the active one was created automatically.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Create a profile and make it the active one.

    If the active profile is the local one created automatically on first use, it is renamed
    instead and keeps its resumes and interviews (--new creates a separate profile)."""
    from mock_interview.services import profiles

    env = env_of(ctx)
    outcome = profiles.register(env.app, name, email, new=new)
    if outcome.adopted_from and not as_json:
        env.info(f"Your local profile {outcome.adopted_from} is now yours, with its data.")
    _show(env, outcome.profile, as_json, verb="Registered and logged in as")


def login(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="Email of an existing profile.")],
    as_json: JsonFlag = False,
) -> None:
    """Make an existing profile the active one (for this database)."""
    from mock_interview.services import profiles

    env = env_of(ctx)
    profile = profiles.login(env.app, email)
    _show(env, profile, as_json, verb="Logged in as")


def whoami(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show the active profile."""
    from mock_interview.services import quick

    env = env_of(ctx)
    _show(env, quick.current_profile(env.app), as_json)


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


@users_app.command("rename")
def users_rename(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The profile's current email.")],
    new_email: Annotated[str | None, typer.Option("--email", "-e", metavar="EMAIL", help="Its new email.")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", metavar="TEXT", help="Its new full name.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Change a profile's email and/or name; its resumes and interviews stay with it."""
    from mock_interview.services import profiles

    env = env_of(ctx)
    _show(env, profiles.rename(env.app, email, new_email=new_email, name=name), as_json, verb="Renamed to")


@users_app.command("delete")
def users_delete(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The profile to erase.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Erase a profile and everything of it: resume files, resumes, interviews, answers,
    results and model-call records. This cannot be undone."""
    from mock_interview.services import erasure

    env = env_of(ctx)
    preview = erasure.preview_user(env.app, email)
    confirm(env, f"Erase {preview['full_name']} <{preview['email']}> with {preview['resumes']} "
                 f"resume(s) and {preview['interviews']} interview(s)? This cannot be undone.", yes)
    erased = erasure.delete_user(env.app, email)
    if as_json:
        env.emit_json({"erased": erased.to_json()})
        return
    env.success(f"Erased {erased.email}: {len(erased.interviews)} interview(s), {erased.answers} "
                f"answer(s), {erased.resumes} resume(s), {len(erased.files)} file(s).")


register.__doc__ += examples('mock-interview register --name "Ada Lovelace" --email ada@example.com')
login.__doc__ += examples("mock-interview login ada@example.com")
whoami.__doc__ += examples("mock-interview whoami --json")
users_list.__doc__ += examples("mock-interview users list --json")
users_rename.__doc__ += examples("mock-interview users rename me@localhost.localdomain --email ada@example.com",
                                 'mock-interview users rename ada@example.com --name "Ada King"')
users_delete.__doc__ += examples("mock-interview users delete ada@example.com",
                                 "mock-interview users delete ada@example.com --yes --json")


def install(app: typer.Typer) -> None:
    app.command()(register)
    app.command()(login)
    app.command()(whoami)
    app.add_typer(users_app, name="users")
