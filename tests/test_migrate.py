"""Alembic owns the schema: the migrations and the models agree, and both directions work."""

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from lib.db import make_engine
from lib.migrate import current_revision, downgrade_to_base, head_revision, upgrade_to_head
from lib.models import metadata


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, metadata)


def test_models_and_migrations_agree(empty_db_url):
    upgrade_to_head(empty_db_url)
    engine = make_engine(empty_db_url)
    assert _diff(engine) == []
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_upgrade_downgrade_upgrade(empty_db_url):
    engine = make_engine(empty_db_url)
    upgrade_to_head(empty_db_url)
    assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    downgrade_to_base(empty_db_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(empty_db_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_two_replicas_migrating_at_once_do_not_race(empty_db_url):
    code = "import sys; from lib.migrate import upgrade_to_head; upgrade_to_head(sys.argv[1])"
    procs = [subprocess.Popen([sys.executable, "-c", code, empty_db_url], stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    results = [(p.wait(120), p.stderr.read()) for p in procs]
    assert [rc for rc, _ in results] == [0, 0, 0], [err for _, err in results]
    engine = make_engine(empty_db_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()
