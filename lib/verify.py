"""Check a running instance the way an operator does after a deploy:  python -m lib.verify URL

DNS and TLS (https), /api/health and its version, readiness, security headers on the pages and the API,
the login page, /metrics. One line per check; exit status 1 when any check fails, 2 for a bad URL.
Standard library only, so it runs from any machine with Python (no app settings, no database).
"""

import argparse
import json
import socket
import ssl
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from ipaddress import ip_address
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 10.0
CERT_WARNING_DAYS = 14
REQUIRED_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": None}


@dataclass
class Check:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'PASS' if self.ok else 'FAIL'}  {self.name:<16} {self.detail}"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    ms: float

    def json(self) -> dict:
        return json.loads(self.body)


class Target:
    """The instance under test: base URL, TLS context (optionally trusting a private CA)."""

    def __init__(self, url: str, ca_file: str | None = None):
        parts = urlsplit(url.rstrip("/"))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {url!r} (example: https://unionops.up.railway.app)")
        self.base, self.host, self.https = f"{parts.scheme}://{parts.netloc}{parts.path}", parts.hostname, \
            parts.scheme == "https"
        self.port = parts.port or (443 if self.https else 80)
        self.tls = ssl.create_default_context(cafile=ca_file) if self.https else None

    def get(self, path: str) -> Reply:
        """GET without raising on 4xx/5xx; the connection is not reused (a fresh client each time)."""
        request = urllib.request.Request(self.base + path, headers={"User-Agent": "unionops-verify"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS, context=self.tls) as response:
                status, headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        ms = (time.perf_counter() - started) * 1000
        return Reply(status, {k.lower(): v for k, v in headers.items()}, body, ms)


def _reason(exc: BaseException) -> str:
    inner = getattr(exc, "reason", None)  # URLError wraps the real error; SSLError's reason is a string
    inner = inner if isinstance(inner, BaseException) else exc
    return f"{type(inner).__name__}: {inner}"


def check_dns(target: Target) -> Check:
    try:
        ip_address(target.host)
        return Check("dns", True, f"{target.host} is an address (nothing to resolve)")
    except ValueError:
        pass
    try:
        addresses = sorted({info[4][0] for info in socket.getaddrinfo(target.host, target.port)})
    except socket.gaierror as exc:
        return Check("dns", False, f"{target.host} does not resolve ({exc.strerror}): check the domain's records")
    return Check("dns", True, f"{target.host} -> {', '.join(addresses[:4])}")


def check_tls(target: Target) -> Check:
    try:
        with socket.create_connection((target.host, target.port), timeout=TIMEOUT_SECONDS) as raw:
            with target.tls.wrap_socket(raw, server_hostname=target.host) as conn:
                cert, version = conn.getpeercert(), conn.version()
    except (ssl.SSLError, OSError) as exc:
        return Check("tls", False, f"handshake failed: {_reason(exc)}")
    expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(cert["notAfter"]), UTC)
    days = (expires - datetime.now(UTC)).days
    issuer = dict(item[0] for item in cert.get("issuer", ())).get("organizationName", "unknown issuer")
    detail = f"{version}, certificate valid for {target.host} until {expires:%Y-%m-%d} ({days} days), {issuer}"
    if days < CERT_WARNING_DAYS:
        return Check("tls", False, detail + f": renews in under {CERT_WARNING_DAYS} days?")
    return Check("tls", True, detail)


def check_health(target: Target, expect_version: str | None) -> tuple[Check, str | None]:
    reply = target.get("/api/health")
    try:
        body = reply.json()
    except ValueError:
        return Check("health", False, f"/api/health answered {reply.status} without JSON"), None
    version = body.get("version")
    problems = []
    if reply.status != 200 or body.get("status") != "healthy":
        problems.append(f"answered {reply.status} {body.get('status')!r}")
    if expect_version and version != expect_version:
        problems.append(f"version {version}, expected {expect_version} (old deploy still live?)")
    detail = f"{reply.status} in {reply.ms:.0f} ms: version {version}, environment {body.get('environment')}"
    return Check("health", not problems, "; ".join(problems) or detail), version


def check_readiness(target: Target) -> Check:
    reply = target.get("/api/health/readiness")
    try:
        body = reply.json()
    except ValueError:
        return Check("readiness", False, f"answered {reply.status} without JSON")
    if reply.status == 200:
        return Check("readiness", True, f"200 in {reply.ms:.0f} ms: ready, schema at {body.get('revision')}")
    return Check("readiness", False, f"{reply.status}: {body.get('reason', body)}")


def header_problems(headers: dict[str, str], https: bool) -> list[str]:
    problems = [f"{name} missing" for name in REQUIRED_HEADERS if name not in headers]
    if headers.get("x-content-type-options", "nosniff").lower() != "nosniff":
        problems.append("x-content-type-options is not nosniff")
    framing = "x-frame-options" in headers or "frame-ancestors" in headers.get("content-security-policy", "")
    if not framing:
        problems.append("neither x-frame-options nor CSP frame-ancestors")
    if https and "max-age=" not in headers.get("strict-transport-security", ""):
        problems.append("strict-transport-security missing")
    return problems


def check_headers(target: Target, pages: Reply) -> Check:
    api = target.get("/api/health/ping")
    problems = [f"{where}: {p}" for where, reply in (("page /", pages), ("/api/health/ping", api))
                for p in header_problems(reply.headers, target.https)]
    hsts = "with HSTS" if target.https else "(HSTS only checked behind https)"
    return Check("security headers", not problems, "; ".join(problems) or f"pages and API {hsts}")


def check_login_page(target: Target, page: Reply) -> Check:
    """The login page is drawn by Streamlit over its websocket: the HTML shell and the Streamlit server."""
    stcore = target.get("/_stcore/health")
    html = page.body.decode("utf-8", "replace").lower()
    if page.status != 200 or "<html" not in html:
        return Check("login page", False, f"/ answered {page.status} without the app's HTML")
    if stcore.status != 200:
        return Check("login page", False, f"the page server does not answer (/_stcore/health {stcore.status})")
    return Check("login page", True, f"/ 200 in {page.ms:.0f} ms, Streamlit server up")


def check_metrics(target: Target, version: str | None) -> Check:
    reply = target.get("/metrics")
    text = reply.body.decode("utf-8", "replace")
    if reply.status != 200 or "unionops_build_info" not in text:
        return Check("metrics", False, f"/metrics answered {reply.status} without unionops_build_info")
    series = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    if version and f'version="{version}"' not in text:
        return Check("metrics", False, f"unionops_build_info does not say version {version}")
    return Check("metrics", True, f"200 in {reply.ms:.0f} ms, {series} series")


def _guarded(name: str, check, *args) -> Check:
    """A check that cannot connect fails with the reason instead of stopping the others."""
    try:
        return check(*args)
    except (OSError, urllib.error.URLError, ValueError) as exc:
        return Check(name, False, f"no answer: {_reason(exc)}")


def run_checks(target: Target, expect_version: str | None = None) -> list[Check]:
    checks = [_guarded("dns", check_dns, target)]
    if target.https:
        checks.append(_guarded("tls", check_tls, target))
    try:
        health, version = check_health(target, expect_version)
    except (OSError, urllib.error.URLError) as exc:
        return checks + [Check("health", False, f"no answer from {target.base}: {_reason(exc)}")]
    checks += [health, _guarded("readiness", check_readiness, target)]
    page = _guarded("login page", target.get, "/")
    if isinstance(page, Check):
        return checks + [page]
    checks += [_guarded("security headers", check_headers, target, page),
               _guarded("login page", check_login_page, target, page),
               _guarded("metrics", check_metrics, target, version)]
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.verify", description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the instance, e.g. https://unionops.up.railway.app")
    parser.add_argument("--expect-version", help="fail unless /api/health reports this version")
    parser.add_argument("--ca-file", help="trust this CA bundle too (a private or test certificate)")
    args = parser.parse_args(argv)
    try:
        target = Target(args.url, args.ca_file)
    except ValueError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return 2
    checks = run_checks(target, args.expect_version)
    for check in checks:
        print(check.line())
    failed = [c.name for c in checks if not c.ok]
    print(f"{'FAILED: ' + ', '.join(failed) if failed else 'all checks passed'} ({target.base})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
