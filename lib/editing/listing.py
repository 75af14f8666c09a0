"""Read one page of a registered table: search, filters, sort, server-side pagination, FK labels."""

import math
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, String, cast, func, literal_column, or_, select

from lib.auth.identity import Identity
from lib.models import metadata
from lib.registry import REGISTRY, Entity, require_entity

FK_CHOICES_LIMIT = 500  # above this a select box is unusable: the id is typed and the name shown


@dataclass
class PageRequest:
    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)  # column -> exact value
    sort: tuple[str, bool] | None = None                    # (column, descending)
    page: int = 1
    page_size: int = 50


@dataclass
class Page:
    rows: list[dict]
    total: int
    request: PageRequest

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.request.page_size))

    def caption(self) -> str:
        if not self.total:
            return "No rows match."
        first = (self.request.page - 1) * self.request.page_size + 1
        return f"Showing {first:,}–{first + len(self.rows) - 1:,} of {self.total:,}"


def _search(entity: type[Entity], term: str, dialect: str):
    """Plain LIKE on SQLite (already case-insensitive, far cheaper than lower() per cell); on PostgreSQL
    lower(col) LIKE, which measured 2.5x faster than ILIKE at 100,000 members (ILIKE folds per character)."""
    table = entity.model.__table__
    pattern = f"%{term.replace('%', '').replace('_', '')}%"
    columns = [table.c[c] if entity.columns[c].kind == "str" else cast(table.c[c], String)
               for c in entity.search_columns]
    if dialect == "sqlite":
        return or_(*[c.like(pattern) for c in columns])
    return or_(*[func.lower(c).like(pattern.lower()) for c in columns])


def _conditions(entity: type[Entity], who: Identity, request: PageRequest, dialect: str = "sqlite") -> list:
    table = entity.model.__table__
    conditions = []
    scope = entity.row_filter(who)
    if scope is not None:
        conditions.append(scope)
    term = request.search.strip()
    if term and entity.search_columns:
        conditions.append(_search(entity, term, dialect))
    for column, value in request.filters.items():
        if column in entity.columns and value is not None:
            conditions.append(table.c[column] == value)
    return conditions


def _order(table, column: str, descending: bool, *, searching: bool, dialect: str):
    expression = table.c[column]
    if searching and dialect == "sqlite":
        # A search matches few rows: sorting them beats walking the sort index over every row.
        expression = literal_column(f"+{table.name}.{column}")
    return expression.desc() if descending else expression.asc()


def list_rows(engine: Engine, who: Identity, entity: type[Entity], request: PageRequest) -> Page:
    """The rows of one page and the total count (one table, no joins: no cartesian product)."""
    require_entity(who, entity, "view")
    table = entity.model.__table__
    conditions = _conditions(entity, who, request, engine.dialect.name)
    column, descending = request.sort or entity.default_sort
    order = _order(table, column, descending, searching=bool(request.search.strip()), dialect=engine.dialect.name)
    offset = (max(1, request.page) - 1) * request.page_size
    searching = bool(request.search.strip())
    # A search scans the table once: the count rides along as a window, instead of a second scan.
    columns = [table, func.count().over().label("_total")] if searching else [table]
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(*columns).where(*conditions).order_by(order, table.c.id)
            .limit(request.page_size).offset(offset)).mappings()]
        if searching and rows:
            total = rows[0]["_total"]
        else:
            total = conn.execute(select(func.count()).select_from(table).where(*conditions)).scalar_one()
    return Page([{k: v for k, v in r.items() if k != "_total"} for r in rows], total, request)


def count_rows(engine: Engine, who: Identity, entity: type[Entity], request: PageRequest) -> int:
    require_entity(who, entity, "view")
    table = entity.model.__table__
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)
                            .where(*_conditions(entity, who, request, engine.dialect.name))).scalar_one()


def iter_all_rows(engine: Engine, who: Identity, entity: type[Entity], request: PageRequest,
                  batch: int = 5000):
    """Every row of the filtered view in batches (for export), keyset-paginated on id."""
    require_entity(who, entity, "view")
    table = entity.model.__table__
    conditions = _conditions(entity, who, request, engine.dialect.name)
    last_id = 0
    with engine.connect() as conn:
        while True:
            rows = [dict(r) for r in conn.execute(select(table).where(*conditions, table.c.id > last_id)
                                                  .order_by(table.c.id).limit(batch)).mappings()]
            if not rows:
                return
            yield rows
            last_id = rows[-1]["id"]


def labels_for(conn: Connection, fk_table: str, ids: set[int]) -> dict[int, str]:
    """How the rows with these ids read (for FK cells), e.g. 'Ruiz, Ana (A100)'."""
    entity = REGISTRY.get(fk_table)
    table = metadata.tables[fk_table]
    cols = [table.c.id] + [table.c[c] for c in (entity.label_columns() if entity else ()) if c != "id"]
    found: dict[int, str] = {}
    wanted = sorted(i for i in ids if i is not None)
    for start in range(0, len(wanted), 500):
        for row in conn.execute(select(*cols).where(table.c.id.in_(wanted[start:start + 500]))).mappings():
            found[row["id"]] = entity.row_label(dict(row)) if entity else f"#{row['id']}"
    return found


def page_labels(engine: Engine, entity: type[Entity], rows: list[dict]) -> dict[str, dict[int, str]]:
    """For each FK column of the entry, the labels of the ids on this page."""
    labels = {}
    with engine.connect() as conn:
        for column, info in entity.columns.items():
            if info.fk_table and column in entity.list_columns:
                labels[column] = labels_for(conn, info.fk_table, {r.get(column) for r in rows})
    return labels


def fk_choices(engine: Engine, who: Identity, entity: type[Entity], column: str) -> dict[int, str] | None:
    """Every row the FK may point at, as {id: unique label}; None when there are too many to list."""
    target = REGISTRY.get(entity.columns[column].fk_table)
    table = metadata.tables[entity.columns[column].fk_table]
    scope = target.row_filter(who) if target else None
    conditions = [scope] if scope is not None else []
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(table).where(*conditions)).scalar_one()
        if count > FK_CHOICES_LIMIT:
            return None
        ids = set(conn.execute(select(table.c.id).where(*conditions)).scalars())
        labels = labels_for(conn, table.name, ids)
    return unique_labels(labels)


def unique_labels(labels: dict[int, str]) -> dict[int, str]:
    """Labels that two rows share get their id appended, so a label maps back to one row."""
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {i: (f"{label} · #{i}" if seen[label] > 1 else label) for i, label in sorted(labels.items(), key=lambda kv: kv[1])}


def search_rows(engine: Engine, who: Identity, table_name: str, term: str, limit: int = 20) -> dict[int, str]:
    """Rows of a table whose search columns contain the term (for 'find a member' boxes)."""
    entity = REGISTRY[table_name]
    page = list_rows(engine, who, entity, PageRequest(search=term, page_size=limit))
    return unique_labels({r["id"]: entity.row_label(r) for r in page.rows})
