"""All terminal I/O goes through one ``Env`` object so tests can replace it (as httpie does).

JSON goes to stdout; messages, warnings and errors go to stderr. Rich honours NO_COLOR.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import IO, TYPE_CHECKING, Any

from mock_interview.config import DEBUG_ENV
from mock_interview.domain.numbers import rounded
from mock_interview.io.files import versioned

if TYPE_CHECKING:
    from rich.console import Console

    from mock_interview.services.context import AppContext


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass
class Env:
    stdin: IO[str] = field(default_factory=lambda: sys.stdin)
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    database_url: str | None = None
    profile: str | None = None
    debug: bool = False
    _app: AppContext | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.debug = self.debug or _truthy(self.environ.get(DEBUG_ENV))

    # -- the application context, created only when a command needs it ----------------------

    @property
    def app(self) -> AppContext:
        if self._app is None:
            from mock_interview.services.context import AppContext

            self._app = AppContext.create(
                database_url=self.database_url, profile=self.profile, environ=self.environ
            )
        return self._app

    def close(self) -> None:
        if self._app is not None:
            self._app.close()

    # -- terminals -----------------------------------------------------------------------------

    @property
    def stdin_isatty(self) -> bool:
        try:
            return self.stdin.isatty()
        except (AttributeError, ValueError):
            return False

    @property
    def stdout_isatty(self) -> bool:
        try:
            return self.stdout.isatty()
        except (AttributeError, ValueError):
            return False

    @cached_property
    def out(self) -> Console:
        from rich.console import Console

        return Console(file=self.stdout, highlight=False, soft_wrap=False)

    @cached_property
    def err(self) -> Console:
        from rich.console import Console

        return Console(file=self.stderr, highlight=False, stderr=True)

    # -- output helpers ------------------------------------------------------------------------

    def emit_json(self, payload: dict[str, Any]) -> None:
        """Write one versioned JSON document to stdout."""
        document = rounded(versioned(payload))
        self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
        self.stdout.flush()

    def info(self, message: str) -> None:
        self.err.print(message)

    def success(self, message: str) -> None:
        self.err.print(f"[green]✓[/green] {message}")

    def warn(self, message: str) -> None:
        self.err.print(f"[yellow]warning:[/yellow] {message}")

    def error(self, message: str, hint: str | None = None) -> None:
        from rich.markup import escape

        line = f"[bold red]error:[/bold red] {escape(message)}"
        if hint:
            line += f" [dim]— {escape(hint)}[/dim]"
        self.err.print(line, soft_wrap=True)
