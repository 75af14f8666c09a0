"""Members dashboard questions against the hand-built data (tests.dashboards.dashdata), both engines."""

from datetime import date

import pytest

from lib.dashboards import members
from lib.dashboards.filters import Filters
from tests.dashboards.dashdata import AS_OF, LEADER, dues_members, employments

Q1 = Filters(as_of=AS_OF, date_from=date(2026, 1, 1), date_to=AS_OF)


@pytest.fixture
def conn(engine):
    with engine.begin() as connection:
        ids = dues_members(connection)
        employments(connection, ids)
        connection.info["ids"] = ids
        yield connection


def test_by_status_and_classification(conn):
    assert members.by_status_and_classification(conn, LEADER, Q1).values.tolist() == [
        ["Apprentice 1", "Active", 1], ["Journeyman Wireman", "Active", 3], ["Retired", "Retired", 1]]


def test_classification_filter(conn):
    only = Filters(as_of=AS_OF, classification="APPRENTICE_1")
    assert members.by_status_and_classification(conn, LEADER, only)["members"].tolist() == [1]


def test_initiations_by_month(conn):
    assert members.initiations_by_month(conn, LEADER, Q1)["initiations"].tolist() == [1, 0, 0]


def test_employment_by_contractor_counts_current_jobs_only(conn):
    assert members.employment_by_contractor(conn, LEADER, Q1).values.tolist() == [["Bright Electric", 1], ["Volt Co", 1]]


def test_without_current_employment(conn):
    df = members.without_current_employment(conn, LEADER, Q1)
    assert df.values.tolist() == [["Apprentice 1", 1, 1], ["Journeyman Wireman", 3, 1]]


def test_retention_by_initiation_year(conn):
    df = members.retention_by_initiation_year(conn, LEADER, Q1)
    assert df[["year", "initiated", "still_active"]].values.tolist() == [["2024", 1, 1], ["2025", 3, 2], ["2026", 1, 1]]


def test_kpis_compare_with_the_previous_period(conn):
    tiles = members.kpis(conn, LEADER, Q1).set_index("label")
    assert tiles.loc["Active members", "value"] == 4
    assert (tiles.loc["New initiations", "value"], tiles.loc["New initiations", "previous"]) == (1, 2)
    assert tiles.loc["Active, no current job", "value"] == 2
    assert (tiles.loc["Left active status", "value"], tiles.loc["Left active status", "previous"]) == (0, 1)
