"""evaluate: run many candidates' mock interviews from a JSONL/CSV file or a folder, no terminal."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples

if TYPE_CHECKING:
    from mock_interview.cli.env import Env
    from mock_interview.services.evaluate import BatchSummary


def _render_summary(env: Env, summary: BatchSummary, output: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Batch evaluation", title_justify="left", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in (
        ("Items", summary.items), ("Succeeded", summary.succeeded), ("Failed", summary.failed),
        ("Skipped (done before)", summary.skipped),
        ("Elapsed", f"{summary.elapsed:.1f} s"),
        ("Answers graded", summary.answers), ("Answers/s", f"{summary.answers_per_second:.0f}"),
    ):
        table.add_row(label, str(value))
    env.err.print(table)
    for result in summary.failures[:50]:
        where = result.key if result.key == result.source else f"{result.key} ({result.source})"
        env.err.print(f"[red]failed[/red] {escape(where)}: {escape(result.error or '')}", soft_wrap=True)
    if len(summary.failures) > 50:
        env.err.print(f"… and {len(summary.failures) - 50} more failures (see {escape(output)})")


def evaluate(
    ctx: typer.Context,
    input_path: Annotated[Path, typer.Argument(
        metavar="INPUT", show_default=False,
        help="A .jsonl, .csv or .json file, or a folder of them (and of item folders).")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the results here (.jsonl or .csv). Default: JSONL on stdout.")] = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", help="jsonl or csv. Default: from --output's extension, else jsonl.")] = None,
    concurrency: Annotated[int, typer.Option(
        "--concurrency", "-c",
        help="With the model: items in parallel and model requests in flight at most (1-64). "
             "The offline engine runs one item at a time, its fastest.")] = 1,
    questions: Annotated[int, typer.Option(
        "--questions", "-q", help="Questions per interview, for items that do not say (1-30).")] = 6,
    kind: Annotated[str, typer.Option(
        "--type", help="mixed, technical or behavioral, for items that do not say.")] = "mixed",
    difficulty: Annotated[str, typer.Option(
        "--difficulty", "-d", help="easy, medium or hard, for items that do not say.")] = "medium",
    engine: Annotated[str, typer.Option("--engine", help="auto, offline or openai.")] = "auto",
    allow_outside: Annotated[bool, typer.Option(
        "--allow-outside",
        help="Read resume files outside INPUT's folder too (by default only files inside it, "
             "or stored resume ids).")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Evaluate many candidates at once, from a JSONL or CSV file or a folder (no terminal).

    Each item's resume, job and answers become a scored interview stored in the candidate's own
    profile (created if needed; your active profile stays as it is).

    An item (a JSONL line, a CSV row, or a JSON file) has "name" and/or "email" (without either,
    both come from the parsed resume and the line says candidate_from "resume"); "resume": a file
    (relative to the input) or a resume id; "job": an id or slug, or a posting object (title,
    company, …); "answers": a list of strings, a follow-up taking the next one (in CSV: a JSON
    list, or answer_1, answer_2, … columns); optional "key", "questions", "type", "difficulty",
    "seed". Resume files must be inside INPUT's folder unless --allow-outside. A folder is read
    as its *.jsonl, *.csv and *.json files and its sub-folders holding an item.json (with the
    resume beside it).

    Writes one line per item: key, candidate, job, interview_id, status ok/failed, the four
    scores (0-100), error. A second run skips finished items (remembered in the database) and
    retries failed ones. Exit code 0 only if every item succeeded, 1 if any failed, 2 if INPUT
    is not a batch.
    """
    from mock_interview.errors import ExitCode, UsageError
    from mock_interview.services import evaluate as service

    env = env_of(ctx)
    if fmt is None:
        fmt = "csv" if output is not None and output.suffix.lower() == ".csv" else "jsonl"
    fmt = fmt.strip().lower()
    if fmt not in service.FORMATS:
        raise UsageError(f"--format must be one of {', '.join(service.FORMATS)}")
    if as_json and output is None:
        raise UsageError("--json prints the summary on stdout, so the results need --output FILE")
    if output is not None:
        if output.exists() and output.resolve() == input_path.resolve():
            raise UsageError("--output is the input file", hint="write the results to another file")
        if output.is_dir():
            raise UsageError(f"--output {output} is a folder; give a file name")
        if not output.parent.is_dir():
            raise UsageError(f"the folder for --output {output} does not exist")
    options = service.BatchOptions(questions=questions, mix=kind.strip().lower(),
                                   difficulty=difficulty.strip().lower(), engine=engine,
                                   concurrency=concurrency, source=f"evaluate:{input_path.name}",
                                   debug=env.debug, allow_outside=allow_outside,
                                   root=input_path if input_path.is_dir() else input_path.parent)
    options.validate(env.app)
    items = service.read_items(input_path, exclude=output)  # a malformed INPUT stops here (2)
    app = env.app
    app.database()  # an unreachable database is reported before --output is emptied
    stream = env.stdout if output is None else _open_private(output)
    progress = _progress(env, len(items))
    failed = 0

    def on_result(result: service.ItemResult) -> None:
        nonlocal failed
        failed += result.status != "ok"
        if progress is not None:
            progress.update(progress.task_ids[0], advance=1, failed=failed)
        if result.trace:  # only kept under --debug
            env.err.print(result.trace, markup=False, highlight=False)

    try:
        if progress is not None:
            progress.start()
        summary = service.evaluate(app, items, options, writer=service.ResultWriter(stream, fmt),
                                   on_result=on_result)
    finally:
        if progress is not None:
            progress.stop()
        if output is not None:
            stream.close()
    shown = str(output) if output is not None else "stdout"
    _render_summary(env, summary, shown)
    if as_json:
        env.emit_json({"input": str(input_path), "output": shown, "format": fmt,
                       "concurrency": concurrency, **summary.to_json()})
    if summary.interrupted:
        env.info(f"Interrupted: {summary.succeeded + summary.failed + summary.skipped} of "
                 f"{summary.items} items done. Run the same command again to continue.")
        raise typer.Exit(int(ExitCode.INTERRUPTED))
    if summary.failed:
        env.error(f"{summary.failed} of {summary.items} items failed",
                  hint="fix them and run the same command again: finished items are skipped")
        raise typer.Exit(int(ExitCode.ERROR))


def _progress(env: Env, total: int):
    """A progress bar on stderr, only when stderr is a terminal (never in logs or pipes)."""
    try:
        if not env.stderr.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(TextColumn("Evaluating"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn(),
                        TimeRemainingColumn(), console=env.err, transient=True)
    progress.add_task("evaluate", total=total, failed=0)
    return progress


def _open_private(path: Path):
    """The results name candidates and their scores: readable by you only (0600), like our data."""
    import os

    from mock_interview.errors import UsageError
    from mock_interview.io.files import PRIVATE_FILE_MODE

    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    except OSError as exc:
        raise UsageError(f"cannot write --output {path}: {exc.strerror}") from None
    return os.fdopen(fd, "w", encoding="utf-8", newline="")


# cleandoc first: the Example block is indented on purpose and would stop getdoc from dedenting.
evaluate.__doc__ = inspect.cleandoc(evaluate.__doc__) + examples(
    "mock-interview evaluate candidates.jsonl --output results.csv",
    "mock-interview evaluate batch/ -o results.jsonl --concurrency 4 --json",
    "",
    'candidates.jsonl: {"name": "Ada", "resume": "ada.pdf", "job": "3f2a9c1e", "answers": ["…"]}',
)


def install(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
