"""Your history in your hands: interviews delete and interviews abandon."""

from __future__ import annotations

from typing import Annotated

import typer

from mock_interview.cli.common import JsonFlag, complete_interview_ids, confirm, env_of, examples


def interviews_delete(
    ctx: typer.Context,
    interview_ids: Annotated[list[str], typer.Argument(
        metavar="ID...", help="Interview ids (or their first 8 characters).",
        autocompletion=complete_interview_ids)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Delete interviews with their answers, results and model-call records; stats and
    trends no longer count them. This cannot be undone."""
    from mock_interview.services import erasure

    env = env_of(ctx)
    count = len(set(interview_ids))
    confirm(env, f"Delete {count} interview(s) and their answers? This cannot be undone.", yes)
    erased = erasure.delete_interviews(env.app, interview_ids)
    if as_json:
        env.emit_json({"erased": erased.to_json()})
        return
    env.success(f"Deleted {len(erased.interviews)} interview(s): "
                + ", ".join(i[:8] for i in erased.interviews))


def interviews_abandon(
    ctx: typer.Context,
    interview_id: Annotated[str, typer.Argument(
        metavar="ID", help="Interview id (or its first 8 characters).",
        autocompletion=complete_interview_ids)],
    as_json: JsonFlag = False,
) -> None:
    """Mark an interview abandoned: it is kept, but stats and trends leave it out."""
    from mock_interview.services import erasure

    env = env_of(ctx)
    outcome = erasure.abandon_interview(env.app, interview_id)
    if as_json:
        env.emit_json(outcome)
        return
    env.success(f"Interview {outcome['interview_id'][:8]} abandoned; stats leave it out.")


interviews_delete.__doc__ += examples("mock-interview interviews delete 7c41d2aa 3f2a9c1e --yes")
interviews_abandon.__doc__ += examples("mock-interview interviews abandon 7c41d2aa")


def install(interviews_app: typer.Typer) -> None:
    """Add the commands to the `interviews` group (defined with the interview commands)."""
    interviews_app.command("delete")(interviews_delete)
    interviews_app.command("abandon")(interviews_abandon)
