"""The interactive terminal loop: Rich panels, a prompt-toolkit multi-line editor.

Each answer is committed by the session before the next question shows; Ctrl-C or a closed
terminal leaves the interview resumable with `--continue`, and Ctrl-C keeps the unsent text
as a draft that `--continue` puts back in the editor.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mock_interview.cli.env import Env
    from mock_interview.services.interview import InterviewSession

COMMANDS = {"/quit": "quit", "/exit": "quit", "/q": "quit", "/repeat": "repeat", "/r": "repeat",
            "/skip": "skip", "/s": "skip", "/hint": "hint", "/h": "hint", "/retry": "retry",
            "/model": "model", "/help": "help", "/?": "help"}
HINT = ("Type your answer. [bold]Esc then Enter[/bold] (or Alt+Enter) submits; a line with only a "
        "command submits with Enter: [bold]/hint[/bold] [bold]/skip[/bold] [bold]/retry[/bold] "
        "(answer the last question again) [bold]/model[/bold] (a model answer to it) "
        "[bold]/repeat[/bold] [bold]/quit[/bold]")
EXAM_HINT = ("Exam mode: scores only. [bold]Esc then Enter[/bold] (or Alt+Enter) submits; "
             "[bold]/skip[/bold] [bold]/repeat[/bold] [bold]/quit[/bold] with Enter.")
COACHING = {"hint", "retry", "model"}


class InterviewQuit(Exception):
    """The person asked to stop; the interview stays resumable."""


class DraftInterrupt(KeyboardInterrupt):
    """Ctrl-C in the editor, carrying the text typed so far."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def command_of(text: str) -> str | None:
    """The command a one-line entry names ("/skip" -> "skip"), or None for an answer."""
    stripped = text.strip()
    if "\n" in stripped:
        return None
    return COMMANDS.get(stripped.lower())


def _prompt_session() -> Any:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.application.current import get_app
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("c-d")
    def _submit(event: Any) -> None:  # Ctrl-D submits, as in many editors' "done"
        event.current_buffer.validate_and_handle()

    state = {"empty_submits": False}

    @Condition
    def _is_command() -> bool:
        text = get_app().current_buffer.text
        return command_of(text) is not None or (state["empty_submits"] and not text.strip())

    @bindings.add("enter", filter=_is_command)
    def _run_command(event: Any) -> None:  # a command needs no Esc: it is never an answer
        event.current_buffer.validate_and_handle()

    @bindings.add("c-c")
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=DraftInterrupt(event.current_buffer.text), style="class:aborting")

    session = PromptSession(multiline=True, history=InMemoryHistory(), key_bindings=bindings,
                            prompt_continuation=lambda width, *_: "… ".rjust(width))
    session.enter_state = state  # Enter on an empty line submits while this says so
    return session


def _toolbar(started: float, limit: int | None, exam: bool) -> Any:
    keys = "Esc+Enter submit · /skip · /repeat · /quit" if exam else \
        "Esc+Enter submit · /hint · /skip · /retry · /model · /quit"

    def render() -> str:
        elapsed = int(time.monotonic() - started)
        text = f" ⏱ {elapsed // 60}:{elapsed % 60:02d}"
        if limit:
            text += f" / {limit // 60}:{limit % 60:02d}"
            if elapsed > limit:
                text += "  (over the time limit: finish your thought)"
        return f"{text}   {keys}"

    return render


def _ask(env: Env, prompt: Any, started: float, limit: int | None, exam: bool, draft: str = "") -> str:
    """The text submitted in the editor. Ctrl-C raises DraftInterrupt with the unsent text,
    also when it lands before the editor has taken the keyboard (a long draft still being
    drawn): then the signal cancels the editor's event loop, and the draft it was given is
    what was unsent."""
    from asyncio import CancelledError

    try:
        return prompt.prompt("> ", bottom_toolbar=_toolbar(started, limit, exam),
                             refresh_interval=1.0, default=draft)
    except DraftInterrupt:
        raise
    except (KeyboardInterrupt, CancelledError):
        raise DraftInterrupt(draft) from None


def _too_long(env: Env, answer: str) -> bool:
    """Say so, in one line, when an answer is past the limit every answer has."""
    from mock_interview.io.limits import MAX_ANSWER_CHARS

    if len(answer) <= MAX_ANSWER_CHARS:
        return False
    env.err.print(f"[yellow]That answer is {len(answer):,} characters; the limit is "
                  f"{MAX_ANSWER_CHARS:,}. Shorten it and submit again.[/yellow]")
    return True


