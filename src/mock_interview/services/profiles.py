"""Profiles: register, log in, who am I, list. The active profile is kept per database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mock_interview.config import read_state, write_state
from mock_interview.domain.profiles import normalise_email, normalise_name
from mock_interview.errors import ConfigError, ConflictError, NotFoundError, UsageError
from mock_interview.services.context import AppContext

REGISTER_HINT = 'create one: mock-interview register --name "Your Name" --email you@example.com'


@dataclass(frozen=True)
class Profile:
    id: str
    email: str
    full_name: str
    created_at: datetime
    active: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "email": self.email,
            "full_name": self.full_name,
            "created_at": self.created_at.isoformat(),
            "active": self.active,
        }


def _profile(user: Any, active_email: str | None) -> Profile:
    return Profile(
        id=str(user.id),
        email=user.email,
        full_name=user.full_name,
        created_at=user.created_at,
        active=user.email == active_email,
    )


def _state_key(ctx: AppContext) -> str:
    url = ctx.database_url()
    if url.startswith("sqlite:///") and "?" not in url:
        return url  # as display_url renders it (no password to hide), without importing SQLAlchemy
    from mock_interview.store.database import display_url

    return display_url(url)


def active_email(ctx: AppContext) -> str | None:
    if ctx.profile_override:
        return normalise_email(ctx.profile_override)
    return read_state(ctx.paths).get("active_profiles", {}).get(_state_key(ctx))


def _set_active(ctx: AppContext, email: str) -> None:
    state = read_state(ctx.paths)
    state.setdefault("active_profiles", {})[_state_key(ctx)] = email
    write_state(ctx.paths, state)


LOCAL_DOMAIN = "localhost.localdomain"  # the automatic profile's address: user@LOCAL_DOMAIN


def is_automatic(email: str) -> bool:
    """Whether ``email`` is the address of a profile created automatically on first use."""
    return email.endswith("@" + LOCAL_DOMAIN)


@dataclass(frozen=True)
class Registration:
    profile: Profile
    adopted_from: str | None = None  # the automatic profile renamed into this one, if any


def register(ctx: AppContext, name: str, email: str, *, new: bool = False) -> Registration:
    """Create a profile and make it the active one. When the active profile is the one
    created automatically on first use, it is renamed instead (keeping its resumes and
    interviews), unless ``new``."""
    from mock_interview.store import users

    full_name = normalise_name(name)
    address = normalise_email(email)
    database = ctx.database()
    current_address = active_email(ctx)
    if not new and current_address and is_automatic(current_address) and _find(ctx, current_address):
        profile = rename(ctx, current_address, new_email=address, name=full_name)
        return Registration(profile, adopted_from=current_address)
    try:
        user = users.create(database, address, full_name)
    except users.EmailTaken as exc:
        raise ConflictError(f"a profile with email {address} already exists",
                            hint=None if exc.raced else f"use it with: mock-interview login {address}") from exc
    _set_active(ctx, address)
    return Registration(_profile(user, address))


def rename(ctx: AppContext, email: str, *, new_email: str | None = None,
           name: str | None = None) -> Profile:
    """Change a profile's email and/or name; its data stays with it, and it stays active
    wherever it was active."""
    from mock_interview.store import users

    old = normalise_email(email)
    target = normalise_email(new_email) if new_email else old
    full_name = normalise_name(name) if name is not None else None
    if new_email is None and name is None:
        raise UsageError("nothing to change", hint="give --email NEW and/or --name NAME")
    user = _find(ctx, old)
    if user is None:
        raise NotFoundError(f"no profile with email {old}", hint="see `mock-interview users list`")
    try:
        users.update(ctx.database(), user.id, target, email_changes=target != old, full_name=full_name)
    except users.EmailTaken as exc:
        raise ConflictError(f"a profile with email {target} already exists",
                            hint=None if exc.raced else f"delete it first (mock-interview users delete {target}) "
                                                        "or choose another email") from exc
    if target != old:
        _replace_active(ctx, old, target)
    return _profile(_find(ctx, target), active_email(ctx))


def forget_active(ctx: AppContext, email: str) -> None:
    """A deleted profile is no longer the active one for this database."""
    _replace_active(ctx, email, None)


def _replace_active(ctx: AppContext, old: str, new: str | None) -> None:
    """Point this database's active profile at ``new`` (None: no active profile) if it was ``old``."""
    state = read_state(ctx.paths)
    active = state.get("active_profiles", {})
    key = _state_key(ctx)
    if active.get(key) != old:
        return
    if new is None:
        del active[key]
    else:
        active[key] = new
    write_state(ctx.paths, state)


def ensure_user(ctx: AppContext, name: str, email: str) -> None:
    """Create the profile if it does not exist, without making it the active one (for batch
    evaluation: a trainer's run must not switch who they are). Safe when racing other workers."""
    from mock_interview.store import users

    users.create_if_missing(ctx.database(), normalise_email(email), normalise_name(name))


def _find(ctx: AppContext, email: str) -> Any | None:
    from mock_interview.store import users

    return users.by_email(ctx.database(), email)


def login(ctx: AppContext, email: str) -> Profile:
    address = normalise_email(email)
    user = _find(ctx, address)
    if user is None:
        raise NotFoundError(
            f"no profile with email {address}",
            hint="see `mock-interview users list`, or `mock-interview register`",
        )
    _set_active(ctx, address)
    return _profile(user, address)


def current(ctx: AppContext) -> Profile:
    """The active profile, or a ConfigError that says how to get one."""
    ctx.database()  # a broken database URL is the first thing to report
    address = active_email(ctx)
    if address is None:
        raise ConfigError("no active profile", hint=REGISTER_HINT)
    user = _find(ctx, address)
    if user is None:
        raise ConfigError(
            f"the active profile {address} is not in the database {_state_key(ctx)}",
            hint="`mock-interview login EMAIL` with an existing profile, or register it",
        )
    return _profile(user, address)


def list_profiles(ctx: AppContext) -> list[Profile]:
    from mock_interview.store import users

    address = active_email(ctx)
    return [_profile(user, address) for user in users.everyone(ctx.database())]


def ensure_profile(ctx: AppContext) -> tuple[Profile, bool]:
    """The active profile; without one, a local profile is created and made active.

    Returns (profile, created). A person with a resume in hand should reach an interview in
    one command; `register` stays available for a real name and email.
    """
    import getpass

    ctx.database()
    address = active_email(ctx)
    if address is not None:
        return current(ctx), False
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        user = "me"
    local = "".join(c for c in user.lower() if c.isalnum() or c in "._-") or "me"
    email = f"{local}@{LOCAL_DOMAIN}"
    created = _find(ctx, email) is None
    ensure_user(ctx, user or "Me", email)
    _set_active(ctx, email)
    return current(ctx), created
