"""Save a change set in one transaction: all of it or nothing, validated, checked, audited."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from lib.audit import changed_fields, record_audit
from lib.auth.identity import Identity
from lib.db_errors import explain_integrity_error
from lib.editing.changes import ChangeSet, RowChange
from lib.editing.checks import (
    check_foreign_keys, check_references_before_delete, check_unique, stored_rows,
)
from lib.editing.validate import validate_row
from lib.models.enums import AuditAction
from lib.registry import Entity, require_entity


@dataclass
class RowProblem:
    position: str
    column: str | None
    reason: str
    label: str = ""


@dataclass
class Conflict:
    position: str
    row_id: int
    mine: dict[str, Any]
    theirs: dict[str, Any] | None  # None: someone deleted the row


@dataclass
class SaveResult:
    problems: list[RowProblem] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)
    deleted: int = 0

    @property
    def updated(self) -> int:
        return len(self.updated_ids)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.conflicts

    def summary(self) -> str:
        return (f"Saved: {len(self.inserted):,} added, {self.updated:,} changed, "
                f"{self.deleted:,} deleted.")


class _Abort(Exception):
    """Roll the transaction back; the result already says why."""


@dataclass
class _How:
    who: Identity
    entity: type[Entity]
    audit_action: AuditAction | None  # e.g. REVERT instead of CREATE/UPDATE/DELETE
    detail: str | None

    def audit(self, conn, action: AuditAction, row_id: int, **values) -> None:
        record_audit(conn, self.who, self.audit_action or action, table=self.entity.table_name,
                     row_id=row_id, detail=self.detail, **values)


def _require_all(who: Identity, entity: type[Entity], changes: ChangeSet) -> None:
    for rows, operation in ((changes.inserts, "create"), (changes.updates, "edit"),
                            (changes.deletes, "delete")):
        if rows:
            require_entity(who, entity, operation)


def _load_and_check_versions(conn, who, entity, changes, result) -> dict[int, dict]:
    """The stored rows being changed; a conflict for each changed or deleted since it was loaded."""
    wanted = [c for c in changes.updates + changes.deletes]
    stored = stored_rows(conn, entity, [c.row_id for c in wanted])
    visible = stored_rows(conn, entity, [c.row_id for c in wanted], who=who)
    for change in wanted:
        current = stored.get(change.row_id)
        if current is not None and change.row_id not in visible:
            result.problems.append(RowProblem(change.position, None, "is not a row you may change"))
        elif current is None or (change.version is not None and current["row_version"] != change.version):
            result.conflicts.append(Conflict(change.position, change.row_id, change.values, current))
    return stored


def _validate(conn, who, entity, changes, stored, result) -> list[tuple[RowChange, dict, dict | None]]:
    """Every row checked; returns (change, clean values, stored row or None) for the writes."""
    planned = []
    for change, operation in [(c, "create") for c in changes.inserts] + [(c, "edit") for c in changes.updates]:
        old = stored.get(change.row_id) if change.row_id is not None else None
        if operation == "edit" and old is None:
            continue  # already reported as a conflict
        clean, problems = validate_row(entity, change.values, old)
        problems += entity.before_save(conn, who, operation, clean, old)
        result.problems += [RowProblem(change.position, col, why) for col, why in problems]
        planned.append((change, clean, old))
    rows = [(c.position, {**(old or {}), **clean}, c.row_id) for c, clean, old in planned]
    result.problems += [RowProblem(*p) for p in check_foreign_keys(conn, entity, rows)]
    result.problems += [RowProblem(*p) for p in check_unique(conn, entity, rows)]
    deleting = [(c.position, c.row_id) for c in changes.deletes if c.row_id in stored]
    result.problems += [RowProblem(*p) for p in check_references_before_delete(conn, entity, deleting)]
    return planned


def _write(conn, how, changes, planned, stored, result) -> None:
    table = how.entity.model.__table__
    for change in changes.deletes:
        conn.execute(delete(table).where(table.c.id == change.row_id))
        how.audit(conn, AuditAction.DELETE, change.row_id, before=_public(stored[change.row_id]))
        result.deleted += 1
    for change, clean, old in planned:
        if old is None:
            _insert(conn, how, clean, result)
        else:
            _update(conn, how, change, clean, old, result)


def _public(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("created_at", "updated_at", "row_version")}


def _insert(conn, how, clean, result) -> None:
    table = how.entity.model.__table__
    values = {k: v for k, v in clean.items() if v is not None}
    row_id = conn.execute(table.insert().values(**values).returning(table.c.id)).scalar_one()
    how.audit(conn, AuditAction.CREATE, row_id, after=values)
    how.entity.after_save(conn, how.who, "create", row_id, values)
    result.inserted.append(row_id)


def _update(conn, how, change, clean, old, result) -> None:
    entity = how.entity
    before, after = changed_fields(old, clean)
    if not after:
        return
    table = entity.model.__table__
    done = conn.execute(update(table).where(table.c.id == change.row_id,
                                            table.c.row_version == old["row_version"])
                        .values(**after, row_version=table.c.row_version + 1))
    if done.rowcount != 1:  # changed by someone between our read and our write
        current = stored_rows(conn, entity, [change.row_id]).get(change.row_id)
        result.conflicts.append(Conflict(change.position, change.row_id, change.values, current))
        raise _Abort
    how.audit(conn, AuditAction.UPDATE, change.row_id, before=before, after=after)
    entity.after_save(conn, how.who, "edit", change.row_id, after)
    result.updated_ids.append(change.row_id)


def _check_scope_after(conn, who, entity, result) -> None:
    """An instructor may not move a row out of, or create one outside, their own cohorts."""
    scope = entity.row_filter(who)
    touched = result.inserted + result.updated_ids
    if scope is None or not touched:
        return
    table = entity.model.__table__
    inside = conn.execute(select(func.count()).select_from(table)
                          .where(table.c.id.in_(touched), scope)).scalar_one()
    if inside != len(touched):
        result.problems.append(RowProblem("", None, "some rows are outside the cohorts you teach"))
        raise _Abort


def save_changes(engine: Engine | Connection, who: Identity, entity: type[Entity], changes: ChangeSet, *,
                 dry_run: bool = False, audit_action: AuditAction | None = None,
                 detail: str | None = None) -> SaveResult:
    """Write every change or none. Problems and conflicts come back in the result, never half-saved.

    dry_run: do everything, then roll back (the import preview uses it to check each line).
    """
    _require_all(who, entity, changes)
    result = SaveResult()
    if changes.is_empty():
        return result
    conn = engine.connect() if isinstance(engine, Engine) else engine
    try:
        with conn.begin() if isinstance(engine, Engine) else conn.begin_nested():
            _save_in_transaction(conn, _How(who, entity, audit_action, detail), changes, result)
            if dry_run:
                raise _Abort
    except _Abort:
        result.inserted, result.updated_ids, result.deleted = [], [], 0
    except IntegrityError as exc:
        result.problems.append(RowProblem("", None, explain_integrity_error(exc)))
        result.inserted, result.updated_ids, result.deleted = [], [], 0
    finally:
        if isinstance(engine, Engine):
            conn.close()
    return result


def _save_in_transaction(conn, how: _How, changes, result) -> None:
    stored = _load_and_check_versions(conn, how.who, how.entity, changes, result)
    planned = _validate(conn, how.who, how.entity, changes, stored, result)
    if not result.ok:
        raise _Abort
    _write(conn, how, changes, planned, stored, result)
    _check_scope_after(conn, how.who, how.entity, result)
