"""The scripted OpenAI-compatible server of :mod:`mock_interview.testing.llm_server` for the test
modules, and the fixture that keeps a developer's model settings out of them."""

from __future__ import annotations

import pytest

from mock_interview.testing.environment import LLM_ENV
from mock_interview.testing.llm_server import *  # noqa: F403


@pytest.fixture(autouse=True)
def clean_llm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own OPENAI_API_KEY or OPENAI_BASE_URL must not reach these tests (import
    this fixture into a test module to use it there)."""
    for name in LLM_ENV:
        monkeypatch.delenv(name, raising=False)
