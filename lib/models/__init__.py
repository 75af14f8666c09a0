"""The whole data model. Importing this package registers every table on SQLModel.metadata."""

from sqlmodel import SQLModel

from lib.models.base import SeededBase, TableBase
from lib.models.dues import DuesAdjustment, DuesMemberCredit, DuesPayment, DuesPeriod, DuesRate
from lib.models.grants import Expense, Grant, GrantBudgetLine, InstructorHours
from lib.models.people import (
    Location, Member, MemberClassificationChange, MemberEmployment, Organization,
    OrganizationContact,
)
from lib.models.system import AuditLog, FileAttachment, Role, SeedRun, User, UserRole
from lib.models.training import (
    Attendance, Certification, ClassSession, Cohort, Course, Credential, Enrollment, Grade,
    Instructor, InstructorCohort, JatcApplication, Student, ToolIssued,
)
from lib.models.unionops import (
    BenevolenceApplication, BenevolenceReview, Grievance, GrievanceStep, SaltingActivity,
)

metadata = SQLModel.metadata

__all__ = [
    "metadata", "SeededBase", "TableBase",
    "Location", "Organization", "OrganizationContact", "Member", "MemberClassificationChange",
    "MemberEmployment", "Instructor", "Cohort", "InstructorCohort", "Student", "Course",
    "Enrollment", "ClassSession", "Attendance", "Grade", "Certification", "Credential",
    "ToolIssued", "JatcApplication", "Grant", "GrantBudgetLine", "Expense", "InstructorHours",
    "SaltingActivity", "BenevolenceApplication", "BenevolenceReview", "Grievance",
    "GrievanceStep", "DuesRate", "DuesPeriod", "DuesPayment", "DuesAdjustment", "DuesMemberCredit", "User", "Role",
    "UserRole", "AuditLog", "FileAttachment", "SeedRun",
]


def seeded_tables() -> list:
    """Every table whose rows carry a seed batch, in dependency order (parents first)."""
    return [t for t in metadata.sorted_tables if "seed_batch" in t.c]
