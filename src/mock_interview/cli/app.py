"""The root command: global options, error handling, and the sub-commands.

Keep this module cheap to import: no SQLAlchemy, spaCy, PyMuPDF or openai here or in any
command module's top level (a test guards it). Commands import services inside their bodies.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mock_interview import __version__
from mock_interview.cli import config as config_cmd
from mock_interview.cli import db as db_cmd
from mock_interview.cli import demo as demo_cmd
from mock_interview.cli import doctor as doctor_cmd
from mock_interview.cli import evaluate as evaluate_cmd
from mock_interview.cli import grade as grade_cmd
from mock_interview.cli import interview as interview_cmd
from mock_interview.cli import interview_history as interview_history_cmd
from mock_interview.cli import jobs as jobs_cmd
from mock_interview.cli import keys as keys_cmd
from mock_interview.cli import profiles as profiles_cmd
from mock_interview.cli import resumes as resumes_cmd
from mock_interview.cli import stats as stats_cmd
from mock_interview.cli.env import Env
from mock_interview.errors import ExitCode, MockInterviewError


class AppGroup(TyperGroup):
    """Turns expected errors into one line and an exit code; unexpected ones into a short report."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Usage errors as one line with a hint, like every other error (exit 2)."""
        from mock_interview.cli.conventions import apply_conventions

        apply_conventions(self)  # the tree is complete only now
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        import sys

        try:
            outcome = super().main(*args, standalone_mode=False, **kwargs)
        except typer.Abort:
            Env().error("aborted")
            sys.exit(int(ExitCode.ERROR))
        except Exception as exc:
            if not (type(exc).__module__.startswith("typer.") and hasattr(exc, "format_message")):
                raise
            if type(exc).__name__ != "NoArgsIsHelpError":  # the help is already shown
                from mock_interview.cli.conventions import usage_error_line

                Env().err.print(usage_error_line(exc), soft_wrap=True, markup=False)
            sys.exit(exc.exit_code)
        # Without standalone mode an explicit Exit comes back as its code; a return value is not one.
        sys.exit(outcome if isinstance(outcome, int) else int(ExitCode.OK))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except MockInterviewError as exc:
            env = _env(ctx)
            if env.debug:
                raise
            env.error(exc.message, exc.hint)
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader went away (`| head`): nothing left to say, and no one to say it to.
            import os
            import sys

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(int(ExitCode.OK)) from None
        except Exception as exc:
            if type(exc).__module__.startswith("typer."):
                raise  # usage errors and the like: Typer reports them (exit 2)
            env = _env(ctx)
            if env.debug:
                raise
            env.error(
                f"internal error: {type(exc).__name__}: {exc}",
                hint="run again with --debug for a traceback, and please report it",
            )
            raise typer.Exit(int(ExitCode.ERROR)) from None
        finally:
            obj = ctx.find_root().obj
            if isinstance(obj, Env):
                obj.close()


def _env(ctx: Any) -> Env:
    obj = ctx.find_root().obj
    if not isinstance(obj, Env):
        obj = Env()
        ctx.find_root().obj = obj
    return obj


app = typer.Typer(
    name="mock-interview",
    cls=AppGroup,
    help=(
        "Mock job interviews tailored to your resume and a target job, scored and tracked.\n\n"
        "Example:\n\n"
        '    mock-interview register --name "Ada Lovelace" --email ada@example.com'
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mock-interview {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database URL (sqlite:///PATH or postgresql+psycopg://USER@HOST/DB). "
            "Also MOCK_INTERVIEW_DATABASE_URL.",
            show_default=False,
        ),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            metavar="EMAIL",
            help="Act as this profile for one command. Also MOCK_INTERVIEW_PROFILE.",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks. Also MOCK_INTERVIEW_DEBUG=1.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Global options. Settings are read only when a command needs them, so --help stays fast."""
    env = ctx.obj if isinstance(ctx.obj, Env) else Env()
    env.database_url = db or env.database_url
    env.profile = profile or env.profile
    env.debug = env.debug or debug
    ctx.obj = env


demo_cmd.install(app)
profiles_cmd.install(app)
resumes_cmd.install(app)
jobs_cmd.install(app)
interview_cmd.install(app)
interview_history_cmd.install(app, interview_cmd.interviews_app)
evaluate_cmd.install(app)
grade_cmd.install(app)
stats_cmd.install(app)
config_cmd.install(app)
db_cmd.install(app)
keys_cmd.install(app)
doctor_cmd.install(app)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="mock-interview")
