"""Statistics: stats (overview), stats history, stats progress (a chart in the terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples
from mock_interview.cli.render.labels import DIMENSION_LABELS, score_style

if TYPE_CHECKING:
    from mock_interview.cli.env import Env
    from mock_interview.services.stats import History, Overview, Progress

NO_INTERVIEWS = ("No interviews yet. Try: mock-interview demo (a sample run), "
                 "or: mock-interview interview --resume cv.pdf")
NOT_COMPLETED = "No completed interview yet; finish one: mock-interview interview --continue ID"
TREND_HELP = ("Trend: 'since first' is your latest score minus your first; 'slope, last 5' is the "
              "least-squares slope over your last five completed interviews, in points per interview.")
BLOCKS = "▁▂▃▄▅▆▇█"
CELL = 3  # characters per interview column: wide enough for "100"

stats_app = typer.Typer(
    help="Your progress: average, best and trend per score (0–100), weakest and strongest "
    "skills, what to practise next; history and a progress chart.\n\n" + TREND_HELP
    + examples("mock-interview stats", "mock-interview stats history --since 2026-01-01",
               "mock-interview stats progress --dimension overall"),
    invoke_without_command=True,
)


def _score(score: float | None) -> str:
    return "[dim]–[/dim]" if score is None else f"[{score_style(score)}]{score:.0f}[/]"


def _signed(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "[dim]–[/dim]"
    text = f"{value:+.{digits}f}"
    if text.lstrip("+-").strip("0.") == "":
        return "±0"  # "+0" and "-0.0" read as changes; there was none
    return f"[{'green' if value > 0 else 'red'}]{text}[/]"


# -- stats ----------------------------------------------------------------------------------------

@stats_app.callback()
def stats(
    ctx: typer.Context,
    min_answers: Annotated[int, typer.Option(
        "--min-answers", min=1, help="Rank a skill only once it has this many answers.")] = 2,
    as_json: JsonFlag = False,
) -> None:
    """Overview of your interviews: average, best and trend per score (0–100), weakest and
    strongest skills, and what to practise next."""
    if ctx.invoked_subcommand is not None:
        return
    from mock_interview.services import quick

    env = env_of(ctx)
    data = quick.overview(env.app, min_answers=min_answers)
    if as_json:
        env.emit_json(data.to_json())
        return
    if not data.total:
        env.info(NO_INTERVIEWS)
        return
    _render_overview(env, data)


def _render_overview(env: Env, data: Overview) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    out = env.out
    out.print(f"[bold]{escape(data.full_name)}[/bold] · {data.total} interview(s): "
              f"{data.completed} completed, {data.in_progress} in progress "
              f"[dim](scores 0–100)[/dim]")
    if data.completed:
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
        table.add_column("Score (0–100)")
        for name in ("Average", "Best", "Latest", "Since first", "Slope, last 5"):
            table.add_column(name, justify="right")
        for name, label in DIMENSION_LABELS.items():
            figures = data.dimensions[name]
            table.add_row(label, _score(figures.average), _score(figures.best),
                          _score(figures.latest), _signed(figures.since_first),
                          _signed(figures.recent_slope, 1))
        out.print()
        out.print(table)
        out.print()
    else:
        out.print(f"\n{NOT_COMPLETED}\n")
    _render_topics(env, data)
    if data.weakest or data.recommendations:
        out.print("[bold]What to practise next[/bold]")
        items = Table.grid(padding=(0, 1), pad_edge=True)  # wrapped lines stay indented
        items.add_column(justify="right", no_wrap=True, min_width=3)
        items.add_column(overflow="fold")
        for number, topic in enumerate(data.practise_skills, start=1):
            items.add_row(f"{number}.", escape(topic))
        for tip in data.recommendations:
            times = f"in {tip.interviews} of your last {data.from_last_interviews} interviews"
            items.add_row("•", f"{escape(tip.text)} [dim]({times})[/dim]")
        out.print(items)
    usage = data.model_usage
    if usage["calls"]:
        cost = (f"est. ${usage['cost_usd']:.4f}" if usage["cost_usd"] is not None else
                f"est. ${usage['cost_usd_known_part']:.4f} + calls to a model with no known price")
        out.print(f"\n[bold]Model usage[/bold]: {usage['calls']} call(s) in {usage['interviews']} "
                  f"interview(s), {usage['total_tokens']:,} tokens, {cost} "
                  f"[dim]({escape(', '.join(usage['models']))})[/dim]")
    if data.completed:
        out.print(f"\n[dim]{TREND_HELP}[/dim]")


def _render_topics(env: Env, data: Overview) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    if not data.topics_ranked:
        if data.topics_total:
            env.out.print(f"[dim]No skill has {data.min_answers} answers yet to rank; "
                          f"see them all with --min-answers 1.[/dim]\n")
        return
    weakest, strongest = data.weakest, data.strongest
    least = data.min_answers
    caption = f"Mean: overall score (0–100) over your answers; ranked from {least} answer{'s' * (least != 1)}."
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False,
                  caption=f"[dim]{caption}[/dim]", caption_justify="left")
    for side in ("Weakest skills", "Strongest skills"):
        table.add_column(side, overflow="fold", ratio=1)
        table.add_column("Mean", justify="right", no_wrap=True)
        table.add_column("Answers", justify="right", no_wrap=True)
    for index in range(max(len(weakest), len(strongest))):
        cells: list[str] = []
        for rows in (weakest, strongest):
            row = rows[index] if index < len(rows) else None
            cells += (["", "", ""] if row is None else
                      [escape(row.topic), _score(row.mean), str(row.answers)])
        table.add_row(*cells)
    env.out.print(table)
    env.out.print()


# -- stats history --------------------------------------------------------------------------------

@stats_app.command("history")
def stats_history(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="DATE", help="Only interviews started on or after this date (YYYY-MM-DD, UTC).")] = None,
    job: Annotated[str | None, typer.Option(
        "--job", "-j", metavar="TEXT", help="Only jobs whose title or company contains this (any case).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to show, newest first.")] = 20,
    as_json: JsonFlag = False,
) -> None:
    """Your interviews, newest first: date, job, questions answered, the four scores (0–100)."""
    from mock_interview.services import stats as service

    env = env_of(ctx)
    data = service.history(env.app, since=since, job=job, limit=limit)
    if as_json:
        env.emit_json(data.to_json())
        return
    if not data.interviews:
        filtered = since is not None or bool(job)
        env.info("No interviews match these filters." if filtered else NO_INTERVIEWS)
        return
    _render_history(env, data)


def _render_history(env: Env, data: History) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    rows = data.interviews
    caption = f"{len(rows)} of {data.total} shown · scores 0–100 (Comm. = communication, Match = job match)"
    table = Table(box=box.SIMPLE_HEAD, padding=0, pad_edge=False, show_edge=False,
                  caption=caption, caption_justify="left")
    table.add_column("Date · id", no_wrap=True)
    table.add_column("Job", overflow="fold", ratio=1)
    table.add_column("Answered", justify="right", no_wrap=True)
    for name in ("Tech.", "Comm.", "Match", "Overall"):
        table.add_column(name, justify="right", no_wrap=True)
    for row in rows:
        job = escape(row.job_title or "–")
        if row.job_company:
            job += f"\n[dim]{escape(row.job_company)}[/dim]"
        if row.status != "completed":
            job += f" [italic]({row.status.replace('_', ' ')})[/italic]"
        scores = row.scores or {}
        cells = [_score(scores.get(name)) for name in DIMENSION_LABELS]
        table.add_row(f"{row.started_at.date().isoformat()}\n[dim]{row.interview_id[:8]}[/dim]", job,
                      f"{row.questions_answered} of {row.questions_planned or row.questions_asked}", *cells)
    env.out.print(table)


# -- stats progress -------------------------------------------------------------------------------

@stats_app.command("progress")
def stats_progress(
    ctx: typer.Context,
    dimension: Annotated[list[str] | None, typer.Option(
        "--dimension", "-d", metavar="NAME",
        help="technical, communication, job_match or overall (repeatable). Default: all four.")] = None,
    limit: Annotated[int, typer.Option(
        "--limit", "-n", min=1, max=100, help="How many of your latest completed interviews.")] = 10,
    as_json: JsonFlag = False,
) -> None:
    """Your scores (0–100) over your latest completed interviews, as a bar chart per score."""
    from mock_interview.services import stats as service

    env = env_of(ctx)
    data = service.progress(env.app, dimensions=dimension, limit=limit)
    if as_json:
        env.emit_json(data.to_json())
        return
    if not data.interviews:
        env.info(NOT_COMPLETED if data.in_progress else NO_INTERVIEWS)
        return
    _render_progress(env, data)


def bar(score: float, height: int) -> list[str]:
    """A vertical bar of `height` lines (top first) in eighth blocks: 8 × height levels."""
    eighths = round(max(0.0, min(100.0, score)) / 100 * height * 8)
    lines = []
    for level in range(height - 1, -1, -1):
        fill = max(0, min(8, eighths - level * 8))
        lines.append((BLOCKS[fill - 1] if fill else " ") * 2)
    return lines


def _render_progress(env: Env, data: Progress) -> None:
    from rich import box
    from rich.table import Table

    series = data.series
    points = data.interviews
    # Columns that do not fit would be squeezed into nonsense: show the newest that fit.
    label_width = max(len(DIMENSION_LABELS[name]) for name in series)
    fit = max(1, (env.out.width - label_width - len(" Change")) // (CELL + 1))
    shown = points[-fit:]
    skip = len(points) - len(shown)
    height = 3 if len(series) > 1 else 8
    table = Table(box=box.SIMPLE_HEAD, padding=0, pad_edge=False, show_edge=False)
    table.add_column("Score", no_wrap=True)
    for point in shown:
        table.add_column(f"#{point.number}", justify="right", width=CELL, no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    for name, values in series.items():
        values = values[skip:]
        cells = []
        for value in values:
            column = bar(value, height)
            cells.append(f"[{score_style(value)}]" + "\n".join(column) + f"[/]\n{value:.0f}")
        change = values[-1] - values[0] if len(values) >= 2 else None
        label = "\n" * height + DIMENSION_LABELS[name]  # on the line of the numbers
        table.add_row(label, *cells, "\n" * height + _signed(change), end_section=True)
    first, last = shown[0], shown[-1]
    if first is last:
        numbers, when = f"#{first.number}", first.started_at.date().isoformat()
    else:
        numbers = f"#{first.number}–#{last.number}"
        when = f"{first.started_at.date().isoformat()} → {last.started_at.date().isoformat()}"
    env.out.print(f"[bold]Progress[/bold] · scores 0–100 · interviews {numbers} of {data.completed} completed")
    env.out.print(table)
    env.out.print(f"[dim]Oldest → newest ({when}). Change: newest minus oldest shown.[/dim]")
    if skip:
        env.out.print(f"[dim]{skip} older interview(s) did not fit; widen the terminal, "
                      "or use --limit / --json.[/dim]")


stats.__doc__ += examples("mock-interview stats", "mock-interview stats --json")
stats_history.__doc__ += examples("mock-interview stats history --since 2026-01-01 --job python --limit 5")
stats_progress.__doc__ += examples("mock-interview stats progress",
                                   "mock-interview stats progress --dimension overall --limit 20")


def install(app: typer.Typer) -> None:
    app.add_typer(stats_app, name="stats")
