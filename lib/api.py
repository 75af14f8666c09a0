"""The HTTP API served beside the Streamlit pages on the same port: health routes, /metrics, middleware.

Plain Starlette (no streamlit import): lib/ui/server.py hands these routes and middleware to st.App.
Database work runs in a worker thread with a time limit, so a hung database makes a check fail
fast instead of hanging the platform's health probe; /api/health itself never touches it.
"""

import logging
import time
import uuid

from anyio import create_task_group, fail_after, to_thread
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lib import health
from lib.config import get_settings
from lib.db import get_engine
from lib.logs import REQUEST_ID
from lib.metrics import observe_request, render_metrics

log = logging.getLogger(__name__)
CHECK_TIMEOUT_SECONDS = 4.0
NO_STORE = {"Cache-Control": "no-store"}


async def _in_thread(check, *args, timeout: float = CHECK_TIMEOUT_SECONDS):
    """Run a blocking check in a worker thread; give up (TimeoutError) after `timeout` seconds."""
    with fail_after(timeout):
        return await to_thread.run_sync(check, *args, abandon_on_cancel=True)


def _json(body: dict, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=NO_STORE)


async def health_basic(_request: Request) -> Response:
    return _json(health.basic(get_settings()))


async def liveness(_request: Request) -> Response:
    return _json({"status": "alive", "time": health.now_iso()})


async def ping(_request: Request) -> Response:
    return PlainTextResponse("pong", headers=NO_STORE)


async def readiness(_request: Request) -> Response:
    try:
        result = await _in_thread(health.readiness, get_engine())
    except TimeoutError:
        result = {"ready": False, "reason": f"database did not answer within {CHECK_TIMEOUT_SECONDS:.0f} s"}
    if not result["ready"]:
        log.warning("not ready: %s", result["reason"])
    return _json({"status": "ready" if result["ready"] else "not ready", **result}, 200 if result["ready"] else 503)


async def _checks_or_timeout(check, arg, on_timeout: dict) -> dict:
    try:
        return await _in_thread(check, arg)
    except TimeoutError:
        return on_timeout


async def detailed(_request: Request) -> Response:
    """The database checks and the storage check run side by side, each with its own time limit."""
    settings = get_settings()
    hung = f"did not answer within {CHECK_TIMEOUT_SECONDS:.0f} s"
    results: dict = {}

    async def run(name, check, arg, on_timeout):
        results[name] = await _checks_or_timeout(check, arg, on_timeout)

    database_hung = {"healthy": False, "error": f"the database {hung} (hung or overloaded?)"}
    async with create_task_group() as group:
        group.start_soon(run, "db", health.database_checks, get_engine(),
                         {"database": database_hung, "migrations": database_hung, "seed": database_hung})
        group.start_soon(run, "storage", health.check_storage, settings,
                         {"healthy": False, "backend": "unknown", "error": f"document storage {hung}"})
    body = health.summarize(settings, results["db"] | {"storage": results["storage"]})
    if body["status"] == "unhealthy":
        failed = {k: v.get("error") for k, v in body["checks"].items() if not v["healthy"]}
        log.warning("detailed health unhealthy: %s", failed)
    return _json(body, 503 if body["status"] == "unhealthy" else 200)


async def status(_request: Request) -> Response:
    return _json(health.status_info(get_settings()))


async def metrics(_request: Request) -> Response:
    payload, content_type = await to_thread.run_sync(render_metrics)
    return Response(payload, media_type=content_type, headers=NO_STORE)


def routes() -> list[Route]:
    methods = ["GET", "HEAD"]
    return [
        Route("/api/health", health_basic, methods=methods),
        Route("/api/health/liveness", liveness, methods=methods),
        Route("/api/health/readiness", readiness, methods=methods),
        Route("/api/health/detailed", detailed, methods=methods),
        Route("/api/health/status", status, methods=methods),
        Route("/api/health/ping", ping, methods=methods),
        Route("/metrics", metrics, methods=methods),
    ]


# frame-ancestors 'self': Streamlit's own component iframes are same-origin; other sites may not frame us.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy", b"frame-ancestors 'self'"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


def _is_https(scope: Scope) -> bool:
    """TLS ends at the platform's proxy, which says so in X-Forwarded-Proto."""
    forwarded = dict(scope.get("headers") or []).get(b"x-forwarded-proto", b"")
    return scope.get("scheme") == "https" or forwarded.split(b",")[0].strip() == b"https"


class HttpMiddleware:
    """Security headers, a request id (X-Request-ID, also in log lines) and request metrics."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"")[:64]
        request_id = incoming.decode("latin-1") if incoming else uuid.uuid4().hex[:16]
        token = REQUEST_ID.set(request_id)
        extra = SECURITY_HEADERS + ([HSTS] if _is_https(scope) else []) + [(b"x-request-id", request_id.encode())]
        started, status = time.perf_counter(), 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in extra if h[0] not in present]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            observe_request(scope["path"], scope["method"], status, time.perf_counter() - started)
            REQUEST_ID.reset(token)
