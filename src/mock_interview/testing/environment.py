"""An isolated home for a test or bench run, and the environment its child processes get."""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

# A developer's own model settings must never send test or bench interviews to a real endpoint.
LLM_ENV = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "MOCK_INTERVIEW_ENGINE", "MOCK_INTERVIEW_LLM_MODEL")
# Everything of the person running the tests that must not reach a run: their home, database,
# profile, debug switch and model endpoint.
OUR_ENV = ("MOCK_INTERVIEW_HOME", "MOCK_INTERVIEW_DATABASE_URL", "MOCK_INTERVIEW_PROFILE",
           "MOCK_INTERVIEW_DEBUG", *LLM_ENV)


def home_settings(root: Path) -> dict[str, str]:
    """The variables that give a run its own home, plain output and a wide terminal."""
    return {"MOCK_INTERVIEW_HOME": str(root), "NO_COLOR": "1", "COLUMNS": "200"}


def use_home(root: Path, environ: MutableMapping[str, str] = os.environ) -> Path:
    """Point ``environ`` at the home ``root`` with none of the developer's settings (benches; the
    tests' ``home`` fixture does the same through monkeypatch)."""
    for name in OUR_ENV:
        environ.pop(name, None)
    environ.update(home_settings(root))
    return root


def child_env(*paths: Path | str, **extra: str) -> dict[str, str]:
    """Environment for child processes: they import the same mock_interview as this process (the
    installed wheel, or the source tree in development), then ``paths``, then anything else."""
    import mock_interview

    package_parent = str(Path(mock_interview.__file__).resolve().parents[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([package_parent, *map(str, paths)])
    env.update(extra)
    return env
