"""answer attempts: /retry answers a question again; the better attempt counts

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

``answers.attempt`` is the number (1, 2, …) of the attempt whose answer and grade the row holds,
the one that counts; ``answers.attempts`` keeps every other attempt (answer, scores, feedback,
when), so the report can show the improvement. Existing rows are first attempts.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    # Plain ADD COLUMN on both databases: SQLite adds a column with a constant default in place.
    op.add_column("answers", sa.Column("attempt", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("answers", sa.Column("attempts", JSON, nullable=True))


def downgrade() -> None:
    op.drop_column("answers", "attempts")
    op.drop_column("answers", "attempt")
