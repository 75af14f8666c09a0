"""Start the real app (python -m lib.start) on a free port for a test, and stop it afterwards."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from lib.config import PROJECT_ROOT

STARTUP_LIMIT_SECONDS = 60
# A cookie key that passes the staging/prod checks; for tests only.
TEST_COOKIE_KEY = "t3st-K9vQ2mZx7RwL4pN8sYb1cF6hJ0uE5aGdT2kW"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_env(db_url: str, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "RUN_PRODUCTION"))}
    env.update(DATABASE_URL=db_url, PORT=str(port), APP_ENV="dev", PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def wait_until_healthy(base_url: str, process: subprocess.Popen, limit: float = STARTUP_LIMIT_SECONDS) -> float:
    """Seconds until /api/health answered 200; raises with the app's output if it died or never did."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/api/health", timeout=1) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{base_url} was not healthy within {limit} s")


@contextmanager
def running_app(db_url: str, log_path: Path, **extra_env: str):
    """Yield the base URL of the app started on `db_url`; its output goes to `log_path`."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "lib.start", "--host", "127.0.0.1"],
                                   cwd=PROJECT_ROOT, env=app_env(db_url, port, **extra_env),
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            try:
                wait_until_healthy(base_url, process)
            except (RuntimeError, TimeoutError) as exc:
                raise AssertionError(f"{exc}\n--- app output ---\n{log_path.read_text()}") from None
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


class Reply:
    """What an HTTP client sees: status, headers (lower-case names), text and JSON."""

    def __init__(self, status: int, headers, body: bytes):
        self.status_code, self.text = status, body.decode("utf-8", "replace")
        self.headers = {k.lower(): v for k, v in headers.items()}

    def json(self):
        import json

        return json.loads(self.text)


def http_get(url: str, headers: dict | None = None, timeout: float = 10) -> Reply:
    """GET without raising on 4xx/5xx."""
    import urllib.error

    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers, error.read())


@contextmanager
def asgi_in_thread(app):
    """Serve an ASGI app with uvicorn on a free loopback port in a thread; yield its base URL."""
    import threading

    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
