"""Step 18: a full year of dues: rates (with a mid-year raise), periods, payments, adjustments.

Payments follow the rate of the classification the member held that month; retired and deceased
members owe nothing after their status date; suspended members and a few active ones are in arrears.
"""

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from lib.models import DuesAdjustment, DuesPayment, DuesPeriod, DuesRate
from lib.models.enums import MemberClassification as MC, MemberStatus, PaymentMethod as PM
from seed.context import MemberInfo, SeedContext
from seed.steps.common import StepOutput, add_months, cents, month_start, weighted

MONTHLY_RATE = {MC.JOURNEYMAN_WIREMAN: 62.0, MC.APPRENTICE_1: 30.0, MC.APPRENTICE_2: 34.0, MC.APPRENTICE_3: 38.0,
                MC.APPRENTICE_4: 42.0, MC.APPRENTICE_5: 46.0, MC.RESIDENTIAL_WIREMAN: 48.0,
                MC.SOUND_COMM_TECHNICIAN: 50.0, MC.MATERIAL_HANDLER: 36.0, MC.RETIRED: 15.0}
RAISE = 1.04
METHODS = ((PM.PAYROLL_DEDUCTION, 45), (PM.ACH, 25), (PM.CARD, 15), (PM.CHECK, 10), (PM.CASH, 5))
NO_DUES_AFTER = (MemberStatus.RETIRED, MemberStatus.DECEASED)


def dues_months(as_of: date) -> list[date]:
    """The twelve months that end with the current one, first days."""
    return [add_months(month_start(as_of), k - 11) for k in range(12)]


def _rates(ctx: SeedContext, months: list[date]) -> dict[tuple[MC, date], Decimal]:
    """Insert the old and the raised rate per classification; return the amount in force per month."""
    raised_from, old_from = months[6], add_months(months[0], -12)
    rows = []
    for classification, amount in MONTHLY_RATE.items():
        rows.append((classification, cents(amount), old_from, raised_from - timedelta(days=1)))
        rows.append((classification, cents(round(amount * RAISE * 4) / 4), raised_from, None))
    ids = ctx.get_or_create(DuesRate, ["classification", "effective_from"],
                            ["classification", "monthly_amount", "effective_from", "effective_to"], rows)
    # Read back: a real rate that already had this key is used as it is, not the seed's figure.
    stored = ctx.db.execute(select(DuesRate).where(DuesRate.id.in_(ids))).all()
    return {(r.classification, m): r.monthly_amount for r in stored for m in months
            if r.effective_from <= m and (r.effective_to is None or m <= r.effective_to)}


def _periods(ctx: SeedContext, months: list[date]) -> list[int]:
    closer = ctx.state.demo_users.dues or ctx.state.admin_user_id
    rows = []
    for month in months:
        closed_at = datetime.combine(add_months(month, 1) + timedelta(days=19), datetime.min.time(), UTC)
        is_closed = closed_at.date() <= ctx.as_of
        rows.append((month, is_closed, closed_at if is_closed else None, closer if is_closed else None))
    return ctx.get_or_create(DuesPeriod, ["period_month"], ["period_month", "is_closed", "closed_at",
                                                            "closed_by_user_id"], rows)


def _owed_months(member: MemberInfo, months: list[date]) -> list[date]:
    # The ledger's rule (README "Dues ledger"): owed from the month of initiation.
    first = month_start(member.initiation_date)
    stop = member.status_effective_on if member.status in NO_DUES_AFTER else None
    return [m for m in months if m >= first and (stop is None or m <= stop)]


def _unpaid_tail(rng: random.Random, member: MemberInfo) -> int:
    """How many of the latest months this member has not paid: arrears, or not yet this month."""
    if member.status is MemberStatus.SUSPENDED:
        return rng.randint(3, 8)
    if member.status is MemberStatus.ACTIVE and rng.random() < 0.06:
        return rng.randint(2, 4)
    return 0 if rng.random() < 0.55 else 1


def _held_all_year(member: MemberInfo, months: list[date]) -> MC | None:
    """The classification in force in every one of the months, or None when it may change during
    them: with every change dated before the first month, any day of the months sees the last one."""
    if len(member.history) <= 1:
        return member.history[0][1] if member.history else member.classification
    if all(effective_from < months[0] for effective_from, _ in member.history):
        return member.history[-1][1]
    return None


def _member_rates(member: MemberInfo, months: list[date], rate: dict, shared: dict) -> dict:
    """Month -> rate for this member; members with one classification all year share one table."""
    held = _held_all_year(member, months)
    if held is None:
        return {month: rate.get((member.classification_in_month(month), month)) for month in months}
    if held not in shared:
        shared[held] = {month: rate.get((held, month)) for month in months}
    return shared[held]


def _payments(ctx: SeedContext, rng: random.Random, months: list[date], period_of: dict, rate: dict) -> Iterator[tuple]:
    """Generated lazily: at scale 100 this is over a million rows, streamed to the database in chunks.
    The hot loop draws one random() per payment and looks paid-on days up in a precomputed table."""
    pay_days = {m: [min(m + timedelta(days=d), ctx.as_of) for d in range(15)] for m in months}
    draw, shared = rng.random, {}
    for member in ctx.state.members:
        owed = _owed_months(member, months)
        owed = owed[: len(owed) - _unpaid_tail(rng, member)] if owed else owed
        method = weighted(rng, METHODS)
        rates = _member_rates(member, months, rate, shared)
        member_id, check = member.id, method is PM.CHECK
        for month in owed:
            reference = f"CHK {1000 + int(draw() * 9000)}" if check else None
            yield (member_id, period_of[month], rates[month], method, pay_days[month][int(draw() * 15)], reference)


def _adjustments(ctx: SeedContext, rng: random.Random, months: list[date], period_of: dict, rate: dict) -> list[tuple]:
    approver = ctx.state.demo_users.dues or ctx.state.admin_user_id
    rows = []
    for member in rng.sample(ctx.state.members, len(ctx.state.members) // 50):
        owed = _owed_months(member, months)
        if not owed:
            continue
        month = rng.choice(owed)
        if rng.random() < 0.7:
            amount, reason = cents(float(rate[(member.classification_in_month(month), month)]) / 2), "Hardship credit approved by the executive board"
        else:
            amount, reason = cents(-25), "Reinstatement fee"
        rows.append((member.id, period_of[month], amount, reason, approver))
    return rows


def dues(ctx: SeedContext) -> StepOutput:
    rng, months = ctx.rng(), dues_months(ctx.as_of)
    rate = _rates(ctx, months)
    period_of = dict(zip(months, _periods(ctx, months)))
    payments = ctx.insert(DuesPayment, ["member_id", "period_id", "amount", "method", "paid_on", "reference"],
                          _payments(ctx, rng, months, period_of, rate))
    adjustments = ctx.insert(DuesAdjustment, ["member_id", "period_id", "amount", "reason", "approved_by_user_id"],
                             _adjustments(ctx, rng, months, period_of, rate))
    return StepOutput({"dues_rates": 2 * len(MONTHLY_RATE), "dues_periods": len(months), "dues_payments": payments,
                       "dues_adjustments": adjustments})
