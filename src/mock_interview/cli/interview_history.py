"""Your history in your hands: interviews list, results, interviews delete and abandon.

`interviews list` and `results` only read; they go through services.quick, which reads a
current SQLite database without loading SQLAlchemy (the regular services otherwise).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from mock_interview.cli.common import JsonFlag, confirm, env_of, examples
from mock_interview.cli.render.labels import whole
from mock_interview.errors import UsageError


def interviews_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to show.")] = 50,
    as_json: JsonFlag = False,
) -> None:
    """List your interviews, newest first, with their overall score (0–100)."""
    from mock_interview.services import quick

    env = env_of(ctx)
    rows = quick.interviews(env.app, limit)
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
                      "" if score is None else f"{whole(score)}")
    env.out.print(table)


REPORT_SUFFIXES = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "json": "json"}


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
    from mock_interview.services import quick
    from mock_interview.services.reports import InterviewReport

    env = env_of(ctx)
    if fmt is None and output is None:
        report = InterviewReport.from_document(quick.describe(env.app, interview_id))
        if as_json:
            env.emit_json(report.to_json())
            return
        from mock_interview.cli.interview import _render_llm
        from mock_interview.cli.interview_render import render_model_answers, render_result

        render_result(env, report)
        render_model_answers(env, report)
        _render_llm(env, report.document)
        return
    from mock_interview.cli.render import report as render_report

    if fmt is None:  # from -o's suffix, else --json, else Markdown
        suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
        fmt = REPORT_SUFFIXES.get(suffix, "json" if as_json else "md")
    fmt = fmt.lower()
    if fmt not in render_report.FORMATS:
        raise UsageError(f"--format must be one of {', '.join(render_report.FORMATS)}")
    if as_json and fmt != "json":
        raise UsageError(f"--json conflicts with --format {fmt}")
    report = InterviewReport.from_document(quick.describe(env.app, interview_id))
    written = render_report.write_report(report, fmt, output, stdout=env.stdout)
    if written is not None:
        env.success(f"Wrote the {fmt} report to {written}")


def interviews_delete(
    ctx: typer.Context,
    interview_ids: Annotated[list[str], typer.Argument(
        help="Interview ids (or their first 8 characters).")],
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
        metavar="ID", help="Interview id (or its first 8 characters).")],
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


interviews_list.__doc__ += examples("mock-interview interviews list --json")
results.__doc__ += examples("mock-interview results 7c41d2aa",
                            "mock-interview results 7c41d2aa --format html -o report.html")
interviews_delete.__doc__ += examples("mock-interview interviews delete 7c41d2aa 3f2a9c1e --yes")
interviews_abandon.__doc__ += examples("mock-interview interviews abandon 7c41d2aa")


def refuse_abandoned(record: Any) -> None:
    """`interview --continue` does not take up an interview its owner abandoned."""
    from mock_interview.services.erasure import ABANDONED

    if record.status == ABANDONED:
        raise UsageError(f"interview {str(record.id)[:8]} was abandoned and cannot be continued",
                         hint="start a new one: mock-interview interview")


def install(app: typer.Typer, interviews_app: typer.Typer) -> None:
    """Add `results` to the root and the others to the `interviews` group (defined with the
    interview commands)."""
    app.command("results")(results)
    interviews_app.command("list")(interviews_list)
    interviews_app.command("delete")(interviews_delete)
    interviews_app.command("abandon")(interviews_abandon)
