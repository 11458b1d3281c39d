"""Jobs: search-jobs, jobs list / show / import / delete."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples

if TYPE_CHECKING:
    from mock_interview.cli.env import Env
    from mock_interview.services.jobs import JobView, SearchResult

jobs_app = typer.Typer(
    help="The job catalogue: list, show, add, import and delete postings."
    + examples("mock-interview jobs list", "mock-interview jobs add --text posting.txt",
               "mock-interview jobs import postings.csv"),
    no_args_is_help=True,
)


def _salary(view: JobView) -> str:
    job = view.job
    if job.salary_min is None and job.salary_max is None:
        return ""
    low = f"{job.salary_min:,}" if job.salary_min is not None else "?"
    high = f"{job.salary_max:,}" if job.salary_max is not None else "?"
    per = {"year": "/yr", "month": "/mo", "hour": "/h"}.get(job.salary_period, "")
    return f"{low}–{high} {job.currency or ''}{per}".strip()


ResumeOption = Annotated[
    str | None,
    typer.Option("--resume", "-r", metavar="ID|PATH",
                 help="Match against this resume: an id from 'resumes list', or a file (uploaded, "
                      "or reused if uploaded before). Default: your latest upload."),
]


def looks_like_path(value: str) -> bool:
    import os

    return (os.path.exists(value) or os.sep in value or "/" in value
            or value.lower().endswith((".pdf", ".docx", ".txt")))


def resume_key(env: Env, value: str | None) -> str | None:
    """--resume as a resume id: a file is uploaded first (or its earlier upload reused)."""
    if value is None or not looks_like_path(value):
        return value
    from mock_interview.services import resumes

    outcome = resumes.upload_path(env.app, value)
    if outcome.profile_created:
        env.info(f"Created a local profile ({outcome.profile_email}); "
                 f'rename it any time with: mock-interview register --name "…" --email …')
    resume = outcome.resume
    verb = "Uploaded" if outcome.created else "Using your earlier upload of"
    env.info(f"{verb} {resume.filename} (resume {resume.id.hex[:8]}).")
    return resume.id.hex


def _render_results(env: Env, result: SearchResult, title: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    if not result.jobs:
        env.info("No postings match. Try fewer words or filters, or: mock-interview jobs list")
        return
    matched = result.matched_against is not None
    caption = f"{len(result.jobs)} of {result.total:,}{'' if result.total_exact else '+'}"
    if matched:
        how = "fit" if result.ranked_by == "fit" else "your words and fit"
        caption += (f" · ranked by {how} with resume {escape(result.matched_against)} "
                    "(match 0–100)")
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
    if matched:
        table.add_column("Match", justify="right")
    for name in ("Title", "Company", "Location", "Type", "Salary", "Id"):
        table.add_column(name, overflow="fold")
    for view in result.jobs:
        job = view.job
        where = job.location + ("" if job.remote == "onsite" else f" [dim]({job.remote})[/dim]")
        row = [escape(job.title), escape(job.company), where, job.job_type, _salary(view),
               f"[dim]{str(job.id)[:8]}[/dim]"]
        if matched:
            row.insert(0, str(view.match.score) if view.match else "")
        table.add_row(*row)
    env.out.print(table)
    if matched:
        top = result.jobs[0].match
        if top and top.missing_skills:
            env.info(f"[dim]Top match is missing: {', '.join(top.missing_skills)}[/dim]")


def search_jobs(
    ctx: typer.Context,
    query: Annotated[str | None, typer.Argument(help="Words to look for (title, skills, text).")] = None,
    location: Annotated[str | None, typer.Option("--location", "-l", help="City, country code or 'remote'.")] = None,
    remote: Annotated[bool, typer.Option("--remote", help="Only fully remote roles.")] = False,
    job_type: Annotated[
        str | None,
        typer.Option("--type", help="full-time, part-time, contract, internship, temporary."),
    ] = None,
    level: Annotated[str | None, typer.Option("--level", help="intern, junior, mid, senior, lead, principal.")] = None,
    min_salary: Annotated[int | None, typer.Option("--min-salary", help="Yearly minimum, in --currency.")] = None,
    currency: Annotated[
        str,
        typer.Option("--currency", help="Currency of --min-salary (compared approximately across currencies)."),
    ] = "USD",
    company: Annotated[str | None, typer.Option("--company", help="Company name contains this.")] = None,
    skill: Annotated[list[str] | None, typer.Option("--skill", "-s", help="Required skill (repeatable).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to show (1-500).")] = 20,
    match: Annotated[
        bool | None,
        typer.Option("--match/--no-match", show_default=False,
                     help="Rank by fit with your resume (default: when you have one)."),
    ] = None,
    resume: ResumeOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Search the job catalogue; ranked by fit with your resume when you have uploaded one."""
    from mock_interview.services import jobs

    env = env_of(ctx)
    if resume is not None and match is False:
        from mock_interview.errors import UsageError

        raise UsageError("--resume and --no-match contradict each other")
    result = jobs.search(
        env.app, query, match=match, resume=resume_key(env, resume), location=location,
        remote=remote, job_type=job_type,
        level=level, min_salary=min_salary, currency=currency, company=company,
        skills=skill or [], limit=limit,
    )
    if as_json:
        env.emit_json(result.to_json())
        return
    _render_results(env, result, f"Jobs matching {query!r}" if query else "Jobs")


