"""The pre-apprenticeship program: students, cohorts, instructors, courses and outcomes."""

from datetime import date
from decimal import Decimal

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from lib.models.base import SeededBase, enum_field, fk, money
from lib.models.enums import (
    ApplicationStatus, AttendanceStatus, EnrollmentStatus, InstructorRole, StudentStatus,
)


class Instructor(SeededBase, table=True):
    __tablename__ = "instructors"
    first_name: str = Field(max_length=80)
    last_name: str = Field(max_length=80)
    email: str = Field(max_length=160, unique=True)
    phone: str | None = Field(default=None, max_length=30)
    specialty: str | None = Field(default=None, max_length=120)
    hourly_rate: Decimal = Field(max_digits=8, decimal_places=2)
    is_active: bool = True
    # The login of an instructor who records attendance and grades for their cohorts.
    user_id: int | None = fk("users.id", nullable=True)


class Cohort(SeededBase, table=True):
    __tablename__ = "cohorts"
    name: str = Field(max_length=80, unique=True)
    location_id: int | None = fk("locations.id", nullable=True)
    grant_id: int | None = fk("grants.id", nullable=True)
    start_date: date = Field(index=True)
    end_date: date
    capacity: int = 35


class InstructorCohort(SeededBase, table=True):
    __tablename__ = "instructor_cohorts"
    __table_args__ = (UniqueConstraint("instructor_id", "cohort_id"),)
    instructor_id: int = fk("instructors.id")
    cohort_id: int = fk("cohorts.id")
    role: InstructorRole = enum_field(InstructorRole, default=InstructorRole.LEAD)


class Student(SeededBase, table=True):
    __tablename__ = "students"
    first_name: str = Field(max_length=80)
    last_name: str = Field(max_length=80, index=True)
    email: str | None = Field(default=None, max_length=160)
    phone: str | None = Field(default=None, max_length=30)
    date_of_birth: date | None = None
    cohort_id: int | None = fk("cohorts.id", nullable=True)
    status: StudentStatus = enum_field(StudentStatus, index=True)
    enrolled_on: date
    completed_on: date | None = None
    dropped_on: date | None = None
    # The member record the student becomes: one person across the pipeline.
    member_id: int | None = Field(default=None, foreign_key="members.id", unique=True)


class Course(SeededBase, table=True):
    __tablename__ = "courses"
    code: str = Field(max_length=20, unique=True)
    title: str = Field(max_length=160)
    hours: int
    description: str | None = Field(default=None, max_length=500)


class Enrollment(SeededBase, table=True):
    __tablename__ = "enrollments"
    __table_args__ = (UniqueConstraint("student_id", "course_id"),)
    student_id: int = fk("students.id")
    course_id: int = fk("courses.id")
    enrolled_on: date
    status: EnrollmentStatus = enum_field(EnrollmentStatus, default=EnrollmentStatus.IN_PROGRESS)


class ClassSession(SeededBase, table=True):
    __tablename__ = "class_sessions"
    cohort_id: int = fk("cohorts.id")
    course_id: int = fk("courses.id")
    instructor_id: int | None = fk("instructors.id", nullable=True)
    location_id: int | None = fk("locations.id", nullable=True)
    session_date: date = Field(index=True)
    hours: Decimal = Field(default=Decimal("3.00"), max_digits=5, decimal_places=2)
    topic: str | None = Field(default=None, max_length=160)


class Attendance(SeededBase, table=True):
    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("session_id", "student_id"),)
    session_id: int = fk("class_sessions.id")
    student_id: int = fk("students.id")
    status: AttendanceStatus = enum_field(AttendanceStatus)


class Grade(SeededBase, table=True):
    __tablename__ = "grades"
    enrollment_id: int = fk("enrollments.id")
    assessment: str = Field(max_length=120)
    score: Decimal = Field(max_digits=6, decimal_places=2)
    max_score: Decimal = Field(default=Decimal("100.00"), max_digits=6, decimal_places=2)
    graded_on: date


class Certification(SeededBase, table=True):
    __tablename__ = "certifications"
    name: str = Field(max_length=120, unique=True)
    issuing_body: str | None = Field(default=None, max_length=120)
    validity_months: int | None = None


class Credential(SeededBase, table=True):
    __tablename__ = "credentials"
    student_id: int = fk("students.id")
    certification_id: int = fk("certifications.id")
    earned_on: date
    expires_on: date | None = Field(default=None, index=True)
    credential_number: str | None = Field(default=None, max_length=40)


class ToolIssued(SeededBase, table=True):
    __tablename__ = "tools_issued"
    student_id: int = fk("students.id")
    item: str = Field(max_length=120)
    value: Decimal = money()
    issued_on: date
    returned_on: date | None = None


class JatcApplication(SeededBase, table=True):
    __tablename__ = "jatc_applications"
    student_id: int = fk("students.id")
    submitted_on: date = Field(index=True)
    aptitude_score: Decimal | None = Field(default=None, max_digits=5, decimal_places=2)
    interview_score: Decimal | None = Field(default=None, max_digits=5, decimal_places=2)
    status: ApplicationStatus = enum_field(ApplicationStatus, index=True)
    decided_on: date | None = None
