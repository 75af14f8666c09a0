"""dues_member_credits: per-member credit totals kept by triggers, for the all-members standing

Revision ID: 0002_dues_credits
Revises: 0001
Create Date: 2026-11-22 07:55:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from lib.dues.credits import drop_triggers, install_triggers

revision: str = "0002_dues_credits"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dues_member_credits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("credit_cents", sa.BigInteger(), nullable=False),
        sa.Column("credit_count", sa.Integer(), nullable=False),
        sa.Column("latest_credit_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_member_credits")),
        sa.UniqueConstraint("member_id", name=op.f("uq_dues_member_credits_member_id")),
    )
    install_triggers(op.get_bind())


def downgrade() -> None:
    drop_triggers(op.get_bind())
    op.drop_table("dues_member_credits")
