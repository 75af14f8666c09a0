"""Backup ZIP and restore, round trip on each engine: every row comes back, and the database works after."""

from datetime import date
from zipfile import ZipFile

import pytest
from sqlalchemy import func, insert, select

from lib.backup import BackupError, restore_backup, write_backup
from lib.backup.__main__ import main as backup_cli
from lib.db import make_engine
from lib.dues.credits import credit_drift
from lib.migrate import upgrade_to_head
from lib.models import Location, metadata
from lib.models.enums import LocationKind
from seed.runner import run_seed
from tests.dbutil import create_empty_database, drop_database
from tests.seedutil import seed_settings

AWKWARD = {"name": 'Hall "B", 2nd floor\nnorth wing — Zoë', "address": "", "city": r"C:\temp", "phone": None}


@pytest.fixture
def unmigrated_url(engine, tmp_path):
    """A database of the same engine with no tables at all."""
    url = create_empty_database(engine.dialect.name, tmp_path)
    yield url
    drop_database(url)


@pytest.fixture
def target_url(unmigrated_url):
    """An empty database of the same engine, migrated to head."""
    upgrade_to_head(unmigrated_url)
    return unmigrated_url


def _rows(conn, table) -> list[tuple]:
    return [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key))]


def _every_table(engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {t.name: _rows(conn, t) for t in metadata.sorted_tables}


def test_round_trip_restores_every_row_and_new_inserts_work(engine, target_url, tmp_path, capsys):
    run_seed(engine, scale=1, as_of=date(2026, 11, 30), settings=seed_settings())
    with engine.begin() as conn:
        conn.execute(insert(Location).values(kind=LocationKind.UNION_HALL, **AWKWARD))
    backup = tmp_path / "backup.zip"
    manifest = write_backup(engine, backup)
    before = _every_table(engine)
    assert manifest.tables["members"] == 1000 and manifest.total_rows > 20_000

    assert backup_cli(["--database-url", target_url, "restore", str(backup)]) == 0
    assert "restored" in capsys.readouterr().out
    target = make_engine(target_url)
    try:
        after = _every_table(target)
        for table in metadata.sorted_tables:
            if table.name == "audit_logs":  # the backup itself is audited after it was written
                assert after[table.name] == before[table.name][:len(after[table.name])]
                continue
            assert after[table.name] == before[table.name], table.name
        with target.begin() as conn:
            assert conn.execute(select(Location.name, Location.address, Location.city).where(
                Location.phone.is_(None), Location.address == "")).one() == (AWKWARD["name"], "", AWKWARD["city"])
            assert credit_drift(conn) == []
            top = conn.execute(select(func.max(Location.id))).scalar_one()
            new_id = conn.execute(insert(Location).values(name="After restore", kind=LocationKind.UNION_HALL)
                                  .returning(Location.id)).scalar_one()
        assert new_id == top + 1
    finally:
        target.dispose()


def test_the_zip_holds_one_csv_per_table_and_a_manifest(engine, tmp_path):
    with engine.begin() as conn:
        conn.execute(insert(Location).values(kind=LocationKind.UNION_HALL, **AWKWARD))
    write_backup(engine, tmp_path / "b.zip")
    with ZipFile(tmp_path / "b.zip") as archive:
        names = set(archive.namelist())
        assert {f"{t.name}.csv" for t in metadata.sorted_tables} | {"manifest.json"} == names
        lines = archive.read("locations.csv").decode()
    assert lines.startswith("id,created_at,updated_at,row_version,seed_batch,name,kind")
    assert "\\N" in lines and "UNION_HALL" in lines


def test_restore_refuses_a_database_with_rows_and_changes_nothing(engine, tmp_path):
    with engine.begin() as conn:
        conn.execute(insert(Location).values(name="Real hall", kind=LocationKind.UNION_HALL))
    write_backup(engine, tmp_path / "b.zip")
    with pytest.raises(BackupError, match="not empty .*locations.*--replace"):
        restore_backup(engine, tmp_path / "b.zip")
    with engine.connect() as conn:
        assert conn.execute(select(Location.name)).scalars().all() == ["Real hall"]


def test_replace_empties_first_then_restores(engine, tmp_path):
    with engine.begin() as conn:
        conn.execute(insert(Location).values(name="Kept by the backup", kind=LocationKind.UNION_HALL))
    write_backup(engine, tmp_path / "b.zip")
    with engine.begin() as conn:
        conn.execute(insert(Location).values(name="Added later", kind=LocationKind.UNION_HALL))
    counts = restore_backup(engine, tmp_path / "b.zip", replace=True)
    assert counts["locations"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(Location.name)).scalars().all() == ["Kept by the backup"]


def test_restore_names_what_is_wrong(engine, unmigrated_url, tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_text("not a zip")
    with pytest.raises(BackupError, match="Cannot open .* as a ZIP"):
        restore_backup(engine, junk)
    with ZipFile(tmp_path / "nomanifest.zip", "w") as archive:
        archive.writestr("members.csv", "id\n")
    with pytest.raises(BackupError, match="manifest.json is missing"):
        restore_backup(engine, tmp_path / "nomanifest.zip")
    write_backup(engine, tmp_path / "b.zip")
    unmigrated = make_engine(unmigrated_url)
    try:
        with pytest.raises(BackupError, match="no schema: run `alembic upgrade head`"):
            restore_backup(unmigrated, tmp_path / "b.zip")
    finally:
        unmigrated.dispose()
