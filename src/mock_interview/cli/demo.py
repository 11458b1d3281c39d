"""demo: a complete mock interview on a sample resume and job, without touching your data."""

from __future__ import annotations

from typing import Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples


def demo(
    ctx: typer.Context,
    reset: Annotated[bool, typer.Option("--reset", help="Delete the demo's data and stop.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Run a whole mock interview on a sample resume (interactive in a terminal, else with sample answers)."""
    from mock_interview.services import demo as service

    env = env_of(ctx)
    if reset:
        removed = service.reset(env.app)
        env.success("Demo data removed." if removed else "There was no demo data.")
        return
    interactive = env.stdin_isatty and env.stdout_isatty and not as_json
    demo_ctx, session, best = service.prepare(env.app, seed=None if interactive else 1)
    job = best.job
    env.info(f"[bold]Demo[/bold]: {service.DEMO_NAME}'s resume (a fictional person) interviewing for "
             f"[bold]{job.title}[/bold] at {job.company} (match {best.match.score}/100).")
    env.info(f"[dim]Demo data lives in {service.demo_dir(env.app)}; your own profile and data are "
             f"untouched. Remove it with: mock-interview demo --reset[/dim]")
    try:
        if interactive:
            from mock_interview.cli.interview_loop import InterviewQuit, run_loop

            try:
                data = run_loop(env, session)
            except (KeyboardInterrupt, EOFError, InterviewQuit):
                env.info("\nDemo stopped. Try the real thing: mock-interview interview --resume cv.pdf")
                raise typer.Exit(0) from None
        else:
            env.info("[dim]No terminal: answering with the demo's sample answers.[/dim]")
            data = service.answer_with_samples(session)
    finally:
        demo_ctx.close()
    if as_json:
        env.emit_json(data)
        return
    from mock_interview.cli.interview_render import render_result

    render_result(env, data)
    env.info("\nNext: [bold]mock-interview interview --resume your-cv.pdf[/bold] "
             "(add --job WORDS to choose the job)")


demo.__doc__ += examples("mock-interview demo", "mock-interview demo --json < /dev/null")


def install(app: typer.Typer) -> None:
    app.command()(demo)
