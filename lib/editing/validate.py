"""Server-side validation of one row against its model and registry entry (no database)."""

from typing import Any

from lib.editing.values import CellError, coerce
from lib.registry.base import Entity

Problem = tuple[str, str]  # (column, reason)


def clean_values(entity: type[Entity], values: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Each given editable value in its column's type, and a reason for each that is not."""
    clean, problems = {}, []
    for column, value in values.items():
        if column not in entity.editable_columns:
            problems.append((column, "cannot be changed here"))
            continue
        try:
            clean[column] = entity.normalize(column, coerce(entity.columns[column], value,
                                                            signed=column in entity.signed_columns))
        except CellError as exc:
            problems.append((column, str(exc)))
    return clean, problems


def check_whole_row(entity: type[Entity], row: dict[str, Any], *, inserting: bool) -> list[Problem]:
    """Rules over the full row: required fields, dates in order, the entry's own rules."""
    problems = []
    for column in entity.editable_columns:
        if entity.is_required(column) and row.get(column) is None:
            if inserting or column in row:
                problems.append((column, "is required"))
    for earlier, later in entity.date_order:
        first, second = row.get(earlier), row.get(later)
        if first is not None and second is not None and second < first:
            problems.append((later, f"{entity.label(later)} ({second:%b %-d, %Y}) is before "
                                    f"{entity.label(earlier)} ({first:%b %-d, %Y})"))
    return problems + list(entity.check_row(row))


def validate_row(entity: type[Entity], values: dict[str, Any], old: dict[str, Any] | None = None
                 ) -> tuple[dict[str, Any], list[Problem]]:
    """(clean changed values, problems). `old` is the stored row for an update, None for an insert."""
    clean, problems = clean_values(entity, values)
    bad = {column for column, _ in problems}
    merged = {**(old or {}), **clean}
    whole = [p for p in check_whole_row(entity, merged, inserting=old is None) if p[0] not in bad]
    return clean, problems + whole
