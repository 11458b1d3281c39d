"""Alembic migrations shipped inside the package and applied automatically on first use.

``REVISIONS`` lists the chain oldest first so the start-up check can compare the database's
revision with the code's without loading Alembic; a test keeps it equal to Alembic's own chain.
"""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
HEAD = REVISIONS[-1]
