"""Engine, sessions and waiting for the database."""

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from lib.config import get_settings

log = logging.getLogger(__name__)


class DatabaseUnavailable(RuntimeError):
    """The database did not answer within the allowed retries."""


def mask_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine configured for the URL's kind: SQLite (FKs on, WAL) or PostgreSQL (pre-ping)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, pool_recycle=1800)


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    return make_engine(url or get_settings().database_url)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commit when the block ends, roll back if it raises."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def ping(engine: Engine) -> float:
    """Run SELECT 1 and return the round trip in milliseconds."""
    started = time.perf_counter()
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return (time.perf_counter() - started) * 1000


def wait_for_database(engine: Engine, attempts: int = 30, delay: float = 1.0) -> None:
    """Bounded retries while a managed database is still starting; a clear error at the end."""
    for attempt in range(1, attempts + 1):
        try:
            ping(engine)
            return
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            log.warning("database not ready (attempt %d/%d): %s", attempt, attempts, reason)
            if attempt < attempts:
                time.sleep(delay)
    raise DatabaseUnavailable(
        f"Database at {mask_url(engine.url.render_as_string(hide_password=False))} did not answer "
        f"after {attempts} attempts: {reason}. Check DATABASE_URL and that the server is running."
    )


def empty_tables(conn, names: list[str]) -> None:
    """Delete every row of the named tables, given children first (SQLite deletes in that order);
    PostgreSQL truncates them in one statement and restarts their ids."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        return
    for name in names:
        conn.execute(text(f"DELETE FROM {name}"))
