"""Interviews: interview (interactive or scripted), interview show, interviews list, results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples
from mock_interview.errors import ExitCode, UsageError

interview_app = typer.Typer(
    help="Run a mock interview for a job, tailored to your resume; scores are 0–100."
    + examples(
        "mock-interview interview --job 3f2a9c1e",
        "mock-interview interview --job 3f2a9c1e --answers answers.json --json",
        "mock-interview interview --continue 7c41d2aa",
    ),
    invoke_without_command=True,
)
interviews_app = typer.Typer(help="Your interviews." + examples("mock-interview interviews list"),
                             no_args_is_help=True)


def read_answers(source: str, stdin) -> list[str]:
    """Answers from a JSON list, JSONL (strings or {"answer": …}) file, or '-' for stdin."""
    try:
        text = stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"answers file {source} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read answers from {source}: {exc}") from None
    text = text.strip()
    if not text:
        return []
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else data.get("answers") if isinstance(data, dict) else None
    except ValueError:
        try:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError as exc:
            raise UsageError(f"{source} is not a JSON list or JSON lines: {exc}") from None
    if not isinstance(items, list):
        raise UsageError(f'{source} must hold a JSON list of answers (or {{"answers": [...]}})')
    answers = []
    for index, item in enumerate(items, start=1):
        if isinstance(item, dict):
            item = item.get("answer", item.get("text"))
        if not isinstance(item, str):
            raise UsageError(f"answer {index} in {source} is not text")
        answers.append(item)
    return answers


@interview_app.callback()
def interview(
    ctx: typer.Context,
    job: Annotated[str | None, typer.Option("--job", "-j", help="Job id (or prefix, or slug). Default: your best match.")] = None,
    resume: Annotated[str | None, typer.Option("--resume", "-r", help="Resume id. Default: your latest upload.")] = None,
    questions: Annotated[int, typer.Option("--questions", "-q", help="How many questions (1-30).")] = 6,
    kind: Annotated[str, typer.Option("--type", help="mixed, technical or behavioral.")] = "mixed",
    difficulty: Annotated[str, typer.Option("--difficulty", "-d", help="easy, medium or hard.")] = "medium",
    seed: Annotated[int | None, typer.Option("--seed", help="Make the question choice repeatable.")] = None,
    time_limit: Annotated[int | None, typer.Option("--time-limit", help="Soft limit per question, in seconds (shown and recorded).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="auto, offline or openai.")] = "auto",
    resume_id: Annotated[str | None, typer.Option("--continue", help="Resume an interrupted interview by id.")] = None,
    answers: Annotated[str | None, typer.Option("--answers", help="Script mode: answers from a JSON list / JSONL file, or - for stdin.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Run a mock interview (interactive in a terminal; --answers for scripts)."""
    if ctx.invoked_subcommand is not None:
        return
    from mock_interview.services import interview as service
    from mock_interview.services import jobs as job_service

    env = env_of(ctx)
    scripted = answers is not None
    if not scripted and not env.stdin_isatty:
        raise UsageError("no terminal to answer in",
                         hint="give --answers FILE (or --answers - to read stdin)")
    answer_list = read_answers(answers, env.stdin) if scripted else []
    app = env.app
    if resume_id:
        record = service.find_interview(app, resume_id)
        session = service.InterviewSession(app, record.id)
        if session.status == "completed":
            raise UsageError(f"interview {str(record.id)[:8]} is already complete",
                             hint=f"see mock-interview results {str(record.id)[:8]}")
    else:
        chosen = None
        if job is None:
            result = job_service.search(app, None, match=True, limit=5)
            if not result.jobs:
                raise UsageError("no job to interview for", hint="import some: mock-interview jobs import FILE")
            chosen = result.jobs[0].job
            env.info(f"Interviewing for your best match: [bold]{chosen.title}[/bold] at "
                     f"{chosen.company} (match {result.jobs[0].match.score}/100). Use --job to choose.")
        options = service.InterviewOptions(job=job, resume=resume, count=questions, mix=kind,
                                           difficulty=difficulty, seed=seed, time_limit=time_limit,
                                           engine=engine)
        session = service.start(app, options, job=chosen)
    if scripted:
        data = service.run_script(session, answer_list)
    else:
        from mock_interview.cli.interview_loop import InterviewQuit, run_loop

        try:
            data = run_loop(env, session)
        except (KeyboardInterrupt, EOFError, InterviewQuit) as exc:
            env.info(f"\nYour answers are saved. Resume with: mock-interview interview --continue "
                     f"{str(session.interview_id)[:8]}")
            raise typer.Exit(int(ExitCode.INTERRUPTED if isinstance(exc, KeyboardInterrupt) else ExitCode.OK)) from None
    if as_json:
        env.emit_json(data)
        return
    from mock_interview.cli.interview_render import render_result

    render_result(env, data)


@interview_app.command("show")
def interview_show(
    ctx: typer.Context,
    interview_id: Annotated[str, typer.Argument(help="Interview id (or its first 8 characters).")],
    as_json: JsonFlag = False,
) -> None:
    """Show one interview: questions, answers, per-answer scores and the result."""
    from mock_interview.cli.interview_render import render_result
    from mock_interview.services import interview as service

    env = env_of(ctx)
    data = service.describe(env.app, service.find_interview(env.app, interview_id).id)
    if as_json:
        env.emit_json(data)
        return
    render_result(env, data)


@interviews_app.command("list")
def interviews_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to show.")] = 50,
    as_json: JsonFlag = False,
) -> None:
    """List your interviews, newest first, with their overall score (0–100)."""
    from mock_interview.services import interview as service

    env = env_of(ctx)
    rows = service.list_interviews(env.app, limit)
    if as_json:
        env.emit_json({"total": len(rows), "interviews": rows})
        return
    if not rows:
        env.info("No interviews yet. Start one: mock-interview interview")
        return
    from rich.table import Table

    table = Table(title="Interviews", title_justify="left")
    for name in ("Id", "Started", "Job", "Status", "Overall (0–100)"):
        table.add_column(name)
    for row in rows:
        score = row["overall_score"]
        table.add_row(row["interview_id"][:8], row["started_at"][:16].replace("T", " "),
                      f"{row['job_title']} · {row['job_company']}", row["status"],
                      "" if score is None else f"{score:.0f}")
    env.out.print(table)


def results(
    ctx: typer.Context,
    interview_id: Annotated[str, typer.Argument(help="Interview id (or its first 8 characters).")],
    as_json: JsonFlag = False,
) -> None:
    """Show the result of an interview: the four scores, feedback and what to practise."""
    interview_show(ctx, interview_id, as_json)


interview.__doc__ += examples("mock-interview interview --job 3f2a9c1e --questions 8 --type technical")
interview_show.__doc__ += examples("mock-interview interview show 7c41d2aa --json")
interviews_list.__doc__ += examples("mock-interview interviews list --json")
results.__doc__ += examples("mock-interview results 7c41d2aa")


def install(app: typer.Typer) -> None:
    app.add_typer(interview_app, name="interview")
    app.add_typer(interviews_app, name="interviews")
    app.command()(results)
