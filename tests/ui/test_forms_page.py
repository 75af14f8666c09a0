"""The forms page (AppTest): a dues payment found by card number, with the rate as default amount."""

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from lib.auth.identity import Identity
from lib.models import DuesPayment, DuesRate
from lib.models.enums import RoleName as R
from tests.editing.test_save import _insert, _member
from tests.ui.apptest import run_page, use_database

CLERK = Identity(id=None, email="dues@local46.example", roles=frozenset({R.DUES_CLERK}))


def test_a_dues_clerk_records_a_payment_with_the_default_amount(engine, monkeypatch):
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    _insert(engine, _member(card_number="L46-77", classification="APPRENTICE_2"))
    with engine.begin() as conn:
        conn.execute(DuesRate.__table__.insert().values(classification="APPRENTICE_2", monthly_amount=Decimal("42.50"),
                                                        effective_from=date(2019, 1, 1)))
    at = run_page("forms.py", CLERK)
    assert [t.label for t in at.tabs] == ["Dues payment"]
    at.text_input(key="dues_find").set_value("l46-77").run()
    assert at.selectbox(key="dues_member").value is not None
    amount = next(t for t in at.text_input if t.label == "Amount ($)")
    assert amount.value == "42.50"
    next(b for b in at.button if b.label == "Record payment").click().run()
    assert not at.exception and "Recorded payment #" in at.success[0].value
    assert "$42.50 from Ruiz, Ana (L46-77)" in at.success[0].value
    with engine.connect() as conn:
        assert conn.execute(select(DuesPayment.amount)).scalar_one() == Decimal("42.50")


def test_an_unknown_member_says_what_to_do(engine, monkeypatch):
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    at = run_page("forms.py", CLERK)
    at.text_input(key="dues_find").set_value("nobody").run()
    assert "No member matches 'nobody'" in at.info[0].value


def test_staff_start_and_escalate_a_grievance_step(engine, monkeypatch):
    from tests.editing.factory import make_parent
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        make_parent(conn, "grievances")
    staff = Identity(id=None, email="staff@local46.example", roles=frozenset({R.STAFF}))
    at = run_page("forms.py", staff)
    assert [t.label for t in at.tabs] == ["Dues payment", "Grievance step", "Attendance"]
    next(b for b in at.button if b.label == "Start step 1").click().run()
    assert "Step 1 started" in at.success[0].value and "the deadline is" in at.success[0].value
    next(b for b in at.button if b.label == "Save").click().run()
    assert "Step 2 started" in at.success[0].value
