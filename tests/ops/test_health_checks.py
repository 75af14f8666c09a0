"""lib.health on real databases (both engines), a down database, local storage and a real S3 server."""

from datetime import UTC, datetime

import boto3
import pytest
from moto.server import ThreadedMotoServer
from sqlalchemy import insert

from lib import health
from lib.config import Settings
from lib.db import make_engine
from lib.models import SeedRun
from lib.models.enums import SeedOutcome
from tests.apputil import free_port


def down_urls(tmp_path) -> list[str]:
    # A directory is not a database file; nothing listens on port 1.
    return [f"sqlite:///{tmp_path}", "postgresql+psycopg2://postgres@127.0.0.1:1/nothing?connect_timeout=2"]


def test_database_and_migrations_healthy_on_a_migrated_database(engine):
    database, migrations = health.check_database(engine), health.check_migrations(engine)
    assert database["healthy"] and database["latency_ms"] >= 0
    assert migrations == {"healthy": True, "current": health.expected_head(), "head": health.expected_head()}
    assert health.readiness(engine) == {"ready": True, "revision": health.expected_head()}


def test_unmigrated_database_is_not_ready_and_says_what_to_run(empty_db_url):
    eng = make_engine(empty_db_url)
    try:
        result = health.readiness(eng)
        detailed = health.detailed(eng, Settings(_env_file=None))
    finally:
        eng.dispose()
    assert result["ready"] is False and "alembic upgrade head" in result["reason"]
    assert detailed["status"] == "unhealthy" and detailed["checks"]["database"]["healthy"]


def test_down_database_is_unhealthy_with_the_reason_and_no_password(tmp_path):
    for url in down_urls(tmp_path) + ["postgresql+psycopg2://app:hunter2secret@127.0.0.1:1/x"]:
        eng = make_engine(url)
        try:
            body = health.detailed(eng, Settings(_env_file=None, upload_dir=tmp_path / "up"))
            ready = health.readiness(eng)
        finally:
            eng.dispose()
        assert body["status"] == "unhealthy"
        assert body["checks"]["database"]["healthy"] is False
        assert "database unreachable" in body["checks"]["database"]["error"]
        assert ready["ready"] is False and "DATABASE_URL" in ready["reason"]
        assert "hunter2secret" not in str(body) + str(ready)


def test_running_seed_is_reported_and_does_not_make_the_app_unhealthy(engine, tmp_path):
    with engine.begin() as conn:
        conn.execute(insert(SeedRun).values(batch="demo-1", action="seed", started_by="admin@x",
                                            started_at=datetime.now(UTC), current_step="6/18 members",
                                            outcome=SeedOutcome.RUNNING))
    body = health.detailed(engine, Settings(_env_file=None, upload_dir=tmp_path))
    assert body["status"] == "healthy"
    assert body["checks"]["seed"]["status"] == "running"
    assert body["checks"]["seed"]["last_run"]["current_step"] == "6/18 members"


def test_never_seeded_database_says_so(engine, tmp_path):
    assert health.check_seed(engine)["status"] == "never seeded"


def test_local_storage_healthy_when_writable_and_degraded_when_not(engine, tmp_path):
    local = health.check_storage(Settings(_env_file=None, upload_dir=tmp_path / "uploads"))
    assert local["healthy"] and local["backend"] == "local" and str(tmp_path / "uploads") in local["where"]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    broken = Settings(_env_file=None, upload_dir=blocker / "uploads")
    storage = health.check_storage(broken)
    assert storage["healthy"] is False and f"upload folder {blocker / 'uploads'} cannot be used" in storage["error"]
    body = health.detailed(engine, broken)
    assert body["status"] == "degraded"  # storage is not critical: the app still serves


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{server._port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="k",
                 aws_secret_access_key="s").create_bucket(Bucket="unionops-docs")
    yield endpoint
    server.stop()


def s3_settings(endpoint: str, bucket: str) -> Settings:
    return Settings(_env_file=None, s3_endpoint_url=endpoint, s3_bucket=bucket,
                    s3_access_key_id="k", s3_secret_access_key="s3-secret-value")


def test_s3_bucket_reachable_on_a_real_s3_server(s3_endpoint):
    storage = health.check_storage(s3_settings(s3_endpoint, "unionops-docs"))
    assert storage["healthy"] is True and storage["backend"] == "s3"
    assert "unionops-docs" in storage["where"] and storage["latency_ms"] >= 0


def test_s3_missing_bucket_is_reported_without_the_secret(s3_endpoint):
    storage = health.check_storage(s3_settings(s3_endpoint, "no-such-bucket"))
    assert storage["healthy"] is False and "no-such-bucket" in storage["error"]
    assert "s3-secret-value" not in str(storage)


def test_half_configured_s3_is_unhealthy_storage_that_names_the_missing_setting(tmp_path):
    storage = health.check_storage(Settings(_env_file=None, s3_access_key_id="k", upload_dir=tmp_path))
    assert storage["healthy"] is False and "S3_BUCKET" in storage["error"]


def test_status_has_versions_and_uptime_but_no_setting_values():
    settings = Settings(_env_file=None, app_env="prod", auth_cookie_key="Zq8vT2mX9pL4rN7sY1bC6hJ0uE5aGdK3",
                        database_url="postgres://app:pw-123456@db/app")
    info = health.status_info(settings)
    assert info["version"] and info["packages"]["streamlit"] and info["uptime_seconds"] >= 0
    text = str(info)
    assert "pw-123456" not in text and "Zq8vT2" not in text and "db/app" not in text
