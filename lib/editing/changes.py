"""A change set: the inserts, updates and deletes one Save (or one import) asks for."""

from dataclasses import dataclass, field
from typing import Any

from lib.audit import jsonable
from lib.editing.values import is_blank


@dataclass
class RowChange:
    position: str                 # how the person finds the row: "Row 3", "Line 7"
    values: dict[str, Any] = field(default_factory=dict)  # updates: only changed fields
    row_id: int | None = None
    version: int | None = None    # the row_version the person loaded (None for inserts)


@dataclass
class ChangeSet:
    inserts: list[RowChange] = field(default_factory=list)
    updates: list[RowChange] = field(default_factory=list)
    deletes: list[RowChange] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.inserts or self.updates or self.deletes)

    def summary(self) -> str:
        parts = [f"{len(rows):,} {word}" for rows, word in (
            (self.inserts, "new"), (self.updates, "changed"), (self.deletes, "deleted")) if rows]
        return ", ".join(parts) or "no changes"


def _same(a: Any, b: Any) -> bool:
    if is_blank(a) and is_blank(b):
        return True
    if is_blank(a) or is_blank(b):
        return False
    left, right = jsonable(a), jsonable(b)
    if isinstance(left, (int, float)) or isinstance(right, (int, float)):
        try:
            return float(left) == float(right)
        except (TypeError, ValueError):
            return False
    return str(left)[:10] == str(right)[:10] if _looks_like_dates(left, right) else str(left) == str(right)


def _looks_like_dates(a: Any, b: Any) -> bool:
    # A date cell comes back from the grid as a timestamp ("2026-03-03T00:00:00").
    return all(isinstance(x, str) and len(x) >= 10 and x[4:5] == "-" and x[7:8] == "-" for x in (a, b))


def diff_records(original: list[dict], edited: list[dict], columns: tuple[str, ...],
                 versions: dict[int, int]) -> ChangeSet:
    """Compare the rows as loaded with the rows as edited (matched on "id")."""
    changes = ChangeSet()
    by_id = {row["id"]: row for row in original}
    seen = set()
    for number, row in enumerate(edited, start=1):
        row_id = None if is_blank(row.get("id")) else int(row["id"])
        if row_id is None:
            values = {c: row.get(c) for c in columns if not is_blank(row.get(c))}
            if values:
                changes.inserts.append(RowChange(f"New row {len(changes.inserts) + 1}", values))
            continue
        seen.add(row_id)
        old = by_id.get(row_id, {})
        delta = {c: row.get(c) for c in columns if c in row and not _same(old.get(c), row.get(c))}
        if delta:
            changes.updates.append(RowChange(f"Row {number} (#{row_id})", delta, row_id,
                                             versions.get(row_id)))
    for row_id in by_id:
        if row_id not in seen:
            changes.deletes.append(RowChange(f"#{row_id}", {}, row_id, versions.get(row_id)))
    return changes
