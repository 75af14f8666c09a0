"""The audit log: filters, and reverting a change through the normal save (itself audited)."""

import pytest
from sqlalchemy import select

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.editing.audit_log import AuditFilter, RevertRefused, audit_entries, revert_change
from lib.editing.changes import ChangeSet, RowChange
from lib.editing.save import save_changes
from lib.models import AuditLog, Member
from lib.models.enums import AuditAction, RoleName as R
from lib.registry import entity_for
from tests.editing.test_save import STAFF, _insert, _member

ADMIN = Identity(id=None, email="admin@local46.example", roles=frozenset({R.ADMIN}))
MEMBERS = entity_for("members")


def _edit(engine, row_id, version, **values):
    result = save_changes(engine, STAFF, MEMBERS, ChangeSet(updates=[RowChange("Row 1", values, row_id, version)]))
    assert result.ok, result.problems


def _entry(engine, action, row_id):
    entries, _ = audit_entries(engine, ADMIN, AuditFilter(row_id=row_id))
    return next(e for e in entries if e["action"] == action)


def test_filters_and_revert_of_an_update(engine):
    row_id = _insert(engine, _member(phone="111")).inserted[0]
    _insert(engine, _member(card_number="OTHER"), who=ADMIN)
    _edit(engine, row_id, 1, phone="222")
    entries, total = audit_entries(engine, ADMIN, AuditFilter(user_email="staff@local46.example", table="members"))
    assert total == 2 and [e["action"] for e in entries] == [AuditAction.UPDATE, AuditAction.CREATE]
    update = _entry(engine, AuditAction.UPDATE, row_id)
    result = revert_change(engine, ADMIN, update["id"])
    assert result.ok and result.updated == 1
    with engine.connect() as conn:
        assert conn.execute(select(Member.phone).where(Member.id == row_id)).scalar_one() == "111"
    revert = _entry(engine, AuditAction.REVERT, row_id)
    assert (revert["before"], revert["after"], revert["user_email"]) == (
        {"phone": "222"}, {"phone": "111"}, "admin@local46.example")
    assert revert["detail"] == f"revert of audit entry #{update['id']}"


def test_a_revert_over_a_later_change_is_refused(engine):
    row_id = _insert(engine, _member(phone="111")).inserted[0]
    _edit(engine, row_id, 1, phone="222")
    first = _entry(engine, AuditAction.UPDATE, row_id)
    _edit(engine, row_id, 2, phone="333")
    with pytest.raises(RevertRefused, match="was changed again since \\(Phone\\)"):
        revert_change(engine, ADMIN, first["id"])


def test_revert_of_a_create_deletes_and_of_a_delete_restores(engine):
    row_id = _insert(engine, _member(phone="111")).inserted[0]
    assert revert_change(engine, ADMIN, _entry(engine, AuditAction.CREATE, row_id)["id"]).deleted == 1
    restored = revert_change(engine, ADMIN, _entry(engine, AuditAction.REVERT, row_id)["id"])
    assert len(restored.inserted) == 1
    with engine.connect() as conn:
        member = conn.execute(select(Member).where(Member.id == restored.inserted[0])).one()
    assert (member.card_number, member.phone) == ("A100", "111")


def test_only_admins_read_or_revert_the_log(engine):
    with pytest.raises(PermissionDenied):
        audit_entries(engine, STAFF, AuditFilter())
    with pytest.raises(PermissionDenied):
        revert_change(engine, STAFF, 1)
