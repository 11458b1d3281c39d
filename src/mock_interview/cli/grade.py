"""grade: score answers to your own questions, one at a time or a whole file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples
from mock_interview.cli.render.labels import whole
from mock_interview.errors import UsageError


def grade(
    ctx: typer.Context,
    question: Annotated[str | None, typer.Option("--question", metavar="TEXT",
                                                 help="The question that was asked.")] = None,
    answer: Annotated[str | None, typer.Option("--answer", metavar="TEXT",
                                               help="The answer, or - to read it from stdin.")] = None,
    key_point: Annotated[list[str] | None, typer.Option(
        "--key-point", metavar="TEXT", help="A point a strong answer makes (repeat it).")] = None,
    reference: Annotated[str | None, typer.Option(
        "--reference", metavar="TEXT", help="A model answer, split into points.")] = None,
    kind: Annotated[str, typer.Option("--kind", metavar="KIND",
                                      help="technical or behavioral.")] = "technical",
    input_file: Annotated[Path | None, typer.Option(
        "--input", metavar="PATH", help="Grade every item of a JSONL or CSV file (- for stdin).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", metavar="PATH", help="Write results here (CSV when it ends in .csv).")] = None,
    engine: Annotated[str, typer.Option(
        "--engine", metavar="ENGINE",
        help="auto (the model when one is configured), offline or openai.")] = "auto",
    base_url: Annotated[str | None, typer.Option(
        "--base-url", metavar="URL", help="OpenAI-compatible endpoint. Also OPENAI_BASE_URL.")] = None,
    model: Annotated[str | None, typer.Option("--model", metavar="NAME", help="Model name.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Grade answers against key points or a reference answer, with the offline grader or a model.

    One answer: scores (0-100), the points covered and missed, and any wrong claims. A file
    (--input): one result per item, in input order, as JSON lines (or CSV); a bad item gets an
    error line and the rest are still graded; exit code 1 if any item failed. Nothing is stored.
    With a model, the offline rules still run before and after it (floors, caps).
    Bands: 80+ excellent, 45-70 correct but thin, 45 or less wrong, 20 or less no answer.
    """
    from mock_interview.services import grading

    env = env_of(ctx)
    if input_file is not None and (question or answer or key_point or reference):
        raise UsageError("--input grades a file; leave out --question, --answer, --key-point "
                         "and --reference")
    if input_file is None and (not question or answer is None):
        raise UsageError("give --question and --answer (or --input FILE)",
                         hint='mock-interview grade --question "..." --answer "..." --key-point "..."')
    from mock_interview.engines import registry

    # Only an engine that calls a model (or ``auto``, which may) reads settings from the home.
    calls_model = engine not in registry.ENGINES or registry.capabilities_of(engine).calls_model
    grader = grading.Grader(env.app if calls_model else None, engine, base_url=base_url, model=model)
    try:
        if input_file is not None:
            failed = _grade_file(env, input_file, output, grader)
            if failed:
                raise typer.Exit(1)
            return
        _grade_one(env, grader, question or "", answer or "", key_point, reference, kind, as_json)
    finally:
        grader.close()


def _grade_one(env, grader, question: str, answer: str, key_point, reference, kind: str,  # type: ignore[no-untyped-def]
               as_json: bool) -> None:
    from mock_interview.services import grading

    if answer == "-":
        answer = env.stdin.read(grading.MAX_FIELD_CHARS + 1)
    item = grading.item_from_mapping({
        "question": question, "answer": answer, "key_points": list(key_point or []),
        "reference": reference or "", "kind": kind, "id": "1"}, 1)
    result = grader.grade(item)
    if as_json:
        env.emit_json(result.to_json())
        return
    _print_result(env, result)


def _print_result(env, result) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape

    out = env.out
    out.print(f"[bold]Technical {whole(result.technical)}[/bold] · communication "
              f"{whole(result.communication)} · overall [bold]{whole(result.overall)}[/bold]")
    for point in result.covered:
        out.print(f"  [green]✓[/green] {escape(point)}")
    for point in result.missed:
        out.print(f"  [yellow]·[/yellow] missed: {escape(point)}")
    for claim in result.wrong_claims:
        wrong = claim.get("misconception") or claim.get("contradicts") or ""
        out.print(f"  [red]✗[/red] wrong: \"{escape(claim['quote'])}\""
                  + (f" (against: {escape(wrong)})" if wrong else ""))
    for line in result.feedback.get("weaknesses", [])[:3]:
        if not line.startswith(("Wrong:", "Did not clearly cover")):
            out.print(f"  [dim]{escape(line)}[/dim]")
    from mock_interview.domain.grading import bands_line

    out.print(f"[dim]{escape(bands_line())}[/dim]")


def _grade_file(env, input_file: Path, output: Path | None, grader) -> int:  # type: ignore[no-untyped-def]
    import csv
    import json

    from mock_interview.services import grading

    if str(input_file) != "-" and not input_file.is_file():
        raise UsageError(f"{input_file}: no such file")
    items = grading.read_items(None if str(input_file) == "-" else input_file,
                               env.stdin if str(input_file) == "-" else None)
    handle = open(output, "w", encoding="utf-8", newline="") if output else None  # noqa: SIM115
    writer = None
    if handle is not None and output is not None and output.suffix.lower() == ".csv":
        writer = csv.DictWriter(handle, fieldnames=grading.CSV_COLUMNS)
        writer.writeheader()
    failed = done = 0
    try:
        for index, item in items:
            if isinstance(item, UsageError):
                result = grading.GradeResult(id=str(index), error=item.message)
            else:
                try:
                    result = grader.grade(item)
                except UsageError as exc:
                    result = grading.GradeResult(id=item.id, error=exc.message)
            failed += result.error is not None
            done += 1
            if result.error is not None:
                env.err.print(f"item {index}: {result.error}", soft_wrap=True, highlight=False)
            if writer is not None:
                writer.writerow(grading.csv_row(result))
            elif handle is not None:
                handle.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            else:
                env.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            if done % 100 == 0 and env.err.is_terminal:
                env.err.print(f"graded {done} items", end="\r")
    finally:
        if handle is not None:
            handle.close()
    env.err.print(f"Graded {done - failed} of {done} items" + (f"; {failed} failed" if failed else ""),
                  highlight=False)
    return failed


grade.__doc__ += examples(
    'mock-interview grade --question "Why is a mutable default argument a problem in Python?" '
    '--key-point "Defaults are evaluated once, at definition" '
    '--answer "Python makes a fresh list on every call" --json',
    "mock-interview grade --input answers.jsonl --output grades.csv",
)


def install(app: typer.Typer) -> None:
    app.command()(grade)
