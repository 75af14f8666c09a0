"""Valid sample rows for any registered table, creating the parents they point at."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Connection

from lib.models import metadata
from lib.registry import REGISTRY
from lib.registry.columns import model_columns

_counter = itertools.count(1)


def sample_value(column: str, info, conn: Connection):
    n = next(_counter)
    if info.fk_table:
        return make_parent(conn, info.fk_table)
    if info.kind == "str":
        text = f"n{n}@example.org" if "email" in column else f"T{n}"
        return text[: info.max_length or 40]
    if info.kind == "int":
        return 1
    if info.kind == "decimal":
        return Decimal("1.00")
    if info.kind == "date":
        return date(2020, 1, 1) + timedelta(days=n)  # distinct, for unique dates; later columns later
    if info.kind == "bool":
        return True
    if info.kind == "enum":
        return list(info.enum_class)[0]
    if info.kind == "float":
        return 1.0
    return None


def make_parent(conn: Connection, table_name: str) -> int:
    """Insert a valid row into `table_name` (directly, as a fixture) and return its id."""
    table = metadata.tables[table_name]
    model = next(m for m in (e.model for e in REGISTRY.values()) if m.__tablename__ == table_name)
    values = {c: sample_value(c, i, conn) for c, i in model_columns(model).items()
              if i.required and c != "id"}
    return conn.execute(table.insert().values(**values).returning(table.c.id)).scalar_one()


def sample_row(conn: Connection, entity) -> dict:
    """Values for every editable required column of the entry (and FKs it needs)."""
    return {c: sample_value(c, entity.columns[c], conn) for c in entity.editable_columns
            if entity.is_required(c)}
