"""The interactive terminal loop: Rich panels, a prompt-toolkit multi-line editor.

Each answer is committed by the session before the next question shows; Ctrl-C or a closed
terminal leaves the interview resumable with `--continue`.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mock_interview.cli.env import Env
    from mock_interview.services.interview import InterviewSession

HINT = ("Type your answer. [bold]Esc then Enter[/bold] (or Alt+Enter) submits. "
        "Commands: [bold]/skip[/bold] [bold]/repeat[/bold] [bold]/quit[/bold]")


class InterviewQuit(Exception):
    """The person asked to stop; the interview stays resumable."""


def _prompt_session() -> Any:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("c-d")
    def _submit(event: Any) -> None:  # Ctrl-D submits, as in many editors' "done"
        event.current_buffer.validate_and_handle()

    return PromptSession(multiline=True, history=InMemoryHistory(), key_bindings=bindings,
                         prompt_continuation=lambda width, *_: "… ".rjust(width))


def _toolbar(started: float, limit: int | None) -> Any:
    def render() -> str:
        elapsed = int(time.monotonic() - started)
        text = f" ⏱ {elapsed // 60}:{elapsed % 60:02d}"
        if limit:
            text += f" / {limit // 60}:{limit % 60:02d}"
            if elapsed > limit:
                text += "  (over the time limit: finish your thought)"
        return text + "   Esc+Enter submit · /skip · /repeat · /quit"

    return render


def run_loop(env: Env, session: InterviewSession) -> dict[str, Any] | None:
    """Ask until done; returns the finished interview, or None if the person quit."""
    from mock_interview.cli.interview_render import question_panel

    prompt = _prompt_session()
    env.err.print(HINT)
    while True:
        question = session.ensure_asked()
        if question is None:
            return session.finish()
        env.out.print(question_panel(question))
        started = time.monotonic()
        answer = prompt.prompt("> ", bottom_toolbar=_toolbar(started, question.time_limit),
                               refresh_interval=1.0)
        command = answer.strip().lower()
        if command in {"/quit", "/exit", "/q"}:
            raise InterviewQuit
        if command in {"/repeat", "/r"}:
            continue
        if command in {"/skip", "/s"}:
            session.skip()
            env.err.print("[dim]Skipped.[/dim]")
            continue
        if not answer.strip():
            env.err.print("[yellow]Empty answer: type something, or /skip.[/yellow]")
            continue
        outcome = session.submit(answer)
        scores = outcome.scores
        env.err.print(
            f"[green]Saved.[/green] [dim]overall {scores['overall']:.0f} · technical "
            f"{scores['technical']:.0f} · communication {scores['communication']:.0f} "
            f"· job match {scores['job_match']:.0f} (0–100)[/dim]"
        )
        if outcome.done:
            return session.finish()
