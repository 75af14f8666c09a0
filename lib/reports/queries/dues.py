"""Dues report data. Standing, balances and arrears come from lib.dues (never recomputed here)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, func, select

from lib.auth.identity import Identity
from lib.dues import months as mo
from lib.dues.standing import LedgerLine, MemberLedger, MemberNotFound, cents_to_money, explain_member
from lib.dues.standing_sql import standing_select
from lib.models import Location, Member
from lib.reports.errors import ReportParameterError

STATEMENT_MONTHS = 12


@dataclass(frozen=True)
class MemberDetails:
    card_number: str
    name: str
    classification: str
    status: str
    initiation_date: date
    email: str | None
    phone: str | None
    address: str
    home_location: str | None


@dataclass
class StatementData:
    member: MemberDetails
    ledger: MemberLedger
    opening_balance: Decimal  # the running balance before the first line shown
    lines: list[LedgerLine]  # the statement year: the last twelve months up to as_of

    @property
    def as_of(self) -> date:
        return self.ledger.as_of


def load_statement(conn: Connection, who: Identity, member_id: int, as_of: date) -> StatementData:
    details = _member_details(conn, member_id)
    try:
        ledger = explain_member(conn, who, member_id, as_of)
    except MemberNotFound as missing:
        raise ReportParameterError(str(missing)) from missing
    first = mo.month_start(mo.month_index(as_of) - STATEMENT_MONTHS + 1)
    earlier = [line for line in ledger.lines if line.month < first]
    opening = earlier[-1].balance if earlier else Decimal("0.00")
    return StatementData(details, ledger, opening, [line for line in ledger.lines if first <= line.month])


def _member_details(conn: Connection, member_id: int) -> MemberDetails:
    m = conn.execute(select(*Member.__table__.c, Location.name.label("location"))
                     .outerjoin(Location, Location.id == Member.home_location_id)
                     .where(Member.id == member_id)).first()
    if m is None:
        raise ReportParameterError(f"There is no member with id {member_id}; search by card number or name.")
    street = ", ".join(p for p in (m.address, m.city, " ".join(x for x in (m.state, m.postal_code) if x)) if p)
    return MemberDetails(m.card_number, f"{m.first_name} {m.last_name}", m.classification, m.status,
                         m.initiation_date, m.email, m.phone, street, m.location)


@dataclass(frozen=True)
class DelinquentMember:
    card_number: str
    name: str
    classification: str
    email: str | None
    phone: str | None
    months_in_arrears: int
    oldest_unpaid: date | None
    owed: Decimal
    bucket: str


@dataclass(frozen=True)
class GroupTotal:
    name: str
    members: int
    owed: Decimal


@dataclass
class DelinquencyData:
    as_of: date
    members: list[DelinquentMember]
    by_bucket: list[GroupTotal]
    by_classification: list[GroupTotal]
    members_total: int  # every member, for "x of y members are behind"

    @property
    def owed_total(self) -> Decimal:
        return sum((m.owed for m in self.members), Decimal("0.00"))


def load_delinquency(conn: Connection, as_of: date) -> DelinquencyData:
    """Members in arrears (oldest first) from lib.dues' set-based standing, joined to contacts in SQL."""
    s = standing_select(conn, as_of).subquery()
    behind = s.c.months_in_arrears > 0
    rows = conn.execute(
        select(Member.card_number, Member.first_name, Member.last_name, Member.classification, Member.email,
               Member.phone, s.c.months_in_arrears, s.c.oldest_unpaid_month_index, s.c.balance_cents,
               s.c.ageing_bucket)
        .join(s, s.c.member_id == Member.id).where(behind)
        .order_by(s.c.months_in_arrears.desc(), s.c.balance_cents.desc(), Member.last_name)).all()
    members = [DelinquentMember(card, f"{first} {last}", cls, email, phone, months,
                                mo.month_start(oldest) if oldest is not None else None,
                                cents_to_money(cents), bucket)
               for card, first, last, cls, email, phone, months, oldest, cents, bucket in rows]
    by_class = conn.execute(
        select(Member.classification, func.count(), func.sum(s.c.balance_cents))
        .join(s, s.c.member_id == Member.id).where(behind)
        .group_by(Member.classification).order_by(func.sum(s.c.balance_cents).desc())).all()
    total = conn.execute(select(func.count()).select_from(Member)).scalar_one()
    return DelinquencyData(as_of, members, _bucket_totals(members),
                           [GroupTotal(c, n, cents_to_money(int(v or 0))) for c, n, v in by_class], total)


def _bucket_totals(members: list[DelinquentMember]) -> list[GroupTotal]:
    """One row per arrears bucket of lib.dues (CURRENT excluded: those members are not behind)."""
    totals = []
    for bucket in mo.AGEING_BUCKETS[1:]:
        mine = [m for m in members if m.bucket == bucket]
        totals.append(GroupTotal(bucket, len(mine), sum((m.owed for m in mine), Decimal("0.00"))))
    return totals


def member_choices(conn: Connection, search: str, limit: int = 25) -> list[tuple[int, str]]:
    """Members whose card number or name matches, for the statement's picker."""
    like = f"%{search.strip().lower()}%"
    name = func.lower(Member.first_name + " " + Member.last_name)
    rows = conn.execute(select(Member.id, Member.card_number, Member.first_name, Member.last_name)
                        .where((func.lower(Member.card_number).like(like)) | name.like(like))
                        .order_by(Member.last_name, Member.first_name).limit(limit))
    return [(mid, f"{first} {last} \u00b7 card {card}") for mid, card, first, last in rows]
