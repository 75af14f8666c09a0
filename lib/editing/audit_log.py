"""Reading the audit log with filters, and reverting one change (itself audited)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import Engine, func, select

from lib.audit import jsonable
from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.editing.changes import ChangeSet, RowChange
from lib.editing.checks import stored_rows
from lib.editing.save import SaveResult, save_changes
from lib.models import AuditLog
from lib.models.enums import AuditAction
from lib.registry import REGISTRY

REVERTIBLE = (AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE, AuditAction.REVERT)


@dataclass
class AuditFilter:
    user_email: str | None = None
    table: str | None = None
    row_id: int | None = None
    since: date | None = None
    until: date | None = None
    page: int = 1
    page_size: int = 50


class RevertRefused(ValueError):
    """This entry cannot be reverted as is; the message says why."""


def _conditions(f: AuditFilter) -> list:
    conditions = []
    if f.user_email:
        conditions.append(AuditLog.user_email == f.user_email)
    if f.table:
        conditions.append(AuditLog.table_name == f.table)
    if f.row_id is not None:
        conditions.append(AuditLog.row_id == f.row_id)
    if f.since:
        conditions.append(AuditLog.occurred_at >= datetime.combine(f.since, time.min, timezone.utc))
    if f.until:
        conditions.append(AuditLog.occurred_at < datetime.combine(f.until + timedelta(days=1), time.min, timezone.utc))
    return conditions


def audit_entries(engine: Engine, who: Identity, f: AuditFilter) -> tuple[list[dict], int]:
    """(entries of the page, newest first; total matching)."""
    require(who, Action.VIEW_AUDIT)
    table = AuditLog.__table__
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(table).where(*_conditions(f))).scalar_one()
        rows = conn.execute(select(table).where(*_conditions(f)).order_by(table.c.id.desc())
                            .limit(f.page_size).offset((max(1, f.page) - 1) * f.page_size)).mappings()
        return [dict(r) for r in rows], total


def audit_users(engine: Engine, who: Identity) -> list[str]:
    require(who, Action.VIEW_AUDIT)
    with engine.connect() as conn:
        return sorted(e for e in conn.execute(select(AuditLog.user_email).distinct()).scalars() if e)


def _entry(engine: Engine, audit_id: int) -> dict:
    with engine.connect() as conn:
        row = conn.execute(select(AuditLog.__table__).where(AuditLog.id == audit_id)).mappings().first()
    if row is None:
        raise RevertRefused(f"There is no audit entry #{audit_id}.")
    return dict(row)


def _changed_since(entity, current: dict, after: dict) -> list[str]:
    return [entity.label(k) for k, v in (after or {}).items()
            if k in current and str(jsonable(current[k])) != str(v if v is not None else None)
            and not (current[k] is None and v is None)]


def revert_change(engine: Engine, who: Identity, audit_id: int) -> SaveResult:
    """Undo one create, update or delete through the normal save (validated, audited as REVERT)."""
    require(who, Action.VIEW_AUDIT)
    entry = _entry(engine, audit_id)
    entity = REGISTRY.get(entry["table_name"] or "")
    if entity is None or entry["action"] not in REVERTIBLE or entry["row_id"] is None:
        raise RevertRefused("Only creates, updates and deletes of records can be reverted.")
    with engine.connect() as conn:
        current = stored_rows(conn, entity, [entry["row_id"]]).get(entry["row_id"])
    changes = _undo(entity, entry, current)
    return save_changes(engine, who, entity, changes, audit_action=AuditAction.REVERT,
                        detail=f"revert of audit entry #{audit_id}")


def _kind(entry: dict) -> AuditAction:
    """What the entry did; a REVERT is a create, update or delete, told by which values it kept."""
    if entry["action"] != AuditAction.REVERT:
        return entry["action"]
    if entry["before"] and not entry["after"]:
        return AuditAction.DELETE
    return AuditAction.CREATE if entry["after"] and not entry["before"] else AuditAction.UPDATE


def _undo(entity, entry: dict, current: dict | None) -> ChangeSet:
    where = f"#{entry['row_id']}"
    kind = _kind(entry)
    if kind == AuditAction.DELETE:
        if current is not None:
            raise RevertRefused(f"Row {where} exists again; nothing to restore.")
        values = {k: v for k, v in (entry["before"] or {}).items() if k in entity.editable_columns}
        return ChangeSet(inserts=[RowChange(f"Restored {where}", values)])
    if current is None:
        raise RevertRefused(f"Row {where} of {entity.title.lower()} no longer exists, so it cannot be reverted.")
    if kind == AuditAction.CREATE:
        return ChangeSet(deletes=[RowChange(where, {}, entry["row_id"], current["row_version"])])
    if later := _changed_since(entity, current, entry["after"]):
        raise RevertRefused(f"Row {where} was changed again since ({', '.join(later)}); revert the later "
                            "change first, or edit the row on the Records page.")
    values = {k: v for k, v in (entry["before"] or {}).items() if k in entity.editable_columns}
    return ChangeSet(updates=[RowChange(where, values, entry["row_id"], current["row_version"])])
