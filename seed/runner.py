"""The seed API: run_seed, reset_demo, truncate_all, seed_status. Every caller (CLI, admin page,
start-up seed, tests) goes through here; each takes the database lock and records a seed_runs row."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Engine, func, inspect, select, text

from lib.audit import record_audit
from lib.auth.bootstrap import ensure_first_admin
from lib.auth.identity import SYSTEM, Identity
from lib.auth.permissions import Action, require
from lib.config import Settings, get_settings
from lib.db import empty_tables
from lib.models import SeedRun, metadata, seeded_tables
from lib.models.enums import AuditAction, SeedOutcome
from seed import lock
from seed.context import SeedContext
from seed.lock import SeedAlreadyRunning
from seed.reset import KeptRows, demo_rows_present, existing_seeded_tables, reset_rows
from seed.status import SeedStatus, seed_status
from seed.steps import STEPS

Progress = Callable[[int, int, str], None]
DEFAULT_SEED = 46
MAX_SCALE = 1000


class SeedError(RuntimeError):
    """A seed, reset or truncate that could not be done; the message says why and what to do."""


class SeedDataPresent(SeedError):
    pass


class TruncateRefused(SeedError):
    pass


class SeedStepFailed(SeedError):
    def __init__(self, step_no: int, title: str, reason: str):
        super().__init__(f"Step {step_no} ({title}) failed: {reason}. The database is as it was before this step.")
        self.step_no, self.title, self.reason = step_no, title, reason


@dataclass(frozen=True)
class StepReport:
    no: int
    title: str
    counts: dict[str, int]
    seconds: float


@dataclass
class SeedResult:
    action: str
    batch: str
    scale: int
    seconds: float
    steps: list[StepReport] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # rows per table, for the summary
    kept: list[KeptRows] = field(default_factory=list)    # reset: demo rows that real rows need
    missing_tables: list[str] = field(default_factory=list)  # truncate: tables that were not there
    notes: list[str] = field(default_factory=list)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip().splitlines()
    return f"{type(orig or exc).__name__}: {text_[0] if text_ else ''}"[:500]


def _notify(progress: Progress | None, no: int, total: int, title: str) -> None:
    if progress is not None:
        progress(no, total, title)


def _new_batch(action: str) -> str:
    return f"{action}-{datetime.now(UTC):%Y%m%dT%H%M%S%f}"[:40]


def _check_scale(scale: int) -> None:
    if not isinstance(scale, int) or isinstance(scale, bool) or not 1 <= scale <= MAX_SCALE:
        raise SeedError(f"The scale must be a whole number from 1 to {MAX_SCALE} (got {scale!r}).")


def _run_step(engine: Engine, ctx: SeedContext, run_id: int, step) -> StepReport:
    started = time.perf_counter()
    with engine.begin() as conn:
        ctx.conn, ctx.step_no = conn, step.no
        try:
            # First statement a write: on SQLite it takes the write lock, so allocated ids stay ours.
            conn.execute(text("UPDATE seed_runs SET row_version = row_version + 1 WHERE id = :id"), {"id": run_id})
            output = step.run(ctx)
        finally:
            ctx.conn = None
    return StepReport(step.no, step.title, output.counts, time.perf_counter() - started)


def _batch_counts(engine: Engine, batch: str) -> dict[str, int]:
    with engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t).where(t.c.seed_batch == batch)).scalar_one()
                  for t in existing_seeded_tables(conn)}
        counts["roles"] = conn.execute(text("SELECT count(*) FROM roles")).scalar_one()
    return {name: n for name, n in counts.items() if n}


def _seed_steps(engine: Engine, ctx: SeedContext, run_id: int, progress: Progress | None) -> list[StepReport]:
    reports = []
    for step in STEPS:
        _notify(progress, step.no, len(STEPS), step.title)
        lock.heartbeat(engine, run_id, f"{step.no}/{len(STEPS)} {step.title}")
        try:
            reports.append(_run_step(engine, ctx, run_id, step))
        except Exception as exc:
            raise SeedStepFailed(step.no, step.title, _reason(exc)) from exc
    return reports


def _close(engine: Engine, run_id: int, who: Identity, action: AuditAction, result: SeedResult | None,
           error: str | None = None) -> None:
    outcome = SeedOutcome.SUCCEEDED if error is None else SeedOutcome.FAILED
    with engine.begin() as conn:
        lock.finish(conn, run_id, outcome, counts=result.counts if result else None,
                    seconds=result.seconds if result else None, error=error)
        detail = error or f"{result.action} {result.batch} at scale {result.scale}: {sum(result.counts.values()):,} rows"
        record_audit(conn, who, action, table="seed_runs", row_id=run_id, detail=detail)


def run_seed(engine: Engine, *, scale: int = 1, who: Identity = SYSTEM, progress: Progress | None = None,
             force: bool = False, as_of: date | None = None, seed: int = DEFAULT_SEED,
             settings: Settings | None = None) -> SeedResult:
    """Seed demo data in 18 steps, one transaction each. Refuses when demo data is present unless
    `force` (which resets it first). Raises SeedAlreadyRunning, SeedDataPresent or SeedStepFailed."""
    require(who, Action.RUN_SEED)
    _check_scale(scale)
    batch = _new_batch("seed")
    run_id = lock.acquire(engine, batch=batch, action="seed", scale=scale, started_by=who.email)
    try:
        return _seed_locked(engine, run_id, who, force, SeedResult("seed", batch, scale, 0.0), progress,
                            SeedContext(batch=batch, scale=scale, as_of=as_of or datetime.now(UTC).date(), seed=seed,
                                        settings=settings or get_settings()))
    except SeedDataPresent:
        lock.abandon(engine, run_id)
        raise
    except SeedError as exc:
        _close(engine, run_id, who, AuditAction.SEED, None, error=str(exc))
        raise
    except BaseException as exc:  # never leave the lock behind, whatever happened
        _close(engine, run_id, who, AuditAction.SEED, None, error=f"Seed failed: {_reason(exc)}")
        raise


def _seed_locked(engine: Engine, run_id: int, who: Identity, force: bool, result: SeedResult,
                 progress: Progress | None, ctx: SeedContext) -> SeedResult:
    with engine.connect() as conn:
        present = demo_rows_present(conn)
    if present and not force:
        raise SeedDataPresent("Demo data is already present: reset it first (or use --force, which resets then seeds).")
    started = time.perf_counter()
    if present:
        result.kept = _reset_in_transaction(engine, progress=None).kept
    result.steps = _seed_steps(engine, ctx, run_id, progress)
    result.seconds = time.perf_counter() - started
    result.counts = _batch_counts(engine, result.batch)
    _close(engine, run_id, who, AuditAction.SEED, result)
    return result


def _reset_in_transaction(engine: Engine, progress: Progress | None) -> SeedResult:
    started, total = time.perf_counter(), len(seeded_tables()) + 1
    names = [t.name for t in reversed(seeded_tables())]
    _notify(progress, 1, total, "Finding demo rows that real records point at")

    def on_table(name: str) -> None:
        _notify(progress, names.index(name) + 2, total, f"Removing demo {name.replace('_', ' ')}")

    with engine.begin() as conn:
        outcome = reset_rows(conn, on_table)
    result = SeedResult("reset", "-", 0, time.perf_counter() - started,
                        counts={k: v for k, v in outcome.deleted.items() if v}, kept=outcome.kept)
    if outcome.audit_entries_unlinked:
        result.notes.append(f"{outcome.audit_entries_unlinked:,} audit entries by demo users keep the email "
                            "but no longer link to the deleted user.")
    return result


def reset_demo(engine: Engine, *, who: Identity, progress: Progress | None = None) -> SeedResult:
    """Remove every demo row that no real row needs, in one transaction; report the kept ones."""
    require(who, Action.RUN_SEED)
    run_id = lock.acquire(engine, batch="-", action="reset", scale=0, started_by=who.email)
    try:
        result = _reset_in_transaction(engine, progress)
    except Exception as exc:
        _close(engine, run_id, who, AuditAction.RESET, None, error=f"Reset failed: {_reason(exc)}. Nothing was removed.")
        raise SeedError(f"Reset failed: {_reason(exc)}. Nothing was removed.") from exc
    _close(engine, run_id, who, AuditAction.RESET, result)
    return result


def truncate_all(engine: Engine, *, who: Identity, settings: Settings | None = None, i_understand: bool = False,
                 progress: Progress | None = None) -> SeedResult:
    """Empty every table (refused in prod unless i_understand). Missing tables are reported and
    skipped; the roles and the first admin are re-created so that someone can still log in."""
    require(who, Action.RUN_SEED)
    settings = settings or get_settings()
    if settings.app_env == "prod" and not i_understand:
        raise TruncateRefused("Truncate everything is refused when APP_ENV=prod.")
    run_id = lock.acquire(engine, batch="-", action="truncate", scale=0, started_by=who.email)
    started = time.perf_counter()
    try:
        with engine.begin() as conn:
            _notify(progress, 1, 3, "Looking for the tables")
            present = set(inspect(conn).get_table_names())
            wanted = [t.name for t in reversed(metadata.sorted_tables) if t.name != "seed_runs"]
            missing = [n for n in wanted if n not in present]
            _notify(progress, 2, 3, f"Emptying {len(wanted) - len(missing)} tables")
            empty_tables(conn, [n for n in wanted if n in present])
            conn.execute(SeedRun.__table__.delete().where(SeedRun.id != run_id))
            _notify(progress, 3, 3, "Re-creating the roles and the first admin")
            ensure_first_admin(conn, settings)
    except Exception as exc:
        _close(engine, run_id, who, AuditAction.TRUNCATE, None, error=f"Truncate failed: {_reason(exc)}. Nothing was removed.")
        raise SeedError(f"Truncate failed: {_reason(exc)}. Nothing was removed.") from exc
    result = SeedResult("truncate", "-", 0, time.perf_counter() - started, missing_tables=missing)
    if missing:
        result.notes.append(f"Missing tables (skipped): {', '.join(missing)}. Run the migrations to create them.")
    # The acting user was just deleted: the audit entry keeps the email without the link.
    _close(engine, run_id, Identity(id=None, email=who.email, full_name=who.full_name), AuditAction.TRUNCATE, result)
    return result


__all__ = ["run_seed", "reset_demo", "truncate_all", "seed_status", "SeedResult", "StepReport", "SeedStatus",
           "SeedError", "SeedAlreadyRunning", "SeedDataPresent", "SeedStepFailed", "TruncateRefused"]
