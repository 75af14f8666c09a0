"""Prometheus metrics of this process (prometheus-client): requests, logins, page views, seed runs, pool.

Counters are per process; Prometheus sums them over replicas. Other modules only call the small
functions below (count_login, count_page_view, count_seed_run), never prometheus_client itself.
"""

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, Info, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from lib import __version__

# Labels stay bounded: known routes by name, everything else grouped (no raw URLs as labels).
KNOWN_ROUTES = (
    "/api/health", "/api/health/liveness", "/api/health/readiness", "/api/health/detailed",
    "/api/health/status", "/api/health/ping", "/metrics",
)
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

HTTP_REQUESTS = Counter("unionops_http_requests_total", "HTTP requests served", ["route", "method", "status"])
HTTP_LATENCY = Histogram("unionops_http_request_duration_seconds", "Time to answer an HTTP request",
                         ["route"], buckets=LATENCY_BUCKETS)
LOGINS = Counter("unionops_logins_total", "Login attempts by outcome", ["outcome"])
PAGE_VIEWS = Counter("unionops_page_views_total", "Page views by page", ["page"])
SEED_RUNS = Counter("unionops_seed_runs_total", "Seed, reset and truncate runs by outcome",
                    ["action", "outcome"])
BUILD = Info("unionops_build", "Version and environment of the running app")


def route_label(path: str) -> str:
    if path in KNOWN_ROUTES:
        return path
    if path.startswith("/_stcore/"):
        return "/_stcore/*"
    if path.startswith("/static/") or path.startswith("/component/") or path.startswith("/media/"):
        return "/assets/*"
    return "/other"


def observe_request(path: str, method: str, status: int, seconds: float) -> None:
    route = route_label(path)
    HTTP_REQUESTS.labels(route=route, method=method, status=str(status)).inc()
    HTTP_LATENCY.labels(route=route).observe(seconds)


def count_login(success: bool) -> None:
    """Call once per login attempt (the login form)."""
    LOGINS.labels(outcome="success" if success else "failure").inc()


def count_page_view(page: str) -> None:
    """Call once per page run with the page's url path (bounded: the navigation's pages)."""
    PAGE_VIEWS.labels(page=page[:60]).inc()


def count_seed_run(action: str, outcome: str) -> None:
    """Call when a seed/reset/truncate finishes: action seed|reset|truncate, outcome succeeded|failed."""
    SEED_RUNS.labels(action=action, outcome=outcome).inc()


class PoolCollector(Collector):
    """Connection pool use of the app's engines, read at scrape time."""

    def collect(self):
        from lib.db import get_engine

        in_use = GaugeMetricFamily("unionops_db_pool_connections_in_use", "Connections checked out", labels=["db"])
        size = GaugeMetricFamily("unionops_db_pool_size", "Configured pool size", labels=["db"])
        engine = get_engine()  # lazy: creating it opens no connection
        if hasattr(engine.pool, "checkedout"):
            in_use.add_metric([engine.dialect.name], engine.pool.checkedout())
            size.add_metric([engine.dialect.name], engine.pool.size())
        yield in_use
        yield size


_registered = False


def setup_metrics(environment: str) -> None:
    """Register the pool collector and the build info once per process."""
    global _registered
    BUILD.info({"version": __version__, "environment": environment})
    if not _registered:
        REGISTRY.register(PoolCollector())
        _registered = True


def render_metrics() -> tuple[bytes, str]:
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
