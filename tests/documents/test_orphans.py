"""The orphan check finds objects without rows and rows without objects; --clean removes them."""

import io
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from lib.auth.identity import SYSTEM
from lib.config import PROJECT_ROOT, get_settings
from lib.documents import list_attachments, upload_attachment
from lib.models import AuditLog
from lib.models.enums import AttachmentEntity as E, AuditAction
from lib.orphans import clean_orphans, find_orphans, main
from lib.storage import get_storage

PDF = b"%PDF-1.4 orphan test"


def _later():
    return datetime.now(UTC) + timedelta(hours=1)


def test_orphans_are_found_and_cleaned(engine, storage, staff, records):
    kept = upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "kept.pdf", storage=storage)
    lost = upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "lost.pdf", storage=storage)
    storage.delete(lost.storage_key)  # e.g. removed by hand in the bucket
    stray = "attachments/member/1/0123456789abcdef0123456789abcdef.pdf"  # e.g. a crash between object and row
    storage.put(stray, io.BytesIO(PDF), size=len(PDF), content_type="application/pdf")

    assert find_orphans(engine, SYSTEM, storage).objects_without_row == []  # too young: may be an upload in progress
    report = find_orphans(engine, SYSTEM, storage, now=_later())
    assert [o.key for o in report.objects_without_row] == [stray]
    assert report.rows_without_object == [(lost.id, lost.storage_key, "lost.pdf")]

    clean_orphans(engine, SYSTEM, report, storage)
    assert find_orphans(engine, SYSTEM, storage, now=_later()).clean
    assert [a.id for a in list_attachments(engine, staff)] == [kept.id]
    assert storage.exists(kept.storage_key) and not storage.exists(stray)
    with engine.connect() as conn:
        detail = conn.execute(select(AuditLog.detail).where(AuditLog.action == AuditAction.DELETE)).scalar_one()
    assert "missing from storage" in detail


@pytest.fixture
def settings_env(monkeypatch):
    """Point the settings (read by the command) at the test's database and folder."""
    def apply(**values):
        for name in ("S3_BUCKET", "S3_ENDPOINT_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"):
            monkeypatch.setenv(name, "")
        for name, value in values.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        get_storage.cache_clear()
    yield apply
    get_settings.cache_clear()
    get_storage.cache_clear()


def test_command_lists_then_cleans(engine, migrated_db_url, local_storage, settings_env, capsys):
    key = "attachments/grant/1/ffffffffffffffffffffffffffffffff.pdf"
    local_storage.put(key, io.BytesIO(PDF), size=len(PDF), content_type="application/pdf")
    old = (datetime.now() - timedelta(hours=2)).timestamp()
    os.utime(local_storage.root / key, (old, old))
    settings_env(DATABASE_URL=migrated_db_url, UPLOAD_DIR=str(local_storage.root))

    assert main([]) == 1
    assert f"object without row: {key}" in capsys.readouterr().out
    assert local_storage.exists(key)
    assert main(["--clean"]) == 0
    assert "cleaned" in capsys.readouterr().out and not local_storage.exists(key)
    assert main([]) == 0
    assert capsys.readouterr().out.strip().endswith("no orphans")


def test_command_explains_unavailable_storage(migrated_db_url):
    """Run as the real command, in its own process."""
    env = {**os.environ, "DATABASE_URL": migrated_db_url, "S3_BUCKET": "", "S3_ENDPOINT_URL": "http://127.0.0.1:9"}
    result = subprocess.run([sys.executable, "-m", "lib.orphans"], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == ("error: S3_ENDPOINT_URL is set but S3_BUCKET is not: set S3_BUCKET, "
                                     "or unset the S3 settings to store documents in the local folder.")
