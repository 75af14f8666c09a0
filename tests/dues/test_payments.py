"""Writing the ledger: roles, closed periods, bad amounts and the audit trail."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.dues.payments import (
    DuesError, PeriodClosed, as_money, close_period, record_adjustment, record_payment,
)
from lib.dues.standing import explain_member
from lib.models import AuditLog, DuesPayment
from lib.models.enums import PaymentMethod, RoleName
from tests.dues.ledgerdata import CLERK, add_member, add_user, adjust, base_ledger, pay

LEADER = Identity(id=None, email="leader@test.local46.example", roles=frozenset({RoleName.LEADERSHIP}))


@pytest.fixture
def conn(engine):
    with engine.begin() as connection:
        base_ledger(connection)
        yield connection


def test_closed_period_refuses_a_payment_but_takes_an_approved_adjustment(conn):
    m = add_member(conn, date(2025, 1, 1))
    close_period(conn, CLERK, date(2025, 1, 1))
    with pytest.raises(PeriodClosed, match="Jan 2025 is closed.*adjustment with a reason and the approver"):
        pay(conn, m, date(2025, 1, 1), "50", date(2025, 2, 1))
    with pytest.raises(PeriodClosed, match="needs the approver"):
        adjust(conn, m, date(2025, 1, 1), "50", "Late check for January")
    approver = add_user(conn)
    adjust(conn, m, date(2025, 1, 1), "50", "Late check for January", approver=approver)
    assert conn.execute(select(func.count()).select_from(DuesPayment)).scalar_one() == 0
    assert explain_member(conn, CLERK, m, date(2025, 1, 20)).standing.balance == Decimal("0.00")
    with pytest.raises(DuesError, match="already closed"):
        close_period(conn, CLERK, date(2025, 1, 15))


@pytest.mark.parametrize("amount, message", [
    (50.0, "not a float"), ("abc", "not a number"), ("10.005", "at most two decimals"),
    ("0", r"more than \$0.00"), ("-5", r"more than \$0.00"),
])
def test_bad_amounts_are_refused_with_a_clear_message(conn, amount, message):
    m = add_member(conn, date(2025, 1, 1))
    with pytest.raises(DuesError, match=message):
        record_payment(conn, CLERK, member_id=m, period=date(2025, 1, 1), amount=amount,
                       method=PaymentMethod.CASH, paid_on=date(2025, 1, 5))


def test_other_bad_input(conn):
    m = add_member(conn, date(2025, 1, 1))
    with pytest.raises(DuesError, match="in the future"):
        record_payment(conn, CLERK, member_id=m, period=date(2025, 1, 1), amount="50",
                       method=PaymentMethod.CASH, paid_on=date(2999, 1, 1))
    with pytest.raises(DuesError, match="No member with id 999999"):
        pay(conn, 999999, date(2025, 1, 1), "50", date(2025, 1, 5))
    with pytest.raises(DuesError, match="needs a reason"):
        adjust(conn, m, date(2025, 1, 1), "5", "   ")
    assert as_money("$1,234.50") == Decimal("1234.50")


def test_roles_are_enforced_in_lib(conn):
    m = add_member(conn, date(2025, 1, 1))
    with pytest.raises(PermissionDenied):
        record_payment(conn, LEADER, member_id=m, period=date(2025, 1, 1), amount="50",
                       method=PaymentMethod.CASH, paid_on=date(2025, 1, 5))
    with pytest.raises(PermissionDenied):
        record_adjustment(conn, LEADER, member_id=m, period=date(2025, 1, 1), amount="5", reason="x")
    with pytest.raises(PermissionDenied):
        explain_member(conn, Identity(id=None, email="i@x", roles=frozenset({RoleName.INSTRUCTOR})), m,
                       date(2025, 2, 1))
    assert explain_member(conn, LEADER, m, date(2025, 2, 1)).standing.balance == Decimal("100.00")


def test_every_write_is_audited(conn):
    m = add_member(conn, date(2025, 1, 1))
    payment_id = pay(conn, m, date(2025, 1, 1), "50", date(2025, 1, 5))
    row = conn.execute(select(AuditLog.user_email, AuditLog.after)
                       .where(AuditLog.table_name == "dues_payments", AuditLog.row_id == payment_id)).one()
    assert row.user_email == CLERK.email and row.after["amount"] == "50.00"
