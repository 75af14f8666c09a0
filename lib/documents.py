"""Documents attached to records: upload, list, download and delete, audited, with roles enforced here.

Consistency rule: the object is written first and the row second; if the row cannot be written
the object is removed again, and a delete removes the row first. Whatever a crash leaves behind
is an object without a row, which `lib.orphans` lists and cleans.
"""

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import BinaryIO

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from lib.attachment_targets import TARGETS, like_pattern, record_exists, record_labels
from lib.audit import record_audit
from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.config import get_settings
from lib.db_errors import explain_integrity_error
from lib.filetypes import ReceivedFile, RejectedFile, receive
from lib.models import FileAttachment, User
from lib.models.enums import AttachmentEntity, AuditAction, RoleName
from lib.storage import Storage, StorageError, get_storage

log = logging.getLogger(__name__)
KEY_PREFIX = "attachments/"
DELETE_WINDOW = timedelta(days=1)
LIST_LIMIT = 200


class DocumentError(RuntimeError):
    """A document action failed; str(exc) says what happened in one sentence."""


@dataclass(frozen=True)
class Attachment:
    id: int
    entity_type: AttachmentEntity
    entity_id: int
    record_label: str
    original_name: str
    content_type: str
    size_bytes: int
    sha256: str
    storage_key: str
    uploaded_by_user_id: int | None
    uploaded_by: str  # the uploader's full name
    uploaded_at: datetime


@dataclass(frozen=True)
class UploadResult:
    name: str
    attachment: Attachment | None = None
    error: str | None = None


def new_key(entity: AttachmentEntity, entity_id: int, extension: str) -> str:
    """Generated, never derived from the uploaded name: 'attachments/member/42/<32 hex>.pdf'."""
    return f"{KEY_PREFIX}{entity.value.lower()}/{int(entity_id)}/{uuid.uuid4().hex}{extension}"


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite returns naive UTC


def _max_bytes() -> int:
    return get_settings().max_upload_mb * 1024 * 1024


def _remove_quietly(storage: Storage, key: str) -> None:
    try:
        storage.delete(key)
    except StorageError:
        log.warning("could not remove %s after a failed save; the orphan check will list it", key)


def _db_failure(name: str, exc: SQLAlchemyError) -> DocumentError:
    reason = explain_integrity_error(exc) if isinstance(exc, IntegrityError) else "the database did not answer"
    return DocumentError(f"{name} was not saved because {reason.rstrip('.')}; nothing was kept, please try again.")


def _insert_row(engine: Engine, who: Identity, entity: AttachmentEntity, entity_id: int, key: str,
                file: ReceivedFile) -> int:
    values = dict(entity_type=entity, entity_id=entity_id, storage_key=key, original_name=file.original_name,
                  content_type=file.kind.content_type, size_bytes=file.size, sha256=file.sha256,
                  uploaded_by_user_id=who.id, uploaded_at=datetime.now(UTC))
    with engine.begin() as conn:
        row_id = conn.execute(insert(FileAttachment).values(**values).returning(FileAttachment.id)).scalar_one()
        record_audit(conn, who, AuditAction.UPLOAD, table="file_attachments", row_id=row_id,
                     after={k: v for k, v in values.items() if k != "uploaded_at"})
    return row_id


def _require_record(engine: Engine, entity: AttachmentEntity, entity_id: int) -> None:
    with engine.connect() as conn:
        if not record_exists(conn, entity, entity_id):
            raise DocumentError(f"{TARGETS[entity].title} #{entity_id} does not exist (it may have been deleted).")


def upload_attachment(engine: Engine, who: Identity, entity: AttachmentEntity, entity_id: int,
                      fileobj: BinaryIO, name: str, *, storage: Storage | None = None,
                      max_bytes: int | None = None) -> Attachment:
    """Check, store and record one file; raises RejectedFile, StorageError or DocumentError with the reason."""
    require(who, Action.MANAGE_DOCUMENTS)
    storage = storage or get_storage()
    _require_record(engine, entity, entity_id)
    file = receive(fileobj, name, max_bytes or _max_bytes())
    key = new_key(entity, entity_id, file.kind.extension)
    try:
        storage.put(key, file.data, size=file.size, content_type=file.kind.content_type)
        row_id = _insert_row(engine, who, entity, entity_id, key, file)
    except SQLAlchemyError as exc:
        _remove_quietly(storage, key)
        raise _db_failure(file.original_name, exc) from exc
    finally:
        file.data.close()
    return get_attachment(engine, who, row_id)


def upload_one(engine: Engine, who: Identity, entity: AttachmentEntity, entity_id: int, fileobj: BinaryIO,
               name: str, *, storage: Storage | None = None) -> UploadResult:
    """Like upload_attachment, but a refusal or failure comes back as the result's error instead of raising."""
    try:
        return UploadResult(name, upload_attachment(engine, who, entity, entity_id, fileobj, name, storage=storage))
    except (RejectedFile, StorageError, DocumentError) as exc:
        return UploadResult(name, error=str(exc))


