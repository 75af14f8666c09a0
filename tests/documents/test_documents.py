"""Upload, list, download and delete attachments on both engines and both storage backends."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.documents import (
    DocumentError, delete_attachment, list_attachments, read_attachment, upload_attachment, upload_attachments,
)
from lib.filetypes import RejectedFile
from lib.models import AuditLog, FileAttachment
from lib.models.enums import AttachmentEntity as E, AuditAction, RoleName
from lib.storage import ObjectMissing, UnavailableStorage
from tests.documents.conftest import add_user

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 100


def _stored_keys(storage) -> set[str]:
    return {obj.key for obj in storage.list("attachments/")}


def test_round_trip_keeps_bytes_and_metadata(engine, storage, staff, records):
    saved = upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "Contract 2026.pdf",
                              storage=storage)
    assert (saved.original_name, saved.content_type, saved.size_bytes) == ("Contract 2026.pdf", "application/pdf", len(PDF))
    assert (saved.record_label, saved.uploaded_by) == ("Parks-Nguyen, Rosa · card 460001", "Staff")
    assert saved.storage_key.startswith(f"attachments/member/{records[E.MEMBER]}/") and saved.storage_key.endswith(".pdf")

    attachment, stream = read_attachment(engine, staff, saved.id, storage=storage)
    with stream:
        assert stream.read() == PDF
    assert attachment == saved
    with engine.connect() as conn:
        actions = conn.execute(select(AuditLog.action, AuditLog.row_id).order_by(AuditLog.id)).all()
    assert actions == [(AuditAction.UPLOAD, saved.id), (AuditAction.DOWNLOAD, saved.id)]


def test_every_kind_of_record_takes_attachments_and_lists_filter(engine, local_storage, staff, records):
    for entity, row_id in records.items():
        upload_attachment(engine, staff, entity, row_id, io.BytesIO(b"note for " + entity.value.encode()),
                          f"{entity.value.lower()} notes.txt", storage=local_storage)
    everything = list_attachments(engine, staff)
    assert len(everything) == 6 and len(_stored_keys(local_storage)) == 6
    labels = {a.entity_type: a.record_label for a in everything}
    assert labels[E.GRIEVANCE] == "GR-26-001 · Parks-Nguyen, Rosa"
    assert labels[E.BENEVOLENCE_APPLICATION].endswith("Parks-Nguyen, Rosa · Mar 3, 2026")
    assert labels[E.GRANT] == "WA-2026-01 · Pathways"

    grants = list_attachments(engine, staff, entity=E.GRANT, entity_id=records[E.GRANT])
    assert [a.original_name for a in grants] == ["grant notes.txt"]
    assert [a.entity_type for a in list_attachments(engine, staff, name_contains="BENEVOLENCE")] == [E.BENEVOLENCE_APPLICATION]
    assert list_attachments(engine, staff, name_contains="100%_") == []


def test_hostile_names_are_harmless(engine, storage, staff, records):
    for name in ("../../etc/passwd.txt", "a/b\\c.pdf"):
        content = PDF if name.endswith(".pdf") else b"root:x:0:0"
        saved = upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(content), name, storage=storage)
        assert ".." not in saved.storage_key and "passwd" not in saved.storage_key and "\\" not in saved.storage_key
    assert {a.original_name for a in list_attachments(engine, staff)} == {"passwd.txt", "c.pdf"}
    assert len(_stored_keys(storage)) == 2


def test_refused_files_leave_nothing_behind(engine, local_storage, staff, records):
    disguised = io.BytesIO(b"MZ\x90\x00" + b"\x00" * 1000)
    with pytest.raises(RejectedFile, match="not a real PDF: its content looks like a Windows program"):
        upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], disguised, "invoice.pdf", storage=local_storage)
    with pytest.raises(RejectedFile, match="larger than the limit of 1.0 KB"):
        upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "big.pdf",
                          storage=local_storage, max_bytes=1024)
    with pytest.raises(DocumentError, match="Member #999999 does not exist"):
        upload_attachment(engine, staff, E.MEMBER, 999999, io.BytesIO(PDF), "a.pdf", storage=local_storage)
    assert list_attachments(engine, staff) == [] and _stored_keys(local_storage) == set()


def test_a_database_failure_after_the_upload_removes_the_object(engine, storage, records):
    # The identity's user row no longer exists: the row insert fails on its foreign key, after the object was written.
    ghost = Identity(id=987654, email="gone@local46.example", roles=frozenset({RoleName.STAFF}))
    with pytest.raises(DocumentError, match="a.pdf was not saved because .*nothing was kept"):
        upload_attachment(engine, ghost, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "a.pdf", storage=storage)
    assert _stored_keys(storage) == set()
    with engine.connect() as conn:
        assert conn.execute(select(FileAttachment)).all() == []
        assert conn.execute(select(AuditLog)).all() == []


def test_storage_down_is_a_message_and_no_row(engine, staff, records):
    down = UnavailableStorage("The storage service at http://127.0.0.1:9 does not answer.")
    results = upload_attachments(engine, staff, E.MEMBER, records[E.MEMBER],
                                 [("a.pdf", io.BytesIO(PDF)), ("b.exe", io.BytesIO(b"MZ"))], storage=down)
    assert [r.error for r in results] == [
        "The storage service at http://127.0.0.1:9 does not answer.",
        "b.exe: .exe files are not allowed. Allowed: PDF, images (PNG, JPEG, GIF, WebP), Office documents "
        "(Word, Excel, PowerPoint), CSV and plain text."]
    assert list_attachments(engine, staff) == []


def test_several_files_at_once_report_each_one(engine, local_storage, staff, records):
    steps = []
    results = upload_attachments(engine, staff, E.GRANT, records[E.GRANT],
                                 [("agreement.pdf", io.BytesIO(PDF)), ("empty.txt", io.BytesIO(b""))],
                                 storage=local_storage, progress=lambda n, total, name: steps.append((n, total, name)))
    assert [(r.name, r.attachment is not None, r.error) for r in results] == [
        ("agreement.pdf", True, None), ("empty.txt", False, "empty.txt is empty: choose a file that has content.")]
    assert steps == [(1, 2, "agreement.pdf"), (2, 2, "empty.txt")]


def test_roles_are_enforced_in_lib(engine, local_storage, staff, records):
    leadership = add_user(engine, "boss@local46.example", RoleName.LEADERSHIP)
    with pytest.raises(PermissionDenied):
        upload_attachment(engine, leadership, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "a.pdf", storage=local_storage)
    with pytest.raises(PermissionDenied):
        list_attachments(engine, leadership)
    assert _stored_keys(local_storage) == set()


def _age(engine, attachment_id: int, days: float) -> None:
    with engine.begin() as conn:
        conn.execute(update(FileAttachment).where(FileAttachment.id == attachment_id)
                     .values(uploaded_at=datetime.now(UTC) - timedelta(days=days)))


def test_delete_by_uploader_within_a_day_or_by_admin(engine, storage, staff, records):
    other = add_user(engine, "clerk@local46.example", RoleName.DUES_CLERK)
    admin = add_user(engine, "admin@local46.example", RoleName.ADMIN)
    first = upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "1.pdf", storage=storage)
    second = upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "2.pdf", storage=storage)

    with pytest.raises(DocumentError, match="Only an admin, or the person who uploaded it"):
        delete_attachment(engine, other, first.id, storage=storage)
    delete_attachment(engine, staff, first.id, storage=storage)
    _age(engine, second.id, days=1.5)
    with pytest.raises(DocumentError, match="within the last day"):
        delete_attachment(engine, staff, second.id, storage=storage)
    delete_attachment(engine, admin, second.id, storage=storage)

    assert list_attachments(engine, admin) == [] and _stored_keys(storage) == set()
    with engine.connect() as conn:
        deletes = conn.execute(select(AuditLog.user_email, AuditLog.before).where(
            AuditLog.action == AuditAction.DELETE).order_by(AuditLog.id)).all()
    assert [(email, before["original_name"]) for email, before in deletes] == [
        ("staff@local46.example", "1.pdf"), ("admin@local46.example", "2.pdf")]


def test_download_of_a_missing_object_is_explained(engine, storage, staff, records):
    saved = upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "a.pdf", storage=storage)
    storage.delete(saved.storage_key)
    with pytest.raises(ObjectMissing, match="The file is missing"):
        read_attachment(engine, staff, saved.id, storage=storage)
