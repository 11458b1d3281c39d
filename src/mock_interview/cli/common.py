"""Pieces shared by the command modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from mock_interview.cli.env import Env

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print JSON to stdout (messages go to stderr).")
]


def env_of(ctx: typer.Context) -> Env:
    obj = ctx.find_root().obj
    if not isinstance(obj, Env):
        obj = Env()
        ctx.find_root().obj = obj
    return obj


def examples(*lines: str) -> str:
    """Format an 'Example' block for a command's help (kept verbatim by Rich)."""
    body = "\n".join(f"    {line}" for line in lines)
    return f"\n\nExample:\n\n{body}"


def confirm(env: Env, question: str, yes: bool) -> None:
    """Ask before something that cannot be undone; without a terminal, --yes is required."""
    from mock_interview.errors import UsageError

    if yes:
        return
    if not env.stdin_isatty:
        raise UsageError("this cannot be undone and there is no terminal to confirm in",
                         hint="add --yes to confirm")
    from rich.prompt import Confirm

    if not Confirm.ask(question, console=env.err, default=False, stream=env.stdin):
        env.info("Nothing was changed.")
        raise typer.Exit(1)


def _quietly(produce: Callable[[Env], list[str]], incomplete: str) -> list[str]:
    """Completion candidates; a completion never fails loudly (no database yet, no profile…)."""
    try:
        return [item for item in produce(Env()) if item.startswith(incomplete)]
    except Exception:  # noqa: BLE001 - the shell shows nothing rather than a traceback
        return []


def complete_emails(incomplete: str) -> list[str]:
    """Profile emails, for shell completion."""
    from mock_interview.services import quick

    return _quietly(lambda env: quick.profile_emails(env.app), incomplete)


def complete_interview_ids(incomplete: str) -> list[str]:
    """The active profile's interview ids (short form), newest first, for shell completion."""
    from mock_interview.services import quick

    return _quietly(lambda env: [row["interview_id"][:8] for row in quick.interviews(env.app, 50)],
                    incomplete.lower())
