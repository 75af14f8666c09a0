"""Small hand-built data sets for the report tests (numbers chosen so totals can be checked by hand)."""

from datetime import date
from decimal import Decimal

from lib.db import session_scope
from lib.models import (
    Cohort, Expense, Grant, GrantBudgetLine, Instructor, InstructorHours, JatcApplication, Student,
)
from lib.models.enums import ApplicationStatus, ExpenseCategory as Cat, StudentStatus

D = Decimal


def add_all(engine, *rows):
    with session_scope(engine) as session:
        for row in rows:
            session.add(row)
            session.flush()
    return rows


def grant_fixture(engine, *, expenses: int = 3) -> int:
    """A $100,000 grant: budget 60k instruction + 40k supplies; $1,234.50 + $800 + ... spent."""
    (grant,) = add_all(engine, Grant(
        grant_number="G-TEST-01", name="Pathways to the Trade", funder="Ève & O'Hara Foundation",
        award_amount=D("100000"), start_date=date(2025, 1, 1), end_date=date(2025, 12, 31),
        target_enrollments=4, target_completions=3, target_placements=2))
    add_all(engine, GrantBudgetLine(grant_id=grant.id, category=Cat.INSTRUCTION, amount=D("60000")),
            GrantBudgetLine(grant_id=grant.id, category=Cat.SUPPLIES, amount=D("40000")))
    base = [(date(2025, 2, 3), Cat.SUPPLIES, "Platt Electric Supply", D("1234.50")),
            (date(2025, 3, 10), Cat.INSTRUCTION, "Renée's Training LLC", D("800.00")),
            (date(2025, 3, 11), Cat.SUPPLIES, "Platt Electric Supply", D("65.50"))]
    add_all(engine, *[Expense(grant_id=grant.id, category=c, vendor=v, amount=a, spent_on=d, description="Gloves")
                      for d, c, v, a in base[:expenses]])
    (teacher,) = add_all(engine, Instructor(first_name="Zoë", last_name="D'Angelo", email="zoe@example.org",
                                            hourly_rate=D("50")))
    add_all(engine, InstructorHours(instructor_id=teacher.id, grant_id=grant.id, worked_on=date(2025, 3, 1),
                                    hours=D("10"), rate=D("50")),
            InstructorHours(instructor_id=teacher.id, grant_id=grant.id, worked_on=date(2025, 4, 1),
                            hours=D("2.5"), rate=D("60")))
    _students(engine, grant.id)
    return grant.id


def _students(engine, grant_id: int) -> None:
    (cohort,) = add_all(engine, Cohort(name="Spring 2025", grant_id=grant_id, start_date=date(2025, 2, 1),
                                       end_date=date(2025, 6, 30)))
    statuses = [StudentStatus.COMPLETED, StudentStatus.COMPLETED, StudentStatus.ACTIVE]
    students = add_all(engine, *[Student(first_name=f"S{i}", last_name="Test", cohort_id=cohort.id, status=s,
                                         enrolled_on=date(2025, 2, 1)) for i, s in enumerate(statuses)])
    add_all(engine, JatcApplication(student_id=students[0].id, submitted_on=date(2025, 7, 1),
                                    status=ApplicationStatus.ACCEPTED),
            JatcApplication(student_id=students[1].id, submitted_on=date(2025, 7, 1),
                            status=ApplicationStatus.REJECTED))


def cohort_fixture(engine) -> int:
    """Cohort "Fall 2025": Zoë attends 4 of 4, Łukasz 2 of 3 (one excused), Ana none yet."""
    from lib.models import (
        Attendance, Certification, ClassSession, Course, Credential, Enrollment, Grade, InstructorCohort,
        ToolIssued,
    )
    from lib.models.enums import AttendanceStatus as A, InstructorRole
    (cohort,) = add_all(engine, Cohort(name="Fall 2025", start_date=date(2025, 9, 1), end_date=date(2025, 12, 15),
                                       capacity=24))
    (teacher,) = add_all(engine, Instructor(first_name="Mara", last_name="Quinn", email="mq@example.org",
                                            hourly_rate=D("55")))
    add_all(engine, InstructorCohort(instructor_id=teacher.id, cohort_id=cohort.id, role=InstructorRole.LEAD))
    zoe, lukasz, ana = add_all(engine, *[
        Student(first_name=f, last_name=l, cohort_id=cohort.id, status=StudentStatus.ACTIVE, enrolled_on=date(2025, 9, 1))
        for f, l in (("Zoë", "D'Angelo"), ("Łukasz", "Wiśniewski"), ("Ana", "Smith"))])
    (course,) = add_all(engine, Course(code="EL-101", title="Basic electricity", hours=40))
    sessions = add_all(engine, *[ClassSession(cohort_id=cohort.id, course_id=course.id, session_date=date(2025, 9, d))
                                 for d in (2, 4, 9, 11)])
    marks = [(zoe, A.PRESENT)] * 4 + [(lukasz, A.PRESENT), (lukasz, A.LATE), (lukasz, A.ABSENT), (lukasz, A.EXCUSED)]
    add_all(engine, *[Attendance(session_id=sessions[i % 4].id, student_id=s.id, status=m) for i, (s, m) in enumerate(marks)])
    (enrollment,) = add_all(engine, Enrollment(student_id=zoe.id, course_id=course.id, enrolled_on=date(2025, 9, 1)))
    add_all(engine, Grade(enrollment_id=enrollment.id, assessment="Quiz 1", score=D("90"), graded_on=date(2025, 9, 5)),
            Grade(enrollment_id=enrollment.id, assessment="Quiz 2", score=D("80"), graded_on=date(2025, 9, 12)))
    (osha,) = add_all(engine, Certification(name="OSHA 10", validity_months=12))
    add_all(engine, Credential(student_id=zoe.id, certification_id=osha.id, earned_on=date(2024, 10, 20),
                               expires_on=date(2025, 10, 20)))
    add_all(engine, ToolIssued(student_id=zoe.id, item="Klein lineman's pliers", value=D("120.50"),
                               issued_on=date(2025, 9, 2)),
            ToolIssued(student_id=zoe.id, item="Tape measure", value=D("15"), issued_on=date(2025, 9, 2),
                       returned_on=date(2025, 9, 20)))
    add_all(engine, JatcApplication(student_id=zoe.id, submitted_on=date(2025, 9, 25), status=ApplicationStatus.TESTED))
    return cohort.id
