"""Resume queries the interview needs."""

from __future__ import annotations

import uuid
from typing import Any

from mock_interview.store.models import Resume


def get(database: Any, resume_id: uuid.UUID | None) -> Resume | None:
    """The resume with this id; None for no id or a resume deleted since."""
    if resume_id is None:
        return None
    with database.session() as session:
        return session.get(Resume, resume_id)
