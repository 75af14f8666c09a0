"""Checks that need the database: stored rows, foreign keys, unique keys, rows still referenced."""

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, tuple_

from lib.auth.identity import Identity
from lib.models import metadata
from lib.registry.base import REGISTRY, Entity

CHUNK = 500
Located = tuple[str, str | None, str]  # (position, column, reason)


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def stored_rows(conn: Connection, entity: type[Entity], ids: list[int],
                who: Identity | None = None) -> dict[int, dict]:
    """The stored rows with these ids (only those `who` may see, when given)."""
    table = entity.model.__table__
    scope = entity.row_filter(who) if who is not None else None
    found = {}
    for chunk in _chunks(sorted({i for i in ids if i is not None})):
        query = select(table).where(table.c.id.in_(chunk))
        if scope is not None:
            query = query.where(scope)
        found.update({row["id"]: dict(row) for row in conn.execute(query).mappings()})
    return found


def check_foreign_keys(conn: Connection, entity: type[Entity],
                       rows: list[tuple[str, dict, int | None]]) -> list[Located]:
    """A reason for each row that points at a record that does not exist."""
    problems = []
    for column, info in entity.columns.items():
        if not info.fk_table or column not in entity.editable_columns:
            continue
        wanted = {row[column] for _, row, _ in rows if row.get(column) is not None}
        target = metadata.tables[info.fk_table]
        existing = set()
        for chunk in _chunks(sorted(wanted)):
            existing |= set(conn.execute(select(target.c.id).where(target.c.id.in_(chunk))).scalars())
        problems += [(pos, column, f"{entity.label(column)} #{row[column]} does not exist")
                     for pos, row, _ in rows if row.get(column) is not None and row[column] not in existing]
    return problems


def _key_text(entity: type[Entity], key: tuple[str, ...], values: tuple) -> str:
    return ", ".join(f"{entity.label(c)} {str(getattr(v, 'value', v))!r}" for c, v in zip(key, values))


def check_unique(conn: Connection, entity: type[Entity],
                 rows: list[tuple[str, dict, int | None]]) -> list[Located]:
    """A reason for each row whose unique key repeats in the batch or is used by another row."""
    problems = []
    for key in entity.unique_keys():
        keyed = [(pos, tuple(row.get(c) for c in key), row_id) for pos, row, row_id in rows
                 if all(row.get(c) is not None for c in key)]
        counts = Counter(values for _, values, _ in keyed)
        problems += [(pos, key[-1], f"{_key_text(entity, key, values)} appears more than once in this save")
                     for pos, values, _ in keyed if counts[values] > 1]
        problems += _used_elsewhere(conn, entity, key, keyed)
    return problems


def _used_elsewhere(conn, entity, key, keyed) -> list[Located]:
    table = entity.model.__table__
    label_cols = [table.c[c] for c in entity.label_columns()] + [table.c.id]
    holders: dict[tuple, dict] = {}
    for chunk in _chunks([values for _, values, _ in keyed]):
        if len(key) == 1:
            match = table.c[key[0]].in_([v[0] for v in chunk])
        else:
            match = tuple_(*[table.c[c] for c in key]).in_(chunk) if conn.dialect.name == "postgresql" \
                else or_(*[and_(*[table.c[c] == v for c, v in zip(key, values)]) for values in chunk])
        query = select(*{c.name: c for c in [*label_cols, *[table.c[c] for c in key]]}.values()).where(match)
        for row in conn.execute(query).mappings():
            holders[tuple(_plain(row[c]) for c in key)] = dict(row)
    problems = []
    for pos, values, row_id in keyed:
        holder = holders.get(tuple(_plain(v) for v in values))
        if holder is not None and holder["id"] != row_id:
            problems.append((pos, key[-1], f"{_key_text(entity, key, values)} is already used by "
                                           f"#{holder['id']} {entity.row_label(holder)}"))
    return problems


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)


def check_references_before_delete(conn: Connection, entity: type[Entity],
                                   deleting: list[tuple[str, int]]) -> list[Located]:
    """A reason for each row that other records still point at (nothing cascades)."""
    if not deleting:
        return []
    ids = [row_id for _, row_id in deleting]
    pointing: dict[int, list[str]] = defaultdict(list)
    for table in metadata.sorted_tables:
        for column in table.columns:
            if not any(fk.column.table.name == entity.table_name for fk in column.foreign_keys):
                continue
            for chunk in _chunks(ids):
                query = (select(column, func.count()).where(column.in_(chunk)).group_by(column))
                for row_id, count in conn.execute(query):
                    name = REGISTRY[table.name].title.lower() if table.name in REGISTRY else table.name
                    pointing[row_id].append(f"{count:,} {name}")
    return [(pos, None, f"cannot be deleted: {', '.join(pointing[row_id])} still point at it; "
                        "change or delete those first") for pos, row_id in deleting if row_id in pointing]
