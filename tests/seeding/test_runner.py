"""Seed runs, failures, the database lock, refusal, permissions and truncate, on both engines."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text, update

from lib.auth.identity import SYSTEM, Identity
from lib.auth.permissions import PermissionDenied
from lib.config import Settings
from lib.db import make_engine
from lib.migrate import upgrade_to_head
from lib.models import AuditLog, Location, Member, SeedRun, User
from lib.models.enums import AuditAction, LocationKind, MemberClassification, MemberStatus, RoleName, SeedOutcome
from seed import lock
from seed.context import SeedContext
from seed.runner import (
    SeedAlreadyRunning, SeedStepFailed, TruncateRefused, reset_demo, run_seed, seed_status, truncate_all,
)
from seed.steps import STEPS
from tests.dbutil import engine_kinds
from tests.seedutil import SEED_AS_OF, seed_settings

ADMIN = Identity(id=None, email="ops@local46.example", full_name="Ops Admin", roles=frozenset({RoleName.ADMIN}))
STAFF = Identity(id=None, email="clerk@local46.example", roles=frozenset({RoleName.STAFF}))
PROD = Settings(_env_file=None, app_env="prod", auth_cookie_key="q3VhR8m1xZ0pL7tY2wK9bN4cF6gH5jS8dA1eT0uI3oP7",
                default_admin_password="prod-admin-pass-46")


def _count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_only_admins_may_seed_reset_or_truncate(engine):
    for call in (lambda: run_seed(engine, who=STAFF), lambda: reset_demo(engine, who=STAFF),
                 lambda: truncate_all(engine, who=STAFF)):
        with pytest.raises(PermissionDenied):
            call()
    assert _count(engine, "seed_runs") == 0


def test_second_admin_on_another_replica_sees_who_seeds_and_which_step(engine):
    run_id = lock.acquire(engine, batch="seed-x", action="seed", scale=5, started_by="ana@local46.example")
    lock.heartbeat(engine, run_id, "7/18 Member employments")
    other_replica = make_engine(_url(engine))
    try:
        with pytest.raises(SeedAlreadyRunning) as info:
            run_seed(other_replica, who=ADMIN, settings=seed_settings())
        running = seed_status(other_replica).running
    finally:
        other_replica.dispose()
    assert "ana@local46.example" in str(info.value) and "7/18 Member employments" in str(info.value)
    assert (running.started_by, running.current_step, running.scale) == ("ana@local46.example", "7/18 Member employments", 5)
    assert _count(engine, "members") == 0


def test_a_lock_left_by_a_dead_process_expires(engine):
    run_id = lock.acquire(engine, batch="seed-x", action="seed", scale=1, started_by="gone@local46.example")
    with engine.begin() as conn:
        conn.execute(update(SeedRun).values(updated_at=datetime.now(UTC) - timedelta(minutes=11)))
    lock.acquire(engine, batch="seed-y", action="seed", scale=1, started_by="ops@local46.example")
    with engine.connect() as conn:
        dead = conn.execute(select(SeedRun).where(SeedRun.id == run_id)).one()
    assert dead.outcome is SeedOutcome.FAILED and "Interrupted" in dead.error


def test_only_one_of_several_simultaneous_starts_gets_the_lock(engine):
    engines = [make_engine(_url(engine)) for _ in range(4)]
    barrier, outcomes = threading.Barrier(4), []

    def start(eng, n):
        barrier.wait()
        try:
            lock.acquire(eng, batch=f"b{n}", action="seed", scale=1, started_by=f"replica{n}")
            outcomes.append("got it")
        except SeedAlreadyRunning:
            outcomes.append("refused")

    threads = [threading.Thread(target=start, args=(e, n)) for n, e in enumerate(engines)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for e in engines:
        e.dispose()
    assert sorted(outcomes) == ["got it", "refused", "refused", "refused"]


def test_a_failing_step_is_named_and_earlier_steps_stay(empty_db_url):
    upgrade_to_head(empty_db_url)
    engine = make_engine(empty_db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE grades"))
    with pytest.raises(SeedStepFailed) as info:
        run_seed(engine, who=ADMIN, as_of=SEED_AS_OF, settings=seed_settings())
    assert info.value.step_no == 16 and "grades" in info.value.reason
    assert _count(engine, "instructor_hours") == 1500  # step 15 committed
    assert [_count(engine, t) for t in ("courses", "class_sessions", "enrollments", "attendances")] == [0, 0, 0, 0]
    status = seed_status(engine)
    assert status.running is None
    assert status.runs[0].outcome is SeedOutcome.FAILED and "Step 16 (Training" in status.runs[0].error
    with engine.connect() as conn:
        audit = conn.execute(select(AuditLog.action, AuditLog.user_email, AuditLog.detail)).one()
    assert audit.action is AuditAction.SEED and audit.user_email == ADMIN.email and "Step 16" in audit.detail
    engine.dispose()


def test_truncate_all_skips_a_missing_table_and_empties_the_others(empty_db_url):
    upgrade_to_head(empty_db_url)
    engine = make_engine(empty_db_url)
    with engine.begin() as conn:
        conn.execute(Location.__table__.insert().values(name="Hall", kind=LocationKind.UNION_HALL))
        conn.execute(Member.__table__.insert().values(
            card_number="R-1", first_name="Real", last_name="Person", status=MemberStatus.ACTIVE,
            classification=MemberClassification.JOURNEYMAN_WIREMAN, initiation_date=SEED_AS_OF))
        conn.execute(text("DROP TABLE grades"))
    result = truncate_all(engine, who=ADMIN, settings=seed_settings())
    assert result.missing_tables == ["grades"]
    assert (_count(engine, "members"), _count(engine, "locations")) == (0, 0)
    with engine.connect() as conn:  # someone can still log in
        assert conn.execute(select(User.email)).scalars().all() == ["admin@local46.example"]
        assert conn.execute(select(AuditLog.action)).scalars().all() == [AuditAction.TRUNCATE]
    engine.dispose()


def test_truncate_is_refused_in_prod(engine):
    with engine.begin() as conn:
        conn.execute(Location.__table__.insert().values(name="Hall", kind=LocationKind.UNION_HALL))
    with pytest.raises(TruncateRefused, match="APP_ENV=prod"):
        truncate_all(engine, who=ADMIN, settings=PROD)
    assert _count(engine, "locations") == 1


def test_prod_seed_creates_no_demo_users(engine):
    ctx = SeedContext(batch="seed-p", scale=1, as_of=SEED_AS_OF, seed=46, settings=PROD)
    with engine.begin() as conn:
        ctx.conn, ctx.step_no = conn, 1
        STEPS[0].run(ctx)
    with engine.connect() as conn:
        assert conn.execute(select(User.email)).scalars().all() == ["admin@local46.example"]
        assert conn.execute(select(func.count()).select_from(text("roles"))).scalar_one() == 6


def test_start_up_seed_runs_once_across_two_simultaneous_starts(engine, monkeypatch):
    """RUN_PRODUCTION_SEED as lib.start wires it: two replicas start at once, one seeds. (On
    PostgreSQL when it is available: that is where replicas run; it saves a full seed per suite.)"""
    from lib import start

    if engine.dialect.name == "sqlite" and "postgresql" in engine_kinds():
        pytest.skip("runs on PostgreSQL, where replicas share the database")
    from lib.config import get_settings

    monkeypatch.setenv("APP_ENV", "dev")
    get_settings.cache_clear()
    replicas = [make_engine(_url(engine)) for _ in range(2)]
    barrier, threads = threading.Barrier(2), []

    def boot(replica):
        barrier.wait()
        thread = start.start_production_seed(replica)
        if thread is not None:
            thread.join()

    workers = [threading.Thread(target=boot, args=(r,)) for r in replicas]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    for r in replicas:
        r.dispose()
    get_settings.cache_clear()
    with engine.connect() as conn:
        runs = conn.execute(select(SeedRun.action, SeedRun.outcome)).all()
    assert runs == [("seed", SeedOutcome.SUCCEEDED)]
    assert _count(engine, "members") == 1000
    assert start.start_production_seed(engine) is None  # one-time: a later start does not seed again
