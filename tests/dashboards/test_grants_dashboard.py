"""Grants dashboard questions against handbuilt.grants_data (answers in its docstring)."""

from datetime import date

import pandas as pd
import pytest

from lib.auth.permissions import PermissionDenied
from lib.dashboards import grants
from lib.dashboards.filters import Filters
from tests.dashboards.handbuilt import AS_OF, INSTRUCTOR, LEADER, grants_data

YEAR = Filters(as_of=AS_OF, date_from=date(2025, 1, 1), date_to=AS_OF)


@pytest.fixture
def ids(engine):
    return grants_data(engine)


def _ask(engine, question, f=YEAR):
    with engine.connect() as conn:
        return question(conn, LEADER, f)


def test_award_vs_spent_remaining_and_days_left(engine, ids):
    df = _ask(engine, grants.award_vs_spent).set_index("grant")
    assert list(df.index) == ["G1", "G2"]  # ending first on top; G3 ended in 2022
    assert df.loc["G1", ["award", "expenses", "instructor_cost", "spent", "remaining"]].tolist() == [
        120000.0, 4500.0, 650.25, 5150.25, 114849.75]
    assert df.loc["G1", ["pct_spent", "pct_time", "days_left"]].tolist() == [4.3, 91.8, 30]
    assert df.loc["G2", ["spent", "remaining", "pct_time", "days_left"]].tolist() == [2000.0, 48000.0, 42.2, 211]


def test_spend_by_category_against_the_budget(engine, ids):
    df = _ask(engine, grants.spend_by_category)
    assert df[["category", "budget", "spent"]].values.tolist() == [
        ["Instruction", 60000.0, 3000.0], ["Supplies", 20000.0, 1500.0], ["Travel", 40000.0, 0.0],
        ["Administration", 50000.0, 2000.0]]
    assert df["pct_of_budget"].tolist() == [5.0, 7.5, 0.0, 4.0]


def test_burn_of_one_grant_against_the_straight_line(engine, ids):
    df = _ask(engine, grants.burn, Filters(as_of=AS_OF, date_from=date(2025, 1, 1), grant_id=ids["g1"]))
    assert df["month"].tolist() == [f"2025-{m:02d}" for m in range(1, 13)]
    assert df["spent"].tolist()[:5] == [0.0, 1000.0, 4000.0, 150.25, 0.0]
    assert df["spent_to_date"].tolist()[-1] == 5150.25  # the $700 of Dec 20 is after as_of
    by_month = df.set_index("month")["planned_to_date"]
    assert (by_month["2025-01"], by_month["2025-06"], by_month["2025-12"]) == (10191.78, 59506.85, 120000.0)


def test_burn_stops_the_actual_line_at_today(engine, ids):
    df = _ask(engine, grants.burn, Filters(as_of=AS_OF, date_from=date(2025, 1, 1), grant_id=ids["g2"]))
    assert df["month"].iloc[-1] == "2026-06" and df["planned_to_date"].iloc[-1] == 50000.0
    assert pd.isna(df.set_index("month").loc["2026-01", "spent_to_date"])
    assert df.set_index("month").loc["2025-12", "spent_to_date"] == 2000.0


def test_instructor_hours_cost(engine, ids):
    assert _ask(engine, grants.instructor_cost).values.tolist() == [["G1", 1, 12.5, 650.25]]


def test_outcome_targets_vs_the_students_of_funded_cohorts(engine, ids):
    df = _ask(engine, grants.outcomes)
    assert df[["measure", "target", "actual"]].values.tolist() == [
        ["Enrollments", 14, 4], ["Completions", 11, 2], ["Placements", 7, 1]]
    only_g2 = _ask(engine, grants.outcomes, Filters(as_of=AS_OF, date_from=date(2025, 1, 1), grant_id=ids["g2"]))
    assert only_g2["actual"].tolist() == [1, 0, 0]


def test_kpis(engine, ids):
    tiles = _ask(engine, grants.kpis).set_index("label")
    assert tiles.loc["Grants", "value"] == 2 and tiles.loc["Awarded", "value"] == 170000.0
    assert tiles.loc["Spent in the period", ["value", "previous"]].tolist() == [7150.25, 0.0]
    assert tiles.loc["Remaining", "value"] == 162849.75
    assert tiles.loc["Ending within 60 days", "value"] == 1


def test_filters_that_match_nothing_give_empty_frames(engine, ids):
    nothing = Filters(as_of=AS_OF, date_from=date(2019, 1, 1), date_to=date(2019, 12, 31))
    for question in (grants.award_vs_spent, grants.spend_by_category, grants.burn, grants.instructor_cost,
                     grants.outcomes):
        assert _ask(engine, question, nothing).empty, question.__name__


@pytest.mark.parametrize("question", [grants.award_vs_spent, grants.spend_by_category, grants.burn,
                                      grants.instructor_cost, grants.outcomes, grants.kpis])
def test_an_instructor_may_not_see_the_dashboard(engine, question):
    with engine.connect() as conn, pytest.raises(PermissionDenied):
        question(conn, INSTRUCTOR, YEAR)


def test_a_chosen_grant_shows_whatever_the_dates(engine, ids):
    chosen = Filters(as_of=AS_OF, date_from=date(2025, 1, 1), grant_id=ids["g3"])
    assert _ask(engine, grants.award_vs_spent, chosen)[["grant", "spent", "days_left"]].values.tolist() == [
        ["G3", 9000.0, 0]]
    assert _ask(engine, grants.burn, chosen)["spent_to_date"].iloc[-1] == 9000.0
