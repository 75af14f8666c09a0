"""The maintained credit totals stay equal to the payments and adjustments, whoever writes them."""

from datetime import date
from decimal import Decimal

from sqlalchemy import delete, insert, select, text, update

from lib.dues.credits import credit_drift, rebuild_member_credits
from lib.dues.payments import close_period, ensure_period
from lib.editing.changes import ChangeSet, RowChange
from lib.editing.save import save_changes
from lib.models import DuesMemberCredit, DuesPayment
from lib.models.enums import PaymentMethod
from lib.registry import entity_for
from tests.dues.ledgerdata import CLERK, add_member, adjust, assert_sql_matches_python, base_ledger, pay


def _totals(conn) -> dict[int, tuple[int, int]]:
    rows = conn.execute(select(DuesMemberCredit.member_id, DuesMemberCredit.credit_cents,
                               DuesMemberCredit.credit_count))
    return {m: (cents, n) for m, cents, n in rows}


def test_inserts_updates_and_deletes_by_any_writer_keep_the_totals(engine):
    with engine.begin() as conn:
        base_ledger(conn)
        a, b = add_member(conn, date(2025, 1, 1)), add_member(conn, date(2025, 1, 1))
        jan, _ = ensure_period(conn, CLERK, date(2025, 1, 1))
        pay(conn, a, date(2025, 1, 1), "50.10", date(2025, 1, 5))
        adjust(conn, a, date(2025, 2, 1), "-25", "Returned check fee")
        # A bulk insert in one statement, as an import or the seed does it.
        conn.execute(insert(DuesPayment), [
            dict(member_id=m, period_id=jan, amount=Decimal("10.01"), method=PaymentMethod.ACH, paid_on=date(2025, 1, 9))
            for m in (a, b, b)])
        assert _totals(conn) == {a: (5010 - 2500 + 1001, 3), b: (2002, 2)}
        conn.execute(update(DuesPayment).where(DuesPayment.member_id == b).values(member_id=a))  # moved
        assert _totals(conn) == {a: (3511 + 2002, 5)}
        conn.execute(delete(DuesPayment).where(DuesPayment.amount == Decimal("10.01")))
        assert _totals(conn) == {a: (2510, 2)} and credit_drift(conn) == []
        assert_sql_matches_python(conn, date(2025, 3, 20))


def test_truncating_payments_rebuilds_from_what_remains(engine):
    with engine.begin() as conn:
        base_ledger(conn)
        a = add_member(conn, date(2025, 1, 1))
        pay(conn, a, date(2025, 1, 1), "50", date(2025, 1, 5))
        adjust(conn, a, date(2025, 2, 1), "20", "Credit for a double charge")
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE dues_payments"))
        else:
            conn.execute(text("DELETE FROM dues_payments"))
        assert _totals(conn) == {a: (2000, 1)} and credit_drift(conn) == []


def test_rebuild_repairs_a_damaged_total(engine):
    with engine.begin() as conn:
        base_ledger(conn)
        a = add_member(conn, date(2025, 1, 1))
        pay(conn, a, date(2025, 1, 1), "50", date(2025, 1, 5))
        conn.execute(update(DuesMemberCredit).values(credit_cents=1))
        assert len(credit_drift(conn)) == 1
        rebuild_member_credits(conn)
        assert credit_drift(conn) == [] and _totals(conn) == {a: (5000, 1)}


def test_the_data_editor_cannot_add_a_payment_to_a_closed_period(engine):
    with engine.begin() as conn:
        base_ledger(conn)
        a = add_member(conn, date(2025, 1, 1))
        period = close_period(conn, CLERK, date(2025, 1, 1))
    payment = {"member_id": a, "period_id": period, "amount": "50", "method": "CASH", "paid_on": "2025-01-05"}
    result = save_changes(engine, CLERK, entity_for("dues_payments"), ChangeSet(inserts=[RowChange("New row 1", payment)]))
    assert not result.ok
    assert [(p.column, p.reason) for p in result.problems] == [
        ("period_id", "the January 2025 period is closed: record an adjustment with a reason instead")]
