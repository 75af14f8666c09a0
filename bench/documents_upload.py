"""Upload and download throughput and peak memory of one large document, on the local folder and on S3.

    .venv/bin/python bench/documents_upload.py              # 25 MB, both backends, 3 runs each
    .venv/bin/python bench/documents_upload.py --size-mb 100 --backend s3

S3 is moto's server mode over HTTP, in its own process on this machine (network cost is loopback only). Memory is the
peak of Python allocations (tracemalloc) during the call: the file is streamed, so it stays far
below the file's size. Prints the load average, since the machine may be shared.
"""

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from lib.auth.identity import Identity  # noqa: E402
from lib.db import make_engine  # noqa: E402
from lib.documents import read_attachment, upload_attachment  # noqa: E402
from lib.migrate import upgrade_to_head  # noqa: E402
from lib.models import Member, User  # noqa: E402
from lib.models.enums import AttachmentEntity, MemberClassification, MemberStatus, RoleName  # noqa: E402
from lib.storage import LocalStorage  # noqa: E402

MB = 1024 * 1024


def make_file(folder: Path, size_mb: int) -> Path:
    path = folder / "big.pdf"
    with open(path, "wb") as out:
        out.write(b"%PDF-1.7\n")
        for _ in range(size_mb):
            out.write(os.urandom(MB))
    return path


def setup_database(folder: Path):
    url = f"sqlite:///{folder / 'bench.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        user = conn.execute(insert(User).values(email="bench@local46.example", full_name="Bench",
                                                password_hash="x").returning(User.id)).scalar_one()
        member = conn.execute(insert(Member).values(
            card_number="1", first_name="B", last_name="Ench", classification=MemberClassification.APPRENTICE_1,
            status=MemberStatus.ACTIVE, initiation_date=date(2020, 1, 1)).returning(Member.id)).scalar_one()
    who = Identity(id=user, email="bench@local46.example", roles=frozenset({RoleName.STAFF}))
    return engine, who, member


def s3_storage():
    """moto's S3 server in its own process, so its memory is not counted as ours."""
    from lib.storage_s3 import S3Storage
    from tests.documents.s3server import free_port, new_bucket, wait_for_port

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port)
    endpoint = f"http://127.0.0.1:{port}"
    return S3Storage(bucket=new_bucket(endpoint), endpoint_url=endpoint, access_key_id="testing",
                     secret_access_key="testing"), server


def measured(action):
    tracemalloc.start()
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, seconds, peak


def download_all(engine, who, attachment_id, storage) -> str:
    _, stream = read_attachment(engine, who, attachment_id, storage=storage)
    digest = hashlib.sha256()
    with stream:
        while chunk := stream.read(MB):
            digest.update(chunk)
    return digest.hexdigest()


def bench(name, storage, engine, who, member, path, runs):
    size = path.stat().st_size
    ups, downs, up_peaks, down_peaks = [], [], [], []
    for _ in range(runs):
        with open(path, "rb") as source:
            saved, seconds, peak = measured(lambda: upload_attachment(
                engine, who, AttachmentEntity.MEMBER, member, source, "big.pdf", storage=storage, max_bytes=size + 1))
        ups.append(seconds)
        up_peaks.append(peak)
        digest, seconds, peak = measured(lambda: download_all(engine, who, saved.id, storage))
        assert digest == saved.sha256, "downloaded bytes differ from the upload"
        downs.append(seconds)
        down_peaks.append(peak)
    mb = size / MB
    print(f"{name:6} upload   median {statistics.median(ups):6.2f} s = {mb / statistics.median(ups):6.1f} MB/s, "
          f"peak Python memory {max(up_peaks) / MB:5.1f} MB")
    print(f"{name:6} download median {statistics.median(downs):6.2f} s = {mb / statistics.median(downs):6.1f} MB/s, "
          f"peak Python memory {max(down_peaks) / MB:5.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=25)
    parser.add_argument("--backend", choices=["local", "s3", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as tmp:
        folder = Path(tmp)
        path = make_file(folder, args.size_mb)
        engine, who, member = setup_database(folder)
        print(f"file {path.stat().st_size / MB:.1f} MB, {args.runs} runs, load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if args.backend in ("local", "both"):
            bench("local", LocalStorage(folder / "uploads"), engine, who, member, path, args.runs)
        if args.backend in ("s3", "both"):
            storage, server = s3_storage()
            try:
                bench("s3", storage, engine, who, member, path, args.runs)
            finally:
                server.terminate()
                server.wait()
        engine.dispose()


if __name__ == "__main__":
    main()
