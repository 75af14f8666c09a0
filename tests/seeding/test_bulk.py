"""The seed's bulk insert writes text exactly as given on both engines, whatever it contains."""

from sqlalchemy import select

from lib.models import Location
from lib.models.enums import LocationKind
from seed import bulk

TRICKY = ["Hall, north wing", 'The "old" hall', "Line one\nline two", "Carriage\rreturn", "", None, "Plain"]


def test_bulk_insert_keeps_commas_quotes_newlines_and_nulls_and_marks_the_batch(engine):
    # More rows than one COPY read, with the quoted rows in the middle, so both read paths are used.
    many = bulk.STREAM_ROWS * 2 + 7
    rows = [(f"Location {n}", LocationKind.UNION_HALL, TRICKY[n % len(TRICKY)] if n > bulk.STREAM_ROWS else "x")
            for n in range(many)]
    with engine.begin() as conn:
        written = bulk.insert_rows(conn, Location.__table__, ["name", "kind", "address"], iter(rows), "batch-1")
    with engine.connect() as conn:
        stored = conn.execute(select(Location.name, Location.kind, Location.address, Location.seed_batch)
                              .order_by(Location.id)).all()
    assert written == many == len(stored)
    # COPY's csv reads an empty unquoted field as NULL, so "" arrives as NULL on PostgreSQL (as it always has).
    empty = None if engine.dialect.name == "postgresql" else ""
    expected = [(name, kind, empty if address == "" else address, "batch-1") for name, kind, address in rows]
    assert [tuple(r) for r in stored] == expected
