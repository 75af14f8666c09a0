"""The audit log: who did what to which row, with before and after values."""

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert

from lib.auth.identity import Identity
from lib.models import AuditLog
from lib.models.enums import AuditAction


def jsonable(value: Any) -> Any:
    """Dates, decimals and enums as JSON-safe text, so before/after survive both engines."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):
        return value.value
    return value


def _clean(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return json.loads(json.dumps({k: jsonable(v) for k, v in values.items()}, default=str))


def record_audit(conn: Connection, who: Identity | None, action: AuditAction, *, table: str | None = None,
                 row_id: int | None = None, before: dict | None = None, after: dict | None = None,
                 detail: str | None = None) -> None:
    """Write one audit row inside the caller's transaction (so it commits or rolls back with the change)."""
    conn.execute(insert(AuditLog).values(
        occurred_at=datetime.now(UTC), user_id=who.id if who else None,
        user_email=who.email if who else None, action=action, table_name=table, row_id=row_id,
        before=_clean(before), after=_clean(after), detail=detail,
    ))


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict, dict]:
    """Only the fields whose value changed, as (before, after)."""
    keys = [k for k in after if jsonable(before.get(k)) != jsonable(after.get(k))]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}
