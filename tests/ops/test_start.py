"""python -m lib.start: clear refusals, bounded wait for the database, prepare an empty database, serve."""

import logging
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select

from lib.config import get_settings
from lib.db import get_engine, make_engine
from lib.models import SeedRun, User
from lib.models.enums import SeedOutcome
from lib.start import already_seeded, main
from tests.apputil import http_get, running_app
from tests.dbutil import create_empty_database, drop_database, engine_kinds


@pytest.fixture
def run_start(monkeypatch, capsys):
    """Call lib.start.main in this process with the given environment; returns (exit code, output)."""
    root = logging.getLogger()
    saved = list(root.handlers), root.level

    def run(env: dict[str, str], *args: str) -> tuple[int, str]:
        for name in ("APP_ENV", "AUTH_COOKIE_KEY", "DEFAULT_ADMIN_PASSWORD", "PORT", "RUN_PRODUCTION_SEED"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        get_engine.cache_clear()
        try:
            code = main(["--no-serve", *args])
        except SystemExit as exc:
            code = exc.code
        finally:
            get_engine().dispose() if get_settings.cache_info().currsize else None
            get_settings.cache_clear()
            get_engine.cache_clear()
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    yield run
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])


@pytest.mark.parametrize(("extra", "named"), [
    ({"APP_ENV": "prod"}, "AUTH_COOKIE_KEY"),
    ({"PORT": "eighty"}, "PORT"),
    ({"APP_ENV": "production"}, "APP_ENV"),
])
def test_bad_settings_stop_the_start_with_a_message_naming_the_variable(run_start, tmp_path, extra, named):
    code, output = run_start({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", **extra})
    assert code == 2
    assert f"- {named}" in output and ".env.example" in output
    assert "Traceback" not in output


def test_unreachable_database_gives_up_after_the_bounded_wait_with_a_clear_message(run_start):
    code, output = run_start({"DATABASE_URL": "postgres://app:pw-not-shown@127.0.0.1:1/app"}, "--wait-seconds", "2")
    assert code == 3
    assert "did not answer after 2 attempts" in output and "Check DATABASE_URL" in output
    assert "pw-not-shown" not in output


def test_prepare_an_empty_database_migrates_and_creates_the_first_admin_once(run_start, empty_db_url):
    assert run_start({"DATABASE_URL": empty_db_url})[0] == 0
    code, output = run_start({"DATABASE_URL": empty_db_url})
    assert code == 0 and "created the first admin" not in output
    eng = make_engine(empty_db_url)
    try:
        with eng.connect() as conn:
            assert conn.execute(select(func.count()).select_from(User)).scalar_one() == 1
    finally:
        eng.dispose()


def test_prod_without_admin_password_refuses_to_create_an_admin(run_start, empty_db_url):
    code, output = run_start({"DATABASE_URL": empty_db_url, "APP_ENV": "prod",
                              "AUTH_COOKIE_KEY": "Zq8vT2mX9pL4rN7sY1bC6hJ0uE5aGdK3wQ8t"})
    assert code == 4 and "DEFAULT_ADMIN_PASSWORD" in output


def test_one_time_seed_counts_a_finished_or_running_seed_as_done(engine):
    assert already_seeded(engine) is False
    with engine.begin() as conn:
        conn.execute(insert(SeedRun).values(batch="b1", outcome=SeedOutcome.FAILED, started_at=datetime.now(UTC)))
    assert already_seeded(engine) is False  # a failed seed may be retried on the next start
    with engine.begin() as conn:
        conn.execute(insert(SeedRun).values(batch="b2", outcome=SeedOutcome.SUCCEEDED))
    assert already_seeded(engine) is True


@pytest.fixture(scope="module", params=engine_kinds())
def live_app(request, tmp_path_factory):
    """The real app (lib.start, uvicorn, st.App) on a fresh database of each engine."""
    folder = tmp_path_factory.mktemp("app")
    url = create_empty_database(request.param, folder)
    with running_app(url, folder / "app.log", UPLOAD_DIR=str(folder / "uploads")) as base_url:
        yield base_url, folder / "app.log"
    drop_database(url)


def test_live_app_serves_health_pages_and_metrics_on_one_port(live_app):
    base_url, log_path = live_app
    health = http_get(f"{base_url}/api/health")
    assert health.status_code == 200 and health.json()["status"] == "healthy"
    assert http_get(f"{base_url}/api/health/readiness").status_code == 200
    detailed = http_get(f"{base_url}/api/health/detailed").json()
    assert detailed["checks"]["migrations"]["healthy"] and detailed["status"] in {"healthy", "degraded"}
    page = http_get(f"{base_url}/")
    assert page.status_code == 200 and "<html" in page.text.lower()
    assert page.headers["x-frame-options"] == "SAMEORIGIN"  # the pages get the headers too
    assert http_get(f"{base_url}/_stcore/health").status_code == 200
    assert "unionops_http_requests_total" in http_get(f"{base_url}/metrics").text
    assert "serving on http://127.0.0.1" in log_path.read_text()


@pytest.mark.parametrize("path", ["/api/health", "/", "/_stcore/health"])
def test_keep_alive_requests_do_not_wait_for_the_delayed_ack(live_app, path):
    """Served by `streamlit run`, every keep-alive request took 44 ms (Nagle meeting the client's delayed
    ACK: Streamlit's socket got no TCP_NODELAY). Served by uvicorn, pages and health alike answer in ~1 ms."""
    import http.client
    import statistics
    from urllib.parse import urlsplit

    parts = urlsplit(live_app[0])
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    timings = []
    try:
        for _ in range(25):
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert response.status == 200
            timings.append(time.perf_counter() - started)
    finally:
        conn.close()
    assert statistics.median(timings[5:]) < 0.030  # the stall alone is 40 ms or more, every time


def test_production_seed_starts_once_the_server_answers_and_every_route_answers_while_it_runs(tmp_path):
    url = f"sqlite:///{tmp_path / 'seeded.db'}"
    states, slowest_health = [], 0.0
    with running_app(url, tmp_path / "app.log", RUN_PRODUCTION_SEED="true",
                     UPLOAD_DIR=str(tmp_path / "up")) as base_url:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and states[-1:] not in (["succeeded"], ["failed"]):
            started = time.monotonic()
            assert http_get(f"{base_url}/api/health", timeout=2).status_code == 200
            slowest_health = max(slowest_health, time.monotonic() - started)
            assert http_get(f"{base_url}/api/health/readiness", timeout=5).status_code == 200
            detailed = http_get(f"{base_url}/api/health/detailed", timeout=5)
            assert detailed.status_code == 200
            states.append(detailed.json()["checks"]["seed"]["background_seed"]["state"])
        final = detailed.json()["checks"]["seed"]
    assert states[0] in ("starting once the server listens", "running")
    assert "running" in states and states[-1] == "succeeded", states
    assert final["status"] == "seeded" and final["last_run"]["outcome"] == "SUCCEEDED"
    assert slowest_health < 1.0  # the seed shares the process; the cheap health answer never waits for it
