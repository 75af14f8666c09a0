"""A seeded database per engine, built once per test session and shared (read-only!) by every test
that needs realistic data: dashboards, reports, editors. Do not write to it; copy what you need into
your own database (the `engine` fixture) if a test must change data.

    from tests.seedutil import seeded_db_url
    @pytest.fixture(scope="session", params=engine_kinds())
    def seeded_engine(request):
        engine = make_engine(seeded_db_url(request.param)); yield engine; engine.dispose()
"""

import atexit
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from lib.config import Settings
from lib.db import make_engine
from lib.migrate import upgrade_to_head
from tests.dbutil import create_empty_database, drop_database

# The seeded data's "today": fixed for the session, so every engine gets identical rows.
SEED_AS_OF = datetime.now(UTC).date()
_seeded: dict[str, str] = {}


def seed_settings() -> Settings:
    """dev settings, independent of the developer's .env: demo users are created."""
    return Settings(_env_file=None, app_env="dev")


def seeded_db_url(kind: str) -> str:
    """URL of a database of `kind` ("sqlite" or "postgresql") migrated and seeded at scale 1."""
    if kind not in _seeded:
        from seed.runner import run_seed

        url = create_empty_database(kind, Path(tempfile.mkdtemp(prefix="unionops-seeded-")))
        upgrade_to_head(url)
        engine = make_engine(url)
        try:
            run_seed(engine, scale=1, as_of=SEED_AS_OF, settings=seed_settings())
        finally:
            engine.dispose()
        _seeded[kind] = url
        atexit.register(drop_database, url)
    return _seeded[kind]
