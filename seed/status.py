"""What is in the database: demo batches with their counts, real rows, kept rows, recent runs."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, func, select

from lib.models import SeedRun
from lib.models.enums import SeedOutcome
from seed.lock import RunningSeed, running_seed, utc
from seed.reset import KEPT_BATCH, existing_seeded_tables


@dataclass(frozen=True)
class RunRecord:
    id: int
    action: str
    batch: str
    scale: int
    started_by: str | None
    started_at: datetime | None
    seconds: float | None
    outcome: SeedOutcome
    error: str | None
    counts: dict | None


@dataclass
class SeedStatus:
    running: RunningSeed | None = None
    # batch -> table -> rows; the special batch KEPT_BATCH holds demo rows a reset had to keep.
    batches: dict[str, dict[str, int]] = field(default_factory=dict)
    real: dict[str, int] = field(default_factory=dict)
    runs: list[RunRecord] = field(default_factory=list)

    @property
    def demo_batches(self) -> list[str]:
        return [b for b in self.batches if b != KEPT_BATCH]

    @property
    def kept(self) -> dict[str, int]:
        return self.batches.get(KEPT_BATCH, {})

    def run_of(self, batch: str) -> RunRecord | None:
        return next((r for r in self.runs if r.batch == batch and r.action == "seed"), None)


def _record(row) -> RunRecord:
    return RunRecord(row.id, row.action, row.batch, row.scale, row.started_by, utc(row.started_at),
                     row.duration_seconds, row.outcome, row.error, row.counts)


def seed_status(engine: Engine, *, recent: int = 20) -> SeedStatus:
    """One GROUP BY per table (indexed on seed_batch), plus the last runs and the running one."""
    status = SeedStatus()
    with engine.connect() as conn:
        status.running = running_seed(conn)
        for table in existing_seeded_tables(conn):
            grouped = select(table.c.seed_batch, func.count()).group_by(table.c.seed_batch)
            for batch, count in conn.execute(grouped):
                if batch is None:
                    status.real[table.name] = count
                else:
                    status.batches.setdefault(batch, {})[table.name] = count
        rows = conn.execute(select(SeedRun).order_by(SeedRun.id.desc()).limit(recent)).all()
        status.runs = [_record(r) for r in rows]
    return status
