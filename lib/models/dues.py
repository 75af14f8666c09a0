"""Dues: rates by classification, monthly periods, payments and approved adjustments."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime, Index, UniqueConstraint
from sqlmodel import Field

from lib.models.base import SeededBase, TableBase, enum_field, fk, money
from lib.models.enums import MemberClassification, PaymentMethod


class DuesRate(SeededBase, table=True):
    __tablename__ = "dues_rates"
    __table_args__ = (UniqueConstraint("classification", "effective_from"),)
    classification: MemberClassification = enum_field(MemberClassification)
    monthly_amount: Decimal = money()
    effective_from: date
    effective_to: date | None = None


class DuesPeriod(SeededBase, table=True):
    __tablename__ = "dues_periods"
    # The first day of the month the period covers.
    period_month: date = Field(unique=True)
    is_closed: bool = False
    closed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    closed_by_user_id: int | None = fk("users.id", nullable=True, index=False)


class DuesPayment(SeededBase, table=True):
    __tablename__ = "dues_payments"
    # Covering: the dashboards' sums by month and method over a date range read only this index.
    __table_args__ = (Index("ix_dues_payments_paid_on_cover", "paid_on", "amount", "method", "member_id"),)
    member_id: int = fk("members.id")
    period_id: int = fk("dues_periods.id")
    amount: Decimal = money()
    method: PaymentMethod = enum_field(PaymentMethod, index=True)
    paid_on: date = Field(index=True)
    reference: str | None = Field(default=None, max_length=60)


class DuesAdjustment(SeededBase, table=True):
    __tablename__ = "dues_adjustments"
    member_id: int = fk("members.id")
    period_id: int = fk("dues_periods.id")
    # Positive credits the member (reduces what is owed); negative adds a charge.
    amount: Decimal = money()
    reason: str = Field(max_length=300)
    approved_by_user_id: int | None = fk("users.id", nullable=True, index=False)


class DuesMemberCredit(TableBase, table=True):
    """Each member's payments + adjustments, kept by database triggers in the writing transaction.

    A derived total so that the all-members standing does not sum a decade of payments on every
    dashboard load. Written only by triggers (every writer: ledger, editors, imports, the seed);
    `lib.dues.credits` rebuilds and checks it. No foreign key: a truncate or reset of members must
    not be blocked by a derived row (rows disappear when a member's last credit is deleted).
    """

    __tablename__ = "dues_member_credits"
    member_id: int = Field(unique=True)
    credit_cents: int = Field(default=0, sa_type=BigInteger)
    credit_count: int = 0
    # The latest day any counted credit takes effect; as_of dates before it use the slow path.
    latest_credit_on: date
