"""python -m lib.verify against the real app (st.App with our routes) started by the test: over https
with a certificate of our own, and with its database down."""

import subprocess
import sys
import textwrap

import pytest

from lib.config import PROJECT_ROOT
from lib.verify import header_problems, main
from tests.apputil import app_env, free_port, wait_until_healthy

# The app as lib.start serves it (lib.ui.server's uvicorn settings), plus TLS when given a certificate.
SERVE = textwrap.dedent("""
    import sys, uvicorn
    from lib.ui.server import create_app, uvicorn_config
    config = uvicorn_config(create_app(), "127.0.0.1", int(sys.argv[1]))
    config.ssl_certfile, config.ssl_keyfile = (sys.argv[2], sys.argv[3]) if len(sys.argv) > 3 else (None, None)
    uvicorn.Server(config).run()
""")


def make_certificate(folder) -> tuple[str, str]:
    """A self-signed certificate for localhost (it is also the CA the verifier is told to trust)."""
    cert, key = str(folder / "cert.pem"), str(folder / "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-keyout", key,
                    "-out", cert, "-subj", "/O=UnionOps test/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost"], check=True, capture_output=True)
    return cert, key


def serve(db_url: str, folder, tls: tuple[str, str] | None = None):
    port = free_port()
    scheme = "https" if tls else "http"
    process = subprocess.Popen([sys.executable, "-c", SERVE, str(port), *(tls or ())], cwd=PROJECT_ROOT,
                               env=app_env(db_url, port, UPLOAD_DIR=str(folder / "up")),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return process, f"{scheme}://localhost:{port}", f"http://127.0.0.1:{port}"


@pytest.fixture
def started(tmp_path):
    processes = []

    def start(db_url: str, tls: bool = False) -> str:
        certificate = make_certificate(tmp_path) if tls else None
        process, url, plain = serve(db_url, tmp_path, certificate)
        processes.append(process)
        if tls:
            wait_until_healthy_tls(url, process, certificate[0])
        else:
            wait_until_healthy(plain, process)
        return url

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=15)


def wait_until_healthy_tls(url: str, process, ca_file: str) -> None:
    import ssl
    import time
    import urllib.request

    context = ssl.create_default_context(cafile=ca_file)
    for _ in range(300):
        assert process.poll() is None, "the app exited"
        try:
            urllib.request.urlopen(f"{url}/api/health", timeout=1, context=context)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never became healthy")


def output_lines(capsys) -> dict[str, str]:
    lines = capsys.readouterr().out.splitlines()
    return {line[6:22].strip(): line for line in lines if line[:4] in ("PASS", "FAIL")} | {"": lines[-1]}


def test_every_check_passes_over_https_on_a_healthy_instance(started, migrated_db_url, tmp_path, capsys):
    url = started(migrated_db_url, tls=True)
    assert main([url, "--ca-file", str(tmp_path / "cert.pem"), "--expect-version", "0.1.0"]) == 0
    lines = output_lines(capsys)
    assert list(lines) == ["dns", "tls", "health", "readiness", "security headers", "login page", "metrics", ""]
    assert all(line.startswith("PASS") for name, line in lines.items() if name)
    assert "localhost -> 127.0.0.1" in lines["dns"] and "UnionOps test" in lines["tls"]
    assert "with HSTS" in lines["security headers"] and "version 0.1.0" in lines["health"]
    assert lines[""] == f"all checks passed ({url})"


def test_untrusted_certificate_and_wrong_version_fail_with_exit_1(started, migrated_db_url, capsys):
    url = started(migrated_db_url, tls=True)
    assert main([url]) == 1
    lines = output_lines(capsys)
    assert lines["tls"].startswith("FAIL") and "CERTIFICATE_VERIFY_FAILED" in lines["tls"]
    assert lines[""].startswith("FAILED: tls, health")


def test_database_down_fails_readiness_with_the_reason_but_the_rest_answers(started, tmp_path, capsys):
    url = started("postgresql+psycopg2://app:pw-hidden@127.0.0.1:1/app?connect_timeout=2")
    assert main([url, "--expect-version", "9.9.9"]) == 1
    lines = output_lines(capsys)
    assert lines["readiness"].startswith("FAIL  readiness        503: database unreachable")
    assert lines["health"].startswith("FAIL") and "expected 9.9.9" in lines["health"]
    assert lines["login page"].startswith("PASS") and lines["metrics"].startswith("PASS")
    assert "pw-hidden" not in str(lines)
    assert lines[""] == f"FAILED: health, readiness ({url})"


def test_nothing_listening_is_one_clear_failure(capsys):
    assert main([f"http://127.0.0.1:{free_port()}"]) == 1
    lines = output_lines(capsys)
    assert "ConnectionRefusedError" in lines["health"] and "readiness" not in lines


def test_bad_url_exits_2(capsys):
    assert main(["ftp://example.org"]) == 2
    assert "not an http(s) URL" in capsys.readouterr().err


def test_header_rules():
    good = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
            "content-security-policy": "frame-ancestors 'none'"}
    assert header_problems(good, https=False) == []
    assert header_problems(good, https=True) == ["strict-transport-security missing"]
    assert header_problems({"referrer-policy": "x"}, https=False) == [
        "x-content-type-options missing", "neither x-frame-options nor CSP frame-ancestors"]
