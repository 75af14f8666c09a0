"""The System page as an admin reads it (AppTest on a real database of each engine)."""

import logging
from datetime import UTC, datetime

import pytest
import streamlit as st
from sqlalchemy import insert

from lib.auth.identity import Identity
from lib.logs import RECENT
from lib.models import AuditLog
from lib.models.enums import AuditAction, RoleName
from lib.ui.navigation import pages_for
from seed import lock
from tests.ui.apptest import run_page, use_database

ADMIN = Identity(id=None, email="ops@local46.example", full_name="Ops Admin", roles=frozenset({RoleName.ADMIN}))
LEADER = Identity(id=None, email="chair@local46.example", roles=frozenset({RoleName.LEADERSHIP}))
PAGE = "admin_system.py"
COOKIE_KEY = "Zq8vN3xL0pR7tY2wK9bM4cF6gH5jS8dA1eT0uI3oP7uQ"
ADMIN_PASSWORD = "Very-Secret-Admin-Pw-4471"


@pytest.fixture
def db(engine, monkeypatch):
    monkeypatch.setenv("APP_ENV", "staging")
    monkeypatch.setenv("AUTH_COOKIE_KEY", COOKIE_KEY)
    monkeypatch.setenv("DEFAULT_ADMIN_PASSWORD", ADMIN_PASSWORD)
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    st.cache_data.clear()
    RECENT.clear()
    return engine


def _everything(at) -> str:
    """All text a person could read on the page, tables included."""
    parts = [str(e.value) for kind in ("title", "subheader", "info", "warning", "error", "caption", "markdown")
             for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value} {m.help}" for m in at.metric]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(parts)


def _table(at, first_column: str):
    return next(f.value for f in at.dataframe if f.value.columns[0] == first_column)


def test_only_admins_see_and_open_it(db):
    assert "System" in [p.title for p in pages_for(ADMIN)["Admin"]]
    assert "Admin" not in pages_for(LEADER)
    at = run_page(PAGE, LEADER)
    assert "does not allow you to view system status" in at.error[0].value
    assert not at.dataframe


def test_health_version_and_settings_without_secrets(db):
    at = run_page(PAGE, ADMIN)
    assert not at.exception
    health = _table(at, "Check").set_index("Check")
    assert set(health.index) == {"database", "migrations", "storage", "seed"}
    assert (health["State"] == "OK").all()
    assert "engine: " + db.dialect.name in health.loc["database", "Facts"]
    settings = _table(at, "Setting").set_index("Setting")["Value"]
    assert settings["AUTH_COOKIE_KEY"] == "set" and settings["DEFAULT_ADMIN_PASSWORD"] == "set"
    assert settings["S3_SECRET_ACCESS_KEY"] == "not set" and settings["APP_ENV"] == "staging"
    text = _everything(at)
    assert COOKIE_KEY not in text and ADMIN_PASSWORD not in text
    assert "Environment staging" in text
    if db.url.password:
        assert db.url.password not in text and settings["DATABASE_URL password"] == "set"


def test_recent_warnings_and_errors_newest_first(db):
    logger = logging.getLogger("unionops.test_system")
    logger.addHandler(RECENT)
    try:
        logger.info("an info line is not kept")
        logger.warning("storage slow: 2.5 s for a 1 MB upload")
        logger.error("grant report failed for grant 7")
    finally:
        logger.removeHandler(RECENT)
    at = run_page(PAGE, ADMIN)
    problems = _table(at, "Time")
    assert list(problems["Message"][:2]) == ["grant report failed for grant 7", "storage slow: 2.5 s for a 1 MB upload"]
    assert list(problems["Level"][:2]) == ["ERROR", "WARNING"]
    assert "an info line is not kept" not in _everything(at)


def test_seed_runs_and_sign_ins(db):
    run_id = lock.acquire(db, batch="seed-x", action="seed", scale=5, started_by="ana@local46.example")
    lock.heartbeat(db, run_id, "7/18 Member employments")
    now = datetime.now(UTC)
    with db.begin() as conn:
        for email in ("ana@local46.example", "ana@local46.example", "ben@local46.example"):
            conn.execute(insert(AuditLog).values(occurred_at=now, user_email=email, action=AuditAction.LOGIN))
    at = run_page(PAGE, ADMIN)
    runs = _table(at, "Started")
    assert runs.iloc[0]["By"] == "ana@local46.example" and runs.iloc[0]["Outcome"] == "running"
    assert runs.iloc[0]["Step / error"] == "7/18 Member employments"
    sign_ins = next(m for m in at.metric if m.label.startswith("Signed in"))
    assert sign_ins.value == "2"
    sessions = next(m for m in at.metric if m.label.startswith("Open browser sessions"))
    assert sessions.value == "n/a"  # AppTest runs no Streamlit server; the browser suite sees real ones
