"""Every enum column stores and returns every one of its values, and refuses anything else."""

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text
from sqlalchemy import Enum as SAEnum
from sqlalchemy.exc import IntegrityError

from lib.models import metadata
from lib.models.enums import StudentStatus

ENUM_COLUMNS = [(t.name, c.name, c.type) for t in metadata.sorted_tables for c in t.c
                if isinstance(c.type, SAEnum)]


def test_student_status_holds_only_real_values():
    assert [s.value for s in StudentStatus] == ["ENROLLED", "ACTIVE", "COMPLETED", "DROPPED"]


def test_every_enum_is_stored_by_its_value():
    for table, column, sa_type in ENUM_COLUMNS:
        assert sa_type.enums == [m.value for m in sa_type.enum_class], f"{table}.{column}"
        assert not sa_type.native_enum, f"{table}.{column} should be VARCHAR + CHECK"


@pytest.mark.parametrize(("table", "column", "sa_type"), ENUM_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in ENUM_COLUMNS])
def test_enum_round_trip(table, column, sa_type, migrated_db_url):
    eng = create_engine(migrated_db_url.replace("postgresql://", "postgresql+psycopg2://"))
    scratch = Table(f"rt_{table}_{column}"[:60], MetaData(), Column("id", Integer, primary_key=True),
                    Column("v", sa_type.copy(), nullable=False))
    scratch.create(eng)
    try:
        members = list(sa_type.enum_class)
        with eng.begin() as conn:
            conn.execute(insert(scratch), [{"v": m} for m in members])
            assert conn.execute(select(scratch.c.v).order_by(scratch.c.id)).scalars().all() == members
        with pytest.raises(IntegrityError), eng.begin() as conn:
            conn.execute(text(f"INSERT INTO {scratch.name} (v) VALUES ('NOT_A_REAL_VALUE')"))
    finally:
        scratch.drop(eng)
        eng.dispose()
