"""Databases for tests: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set."""

import os
import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url, text

from lib.config import normalize_database_url


def engine_kinds() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get("TEST_DATABASE_URL") else ["sqlite"]


def _server_url() -> str:
    return normalize_database_url(os.environ["TEST_DATABASE_URL"])


def create_empty_database(kind: str, tmp_dir: Path) -> str:
    """A brand-new empty database of the given kind; returns its URL."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_dir / f'test-{uuid.uuid4().hex[:8]}.db'}"
    name = f"unionops_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(_server_url()).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(_server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    admin.dispose()


def truncate_all(engine: Engine) -> None:
    """Empty every table of the model (keeping the schema and alembic_version)."""
    from lib.models import metadata

    tables = [t.name for t in metadata.sorted_tables]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for name in reversed(tables):
                conn.execute(text(f"DELETE FROM {name}"))
