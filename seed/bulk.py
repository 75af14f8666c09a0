"""Bulk writes for the seed: ids allocated up front, rows streamed in chunks (COPY on PostgreSQL)."""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Numeric, Table, select, text, update

CHUNK_ROWS = 20_000
STREAM_ROWS = 2_000  # rows per read() of a COPY stream


def _chunks(rows: Iterable[Sequence[Any]], size: int = CHUNK_ROWS) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _numeric_positions(table: Table, columns: Sequence[str]) -> list[int]:
    return [i for i, name in enumerate(columns) if isinstance(table.c[name].type, Numeric)]


def _as_float(rows: list, positions: list[int]) -> list:
    """What SQLAlchemy itself binds for Numeric on SQLite (sqlite3 cannot bind Decimal); enums are
    str subclasses and dates have sqlite3's adapter, so only these columns need converting."""
    converted = []
    for row in rows:
        row = list(row)
        for p in positions:
            if row[p] is not None:
                row[p] = float(row[p])
        converted.append(tuple(row))
    return converted


class _CsvStream:
    """A file for COPY whose read() turns the next rows into CSV text: PostgreSQL ingests one chunk
    while Python generates the next, and a table is one COPY (one statement-trigger firing)."""

    def __init__(self, rows: Iterable[Sequence[Any]], tail: tuple):
        self._chunks, self._tail, self.count = _chunks(rows, STREAM_ROWS), tail, 0
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer)  # None becomes an unquoted empty field: NULL in COPY csv
        self._tail_text = self._csv([tail])[:-2] if tail else ""

    def _csv(self, rows: Iterable[Sequence[Any]]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerows(rows)
        return self._buffer.getvalue()

    def read(self, size: int = -1) -> str:
        chunk = next(self._chunks, None)
        if chunk is None:
            return ""
        self.count += len(chunk)
        text_ = self._csv(chunk)
        if not self._tail:
            return text_
        if '"' not in text_:  # nothing quoted, so every \r\n ends a row: append the tail as text
            return text_.replace("\r\n", f",{self._tail_text}\r\n")
        return self._csv([(*row, *self._tail) for row in chunk])


def _copy_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]],
               tail: tuple) -> int:
    stream = _CsvStream(rows, tail)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.copy_expert(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", stream)
    finally:
        cursor.close()
    return stream.count


def _executemany_chunk(conn: Connection, table: Table, columns: Sequence[str], chunk: list) -> None:
    marks = ", ".join("?" for _ in columns)
    positions = _numeric_positions(table, columns)
    rows = _as_float(chunk, positions) if positions else chunk
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows)


def _python_defaults(table: Table, given: Sequence[str]) -> dict[str, Any]:
    """Model defaults that live in Python only (e.g. failed_login_count=0): raw inserts must send them."""
    return {c.name: c.default.arg for c in table.columns
            if c.name not in given and c.default is not None and c.default.is_scalar and c.server_default is None}


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                batch: str | None) -> int:
    """Insert tuples (in `columns` order) marked with the batch; returns how many were written."""
    extra = _python_defaults(table, [*columns, "seed_batch"])
    if batch is not None:
        extra["seed_batch"] = batch
    all_columns, tail = [*columns, *extra], tuple(extra.values())
    if conn.dialect.name == "postgresql":
        return _copy_rows(conn, table, all_columns, rows, tail)
    written = 0
    for chunk in _chunks(rows):
        if tail:
            chunk = [(*row, *tail) for row in chunk]
        _executemany_chunk(conn, table, all_columns, chunk)
        written += len(chunk)
    return written


def allocate_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """Ids for rows about to be inserted, so children can point at them before they exist."""
    if count == 0:
        return []
    if conn.dialect.name == "postgresql":
        query = text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)")
        return list(conn.execute(query, {"t": table.name, "n": count}).scalars())
    # The step's transaction already holds SQLite's write lock (see SeedContext.begin_step).
    highest = conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table.name}")).scalar_one()
    return list(range(highest + 1, highest + 1 + count))


def _existing_by_key(conn: Connection, table: Table, key: Sequence[str]) -> dict[tuple, tuple[int, str | None]]:
    columns = [table.c[name] for name in key]
    query = select(table.c.id, table.c.seed_batch, *columns)
    return {tuple(row[2:]): (row[0], row[1]) for row in conn.execute(query)}


def _has_rows(conn: Connection, table: Table) -> bool:
    return conn.execute(select(table.c.id).limit(1)).first() is not None


def get_or_create(conn: Connection, table: Table, key: Sequence[str], columns: Sequence[str],
                  rows: Sequence[Sequence[Any]], batch: str) -> list[int]:
    """Ids of rows identified by a unique key: existing demo rows join this batch, real rows are
    reused untouched (never re-marked), the rest are inserted. Keeps a re-seed after a reset that
    kept some demo rows (because real rows point at them) free of unique-key clashes."""
    positions = [columns.index(name) for name in key]
    existing = _existing_by_key(conn, table, key) if _has_rows(conn, table) else {}
    found = [existing.get(tuple(row[p] for p in positions)) for row in rows]
    new_ids = iter(allocate_ids(conn, table, sum(1 for f in found if f is None)))
    ids = [f[0] if f else next(new_ids) for f in found]
    fresh = [(rid, *row) for rid, row, f in zip(ids, rows, found) if f is None]
    insert_rows(conn, table, ["id", *columns], fresh, batch)
    rejoin = [f[0] for f in found if f is not None and f[1] is not None]
    for chunk in _chunks(rejoin, 1000):
        conn.execute(update(table).where(table.c.id.in_(chunk)).values(seed_batch=batch))
    return ids
