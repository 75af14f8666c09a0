"""The health routes, /metrics and the middleware through Starlette's test client, database up and down."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert
from starlette.applications import Starlette
from starlette.middleware import Middleware

from lib.api import HttpMiddleware, routes
from lib.config import get_settings
from lib.db import get_engine
from lib.models import SeedRun
from lib.models.enums import SeedOutcome
from tests.apputil import asgi_in_thread, http_get


def use_database(monkeypatch, url: str, tmp_path) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("UPLOAD_DIR", str(tmp_path / "uploads"))
    monkeypatch.delenv("S3_BUCKET", raising=False)
    get_settings.cache_clear()
    get_engine.cache_clear()


class Client:
    def __init__(self, base_url: str):
        self.base_url = base_url

    def get(self, path: str, headers: dict | None = None):
        return http_get(self.base_url + path, headers)


@pytest.fixture
def client_for(monkeypatch, tmp_path):
    """The API's routes and middleware served over real HTTP, on the database given."""
    app = Starlette(routes=routes(), middleware=[Middleware(HttpMiddleware)])
    with asgi_in_thread(app) as base_url:
        def make(url: str) -> Client:
            use_database(monkeypatch, url, tmp_path)
            return Client(base_url)

        yield make
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()


def test_every_route_answers_with_the_database_up(client_for, engine, migrated_db_url):
    client = client_for(migrated_db_url)
    basic = client.get("/api/health")
    assert basic.status_code == 200
    assert set(basic.json()) == {"status", "version", "environment", "time"}
    assert basic.json()["status"] == "healthy"
    assert client.get("/api/health/liveness").json()["status"] == "alive"
    assert client.get("/api/health/ping").text == "pong"
    ready = client.get("/api/health/readiness")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    detailed = client.get("/api/health/detailed")
    assert detailed.status_code == 200
    assert set(detailed.json()["checks"]) == {"database", "migrations", "storage", "seed"}
    assert "latency_ms" in detailed.json()["checks"]["database"]
    status = client.get("/api/health/status").json()
    assert status["version"] == basic.json()["version"] and "uptime_seconds" in status


def test_database_down_readiness_and_detailed_503_liveness_still_200(client_for, tmp_path):
    client = client_for("postgresql+psycopg2://app:sekret-pw@127.0.0.1:1/app?connect_timeout=2")
    assert client.get("/api/health").status_code == 200
    assert client.get("/api/health/liveness").status_code == 200
    ready = client.get("/api/health/readiness")
    assert ready.status_code == 503
    assert ready.json()["status"] == "not ready" and "database unreachable" in ready.json()["reason"]
    detailed = client.get("/api/health/detailed")
    assert detailed.status_code == 503 and detailed.json()["status"] == "unhealthy"
    checks = detailed.json()["checks"]
    assert "database unreachable" in checks["database"]["error"] and checks["storage"]["healthy"]
    assert client.get("/api/health/ping").text == "pong"
    assert client.get("/api/health/status").status_code == 200  # no database work
    assert client.get("/metrics").status_code == 200  # a scrape still works (pool gauges read no database)
    assert "sekret-pw" not in ready.text + detailed.text


def test_during_a_running_seed_everything_stays_healthy(client_for, engine, migrated_db_url):
    with engine.begin() as conn:
        conn.execute(insert(SeedRun).values(batch="demo-2", started_at=datetime.now(UTC),
                                            current_step="7/18 employments", outcome=SeedOutcome.RUNNING))
    client = client_for(migrated_db_url)
    for path in ("/api/health", "/api/health/liveness", "/api/health/ping", "/api/health/status", "/metrics"):
        assert client.get(path).status_code == 200, path
    assert client.get("/api/health/readiness").status_code == 200
    detailed = client.get("/api/health/detailed")
    assert detailed.status_code == 200 and detailed.json()["status"] == "healthy"
    seed = detailed.json()["checks"]["seed"]
    assert seed["status"] == "running" and seed["last_run"]["current_step"] == "7/18 employments"


def test_security_headers_request_id_and_hsts_only_behind_https(client_for, migrated_db_url):
    client = client_for(migrated_db_url)
    plain = client.get("/api/health/ping", headers={"X-Request-ID": "abc-123"})
    assert plain.headers["x-content-type-options"] == "nosniff"
    assert plain.headers["x-frame-options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in plain.headers["content-security-policy"]
    assert plain.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert plain.headers["x-request-id"] == "abc-123"
    assert "strict-transport-security" not in plain.headers
    proxied = client.get("/api/health/ping", headers={"X-Forwarded-Proto": "https"})
    assert proxied.headers["strict-transport-security"].startswith("max-age=31536000")
    assert len(proxied.headers["x-request-id"]) == 16


def test_metrics_count_requests_and_expose_build_pool_and_login_series(client_for, migrated_db_url):
    from lib.metrics import count_login, setup_metrics

    setup_metrics("dev")
    client = client_for(migrated_db_url)
    client.get("/api/health")
    count_login(True)
    count_login(False)
    body = client.get("/metrics")
    assert body.status_code == 200 and body.headers["content-type"].startswith("text/plain")
    text = body.text
    assert 'unionops_http_requests_total{method="GET",route="/api/health",status="200"}' in text
    assert 'unionops_http_request_duration_seconds_bucket{le="0.005",route="/api/health"}' in text
    assert 'unionops_logins_total{outcome="failure"}' in text
    assert 'unionops_build_info{environment="dev",version="' in text
    assert "unionops_db_pool_connections_in_use" in text
    client.get("/no/such/page/12345")
    assert "12345" not in client.get("/metrics").text  # unknown paths are grouped, never labels


def test_hung_storage_makes_detailed_degraded_within_the_time_limit_not_hung(client_for, migrated_db_url,
                                                                              monkeypatch):
    import socket
    import time

    silent = socket.socket()  # accepts connections (backlog) but never answers a byte
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    client = client_for(migrated_db_url)
    monkeypatch.setenv("S3_BUCKET", "docs")
    monkeypatch.setenv("S3_ENDPOINT_URL", f"http://127.0.0.1:{silent.getsockname()[1]}")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "k")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY", "s3-secret-value")
    get_settings.cache_clear()
    started = time.monotonic()
    try:
        detailed = client.get("/api/health/detailed")
    finally:
        silent.close()
    assert time.monotonic() - started < 6
    body = detailed.json()
    assert detailed.status_code == 200 and body["status"] == "degraded"
    assert body["checks"]["database"]["healthy"] and "did not answer" in body["checks"]["storage"]["error"]
