"""Shared fixtures: an isolated MOCK_INTERVIEW_HOME per test, a CLI runner, and databases.

Postgres tests need MOCK_INTERVIEW_TEST_POSTGRES_URL (CI sets it). Each test gets its own
schema, dropped afterwards. Without the variable they skip with a visible reason, except
under CI=true, where a missing server is an error rather than a silent skip.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

POSTGRES_ENV = "MOCK_INTERVIEW_TEST_POSTGRES_URL"
OUR_ENV = (
    "MOCK_INTERVIEW_HOME",
    "MOCK_INTERVIEW_DATABASE_URL",
    "MOCK_INTERVIEW_PROFILE",
    "MOCK_INTERVIEW_DEBUG",
    # A developer's own model settings must never send test interviews to a real endpoint.
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "MOCK_INTERVIEW_ENGINE",
    "MOCK_INTERVIEW_LLM_MODEL",
)


ROOT = Path(__file__).resolve().parents[1]


def subprocess_env(**extra: str) -> dict[str, str]:
    """Environment for child processes: they import the same mock_interview as this process
    (the installed wheel in CI, the source tree in development) and can import tests.*."""
    import mock_interview

    package_parent = str(Path(mock_interview.__file__).resolve().parents[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([package_parent, str(ROOT)])
    env.update(extra)
    return env


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test runs with its own empty home and none of the developer's settings."""
    for name in OUR_ENV:
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "home"
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(root))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
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


def with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@contextmanager
def fresh_schema(base: str, prefix: str = "mi_test") -> Iterator[str]:
    """``base`` with its search_path on a new, empty schema, dropped afterwards (tests, benches)."""
    import sqlalchemy as sa

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield with_search_path(base, schema)
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


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
