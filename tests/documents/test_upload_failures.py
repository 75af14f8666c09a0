"""An upload that fails half-way leaves nothing: no row, no object, no unfinished multipart upload."""

import io
import os

from sqlalchemy import select

from lib.documents import upload_attachment
from lib.models import FileAttachment
from lib.models.enums import AttachmentEntity as E
from lib.storage_s3 import S3Storage
from tests.documents.flaky_proxy import FlakyProxy
from tests.documents.s3server import new_bucket, s3_client

MB = 1024 * 1024


def test_connection_lost_on_the_third_part_leaves_nothing(engine, s3_endpoint, staff, records):
    bucket = new_bucket(s3_endpoint)
    content = b"%PDF-1.7\n" + os.urandom(12 * MB)  # 3 parts of 5 MB: multipart upload
    with FlakyProxy(s3_endpoint, drop_when=lambda method, path: method == "PUT" and "partNumber=3" in path) as proxy:
        storage = S3Storage(bucket=bucket, endpoint_url=proxy.endpoint, access_key_id="testing",
                            secret_access_key="testing")
        try:
            upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(content), "scan.pdf",
                              storage=storage)
            raise AssertionError("the upload should have failed")
        except Exception as exc:  # noqa: BLE001 - the message is what the page shows
            message = str(exc)
    assert message == (f"The storage service at {proxy.endpoint} broke off the transfer; try again, "
                       "or ask an admin if it keeps happening.")
    assert proxy.dropped and all("partNumber=3" in dropped for dropped in proxy.dropped)  # retried, then gave up
    assert any(seen.startswith("DELETE") and "uploadId=" in seen for seen in proxy.seen)  # aborted

    direct = s3_client(s3_endpoint)
    assert direct.list_objects_v2(Bucket=bucket).get("Contents", []) == []
    assert direct.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []
    with engine.connect() as conn:
        assert conn.execute(select(FileAttachment)).all() == []