@jobs_app.command("list")
def jobs_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to show (1-500).")] = 50,
    as_json: JsonFlag = False,
) -> None:
    """List postings, newest first."""
    from mock_interview.services import jobs

    env = env_of(ctx)
    result = jobs.search(env.app, None, match=False, limit=limit)
    if as_json:
        env.emit_json(result.to_json())
        return
    _render_results(env, result, "Jobs, newest first")


@jobs_app.command("show")
def jobs_show(
    ctx: typer.Context,
    job_id: Annotated[str, typer.Argument(help="Job id, its first 8 characters, or its slug.")],
    resume: ResumeOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show one posting in full, with how well your resume matches it."""
    from mock_interview.services import jobs

    env = env_of(ctx)
    view = jobs.show(env.app, job_id, resume=resume_key(env, resume))
    if as_json:
        env.emit_json({"job": view.to_json(full=True)})
        return
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    job = view.job
    lines = [
        f"[bold]{escape(job.title)}[/bold] · {escape(job.company)}",
        f"{escape(job.location)} · {job.remote} · {job.job_type}"
        + (f" · {job.experience_level}" if job.experience_level else "")
        + (f" · {_salary(view)}" if _salary(view) else ""),
        "",
        escape(job.description or ""),
    ]
    description = job.description or ""
    if job.requirements and not all(r in description for r in job.requirements):  # pasted text has them
        lines += ["", "[bold]Requirements[/bold]"] + [f"• {escape(r)}" for r in job.requirements]
    if job.skills_required:
        lines += ["", "[bold]Skills[/bold] " + escape(", ".join(job.skills_required))]
    env.out.print(Panel("\n".join(lines), title=f"job {job.id}", title_align="left"))
    if view.match is None:
        env.info("Upload a resume to see how well you match: mock-interview upload cv.pdf")
        return
    match = view.match
    table = Table(title=escape(jobs.heading(job.title, job.company, view.resume_name, match.score))
                  + " (0–100)", title_justify="left")
    for name in ("Component", "Score (0–100)", "Weight", "Why"):
        table.add_column(name)
    for component in match.components:
        table.add_row(component.name, str(round(component.score)), f"{component.weight:.0%}",
                      escape(component.detail))
    env.out.print(table)
    if match.matched_skills:
        env.out.print(f"[green]Have:[/green] {escape(', '.join(match.matched_skills))}")
    if match.missing_skills:
        env.out.print(f"[yellow]Missing:[/yellow] {escape(', '.join(match.missing_skills))}")
    for pair in match.related_skills:
        env.out.print(f"[cyan]Related:[/cyan] {escape(pair['have'])} for {escape(pair['required'])}")


def read_job_file(env: Env, source: str) -> str:
    """The text of --text/--job-file: a file (TXT, PDF or DOCX) or - for stdin."""
    from mock_interview.services import jobs

    if source != "-":
        return jobs.job_description_file(source)
    if env.stdin_isatty:
        from mock_interview.errors import UsageError

        raise UsageError("nothing on stdin", hint="pipe the job description in, or give a file")
    from mock_interview.io.limits import read_capped
    from mock_interview.io.readers import MAX_FILE_BYTES

    # The limit of a job description file, as `upload -` does: an endless pipe stops there.
    stream = getattr(env.stdin, "buffer", None)
    data = (read_capped(stream, MAX_FILE_BYTES, "stdin") if stream is not None
            else env.stdin.read(MAX_FILE_BYTES + 1).encode("utf-8"))
    return jobs.job_description_text(data, "stdin")


def render_added(env: Env, added) -> None:
    """What was read from a job description, for review."""
    from rich.markup import escape
    from rich.table import Table

    read = added.parsed
    table = Table(title="Read from the job description", title_justify="left", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    salary = ""
    if read.salary is not None:
        high = f"–{read.salary.high:,}" if read.salary.high else ""
        salary = f"{read.salary.low:,}{high} {read.salary.currency}/{read.salary.period}"
    rows = [("Title", read.title), ("Company", read.company), ("Location", read.location),
            ("Workplace", read.workplace), ("Level", read.experience_level),
            ("Years", None if read.years_experience_min is None else f"{read.years_experience_min}+"),
            ("Type", read.job_type), ("Salary", salary),
            ("Skills", ", ".join(read.skills)), ("Certifications", ", ".join(read.certifications))]
    for name, value in rows:
        table.add_row(name, escape(str(value)) if value else "[dim]not found[/dim]")
    for name, items in (("Requirements", read.requirements), ("Responsibilities", read.responsibilities)):
        table.add_row(name, "\n".join(f"• {escape(item)}" for item in items) or "[dim]not found[/dim]")
    env.out.print(table)
    for warning in read.warnings:
        env.warn(warning)
    if added.job is not None:
        verb = "Added" if added.created else "Updated"
        env.success(f"{verb} job {str(added.job.id)[:8]}: {escape(added.job.title)} at "
                    f"{escape(added.job.company)}. Interview for it with: "
                    f"mock-interview interview --job {str(added.job.id)[:8]}")


@jobs_app.command("add")
def jobs_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Option("--text", "-t", metavar="FILE|-",
                                      help="The job description as copied from a posting: a text, "
                                           "PDF or DOCX file, or - for stdin.")],
    title: Annotated[str | None, typer.Option(
        "--title", help="The job title, when the text does not say it.")] = None,
    company: Annotated[str | None, typer.Option(
        "--company", help="The company, when the text does not say it.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what was read; store nothing.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Add a job from its description: title, company, location, pay, requirements and skills are
    read from the text and shown for review."""
    from mock_interview.services import jobs

    env = env_of(ctx)
    added = jobs.add_from_text(env.app, read_job_file(env, text), title=title, company=company,
                               store=not dry_run)
    if as_json:
        env.emit_json(added.to_json())
        return
    render_added(env, added)


def _import_progress(env: Env, path: Path):
    """A progress bar with rows per second on stderr, when stderr is a terminal."""
    import contextlib

    if not env.err.is_terminal:
        return contextlib.nullcontext(None)
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("importing {task.fields[name]}"), BarColumn(),
                   TextColumn("{task.fields[rows]:,} rows · {task.fields[rate]:,.0f} rows/s"),
                   TimeRemainingColumn(), console=env.err, transient=True)
    task = bar.add_task("import", total=None, name=path.name, rows=0, rate=0.0)

    def report(rows: int, done: int, total: int) -> None:
        elapsed = bar.tasks[0].elapsed or 0.0
        bar.update(task, completed=done, total=total or None, rows=rows,
                   rate=rows / elapsed if elapsed > 0 else 0.0)

    @contextlib.contextmanager
    def running():
        with bar:
            yield report

    return running()


