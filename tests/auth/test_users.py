"""User management rules against the real tables: checked, audited, and never leaving the local without an admin."""

import pytest
from sqlalchemy import select

from lib.auth.login import attempt_login
from lib.auth.passwords import verify_password
from lib.auth.permissions import PermissionDenied
from lib.auth.users import (
    UserAdminError, change_own_password, create_user, list_users, login_attempts, reset_password, roles_of,
    set_active, set_roles, unlock,
)
from lib.models import AuditLog, User
from lib.models.enums import RoleName as R
from tests.authutil import PASSWORD, add_user

NEW_PASSWORD = "Another-pass-99"


@pytest.fixture
def admin(engine):
    return add_user(engine, "boss@local46.example", R.ADMIN)


def change(engine, fn, *args):
    with engine.begin() as conn:
        return fn(conn, *args)


def audit(engine):
    with engine.connect() as conn:
        return conn.execute(select(AuditLog.action, AuditLog.row_id, AuditLog.before, AuditLog.after,
                                   AuditLog.detail).order_by(AuditLog.id)).all()


def test_create_user_with_roles_who_can_then_log_in(engine, admin):
    user_id = change(engine, create_user, admin, " Ana@Local46.example", "Ana Ruiz", NEW_PASSWORD,
                     {R.STAFF, R.DUES_CLERK})
    result = attempt_login(engine, "ana@local46.example", NEW_PASSWORD)
    assert result.ok and result.identity.roles == {R.STAFF, R.DUES_CLERK} and result.identity.id == user_id
    created = audit(engine)[0]
    assert created.action.value == "CREATE" and created.after == {
        "email": "ana@local46.example", "full_name": "Ana Ruiz", "roles": ["DUES_CLERK", "STAFF"]}
    assert "password" not in str(created.after)


@pytest.mark.parametrize(("email", "name", "password", "roles", "message"), [
    ("not-an-email", "Ana", NEW_PASSWORD, {R.STAFF}, "not an email address"),
    ("ana@local46.example", " ", NEW_PASSWORD, {R.STAFF}, "Enter the person's name"),
    ("ana@local46.example", "Ana", NEW_PASSWORD, set(), "at least one role"),
    ("ana@local46.example", "Ana", "short", {R.STAFF}, "at least 8 characters"),
    ("ana@local46.example", "Ana", "ü" * 40, {R.STAFF}, "80 bytes long; the limit is 72 bytes"),
    ("BOSS@local46.example", "Ana", NEW_PASSWORD, {R.STAFF}, "already exists"),
])
def test_create_user_refuses_bad_input_with_a_clear_message(engine, admin, email, name, password, roles, message):
    with pytest.raises(UserAdminError, match=message):
        change(engine, create_user, admin, email, name, password, roles)
    assert len(change(engine, list_users, admin)) == 1


def test_only_admins_manage_users(engine, admin):
    staff = add_user(engine, "staff@local46.example", R.STAFF)
    for fn, args in [(list_users, ()), (set_roles, (admin.id, {R.STAFF})), (reset_password, (admin.id, NEW_PASSWORD)),
                     (set_active, (admin.id, False)), (login_attempts, ())]:
        with pytest.raises(PermissionDenied):
            change(engine, fn, staff, *args)


def test_roles_change_is_audited_and_the_last_admin_is_kept(engine, admin):
    staff = add_user(engine, "staff@local46.example", R.STAFF)
    change(engine, set_roles, admin, staff.id, {R.LEADERSHIP, R.INSTRUCTOR})
    assert change(engine, roles_of, staff.id) == {R.LEADERSHIP, R.INSTRUCTOR}
    row = audit(engine)[-1]
    assert (row.before, row.after) == ({"roles": ["STAFF"]}, {"roles": ["INSTRUCTOR", "LEADERSHIP"]})
    with pytest.raises(UserAdminError, match="only active admin"):
        change(engine, set_roles, admin, admin.id, {R.STAFF})
    with pytest.raises(UserAdminError, match="at least one role"):
        change(engine, set_roles, admin, staff.id, set())
    change(engine, set_roles, admin, staff.id, {R.ADMIN})
    change(engine, set_roles, admin, admin.id, {R.STAFF})  # another admin exists now
    assert change(engine, roles_of, admin.id) == {R.STAFF}


def test_deactivate_and_reactivate(engine, admin):
    staff = add_user(engine, "staff@local46.example", R.STAFF)
    change(engine, set_active, admin, staff.id, False)
    assert "deactivated" in attempt_login(engine, staff.email, PASSWORD).message
    change(engine, set_active, admin, staff.id, True)
    assert attempt_login(engine, staff.email, PASSWORD).ok
    with pytest.raises(UserAdminError, match="cannot deactivate yourself"):
        change(engine, set_active, admin, admin.id, False)


def test_reset_password_lifts_a_lockout_and_is_audited_without_the_password(engine, admin):
    staff = add_user(engine, "staff@local46.example", R.STAFF)
    for _ in range(5):
        attempt_login(engine, staff.email, "wrong-password")
    assert [r["locked_until"] is not None for r in change(engine, list_users, admin)] == [False, True]
    change(engine, reset_password, admin, staff.id, NEW_PASSWORD)
    assert attempt_login(engine, staff.email, NEW_PASSWORD).ok
    assert not attempt_login(engine, staff.email, PASSWORD).ok
    assert any(r.detail == "password of staff@local46.example reset by an admin" for r in audit(engine))
    assert NEW_PASSWORD not in str(audit(engine))


def test_unlock(engine, admin):
    staff = add_user(engine, "staff@local46.example", R.STAFF)
    for _ in range(5):
        attempt_login(engine, staff.email, "wrong-password")
    change(engine, unlock, admin, staff.id)
    assert attempt_login(engine, staff.email, PASSWORD).ok


def test_change_own_password(engine):
    me = add_user(engine, "teacher@local46.example", R.INSTRUCTOR)
    with pytest.raises(UserAdminError, match="current password is not correct"):
        change(engine, change_own_password, me, "wrong-one", NEW_PASSWORD, NEW_PASSWORD)
    with pytest.raises(UserAdminError, match="differ"):
        change(engine, change_own_password, me, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x")
    with pytest.raises(UserAdminError, match="limit is 72 bytes"):
        change(engine, change_own_password, me, PASSWORD, "x" * 73, "x" * 73)
    with pytest.raises(UserAdminError, match="same as the current"):
        change(engine, change_own_password, me, PASSWORD, PASSWORD, PASSWORD)
    change(engine, change_own_password, me, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    with engine.connect() as conn:
        stored = conn.execute(select(User.password_hash, User.password_changed_at)).one()
    assert verify_password(NEW_PASSWORD, stored.password_hash) and stored.password_changed_at is not None


def test_login_attempt_log_lists_the_latest_first(engine, admin):
    attempt_login(engine, "nobody@local46.example", "whatever-1")
    attempt_login(engine, admin.email, PASSWORD)
    rows = change(engine, login_attempts, admin)
    assert [(r["action"].value, r["user_email"]) for r in rows] == [
        ("LOGIN", admin.email), ("LOGIN_FAILED", "nobody@local46.example")]
