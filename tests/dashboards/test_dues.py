"""Dues dashboard questions against the hand-built data of tests.dashboards.dashdata (both engines)."""

from datetime import date

import pytest

from lib.config import get_settings
from lib.dashboards import dues
from lib.dashboards.filters import Filters
from tests.dashboards.dashdata import AS_OF, LEADER, dues_members

Q1 = Filters(as_of=AS_OF, date_from=date(2026, 1, 1), date_to=AS_OF)


@pytest.fixture
def conn(engine, monkeypatch):
    monkeypatch.setattr(get_settings(), "dues_grace_days", 15)
    with engine.begin() as connection:
        ids = dues_members(connection)
        connection.info["ids"] = ids
        yield connection


def test_collected_vs_expected_per_month(conn):
    df = dues.collected_vs_expected(conn, LEADER, Q1)
    assert df["month"].tolist() == ["2026-01", "2026-02", "2026-03"]
    assert df["collected"].tolist() == [55.0, 85.0, 55.0]
    assert df["expected"].tolist() == [195.0, 195.0, 195.0]
    assert df["collection_rate"].round(4).tolist() == [0.2821, 0.4359, 0.2821]


def test_location_filter_keeps_only_that_halls_members(conn):
    north = Filters(as_of=AS_OF, date_from=date(2026, 1, 1), date_to=AS_OF, location_id=conn.info["ids"]["north"])
    df = dues.collected_vs_expected(conn, LEADER, north)
    assert df["collected"].tolist() == [0.0, 0.0, 0.0]
    assert df["expected"].tolist() == [55.0, 55.0, 55.0]
    snap = dues.standing_snapshot(conn, LEADER, north)
    assert snap.members == 1 and snap.longest_arrears["name"].tolist() == [f"Cy Member{_card(conn, 'C')}"]


def _card(conn, key):
    from sqlalchemy import text
    return conn.execute(text("SELECT card_number FROM members WHERE id = :i"), {"i": conn.info["ids"][key]}).scalar_one()[1:]


def test_standing_snapshot_ageing_by_days_overdue(conn):
    snap = dues.standing_snapshot(conn, LEADER, Filters(as_of=AS_OF))
    b = snap.buckets.set_index("bucket")
    assert b["members"].tolist() == [2, 1, 0, 1, 1]  # Current, 0-30, 31-60, 61-90, 90+
    assert b["owed"].tolist() == [0.0, 60.0, 0.0, 225.0, 775.0]
    assert (snap.members, snap.in_good_standing, snap.three_plus_months) == (5, 2, 2)
    assert snap.longest_arrears[["months_in_arrears", "balance"]].values.tolist() == [[14, 775.0], [3, 225.0]]
    assert snap.longest_arrears["member_id"].tolist() == [conn.info["ids"]["C"], conn.info["ids"]["D"]]


def test_payments_by_method(conn):
    df = dues.payments_by_method(conn, LEADER, Q1)
    assert df.values.tolist() == [["Check", 3, 165.0], ["Cash", 1, 30.0]]


def test_adjustments_by_month(conn):
    df = dues.adjustments_by_month(conn, LEADER, Q1)
    assert df.values.tolist() == [["2026-01", 0.0, 5.0, 1], ["2026-02", 20.0, 0.0, 1]]


def test_nothing_in_an_empty_period(conn):
    empty = Filters(as_of=AS_OF, date_from=date(2024, 1, 1), date_to=date(2024, 1, 31))
    assert dues.collected_vs_expected(conn, LEADER, empty)["collected"].tolist() == [0.0]
    assert dues.payments_by_method(conn, LEADER, empty).empty


def test_tiles_compare_collection_with_the_previous_period(conn):
    tiles = dues.collection_kpis(conn, LEADER, Q1).set_index("label")
    # Previous period: Oct 14 - Dec 31, 2025: A paid Nov and Dec ($110), E paid Dec ($10).
    assert (tiles.loc["Dues collected", "value"], tiles.loc["Dues collected", "previous"]) == (195.0, 120.0)
    snap = dues.standing_snapshot(conn, LEADER, Filters(as_of=AS_OF))
    standing = dues.standing_tiles(snap).set_index("label")
    assert (standing.loc["Members overdue", "value"], standing.loc["Owed by members", "value"]) == (3, 1060.0)