@jobs_app.command("import")
def jobs_import(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A .json (array or {\"jobs\": [...]}), .jsonl or .csv file.")],
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid",
                     help="Import the valid rows and report the rest (default: import nothing if any row is invalid)."),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Import postings from a file. Rows with a slug update the posting with that slug."""
    from mock_interview.errors import ExitCode
    from mock_interview.services import jobs

    env = env_of(ctx)
    with _import_progress(env, path) as progress:
        report = jobs.import_catalogue(env.app, path, skip_invalid=skip_invalid, progress=progress)
    if as_json:
        env.emit_json(report.to_json())
    else:
        from rich.markup import escape

        for problem in report.problems[:20]:
            env.err.print(
                f"  line {problem.line}: {escape(problem.field)} {escape(problem.reason)}",
                soft_wrap=True,
            )
        if len(report.problems) > 20:
            env.err.print(f"  … and {len(report.problems) - 20} more (see --json)")
        if report.imported:
            env.success(
                f"imported {report.inserted} new and updated {report.updated} postings from "
                f"{path.name}" + (f"; skipped {report.invalid_rows} invalid rows" if report.invalid_rows else "")
            )
    if report.invalid_rows and not report.imported:
        env.error(
            f"{report.invalid_rows} of {report.rows} rows are invalid; nothing was imported",
            hint="fix them, or use --skip-invalid to import the valid rows",
        )
        raise typer.Exit(int(ExitCode.USAGE))


@jobs_app.command("delete")
def jobs_delete(
    ctx: typer.Context,
    job_ids: Annotated[list[str], typer.Argument(help="Job ids (or id prefixes, or slugs).")],
    as_json: JsonFlag = False,
) -> None:
    """Delete postings. Interviews that used them keep their questions and scores."""
    from mock_interview.services import jobs

    env = env_of(ctx)
    deleted = jobs.delete(env.app, job_ids)
    if as_json:
        env.emit_json({"deleted": [str(job.id) for job in deleted]})
        return
    for job in deleted:
        env.success(f"deleted {job.title} · {job.company} ({job.id})")


search_jobs.__doc__ += examples(
    'mock-interview search-jobs "python backend" --remote --json',
    "mock-interview search-jobs --skill Kubernetes --level senior --min-salary 120000",
    "mock-interview search-jobs data --resume cv.pdf",
)
jobs_list.__doc__ += examples("mock-interview jobs list --limit 10")
jobs_show.__doc__ += examples("mock-interview jobs show 3f2a9c1e",
                              "mock-interview jobs show 3f2a9c1e --resume 1a2b3c4d --json")
jobs_add.__doc__ += examples("pbpaste | mock-interview jobs add --text -",
                             "mock-interview jobs add --text posting.txt --json",
                             'mock-interview jobs add --text body.txt --title "Staff Accountant"')
jobs_import.__doc__ += examples("mock-interview jobs import postings.jsonl --skip-invalid")
jobs_delete.__doc__ += examples("mock-interview jobs delete 3f2a9c1e")


def install(app: typer.Typer) -> None:
    app.command("search-jobs")(search_jobs)
    app.add_typer(jobs_app, name="jobs")
