import io
import json
import logging

import pytest

from lib.config import Settings
from lib.logs import RECENT, REQUEST_ID, configure_logging, recent_problems

COOKIE_KEY = "Zq8vT2mX9pL4rN7sY1bC6hJ0uE5aGdK3wQ8tV2zM"
ADMIN_PASSWORD = "first-admin-Pa55word!"
S3_SECRET = "s3-SECRET-abcdef0123456789"
DB_PASSWORD = "db-pw-7f3a9c"


@pytest.fixture
def captured(monkeypatch):
    """Logging configured like production (JSON) on a buffer; restores the root logger afterwards."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    settings = Settings(_env_file=None, app_env="prod", auth_cookie_key=COOKIE_KEY,
                        default_admin_password=ADMIN_PASSWORD, s3_secret_access_key=S3_SECRET,
                        s3_bucket="docs", database_url=f"postgres://app:{DB_PASSWORD}@db.internal/app")
    stream = io.StringIO()
    configure_logging(settings, stream=stream)
    RECENT.clear()
    yield stream
    root.handlers[:], _ = saved[0], root.setLevel(saved[1])
    RECENT.clear()


def lines(stream) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_prod_lines_are_json_with_time_level_logger_message_and_request_id(captured):
    token = REQUEST_ID.set("req-123")
    try:
        logging.getLogger("lib.example").warning("member %s saved", 42)
    finally:
        REQUEST_ID.reset(token)
    logging.getLogger("lib.example").info("no request here")
    first, second = lines(captured)
    assert first["level"] == "WARNING" and first["logger"] == "lib.example"
    assert first["message"] == "member 42 saved" and first["request_id"] == "req-123"
    assert first["time"].endswith("+00:00")
    assert "request_id" not in second


def test_secrets_never_reach_the_log_even_in_tracebacks(captured):
    log = logging.getLogger("lib.leaky")
    log.error("cookie key is %s and admin password %s", COOKIE_KEY, ADMIN_PASSWORD)
    log.warning("connecting to postgresql://app:%s@db.internal:5432/app", DB_PASSWORD)
    try:
        raise RuntimeError(f"S3 refused secret {S3_SECRET}")
    except RuntimeError:
        log.exception("upload failed")
    output = captured.getvalue()
    for secret in (COOKIE_KEY, ADMIN_PASSWORD, S3_SECRET, DB_PASSWORD):
        assert secret not in output
    assert "postgresql://app:***@db.internal" in output
    assert output.count("***") >= 4
    assert all(secret not in json.dumps(recent_problems()) for secret in (COOKIE_KEY, S3_SECRET))


def test_dev_lines_are_plain_text():
    root = logging.getLogger()
    saved = list(root.handlers)
    stream = io.StringIO()
    try:
        configure_logging(Settings(_env_file=None, app_env="dev"), stream=stream)
        logging.getLogger("lib.dev").warning("hello")
    finally:
        root.handlers[:] = saved
    assert "WARNING" in stream.getvalue() and "lib.dev: hello" in stream.getvalue()
    with pytest.raises(json.JSONDecodeError):
        json.loads(stream.getvalue().splitlines()[0])


def test_recent_problems_keep_only_warnings_and_errors_newest_first_and_bounded(captured):
    log = logging.getLogger("lib.busy")
    log.info("routine")
    for n in range(250):
        log.warning("warning %d", n)
    log.error("the last error")
    latest = recent_problems(50)
    assert len(latest) == 50
    assert latest[0]["message"] == "the last error" and latest[0]["level"] == "ERROR"
    assert latest[1]["message"] == "warning 249"
    assert all(p["message"] != "routine" for p in recent_problems(500))
    assert len(recent_problems(500)) == 200
