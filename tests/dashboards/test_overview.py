"""Overview KPIs and attention list against the hand-built data (tests.dashboards.dashdata), both engines."""

from datetime import date

import pytest

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.config import get_settings
from lib.dashboards import overview
from lib.dashboards.filters import Filters
from lib.models.enums import RoleName
from tests.dashboards.dashdata import AS_OF, LEADER, everything

Q1 = Filters(as_of=AS_OF, date_from=date(2026, 1, 1), date_to=AS_OF)  # previous: Oct 14 - Dec 31, 2025


@pytest.fixture
def conn(engine, monkeypatch):
    monkeypatch.setattr(get_settings(), "dues_grace_days", 15)
    with engine.begin() as connection:
        connection.info["ids"] = everything(connection)
        yield connection


def test_kpis(conn):
    tiles = overview.summary(conn, LEADER, Q1).kpis.set_index("label")
    value = lambda label: tiles.loc[label, "value"]  # noqa: E731
    previous = lambda label: tiles.loc[label, "previous"]  # noqa: E731
    assert value("Members in good standing") == 2 and tiles.loc["Members in good standing", "help"] == "40% of 5 members"
    assert (value("Dues collected, March"), previous("Dues collected, March")) == (55.0, 85.0)
    assert round(value("Collection rate, this month"), 4) == round(55 / 195, 4)
    assert value("Active students") == 2
    assert (round(value("Completion rate"), 4), previous("Completion rate")) == (round(2 / 3, 4), 0.5)
    assert (round(value("Grant spend vs award"), 4), round(previous("Grant spend vs award"), 4)) == (
        round(8000 / 15000, 4), round(7000 / 15000, 4))
    assert (value("Open grievances"), previous("Open grievances")) == (2, 1)
    assert (value("Overdue grievance steps"), previous("Overdue grievance steps")) == (1, 1)


def test_attention_list(conn):
    s = overview.summary(conn, LEADER, Q1)
    assert s.attention_counts["count"].tolist() == [1, 1, 2, 1]
    rows = s.attention.groupby("kind")["item"].apply(list).to_dict()
    assert rows["Overdue grievance steps"][0].startswith("X · Alice")
    assert rows["Credentials expiring within 30 days"] == ["S3 Student"]
    assert len(rows["Members 3+ months in arrears"]) == 2 and rows["Members 3+ months in arrears"][0].startswith("Cy ")
    assert rows["Grants ending within 60 days with funds unspent"] == ["G1 Grant G1"]
    assert "$7,000.00 unspent" in s.attention.loc[s.attention["kind"] == "Grants ending within 60 days with funds unspent", "detail"].iloc[0]


def test_an_empty_database_gives_zeros_not_errors(engine):
    with engine.connect() as conn:
        s = overview.summary(conn, LEADER, Q1)
    assert s.attention.empty and s.attention_counts["count"].sum() == 0
    assert s.kpis.set_index("label").loc["Members in good standing", "value"] == 0


def test_instructors_cannot_see_it(engine):
    with engine.connect() as conn, pytest.raises(PermissionDenied):
        overview.summary(conn, Identity(id=None, email="t@x", roles=frozenset({RoleName.INSTRUCTOR})), Q1)


def test_a_past_day_counts_the_students_and_members_of_that_day(conn):
    """The leadership summary asks for last month's tiles: S3-S7 finished after Oct 31, 2025, so were
    still active then (7 with S1, S2); nobody had enrolled by Aug 31. Bo, Di and Ed joined later."""
    tiles = lambda day: overview.summary(conn, LEADER, Filters(as_of=day)).kpis.set_index("label")  # noqa: E731
    assert tiles(date(2025, 10, 31)).loc["Active students", "value"] == 7
    assert tiles(date(2025, 8, 31)).loc["Active students", "value"] == 0
    assert tiles(date(2025, 10, 31)).loc["Members in good standing", "help"].endswith("of 2 members")


def test_dues_this_month_compares_with_last_month_to_the_same_day(conn):
    early = Filters(as_of=date(2026, 3, 8), date_from=date(2026, 1, 1), date_to=date(2026, 3, 8))
    tiles = overview.summary(conn, LEADER, early).kpis.set_index("label")
    # March 1-8: nothing yet (A pays on the 10th); February 1-8: B's $30 on Feb 5, not A's $55 on Feb 10.
    assert (tiles.loc["Dues collected, March", "value"], tiles.loc["Dues collected, March", "previous"]) == (0.0, 30.0)
