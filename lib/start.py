"""The one start command of every platform file and of `make run`:  python -m lib.start

Validate settings (a clear message, not a traceback), wait for the database (bounded), migrate to
head (locked across replicas), make sure the first admin exists, start the one-time production
seed in the background if asked (lesson 1: the health check must answer while it runs), then serve
the app and its health routes on $PORT, bound to 0.0.0.0.
"""

import argparse
import atexit
import importlib.util
import logging
import os
import subprocess
import sys
import threading
import time

from pydantic import ValidationError
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from lib import health
from lib.auth.bootstrap import FirstAdminError, ensure_first_admin
from lib.config import PROJECT_ROOT, Settings, get_settings
from lib.db import DatabaseUnavailable, get_engine, mask_url, wait_for_database
from lib.logs import configure_logging
from lib.metrics import count_seed_run
from lib.migrate import upgrade_to_head
from lib.models import Member, SeedRun
from lib.models.enums import SeedOutcome

log = logging.getLogger("lib.start")
EXIT_CONFIG, EXIT_DATABASE, EXIT_ADMIN = 2, 3, 4


def describe_settings_error(exc: ValidationError) -> str:
    """One line per bad variable, named as the operator sets it (the env var), never its value."""
    lines = ["Configuration error: the app cannot start with these settings."]
    for error in exc.errors():
        name = "_".join(str(part) for part in error["loc"]).upper()
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"  - {name}: {message}" if name else f"  - {message}")
    lines.append("See .env.example for every variable, its default and how to generate secrets.")
    return "\n".join(lines)


def load_settings() -> Settings:
    """The validated settings, or exit with a message naming each problem."""
    try:
        return get_settings()
    except ValidationError as exc:
        print(describe_settings_error(exc), file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from None


def prepare_database(engine: Engine, settings: Settings, wait_seconds: int) -> None:
    """Wait for it, migrate to head (the migration holds a lock), then the roles and first admin."""
    log.info("database: %s", mask_url(settings.database_url))
    wait_for_database(engine, attempts=max(1, wait_seconds), delay=1.0)
    started = time.perf_counter()
    upgrade_to_head(settings.database_url)
    log.info("migrations at head (%.1f s)", time.perf_counter() - started)
    try:
        with engine.begin() as conn:
            ensure_first_admin(conn, settings)
    except IntegrityError:
        log.info("another replica created the first admin at the same moment")


def seed_available() -> bool:
    return importlib.util.find_spec("seed") is not None and importlib.util.find_spec("seed.runner") is not None


def already_seeded(engine: Engine) -> bool:
    """The one-time seed ran once (on any replica) or is running now: never again on its own."""
    query = select(func.count()).select_from(SeedRun).where(
        SeedRun.action == "seed", SeedRun.outcome.in_([SeedOutcome.SUCCEEDED, SeedOutcome.RUNNING]))
    with engine.connect() as conn:
        return conn.execute(query).scalar_one() > 0


def has_members(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Member)).scalar_one() > 0


def _log_progress(step_no: int, total: int, title: str) -> None:
    health.BACKGROUND_SEED.update(step=f"{step_no}/{total} {title}")
    log.info("seed step %d/%d: %s", step_no, total, title)


def run_seed_logged(engine: Engine, scale: int = 1) -> str:
    """Run the seed package's seed, logging each step: "succeeded", "running elsewhere" or "failed"."""
    from seed.runner import SeedAlreadyRunning, run_seed

    health.BACKGROUND_SEED.update(state="running", started_at=health.now_iso())
    started = time.perf_counter()
    try:
        run_seed(engine, scale=scale, progress=_log_progress)
    except SeedAlreadyRunning:
        log.info("a seed is already running on another replica; not starting a second one")
        return _seed_ended("running elsewhere")
    except Exception:
        log.exception("the seed failed; the app keeps serving (see the System page)")
        return _seed_ended("failed")
    seconds = time.perf_counter() - started
    log.info("seed finished in %.1f s", seconds)
    return _seed_ended("succeeded", seconds)


