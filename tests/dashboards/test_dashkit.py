"""The dashboard kit: filters' previous period, the cached ask and its clearing, tiles and charts."""

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import insert
from streamlit.testing.v1 import AppTest

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.dashboards import options
from lib.dashboards.filters import Filters
from lib.dashboards.sql import fill_months
from lib.models import Location
from lib.models.enums import LocationKind, RoleName
from lib.ui.dashkit import ask, clear_dashboard_caches, delta_text, style, tile_value
from tests.ui.apptest import use_database

LEADER = Identity(id=None, email="chair@local46.example", roles=frozenset({RoleName.LEADERSHIP}))
INSTRUCTOR = Identity(id=None, email="teach@local46.example", roles=frozenset({RoleName.INSTRUCTOR}))


def test_previous_period_is_the_same_length_just_before():
    f = Filters(as_of=date(2026, 3, 31), date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))
    prev = f.previous()
    assert (prev.start, prev.end) == (date(2026, 1, 29), date(2026, 2, 28))  # 31 days back


def test_default_period_is_twelve_months_to_as_of():
    f = Filters(as_of=date(2026, 12, 6))
    assert (f.start, f.end) == (date(2026, 1, 1), date(2026, 12, 6))


def test_fill_months_gives_zero_for_missing_months():
    df = fill_months(pd.DataFrame({"month": ["2026-02"], "n": [5]}), date(2026, 1, 15), date(2026, 3, 1))
    assert df.to_dict("list") == {"month": ["2026-01", "2026-02", "2026-03"], "n": [0, 5, 0]}


def test_large_dollar_tiles_are_short_enough_to_read_whole():
    assert tile_value(556_420.0, "${:,.0f}") == "$556.4k"
    assert tile_value(8_208_000.0, "${:,.0f}") == "$8.21M"
    assert tile_value(34_804.0, "${:,.0f}") == "$34,804"
    assert tile_value(123_456.0, "{:,.0f}") == "123,456"  # counts stay exact


def test_delta_puts_the_sign_first():
    assert delta_text(900, 1240, "${:,.0f}") == "-$340"
    assert delta_text(12, 10, "{:,.0f}") == "+2"
    assert delta_text(0.825, 0.83, "{:.0%}") == "-0.5 pts"


def test_a_chart_without_axis_labels_is_refused():
    import plotly.graph_objects as go
    with pytest.raises(ValueError, match="axis labels"):
        style(go.Figure(), "Members", "", "Members")


@pytest.fixture
def db(engine, monkeypatch):
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    clear_dashboard_caches()
    return engine


def test_answers_are_cached_until_cleared(db):
    assert ask(options.locations, LEADER, Filters()).empty
    with db.begin() as conn:
        conn.execute(insert(Location).values(name="Union Hall", kind=LocationKind.UNION_HALL))
    assert ask(options.locations, LEADER, Filters()).empty  # the cached answer
    clear_dashboard_caches()
    assert ask(options.locations, LEADER, Filters())["name"].tolist() == ["Union Hall"]


def test_ask_checks_the_permission_even_when_cached(db):
    ask(options.locations, LEADER, Filters())
    with pytest.raises(PermissionDenied):
        ask(options.locations, INSTRUCTOR, Filters())


def _kit_page():
    import pandas as pd
    from lib.ui.dashkit import chart, kpi_row
    kpi_row(pd.DataFrame([{"label": "Members", "value": 120, "previous": 100},
                          {"label": "Dues", "value": 900.0, "previous": 1240.0, "fmt": "${:,.0f}"}]))
    chart(pd.DataFrame({"m": ["2026-01", "2026-02"], "n": [3, 4]}), "bar", "m", "n", title="New members",
          x_label="Month", y_label="Members", key="new")
    chart(pd.DataFrame({"m": [], "n": []}), "line", "m", "n", title="Dropped", x_label="Month",
          y_label="Students", key="dropped")


def test_tiles_chart_table_and_no_data_message_render():
    at = AppTest.from_function(_kit_page).run()
    assert not at.exception
    assert [(m.label, m.value, m.delta) for m in at.metric] == [("Members", "120", "+20"), ("Dues", "$900", "-$340")]
    assert [e.label for e in at.expander] == ["Data: New members"]
    assert "No dropped to show for these filters" in at.info[0].value


def test_extra_args_are_part_of_the_cache_key(db):
    def labelled(conn, who, f, label):
        return f"{label}: {len(options.locations(conn, who, f))} locations"
    assert ask(labelled, LEADER, Filters(), "a") == "a: 0 locations"
    assert ask(labelled, LEADER, Filters(), "b") == "b: 0 locations"
