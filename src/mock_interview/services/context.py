"""What every use case needs: settings, paths, the database (opened lazily) and the profile."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mock_interview.config import PROFILE_ENV, Paths, Settings

if TYPE_CHECKING:
    from mock_interview.store.database import Database


@dataclass
class AppContext:
    settings: Settings
    profile_override: str | None = None
    _database: Database | None = field(default=None, repr=False)
    catalogue_checked: bool = field(default=False, repr=False)  # the packaged jobs are in the database

    @classmethod
    def create(
        cls,
        *,
        database_url: str | None = None,
        profile: str | None = None,
        environ: dict[str, str] | None = None,
    ) -> AppContext:
        environ = dict(os.environ) if environ is None else environ
        paths = Paths.from_environment(environ)
        settings = Settings.load(paths, environ=environ, flags={"database.url": database_url})
        override = profile or environ.get(PROFILE_ENV, "").strip() or None
        return cls(settings=settings, profile_override=override)

    @property
    def paths(self) -> Paths:
        return self.settings.paths

    def database_url(self) -> str:
        return self.settings.database_url()

    def database(self) -> Database:
        """Open the database on first use and bring its schema up to date."""
        if self._database is None:
            from mock_interview.store.database import open_database

            self._database = open_database(self.database_url())
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None
