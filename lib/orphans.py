"""Maintenance: objects in storage without a file_attachments row, and rows whose object is gone.

    python -m lib.orphans            # list them
    python -m lib.orphans --clean    # remove them (row removals are audited)

Objects younger than the grace period are left alone: an upload writes its object a moment
before its row, so a brand-new object without a row may simply be an upload in progress.
"""

import argparse
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, select

from lib.audit import record_audit
from lib.auth.identity import SYSTEM, Identity
from lib.auth.permissions import Action, require
from lib.config import get_settings
from lib.documents import KEY_PREFIX
from lib.models import FileAttachment
from lib.models.enums import AuditAction
from lib.storage import Storage, StorageError, StoredObject, get_storage

GRACE = timedelta(minutes=15)


@dataclass
class OrphanReport:
    objects_without_row: list[StoredObject] = field(default_factory=list)
    rows_without_object: list[tuple[int, str, str]] = field(default_factory=list)  # (id, key, original name)
    objects_checked: int = 0
    rows_checked: int = 0

    @property
    def clean(self) -> bool:
        return not self.objects_without_row and not self.rows_without_object


def find_orphans(engine: Engine, who: Identity, storage: Storage | None = None, *,
                 grace: timedelta = GRACE, now: datetime | None = None) -> OrphanReport:
    require(who, Action.VIEW_SYSTEM)
    objects = list((storage or get_storage()).list(KEY_PREFIX))
    with engine.connect() as conn:
        rows = conn.execute(select(FileAttachment.id, FileAttachment.storage_key,
                                   FileAttachment.original_name)).all()
    keys_in_db, keys_stored = {row.storage_key for row in rows}, {obj.key for obj in objects}
    cutoff = (now or datetime.now(UTC)) - grace
    return OrphanReport(
        objects_without_row=[o for o in objects if o.key not in keys_in_db and o.last_modified <= cutoff],
        rows_without_object=[tuple(row) for row in rows if row.storage_key not in keys_stored],
        objects_checked=len(objects), rows_checked=len(rows))


def clean_orphans(engine: Engine, who: Identity, report: OrphanReport, storage: Storage | None = None) -> None:
    """Remove what `find_orphans` reported: the stray objects, and the rows (audited) that point at nothing."""
    require(who, Action.VIEW_SYSTEM)
    storage = storage or get_storage()
    for obj in report.objects_without_row:
        storage.delete(obj.key)
    with engine.begin() as conn:
        for row_id, key, name in report.rows_without_object:
            conn.execute(delete(FileAttachment).where(FileAttachment.id == row_id))
            record_audit(conn, who, AuditAction.DELETE, table="file_attachments", row_id=row_id,
                         before={"storage_key": key, "original_name": name},
                         detail="orphan clean-up: the file was missing from storage")


def _print(report: OrphanReport) -> None:
    print(f"checked {report.objects_checked:,} stored objects and {report.rows_checked:,} attachment rows")
    for obj in report.objects_without_row:
        print(f"object without row: {obj.key} ({obj.size:,} bytes, {obj.last_modified:%Y-%m-%d %H:%M} UTC)")
    for row_id, key, name in report.rows_without_object:
        print(f"row without object: file_attachments #{row_id} {key} ({name!r})")
    print("no orphans" if report.clean else
          f"{len(report.objects_without_row)} objects without a row, {len(report.rows_without_object)} rows without an object")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.orphans", description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the orphans that are listed")
    parser.add_argument("--grace-minutes", type=float, default=GRACE.total_seconds() / 60,
                        help="ignore objects younger than this (uploads in progress); default 15")
    args = parser.parse_args(argv)
    from lib.db import get_engine

    engine = get_engine(get_settings().database_url)
    try:
        report = find_orphans(engine, SYSTEM, grace=timedelta(minutes=args.grace_minutes))
        _print(report)
        if args.clean and not report.clean:
            clean_orphans(engine, SYSTEM, report)
            print("cleaned")
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0 if report.clean or args.clean else 1


if __name__ == "__main__":
    sys.exit(main())
