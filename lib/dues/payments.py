"""Writing the ledger: payments, adjustments, closing periods, rates and classification changes.

Every function checks the role, validates with a message a clerk can act on, and writes an audit
row in the caller's transaction (pass a Connection from engine.begin() or session.connection()).
"""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import Connection, insert, select, update

from lib.audit import record_audit
from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.dues.months import label, month_index
from lib.models import (
    DuesAdjustment, DuesPayment, DuesPeriod, DuesRate, Member, MemberClassificationChange, User,
)
from lib.models.enums import AuditAction, MemberClassification, PaymentMethod

MAX_AMOUNT = Decimal("9999999999.99")


class DuesError(ValueError):
    """Bad input to the ledger; the message says what is wrong and what to do."""


class PeriodClosed(DuesError):
    pass


def as_money(value, what: str = "Amount") -> Decimal:
    """An exact amount with at most two decimals; floats are refused (they cannot hold cents)."""
    if isinstance(value, float):
        raise DuesError(f"{what} must be an exact amount (Decimal or text), not a float: {value!r}.")
    try:
        amount = Decimal(str(value).strip().replace(",", "").lstrip("$"))
    except (InvalidOperation, ValueError):
        raise DuesError(f"{what} {value!r} is not a number.") from None
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        raise DuesError(f"{what} {value!r} must have at most two decimals.")
    if abs(amount) > MAX_AMOUNT:
        raise DuesError(f"{what} {value!r} is too large.")
    return amount.quantize(Decimal("0.01"))


def _member_exists(conn: Connection, member_id: int) -> None:
    if conn.execute(select(Member.id).where(Member.id == member_id)).first() is None:
        raise DuesError(f"No member with id {member_id}.")


def ensure_period(conn: Connection, who: Identity, month: date) -> tuple[int, bool]:
    """The dues period of the month containing `month` (created open if missing): (id, is_closed)."""
    require(who, Action.RECORD_DUES)
    first = month.replace(day=1)
    row = conn.execute(select(DuesPeriod.id, DuesPeriod.is_closed).where(DuesPeriod.period_month == first)).first()
    if row:
        return row.id, bool(row.is_closed)
    period_id = conn.execute(insert(DuesPeriod).values(period_month=first, is_closed=False)
                             .returning(DuesPeriod.id)).scalar_one()
    record_audit(conn, who, AuditAction.CREATE, table="dues_periods", row_id=period_id,
                 after={"period_month": first})
    return period_id, False


def record_payment(conn: Connection, who: Identity, *, member_id: int, period: date, amount,
                   method: PaymentMethod, paid_on: date, reference: str | None = None) -> int:
    """Record a payment against a member's dues period; refused when the period is closed."""
    require(who, Action.RECORD_DUES)
    amount = as_money(amount)
    if amount <= 0:
        raise DuesError(f"A payment must be more than $0.00 (got ${amount}); use an adjustment to correct one.")
    if paid_on > date.today():
        raise DuesError(f"The payment date {paid_on:%b %-d, %Y} is in the future.")
    _member_exists(conn, member_id)
    period_id, closed = ensure_period(conn, who, period)
    if closed:
        raise PeriodClosed(f"The dues period {label(month_index(period))} is closed: a payment cannot be "
                           "added to it. Enter it as an adjustment with a reason and the approver.")
    values = dict(member_id=member_id, period_id=period_id, amount=amount, method=PaymentMethod(method),
                  paid_on=paid_on, reference=(reference or "").strip()[:60] or None)
    payment_id = conn.execute(insert(DuesPayment).values(**values).returning(DuesPayment.id)).scalar_one()
    record_audit(conn, who, AuditAction.CREATE, table="dues_payments", row_id=payment_id, after=values)
    return payment_id


def record_adjustment(conn: Connection, who: Identity, *, member_id: int, period: date, amount,
                      reason: str, approved_by_user_id: int | None = None) -> int:
    """A credit (positive) or charge (negative); a closed period needs the approver recorded."""
    require(who, Action.RECORD_DUES)
    amount, reason = as_money(amount), (reason or "").strip()
    if amount == 0:
        raise DuesError("An adjustment of $0.00 changes nothing; enter the amount to credit (or charge, negative).")
    if not reason or len(reason) > 300:
        raise DuesError("An adjustment needs a reason (1 to 300 characters) that says why.")
    _member_exists(conn, member_id)
    period_id, closed = ensure_period(conn, who, period)
    if closed and approved_by_user_id is None:
        raise PeriodClosed(f"The dues period {label(month_index(period))} is closed: "
                           "an adjustment to it needs the approver recorded.")
    if approved_by_user_id is not None and conn.execute(
            select(User.id).where(User.id == approved_by_user_id, User.is_active)).first() is None:
        raise DuesError(f"The approver (user id {approved_by_user_id}) is not an active user.")
    values = dict(member_id=member_id, period_id=period_id, amount=amount, reason=reason,
                  approved_by_user_id=approved_by_user_id)
    adjustment_id = conn.execute(insert(DuesAdjustment).values(**values).returning(DuesAdjustment.id)).scalar_one()
    record_audit(conn, who, AuditAction.CREATE, table="dues_adjustments", row_id=adjustment_id, after=values)
    return adjustment_id


