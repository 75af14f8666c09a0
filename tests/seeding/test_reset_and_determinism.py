"""Reset removes exactly the demo rows; the same seed gives the same rows on every engine."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text

from lib.db import make_engine
from lib.migrate import upgrade_to_head
from lib.models import AuditLog, DuesPayment, DuesPeriod, Member, User, metadata, seeded_tables
from lib.models.enums import AuditAction, MemberClassification, MemberStatus, PaymentMethod
from seed.reset import KEPT_BATCH
from seed.runner import SeedDataPresent, reset_demo, run_seed
from seed.runner import SYSTEM  # noqa: F401  (re-exported identity used by the CLI)
from tests.dbutil import create_empty_database, drop_database
from tests.seedutil import SEED_AS_OF, seed_settings

IGNORED = {"created_at", "updated_at", "seed_batch"}


def _demo_rows(conn) -> dict[str, int]:
    return {t.name: conn.execute(text(f"SELECT count(*) FROM {t.name} WHERE seed_batch IS NOT NULL "
                                      f"AND seed_batch <> '{KEPT_BATCH}'")).scalar_one() for t in seeded_tables()}


def _add_real_rows(engine) -> dict[str, int]:
    """A staff member's real work during the demo: a new member with a payment, and a payment
    (plus an audit entry by the demo clerk) on a seeded member."""
    with engine.begin() as conn:
        seeded_member = conn.execute(select(Member.id).where(Member.seed_batch.is_not(None)).order_by(Member.id)).scalars().first()
        period = conn.execute(select(DuesPeriod.id).order_by(DuesPeriod.period_month.desc())).scalars().first()
        clerk = conn.execute(select(User.id).where(User.email == "dues@demo.local46.example")).scalar_one()
        real_member = conn.execute(insert(Member).values(
            card_number="R-0001", first_name="Rosa", last_name="Real", classification=MemberClassification.APPRENTICE_1,
            status=MemberStatus.ACTIVE, initiation_date=date(2025, 1, 6)).returning(Member.id)).scalar_one()
        ids = {}
        for key, member_id in (("real_on_real", real_member), ("real_on_seeded", seeded_member)):
            ids[key] = conn.execute(insert(DuesPayment).values(
                member_id=member_id, period_id=period, amount=Decimal("64.50"), method=PaymentMethod.CHECK,
                paid_on=SEED_AS_OF, reference="CHK 4601").returning(DuesPayment.id)).scalar_one()
        conn.execute(insert(AuditLog).values(user_id=clerk, user_email="dues@demo.local46.example",
                                             action=AuditAction.CREATE, table_name="dues_payments", row_id=ids["real_on_seeded"]))
    return {"seeded_member": seeded_member, "real_member": real_member, "period": period, **ids}


def test_reset_removes_demo_rows_keeps_real_ones_and_a_reseed_works(engine):
    settings = seed_settings()
    run_seed(engine, as_of=SEED_AS_OF, settings=settings)
    with pytest.raises(SeedDataPresent):
        run_seed(engine, as_of=SEED_AS_OF, settings=settings)
    real = _add_real_rows(engine)

    result = reset_demo(engine, who=SYSTEM)

    with engine.connect() as conn:
        assert set(_demo_rows(conn).values()) == {0}
        payments = conn.execute(select(DuesPayment.id, DuesPayment.member_id)).all()
        kept_member = conn.execute(select(Member.card_number, Member.seed_batch).where(Member.id == real["seeded_member"])).one()
        audit = conn.execute(select(AuditLog.user_id, AuditLog.user_email).where(AuditLog.table_name == "dues_payments")).one()
        real_member = conn.execute(select(Member.seed_batch).where(Member.id == real["real_member"])).scalar_one()
    # Both real payments survive; the seeded member's own demo payments are gone.
    assert sorted(payments) == sorted([(real["real_on_real"], real["real_member"]),
                                       (real["real_on_seeded"], real["seeded_member"])])
    assert real_member is None
    # The seeded member the real payment points at is kept (with its demo home location and the open
    # period), marked and reported; the deleted demo clerk's audit entry keeps the email.
    assert kept_member.seed_batch == KEPT_BATCH
    assert {k.table: k.count for k in result.kept} == {"members": 1, "dues_periods": 1, "locations": 1}
    assert next(k for k in result.kept if k.table == "members").because_of == ["dues_payments"]
    assert audit == (None, "dues@demo.local46.example")
    assert result.counts["members"] == 999 and result.counts["dues_payments"] > 9_000

    again = run_seed(engine, as_of=SEED_AS_OF, settings=settings)
    assert again.counts["members"] == 1000 and again.counts["dues_periods"] == 12
    with engine.connect() as conn:
        assert conn.execute(select(Member.seed_batch).where(Member.id == real["seeded_member"])).scalar_one() == again.batch


def _snapshot(engine) -> dict[str, list[tuple]]:
    """Every seeded row, without timestamps and batch, in a form that compares across engines."""
    def plain(value):
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        if hasattr(value, "tzinfo") and hasattr(value, "hour"):
            return value.replace(tzinfo=None).isoformat()
        return value.value if hasattr(value, "value") else value

    snapshot = {}
    with engine.connect() as conn:
        for table in [*seeded_tables(), metadata.tables["roles"]]:
            columns = [c for c in table.columns if c.name not in IGNORED]
            filter_ = table.c.seed_batch.is_not(None) if "seed_batch" in table.c else True
            rows = conn.execute(select(*columns).where(filter_).order_by(table.c.id)).all()
            snapshot[table.name] = [tuple(plain(v) for v in row) for row in rows]
    return snapshot


@pytest.fixture(scope="module")
def fresh_sqlite_seed(tmp_path_factory):
    url = create_empty_database("sqlite", Path(tmp_path_factory.mktemp("again")))
    upgrade_to_head(url)
    engine = make_engine(url)
    run_seed(engine, as_of=SEED_AS_OF, settings=seed_settings())
    yield _snapshot(engine)
    engine.dispose()
    drop_database(url)


def test_same_seed_gives_identical_rows_on_every_engine(seeded, fresh_sqlite_seed):
    other = _snapshot(seeded)
    assert other.keys() == fresh_sqlite_seed.keys()
    for table, rows in fresh_sqlite_seed.items():
        assert other[table] == rows, table
    assert len(fresh_sqlite_seed["members"]) == 1000
