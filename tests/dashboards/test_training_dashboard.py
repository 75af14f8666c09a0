"""Training dashboard questions against the hand-built cohorts of handbuilt.training_data (answers in its docstring)."""

from datetime import date

import pandas as pd
import pytest

from lib.auth.permissions import PermissionDenied
from lib.dashboards import training
from lib.dashboards.filters import Filters
from tests.dashboards.handbuilt import AS_OF, INSTRUCTOR, LEADER, training_data

YEAR = Filters(as_of=AS_OF, date_from=date(2025, 1, 1), date_to=AS_OF)


@pytest.fixture
def ids(engine):
    return training_data(engine)


def _ask(engine, question, f=YEAR):
    with engine.connect() as conn:
        return question(conn, LEADER, f)


def test_funnel_counts_each_stage_once_per_student(engine, ids):
    df = _ask(engine, training.funnel)
    assert df[["stage", "students"]].values.tolist() == [
        ["Students", 9], ["Completed the program", 4], ["Applied to the JATC", 3], ["Accepted apprentices", 2],
        ["Became members", 1]]
    assert df["pct_of_students"].tolist() == [100.0, 44.4, 33.3, 22.2, 11.1]


def test_funnel_of_one_cohort_and_of_an_older_period(engine, ids):
    assert _ask(engine, training.funnel, Filters(as_of=AS_OF, date_from=date(2025, 1, 1), cohort_id=ids["b"]))[
        "students"].tolist() == [4, 0, 0, 0, 0]
    old = Filters(as_of=AS_OF, date_from=date(2023, 1, 1), date_to=date(2023, 12, 31))
    assert _ask(engine, training.funnel, old)["students"].tolist() == [1, 1, 1, 1, 1]


def test_cohort_outcomes_rates(engine, ids):
    df = _ask(engine, training.cohort_outcomes).set_index("cohort")
    assert df.loc["A", ["enrolled", "not_started", "active", "completed", "dropped"]].tolist() == [5, 0, 0, 4, 1]
    assert df.loc["B", ["enrolled", "not_started", "active", "completed", "dropped"]].tolist() == [4, 1, 2, 0, 1]
    assert df.loc["A", "completion_rate"] == 80.0 and df.loc["A", "attendance_rate"] == 66.7
    assert pd.isna(df.loc["B", "completion_rate"])  # still running: no rate yet
    assert df.loc["B", "attendance_rate"] == 100.0
    assert list(df.index) == ["A", "B"]  # C ran in 2023


def test_credentials_by_type_in_the_period(engine, ids):
    df = _ask(engine, training.credentials_by_type)
    assert df.values.tolist() == [["OSHA 10", 2, 1], ["First Aid", 1, 1]]
    at_center = Filters(as_of=AS_OF, date_from=date(2025, 1, 1), location_id=ids["center"])
    assert _ask(engine, training.credentials_by_type, at_center).values.tolist() == [["First Aid", 1, 1]]


def test_tools_value_per_cohort(engine, ids):
    df = _ask(engine, training.tools_by_cohort)
    assert df[["cohort", "items", "issued_value", "returned_value", "outstanding_value"]].values.tolist() == [
        ["A", 2, 150.0, 50.0, 100.0], ["B", 1, 200.0, 0.0, 200.0]]


def test_kpis_against_the_period_before(engine, ids):
    tiles = _ask(engine, training.kpis).set_index("label")
    assert tiles.loc["Students in cohorts", ["value", "previous"]].tolist() == [9, 0]
    assert tiles.loc["Active students", "value"] == 2
    assert tiles.loc["Completion rate", "value"] == 0.667  # 4 completed of 6 who finished in 2025
    assert tiles.loc["Credentials earned", "value"] == 3
    assert tiles.loc["Accepted by the JATC", ["value", "previous"]].tolist() == [2, 0]


def test_filters_that_match_nothing_give_empty_frames(engine, ids):
    nowhere = Filters(as_of=AS_OF, date_from=date(2025, 1, 1), location_id=ids["hall"] + 999)
    for question in (training.funnel, training.cohort_outcomes, training.credentials_by_type, training.tools_by_cohort):
        assert _ask(engine, question, nowhere).empty, question.__name__


@pytest.mark.parametrize("question", [training.funnel, training.cohort_outcomes, training.credentials_by_type,
                                      training.tools_by_cohort, training.kpis])
def test_an_instructor_may_not_see_the_dashboard(engine, question):
    with engine.connect() as conn, pytest.raises(PermissionDenied):
        question(conn, INSTRUCTOR, YEAR)


def test_kpis_of_one_cohort(engine, ids):
    tiles = _ask(engine, training.kpis, Filters(as_of=AS_OF, date_from=date(2025, 1, 1), cohort_id=ids["b"]))
    values = tiles.set_index("label")["value"].to_dict()
    assert values == {"Students in cohorts": 4, "Active students": 2, "Completion rate": 0.0,  # s9 dropped
                      "Credentials earned": 1, "Accepted by the JATC": 0}


def test_a_chosen_cohort_shows_whenever_it_ran(engine, ids):
    """Cohort C ran in 2023: picking it with this year's dates still shows it, with its credential."""
    chosen = Filters(as_of=AS_OF, date_from=date(2025, 1, 1), cohort_id=ids["c"])
    assert _ask(engine, training.funnel, chosen)["students"].tolist() == [1, 1, 1, 1, 1]
    assert _ask(engine, training.cohort_outcomes, chosen)["cohort"].tolist() == ["C"]
    assert _ask(engine, training.credentials_by_type, chosen).values.tolist() == [["OSHA 10", 1, 1]]
