"""The all-members standing query and the one-member explanation agree for every member of the
seeded database (scale 1), on each engine: realistic histories, rates, payments and adjustments."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from lib.db import make_engine
from lib.models import MemberClassificationChange
from tests.dbutil import engine_kinds
from tests.dues.ledgerdata import assert_sql_matches_python
from tests.seedutil import SEED_AS_OF, seeded_db_url


@pytest.fixture(scope="module", params=engine_kinds())
def seeded_engine(request):
    engine = make_engine(seeded_db_url(request.param))
    yield engine
    engine.dispose()


@pytest.mark.parametrize("days_back", [0, 200])
def test_every_seeded_member_agrees(seeded_engine, days_back):
    with seeded_engine.connect() as conn:  # read-only: rolled back on exit
        changes = conn.execute(select(MemberClassificationChange.member_id)
                               .group_by(MemberClassificationChange.member_id)
                               .having(func.count() > 1)).all()
        assert len(changes) > 10  # members whose rate followed a classification change are covered
        assert assert_sql_matches_python(conn, SEED_AS_OF - timedelta(days=days_back)) > 100
