"""Home.py under AppTest: nothing but the login before it, the home page after it, and the audit trail."""

from sqlalchemy import select, update
from streamlit.testing.v1 import AppTest

from lib.auth.bootstrap import DEV_ADMIN_PASSWORD, ensure_first_admin
from lib.auth.login import now_utc
from lib.config import Settings
from lib.models import AuditLog, User
from lib.models.enums import AuditAction
from lib.models.enums import RoleName as R
from tests.apputil import TEST_COOKIE_KEY
from tests.authutil import PASSWORD, add_user
from tests.ui.apptest import ROOT, run_page, use_database


def open_home(engine, monkeypatch) -> AppTest:
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    return AppTest.from_file(str(ROOT / "Home.py"), default_timeout=60).run()


def log_in(at: AppTest, email: str, password: str) -> AppTest:
    at.text_input(key="login_email").input(email)
    at.text_input(key="login_password").input(password)
    return next(b for b in at.button if b.label == "Log in").click().run()


def audit_actions(engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(select(AuditLog.action, AuditLog.user_email).order_by(AuditLog.id)).all()
    return [(r.action.value, r.user_email) for r in rows]


def test_before_login_only_the_login_form_shows(engine, monkeypatch):
    at = open_home(engine, monkeypatch)
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Email", "Password"]
    assert [b.label for b in at.button] == ["Log in"]
    assert not at.metric and "identity" not in at.session_state


def test_login_shows_the_home_page_with_name_role_environment_and_version(engine, monkeypatch):
    add_user(engine, "clerk@local46.example", R.DUES_CLERK, full_name="Dana Clerk")
    at = log_in(open_home(engine, monkeypatch), "Clerk@Local46.example ", PASSWORD)
    assert not at.exception and not at.error
    assert "Welcome, **Dana Clerk**." in [m.value for m in at.markdown]
    assert [m.value for m in at.metric][:3] == ["dues clerk", "dev", "0.1.0"]
    assert "Leadership summary · last 12 months" in [h.value for h in at.subheader]
    assert "Log out" in [b.label for b in at.sidebar.button]
    assert audit_actions(engine) == [("LOGIN", "clerk@local46.example")]


def test_page_views_are_counted_for_metrics_once_logged_in(engine, monkeypatch):
    from prometheus_client import REGISTRY

    def views() -> float:
        return REGISTRY.get_sample_value("unionops_page_views_total", {"page": "home"}) or 0.0

    add_user(engine, "clerk@local46.example", R.DUES_CLERK)
    before = views()
    at = open_home(engine, monkeypatch)
    assert views() == before  # the login form is not a page view
    log_in(at, "clerk@local46.example", PASSWORD)
    assert views() >= before + 1


def test_wrong_password_is_refused_with_a_message_and_audited(engine, monkeypatch):
    add_user(engine, "clerk@local46.example", R.STAFF)
    at = log_in(open_home(engine, monkeypatch), "clerk@local46.example", "not-the-password")
    assert [e.value for e in at.error] == ["Email or password is incorrect."]
    assert "identity" not in at.session_state and not at.metric
    assert at.text_input(key="login_password").value == ""  # never kept in the session
    assert audit_actions(engine) == [("LOGIN_FAILED", "clerk@local46.example")]


def test_logout_returns_to_the_login_form_and_is_audited(engine, monkeypatch):
    add_user(engine, "staff@local46.example", R.STAFF)
    at = log_in(open_home(engine, monkeypatch), "staff@local46.example", PASSWORD)
    next(b for b in at.sidebar.button if b.label == "Log out").click().run()
    assert [t.label for t in at.text_input] == ["Email", "Password"] and not at.metric
    assert [a for a, _ in audit_actions(engine)] == ["LOGIN", "LOGOUT"]


def test_leadership_is_refused_the_records_page_it_has_no_menu_entry_for(engine, monkeypatch):
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    leader = add_user(engine, "chair@local46.example", R.LEADERSHIP)
    at = run_page("records.py", leader)
    assert [e.value for e in at.error] == [
        "Your role does not allow you to view records. Ask an admin if you need it."]
    assert not at.dataframe


def test_the_lockout_is_shown_with_its_duration(engine, monkeypatch):
    add_user(engine, "staff@local46.example", R.STAFF)
    at = open_home(engine, monkeypatch)
    for n in range(5):
        at = log_in(at, "staff@local46.example", f"wrong-password-{n}")
    assert at.error[0].value.startswith("This account is locked for 15 more minutes after 5 failed logins")
    at = log_in(at, "staff@local46.example", PASSWORD)
    assert "locked" in at.error[0].value and "identity" not in at.session_state
    assert [a for a, _ in audit_actions(engine)] == ["LOGIN_FAILED"] * 5 + ["LOCKOUT", "LOGIN_FAILED"]


def test_a_deactivated_user_is_stopped_at_the_next_action(engine, monkeypatch):
    who = add_user(engine, "staff@local46.example", R.STAFF)
    at = log_in(open_home(engine, monkeypatch), who.email, PASSWORD)
    assert at.metric
    with engine.begin() as conn:
        conn.execute(update(User).values(is_active=False))
    at.run()
    assert [t.label for t in at.text_input] == ["Email", "Password"] and not at.metric
    assert "Your account was deactivated" in at.warning[0].value
    page = run_page("records.py", who)  # a page on its own checks the database as well
    assert "Your account was deactivated" in page.warning[0].value and not page.dataframe


def test_dev_login_page_says_when_the_documented_admin_password_is_in_use(engine, monkeypatch):
    with engine.begin() as conn:
        ensure_first_admin(conn, Settings(_env_file=None, app_env="dev"))
    at = open_home(engine, monkeypatch)
    assert f"uses the documented default password `{DEV_ADMIN_PASSWORD}`" in at.warning[0].value
    with engine.begin() as conn:
        conn.execute(update(User).values(password_changed_at=now_utc()))
    assert not open_home(engine, monkeypatch).warning


def test_staging_has_its_banner_and_no_dev_password_notice(engine, monkeypatch):
    with engine.begin() as conn:
        ensure_first_admin(conn, Settings(_env_file=None, app_env="dev"))
    monkeypatch.setenv("APP_ENV", "staging")
    monkeypatch.setenv("AUTH_COOKIE_KEY", TEST_COOKIE_KEY)
    at = open_home(engine, monkeypatch)
    assert not at.warning and not at.exception
    assert "Staging environment" in str(at.get("html")[0].proto)


def test_instructors_home_has_no_leadership_summary(engine, monkeypatch):
    add_user(engine, "teacher@local46.example", R.INSTRUCTOR)
    at = log_in(open_home(engine, monkeypatch), "teacher@local46.example", PASSWORD)
    assert [m.value for m in at.metric] == ["instructor", "dev", "0.1.0"] and not at.subheader