def upload_attachments(engine: Engine, who: Identity, entity: AttachmentEntity, entity_id: int,
                       files: Iterable[tuple[str, BinaryIO]], *, storage: Storage | None = None,
                       progress: Callable[[int, int, str], None] | None = None) -> list[UploadResult]:
    """Upload several files; each succeeds or fails on its own, with its reason."""
    files, results = list(files), []
    for number, (name, fileobj) in enumerate(files, start=1):
        if progress:
            progress(number, len(files), name)
        results.append(upload_one(engine, who, entity, entity_id, fileobj, name, storage=storage))
    return results


def _list_query():
    return select(*FileAttachment.__table__.c, User.full_name.label("uploader_name")).outerjoin(
        User, User.id == FileAttachment.uploaded_by_user_id)


def _to_attachments(conn, rows) -> list[Attachment]:
    labels: dict[AttachmentEntity, dict[int, str]] = {}
    for entity in {row.entity_type for row in rows}:
        ids = [row.entity_id for row in rows if row.entity_type == entity]
        labels[entity] = record_labels(conn, entity, ids)
    return [_attachment(row, labels) for row in rows]


def _attachment(row, labels: dict) -> Attachment:
    title = TARGETS[row.entity_type].title
    label = labels.get(row.entity_type, {}).get(row.entity_id, f"{title} #{row.entity_id} (deleted)")
    return Attachment(row.id, row.entity_type, row.entity_id, label, row.original_name, row.content_type,
                      row.size_bytes, row.sha256, row.storage_key, row.uploaded_by_user_id,
                      row.uploader_name or "System", _utc(row.uploaded_at))


def list_attachments(engine: Engine, who: Identity, *, entity: AttachmentEntity | None = None,
                     entity_id: int | None = None, name_contains: str = "", limit: int = LIST_LIMIT) -> list[Attachment]:
    """Newest first; filtered by kind of record, one record, and words in the file name."""
    require(who, Action.VIEW_DOCUMENTS)
    query = _list_query()
    if entity is not None:
        query = query.where(FileAttachment.entity_type == entity)
    if entity_id is not None:
        query = query.where(FileAttachment.entity_id == entity_id)
    for word in name_contains.split():
        query = query.where(FileAttachment.original_name.ilike(like_pattern(word), escape="\\"))
    query = query.order_by(FileAttachment.uploaded_at.desc(), FileAttachment.id.desc()).limit(limit)
    with engine.connect() as conn:
        return _to_attachments(conn, conn.execute(query).all())


def get_attachment(engine: Engine, who: Identity, attachment_id: int) -> Attachment:
    require(who, Action.VIEW_DOCUMENTS)
    with engine.connect() as conn:
        rows = conn.execute(_list_query().where(FileAttachment.id == attachment_id)).all()
        if not rows:
            raise DocumentError(f"Document #{attachment_id} does not exist (it may have been deleted).")
        return _to_attachments(conn, rows)[0]


def read_attachment(engine: Engine, who: Identity, attachment_id: int, *,
                    storage: Storage | None = None) -> tuple[Attachment, BinaryIO]:
    """The attachment and a stream of its bytes (the caller closes it); the download is audited."""
    attachment = get_attachment(engine, who, attachment_id)
    stream = (storage or get_storage()).open(attachment.storage_key)
    with engine.begin() as conn:
        record_audit(conn, who, AuditAction.DOWNLOAD, table="file_attachments", row_id=attachment.id,
                     detail=attachment.original_name)
    return attachment, stream


def can_delete(who: Identity, attachment: Attachment, now: datetime | None = None) -> bool:
    """Admins always; the uploader within a day of the upload (to correct a mistake)."""
    if RoleName.ADMIN in who.roles:
        return True
    recent = (now or datetime.now(UTC)) - attachment.uploaded_at <= DELETE_WINDOW
    return who.id is not None and who.id == attachment.uploaded_by_user_id and recent


def delete_attachment(engine: Engine, who: Identity, attachment_id: int, *, storage: Storage | None = None) -> None:
    """Remove the row (audited) then the object; an object left by a failure is found by the orphan check."""
    require(who, Action.MANAGE_DOCUMENTS)
    attachment = get_attachment(engine, who, attachment_id)
    if not can_delete(who, attachment):
        raise DocumentError("Only an admin, or the person who uploaded it within the last day, may delete "
                            f"{attachment.original_name}.")
    with engine.begin() as conn:
        conn.execute(delete(FileAttachment).where(FileAttachment.id == attachment_id))
        record_audit(conn, who, AuditAction.DELETE, table="file_attachments", row_id=attachment_id,
                     before={"entity_type": attachment.entity_type, "entity_id": attachment.entity_id,
                             "original_name": attachment.original_name, "storage_key": attachment.storage_key,
                             "sha256": attachment.sha256, "size_bytes": attachment.size_bytes})
    _remove_quietly(storage or get_storage(), attachment.storage_key)
