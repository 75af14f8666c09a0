"""Hand-made ledger data for the dues tests, and the check that SQL and Python agree."""

from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, insert, select

from lib.auth.identity import Identity
from lib.dues.payments import ensure_period, record_adjustment, record_payment, set_rate
from lib.dues.standing import explain_member
from lib.dues.standing_sql import all_standings
from lib.models import Member, User
from lib.models.enums import MemberClassification as C, MemberStatus, PaymentMethod, RoleName

CLERK = Identity(id=None, email="clerk@test.local46.example", roles=frozenset({RoleName.DUES_CLERK}))
JW, AP1 = C.JOURNEYMAN_WIREMAN, C.APPRENTICE_1


def base_ledger(conn: Connection) -> None:
    """Periods Jan 2025 - Dec 2026; journeyman $50 until Jun 30, 2025 then $55; apprentice $30."""
    for month in range(24):
        ensure_period(conn, CLERK, date(2025 + month // 12, month % 12 + 1, 1))
    set_rate(conn, CLERK, JW, Decimal("50.00"), date(2020, 1, 1))
    set_rate(conn, CLERK, JW, Decimal("55.00"), date(2025, 7, 1))
    set_rate(conn, CLERK, AP1, Decimal("30.00"), date(2020, 1, 1))
    set_rate(conn, CLERK, C.RETIRED, Decimal("10.00"), date(2020, 1, 1))


_cards = iter(range(1000, 100000))


def add_member(conn: Connection, initiated: date, classification=JW, status=MemberStatus.ACTIVE,
               status_on: date | None = None, name: str = "Test") -> int:
    card = next(_cards)
    return conn.execute(insert(Member).values(
        card_number=f"T{card}", first_name=name, last_name=f"Member{card}", classification=classification,
        status=status, status_effective_on=status_on, initiation_date=initiated,
    ).returning(Member.id)).scalar_one()


def pay(conn: Connection, member_id: int, period: date, amount: str, paid_on: date) -> int:
    return record_payment(conn, CLERK, member_id=member_id, period=period, amount=Decimal(amount),
                          method=PaymentMethod.CHECK, paid_on=paid_on)


def adjust(conn: Connection, member_id: int, period: date, amount: str, reason: str, approver=None) -> int:
    return record_adjustment(conn, CLERK, member_id=member_id, period=period, amount=Decimal(amount),
                             reason=reason, approved_by_user_id=approver)


def add_user(conn: Connection, email: str = "approver@test.local46.example") -> int:
    return conn.execute(insert(User).values(email=email, full_name="Approver", password_hash="x")
                        .returning(User.id)).scalar_one()


def assert_sql_matches_python(conn: Connection, as_of: date) -> int:
    """The set-based standing equals the one-member explanation for every member; returns the count."""
    by_sql = all_standings(conn, CLERK, as_of)
    member_ids = conn.execute(select(Member.id)).scalars().all()
    assert sorted(by_sql) == sorted(member_ids)
    mismatches = []
    for member_id in member_ids:
        by_python = explain_member(conn, CLERK, member_id, as_of).standing
        if by_python != by_sql[member_id]:
            mismatches.append((by_python, by_sql[member_id]))
    assert not mismatches, f"{len(mismatches)} members differ; first: {mismatches[:3]}"
    return len(member_ids)
