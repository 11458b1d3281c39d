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
                env.info("\nDemo stopped.")
                _next_steps(env)
                raise typer.Exit(0) from None
        else:
            env.info("[dim]No terminal: answering with the demo's sample answers.[/dim]")
            from mock_interview.cli.interview import _script_note

            data = service.answer_with_samples(session, on_answer=None if as_json else _script_note(env))
    finally:
        demo_ctx.close()
    if as_json:
        env.emit_json(data)
        return
    from mock_interview.cli.interview_render import render_model_answers, render_result
    from mock_interview.services.reports import InterviewReport

    report = InterviewReport.from_document(data)
    render_result(env, report)
    render_model_answers(env, report)
    _next_steps(env)


def _next_steps(env) -> None:
    """How to start with one's own resume and a job description one has."""
    env.info("\n[bold]Your turn[/bold], with your own resume (parsed on your machine):\n"
             "  [bold]mock-interview interview --resume cv.pdf[/bold]\n"
             '  [bold]mock-interview interview --resume cv.pdf "data engineer"[/bold]  (words pick the job)\n'
             "With a job description pasted into jd.txt (or - to read stdin):\n"
             "  [bold]mock-interview interview --resume cv.pdf --job-file jd.txt[/bold]\n"
             "  [bold]mock-interview jobs add --text jd.txt[/bold]  (keeps it in your catalogue)")


demo.__doc__ += examples("mock-interview demo", "mock-interview demo --json < /dev/null")


def install(app: typer.Typer) -> None:
    app.command()(demo)
