"""One member's dues ledger, explained line by line (for the statement and the counter).

The balance is what was owed minus payments plus adjustments. Payments and adjustments are
credits applied to the oldest owed month first; the first month they do not fully cover is the
oldest unpaid month, from which the months in arrears, the ageing bucket and the standing follow.
A negative balance is a credit carried forward to the coming months.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, select

from lib.auth.identity import Identity
from lib.config import get_settings
from lib.dues.access import require_dues_reader
from lib.dues import months as mo
from lib.dues.rates import classification_history, classification_in, load_rates, period_months, rate_cents
from lib.models import DuesAdjustment, DuesPayment, DuesPeriod, Member
from lib.models.enums import MemberClassification, MemberStatus

ENDS_DUES = (MemberStatus.RETIRED, MemberStatus.DECEASED)


def cents_to_money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Standing:
    member_id: int
    charged: Decimal
    credited: Decimal
    balance: Decimal  # positive: the member owes it; negative: a credit carried forward
    oldest_unpaid: date | None
    months_in_arrears: int
    ageing_bucket: str
    in_good_standing: bool

    @property
    def credit(self) -> Decimal:
        return max(Decimal("0.00"), -self.balance)


@dataclass(frozen=True)
class LedgerLine:
    month: date
    classification: MemberClassification | None
    charge: Decimal  # the dues owed for the month (0 when not owed)
    paid: Decimal  # payments entered against the month's period (and counted by as_of)
    adjusted: Decimal  # adjustments entered against the period (positive credits the member)
    balance: Decimal  # running balance after this line
    covered: str  # "paid", "part paid", "unpaid" or "" (nothing owed)


@dataclass
class MemberLedger:
    member_id: int
    member_name: str
    as_of: date
    lines: list[LedgerLine]
    standing: Standing
    notes: list[str] = field(default_factory=list)


def last_owed_month(status: MemberStatus, status_on: date | None, as_of: date) -> int:
    """A retired or deceased member owes through the month of that date and nothing after."""
    end = mo.month_index(as_of)
    if MemberStatus(status) in ENDS_DUES and status_on is not None:
        return min(end, mo.month_index(status_on))
    return end


def compute_standing(member_id: int, charges: list[tuple[int, int]], credited: int,
                     last_owed: int, as_of: date, grace_days: int) -> Standing:
    """Apply the credits to the oldest charges first; `charges` is [(month index, cents)] in order."""
    running, oldest, fifo = 0, None, max(credited, 0)  # a net charge leaves nothing to pay months with
    for month, cents in charges:
        running += cents
        if oldest is None and running > fifo:
            oldest = month
    arrears = mo.months_in_arrears(oldest, last_owed, as_of)
    return Standing(
        member_id=member_id, charged=cents_to_money(running), credited=cents_to_money(credited),
        balance=cents_to_money(running - credited),
        oldest_unpaid=mo.month_start(oldest) if oldest is not None else None,
        months_in_arrears=arrears, ageing_bucket=mo.ageing_bucket(arrears),
        in_good_standing=oldest is None or oldest > mo.required_month(as_of, grace_days),
    )


def _credits_by_month(conn: Connection, member_id: int, as_of: date) -> tuple[dict, dict]:
    """Payments (counted from the day paid) and adjustments (from their period) by month index."""
    paid, adjusted = defaultdict(int), defaultdict(int)
    pay = conn.execute(select(DuesPeriod.period_month, DuesPayment.amount)
                       .join(DuesPeriod, DuesPeriod.id == DuesPayment.period_id)
                       .where(DuesPayment.member_id == member_id, DuesPayment.paid_on <= as_of))
    for month, amount in pay:
        paid[mo.month_index(month)] += mo.to_cents(amount)
    adj = conn.execute(select(DuesPeriod.period_month, DuesAdjustment.amount)
                       .join(DuesPeriod, DuesPeriod.id == DuesAdjustment.period_id)
                       .where(DuesAdjustment.member_id == member_id, DuesPeriod.period_month <= as_of))
    for month, amount in adj:
        adjusted[mo.month_index(month)] += mo.to_cents(amount)
    return paid, adjusted


class MemberNotFound(LookupError):
    pass


def _load_member(conn: Connection, member_id: int):
    row = conn.execute(select(Member.id, Member.first_name, Member.last_name, Member.classification,
                              Member.status, Member.status_effective_on, Member.initiation_date)
                       .where(Member.id == member_id)).first()
    if row is None:
        raise MemberNotFound(f"No member with id {member_id}.")
    return row


def member_charges(conn: Connection, member, as_of: date) -> list[tuple[int, MemberClassification, int]]:
    """[(month index, classification, cents)] for every owed month that has a dues period."""
    start, end = mo.month_index(member.initiation_date), last_owed_month(
        member.status, member.status_effective_on, as_of)
    rates, history = load_rates(conn), classification_history(conn, member.id)
    current = MemberClassification(member.classification)
    result = []
    for month in sorted(m for m in period_months(conn, end) if m >= start):
        cls = classification_in(history, current, month)
        result.append((month, cls, rate_cents(rates, cls, month)))
    return result


def _lines(charges: list, paid: dict, adjusted: dict, credited: int) -> list[LedgerLine]:
    """One line per month with a charge or a credit, with the running balance and FIFO coverage."""
    owed = {m: (cls, c) for m, cls, c in charges}
    lines, running, charged_so_far = [], 0, 0
    for month in sorted(set(owed) | set(paid) | set(adjusted)):
        cls, cents = owed.get(month, (None, 0))
        charged_so_far += cents
        running += cents - paid.get(month, 0) - adjusted.get(month, 0)
        covered = "" if cents == 0 else (
            "paid" if charged_so_far <= credited else
            "part paid" if charged_so_far - cents < credited else "unpaid")
        lines.append(LedgerLine(mo.month_start(month), cls, cents_to_money(cents),
                                cents_to_money(paid.get(month, 0)), cents_to_money(adjusted.get(month, 0)),
                                cents_to_money(running), covered))
    return lines


def member_standing(conn: Connection, who: Identity, member_id: int, as_of: date) -> Standing:
    return explain_member(conn, who, member_id, as_of).standing


def explain_member(conn: Connection, who: Identity, member_id: int, as_of: date) -> MemberLedger:
    """The member's ledger month by month, with their standing and plain-language notes."""
    require_dues_reader(who)
    grace = get_settings().dues_grace_days
    member = _load_member(conn, member_id)
    charges = member_charges(conn, member, as_of)
    paid, adjusted = _credits_by_month(conn, member_id, as_of)
    credited = sum(paid.values()) + sum(adjusted.values())
    last_owed = last_owed_month(member.status, member.status_effective_on, as_of)
    standing = compute_standing(member_id, [(m, c) for m, _, c in charges], credited, last_owed, as_of, grace)
    ledger = MemberLedger(member_id, f"{member.first_name} {member.last_name}", as_of,
                          _lines(charges, paid, adjusted, credited), standing)
    ledger.notes = _notes(member, standing, last_owed, as_of, grace)
    return ledger


def _notes(member, standing: Standing, last_owed: int, as_of: date, grace: int) -> list[str]:
    notes = []
    if MemberStatus(member.status) in ENDS_DUES and last_owed < mo.month_index(as_of):
        notes.append(f"{MemberStatus(member.status).label}: owes no dues after {mo.label(last_owed)}.")
    required = mo.required_month(as_of, grace)
    notes.append(f"Good standing on {as_of:%b %-d, %Y} needs dues paid through {mo.label(required)} "
                 f"(due by {mo.payment_deadline(required, grace):%b %-d, %Y}, {grace} days' grace).")
    if standing.oldest_unpaid:
        notes.append(f"Oldest unpaid month: {standing.oldest_unpaid:%b %Y}; "
                     f"{standing.months_in_arrears} month(s) in arrears.")
    if standing.credit:
        notes.append(f"Credit of ${standing.credit:,.2f} carried forward to the coming months.")
    return notes
