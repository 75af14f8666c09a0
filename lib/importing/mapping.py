"""Which file column goes to which table column, and FK cells written as names or natural keys."""

import re

from sqlalchemy import Connection, func, select

from lib.editing.listing import labels_for
from lib.editing.values import is_blank
from lib.models import metadata
from lib.registry import REGISTRY, Entity

LABEL_LOOKUP_LIMIT = 5000  # above this, FK cells must hold an id or the target's natural key


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9#]+", "_", text.strip().lower()).strip("_")


def auto_mapping(entity: type[Entity], headers: list[str]) -> dict[str, str | None]:
    """Each header's table column (by name or label, ignoring case and punctuation), None if unknown."""
    targets = {}
    for column in ("id", *entity.editable_columns):
        for spelling in (column, entity.label(column), column.removesuffix("_id")):
            targets.setdefault(_norm(spelling), column)
    mapping, used = {}, set()
    for header in headers:
        column = targets.get(_norm(header))
        mapping[header] = column if column not in used else None
        used.add(column)
    return mapping


def missing_required(entity: type[Entity], mapping: dict[str, str | None]) -> list[str]:
    mapped = set(mapping.values())
    return [c for c in entity.editable_columns if entity.is_required(c) and c not in mapped]


class ForeignKeyResolver:
    """Turns an FK cell ('12', 'L46-10028', 'Union Hall') into an id, or says it is unknown."""

    def __init__(self, conn: Connection, entity: type[Entity], column: str, cells: list):
        self.target = REGISTRY.get(entity.columns[column].fk_table)
        self.table = metadata.tables[entity.columns[column].fk_table]
        texts = {str(c).strip() for c in cells if not is_blank(c)}
        self.by_text = self._by_key(conn, texts) | self._by_label(conn)

    def _by_key(self, conn, texts) -> dict[str, int]:
        key = self.target.natural_key if self.target else ()
        if len(key) != 1 or not texts:
            return {}
        column = self.table.c[key[0]]
        found = {}
        wanted = sorted(texts)
        for start in range(0, len(wanted), 500):
            rows = conn.execute(select(column, self.table.c.id).where(column.in_(wanted[start:start + 500])))
            found.update({str(getattr(k, "value", k)): i for k, i in rows})
        return found

    def _by_label(self, conn) -> dict[str, int]:
        if conn.execute(select(func.count()).select_from(self.table)).scalar_one() > LABEL_LOOKUP_LIMIT:
            return {}
        ids = set(conn.execute(select(self.table.c.id)).scalars())
        return {label: i for i, label in labels_for(conn, self.table.name, ids).items()}

    def resolve(self, cell):
        if is_blank(cell):
            return None
        text = str(cell).strip()
        if text in self.by_text:
            return self.by_text[text]
        if re.fullmatch(r"#?\d+", text):
            return int(text.lstrip("#"))  # an id: its existence is checked with the other FKs
        what = self.target.title if self.target else self.table.name
        raise LookupError(f"{text!r} matches nothing in {what} (give its name, its key or its #id)")
