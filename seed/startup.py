"""RUN_PRODUCTION_SEED=true: seed once, in the background, so the app and its health endpoint
answer while it runs. Replicas starting together race for the database lock: one seeds, the others
log that it is running. A database that was ever seeded successfully is not seeded again (so an
admin's reset is not undone by the next restart)."""

import logging
import threading

from sqlalchemy import Engine, select

from lib.auth.identity import SYSTEM
from lib.config import Settings
from lib.models import SeedRun
from lib.models.enums import SeedOutcome
from seed.runner import SeedAlreadyRunning, SeedDataPresent, SeedError, run_seed

log = logging.getLogger(__name__)


def was_seeded_before(engine: Engine) -> bool:
    query = select(SeedRun.id).where(SeedRun.action == "seed", SeedRun.outcome == SeedOutcome.SUCCEEDED).limit(1)
    with engine.connect() as conn:
        return conn.execute(query).first() is not None


def seed_once(engine: Engine, settings: Settings) -> str:
    """Seed unless seeded before or already running; returns what happened (also logged)."""
    if was_seeded_before(engine):
        outcome = "skipped: this database was seeded before"
    else:
        try:
            result = run_seed(engine, who=SYSTEM, settings=settings)
            outcome = f"seeded {sum(result.counts.values()):,} rows in {result.seconds:.1f} s"
        except (SeedAlreadyRunning, SeedDataPresent) as exc:
            outcome = f"skipped: {exc}"
        except SeedError as exc:
            log.error("production seed failed: %s", exc)
            return f"failed: {exc}"
    log.info("production seed %s", outcome)
    return outcome


def seed_on_start(engine: Engine, settings: Settings) -> threading.Thread | None:
    """Call once at app start (after migrations). Returns the background thread, or None if off."""
    if not settings.run_production_seed:
        return None
    thread = threading.Thread(target=seed_once, args=(engine, settings), name="production-seed", daemon=True)
    thread.start()
    return thread
