"""Validation of profile fields."""

from __future__ import annotations

from mock_interview.errors import UsageError

MAX_NAME_LENGTH = 200


def normalise_email(raw: str) -> str:
    """Return the normalised address, or raise UsageError saying what is wrong with it."""
    from email_validator import EmailNotValidError, validate_email

    text = (raw or "").strip()
    if not text:
        raise UsageError("an email address is required", hint="for example --email ada@example.com")
    try:
        # Syntax only: no DNS look-ups, so it works offline and in tests.
        info = validate_email(text, check_deliverability=False, test_environment=False)
    except EmailNotValidError as exc:
        raise UsageError(f"{text!r} is not a valid email address: {exc}") from exc
    # The domain is case-insensitive; the local part is kept as typed but compared lowercased.
    return info.normalized.lower()


def normalise_name(raw: str) -> str:
    name = " ".join((raw or "").split())
    if not name:
        raise UsageError("a name is required", hint='for example --name "Ada Lovelace"')
    if len(name) > MAX_NAME_LENGTH:
        raise UsageError(f"the name is longer than {MAX_NAME_LENGTH} characters")
    return name
