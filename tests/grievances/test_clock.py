"""Grievance deadlines in business days, by hand: weekends, a holiday, a year end; step order."""

from datetime import date

import pytest
from sqlalchemy import insert, select

from lib.config import get_settings
from lib.grievances.clock import (
    DUE_SOON, LATE, MET, OPEN, OVERDUE, GrievanceError, close_step, grievance_steps, open_next_step,
    overdue_steps, step_deadline, step_status, step_status_counts,
)
from lib.models import Grievance, GrievanceStep, Member, Organization
from lib.models.enums import (
    ContractType, GrievanceStatus, GrievanceStepName, MemberClassification, MemberStatus, OrganizationType,
    StepOutcome,
)
from tests.dues.ledgerdata import CLERK

HOLIDAYS = (date(2025, 11, 27), date(2025, 12, 25), date(2026, 1, 1), date(2026, 11, 26))


@pytest.fixture(autouse=True)
def rules(monkeypatch):
    settings = get_settings()
    monkeypatch.setattr(settings, "holidays", HOLIDAYS)
    monkeypatch.setattr(settings, "grievance_days_per_step", {"INSIDE": 10, "RESIDENTIAL": 10, "SOUND_COMM": 15})
    monkeypatch.setattr(settings, "grievance_due_soon_days", 5)


def test_deadline_skips_weekends():
    # Fri Nov 6, 2026 + 10 business days: Nov 9-13, 16-20 -> Fri Nov 20.
    assert step_deadline(date(2026, 11, 6), ContractType.INSIDE) == date(2026, 11, 20)


def test_deadline_skips_a_holiday():
    # Mon Nov 23 + 10: Nov 24, 25, (26 Thanksgiving), 27, 30, Dec 1, 2, 3, 4, 7, 8 -> Tue Dec 8.
    assert step_deadline(date(2026, 11, 23), ContractType.RESIDENTIAL) == date(2026, 12, 8)


def test_deadline_across_a_year_end_with_holidays():
    # Mon Dec 22, 2025 + 15 (sound & comm): Dec 23, 24, 26, 29, 30, 31, Jan 2, 5-9, 12, 13, 14 -> Wed Jan 14.
    assert step_deadline(date(2025, 12, 22), ContractType.SOUND_COMM) == date(2026, 1, 14)


@pytest.mark.parametrize("closed, today, expected", [
    (None, date(2026, 11, 30), OPEN),       # deadline Dec 8 is 6 business days away
    (None, date(2026, 12, 1), DUE_SOON),    # Dec 8 is the 5th business day after Dec 1
    (None, date(2026, 12, 8), DUE_SOON),    # the deadline day itself
    (None, date(2026, 12, 9), OVERDUE),
    (date(2026, 12, 8), date(2027, 1, 5), MET),
    (date(2026, 12, 9), date(2027, 1, 5), LATE),
])
def test_step_status(closed, today, expected):
    assert step_status(date(2026, 12, 8), closed, today) == expected


def _grievance(conn, filed: date, contract=ContractType.INSIDE) -> int:
    member = conn.execute(insert(Member).values(
        card_number="G1", first_name="Gri", last_name="Evant", classification=MemberClassification.JOURNEYMAN_WIREMAN,
        status=MemberStatus.ACTIVE, initiation_date=date(2010, 1, 1)).returning(Member.id)).scalar_one()
    org = conn.execute(insert(Organization).values(name="Sparks Co", org_type=OrganizationType.SIGNATORY_CONTRACTOR)
                       .returning(Organization.id)).scalar_one()
    return conn.execute(insert(Grievance).values(
        grievance_number="G-2026-001", member_id=member, employer_organization_id=org, contract=contract,
        filed_on=filed, contract_article="Art. 4", status=GrievanceStatus.OPEN).returning(Grievance.id)).scalar_one()


def test_steps_follow_in_order_and_arbitration_is_last(engine):
    with engine.begin() as conn:
        g = _grievance(conn, date(2025, 11, 7))
        first = open_next_step(conn, CLERK, g)
        with pytest.raises(GrievanceError, match="Step 1 is still open"):
            open_next_step(conn, CLERK, g)
        close_step(conn, CLERK, first, closed_on=date(2025, 11, 24), outcome=StepOutcome.ESCALATED)
        second = open_next_step(conn, CLERK, g)
        row = conn.execute(select(GrievanceStep.step, GrievanceStep.started_on, GrievanceStep.deadline_on)
                           .where(GrievanceStep.id == second)).one()
        assert row == (GrievanceStepName.STEP_2, date(2025, 11, 24), date(2025, 12, 9))  # holiday Nov 27
        for closed in (date(2025, 11, 25), date(2025, 11, 26)):
            close_step(conn, CLERK, conn.execute(select(GrievanceStep.id).where(
                GrievanceStep.grievance_id == g, GrievanceStep.closed_on.is_(None))).scalar_one(),
                closed_on=closed, outcome=StepOutcome.ESCALATED)
            open_next_step(conn, CLERK, g)
        arbitration = conn.execute(select(GrievanceStep.id).where(
            GrievanceStep.step == GrievanceStepName.ARBITRATION)).scalar_one()
        with pytest.raises(GrievanceError, match="cannot be escalated"):
            close_step(conn, CLERK, arbitration, closed_on=date(2025, 11, 28), outcome=StepOutcome.ESCALATED)
        close_step(conn, CLERK, arbitration, closed_on=date(2025, 11, 28), outcome=StepOutcome.RESOLVED)
        assert conn.execute(select(Grievance.status)).scalar_one() == GrievanceStatus.SETTLED
        with pytest.raises(GrievanceError, match="settled"):
            open_next_step(conn, CLERK, g)


def test_overdue_and_counts_in_sql_match_the_python_rule(engine):
    with engine.begin() as conn:
        g = _grievance(conn, date(2025, 11, 7))  # step 1 deadline Nov 21
        open_next_step(conn, CLERK, g)
        today = date(2025, 11, 24)
        assert [s.step for s in overdue_steps(conn, CLERK, today)] == [GrievanceStepName.STEP_1]
        counts = step_status_counts(conn, CLERK, today)
        assert counts[OVERDUE] == 1 and sum(counts.values()) == 1
        for row in grievance_steps(conn, CLERK, date(2025, 11, 17)):
            assert row.status == step_status(row.deadline_on, row.closed_on, date(2025, 11, 17)) == DUE_SOON
