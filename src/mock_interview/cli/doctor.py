"""doctor: check the LLM configuration and endpoint, and say exactly what is wrong."""

from __future__ import annotations

from typing import Annotated

import typer

from mock_interview.cli.common import JsonFlag, env_of, examples


def doctor(
    ctx: typer.Context,
    base_url: Annotated[str | None, typer.Option("--base-url", metavar="URL",
                                                 help="Endpoint to check. Also OPENAI_BASE_URL.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="Model to check.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check the LLM engine: configuration, endpoint reachable, model served, structured output.

    Exit codes: 0 all good, 3 nothing configured, 4 the endpoint or model fails.
    """
    from mock_interview.services import llm

    env = env_of(ctx)
    report = llm.doctor(env.app, base_url=base_url, model=model)
    if as_json:
        env.emit_json(report.to_json())
    else:
        from rich.markup import escape

        for check in report.checks:
            mark = ("[yellow]![/yellow]" if check.warning else "[green]✓[/green]") if check.ok \
                else "[red]✗[/red]"
            line = f"{mark} [bold]{check.name}[/bold]: {escape(check.detail)}"
            if check.fix and (not check.ok or check.warning):
                line += f"\n    [dim]fix: {escape(check.fix)}[/dim]"
            env.err.print(line, soft_wrap=True)
        if report.exit_code == 0:
            env.success(f"Ready: interviews with --engine {report.engine} use this endpoint.")
    if report.exit_code:
        raise typer.Exit(report.exit_code)


doctor.__doc__ += examples("mock-interview doctor",
                           "mock-interview doctor --base-url http://127.0.0.1:8080/v1 --json")


def install(app: typer.Typer) -> None:
    app.command()(doctor)
