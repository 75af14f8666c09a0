"""The Demo data page as admins use it (AppTest on a real database of each engine)."""

import pytest
import streamlit as st
from sqlalchemy import select, text

from lib.auth.identity import Identity
from lib.db import make_engine
from lib.migrate import upgrade_to_head
from lib.models import AuditLog, Location, SeedRun
from lib.models.enums import AuditAction, LocationKind, RoleName, SeedOutcome
from seed import lock
from tests.ui.apptest import run_page, use_database

ADMIN = Identity(id=None, email="ops@local46.example", full_name="Ops Admin", roles=frozenset({RoleName.ADMIN}))
STAFF = Identity(id=None, email="clerk@local46.example", roles=frozenset({RoleName.STAFF}))
PAGE = "admin_demo_data.py"


@pytest.fixture
def db(engine, monkeypatch):
    monkeypatch.setenv("APP_ENV", "dev")
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    st.cache_data.clear()
    return engine


def _count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def _texts(at) -> str:
    parts = [e.value for kind in ("info", "warning", "error", "success", "caption", "markdown") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def test_staff_cannot_open_the_page(db):
    at = run_page(PAGE, STAFF)
    assert "does not allow you to seed and reset demo data" in at.error[0].value
    assert not at.button


def test_admin_seeds_sees_the_summary_then_resets_with_confirmation(db):
    at = run_page(PAGE, ADMIN)
    assert not at.exception
    assert "No demo data" in _texts(at)
    at.button(key="demo_seed").click().run()
    assert not at.exception and not at.error
    assert _count(db, "members") == 1000
    assert at.success[0].value.startswith("Seeded ") and "rows at scale 1" in at.success[0].value
    steps = at.dataframe[0].value
    assert list(steps["Step"]) == list(range(1, 19))
    assert at.button(key="demo_seed").disabled  # demo data present: reset first
    with db.connect() as conn:
        audit = conn.execute(select(AuditLog.action, AuditLog.user_email)).all()
    assert audit == [(AuditAction.SEED, ADMIN.email)]

    at.button(key="demo_reset").click().run()
    assert "This removes" in at.warning[0].value
    backup = [b for b in at.get("download_button") if b.key == "demo_reset_backup"]
    assert backup and backup[0].label == "Download backup"  # offered before the confirmation
    assert _count(db, "members") == 1000  # nothing happens before the confirmation
    at.button(key="demo_reset_yes").click().run()
    assert not at.exception
    assert _count(db, "members") == 0
    assert "real rows were not touched" in at.success[0].value
    assert "No demo data" in _texts(at)


def test_a_second_admin_sees_who_is_seeding_and_which_step(db):
    run_id = lock.acquire(db, batch="seed-x", action="seed", scale=10, started_by="ana@local46.example")
    lock.heartbeat(db, run_id, "7/18 Member employments")
    at = run_page(PAGE, ADMIN)
    banner = at.warning[0].value
    assert "ana@local46.example" in banner and "7/18 Member employments" in banner and "scale 10" in banner
    assert at.button(key="demo_seed").disabled and at.button(key="demo_reset").disabled


def test_truncate_needs_the_environment_name(db):
    with db.begin() as conn:
        conn.execute(Location.__table__.insert().values(name="Hall", kind=LocationKind.UNION_HALL))
    at = run_page(PAGE, ADMIN)
    assert "demo_truncate_backup" in [b.key for b in at.get("download_button")]
    at.text_input(key="demo_truncate_name").set_value("prod").run()
    assert at.button(key="demo_truncate").disabled
    assert "That is not 'dev'" in _texts(at)
    at.text_input(key="demo_truncate_name").set_value("dev").run()
    at.button(key="demo_truncate").click().run()
    assert not at.exception
    assert _count(db, "locations") == 0
    assert "Every table was emptied" in at.success[0].value


def test_truncate_is_not_offered_in_prod(db, monkeypatch):
    monkeypatch.setenv("APP_ENV", "prod")
    monkeypatch.setenv("AUTH_COOKIE_KEY", "q3VhR8m1xZ0pL7tY2wK9bN4cF6gH5jS8dA1eT0uI3oP7")
    use_database(monkeypatch, db.url.render_as_string(hide_password=False))
    at = run_page(PAGE, ADMIN)
    assert "not available in production" in _texts(at)
    assert not [b for b in at.button if b.key == "demo_truncate"]


def test_a_failing_step_is_shown_and_the_lock_released(empty_db_url, monkeypatch):
    upgrade_to_head(empty_db_url)
    engine = make_engine(empty_db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE organization_contacts"))  # fails early: step 5
    monkeypatch.setenv("APP_ENV", "dev")
    use_database(monkeypatch, empty_db_url)
    st.cache_data.clear()
    at = run_page(PAGE, ADMIN)
    at.button(key="demo_seed").click().run()
    assert not at.exception
    assert "Step 5 (Organization contacts)" in at.error[0].value and "organization_contacts" in at.error[0].value
    assert "as it was before this step" in at.error[0].value
    assert _count(engine, "organizations") == 100 and _count(engine, "members") == 0
    with engine.connect() as conn:
        assert conn.execute(select(SeedRun.outcome)).scalars().all() == [SeedOutcome.FAILED]
    engine.dispose()
