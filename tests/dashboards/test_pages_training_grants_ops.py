"""The Training, Grants and Union operations pages under AppTest for a leadership user: on an empty
database, on the seeded database, and with filters that match nothing (a friendly message)."""

from datetime import date

import pytest

from lib.ui.dashkit import clear_dashboard_caches
from tests.dashboards.handbuilt import LEADER, grants_data, training_data, union_ops_data
from tests.dbutil import engine_kinds
from tests.seedutil import seeded_db_url
from tests.ui.apptest import run_page, use_database

PAGES = ("dashboard_training.py", "dashboard_grants.py", "dashboard_union_ops.py")
NO_DATA = "to show for these filters"
DATA_YEAR = (date(2025, 1, 1), date(2025, 12, 1))
NOTHING_YEAR = (date(2018, 1, 1), date(2018, 12, 31))  # date_input allows ten years back


def _messages(at) -> str:
    return "\n".join(str(e.value) for kind in ("info", "success", "warning", "error") for e in getattr(at, kind))


def _charts(at) -> int:
    return len(at.get("plotly_chart"))


def _use(engine, monkeypatch):
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    clear_dashboard_caches()


@pytest.mark.parametrize("page", PAGES)
def test_empty_database_shows_friendly_messages(engine, monkeypatch, page):
    _use(engine, monkeypatch)
    at = run_page(page, LEADER)
    assert not at.exception, at.exception
    assert _charts(at) == 0 and NO_DATA in _messages(at)


@pytest.fixture(scope="module", params=engine_kinds())
def seeded_url(request):
    return seeded_db_url(request.param)


@pytest.mark.parametrize("page,charts", [("dashboard_training.py", 5), ("dashboard_grants.py", 5),
                                         ("dashboard_union_ops.py", 5)])
def test_seeded_database_renders_every_chart_and_tile(seeded_url, monkeypatch, page, charts):
    use_database(monkeypatch, seeded_url)
    clear_dashboard_caches()
    at = run_page(page, LEADER)
    assert not at.exception, at.exception
    assert _charts(at) == charts, _messages(at)
    assert len(at.metric) >= 5 and all(m.value != "—" for m in at.metric[:2])
    assert len(at.expander) == charts  # every chart has its data table


def test_training_seeded_funnel_reaches_members(seeded_url, monkeypatch):
    use_database(monkeypatch, seeded_url)
    clear_dashboard_caches()
    at = run_page("dashboard_training.py", LEADER)
    at.sidebar.date_input(key="training_dates").set_value((date(2022, 1, 1), date.today())).run()
    funnel = next(e for e in at.expander if e.label == "Data: Pipeline: from student to member")
    members = funnel.dataframe[0].value.set_index("Stage").loc["Became members", "Students"]
    assert members > 0


def test_training_location_without_cohorts_says_so(engine, monkeypatch):
    ids = training_data(engine)
    _use(engine, monkeypatch)
    at = run_page("dashboard_training.py", LEADER)
    at.sidebar.date_input(key="training_dates").set_value(DATA_YEAR).run()
    assert _charts(at) == 5
    dispatch = ids["center"] + 1  # the third location has no cohort
    at.sidebar.selectbox(key="training_location").set_value(dispatch).run()
    assert not at.exception, at.exception
    assert _charts(at) == 0 and "No pipeline: from student to member to show" in _messages(at)


@pytest.mark.parametrize("page,key,build", [("dashboard_grants.py", "grants", grants_data),
                                            ("dashboard_union_ops.py", "unionops", union_ops_data)])
def test_a_period_without_data_says_so(engine, monkeypatch, page, key, build):
    build(engine)
    _use(engine, monkeypatch)
    at = run_page(page, LEADER)
    at.sidebar.date_input(key=f"{key}_dates").set_value(DATA_YEAR).run()
    assert _charts(at) >= 4, _messages(at)
    at.sidebar.date_input(key=f"{key}_dates").set_value(NOTHING_YEAR).run()
    assert not at.exception, at.exception
    assert _charts(at) == 0 and NO_DATA in _messages(at)
