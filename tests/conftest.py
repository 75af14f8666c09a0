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


def pytest_terminal_summary(terminalreporter):
    """Say how many database tests ran on each engine, so a CI log shows the PostgreSQL run."""
    counts: dict[str, dict[str, int]] = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            for kind in ("sqlite", "postgresql"):
                if f"[{kind}" in report.nodeid or f"-{kind}]" in report.nodeid or f"-{kind}-" in report.nodeid:
                    counts.setdefault(kind, {}).setdefault(outcome, 0)
                    counts[kind][outcome] += 1
    for kind, by_outcome in counts.items():
        summary = ", ".join(f"{n} {o}" for o, n in sorted(by_outcome.items()))
        terminalreporter.write_line(f"database tests on {kind}: {summary}")
