"""Run a page script with AppTest against a test database as a given person."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from lib.auth.identity import Identity
from lib.config import get_settings
from lib.db import get_engine

ROOT = Path(__file__).resolve().parents[2]


def use_database(monkeypatch, url: str) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()


def run_page(page: str, who: Identity | None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / page), default_timeout=60)
    if who is not None:
        at.session_state["identity"] = who
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()
