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
        "mock-interview interview --review",
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
    from mock_interview.domain.interview.answers import normalise_answers

    return normalise_answers(items, source)


@interview_app.callback()
def interview(
    ctx: typer.Context,
    job: Annotated[
        str | None,
        typer.Option("--job", "-j",
                     help="Job id, id prefix or slug, or words to search for. Default: your best match."),
    ] = None,
    resume: Annotated[
        str | None,
        typer.Option("--resume", "-r",
                     help="A resume file (uploaded, or reused if uploaded before) or a resume id. "
                          "Default: your latest upload."),
    ] = None,
    questions: Annotated[int, typer.Option("--questions", "-q", help="How many questions (1-30).")] = 6,
    kind: Annotated[str, typer.Option("--type", help="mixed, technical or behavioral.")] = "mixed",
    difficulty: Annotated[str, typer.Option("--difficulty", "-d", help="easy, medium or hard.")] = "medium",
    seed: Annotated[int | None, typer.Option("--seed", help="Make the question choice repeatable.")] = None,
    time_limit: Annotated[
        int | None,
        typer.Option("--time-limit", help="Soft limit per question, in seconds (shown and recorded)."),
    ] = None,
    engine: Annotated[str | None, typer.Option(
        "--engine", help="auto (the model when a key or base URL is configured), offline or openai. "
                         "Default: llm.provider (auto).")] = None,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", metavar="URL",
        help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1. Also OPENAI_BASE_URL.")] = None,
    model: Annotated[str | None, typer.Option(
        "--model", help="Model name for the endpoint (default: llm.model).")] = None,
    max_cost: Annotated[float | None, typer.Option(
        "--max-cost", metavar="USD",
        help="Stop spending on the model past this estimated cost (USD); the rest is graded offline.")] = None,
    resume_id: Annotated[str | None, typer.Option("--continue", help="Resume an interrupted interview by id.")] = None,
    review: Annotated[
        bool,
        typer.Option("--review",
                     help="Practise what you scored lowest on, spaced over time (low scores come back sooner)."),
    ] = False,
    answers: Annotated[
        str | None,
        typer.Option("--answers", help="Script mode: answers from a JSON list / JSONL file, or - for stdin."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Run a mock interview (interactive in a terminal; --answers for scripts)."""
    if ctx.invoked_subcommand is not None:
        return
    from mock_interview.services import interview as service

    env = env_of(ctx)
    scripted = answers is not None
    if not scripted and not env.stdin_isatty:
        raise UsageError("no terminal to answer in",
                         hint="give --answers FILE (or --answers - to read stdin)")
    answer_list = read_answers(answers, env.stdin) if scripted else []
    app = env.app
    if engine is not None and engine not in service.ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(service.ENGINES)}")
    llm_flags = dict(base_url=base_url, model=model, max_cost=max_cost)
    if resume_id:
        record = service.find_interview(app, resume_id)
        session = service.InterviewSession(app, record.id, llm_overrides=service.InterviewOptions(**llm_flags))
        if session.status == "completed":
            raise UsageError(f"interview {str(record.id)[:8]} is already complete",
                             hint=f"see mock-interview results {str(record.id)[:8]}")
    elif review:
        try:
            session = service.start_review(app, service.InterviewOptions(
                job=job, count=questions, difficulty=difficulty, seed=seed,
                time_limit=time_limit, engine=engine or "auto", **llm_flags))
        except service.NothingToReview as nothing:
            when = f" The next one is due on {nothing.next_due:%Y-%m-%d}." if nothing.next_due else ""
            env.info(f"Nothing is due for review yet.{when} Try a new interview: mock-interview interview")
            return
        env.info(f"Review: {len(session.plan())} question(s) you found hard before, or on your weakest skills.")
    else:
        if resume is not None and _looks_like_path(resume):
            resume = _upload_for_interview(env, resume)
        chosen, reason = _choose_job(env, job, resume)
        options = service.InterviewOptions(job=None, resume=resume, count=questions, mix=kind,
                                           difficulty=difficulty, seed=seed, time_limit=time_limit,
                                           engine=engine or "auto", **llm_flags)
        session = service.start(app, options, job=chosen)
        _say_job(env, session, reason)
    session.notify = env.warn
    session.flush_notices()
    _say_engine(env, session)
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
    _render_llm(env, data)


def _say_engine(env, session) -> None:
    """One line on which model grades this interview (nothing for the offline engine)."""
    engine = session.engine
    if engine.name != "openai":
        return
    config = engine.config
    cost = f", at most ${config.max_cost:g}" if config.max_cost is not None else ""
    env.info(f"[dim]Model: {config.model} at {engine.endpoint.display}{cost}. Answers are graded "
             "in the background; the score shown after each answer is the instant offline "
             "estimate.[/dim]")


def _render_llm(env, data) -> None:
    """The model's part in an interview: engines per answer and the cost ledger."""
    info = data.get("llm")
    if not info:
        return
    parts = []
    engines = info.get("answers_by_engine") or {}
    if engines:
        parts.append("answers graded by " + ", ".join(f"{name} {count}" for name, count in sorted(engines.items())))
    if info.get("pending_gradings"):
        parts.append(f"{info['pending_gradings']} grading(s) still pending")
    if info.get("fallbacks"):
        parts.append("offline because: " + ", ".join(f"{k} ×{v}" for k, v in info["fallbacks"].items()))
    usage = info.get("usage")
    if usage:
        cost = usage.get("cost_usd")
        cost_text = f"${cost:.4f}" if cost is not None else "cost unknown (no price for the model)"
        parts.append(f"{usage['calls']} model call(s), {usage['prompt_tokens']}+{usage['completion_tokens']} "
                     f"tokens, {cost_text}")
    from rich.markup import escape

    env.out.print(f"[dim]Model {escape(str(info.get('model')))}: {escape('; '.join(parts))}[/dim]")


def _looks_like_path(value: str) -> bool:
    import os

    return (os.path.exists(value) or os.sep in value or "/" in value
            or value.lower().endswith((".pdf", ".docx", ".txt")))


def _upload_for_interview(env, path: str) -> str:
    """Upload the file (or find the earlier upload of the same content); returns its id."""
    from mock_interview.services import resumes

    outcome = resumes.upload_path(env.app, path)
    if outcome.profile_created:
        env.info(f"Created a local profile ({outcome.profile_email}); "
                 f'rename it any time with: mock-interview register --name "…" --email …')
    resume = outcome.resume
    verb = "Uploaded" if outcome.created else "Using your earlier upload of"
    env.info(f"{verb} {resume.filename} (resume {resume.id.hex[:8]}): "
             f"{len(resume.skills or [])} skills, {len(resume.experience or [])} roles.")
    return resume.id.hex


def _say_job(env, session, reason: str | None) -> None:
    """The interview's job, resume and match, in one line."""
    from rich.markup import escape

    heading = getattr(session, "job_heading", None)
    if not heading:
        return
    if reason:
        env.info(f"Interviewing for {reason}: [bold]{escape(heading)}[/bold]. Use --job ID to choose another.")
    else:
        env.info(f"Interviewing for [bold]{escape(heading)}[/bold].")


def _choose_job(env, key: str | None, resume: str | None = None):
    """The job by id/slug, or the best of a search by fit with ``resume`` (an id; default the
    latest), asking in a terminal when it is close; with why it was chosen (None: named)."""
    from mock_interview.errors import NotFoundError
    from mock_interview.services import jobs as job_service

    app = env.app
    if key is not None:
        try:
            return job_service.resolve_job(app, key), None
        except NotFoundError:
            pass  # not an id: search for the words
    result = job_service.search(app, key, limit=5, resume=resume)
    if not result.jobs:
        if key is None:
            raise UsageError("no job to interview for", hint="import some: mock-interview jobs import FILE")
        raise NotFoundError(f"no job matches {key!r}",
                            hint=f'see what there is: mock-interview search-jobs "{key}"')
    views = result.jobs
    scores = [v.match.score for v in views if v.match is not None]
    close = len(views) > 1 and (not scores or len(scores) < 2 or scores[0] - scores[1] < 5)
    choice = 0
    if close and env.stdin_isatty:
        from rich.prompt import IntPrompt
        from rich.table import Table

        table = Table(title="Which job?", title_justify="left")
        for name in ("#", "Title", "Company", "Location", "Match (0–100)"):
            table.add_column(name)
        for number, view in enumerate(views, start=1):
            table.add_row(str(number), view.job.title, view.job.company, view.job.location,
                          "" if view.match is None else str(view.match.score))
        env.err.print(table)
        choice = IntPrompt.ask("Pick a job", console=env.err, default=1,
                               choices=[str(n) for n in range(1, len(views) + 1)],
                               show_choices=False) - 1
    view = views[choice]
    if choice:
        reason = "your choice"
    else:
        reason = "your best match" if key is None else f"the best match for {key!r}"
    return view.job, reason


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
    _render_llm(env, data)


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
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Export a report: md, html (one self-contained page) or json."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o",
                     help="Write the report to FILE (atomically; a directory gets interview-ID.FMT). Default: stdout."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Show the result of an interview: the four scores, feedback and what to practise."""
    if fmt is None and output is None:
        interview_show(ctx, interview_id, as_json)
        return
    from mock_interview.services import interview as service
    from mock_interview.services import report_export

    if fmt is None:  # from -o's suffix, else --json, else Markdown
        suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
        fmt = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "json": "json"}.get(
            suffix, "json" if as_json else "md")
    fmt = fmt.lower()
    if fmt not in report_export.FORMATS:
        raise UsageError(f"--format must be one of {', '.join(report_export.FORMATS)}")
    if as_json and fmt != "json":
        raise UsageError(f"--json conflicts with --format {fmt}")
    env = env_of(ctx)
    data = service.describe(env.app, service.find_interview(env.app, interview_id).id)
    written = report_export.write_report(data, fmt, output, stdout=env.stdout)
    if written is not None:
        env.success(f"Wrote the {fmt} report to {written}")


interview.__doc__ += examples("mock-interview interview --job 3f2a9c1e --questions 8 --type technical")
interview_show.__doc__ += examples("mock-interview interview show 7c41d2aa --json")
interviews_list.__doc__ += examples("mock-interview interviews list --json")
results.__doc__ += examples("mock-interview results 7c41d2aa",
                            "mock-interview results 7c41d2aa --format html -o report.html")


def install(app: typer.Typer) -> None:
    app.add_typer(interview_app, name="interview")
    app.add_typer(interviews_app, name="interviews")
    app.command()(results)
