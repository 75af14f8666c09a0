"""Restoring a backup into an empty, migrated database of the same schema revision, in one transaction."""

import csv
import io
from collections.abc import Callable, Iterator
from zipfile import ZipFile

from sqlalchemy import Connection, Engine, Table, func, inspect, select, text

from lib.auth.identity import SYSTEM, Identity
from lib.auth.permissions import Action, require
from lib.backup.archive import DERIVED_TABLES, BackupError, Manifest, csv_name, open_zip, read_manifest
from lib.backup.values import NULL, sqlite_value
from lib.db import empty_tables
from lib.dues.credits import credit_drift, rebuild_member_credits
from lib.health import current_revision
from lib.models import metadata

CHUNK_ROWS = 5_000
Progress = Callable[[str, int], None]


def _check_schema(engine: Engine, manifest: Manifest) -> None:
    revision = current_revision(engine)
    if revision is None:
        raise BackupError("The database has no schema: run `alembic upgrade head` on it first.")
    if revision != manifest.revision:
        raise BackupError(f"The backup is of schema revision {manifest.revision}, the database is at {revision}: "
                          "restore into a database migrated to the backup's revision.")


def _nonempty(conn: Connection) -> list[str]:
    present = set(inspect(conn).get_table_names())
    return [t.name for t in metadata.sorted_tables if t.name in present
            and conn.execute(select(func.count()).select_from(select(t).limit(1).subquery())).scalar_one()]


def _lines(archive: ZipFile, table: str) -> io.TextIOWrapper:
    try:
        return io.TextIOWrapper(archive.open(csv_name(table)), encoding="utf-8", newline="")
    except KeyError:
        raise BackupError(f"The backup lists {table} but {csv_name(table)} is missing from the ZIP.") from None


def _header(reader, table: Table) -> list[str]:
    header = next(reader, None) or []
    unknown = [name for name in header if name not in table.c]
    if unknown or not header:
        raise BackupError(f"{csv_name(table.name)}: columns {unknown or 'none'} are not in table {table.name}.")
    return header


def _copy(conn: Connection, table: Table, archive: ZipFile) -> None:
    """PostgreSQL reads the CSV as it is (the text forms in lib.backup.values are COPY's)."""
    with _lines(archive, table.name) as source:
        header = _header(csv.reader(io.StringIO(source.readline())), table)
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            cursor.copy_expert(f"COPY {table.name} ({', '.join(header)}) FROM STDIN "
                               f"WITH (FORMAT csv, NULL '{NULL}')", source)
        finally:
            cursor.close()


def _chunks(reader, columns, size: int = CHUNK_ROWS) -> Iterator[list[tuple]]:
    chunk = []
    for line in reader:
        chunk.append(tuple(sqlite_value(value, c) for c, value in zip(columns, line)))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _insert(conn: Connection, table: Table, archive: ZipFile) -> None:
    """SQLite: the values as SQLite stores them, many rows per statement."""
    with _lines(archive, table.name) as source:
        reader = csv.reader(source)
        columns = [table.c[name] for name in _header(reader, table)]
        sql = (f"INSERT INTO {table.name} ({', '.join(c.name for c in columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        for chunk in _chunks(reader, columns):
            conn.exec_driver_sql(sql, chunk)


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """PostgreSQL: the next id after the highest restored one, so new rows do not collide."""
    for table in tables:
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                          f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"))


def _count(conn: Connection, table: Table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _load_all(conn: Connection, archive: ZipFile, manifest: Manifest, progress: Progress | None) -> dict[str, int]:
    tables = [t for t in metadata.sorted_tables if t.name in manifest.tables and t.name not in DERIVED_TABLES]
    tables += [metadata.tables[name] for name in sorted(DERIVED_TABLES) if name in manifest.tables]
    load = _copy if conn.dialect.name == "postgresql" else _insert
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # checked at commit, whatever the order
    counts = {}
    for table in tables:
        if table.name in DERIVED_TABLES:  # the triggers filled it while loading: take the backup's rows
            conn.execute(table.delete())
        load(conn, table, archive)
        counts[table.name] = _count(conn, table)
        if counts[table.name] != manifest.tables[table.name]:
            raise BackupError(f"{table.name}: loaded {counts[table.name]:,} rows, the backup lists "
                              f"{manifest.tables[table.name]:,}. Nothing was restored.")
        if progress:
            progress(table.name, counts[table.name])
    if credit_drift(conn):  # a backup read without a snapshot (SQLite) while payments were written
        rebuild_member_credits(conn)
    if conn.dialect.name == "postgresql":
        _reset_sequences(conn, list(metadata.sorted_tables))
    return counts


def restore_backup(engine: Engine, source, *, who: Identity = SYSTEM, replace: bool = False,
                   progress: Progress | None = None) -> dict[str, int]:
    """Load the ZIP (path or file) in one transaction; returns rows per table. Refuses a database that
    has rows unless `replace` (which empties every table first, in the same transaction)."""
    require(who, Action.RUN_SEED)
    with open_zip(source) as archive:
        manifest = read_manifest(archive)
        unknown = sorted(set(manifest.tables) - set(metadata.tables))
        if unknown:
            raise BackupError(f"The backup has tables this version does not know: {', '.join(unknown)}.")
        _check_schema(engine, manifest)
        with engine.begin() as conn:
            filled = _nonempty(conn)
            if filled and not replace:
                raise BackupError(f"The database is not empty ({', '.join(filled[:5])}"
                                  f"{' …' if len(filled) > 5 else ''} have rows): restore into an empty migrated "
                                  "database, or pass --replace to empty it first.")
            if filled:
                empty_tables(conn, [t.name for t in reversed(metadata.sorted_tables)])
            return _load_all(conn, archive, manifest, progress)
