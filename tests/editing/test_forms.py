"""The three forms, through the ledger's rules: dues payment, next grievance step, attendance."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from lib.auth.identity import Identity
from lib.dues.payments import DuesError
from lib.editing.forms import (
    advance_grievance, default_dues_amount, open_grievances, record_dues_payment, save_attendance,
    session_roster,
)
from lib.models import Attendance, ClassSession, DuesPayment, DuesRate, GrievanceStep, Student
from lib.models.enums import PaymentMethod, RoleName as R, StepOutcome
from lib.registry import EntityPermissionDenied
from tests.editing.factory import make_parent
from tests.editing.test_save import _insert, _member

STAFF = Identity(id=None, email="staff@local46.example", roles=frozenset({R.STAFF}))
CLERK = Identity(id=None, email="dues@local46.example", roles=frozenset({R.DUES_CLERK}))


def test_a_dues_payment_defaults_to_the_members_rate_and_goes_through_the_ledger(engine):
    member = _insert(engine, _member(classification="APPRENTICE_2", initiation_date="2020-01-01")).inserted[0]
    with engine.begin() as conn:
        conn.execute(DuesRate.__table__.insert().values(classification="APPRENTICE_2", monthly_amount=Decimal("42.50"),
                                                        effective_from=date(2019, 1, 1)))
    period = date.today().replace(day=1)
    assert default_dues_amount(engine, CLERK, member, period) == Decimal("42.50")
    payment = record_dues_payment(engine, CLERK, member_id=member, period=period, amount="42.50",
                                  method=PaymentMethod.CHECK, paid_on=date.today(), reference="1234")
    with engine.connect() as conn:
        assert conn.execute(select(DuesPayment.amount).where(DuesPayment.id == payment)).scalar_one() == Decimal("42.50")
    with pytest.raises(DuesError, match="in the future"):
        record_dues_payment(engine, CLERK, member_id=member, period=period, amount="1",
                            method=PaymentMethod.CASH, paid_on=date.today() + timedelta(days=2))


def test_advancing_a_grievance_escalates_the_open_step_and_starts_the_next(engine):
    with engine.begin() as conn:
        grievance = make_parent(conn, "grievances")
    assert grievance in open_grievances(engine, STAFF)
    first = advance_grievance(engine, STAFF, grievance, closed_on=date.today())
    assert first.step == "Step 1" and first.deadline_on > first.started_on
    second = advance_grievance(engine, STAFF, grievance, closed_on=date.today(), notes="no answer")
    assert second.step == "Step 2" and second.started_on == date.today()
    with engine.connect() as conn:
        outcomes = [s.outcome.value for s in conn.execute(select(GrievanceStep).order_by(GrievanceStep.id))]
    assert outcomes == ["ESCALATED", "PENDING"]
    assert advance_grievance(engine, STAFF, grievance, closed_on=date.today(), outcome=StepOutcome.RESOLVED) is None
    assert grievance not in open_grievances(engine, STAFF)  # the ledger settled it
    with pytest.raises(EntityPermissionDenied):
        advance_grievance(engine, CLERK, grievance, closed_on=date.today())


def test_attendance_for_a_session_inserts_new_marks_and_updates_changed_ones(engine):
    with engine.begin() as conn:
        session = make_parent(conn, "class_sessions")
        cohort = conn.execute(select(ClassSession.cohort_id)).scalar_one()
        students = [make_parent(conn, "students") for _ in range(2)]
        conn.execute(Student.__table__.update().values(cohort_id=cohort))
    roster = session_roster(engine, STAFF, session)
    assert [line.status for line in roster] == [None, None]
    first = save_attendance(engine, STAFF, session, roster, {students[0]: "PRESENT", students[1]: "LATE"})
    assert first.ok and len(first.inserted) == 2
    roster = session_roster(engine, STAFF, session)
    second = save_attendance(engine, STAFF, session, roster, {students[0]: "PRESENT", students[1]: "EXCUSED"})
    assert second.ok and second.updated == 1 and not second.inserted
    with engine.connect() as conn:
        assert sorted(a.status.value for a in conn.execute(select(Attendance))) == ["EXCUSED", "PRESENT"]


def _audit(engine, table: str) -> list[tuple[str, str | None, dict | None, dict | None]]:
    from lib.models import AuditLog
    with engine.connect() as conn:
        return [(r.action.value, r.user_email, r.before, r.after) for r in conn.execute(
            select(AuditLog).where(AuditLog.table_name == table).order_by(AuditLog.id))]


def test_every_form_writes_the_audit_log_with_who_and_what(engine):
    member = _insert(engine, _member(initiation_date="2020-01-01")).inserted[0]
    payment = record_dues_payment(engine, CLERK, member_id=member, period=date.today().replace(day=1), amount="40",
                                  method=PaymentMethod.CASH, paid_on=date.today())
    (action, user, _, after), = _audit(engine, "dues_payments")
    assert (action, user, after["member_id"], after["amount"]) == ("CREATE", CLERK.email, member, "40.00") and payment
    with engine.begin() as conn:
        grievance, session = make_parent(conn, "grievances"), make_parent(conn, "class_sessions")
        cohort = conn.execute(select(ClassSession.cohort_id)).scalar_one()
        student = make_parent(conn, "students")
        conn.execute(Student.__table__.update().values(cohort_id=cohort))
    advance_grievance(engine, STAFF, grievance, closed_on=date.today())
    advance_grievance(engine, STAFF, grievance, closed_on=date.today(), notes="no answer")
    steps = _audit(engine, "grievance_steps")
    assert [a for a, *_ in steps] == ["CREATE", "UPDATE", "CREATE"] and {u for _, u, *_ in steps} == {STAFF.email}
    assert steps[1][3]["outcome"] == "ESCALATED"  # the closed step, with its outcome after
    save_attendance(engine, STAFF, session, session_roster(engine, STAFF, session), {student: "LATE"})
    save_attendance(engine, STAFF, session, session_roster(engine, STAFF, session), {student: "PRESENT"})
    marks = _audit(engine, "attendances")
    assert [(a, (b or {}).get("status"), c["status"]) for a, _, b, c in marks] == [
        ("CREATE", None, "LATE"), ("UPDATE", "LATE", "PRESENT")]
