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