def run_loop(env: Env, session: InterviewSession, *, exam: bool = False) -> dict[str, Any] | None:
    """Ask until done; returns the finished interview. Raises InterviewQuit on /quit and
    KeyboardInterrupt on Ctrl-C (the unsent text saved as a draft first)."""
    from mock_interview.cli.interview_render import (
        note_text,
        question_panel,
        scores_text,
    )

    prompt = _prompt_session()
    env.err.print(EXAM_HINT if exam else HINT)
    draft = session.draft() or ""
    if draft:
        env.err.print("[dim]Your unsent draft is back in the editor.[/dim]")
    show_panel = True
    while True:
        question = session.ensure_asked()
        if question is None:
            return _closing(env, session, prompt, exam)
        if show_panel:
            env.out.print(question_panel(question))
        show_panel = True
        started = time.monotonic()
        try:
            answer = _ask(env, prompt, started, question.time_limit, exam, draft)
        except DraftInterrupt as interrupt:
            session.save_draft(interrupt.text)
            raise
        draft = ""
        command = command_of(answer)
        if command in COACHING and exam:
            env.err.print("[yellow]Not in an exam: scores only. Type your answer, or /skip.[/yellow]")
            show_panel = False
            continue
        if command == "quit":
            raise InterviewQuit
        if command == "repeat":
            continue
        if command == "help":
            env.err.print(HINT)
            show_panel = False
            continue
        if command == "skip":
            session.skip()
            env.err.print("[dim]Skipped.[/dim]")
            continue
        if command == "hint":
            _print_hints(env, session.hints())
            show_panel = False
            continue
        if command == "model":
            _print_model(env, session)
            show_panel = False
            continue
        if command == "retry":
            _retry(env, session, prompt, exam)
            continue  # the waiting question again
        if not answer.strip():
            env.err.print("[yellow]Empty answer: type something, or /skip.[/yellow]")
            show_panel = False
            continue
        if _too_long(env, answer):
            draft, show_panel = answer, False  # back in the editor to shorten; nothing stored
            continue
        outcome = session.submit(answer)
        env.err.print(scores_text(outcome.scores))
        if not exam:
            for line in note_text(outcome.note):
                env.err.print(line)


def _closing(env: Env, session: InterviewSession, prompt: Any, exam: bool) -> dict[str, Any]:
    """After the last answer: a chance to retry it or see a model answer, then the result."""
    while not exam and session.last_answered() is not None:
        env.err.print("[dim]That was the last question. Enter for your result, or "
                      "/retry · /model.[/dim]")
        prompt.enter_state["empty_submits"] = True
        try:
            reply = _ask(env, prompt, time.monotonic(), None, exam)
        finally:
            prompt.enter_state["empty_submits"] = False
        command = command_of(reply)
        if command == "retry":
            _retry(env, session, prompt, exam)
            continue
        if command == "model":
            _print_model(env, session)
            continue
        if command == "quit":
            raise InterviewQuit
        break
    return session.finish()


def _retry(env: Env, session: InterviewSession, prompt: Any, exam: bool) -> None:
    """Ask the last answered question again; say how the new attempt did."""
    from rich.markup import escape
    from rich.panel import Panel

    from mock_interview.cli.interview_render import note_text, retry_text

    row = session.last_answered()
    if row is None:
        env.err.print("[yellow]Nothing to retry yet: answer a question first.[/yellow]")
        return
    env.out.print(Panel(escape(row.question), title="Retry · answer it again; the better attempt counts",
                        title_align="left", border_style="blue", padding=(1, 2)))
    from mock_interview.store.models import utcnow

    started_at = utcnow()
    while True:
        text = _ask(env, prompt, time.monotonic(), row.time_limit_seconds, exam)
        command = command_of(text)
        if command is not None:
            env.err.print("[dim]Retry cancelled.[/dim]")
            return
        if text.strip() and _too_long(env, text):
            continue
        if text.strip():
            outcome = session.retry(text, started=started_at)
            env.err.print(retry_text(outcome))
            for line in note_text(outcome.note):
                env.err.print(line)
            return
        env.err.print("[yellow]Empty answer: type your new attempt.[/yellow]")


def _print_hints(env: Env, prompts: list[str]) -> None:
    from rich.markup import escape

    if not prompts:
        env.err.print("[dim]No hints for this question.[/dim]")
        return
    env.err.print("[bold cyan]Hints[/bold cyan] [dim](what a strong answer covers)[/dim]")
    for item in prompts:
        env.err.print(f"  • {escape(item)}")


def _print_model(env: Env, session: InterviewSession) -> None:
    from rich.markup import escape

    model = session.model_answer()
    if not model:
        env.err.print("[dim]No model answer yet: answer a question first.[/dim]")
        return
    source = "written by the model" if model["source"] == "model" else "from the key points and your resume"
    env.err.print(f"[bold cyan]Model answer[/bold cyan] [dim]({source})[/dim]")
    for line in model["text"].splitlines():
        env.err.print(f"  {escape(line)}")
