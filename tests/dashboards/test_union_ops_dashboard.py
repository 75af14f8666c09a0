"""Union operations dashboard questions against handbuilt.union_ops_data (answers in its docstring)."""

from datetime import date

import pytest

from lib.auth.permissions import PermissionDenied
from lib.dashboards import union_ops
from lib.dashboards.filters import Filters
from tests.dashboards.handbuilt import AS_OF, INSTRUCTOR, LEADER, union_ops_data

HALF = Filters(as_of=AS_OF, date_from=date(2025, 6, 1), date_to=AS_OF)


@pytest.fixture
def data(engine):
    union_ops_data(engine)


def _ask(engine, question, f=HALF):
    with engine.connect() as conn:
        return question(conn, LEADER, f)


def test_open_grievances_by_step_and_age(engine, data):
    assert _ask(engine, union_ops.open_grievances_by_step_and_age).values.tolist() == [
        ["Step 1", "0-30 days", 1, 0], ["Step 2", "61-90 days", 1, 1], ["Waiting for the next step", "90+ days", 1, 0]]


def test_step_clocks_use_the_grievance_rules(engine, data):
    assert _ask(engine, union_ops.step_clocks).values.tolist() == [
        ["Step 1", "Open", 1], ["Step 1", "Met", 2], ["Step 1", "Late", 1], ["Step 2", "Overdue", 1]]


def test_salting_by_outcome_and_target(engine, data):
    assert _ask(engine, union_ops.salting_by_outcome).values.tolist() == [
        ["Leafleting", "No Contact", 1], ["House Call", "Contact Made", 1], ["House Call", "Card Signed", 1],
        ["Job Site Visit", "Hired On", 1]]
    targets = _ask(engine, union_ops.salting_by_target)
    assert targets.values.tolist() == [["Target One", 3, 2, 1, date(2025, 11, 1)],
                                       ["Target Two", 1, 0, 0, date(2025, 7, 1)]]


def test_benevolence_requested_vs_approved(engine, data):
    assert _ask(engine, union_ops.benevolence_by_reason).values.tolist() == [
        ["Medical", 2, 1500.0, 1, 600.0], ["Hardship", 1, 300.0, 0, 0.0]]


def test_kpis_against_the_period_before(engine, data):
    tiles = _ask(engine, union_ops.kpis).set_index("label")
    assert tiles[["value", "previous"]].to_dict("index") == {
        "Grievances filed": {"value": 4, "previous": 1}, "Still open": {"value": 3, "previous": 1},
        "Overdue steps": {"value": 1, "previous": 1}, "SALTing activities": {"value": 4, "previous": 1},
        "Cards signed": {"value": 2, "previous": 0}, "Benevolence requested": {"value": 1800.0, "previous": 2000.0},
        "Benevolence approved": {"value": 600.0, "previous": 0.0}}


def test_filters_that_match_nothing_give_empty_frames(engine, data):
    nothing = Filters(as_of=AS_OF, date_from=date(2019, 1, 1), date_to=date(2019, 12, 31))
    for question in (union_ops.open_grievances_by_step_and_age, union_ops.step_clocks, union_ops.salting_by_outcome,
                     union_ops.salting_by_target, union_ops.benevolence_by_reason):
        assert _ask(engine, question, nothing).empty, question.__name__


@pytest.mark.parametrize("question", [union_ops.open_grievances_by_step_and_age, union_ops.step_clocks,
                                      union_ops.salting_by_outcome, union_ops.salting_by_target,
                                      union_ops.benevolence_by_reason, union_ops.kpis])
def test_an_instructor_may_not_see_the_dashboard(engine, question):
    with engine.connect() as conn, pytest.raises(PermissionDenied):
        question(conn, INSTRUCTOR, HALF)
