"""Grievance step deadlines: business days per contract from the filed or previous step's date.

Step 1 starts on the filed date; each later step starts when the previous one closed; a step's
deadline is that start plus the contract's days per step in business days (weekends and the
HOLIDAYS setting skipped). Arbitration is the last step, and a step only follows a closed one.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, case, func, insert, select, update

from lib.audit import record_audit
from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.config import get_settings
from lib.dues.access import require_dues_reader
from lib.models import Grievance, GrievanceStep
from lib.models.enums import (
    AuditAction, ContractType, GrievanceStatus, GrievanceStepName, StepOutcome,
)
from lib.workdays import add_business_days

STEP_ORDER = list(GrievanceStepName)  # STEP_1, STEP_2, STEP_3, ARBITRATION
OPEN, DUE_SOON, OVERDUE, MET, LATE = "OPEN", "DUE_SOON", "OVERDUE", "MET", "LATE"
STEP_STATUSES = (OPEN, DUE_SOON, OVERDUE, MET, LATE)


class GrievanceError(ValueError):
    """A step that the rules do not allow; the message says why."""


def days_per_step(contract: ContractType) -> int:
    return get_settings().grievance_days_per_step[ContractType(contract).value]


def step_deadline(started_on: date, contract: ContractType) -> date:
    settings = get_settings()
    return add_business_days(started_on, days_per_step(contract), settings.holidays)


def step_status(deadline_on: date, closed_on: date | None, today: date) -> str:
    """MET / LATE once closed; otherwise OVERDUE after the deadline, DUE_SOON within the setting's
    business days before it (5 by default), else OPEN."""
    if closed_on is not None:
        return MET if closed_on <= deadline_on else LATE
    if today > deadline_on:
        return OVERDUE
    soon = add_business_days(today, get_settings().grievance_due_soon_days, get_settings().holidays)
    return DUE_SOON if deadline_on <= soon else OPEN


def next_step_name(taken: list[GrievanceStepName]) -> GrievanceStepName:
    if not taken:
        return STEP_ORDER[0]
    last = max(taken, key=STEP_ORDER.index)
    if last == GrievanceStepName.ARBITRATION:
        raise GrievanceError("Arbitration is the last step: there is no step after it.")
    return STEP_ORDER[STEP_ORDER.index(last) + 1]


@dataclass(frozen=True)
class StepRow:
    step_id: int
    grievance_id: int
    grievance_number: str
    member_id: int
    step: GrievanceStepName
    started_on: date
    deadline_on: date
    closed_on: date | None
    status: str


def step_status_select(today: date):
    """Every grievance step with its status computed in SQL (same rule as step_status)."""
    soon = add_business_days(today, get_settings().grievance_due_soon_days, get_settings().holidays)
    s, g = GrievanceStep, Grievance
    status = case(
        (s.closed_on.is_not(None), case((s.closed_on <= s.deadline_on, MET), else_=LATE)),
        (s.deadline_on < today, OVERDUE), (s.deadline_on <= soon, DUE_SOON), else_=OPEN)
    return select(s.id.label("step_id"), s.grievance_id, g.grievance_number, g.member_id, s.step,
                  s.started_on, s.deadline_on, s.closed_on, status.label("status")
                  ).join(g, g.id == s.grievance_id)


def grievance_steps(conn: Connection, who: Identity, today: date, statuses: tuple[str, ...] = STEP_STATUSES,
                    grievance_id: int | None = None) -> list[StepRow]:
    """Steps with the given statuses (all by default), the most urgent deadline first."""
    require_dues_reader(who)
    sub = step_status_select(today).subquery()
    query = select(sub).where(sub.c.status.in_(statuses)).order_by(sub.c.deadline_on, sub.c.step_id)
    if grievance_id is not None:
        query = query.where(sub.c.grievance_id == grievance_id)
    return [StepRow(**row._mapping) for row in conn.execute(query)]


def overdue_steps(conn: Connection, who: Identity, today: date) -> list[StepRow]:
    return grievance_steps(conn, who, today, (OVERDUE,))


def step_status_counts(conn: Connection, who: Identity, today: date) -> dict[str, int]:
    """{status: number of steps} for every status, zero included (aggregated in SQL)."""
    require_dues_reader(who)
    sub = step_status_select(today).subquery()
    rows = conn.execute(select(sub.c.status, func.count()).group_by(sub.c.status))
    return {st: 0 for st in STEP_STATUSES} | {status: n for status, n in rows}


def _grievance(conn: Connection, grievance_id: int):
    row = conn.execute(select(Grievance.filed_on, Grievance.contract, Grievance.status)
                       .where(Grievance.id == grievance_id)).first()
    if row is None:
        raise GrievanceError(f"No grievance with id {grievance_id}.")
    return row


def open_next_step(conn: Connection, who: Identity, grievance_id: int) -> int:
    """Start the next step: from the filed date (step 1) or the day the previous step closed."""
    require(who, Action.EDIT_RECORDS)
    grievance = _grievance(conn, grievance_id)
    if GrievanceStatus(grievance.status) != GrievanceStatus.OPEN:
        raise GrievanceError(f"The grievance is {GrievanceStatus(grievance.status).label.lower()}: "
                             "no further step can start.")
    steps = conn.execute(select(GrievanceStep.step, GrievanceStep.closed_on)
                         .where(GrievanceStep.grievance_id == grievance_id)).all()
    still_open = [GrievanceStepName(s).label for s, closed in steps if closed is None]
    if still_open:
        raise GrievanceError(f"{still_open[0]} is still open: close it before starting the next step.")
    name = next_step_name([GrievanceStepName(s) for s, _ in steps])
    started = grievance.filed_on if not steps else max(closed for _, closed in steps)
    values = dict(grievance_id=grievance_id, step=name, started_on=started,
                  deadline_on=step_deadline(started, grievance.contract), outcome=StepOutcome.PENDING)
    step_id = conn.execute(insert(GrievanceStep).values(**values).returning(GrievanceStep.id)).scalar_one()
    record_audit(conn, who, AuditAction.CREATE, table="grievance_steps", row_id=step_id, after=values)
    return step_id


# What closing a step with an outcome does to the grievance (ESCALATED leaves it open).
_GRIEVANCE_AFTER = {StepOutcome.RESOLVED: GrievanceStatus.SETTLED, StepOutcome.WITHDRAWN: GrievanceStatus.WITHDRAWN}


def close_step(conn: Connection, who: Identity, step_id: int, *, closed_on: date, outcome: StepOutcome,
               notes: str | None = None) -> None:
    """Close a step with its outcome; RESOLVED settles and WITHDRAWN withdraws the grievance."""
    require(who, Action.EDIT_RECORDS)
    outcome = StepOutcome(outcome)
    s = GrievanceStep
    step = conn.execute(select(s.grievance_id, s.step, s.started_on, s.closed_on, s.outcome, s.notes)
                        .where(s.id == step_id)).first()
    if step is None:
        raise GrievanceError(f"No grievance step with id {step_id}.")
    _check_close(step, closed_on, outcome)
    after = dict(closed_on=closed_on, outcome=outcome, notes=(notes or step.notes))
    conn.execute(update(GrievanceStep).where(GrievanceStep.id == step_id)
                 .values(**after, row_version=GrievanceStep.row_version + 1))
    record_audit(conn, who, AuditAction.UPDATE, table="grievance_steps", row_id=step_id,
                 before={"closed_on": None, "outcome": step.outcome}, after=after)
    final = _GRIEVANCE_AFTER.get(outcome) or (
        GrievanceStatus.DENIED if outcome == StepOutcome.DENIED and step.step == GrievanceStepName.ARBITRATION else None)
    if final:
        conn.execute(update(Grievance).where(Grievance.id == step.grievance_id)
                     .values(status=final, row_version=Grievance.row_version + 1))
        record_audit(conn, who, AuditAction.UPDATE, table="grievances", row_id=step.grievance_id,
                     before={"status": GrievanceStatus.OPEN}, after={"status": final})


def _check_close(step, closed_on: date, outcome: StepOutcome) -> None:
    if step.closed_on is not None:
        raise GrievanceError(f"{GrievanceStepName(step.step).label} was already closed on {step.closed_on:%b %-d, %Y}.")
    if outcome == StepOutcome.PENDING:
        raise GrievanceError("Choose the outcome that closes the step (not Pending).")
    if outcome == StepOutcome.ESCALATED and step.step == GrievanceStepName.ARBITRATION:
        raise GrievanceError("Arbitration is the last step: it cannot be escalated.")
    if closed_on < step.started_on or closed_on > date.today():
        raise GrievanceError(f"The closing date must be between the step's start ({step.started_on:%b %-d, %Y}) "
                             "and today.")
