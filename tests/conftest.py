"""Shared fixtures. Every database test runs once per engine: [sqlite] and, with TEST_DATABASE_URL, [postgresql]."""

import pytest

from lib.db import make_engine
from lib.migrate import upgrade_to_head
from tests.dbutil import create_empty_database, drop_database, engine_kinds, truncate_all


@pytest.fixture(params=engine_kinds())
def empty_db_url(request, tmp_path):
    """A brand-new database with no tables at all."""
    url = create_empty_database(request.param, tmp_path)
    yield url
    drop_database(url)


@pytest.fixture(scope="session", params=engine_kinds())
def migrated_db_url(request, tmp_path_factory):
    """One database per engine for the whole run, migrated to head once."""
    url = create_empty_database(request.param, tmp_path_factory.mktemp("db"))
    upgrade_to_head(url)
    yield url
    drop_database(url)


@pytest.fixture
def engine(migrated_db_url):
    """An engine on a migrated schema that is emptied after each test."""
    eng = make_engine(migrated_db_url)
    yield eng
    truncate_all(eng)
    eng.dispose()


ENGINE_FIXTURES = ("empty_db_url", "migrated_db_url")
_engine_of: dict[str, str] = {}


def pytest_collection_modifyitems(items):
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        kind = next((params[f] for f in ENGINE_FIXTURES if f in params), None)
        if kind:
            _engine_of[item.nodeid] = kind


def pytest_terminal_summary(terminalreporter):
    """Say how many database tests ran on each engine, so a CI log shows the PostgreSQL run."""
    counts: dict[str, dict[str, int]] = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            kind = _engine_of.get(report.nodeid)
            if kind and report.when in ("call", "setup"):
                by_outcome = counts.setdefault(kind, {})
                by_outcome[outcome] = by_outcome.get(outcome, 0) + 1
    for kind, by_outcome in sorted(counts.items()):
        summary = ", ".join(f"{n} {o}" for o, n in sorted(by_outcome.items()))
        terminalreporter.write_line(f"database tests on {kind}: {summary}")
