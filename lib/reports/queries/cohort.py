"""Cohort roster data: one grouped query per measure, merged by student (never a cartesian join)."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Connection, case, func, select

from lib.models import (
    Attendance, Certification, ClassSession, Cohort, Credential, Enrollment, Grade, Grant, Instructor,
    InstructorCohort, JatcApplication, Location, Student, ToolIssued,
)
from lib.models.enums import AttendanceStatus as A
from lib.reports.errors import ReportParameterError

EXPIRY_WINDOW_DAYS = 90


@dataclass
class RosterLine:
    student_id: int
    name: str
    status: str
    attended: int = 0
    counted: int = 0  # sessions marked, excused ones left out
    average_grade: float | None = None
    credentials: int = 0
    tools_out: int = 0
    tools_out_value: Decimal = Decimal("0.00")
    jatc_status: str | None = None

    @property
    def attendance_rate(self) -> float | None:
        return self.attended / self.counted if self.counted else None


@dataclass(frozen=True)
class CohortFacts:
    name: str
    start_date: date
    end_date: date
    capacity: int
    location: str | None
    grant: str | None
    instructors: list[str]


@dataclass
class CohortReportData:
    cohort: CohortFacts
    as_of: date
    roster: list[RosterLine]
    expiring: list[tuple] = field(default_factory=list)  # (student, certification, expires_on)
    tools_out: list[tuple] = field(default_factory=list)  # (student, item, value, issued_on)


def load_cohort_report(conn: Connection, cohort_id: int, as_of: date) -> CohortReportData:
    facts = _facts(conn, cohort_id)
    students = conn.execute(select(Student.id, Student.first_name, Student.last_name, Student.status)
                            .where(Student.cohort_id == cohort_id)
                            .order_by(Student.last_name, Student.first_name)).all()
    roster = {sid: RosterLine(sid, f"{first} {last}", status) for sid, first, last, status in students}
    in_cohort = select(Student.id).where(Student.cohort_id == cohort_id)
    for merge in (_attendance, _grades, _credentials, _tools, _jatc):
        merge(conn, in_cohort, roster, as_of)
    return CohortReportData(facts, as_of, list(roster.values()), _expiring(conn, in_cohort, as_of),
                            _tools_out(conn, in_cohort))


def _facts(conn: Connection, cohort_id: int) -> CohortFacts:
    row = conn.execute(select(Cohort.name, Cohort.start_date, Cohort.end_date, Cohort.capacity, Location.name,
                              Grant.grant_number, Grant.name)
                       .outerjoin(Location, Location.id == Cohort.location_id)
                       .outerjoin(Grant, Grant.id == Cohort.grant_id).where(Cohort.id == cohort_id)).first()
    if row is None:
        raise ReportParameterError(f"There is no cohort with id {cohort_id}; choose one from the list.")
    name, start, end, capacity, location, grant_number, grant_name = row
    teachers = conn.execute(select(Instructor.first_name, Instructor.last_name, InstructorCohort.role)
                            .join(InstructorCohort, InstructorCohort.instructor_id == Instructor.id)
                            .where(InstructorCohort.cohort_id == cohort_id)
                            .order_by(InstructorCohort.role, Instructor.last_name)).all()
    return CohortFacts(name, start, end, capacity, location,
                       f"{grant_number} \u00b7 {grant_name}" if grant_number else None,
                       [f"{f} {l} ({str(r).title()})" for f, l, r in teachers])


def _attendance(conn, in_cohort, roster, as_of) -> None:
    attended = func.sum(case((Attendance.status.in_([A.PRESENT, A.LATE]), 1), else_=0))
    counted = func.sum(case((Attendance.status != A.EXCUSED, 1), else_=0))
    rows = conn.execute(select(Attendance.student_id, attended, counted)
                        .join(ClassSession, ClassSession.id == Attendance.session_id)
                        .where(Attendance.student_id.in_(in_cohort), ClassSession.session_date <= as_of)
                        .group_by(Attendance.student_id))
    for sid, came, marked in rows:
        roster[sid].attended, roster[sid].counted = int(came or 0), int(marked or 0)


def _grades(conn, in_cohort, roster, as_of) -> None:
    rows = conn.execute(select(Enrollment.student_id, func.avg(Grade.score * 1.0 / Grade.max_score))
                        .join(Enrollment, Enrollment.id == Grade.enrollment_id)
                        .where(Enrollment.student_id.in_(in_cohort), Grade.graded_on <= as_of)
                        .group_by(Enrollment.student_id))
    for sid, average in rows:
        roster[sid].average_grade = float(average) if average is not None else None


def _credentials(conn, in_cohort, roster, as_of) -> None:
    rows = conn.execute(select(Credential.student_id, func.count())
                        .where(Credential.student_id.in_(in_cohort), Credential.earned_on <= as_of)
                        .group_by(Credential.student_id))
    for sid, count in rows:
        roster[sid].credentials = count


def _tools(conn, in_cohort, roster, as_of) -> None:
    rows = conn.execute(select(ToolIssued.student_id, func.count(), func.sum(ToolIssued.value))
                        .where(ToolIssued.student_id.in_(in_cohort), ToolIssued.returned_on.is_(None))
                        .group_by(ToolIssued.student_id))
    for sid, count, value in rows:
        roster[sid].tools_out, roster[sid].tools_out_value = count, Decimal(str(value or 0)).quantize(Decimal("0.01"))


def _jatc(conn, in_cohort, roster, as_of) -> None:
    """The status of each student's latest JATC application."""
    latest = (select(JatcApplication.student_id, func.max(JatcApplication.submitted_on).label("last"))
              .where(JatcApplication.student_id.in_(in_cohort)).group_by(JatcApplication.student_id).subquery())
    rows = conn.execute(select(JatcApplication.student_id, JatcApplication.status)
                        .join(latest, (latest.c.student_id == JatcApplication.student_id)
                              & (latest.c.last == JatcApplication.submitted_on)))
    for sid, status in rows:
        roster[sid].jatc_status = status


def _expiring(conn, in_cohort, as_of) -> list[tuple]:
    until = as_of + timedelta(days=EXPIRY_WINDOW_DAYS)
    return [tuple(r) for r in conn.execute(
        select(Student.first_name + " " + Student.last_name, Certification.name, Credential.expires_on)
        .join(Student, Student.id == Credential.student_id)
        .join(Certification, Certification.id == Credential.certification_id)
        .where(Credential.student_id.in_(in_cohort), Credential.expires_on.is_not(None),
               Credential.expires_on <= until)
        .order_by(Credential.expires_on, Student.last_name))]


def _tools_out(conn, in_cohort) -> list[tuple]:
    return [tuple(r) for r in conn.execute(
        select(Student.first_name + " " + Student.last_name, ToolIssued.item, ToolIssued.value, ToolIssued.issued_on)
        .join(Student, Student.id == ToolIssued.student_id)
        .where(ToolIssued.student_id.in_(in_cohort), ToolIssued.returned_on.is_(None))
        .order_by(Student.last_name, ToolIssued.issued_on))]


def cohort_choices(conn: Connection) -> list[tuple[int, str]]:
    rows = conn.execute(select(Cohort.id, Cohort.name, Cohort.start_date).order_by(Cohort.start_date.desc()))
    return [(cid, f"{name} (starts {start:%b %Y})") for cid, name, start in rows]
