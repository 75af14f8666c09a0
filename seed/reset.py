"""Removing demo rows without touching real ones.

A demo row that a real row points at (a real dues payment on a demo member, a real attachment on a
demo grievance) cannot go without breaking or deleting the real row. Such rows are KEPT: they stay,
marked KEPT_BATCH, and are reported. Their own demo parents are kept too (a kept member keeps its
demo home location). Audit entries keep their author's email but lose the link to a deleted demo
user. A later reset tries the kept rows again; a later seed re-uses them instead of clashing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, delete, func, inspect, select, update

from lib.models import metadata, seeded_tables
from lib.models.enums import AttachmentEntity

KEPT_BATCH = "kept-by-reset"
ATTACHMENT_TARGETS = {
    AttachmentEntity.MEMBER: "members", AttachmentEntity.STUDENT: "students",
    AttachmentEntity.ORGANIZATION: "organizations", AttachmentEntity.GRANT: "grants",
    AttachmentEntity.GRIEVANCE: "grievances", AttachmentEntity.BENEVOLENCE_APPLICATION: "benevolence_applications",
}


@dataclass
class KeptRows:
    table: str
    count: int
    because_of: list[str]  # the tables whose real rows point at them


@dataclass
class ResetOutcome:
    deleted: dict[str, int] = field(default_factory=dict)
    kept: list[KeptRows] = field(default_factory=list)
    audit_entries_unlinked: int = 0


def _still_there(child: Table, kept: set[int]):
    """Rows of `child` that stay after the reset: real ones, and demo ones that are kept."""
    if "seed_batch" not in child.c:
        return None
    real = child.c.seed_batch.is_(None)
    return real | child.c.id.in_(sorted(kept)) if kept else real


def _edges() -> list[tuple[Table, str, Table]]:
    """(child, column, demo parent) for every foreign key into a table that holds demo rows."""
    seeded = {t.name for t in seeded_tables()}
    return [(t, fk.parent.name, fk.column.table) for t in metadata.sorted_tables if t.name != "audit_logs"
            for fk in t.foreign_keys if fk.column.table.name in seeded]


def _pointed_at(conn: Connection, child: Table, column: str, parent: Table, kept: set[int]) -> set[int]:
    query = (select(child.c[column]).distinct().join(parent, parent.c.id == child.c[column])
             .where(parent.c.seed_batch.is_not(None)))
    condition = _still_there(child, kept)
    return set(conn.execute(query.where(condition) if condition is not None else query).scalars())


def _attachment_targets(conn: Connection, kept: set[int]) -> dict[str, set[int]]:
    attachments = metadata.tables["file_attachments"]
    rows = conn.execute(select(attachments.c.entity_type, attachments.c.entity_id).where(_still_there(attachments, kept)))
    found: dict[str, set[int]] = {}
    for entity, entity_id in rows:
        found.setdefault(ATTACHMENT_TARGETS[AttachmentEntity(entity)], set()).add(entity_id)
    return found


def find_kept(conn: Connection) -> tuple[dict[str, set[int]], dict[str, set[str]]]:
    """Demo rows that real rows point at, directly or through other kept rows (to a fixed point)."""
    kept: dict[str, set[int]] = {t.name: set() for t in seeded_tables()}
    reasons: dict[str, set[str]] = {}
    changed = True
    while changed:
        changed = False
        found = [(parent.name, child.name, _pointed_at(conn, child, column, parent, kept.get(child.name, set())))
                 for child, column, parent in _edges()]
        found += [(table, "file_attachments", ids) for table, ids in
                  _attachment_targets(conn, kept["file_attachments"]).items()]
        for parent, child, ids in found:
            ids = _only_demo(conn, parent, ids - kept[parent])
            if ids:
                kept[parent] |= ids
                reasons.setdefault(parent, set()).add(child)
                changed = True
    return kept, reasons


def _only_demo(conn: Connection, table_name: str, ids: set[int]) -> set[int]:
    if not ids:
        return ids
    table = metadata.tables[table_name]
    return set(conn.execute(select(table.c.id).where(table.c.id.in_(sorted(ids)), table.c.seed_batch.is_not(None))).scalars())


def _unlink_audit(conn: Connection, kept_users: set[int]) -> int:
    users, audit = metadata.tables["users"], metadata.tables["audit_logs"]
    demo_users = select(users.c.id).where(users.c.seed_batch.is_not(None), users.c.id.not_in(sorted(kept_users)))
    return conn.execute(update(audit).where(audit.c.user_id.in_(demo_users)).values(user_id=None)).rowcount


def reset_rows(conn: Connection, progress: Callable[[str], None] | None = None) -> ResetOutcome:
    """Delete every demo row that no real row needs, in one transaction (the caller's)."""
    kept, reasons = find_kept(conn)
    outcome = ResetOutcome(audit_entries_unlinked=_unlink_audit(conn, kept["users"]))
    for table in reversed(seeded_tables()):
        if progress:
            progress(table.name)
        gone = delete(table).where(table.c.seed_batch.is_not(None), table.c.id.not_in(sorted(kept[table.name])))
        outcome.deleted[table.name] = conn.execute(gone).rowcount
        if kept[table.name]:
            conn.execute(update(table).where(table.c.id.in_(sorted(kept[table.name]))).values(seed_batch=KEPT_BATCH))
            outcome.kept.append(KeptRows(table.name, len(kept[table.name]), sorted(reasons.get(table.name, ()))))
    return outcome


def existing_seeded_tables(conn: Connection) -> list[Table]:
    """The seeded tables that exist (a missing one is reported elsewhere, never a crash here)."""
    present = set(inspect(conn).get_table_names())
    return [t for t in seeded_tables() if t.name in present]


def demo_rows_present(conn: Connection) -> bool:
    """True when a seed batch is in the database (rows only kept by a reset do not count)."""
    for table in existing_seeded_tables(conn):
        marked = table.c.seed_batch.is_not(None) & (table.c.seed_batch != KEPT_BATCH)
        if conn.execute(select(func.count()).select_from(select(table.c.id).where(marked).limit(1).subquery())).scalar_one():
            return True
    return False
