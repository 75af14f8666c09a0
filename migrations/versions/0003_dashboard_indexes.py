"""dashboard indexes: a covering index for dues payments by day paid (sums by month and method)

Measured at scale 100 on PostgreSQL (1,032,683 payments): the Overview's two-month sum 263-275 ms ->
163-173 ms, payments by method over three months 298-453 ms -> 133-153 ms (index-only scans).

Revision ID: 0003_dashboard_indexes
Revises: 0002_dues_credits
Create Date: 2026-12-06 23:20:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0003_dashboard_indexes"
down_revision: str | None = "0002_dues_credits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_dues_payments_paid_on_cover", "dues_payments", ["paid_on", "amount", "method", "member_id"])


def downgrade() -> None:
    op.drop_index("ix_dues_payments_paid_on_cover", table_name="dues_payments")