def close_period(conn: Connection, who: Identity, month: date) -> int:
    """Close a dues period: from then on payments into it are refused (adjustments need an approver)."""
    period_id, closed = ensure_period(conn, who, month)
    if closed:
        raise DuesError(f"The dues period {label(month_index(month))} is already closed.")
    now = datetime.now(UTC)
    conn.execute(update(DuesPeriod).where(DuesPeriod.id == period_id).values(
        is_closed=True, closed_at=now, closed_by_user_id=who.id, row_version=DuesPeriod.row_version + 1))
    record_audit(conn, who, AuditAction.UPDATE, table="dues_periods", row_id=period_id,
                 before={"is_closed": False}, after={"is_closed": True, "closed_at": now})
    return period_id


def set_rate(conn: Connection, who: Identity, classification: MemberClassification, monthly_amount,
             effective_from: date) -> int:
    """A new monthly rate for a classification from a date; the rate in force until then ends the day before."""
    require(who, Action.RECORD_DUES)
    amount = as_money(monthly_amount, "Monthly amount")
    if amount < 0:
        raise DuesError(f"A dues rate cannot be negative (got ${amount}).")
    cls = MemberClassification(classification)
    same = select(DuesRate.id).where(DuesRate.classification == cls, DuesRate.effective_from == effective_from)
    if conn.execute(same).first():
        raise DuesError(f"{cls.label} already has a rate starting {effective_from:%b %-d, %Y}; edit that one.")
    open_rates = conn.execute(select(DuesRate.id).where(
        DuesRate.classification == cls, DuesRate.effective_from < effective_from,
        (DuesRate.effective_to.is_(None)) | (DuesRate.effective_to >= effective_from))).scalars().all()
    for rate_id in open_rates:
        end = effective_from - timedelta(days=1)
        conn.execute(update(DuesRate).where(DuesRate.id == rate_id).values(
            effective_to=end, row_version=DuesRate.row_version + 1))
        record_audit(conn, who, AuditAction.UPDATE, table="dues_rates", row_id=rate_id, after={"effective_to": end})
    values = dict(classification=cls, monthly_amount=amount, effective_from=effective_from)
    rate_id = conn.execute(insert(DuesRate).values(**values).returning(DuesRate.id)).scalar_one()
    record_audit(conn, who, AuditAction.CREATE, table="dues_rates", row_id=rate_id, after=values)
    return rate_id


def change_classification(conn: Connection, who: Identity, member_id: int,
                          classification: MemberClassification, effective_from: date) -> int:
    """Record a classification change (the dues rate follows it from that month on)."""
    require(who, Action.EDIT_RECORDS)
    member = conn.execute(select(Member.classification, Member.initiation_date)
                          .where(Member.id == member_id)).first()
    if member is None:
        raise DuesError(f"No member with id {member_id}.")
    history = select(MemberClassificationChange.id).where(MemberClassificationChange.member_id == member_id)
    if not conn.execute(history).first() and effective_from > member.initiation_date:
        # Keep the history complete: the classification held until now starts at initiation.
        _insert_change(conn, who, member_id, member.classification, member.initiation_date)
    change_id = _insert_change(conn, who, member_id, MemberClassification(classification), effective_from)
    latest = conn.execute(select(MemberClassificationChange.classification)
                          .where(MemberClassificationChange.member_id == member_id)
                          .order_by(MemberClassificationChange.effective_from.desc()).limit(1)).scalar_one()
    conn.execute(update(Member).where(Member.id == member_id).values(
        classification=latest, row_version=Member.row_version + 1))
    return change_id


def _insert_change(conn, who, member_id, classification, effective_from) -> int:
    if conn.execute(select(MemberClassificationChange.id).where(
            MemberClassificationChange.member_id == member_id,
            MemberClassificationChange.effective_from == effective_from)).first():
        raise DuesError(f"Member {member_id} already has a classification change on {effective_from:%b %-d, %Y}.")
    values = dict(member_id=member_id, classification=classification, effective_from=effective_from)
    change_id = conn.execute(insert(MemberClassificationChange).values(**values)
                             .returning(MemberClassificationChange.id)).scalar_one()
    record_audit(conn, who, AuditAction.CREATE, table="member_classification_changes", row_id=change_id, after=values)
    return change_id