def _seed_ended(state: str, seconds: float | None = None) -> str:
    health.BACKGROUND_SEED.update(state=state, **({"seconds": round(seconds, 1)} if seconds else {}))
    if state in ("succeeded", "failed"):
        count_seed_run("seed", state)
    return state


SEED_EXIT_CODES = {"succeeded": 0, "failed": 1, "running elsewhere": 5}


def _seed_in_child_process(engine: Engine) -> str:
    """The seed in its own Python process: in a thread it held the GIL for seconds at a time and every
    health answer waited for it (p50 46 ms instead of 2 ms). Its log lines go to the same stdout."""
    health.BACKGROUND_SEED.update(state="running", started_at=health.now_iso())
    started = time.perf_counter()
    database = {"DATABASE_URL": engine.url.render_as_string(hide_password=False)}  # this engine's database
    child = subprocess.Popen([sys.executable, "-m", "lib.start", "--seed-only"], env=os.environ | database,
                             cwd=PROJECT_ROOT)
    health.BACKGROUND_SEED.update(pid=child.pid)
    atexit.register(_stop_child, child)  # the server stopping stops the seed (its lock expires as stale)
    code = child.wait()
    state = {code: state for state, code in SEED_EXIT_CODES.items()}.get(code, "failed")
    if state == "failed":
        log.error("the one-time seed process ended with exit code %s; the app keeps serving", code)
    return _seed_ended(state, time.perf_counter() - started if state == "succeeded" else None)


def _stop_child(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()


def start_production_seed(engine: Engine) -> threading.Thread | None:
    """RUN_PRODUCTION_SEED: seed once, in the background, so the server starts (and passes health) now."""
    if not seed_available():
        log.warning("RUN_PRODUCTION_SEED is set but the seed package is missing; nothing seeded")
        return None
    if already_seeded(engine):
        log.info("RUN_PRODUCTION_SEED: the database was seeded before; skipping (it is one-time)")
        health.BACKGROUND_SEED.update(state="already seeded")
        return None
    thread = threading.Thread(target=_seed_in_child_process, args=(engine,), name="production-seed", daemon=True)
    thread.start()
    return thread


def seed_demo_if_empty(engine: Engine) -> None:
    """`make run`: a first start on an empty database gets the demo data before the app opens."""
    if has_members(engine):
        return
    if not seed_available():
        log.warning("the database is empty and the seed package is not installed yet: no demo data")
        return
    log.info("empty database: seeding the demo data once (later starts skip this)")
    run_seed_logged(engine)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m lib.start", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default 0.0.0.0)")
    parser.add_argument("--port", type=int, help="port (default: $PORT, else 8501)")
    parser.add_argument("--demo-seed-if-empty", action="store_true", help="seed demo data on an empty database")
    parser.add_argument("--wait-seconds", type=int, default=30, help="how long to wait for the database")
    parser.add_argument("--no-serve", action="store_true", help="prepare the database, then exit")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)  # the one-time seed's process
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = load_settings()
    configure_logging(settings)
    engine = get_engine()
    if args.seed_only:
        return SEED_EXIT_CODES[run_seed_logged(engine)]
    for warning in settings.unsafe_warnings():
        log.warning("setting: %s", warning)
    try:
        prepare_database(engine, settings, args.wait_seconds)
    except DatabaseUnavailable as exc:
        log.error("%s", exc)
        return EXIT_DATABASE
    except FirstAdminError as exc:
        log.error("%s", exc)
        return EXIT_ADMIN
    if args.demo_seed_if_empty:
        seed_demo_if_empty(engine)
    if args.no_serve:
        if settings.run_production_seed and (thread := start_production_seed(engine)):
            thread.join()  # a prepare-only run finishes the seed it was asked for
        return 0
    from lib.ui.server import serve

    # The one-time seed starts once the server listens, so it never delays the first health answer.
    after_start = (lambda: start_production_seed(engine)) if settings.run_production_seed else None
    if after_start:
        health.BACKGROUND_SEED.update(state="starting once the server listens")
    serve(args.host, args.port or settings.port, after_start=after_start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
