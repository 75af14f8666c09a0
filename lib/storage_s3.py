"""The S3 backend: AWS S3, Backblaze B2, Cloudflare R2 or MinIO through boto3, every failure one sentence."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import BinaryIO

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError, ClientError, ConnectionError as BotoConnectionError, HTTPClientError, NoCredentialsError,
    PartialCredentialsError,
)

from lib.storage import (
    CHUNK, ObjectMissing, StorageError, StorageHealth, StorageUnavailable, StoredObject, _timed_check,
    check_key,
)

_AUTH_CODES = {"InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "403", "Forbidden",
               "InvalidToken", "ExpiredToken", "AuthorizationHeaderMalformed"}
_MISSING_BUCKET = {"NoSuchBucket"}
_MISSING_KEY = {"NoSuchKey", "404", "NotFound"}
# Short timeouts and few retries: a page waiting on a dead endpoint must answer within seconds.
_CLIENT_CONFIG = dict(connect_timeout=3, read_timeout=30, retries={"max_attempts": 2, "mode": "standard"})
# Multipart in 5 MB parts (S3's minimum), at most two in memory: a 25 MB upload never sits in memory whole.
_TRANSFER = TransferConfig(multipart_threshold=8 * CHUNK, multipart_chunksize=5 * CHUNK, max_concurrency=2,
                           io_chunksize=256 * 1024)
_TRANSFER.max_in_memory_upload_chunks = 2  # s3transfer honours it; boto3's constructor does not take it


_SESSION_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _session() -> boto3.session.Session:
    return boto3.session.Session()  # loading botocore's service models once saves ~0.5 s per client


def _client(**kwargs):
    with _SESSION_LOCK:  # creating clients from one session is not thread-safe; using them is
        return _session().client("s3", **kwargs)


class S3Storage:
    name = "s3"

    def __init__(self, *, bucket: str, endpoint_url: str | None = None, region: str = "us-east-1",
                 access_key_id: str | None = None, secret_access_key: str | None = None):
        self.bucket, self.endpoint_url = bucket, endpoint_url
        # Path-style addressing with an endpoint: MinIO and most self-hosted servers need it.
        s3_options = {"addressing_style": "path"} if endpoint_url else {}
        try:
            self.client = _client(
                endpoint_url=endpoint_url, region_name=region, aws_access_key_id=access_key_id,
                aws_secret_access_key=secret_access_key, config=Config(s3=s3_options, **_CLIENT_CONFIG))
        except ValueError as exc:
            raise StorageUnavailable(f"S3_ENDPOINT_URL {endpoint_url!r} is not a valid URL: {exc}.") from exc

    def describe(self) -> str:
        return f"S3 bucket '{self.bucket}'" + (f" at {self.endpoint_url}" if self.endpoint_url else "")

    def _explain(self, exc: Exception, key: str | None) -> StorageError:
        where = self.endpoint_url or "AWS S3"
        if isinstance(exc, (NoCredentialsError, PartialCredentialsError)):
            return StorageUnavailable("S3 credentials are missing: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.")
        if isinstance(exc, BotoConnectionError):
            return StorageUnavailable(f"The storage service at {where} does not answer; try again later "
                                      "or ask an admin to check S3_ENDPOINT_URL.")
        if isinstance(exc, HTTPClientError):
            return StorageUnavailable(f"The storage service at {where} broke off the transfer; try again, "
                                      "or ask an admin if it keeps happening.")
        if not isinstance(exc, ClientError):
            return StorageUnavailable(f"The storage service at {where} failed: {type(exc).__name__}.")
        code = str(exc.response.get("Error", {}).get("Code", ""))
        if code in _MISSING_BUCKET or (code in _MISSING_KEY and key is None):
            return StorageUnavailable(f"The storage bucket '{self.bucket}' does not exist: "
                                      "create it or fix S3_BUCKET.")
        if code in _AUTH_CODES:
            return StorageUnavailable(f"The storage service refused the credentials for bucket '{self.bucket}': "
                                      "check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.")
        if code in _MISSING_KEY:
            return ObjectMissing("The file is missing from storage.")
        return StorageError(f"The storage service refused the request ({code or 'unknown error'}).")

    @contextmanager
    def _errors(self, key: str | None = None):
        try:
            yield
        except (BotoCoreError, ClientError) as exc:
            raise self._explain(exc, key) from exc

    def put(self, key: str, fileobj: BinaryIO, *, size: int, content_type: str) -> None:
        with self._errors():
            # Multipart uploads that fail half-way are aborted by boto3's transfer manager.
            self.client.upload_fileobj(fileobj, self.bucket, check_key(key), Config=_TRANSFER,
                                       ExtraArgs={"ContentType": content_type})

    def open(self, key: str) -> BinaryIO:
        with self._errors(key):
            return self.client.get_object(Bucket=self.bucket, Key=check_key(key))["Body"]

    def delete(self, key: str) -> None:
        with self._errors(key):
            self.client.delete_object(Bucket=self.bucket, Key=check_key(key))

    def exists(self, key: str) -> bool:
        try:
            with self._errors(key):
                self.client.head_object(Bucket=self.bucket, Key=check_key(key))
        except ObjectMissing:
            return False
        return True

    def list(self, prefix: str = "") -> Iterator[StoredObject]:
        with self._errors():
            for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix):
                for item in page.get("Contents", []):
                    yield StoredObject(item["Key"], item["Size"], item["LastModified"])

    def _probe(self) -> None:
        with self._errors():
            self.client.head_bucket(Bucket=self.bucket)

    def check(self) -> StorageHealth:
        return _timed_check(self.name, self.describe(), self._probe)
