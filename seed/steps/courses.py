"""Step 16: courses, class sessions of each cohort, enrollments, attendance and grades."""

import random
from datetime import date, timedelta

from lib.models import Attendance, ClassSession, Course, Enrollment, Grade
from lib.models.enums import AttendanceStatus as AT, EnrollmentStatus as ES, StudentStatus
from seed.context import CohortInfo, SeedContext, StudentInfo
from seed.steps.common import StepOutput, cents, weighted

COURSES = (("ELEC-101", "Electrical Theory", 60), ("ELEC-102", "Blueprint Reading", 24),
           ("MATH-110", "Construction Math", 36), ("SAFE-100", "Jobsite Safety", 24),
           ("TOOL-120", "Tools and Materials", 24), ("CAREER-130", "Career Readiness", 12))
ATTENDANCE_MIX = ((AT.PRESENT, 82), (AT.LATE, 8), (AT.ABSENT, 6), (AT.EXCUSED, 4))
ENROLLMENT_STATUS = {StudentStatus.ACTIVE: ES.IN_PROGRESS, StudentStatus.DROPPED: ES.DROPPED}
ASSESSMENTS = (("Quiz 1", 28), ("Midterm", 42), ("Final exam", 84))  # days after the cohort starts


def _sessions(ctx: SeedContext, course_ids: list[int]) -> dict[tuple[int, int], list[tuple[int, date]]]:
    """Two sessions a week for every cohort that has started, up to today; courses in rotation."""
    by_cohort_course: dict[tuple[int, int], list[tuple[int, date]]] = {}
    rows = []
    for index, cohort in enumerate(ctx.state.cohorts):
        lead = ctx.state.instructors[index % len(ctx.state.instructors)].id
        day, n = cohort.start, 0
        while day <= min(cohort.end, ctx.as_of):
            course = course_ids[n % len(course_ids)]
            rows.append([cohort.id, course, lead, cohort.location_id, day, cents(3), f"{COURSES[n % 6][1]} {n // 6 + 1}"])
            day, n = day + timedelta(days=3 if day.weekday() < 3 else 4), n + 1
    ids = ctx.ids(ClassSession, len(rows))
    for sid, row in zip(ids, rows):
        by_cohort_course.setdefault((row[0], row[1]), []).append((sid, row[4]))
    columns = ["id", "cohort_id", "course_id", "instructor_id", "location_id", "session_date", "hours", "topic"]
    ctx.insert(ClassSession, columns, [(sid, *row) for sid, row in zip(ids, rows)])
    return by_cohort_course


def _enrollment_status(rng: random.Random, student: StudentInfo) -> ES:
    if student.status is StudentStatus.COMPLETED:
        return ES.PASSED if rng.random() < 0.9 else ES.FAILED
    return ENROLLMENT_STATUS[student.status] if student.status in ENROLLMENT_STATUS else ES.IN_PROGRESS


def _grades(rng: random.Random, enrollment_id: int, status: ES, cohort: CohortInfo, last_day: date) -> list[tuple]:
    rows = []
    for name, offset in ASSESSMENTS:
        graded = cohort.start + timedelta(days=offset)
        if graded <= last_day:
            low, high = (70, 100) if status is not ES.FAILED else (40, 69)
            rows.append((enrollment_id, name, cents(rng.randint(low, high)), cents(100), graded))
    return rows


def training(ctx: SeedContext) -> StepOutput:
    rng = ctx.rng()
    course_ids = ctx.get_or_create(Course, ["code"], ["code", "title", "hours"], COURSES)
    sessions = _sessions(ctx, course_ids)
    started = [s for s in ctx.state.students if s.status is not StudentStatus.ENROLLED]
    chosen = sorted(rng.sample(started, min(len(started), 100 * ctx.scale)), key=lambda s: s.id)
    enrollments, attendance, grades = [], [], []
    enrollment_ids = iter(ctx.ids(Enrollment, 2 * len(chosen)))
    for student in chosen:
        cohort = ctx.state.cohorts[student.cohort_index]
        last_day = min(student.finished_on or ctx.as_of, ctx.as_of)
        for course_id in rng.sample(course_ids, 2):
            eid, status = next(enrollment_ids), _enrollment_status(rng, student)
            enrollments.append((eid, student.id, course_id, student.enrolled_on, status))
            attendance += [(sid, student.id, weighted(rng, ATTENDANCE_MIX))
                           for sid, day in sessions.get((cohort.id, course_id), []) if day <= last_day]
            grades += _grades(rng, eid, status, cohort, last_day)
    ctx.insert(Enrollment, ["id", "student_id", "course_id", "enrolled_on", "status"], enrollments)
    ctx.insert(Attendance, ["session_id", "student_id", "status"], attendance)
    ctx.insert(Grade, ["enrollment_id", "assessment", "score", "max_score", "graded_on"], grades)
    return StepOutput({"courses": len(course_ids), "class_sessions": sum(map(len, sessions.values())),
                       "enrollments": len(enrollments), "attendances": len(attendance), "grades": len(grades)})
