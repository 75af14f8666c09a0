"""Health checks: what the platform, an operator and the System page need to know, without secrets.

Each check returns a dict with "healthy" and the facts behind it; the database and the migrations
are critical (the app cannot serve without them), storage and the seed are not (the app still
works, degraded). Messages name the problem in a sentence an operator can act on.
"""

import os
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
    if settings.s3_configured:
        return _check_s3(settings)
    folder = settings.upload_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return {"healthy": False, "backend": "local", "error": f"upload folder cannot be created: {exc}"}
    if not os.access(folder, os.W_OK):
        return {"healthy": False, "backend": "local", "error": f"upload folder {folder} is not writable"}
    return {"healthy": True, "backend": "local", "note": "S3 is not configured: files stay on this disk"}


def _check_s3(settings) -> dict:
    import boto3
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError

    secret = settings.s3_secret_access_key
    client = boto3.client(
        "s3", endpoint_url=settings.s3_endpoint_url, region_name=settings.s3_region,
        aws_access_key_id=settings.s3_access_key_id,
        aws_secret_access_key=secret.get_secret_value() if secret else None,
        config=Config(connect_timeout=2, read_timeout=2, retries={"max_attempts": 1}))
    try:
        client.head_bucket(Bucket=settings.s3_bucket)
    except (BotoCoreError, ClientError) as exc:
        return {"healthy": False, "backend": "s3", "bucket": settings.s3_bucket,
                "error": f"bucket not reachable: {_reason(exc)}"}
    return {"healthy": True, "backend": "s3", "bucket": settings.s3_bucket}


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


def detailed(engine: Engine, settings) -> dict:
    checks = {"database": check_database(engine)}
    db_up = checks["database"]["healthy"]
    checks["migrations"] = check_migrations(engine) if db_up else {"healthy": False, "error": "database down"}
    checks["storage"] = check_storage(settings)
    checks["seed"] = check_seed(engine) if db_up else {"healthy": False, "error": "database down"}
    critical_ok = all(checks[name]["healthy"] for name in CRITICAL_CHECKS)
    overall = "unhealthy" if not critical_ok else "healthy" if all(
        c["healthy"] for c in checks.values()) else "degraded"
    return basic(settings) | {"status": overall, "checks": checks}


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
