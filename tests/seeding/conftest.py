import pytest

from lib.db import make_engine
from tests.dbutil import engine_kinds
from tests.seedutil import seeded_db_url


@pytest.fixture(scope="session", params=engine_kinds())
def seeded(request):
    """An engine on the session's seeded database of each engine (read-only)."""
    engine = make_engine(seeded_db_url(request.param))
    yield engine
    engine.dispose()
