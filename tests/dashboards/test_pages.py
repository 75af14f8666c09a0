"""The Overview, Members and Dues dashboard pages under AppTest for a leadership user: on an empty
database, on the seeded database, and with filters that match nothing (a friendly message)."""

from datetime import date

import pytest

from lib.ui.dashkit import clear_dashboard_caches
from tests.dashboards.dashdata import LEADER, everything
from tests.dbutil import engine_kinds
from tests.seedutil import seeded_db_url
from tests.ui.apptest import run_page, use_database

PAGES = ("overview.py", "dashboard_members.py", "dashboard_dues.py")
NO_DATA = "to show for these filters"


def _messages(at) -> str:
    return "\n".join(str(e.value) for kind in ("info", "success", "warning", "error") for e in getattr(at, kind))


def _charts(at) -> int:
    return len(at.get("plotly_chart"))


@pytest.fixture
def empty_db(engine, monkeypatch):
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    clear_dashboard_caches()
    return engine


@pytest.mark.parametrize("page", PAGES)
def test_empty_database_shows_friendly_messages(empty_db, page):
    at = run_page(page, LEADER)
    assert not at.exception, at.exception
    assert NO_DATA in _messages(at)


@pytest.fixture(scope="module", params=engine_kinds())
def seeded_url(request):
    return seeded_db_url(request.param)


@pytest.mark.parametrize("page", PAGES)
def test_seeded_database_renders_charts_and_tiles(seeded_url, monkeypatch, page):
    use_database(monkeypatch, seeded_url)
    clear_dashboard_caches()
    at = run_page(page, LEADER)
    assert not at.exception, at.exception
    assert _charts(at) >= 2
    assert len(at.metric) >= 4 and all(m.value != "—" for m in at.metric[:2])


def test_overview_seeded_lists_what_needs_attention(seeded_url, monkeypatch):
    use_database(monkeypatch, seeded_url)
    at = run_page("overview.py", LEADER)
    assert any(e.label.startswith("Members 3+ months in arrears") for e in at.expander)
    good = next(m for m in at.metric if m.label == "Members in good standing")
    assert int(good.value.replace(",", "")) > 0


@pytest.fixture
def small_db(engine, monkeypatch):
    with engine.begin() as conn:
        ids = everything(conn)
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    clear_dashboard_caches()
    return ids


@pytest.mark.parametrize("page,key", [("dashboard_members.py", "members"), ("dashboard_dues.py", "dues")])
def test_filters_matching_nothing_say_so(small_db, page, key):
    at = run_page(page, LEADER)
    assert _charts(at) >= 1
    at.sidebar.selectbox(key=f"{key}_location").set_value(small_db["north"])  # only member C lives there
    at.sidebar.selectbox(key=f"{key}_classification").set_value("APPRENTICE_1").run()  # C is a journeyman
    assert not at.exception, at.exception
    assert _charts(at) == 0 and NO_DATA in _messages(at)


def test_overview_for_a_period_without_data(small_db):
    at = run_page("overview.py", LEADER)
    at.sidebar.date_input(key="overview_dates").set_value((date(2001, 1, 1), date(2001, 3, 31))).run()
    assert not at.exception, at.exception
    assert "No dues collected vs expected to show for these filters" in _messages(at)
