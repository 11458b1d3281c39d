"""Settings and paths as the `config` and `paths` commands show them."""

from __future__ import annotations

import sys
from typing import Any

from mock_interview.config import HOME_ENV, SETTINGS, write_config_value
from mock_interview.errors import MockInterviewError, UsageError
from mock_interview.services.context import AppContext


def _spec(key: str) -> Any:
    if key not in SETTINGS:
        raise UsageError(f"unknown setting {key!r}", hint=f"known keys: {', '.join(SETTINGS)}")
    return SETTINGS[key]


def set_value(ctx: AppContext, key: str, raw: str) -> Any:
    value = _spec(key).parse(raw)
    # Refuse what could never work before it is saved: a bad value in the file would stop
    # every later command that reads it.
    if key == "database.url":
        from mock_interview.store.database import normalise_url

        normalise_url(value)
    elif key == "llm.prices":
        from mock_interview.services.llm import parse_prices

        try:
            parse_prices(value)
        except MockInterviewError as exc:
            raise UsageError(exc.message, exc.hint) from None
    elif key == "llm.model" and not value.strip():
        raise UsageError("llm.model must not be empty", hint="e.g. gpt-4o-mini or llama3.2")
    write_config_value(ctx.paths.config_file, key, value)
    return value


def unset_value(ctx: AppContext, key: str) -> None:
    _spec(key)
    write_config_value(ctx.paths.config_file, key, None)


def describe_paths(ctx: AppContext) -> dict[str, Any]:
    from mock_interview.store.database import display_url

    paths = ctx.paths
    return {
        "home_override": str(paths.home_override) if paths.home_override else None,
        "home_override_variable": HOME_ENV,
        "data_dir": str(paths.data_dir),
        "config_dir": str(paths.config_dir),
        "cache_dir": str(paths.cache_dir),
        "config_file": str(paths.config_file),
        "config_file_exists": paths.config_file.exists(),
        "state_file": str(paths.state_file),
        "resumes_dir": str(paths.resumes_dir),
        "database_url": display_url(ctx.database_url()),
        "database_url_source": ctx.settings.resolve("database.url").source,
        "python": sys.executable,
    }
