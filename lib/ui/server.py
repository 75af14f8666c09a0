"""Serve the Streamlit app and the HTTP API (health, metrics) on one port, with one uvicorn server.

Why not `streamlit run`: Streamlit binds its listening socket itself as socket.socket(family) with
protocol 0, and asyncio only sets TCP_NODELAY on sockets whose protocol is IPPROTO_TCP. So every
response written in two pieces (headers, then body) waits for the client's delayed ACK: about
40 ms per keep-alive request, pages and health alike. Letting uvicorn bind the address itself
(loop.create_server(host, port)) gives IPPROTO_TCP sockets, TCP_NODELAY, and no stall.
"""

import logging
import sys
import threading
import time
from collections.abc import Callable

import streamlit as st
import uvicorn
from starlette.middleware import Middleware

from lib.api import HttpMiddleware, routes
from lib.config import PROJECT_ROOT, get_settings
from lib.logs import adopt_loggers
from lib.metrics import setup_metrics

log = logging.getLogger(__name__)
ENTRY_SCRIPT = PROJECT_ROOT / "Home.py"
# Page scripts, reports and the admin's seed run in threads of this process. With CPython's default 5 ms
# GIL switch interval the event loop waited up to 5 ms per hand-over, several times per request: with one
# busy thread /api/health fell to ~150-550 req/s, p50 15-65 ms; at 1 ms, ~1,300 req/s, p50 7 ms.
GIL_SWITCH_INTERVAL = 0.001


def create_app(script=ENTRY_SCRIPT) -> st.App:
    """The ASGI app: our routes first, Streamlit's pages and /_stcore/* behind them."""
    never_run_pages_folder_directly()
    setup_metrics(get_settings().app_env)  # however the app is served, /metrics names its version
    return st.App(str(script), routes=routes(), middleware=[Middleware(HttpMiddleware)])


def never_run_pages_folder_directly() -> None:
    """Home.py builds st.navigation (login first). Streamlit runs a pages/ script by itself, skipping
    Home.py, until some run has called st.navigation; so the first visitor after a restart who asks
    for /records would get the page without the login. Tell it from the start that Home.py routes."""
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


def _streamlit_uvicorn_options() -> dict:
    """Streamlit's websocket settings (ping interval, max message size, protocol), TLS off."""
    from streamlit.web.server.starlette.starlette_server import _get_uvicorn_config_kwargs

    options = _get_uvicorn_config_kwargs()
    options.pop("ssl_certfile", None)
    options.pop("ssl_keyfile", None)
    return options


def uvicorn_config(app, host: str, port: int) -> uvicorn.Config:
    # log_config=None: uvicorn's loggers go through our root handlers (JSON, scrubbed).
    # proxy_headers from any address: the platform's load balancer is the only client that reaches us.
    return uvicorn.Config(app, host=host, port=port, log_config=None, proxy_headers=True,
                          forwarded_allow_ips="*", timeout_graceful_shutdown=10,
                          **_streamlit_uvicorn_options())


def serve(host: str, port: int, after_start: Callable[[], object] | None = None) -> None:
    """Block serving the app until SIGTERM/SIGINT; `after_start` runs in a thread once it listens."""
    app = create_app()
    config = uvicorn_config(app, host, port)
    # Not uvicorn.access: a line per health probe is noise (and costs); /metrics counts requests.
    adopt_loggers(["streamlit", *_streamlit_logger_names(), "uvicorn", "uvicorn.error"])
    log.info("serving on http://%s:%d (health at /api/health)", host, port)
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    server = uvicorn.Server(config)
    if after_start is not None:
        threading.Thread(target=_when_started, args=(server, after_start), name="after-start", daemon=True).start()
    server.run()


def _when_started(server: uvicorn.Server, action: Callable[[], object]) -> None:
    # Work started before the socket listens competes with the server's start-up for the GIL.
    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.05)
    action()


def _streamlit_logger_names() -> list[str]:
    from streamlit import logger as streamlit_logger

    return [name for name in getattr(streamlit_logger, "_loggers", {}) if name != "uvicorn.access"]
