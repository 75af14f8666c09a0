"""The pre-apprenticeship program. Instructors see and record only their own cohorts."""

from sqlalchemy import select

from lib.auth.identity import Identity
from lib.models import (
    Attendance, Certification, ClassSession, Cohort, Course, Credential, Enrollment, Grade,
    Instructor, InstructorCohort, JatcApplication, Student, ToolIssued,
)
from lib.models.enums import RoleName as R, StudentStatus
from lib.models.enums import AttachmentEntity
from lib.registry.base import Entity

_TEACHING = frozenset({R.STAFF, R.INSTRUCTOR})


def only_own_cohorts(who: Identity) -> bool:
    """An instructor without an office role is limited to the cohorts they teach."""
    return R.INSTRUCTOR in who.roles and not who.roles & {R.ADMIN, R.STAFF}


def own_cohort_ids(who: Identity):
    return (select(InstructorCohort.cohort_id)
            .join(Instructor, Instructor.id == InstructorCohort.instructor_id)
            .where(Instructor.user_id == who.id))


class Instructors(Entity):
    model = Instructor
    domain = "Training"
    search_columns = ("last_name", "first_name", "email")
    label_format = "{last_name}, {first_name}"
    natural_key = ("email",)
    default_sort = ("last_name", False)
    labels = {"user_id": "Login"}


class Cohorts(Entity):
    model = Cohort
    domain = "Training"
    search_columns = ("name",)
    label_format = "{name}"
    natural_key = ("name",)
    date_order = (("start_date", "end_date"),)
    default_sort = ("start_date", True)
    view_roles = _TEACHING

    @classmethod
    def row_filter(cls, who):
        return Cohort.id.in_(own_cohort_ids(who)) if only_own_cohorts(who) else None


class InstructorCohorts(Entity):
    model = InstructorCohort
    domain = "Training"
    title = "Instructor assignments"
    natural_key = ("instructor_id", "cohort_id")


class Students(Entity):
    model = Student
    attachments = AttachmentEntity.STUDENT
    domain = "Training"
    search_columns = ("last_name", "first_name", "email", "phone")
    label_format = "{last_name}, {first_name}"
    date_order = (("enrolled_on", "completed_on"), ("enrolled_on", "dropped_on"))
    default_sort = ("last_name", False)
    labels = {"member_id": "Member record"}

    @classmethod
    def check_row(cls, values):
        status = values.get("status")
        if status == StudentStatus.COMPLETED and not values.get("completed_on"):
            return [("completed_on", "a completed student needs a completion date")]
        if status == StudentStatus.DROPPED and not values.get("dropped_on"):
            return [("dropped_on", "a dropped student needs the date they dropped")]
        return []


class Courses(Entity):
    model = Course
    domain = "Training"
    search_columns = ("code", "title")
    label_format = "{code} {title}"
    natural_key = ("code",)
    default_sort = ("code", False)


class Enrollments(Entity):
    model = Enrollment
    domain = "Training"
    natural_key = ("student_id", "course_id")
    default_sort = ("enrolled_on", True)
    label_format = "Enrollment #{id}"


class ClassSessions(Entity):
    model = ClassSession
    domain = "Training"
    title = "Class sessions"
    search_columns = ("topic",)
    label_format = "{session_date} {topic}"
    default_sort = ("session_date", True)
    view_roles = _TEACHING

    @classmethod
    def row_filter(cls, who):
        return ClassSession.cohort_id.in_(own_cohort_ids(who)) if only_own_cohorts(who) else None


class Attendances(Entity):
    model = Attendance
    domain = "Training"
    natural_key = ("session_id", "student_id")
    view_roles = create_roles = edit_roles = delete_roles = _TEACHING

    @classmethod
    def row_filter(cls, who):
        if not only_own_cohorts(who):
            return None
        return Attendance.session_id.in_(
            select(ClassSession.id).where(ClassSession.cohort_id.in_(own_cohort_ids(who))))


class Grades(Entity):
    model = Grade
    domain = "Training"
    search_columns = ("assessment",)
    default_sort = ("graded_on", True)
    view_roles = create_roles = edit_roles = delete_roles = _TEACHING

    @classmethod
    def row_filter(cls, who):
        if not only_own_cohorts(who):
            return None
        return Grade.enrollment_id.in_(
            select(Enrollment.id).join(Student, Student.id == Enrollment.student_id)
            .where(Student.cohort_id.in_(own_cohort_ids(who))))

    @classmethod
    def check_row(cls, values):
        score, top = values.get("score"), values.get("max_score")
        if score is not None and top is not None and score > top:
            return [("score", f"the score {score} is above the maximum {top}")]
        return []


class Certifications(Entity):
    model = Certification
    domain = "Training"
    search_columns = ("name", "issuing_body")
    label_format = "{name}"
    natural_key = ("name",)
    default_sort = ("name", False)


class Credentials(Entity):
    model = Credential
    domain = "Training"
    search_columns = ("credential_number",)
    date_order = (("earned_on", "expires_on"),)
    default_sort = ("earned_on", True)


class ToolsIssued(Entity):
    model = ToolIssued
    domain = "Training"
    title = "Tools issued"
    search_columns = ("item",)
    date_order = (("issued_on", "returned_on"),)
    default_sort = ("issued_on", True)


class JatcApplications(Entity):
    model = JatcApplication
    domain = "Training"
    title = "JATC applications"
    date_order = (("submitted_on", "decided_on"),)
    default_sort = ("submitted_on", True)
