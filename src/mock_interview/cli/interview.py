"""Interviews: interview (interactive or scripted), interview show, interviews list, results."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from mock_interview.cli.common import JsonFlag, env_of, examples
from mock_interview.cli.render.labels import whole
from mock_interview.errors import ExitCode, UsageError


class _InterviewGroup(TyperGroup):
    """`interview "data engineer"` reads as `interview --job "data engineer"`: words that are
    not a subcommand, given before any option, name the job."""

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201 (Click's own signature)
        takes_value = {name for param in self.params if param.param_type_name == "option"
                       and not getattr(param, "is_flag", False) for name in param.opts}
        index = 0
        while index < len(args):
            word = args[index]
            if word == "--" or word in self.commands:
                break
            if word.startswith("-"):
                index += 2 if word in takes_value else 1
                continue
            args = [*args[:index], "--job", word, *args[index + 1:]]
            break
        return super().parse_args(ctx, args)


interview_app = typer.Typer(
    cls=_InterviewGroup,
    help="Run a mock interview for a job, tailored to your resume; scores are 0–100."
    + examples(
        "mock-interview interview --job 3f2a9c1e",
        'mock-interview interview "data engineer"',
        "mock-interview interview --job 3f2a9c1e --answers answers.json --json",
        "cat posting.txt | mock-interview interview --job-file - --resume cv.pdf",
        "mock-interview interview --continue 7c41d2aa",
        "mock-interview interview --review",
    ),
    invoke_without_command=True,
)
interviews_app = typer.Typer(help="Your interviews." + examples("mock-interview interviews list"),
                             no_args_is_help=True)


def read_answers(source: str, stdin) -> list[str]:
    """Answers from a JSON list, JSONL (strings or {"answer": …}) file, or '-' for stdin, read
    up to the documented limits (io/limits.py)."""
    from mock_interview.io import limits

    what = "the answers on stdin" if source == "-" else f"answers file {source}"
    if source == "-":
        stream = getattr(stdin, "buffer", None)
        raw = (limits.read_capped(stream, limits.MAX_ANSWERS_FILE_BYTES, what) if stream is not None
               else stdin.read(limits.MAX_ANSWERS_FILE_BYTES + 1))
    elif not Path(source).exists():
        raise UsageError(f"answers file {source} does not exist")
    else:
        raw = limits.read_file_capped(Path(source), limits.MAX_ANSWERS_FILE_BYTES, what)
    if len(raw) > limits.MAX_ANSWERS_FILE_BYTES:
        raise UsageError(f"{what} is over the limit of {limits.MAX_ANSWERS_FILE_BYTES / limits.MB:g} MB")
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise UsageError(f"cannot read {what}: not UTF-8 text (byte {exc.start})") from None
    text = text.strip()
    if not text:
        return []
    try:
        data = limits.loads_json(text, what)
        items = data if isinstance(data, list) else data.get("answers") if isinstance(data, dict) else None
    except UsageError as whole:
        if "deeper" in whole.message or "surrogate" in whole.message:
            raise
        try:
            items = [limits.loads_json(line, what) for line in text.splitlines() if line.strip()]
        except UsageError as exc:
            raise UsageError(f"{source} is not a JSON list or JSON lines: {exc.message}") from None
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
    job_file: Annotated[
        str | None,
        typer.Option("--job-file", metavar="FILE|-",
                     help="A job description as copied from a posting (text, PDF or DOCX; - for "
                          "stdin): added to the catalogue, then the interview is for it."),
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
    continue_id: Annotated[str | None, typer.Option(
        "--continue", help="Resume an interrupted interview by id.")] = None,
    review: Annotated[
        bool,
        typer.Option("--review",
                     help="Practise what you scored lowest on, spaced over time (low scores come back sooner)."),
    ] = False,
    answers: Annotated[
        str | None,
        typer.Option("--answers", help="Script mode: answers from a JSON list / JSONL file, or - for stdin. "
                                       'An answer "/retry" makes the next one a new attempt at the last question.'),
    ] = None,
    exam: Annotated[
        bool,
        typer.Option("--exam", help="Scores only: no feedback notes, hints, retries or model answers."),
    ] = False,
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
    if job_file is not None:
        if job is not None or continue_id or review:
            raise UsageError("--job-file chooses the job: leave out --job, --continue and --review")
        if job_file == "-" and answers == "-":
            raise UsageError("--job-file - and --answers - cannot both read stdin",
                             hint="give one of them as a file")
    answer_list = read_answers(answers, env.stdin) if scripted else []
    app = env.app
    if engine is not None and engine not in service.ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(service.ENGINES)}")
    llm_flags = dict(base_url=base_url, model=model, max_cost=max_cost)
    if continue_id:
        record = service.find_interview(app, continue_id)
        from mock_interview.cli.interview_history import refuse_abandoned

        refuse_abandoned(record)
        session = service.InterviewSession(app, record.id, llm_overrides=service.InterviewOptions(**llm_flags))
        if session.status == "completed":
            raise UsageError(f"interview {str(record.id)[:8]} is already complete",
                             hint=f"see mock-interview results {str(record.id)[:8]}")
        from mock_interview.cli.interview_render import recap_text

        for line in recap_text(session.recap()):
            env.info(line)
    elif review:
        try:
            session = service.start_review(app, service.InterviewOptions(
                job=job, count=questions, difficulty=difficulty, seed=seed,
                time_limit=time_limit, engine=engine or "auto", **llm_flags))
        except service.NothingToReview as nothing:
            when = f" The next one is due on {nothing.next_due:%Y-%m-%d}." if nothing.next_due else ""
            env.info(f"Nothing is due for review yet.{when} Try a new interview: mock-interview interview")
            return
        plan = session.plan()
        due = sum(1 for q in plan if (q.reason or "").startswith("review: you scored"))
        topics = list(dict.fromkeys((q.reason or "").removeprefix("review: ").removesuffix(
            " is among your weakest skills") for q in plan[due:]))
        parts = [f"{due} question(s) due again"] if due else []
        if len(plan) > due:
            parts.append(f"{len(plan) - due} new on your weakest skills ({', '.join(topics[:4])})")
        env.info("Review: " + " and ".join(parts) + ".")
    else:
        if resume is not None and _looks_like_path(resume):
            resume = _upload_for_interview(env, resume)
        if job_file is not None:
            chosen, reason = _job_from_file(env, job_file), None
        else:
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
        if exam and any(a.strip().lower() == service.RETRY for a in answer_list):
            raise UsageError("/retry is not available with --exam")
        data = service.run_script(session, answer_list,
                                  on_answer=None if exam else _script_note(env))
    else:
        from mock_interview.cli.interview_loop import InterviewQuit, run_loop

        try:
            data = run_loop(env, session, exam=exam)
        except (KeyboardInterrupt, EOFError, InterviewQuit) as exc:
            env.info(f"\nYour answers are saved. Resume with: mock-interview interview --continue "
                     f"{str(session.interview_id)[:8]}")
            raise typer.Exit(int(ExitCode.INTERRUPTED if isinstance(exc, KeyboardInterrupt) else ExitCode.OK)) from None
    if exam:
        data = _numbers_only(data)
    if as_json:
        env.emit_json(data)
        return
    from mock_interview.cli.interview_render import render_model_answers, render_result
    from mock_interview.services.reports import InterviewReport

    report = InterviewReport.from_document(data)
    render_result(env, report)
    if not exam:
        render_model_answers(env, report)
    _render_llm(env, data)


def _script_note(env):
    """Script mode tells, per answer, its scores and the coach's note (on stderr)."""
    from mock_interview.cli.interview_render import note_text, retry_text

    def on_answer(question: str, outcome) -> None:
        from rich.markup import escape

        short = question if len(question) <= 70 else question[:69] + "…"
        if outcome.attempt > 1:
            env.err.print(f"[dim]{escape(short)}[/dim] " + retry_text(outcome))
        else:
            env.err.print(f"[dim]{escape(short)}: overall {whole(outcome.scores['overall'])}[/dim]")
        for line in note_text(outcome.note):
            env.err.print(line)

    return on_answer


