"""Exit codes and the errors every layer may raise.

The CLI turns a :class:`MockInterviewError` into one line on stderr and its exit code;
anything else is a bug and is reported as such (with a traceback under ``--debug``).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes. Documented in README.md; changing one is a breaking change."""

    OK = 0
    ERROR = 1  # the command failed (bad data, conflict, permission, internal error)
    USAGE = 2  # wrong options or arguments, or input that cannot be valid
    NOT_FOUND = 3  # no such thing, or not configured (profile, database, endpoint)
    PROVIDER = 4  # the LLM provider failed and the step could not be completed
    INTERRUPTED = 130  # Ctrl-C


class MockInterviewError(Exception):
    """An expected failure with a message for the person and an optional hint on how to fix it."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(MockInterviewError):
    """Input that can never be valid, such as a malformed email address."""

    exit_code = ExitCode.USAGE


class NotFoundError(MockInterviewError):
    """A named record or file does not exist."""

    exit_code = ExitCode.NOT_FOUND


class ConfigError(MockInterviewError):
    """Something is not configured, or configured wrongly (database URL, config file, profile)."""

    exit_code = ExitCode.NOT_FOUND


class ConflictError(MockInterviewError):
    """The request clashes with what is stored, such as a duplicate email."""

    exit_code = ExitCode.ERROR


class ProviderError(MockInterviewError):
    """The LLM provider failed in a way the offline engine cannot cover."""

    exit_code = ExitCode.PROVIDER
