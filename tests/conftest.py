"""Shared fixtures: an isolated MOCK_INTERVIEW_HOME per test, a CLI runner, and databases.

Postgres tests need MOCK_INTERVIEW_TEST_POSTGRES_URL (CI sets it). Each test gets its own
schema, dropped afterwards. Without the variable they skip with a visible reason, except
under CI=true, where a missing server is an error rather than a silent skip.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mock_interview.testing.environment import OUR_ENV, child_env, home_settings
from mock_interview.testing.postgres import POSTGRES_ENV, fresh_schema

__all__ = ["OUR_ENV"]  # test modules import it from here

ROOT = Path(__file__).resolve().parents[1]


def subprocess_env(**extra: str) -> dict[str, str]:
    """Environment for child processes: they import the same mock_interview as this process
    (the installed wheel in CI, the source tree in development) and can import tests.*."""
    return child_env(ROOT, **extra)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test runs with its own empty home and none of the developer's settings."""
    for name in OUR_ENV:
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "home"
    for name, value in home_settings(root).items():
        monkeypatch.setenv(name, value)
    return root


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    def json(self) -> Any:
        return json.loads(self.stdout)


class Cli:
    """Runs the app in-process with CliRunner, stdout and stderr kept apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str] | None = None):
        from mock_interview.cli.app import app

        result = self.runner.invoke(app, list(args), input=input, env=env)
        return Outcome(result.exit_code, result.stdout, result.stderr, result.exception)


@pytest.fixture
def cli() -> Cli:
    return Cli()


def _postgres_base_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {POSTGRES_ENV} is not set: Postgres tests must run in CI")
    return None


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A Postgres URL whose search_path is a fresh, empty schema, dropped afterwards."""
    base = _postgres_base_url()
    if base is None:
        pytest.skip(f"no Postgres configured: set {POSTGRES_ENV}=postgresql+psycopg://USER@HOST/DB")
    import sqlalchemy as sa

    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(fresh_schema(base))
        except sa.exc.OperationalError as exc:
            pytest.fail(f"{POSTGRES_ENV} is set but the server is unreachable: {exc}")
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, home: Path) -> str:
    """Both backends: the default SQLite file in the test's home, and a fresh Postgres schema."""
    if request.param == "sqlite":
        return f"sqlite:///{home / 'mock-interview.db'}"
    return request.getfixturevalue("postgres_url")
