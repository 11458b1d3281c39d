"""Pieces shared by the command modules."""

from __future__ import annotations

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
