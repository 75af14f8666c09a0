"""The seed lock lives in the database (seed_runs), so every app replica sees it.

A row with outcome RUNNING is the lock: it says who started what, and which step it is at. Taking
it is serialised by a transaction-level advisory lock on PostgreSQL and by SQLite's single writer
(the first statement is a write). A RUNNING row that has made no progress for STALE_AFTER belongs
to a process that died: it is marked FAILED so that the next run can start.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from lib.models import SeedRun
from lib.models.enums import SeedOutcome

LOCK_KEY = 46_000_003
STALE_AFTER = timedelta(minutes=10)


def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything here is UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


@dataclass(frozen=True)
class RunningSeed:
    run_id: int
    batch: str
    action: str
    scale: int
    started_by: str | None
    started_at: datetime | None
    current_step: str | None

    def describe(self) -> str:
        when = self.started_at.strftime("%b %-d, %Y %H:%M UTC") if self.started_at else "an unknown time"
        step = f", now at step {self.current_step}" if self.current_step else ""
        return f"A {self.action} (scale {self.scale}) is running: started by {self.started_by or 'someone'} at {when}{step}."


class SeedAlreadyRunning(RuntimeError):
    """Another seed, reset or truncate holds the lock (possibly on another replica)."""

    def __init__(self, running: RunningSeed):
        super().__init__(running.describe() + " Wait until it finishes.")
        self.running = running


def _running(row) -> RunningSeed:
    return RunningSeed(row.id, row.batch, row.action, row.scale, row.started_by, utc(row.started_at),
                       row.current_step)


def _expire_stale(conn: Connection, now: datetime) -> None:
    conn.execute(update(SeedRun).where(SeedRun.outcome == SeedOutcome.RUNNING, SeedRun.updated_at < now - STALE_AFTER)
                 .values(outcome=SeedOutcome.FAILED, finished_at=now, updated_at=now,
                         error="Interrupted: no progress for 10 minutes (the process running it stopped)."))


def running_seed(conn: Connection) -> RunningSeed | None:
    cutoff = datetime.now(UTC) - STALE_AFTER
    row = conn.execute(select(SeedRun).where(SeedRun.outcome == SeedOutcome.RUNNING, SeedRun.updated_at >= cutoff)
                       .order_by(SeedRun.id.desc()).limit(1)).first()
    return _running(row) if row else None


def acquire(engine: Engine, *, batch: str, action: str, scale: int, started_by: str) -> int:
    """Take the lock by inserting a RUNNING row; raise SeedAlreadyRunning if someone holds it."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        _expire_stale(conn, now)  # on SQLite this first write also takes the write lock
        holder = running_seed(conn)
        if holder is not None:
            raise SeedAlreadyRunning(holder)
        return conn.execute(insert(SeedRun).values(
            batch=batch, action=action, scale=scale, started_by=started_by, started_at=now, updated_at=now,
            outcome=SeedOutcome.RUNNING, current_step="starting").returning(SeedRun.id)).scalar_one()


def heartbeat(engine: Engine, run_id: int, step: str) -> None:
    """Committed on its own, so that other admins (and replicas) see the step right away."""
    with engine.begin() as conn:
        conn.execute(update(SeedRun).where(SeedRun.id == run_id)
                     .values(current_step=step[:80], updated_at=datetime.now(UTC)))


def finish(conn: Connection, run_id: int, outcome: SeedOutcome, *, counts: dict | None = None,
           seconds: float | None = None, error: str | None = None) -> None:
    now = datetime.now(UTC)
    conn.execute(update(SeedRun).where(SeedRun.id == run_id).values(
        outcome=outcome, finished_at=now, updated_at=now, counts=counts, duration_seconds=seconds,
        error=error, current_step=None))


def abandon(engine: Engine, run_id: int) -> None:
    """Give the lock back without leaving a run behind (the run was refused before it began)."""
    with engine.begin() as conn:
        conn.execute(delete(SeedRun).where(SeedRun.id == run_id))
