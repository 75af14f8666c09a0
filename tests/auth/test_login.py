"""Login checks against the real users tables: lockout, deactivation, the attempt log in the audit table."""

from datetime import timedelta

from sqlalchemy import select, update

from lib.auth.login import (
    LOCKOUT_MINUTES, MAX_FAILED_LOGINS, WRONG_CREDENTIALS, as_utc, attempt_login, load_identity, now_utc,
)
from lib.models import AuditLog, User
from lib.models.enums import RoleName as R
from tests.authutil import PASSWORD, add_user

EMAIL = "clerk@local46.example"


def audit_rows(engine):
    with engine.connect() as conn:
        return conn.execute(select(AuditLog.action, AuditLog.user_email, AuditLog.user_id, AuditLog.detail)
                            .order_by(AuditLog.id)).all()


def user_row(engine, email=EMAIL):
    with engine.connect() as conn:
        return conn.execute(select(User.last_login_at, User.locked_until, User.failed_login_count)
                            .where(User.email == email)).one()


def test_success_returns_the_identity_with_its_roles_and_stamps_the_login(engine):
    add_user(engine, EMAIL, R.DUES_CLERK, R.GRANT_MANAGER)
    result = attempt_login(engine, " CLERK@local46.example", PASSWORD, ip="10.0.0.7")
    assert result.ok and result.identity.roles == {R.DUES_CLERK, R.GRANT_MANAGER}
    assert user_row(engine).last_login_at is not None
    [row] = audit_rows(engine)
    assert (row.action.value, row.user_email, row.detail) == ("LOGIN", EMAIL, "from 10.0.0.7")


def test_unknown_email_and_wrong_password_get_the_same_message_and_are_both_logged(engine):
    add_user(engine, EMAIL, R.STAFF)
    assert attempt_login(engine, "nobody@local46.example", PASSWORD).message == WRONG_CREDENTIALS
    assert attempt_login(engine, EMAIL, "wrong-password").message == WRONG_CREDENTIALS
    rows = audit_rows(engine)
    assert [(r.action.value, r.user_email, r.user_id is None) for r in rows] == [
        ("LOGIN_FAILED", "nobody@local46.example", True), ("LOGIN_FAILED", EMAIL, False)]
    assert rows[0].detail.startswith("unknown email") and rows[1].detail.startswith("wrong password (1 in a row)")


def test_five_failures_lock_the_account_for_15_minutes_even_for_the_right_password(engine):
    add_user(engine, EMAIL, R.STAFF)
    messages = [attempt_login(engine, EMAIL, f"wrong-{n}-password").message for n in range(MAX_FAILED_LOGINS)]
    assert messages[:4] == [WRONG_CREDENTIALS] * 4
    assert messages[4].startswith("This account is locked for 15 more minutes after 5 failed logins")
    locked_until = as_utc(user_row(engine).locked_until)
    assert timedelta(minutes=LOCKOUT_MINUTES - 1) < locked_until - now_utc() <= timedelta(minutes=LOCKOUT_MINUTES)
    right = attempt_login(engine, EMAIL, PASSWORD)
    assert not right.ok and "locked" in right.message
    actions = [r.action.value for r in audit_rows(engine)]
    assert actions == ["LOGIN_FAILED"] * 5 + ["LOCKOUT", "LOGIN_FAILED"]


def test_the_lock_ends_after_its_time_and_a_success_resets_the_count(engine):
    add_user(engine, EMAIL, R.STAFF)
    for _ in range(MAX_FAILED_LOGINS):
        attempt_login(engine, EMAIL, "wrong-password")
    with engine.begin() as conn:
        conn.execute(update(User).values(locked_until=now_utc() - timedelta(seconds=1)))
    assert attempt_login(engine, EMAIL, PASSWORD).ok
    attempt_login(engine, EMAIL, "wrong-password")
    assert user_row(engine).failed_login_count == 1 and user_row(engine).locked_until is None


def test_failures_in_a_row_only_count_until_a_success(engine):
    add_user(engine, EMAIL, R.STAFF)
    for _ in range(MAX_FAILED_LOGINS - 1):
        attempt_login(engine, EMAIL, "wrong-password")
    assert attempt_login(engine, EMAIL, PASSWORD).ok
    for _ in range(MAX_FAILED_LOGINS - 1):
        assert attempt_login(engine, EMAIL, "wrong-password").message == WRONG_CREDENTIALS


def test_deactivated_or_roleless_users_cannot_log_in(engine):
    add_user(engine, EMAIL, R.STAFF, active=False)
    add_user(engine, "new@local46.example")
    assert "deactivated" in attempt_login(engine, EMAIL, PASSWORD).message
    assert "no role" in attempt_login(engine, "new@local46.example", PASSWORD).message
    assert [r.action.value for r in audit_rows(engine)] == ["LOGIN_FAILED", "LOGIN_FAILED"]


def test_an_over_long_password_gets_a_clear_message_not_an_error(engine):
    add_user(engine, EMAIL, R.STAFF)
    result = attempt_login(engine, EMAIL, "é" * 40)
    assert not result.ok and result.message == "Passwords are at most 72 bytes; this one is longer."


def test_load_identity_follows_the_database(engine):
    who = add_user(engine, EMAIL, R.STAFF)
    with engine.begin() as conn:
        assert load_identity(conn, who.id) == who
        conn.execute(update(User).values(is_active=False))
        assert load_identity(conn, who.id) is None
        assert load_identity(conn, 999_999) is None