def _numbers_only(data: dict) -> dict:
    """An exam's result without the coaching: no notes and no model answers."""
    questions = [{**q, "note": None, "model_answer": None} for q in data.get("questions") or []]
    return {**data, "questions": questions}


def _say_engine(env, session) -> None:
    """One line on which model grades this interview (nothing for an engine with no model)."""
    model = session.model_info()
    if model is None:
        return
    cost = f", at most ${model['max_cost']:g}" if model["max_cost"] is not None else ""
    env.info(f"[dim]Model: {model['model']} at {model['endpoint']}{cost}. Answers are graded "
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


def _job_from_file(env, source: str):
    """The posting read from --job-file, stored in the catalogue (or updated if seen before)."""
    from mock_interview.cli.jobs import read_job_file
    from mock_interview.services import jobs as job_service

    added = job_service.add_from_text(env.app, read_job_file(env, source))
    read = added.parsed
    found = [f"{len(read.requirements)} requirements", f"{len(read.skills)} skills"]
    if read.certifications:
        found.append(f"{len(read.certifications)} certifications")
    verb = "Added" if added.created else "Using"
    env.info(f"{verb} job {str(added.job.id)[:8]} from the description ({', '.join(found)}); "
             f"see it with: mock-interview jobs show {str(added.job.id)[:8]}")
    return added.job


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
    best = "your best match" if key is None else f"the best match for {key!r}"
    reason = "your choice" if choice else best
    return view.job, reason


@interview_app.command("show")
def interview_show(
    ctx: typer.Context,
    interview_id: Annotated[str, typer.Argument(help="Interview id (or its first 8 characters).")],
    as_json: JsonFlag = False,
) -> None:
    """Show one interview's transcript: each question with your answer, its scores, the
    coach's note, retries and a model answer; then the result."""
    from mock_interview.cli.interview_render import render_transcript
    from mock_interview.services import reports

    env = env_of(ctx)
    report = reports.interview_report(env.app, interview_id)
    if as_json:
        env.emit_json(report.to_json())
        return
    render_transcript(env, report)
    _render_llm(env, report.document)


interview.__doc__ += examples("mock-interview interview --job 3f2a9c1e --questions 8 --type technical")
interview_show.__doc__ += examples("mock-interview interview show 7c41d2aa --json")


def install(app: typer.Typer) -> None:
    app.add_typer(interview_app, name="interview")
    app.add_typer(interviews_app, name="interviews")
