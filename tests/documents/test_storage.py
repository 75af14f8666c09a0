"""Both backends do the same round trip; every S3 failure becomes one sentence, never a crash."""

import io
import time

import pytest
from pydantic import SecretStr

from lib.config import Settings
from lib.storage import (
    LocalStorage, ObjectMissing, StorageError, StorageUnavailable, UnavailableStorage, check_storage,
    storage_from_settings,
)
from lib.storage_s3 import S3Storage
from tests.documents.s3server import free_port, new_bucket, start_auth_server


def test_round_trip_of_bytes_listing_and_deletion(storage):
    payload = bytes(range(256)) * 4000  # ~1 MB, every byte value
    storage.put("attachments/member/1/a.pdf", io.BytesIO(payload), size=len(payload), content_type="application/pdf")
    storage.put("attachments/member/2/b.txt", io.BytesIO(b"hello"), size=5, content_type="text/plain")
    storage.put("elsewhere/c.txt", io.BytesIO(b"not ours"), size=8, content_type="text/plain")

    with storage.open("attachments/member/1/a.pdf") as stream:
        assert stream.read() == payload
    listed = {obj.key: obj.size for obj in storage.list("attachments/")}
    assert listed == {"attachments/member/1/a.pdf": len(payload), "attachments/member/2/b.txt": 5}
    assert storage.exists("attachments/member/2/b.txt")

    storage.delete("attachments/member/2/b.txt")
    assert not storage.exists("attachments/member/2/b.txt")
    with pytest.raises(ObjectMissing, match="missing"):
        storage.open("attachments/member/2/b.txt")
    assert storage.check().ok


def test_s3_keeps_the_content_type(s3_storage):
    s3_storage.put("attachments/x/1/k.pdf", io.BytesIO(b"%PDF-1.4"), size=8, content_type="application/pdf")
    head = s3_storage.client.head_object(Bucket=s3_storage.bucket, Key="attachments/x/1/k.pdf")
    assert head["ContentType"] == "application/pdf"


@pytest.mark.parametrize("key", ["../../etc/passwd", "/etc/passwd", "a/../../b", "a\\b", "a//b", "a/./b", ""])
def test_unsafe_keys_are_refused_before_touching_storage(storage, key, tmp_path):
    with pytest.raises(StorageError, match="unsafe storage key"):
        storage.put(key, io.BytesIO(b"x"), size=1, content_type="text/plain")
    assert not list(tmp_path.parent.glob("passwd"))


def test_local_folder_that_cannot_be_written_is_explained(tmp_path):
    blocker = tmp_path / "uploads"
    blocker.write_text("a file where the folder should be")
    storage = LocalStorage(blocker)
    with pytest.raises(StorageUnavailable, match="upload folder .* cannot be used"):
        storage.put("attachments/a.txt", io.BytesIO(b"x"), size=1, content_type="text/plain")
    health = storage.check()
    assert (health.backend, health.ok) == ("local", False) and "cannot be used" in health.detail


def test_endpoint_down_is_one_sentence_and_quick():
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    storage = S3Storage(bucket="docs", endpoint_url=dead, access_key_id="k", secret_access_key="s")
    started = time.monotonic()
    health = check_storage(storage)
    assert not health.ok and f"The storage service at {dead} does not answer" in health.detail
    assert time.monotonic() - started < 10
    with pytest.raises(StorageUnavailable, match="does not answer"):
        storage.put("attachments/a.txt", io.BytesIO(b"x"), size=1, content_type="text/plain")


def test_missing_bucket_is_named(s3_endpoint):
    storage = S3Storage(bucket="no-such-bucket", endpoint_url=s3_endpoint, access_key_id="t", secret_access_key="t")
    health = storage.check()
    assert not health.ok and "bucket 'no-such-bucket' does not exist" in health.detail
    with pytest.raises(StorageUnavailable, match="bucket 'no-such-bucket' does not exist"):
        storage.put("attachments/a.txt", io.BytesIO(b"x"), size=1, content_type="text/plain")
    with pytest.raises(StorageUnavailable, match="does not exist"):
        list(storage.list("attachments/"))


@pytest.fixture(scope="module")
def auth_server():
    server = start_auth_server()
    yield server
    server.stop()


def test_wrong_credentials_are_named_without_the_secret(auth_server):
    bucket = new_bucket(auth_server.endpoint, auth_server.key_id, auth_server.secret)
    good = S3Storage(bucket=bucket, endpoint_url=auth_server.endpoint, access_key_id=auth_server.key_id,
                     secret_access_key=auth_server.secret)
    good.put("attachments/a.txt", io.BytesIO(b"x"), size=1, content_type="text/plain")
    assert good.check().ok
    for key_id, secret in ((auth_server.key_id, "wrong-secret-123"), ("AKIAUNKNOWN", "wrong-secret-123")):
        bad = S3Storage(bucket=bucket, endpoint_url=auth_server.endpoint, access_key_id=key_id,
                        secret_access_key=secret)
        health = bad.check()
        assert not health.ok and "refused the credentials" in health.detail
        assert "wrong-secret-123" not in health.detail
        with pytest.raises(StorageUnavailable, match="check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY"):
            bad.open("attachments/a.txt")


def _settings(tmp_path, **values) -> Settings:
    return Settings(_env_file=None, upload_dir=tmp_path / "uploads", **values)


def test_backend_is_chosen_from_settings(tmp_path, s3_endpoint, monkeypatch):
    for name in ("S3_ENDPOINT_URL", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name, raising=False)
    local = storage_from_settings(_settings(tmp_path))
    assert isinstance(local, LocalStorage) and local.root == tmp_path / "uploads"

    s3 = storage_from_settings(_settings(tmp_path, s3_bucket="b-1", s3_endpoint_url=s3_endpoint,
                                         s3_access_key_id="t", s3_secret_access_key=SecretStr("t")))
    assert isinstance(s3, S3Storage) and s3.describe() == f"S3 bucket 'b-1' at {s3_endpoint}"

    half = storage_from_settings(_settings(tmp_path, s3_endpoint_url=s3_endpoint, s3_access_key_id="t"))
    assert isinstance(half, UnavailableStorage)
    assert half.check().detail.startswith("S3_ENDPOINT_URL and S3_ACCESS_KEY_ID are set but S3_BUCKET is not")
    with pytest.raises(StorageUnavailable, match="S3_BUCKET is not"):
        half.put("attachments/a.txt", io.BytesIO(b"x"), size=1, content_type="text/plain")

    garbage = storage_from_settings(_settings(tmp_path, s3_bucket="b", s3_endpoint_url="not a url"))
    assert isinstance(garbage, UnavailableStorage) and "not a valid URL" in garbage.reason
