"""Alembic environment: URL from Settings, batch mode on SQLite, an advisory lock on PostgreSQL."""

import fcntl
from contextlib import contextmanager, nullcontext
from logging.config import fileConfig

from alembic import context
from sqlalchemy import text

import lib.models  # noqa: F401  (registers every table)
from lib.config import get_settings, normalize_database_url
from lib.db import make_engine
from lib.models import metadata

# Any fixed 64-bit number shared by every replica: they queue here instead of racing.
MIGRATION_LOCK_KEY = 46_000_001

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def database_url() -> str:
    url = (
        config.attributes.get("url")
        or context.get_x_argument(as_dictionary=True).get("url")
        or get_settings().database_url
    )
    return normalize_database_url(url)


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(url=database_url(), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


@contextmanager
def sqlite_file_lock(connection):
    """SQLite lives on one machine: a lock file beside it queues processes migrating at once."""
    path = connection.engine.url.database
    if not path or path == ":memory:":
        yield
        return
    with open(f"{path}.migrate.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_migrations_online() -> None:
    engine = make_engine(database_url())
    with engine.connect() as connection:
        lock = sqlite_file_lock(connection) if connection.dialect.name == "sqlite" else nullcontext()
        with lock:
            _configure(connection)
            with context.begin_transaction():
                if connection.dialect.name == "postgresql":
                    # Held until commit; a second replica waits, then finds the schema at head.
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
