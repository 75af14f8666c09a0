"""Saving from the editors: all or nothing, validated on the server, audited, conflict-safe."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from lib.auth.identity import Identity
from lib.editing.changes import ChangeSet, RowChange
from lib.editing.save import save_changes
from lib.models import AuditLog, Member, metadata
from lib.models.enums import AuditAction, RoleName as R
from lib.registry import REGISTRY, EntityPermissionDenied, entity_for
from tests.editing.factory import make_parent, sample_row

STAFF = Identity(id=None, email="staff@local46.example", roles=frozenset({R.STAFF}))
ADMIN = Identity(id=None, email="admin@local46.example", roles=frozenset({R.ADMIN}))
MEMBERS = entity_for("members")


def _member(**over):
    row = {"card_number": "A100", "first_name": "Ana", "last_name": "Ruiz", "email": "ana@example.org",
           "classification": "JOURNEYMAN_WIREMAN", "status": "ACTIVE", "initiation_date": "2020-05-01"}
    return {**row, **over}


def _insert(engine, *rows, who=STAFF, entity=MEMBERS):
    return save_changes(engine, who, entity, ChangeSet(
        inserts=[RowChange(f"New row {i}", r) for i, r in enumerate(rows, 1)]))


def _count(engine, table="members"):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(metadata.tables[table])).scalar_one()


def _editable_plain_column(entity):
    for column in entity.editable_columns:
        info = entity.columns[column]
        keyed = any(column in key for key in entity.unique_keys())
        if info.kind in ("str", "int") and not info.fk_table and not keyed and "email" not in column:
            return column
    return None


def _round_trip(engine, entity):
    with engine.begin() as conn:
        values = sample_row(conn, entity)
    created = _insert(engine, values, who=ADMIN, entity=entity)
    assert created.ok, (entity.table_name, created.problems)
    row_id = created.inserted[0]
    column = _editable_plain_column(entity)
    if column and entity.can(ADMIN, "edit"):
        new = "Edited" if entity.columns[column].kind == "str" else 7
        edited = save_changes(engine, ADMIN, entity, ChangeSet(updates=[RowChange("Row 1", {column: new}, row_id, 1)]))
        assert edited.ok and edited.updated == 1, (entity.table_name, edited.problems)
    deleted = save_changes(engine, ADMIN, entity, ChangeSet(deletes=[RowChange("Row 1", {}, row_id, None)]))
    assert deleted.ok and deleted.deleted == 1, (entity.table_name, deleted.problems)
    with engine.connect() as conn:
        actions = conn.execute(select(AuditLog.action).where(AuditLog.table_name == entity.table_name,
                                                             AuditLog.row_id == row_id)).scalars().all()
    assert actions[0] == AuditAction.CREATE and actions[-1] == AuditAction.DELETE, entity.table_name


def test_every_registered_table_round_trips_insert_edit_delete(engine):
    creatable = [e for e in REGISTRY.values() if e.can(ADMIN, "create")]
    assert len(creatable) >= 33
    for entity in creatable:  # one database for all: a per-table fixture would truncate 33 times
        _round_trip(engine, entity)


def test_an_edit_is_audited_with_before_and_after_and_bumps_the_version(engine):
    row_id = _insert(engine, _member()).inserted[0]
    result = save_changes(engine, STAFF, MEMBERS, ChangeSet(updates=[
        RowChange("Row 1", {"phone": "206-555-0101", "first_name": "Ana"}, row_id, 1)]))
    assert result.ok and result.summary() == "Saved: 0 added, 1 changed, 0 deleted."
    with engine.connect() as conn:
        member = conn.execute(select(Member).where(Member.id == row_id)).one()
        audit = conn.execute(select(AuditLog).where(AuditLog.action == AuditAction.UPDATE)).one()
    assert (member.phone, member.row_version) == ("206-555-0101", 2)
    assert (audit.user_email, audit.table_name, audit.row_id) == ("staff@local46.example", "members", row_id)
    assert audit.before == {"phone": None} and audit.after == {"phone": "206-555-0101"}


BAD_MEMBERS = [
    ({"first_name": ""}, "first_name", "is required"),
    ({"initiation_date": "yesterday"}, "initiation_date", "is not a date"),
    ({"status": "GRADUATED"}, "status", "is not one of: Active, Inactive"),
    ({"email": "ana@@example"}, "email", "is not an email address"),
    ({"last_name": "x" * 10_000_000}, "last_name", "is 10,000,000 characters long; at most 80 fit"),
    ({"home_location_id": 999}, "home_location_id", "Home location #999 does not exist"),
    ({"home_location_id": "two"}, "home_location_id", "is not a whole number"),
    ({"status_effective_on": "2026-13-01"}, "status_effective_on", "is not a date"),
]


@pytest.mark.parametrize("override, column, reason", BAD_MEMBERS)
def test_a_bad_row_is_rejected_with_its_column_and_nothing_is_written(engine, override, column, reason):
    result = _insert(engine, _member(card_number="A1"), _member(card_number="A2", **override))
    assert not result.ok
    assert [(p.position, p.column) for p in result.problems] == [("New row 2", column)]
    assert reason in result.problems[0].reason
    assert _count(engine) == 0 and _count(engine, "audit_logs") == 0


def test_negative_amounts_wrong_types_and_dates_out_of_order(engine):
    with engine.begin() as conn:
        member, period = make_parent(conn, "members"), make_parent(conn, "dues_periods")
        grant_row = sample_row(conn, entity_for("grants"))
    payment = {"member_id": member, "period_id": period, "amount": "-5", "method": "CASH", "paid_on": "2026-03-03"}
    result = _insert(engine, payment, entity=entity_for("dues_payments"))
    assert [(p.column, p.reason) for p in result.problems] == [("amount", "'-5' must not be negative")]
    adjustment = {"member_id": member, "period_id": period, "amount": "-5", "reason": "late fee"}
    assert _insert(engine, adjustment, entity=entity_for("dues_adjustments")).ok  # a charge may be negative
    grant = {**grant_row, "start_date": date(2026, 6, 1), "end_date": date(2026, 1, 1), "award_amount": "12,5x"}
    result = _insert(engine, grant, entity=entity_for("grants"))
    reasons = {p.column: p.reason for p in result.problems}
    assert reasons["end_date"] == "End date (Jan 1, 2026) is before Start date (Jun 1, 2026)"
    assert reasons["award_amount"] == "'12,5x' is not a number"


def test_duplicate_card_numbers_in_the_save_and_in_the_database(engine):
    _insert(engine, _member(card_number="A100"))
    result = _insert(engine, _member(card_number="a100 "), _member(card_number="B7"), _member(card_number="B7"))
    reasons = sorted((p.position, p.reason) for p in result.problems)
    assert reasons[0][0] == "New row 1"
    assert reasons[0][1].startswith("Card # 'A100' is already used by #") and reasons[0][1].endswith(" Ruiz, Ana (A100)")
    assert [r for _, r in reasons[1:]] == ["Card # 'B7' appears more than once in this save"] * 2
    assert _count(engine) == 1


def test_a_delete_of_a_row_still_pointed_at_is_explained(engine):
    location = _insert(engine, {"name": "Hall", "kind": "UNION_HALL"}, entity=entity_for("locations")).inserted[0]
    _insert(engine, _member(home_location_id=location))
    result = save_changes(engine, STAFF, entity_for("locations"), ChangeSet(
        deletes=[RowChange("Row 1", {}, location, 1)]))
    assert result.problems[0].reason == ("cannot be deleted: 1 members still point at it; "
                                         "change or delete those first")
    assert _count(engine, "locations") == 1


def test_two_sessions_editing_the_same_row_see_a_conflict_not_an_overwrite(engine):
    row_id = _insert(engine, _member()).inserted[0]
    first = save_changes(engine, STAFF, MEMBERS, ChangeSet(updates=[RowChange("Row 1", {"phone": "111"}, row_id, 1)]))
    second = save_changes(engine, STAFF, MEMBERS, ChangeSet(updates=[
        RowChange("Row 1", {"phone": "222"}, row_id, 1)], inserts=[RowChange("New row 1", _member(card_number="Z9"))]))
    assert first.ok and not second.ok
    conflict = second.conflicts[0]
    assert (conflict.row_id, conflict.mine, conflict.theirs["phone"], conflict.theirs["row_version"]) == (
        row_id, {"phone": "222"}, "111", 2)
    assert _count(engine) == 1  # the insert of the same save was not written either


def test_a_row_deleted_by_someone_else_is_a_conflict(engine):
    row_id = _insert(engine, _member()).inserted[0]
    save_changes(engine, STAFF, MEMBERS, ChangeSet(deletes=[RowChange("Row 1", {}, row_id, 1)]))
    result = save_changes(engine, STAFF, MEMBERS, ChangeSet(updates=[RowChange("Row 1", {"phone": "1"}, row_id, 1)]))
    assert result.conflicts[0].theirs is None


def test_roles_are_enforced_in_the_save(engine):
    clerk = Identity(id=None, email="d@x.org", roles=frozenset({R.DUES_CLERK}))
    with pytest.raises(EntityPermissionDenied):
        _insert(engine, _member(), who=clerk)
    assert _count(engine) == 0


def test_an_instructor_records_attendance_only_for_their_own_cohorts(engine):
    from lib.models import Instructor, InstructorCohort, ClassSession, Student
    with engine.begin() as conn:
        mine, theirs = make_parent(conn, "class_sessions"), make_parent(conn, "class_sessions")
        sessions = {r.id: r.cohort_id for r in conn.execute(select(ClassSession.id, ClassSession.cohort_id))}
        user_id = make_parent(conn, "users")
        instructor = make_parent(conn, "instructors")
        conn.execute(Instructor.__table__.update().values(user_id=user_id))
        conn.execute(InstructorCohort.__table__.insert().values(instructor_id=instructor, cohort_id=sessions[mine]))
        student = make_parent(conn, "students")
    teacher = Identity(id=user_id, email="t@x.org", roles=frozenset({R.INSTRUCTOR}))
    attendance = entity_for("attendances")
    ok = _insert(engine, {"session_id": mine, "student_id": student, "status": "PRESENT"}, who=teacher, entity=attendance)
    assert ok.ok, ok.problems
    refused = _insert(engine, {"session_id": theirs, "student_id": student, "status": "LATE"}, who=teacher, entity=attendance)
    assert refused.problems[0].reason == "some rows are outside the cohorts you teach"
    assert _count(engine, "attendances") == 1
    with pytest.raises(EntityPermissionDenied):
        _insert(engine, _member(), who=teacher)


def test_a_payment_in_a_closed_period_is_refused_in_the_grid(engine):
    with engine.begin() as conn:
        member, period = make_parent(conn, "members"), make_parent(conn, "dues_periods")
        conn.execute(metadata.tables["dues_periods"].update().values(is_closed=True, period_month=date(2025, 3, 1)))
    payment = {"member_id": member, "period_id": period, "amount": "10", "method": "CASH", "paid_on": "2025-03-03"}
    result = _insert(engine, payment, entity=entity_for("dues_payments"))
    assert [(p.column, p.reason) for p in result.problems] == [
        ("period_id", "the March 2025 period is closed: record an adjustment with a reason instead")]
