"""The three tasks staff do often, as forms: the rules stay in the ledger (lib/dues, lib/grievances)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Engine, select

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.dues.months import month_index
from lib.dues.payments import record_payment
from lib.dues.rates import classification_history, classification_in, load_rates, rate_cents
from lib.editing.changes import ChangeSet, RowChange
from lib.editing.save import SaveResult, save_changes
from lib.grievances.clock import close_step, open_next_step
from lib.models import (
    Attendance, ClassSession, Grievance, GrievanceStep, Member, Student,
)
from lib.models.enums import AttendanceStatus, GrievanceStatus, MemberClassification, PaymentMethod, StepOutcome
from lib.registry import entity_for, require_entity


def default_dues_amount(engine: Engine, who: Identity, member_id: int, period: date) -> Decimal:
    """The member's monthly rate for the period's month (their classification then), from the ledger."""
    require(who, Action.RECORD_DUES)
    month = month_index(period)
    with engine.connect() as conn:
        current = conn.execute(select(Member.classification).where(Member.id == member_id)).scalar_one()
        classification = classification_in(classification_history(conn, member_id),
                                           MemberClassification(current), month)
        return Decimal(rate_cents(load_rates(conn), classification, month)) / 100


def record_dues_payment(engine: Engine, who: Identity, *, member_id: int, period: date, amount: str | Decimal,
                        method: PaymentMethod, paid_on: date, reference: str | None = None) -> int:
    """Through the ledger's record_payment (closed periods, amounts, dates are its rules)."""
    with engine.begin() as conn:
        return record_payment(conn, who, member_id=member_id, period=period, amount=amount,
                              method=method, paid_on=paid_on, reference=reference)


def open_grievances(engine: Engine, who: Identity) -> dict[int, str]:
    require_entity(who, entity_for("grievances"), "view")
    with engine.connect() as conn:
        rows = conn.execute(select(Grievance.id, Grievance.grievance_number, Member.last_name, Member.first_name)
                            .join(Member, Member.id == Grievance.member_id)
                            .where(Grievance.status == GrievanceStatus.OPEN).order_by(Grievance.filed_on.desc()))
        return {r.id: f"{r.grievance_number} · {r.last_name}, {r.first_name}" for r in rows}


def current_step(engine: Engine, grievance_id: int):
    with engine.connect() as conn:
        return conn.execute(select(GrievanceStep).where(GrievanceStep.grievance_id == grievance_id,
                                                        GrievanceStep.closed_on.is_(None))).first()


@dataclass
class StepOpened:
    step: str
    started_on: date
    deadline_on: date


def advance_grievance(engine: Engine, who: Identity, grievance_id: int, *, closed_on: date,
                      notes: str | None = None, outcome: StepOutcome = StepOutcome.ESCALATED) -> StepOpened | None:
    """Close the open step with its outcome (the ledger settles or withdraws the grievance as its rules
    say); when it is escalated, or no step is open yet, start the next step. One transaction."""
    require_entity(who, entity_for("grievance_steps"), "create")
    with engine.begin() as conn:
        step = conn.execute(select(GrievanceStep.id).where(GrievanceStep.grievance_id == grievance_id,
                                                           GrievanceStep.closed_on.is_(None))).scalar()
        if step is not None:
            close_step(conn, who, step, closed_on=closed_on, outcome=outcome, notes=notes)
            if StepOutcome(outcome) != StepOutcome.ESCALATED:
                return None
        new_id = open_next_step(conn, who, grievance_id)
        row = conn.execute(select(GrievanceStep).where(GrievanceStep.id == new_id)).one()
    return StepOpened(row.step.label, row.started_on, row.deadline_on)


@dataclass
class RosterLine:
    student_id: int
    name: str
    status: AttendanceStatus | None
    attendance_id: int | None
    version: int | None


def session_choices(engine: Engine, who: Identity) -> dict[int, str]:
    """Class sessions the person may record (an instructor: their own cohorts), newest first."""
    entity = entity_for("class_sessions")
    require_entity(who, entity, "view")
    scope = entity.row_filter(who)
    query = select(ClassSession.id, ClassSession.session_date, ClassSession.topic).order_by(
        ClassSession.session_date.desc()).limit(300)
    with engine.connect() as conn:
        rows = conn.execute(query.where(scope) if scope is not None else query)
        return {r.id: f"{r.session_date:%b %-d, %Y} · {r.topic or 'session'} (#{r.id})" for r in rows}


def session_roster(engine: Engine, who: Identity, session_id: int) -> list[RosterLine]:
    """Every student of the session's cohort with the attendance recorded so far."""
    require_entity(who, entity_for("attendances"), "view")
    with engine.connect() as conn:
        cohort = conn.execute(select(ClassSession.cohort_id).where(ClassSession.id == session_id)).scalar_one()
        marks = {a.student_id: a for a in conn.execute(select(Attendance).where(Attendance.session_id == session_id))}
        students = conn.execute(select(Student.id, Student.last_name, Student.first_name)
                                .where(Student.cohort_id == cohort).order_by(Student.last_name, Student.first_name))
        return [RosterLine(s.id, f"{s.last_name}, {s.first_name}", getattr(marks.get(s.id), "status", None),
                           getattr(marks.get(s.id), "id", None), getattr(marks.get(s.id), "row_version", None))
                for s in students]


def save_attendance(engine: Engine, who: Identity, session_id: int, roster: list[RosterLine],
                    statuses: dict[int, str | None]) -> SaveResult:
    """New marks inserted, changed marks updated: one transaction through the attendances entry."""
    changes = ChangeSet()
    for line in roster:
        wanted = statuses.get(line.student_id)
        if wanted is None or (line.status is not None and line.status.value == wanted):
            continue
        if line.attendance_id is None:
            changes.inserts.append(RowChange(line.name, {"session_id": session_id, "student_id": line.student_id,
                                                         "status": wanted}))
        else:
            changes.updates.append(RowChange(line.name, {"status": wanted}, line.attendance_id, line.version))
    return save_changes(engine, who, entity_for("attendances"), changes)
