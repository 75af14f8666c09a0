"""Writing a backup: every table of the model as CSV, read in one snapshot where the engine allows."""

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from sqlalchemy import Connection, Engine, Table, inspect, select

from lib import __version__
from lib.audit import record_audit
from lib.auth.identity import SYSTEM, Identity
from lib.auth.permissions import Action, require
from lib.backup.archive import MANIFEST, Manifest, csv_name
from lib.backup.values import to_text
from lib.health import current_revision
from lib.models import metadata
from lib.models.enums import AuditAction

STREAM_ROWS = 5_000


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """PostgreSQL: one REPEATABLE READ transaction, so every table is read as of the same moment."""
    if engine.dialect.name != "postgresql":
        with engine.connect() as conn:
            yield conn
        return
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin():
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        yield conn


def _write_table(conn: Connection, table: Table, archive: ZipFile) -> int:
    columns = list(table.c)
    rows = 0
    with archive.open(csv_name(table.name), "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c.name for c in columns])
        result = conn.execution_options(yield_per=STREAM_ROWS).execute(select(table).order_by(*table.primary_key))
        for row in result:
            writer.writerow([to_text(value, column) for value, column in zip(row, columns)])
            rows += 1
    return rows


def write_backup(engine: Engine, target: Path | BinaryIO, *, who: Identity = SYSTEM) -> Manifest:
    """Write the ZIP to a path or binary file; returns the manifest (rows per table)."""
    require(who, Action.RUN_SEED)
    with _snapshot(engine) as conn, ZipFile(target, "w", ZIP_DEFLATED, compresslevel=6) as archive:
        present = set(inspect(conn).get_table_names())
        manifest = Manifest(revision=current_revision(engine), engine=engine.dialect.name,
                            created_at=datetime.now(UTC).isoformat(timespec="seconds"), created_by=who.email,
                            app_version=__version__)
        for table in metadata.sorted_tables:
            if table.name in present:
                manifest.tables[table.name] = _write_table(conn, table, archive)
        archive.writestr(MANIFEST, manifest.to_json())
    with engine.begin() as conn:
        record_audit(conn, who, AuditAction.DOWNLOAD, detail=f"backup of {len(manifest.tables)} tables, "
                     f"{manifest.total_rows:,} rows")
    return manifest


def backup_bytes(engine: Engine, *, who: Identity = SYSTEM) -> bytes:
    """The ZIP in memory (the admin page's download)."""
    buffer = io.BytesIO()
    write_backup(engine, buffer, who=who)
    return buffer.getvalue()


def backup_file_name(env: str) -> str:
    return f"unionops-{env}-backup-{datetime.now(UTC):%Y%m%d-%H%M%S}.zip"
