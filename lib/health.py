"""Health checks: what the platform, an operator and the System page need to know, without secrets.

Each check returns a dict with "healthy" and the facts behind it; the database and the migrations
are critical (the app cannot serve without them), storage and the seed are not (the app still
works, degraded). Messages name the problem in a sentence an operator can act on.
"""

import platform
import time
from datetime import UTC, datetime
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version as package_version

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from lib import __version__
from lib.logs import REDACT
from lib.migrate import head_revision
from lib.models import SeedRun
from lib.models.enums import SeedOutcome
from lib.storage import check_storage as probe_storage, storage_from_settings

CRITICAL_CHECKS = ("database", "migrations")
REPORTED_PACKAGES = ("streamlit", "sqlalchemy", "sqlmodel", "alembic", "psycopg2-binary", "pandas",
                     "boto3", "reportlab", "uvicorn", "starlette", "prometheus_client", "bcrypt")
STARTED_AT = time.time()
# The one-time production seed started by this process (lib.start updates it).
BACKGROUND_SEED: dict = {"state": "not requested"}


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def basic(settings) -> dict:
    """The cheap answer to /api/health: no database work at all."""
    return {"status": "healthy", "version": __version__, "environment": settings.app_env, "time": now_iso()}


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    first_line = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    return REDACT(f"{type(orig).__name__}: {first_line}")


def check_database(engine: Engine) -> dict:
    started = time.perf_counter()
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError) as exc:
        return {"healthy": False, "engine": engine.dialect.name,
                "error": f"database unreachable: {_reason(exc)}. Check DATABASE_URL and the server."}
    return {"healthy": True, "engine": engine.dialect.name,
            "latency_ms": round((time.perf_counter() - started) * 1000, 2)}


@lru_cache(maxsize=1)
def expected_head() -> str | None:
    return head_revision()


def current_revision(engine: Engine) -> str | None:
    """The schema's revision (read directly: Alembic's MigrationContext logs a line per call)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_migrations(engine: Engine) -> dict:
    head = expected_head()
    try:
        current = current_revision(engine)
    except (SQLAlchemyError, OSError) as exc:
        return {"healthy": False, "head": head, "error": f"cannot read the revision: {_reason(exc)}"}
    result = {"healthy": current == head, "current": current, "head": head}
    if current != head:
        result["error"] = (f"schema at {current or 'nothing'}, code expects {head}: "
                           "run `alembic upgrade head` (the start command does it).")
    return result


def check_storage(settings) -> dict:
    """Document storage through the storage module's own check (the same probe the Documents page uses)."""
    result = probe_storage(storage_from_settings(settings))
    facts = {"healthy": result.ok, "backend": result.backend}
    if not result.ok:
        return facts | {"error": result.detail}
    return facts | {"where": result.detail, "latency_ms": result.latency_ms}


def check_seed(engine: Engine) -> dict:
    """The last seed run (any replica) and this process's one-time seed; informative, never critical."""
    query = select(SeedRun.action, SeedRun.outcome, SeedRun.current_step, SeedRun.started_at,
                   SeedRun.finished_at, SeedRun.started_by).order_by(SeedRun.id.desc()).limit(1)
    try:
        with engine.connect() as conn:
            last = conn.execute(query).mappings().first()
    except (SQLAlchemyError, OSError) as exc:
        return {"healthy": False, "error": f"seed runs unreadable: {_reason(exc)}"}
    result = {"healthy": True, "background_seed": dict(BACKGROUND_SEED)}
    if last is None:
        return result | {"status": "never seeded"}
    status = {SeedOutcome.RUNNING: "running", SeedOutcome.SUCCEEDED: "seeded", SeedOutcome.FAILED: "failed"}
    last_run = {k: (v.isoformat() if hasattr(v, "isoformat") else str(v) if v else v) for k, v in last.items()}
    return result | {"status": status.get(last["outcome"], str(last["outcome"])), "last_run": last_run}


def readiness(engine: Engine) -> dict:
    """Ready when the database answers and the schema is at head; the first problem is the reason."""
    database = check_database(engine)
    if not database["healthy"]:
        return {"ready": False, "reason": database["error"]}
    migrations = check_migrations(engine)
    if not migrations["healthy"]:
        return {"ready": False, "reason": migrations["error"]}
    return {"ready": True, "revision": migrations["current"]}


def database_checks(engine: Engine) -> dict:
    """The checks that need the database: database, migrations, seed (skipped when it is down)."""
    checks = {"database": check_database(engine)}
    down = {"healthy": False, "error": "skipped: the database is down"}
    db_up = checks["database"]["healthy"]
    checks["migrations"] = check_migrations(engine) if db_up else down
    checks["seed"] = check_seed(engine) if db_up else down
    return checks


def summarize(settings, checks: dict) -> dict:
    """unhealthy when a critical check fails, degraded when only a non-critical one does."""
    critical_ok = all(checks[name]["healthy"] for name in CRITICAL_CHECKS)
    overall = "unhealthy" if not critical_ok else "healthy" if all(
        c["healthy"] for c in checks.values()) else "degraded"
    return basic(settings) | {"status": overall, "checks": checks}


def detailed(engine: Engine, settings) -> dict:
    return summarize(settings, database_checks(engine) | {"storage": check_storage(settings)})


def packages() -> dict[str, str]:
    found = {}
    for name in REPORTED_PACKAGES:
        try:
            found[name] = package_version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def status_info(settings) -> dict:
    """Versions and uptime; deliberately no setting values at all (not even masked lengths)."""
    return basic(settings) | {
        "python": platform.python_version(), "packages": packages(),
        "started_at": datetime.fromtimestamp(STARTED_AT, UTC).isoformat(timespec="seconds"),
        "uptime_seconds": round(time.time() - STARTED_AT, 1),
        "database_engine": "sqlite" if settings.is_sqlite else "postgresql",
        "storage_backend": "s3" if settings.s3_configured else "local",
    }
