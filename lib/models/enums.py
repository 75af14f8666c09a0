"""Every enumeration of the data model. Values are stored as their names (VARCHAR + CHECK)."""

from enum import Enum


class StrEnum(str, Enum):
    """A str enum whose value equals its name, so DB text, Python and CSV agree."""

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


class LocationKind(StrEnum):
    UNION_HALL = "UNION_HALL"
    TRAINING_CENTER = "TRAINING_CENTER"
    DISPATCH_OFFICE = "DISPATCH_OFFICE"
    SATELLITE_OFFICE = "SATELLITE_OFFICE"


class OrganizationType(StrEnum):
    SIGNATORY_CONTRACTOR = "SIGNATORY_CONTRACTOR"
    NON_UNION_TARGET = "NON_UNION_TARGET"
    TRAINING_PARTNER = "TRAINING_PARTNER"
    FUNDER = "FUNDER"


class MemberClassification(StrEnum):
    JOURNEYMAN_WIREMAN = "JOURNEYMAN_WIREMAN"
    APPRENTICE_1 = "APPRENTICE_1"
    APPRENTICE_2 = "APPRENTICE_2"
    APPRENTICE_3 = "APPRENTICE_3"
    APPRENTICE_4 = "APPRENTICE_4"
    APPRENTICE_5 = "APPRENTICE_5"
    RESIDENTIAL_WIREMAN = "RESIDENTIAL_WIREMAN"
    SOUND_COMM_TECHNICIAN = "SOUND_COMM_TECHNICIAN"
    MATERIAL_HANDLER = "MATERIAL_HANDLER"
    RETIRED = "RETIRED"


class MemberStatus(StrEnum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    SUSPENDED = "SUSPENDED"
    RETIRED = "RETIRED"
    DECEASED = "DECEASED"


class JobClassification(StrEnum):
    APPRENTICE = "APPRENTICE"
    JOURNEYMAN = "JOURNEYMAN"
    FOREMAN = "FOREMAN"
    GENERAL_FOREMAN = "GENERAL_FOREMAN"
    SUPERINTENDENT = "SUPERINTENDENT"


class StudentStatus(StrEnum):
    ENROLLED = "ENROLLED"
    ACTIVE = "ACTIVE"
    COMPLETED = "COMPLETED"
    DROPPED = "DROPPED"


class InstructorRole(StrEnum):
    LEAD = "LEAD"
    ASSISTANT = "ASSISTANT"


class EnrollmentStatus(StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    PASSED = "PASSED"
    FAILED = "FAILED"
    DROPPED = "DROPPED"


class AttendanceStatus(StrEnum):
    PRESENT = "PRESENT"
    LATE = "LATE"
    ABSENT = "ABSENT"
    EXCUSED = "EXCUSED"


class ApplicationStatus(StrEnum):
    APPLIED = "APPLIED"
    TESTED = "TESTED"
    INTERVIEWED = "INTERVIEWED"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    WAITLISTED = "WAITLISTED"


class ExpenseCategory(StrEnum):
    INSTRUCTION = "INSTRUCTION"
    TOOLS_EQUIPMENT = "TOOLS_EQUIPMENT"
    SUPPLIES = "SUPPLIES"
    PARTICIPANT_SUPPORT = "PARTICIPANT_SUPPORT"
    TRAVEL = "TRAVEL"
    ADMINISTRATION = "ADMINISTRATION"


class SaltingActivityType(StrEnum):
    SALT_APPLICATION = "SALT_APPLICATION"
    HOUSE_CALL = "HOUSE_CALL"
    JOB_SITE_VISIT = "JOB_SITE_VISIT"
    LEAFLETING = "LEAFLETING"
    WORKER_MEETING = "WORKER_MEETING"


class SaltingOutcome(StrEnum):
    NO_CONTACT = "NO_CONTACT"
    CONTACT_MADE = "CONTACT_MADE"
    INTEREST_SHOWN = "INTEREST_SHOWN"
    CARD_SIGNED = "CARD_SIGNED"
    HIRED_ON = "HIRED_ON"
    REFUSED = "REFUSED"


class BenevolenceReason(StrEnum):
    MEDICAL = "MEDICAL"
    BEREAVEMENT = "BEREAVEMENT"
    DISASTER = "DISASTER"
    HARDSHIP = "HARDSHIP"


class BenevolenceStatus(StrEnum):
    SUBMITTED = "SUBMITTED"
    UNDER_REVIEW = "UNDER_REVIEW"
    APPROVED = "APPROVED"
    DENIED = "DENIED"
    PAID = "PAID"


class ReviewDecision(StrEnum):
    APPROVE = "APPROVE"
    DENY = "DENY"
    DEFER = "DEFER"


class ContractType(StrEnum):
    INSIDE = "INSIDE"
    RESIDENTIAL = "RESIDENTIAL"
    SOUND_COMM = "SOUND_COMM"


class GrievanceStatus(StrEnum):
    OPEN = "OPEN"
    SETTLED = "SETTLED"
    WITHDRAWN = "WITHDRAWN"
    DENIED = "DENIED"


class GrievanceStepName(StrEnum):
    STEP_1 = "STEP_1"
    STEP_2 = "STEP_2"
    STEP_3 = "STEP_3"
    ARBITRATION = "ARBITRATION"


class StepOutcome(StrEnum):
    PENDING = "PENDING"
    RESOLVED = "RESOLVED"
    DENIED = "DENIED"
    ESCALATED = "ESCALATED"
    WITHDRAWN = "WITHDRAWN"


class PaymentMethod(StrEnum):
    CASH = "CASH"
    CHECK = "CHECK"
    CARD = "CARD"
    ACH = "ACH"
    PAYROLL_DEDUCTION = "PAYROLL_DEDUCTION"


class RoleName(StrEnum):
    ADMIN = "ADMIN"
    STAFF = "STAFF"
    LEADERSHIP = "LEADERSHIP"
    INSTRUCTOR = "INSTRUCTOR"
    DUES_CLERK = "DUES_CLERK"
    GRANT_MANAGER = "GRANT_MANAGER"


class AuditAction(StrEnum):
    CREATE = "CREATE"
    UPDATE = "UPDATE"
    DELETE = "DELETE"
    REVERT = "REVERT"
    LOGIN = "LOGIN"
    LOGOUT = "LOGOUT"
    LOGIN_FAILED = "LOGIN_FAILED"
    LOCKOUT = "LOCKOUT"
    SEED = "SEED"
    RESET = "RESET"
    TRUNCATE = "TRUNCATE"
    UPLOAD = "UPLOAD"
    DOWNLOAD = "DOWNLOAD"


class AttachmentEntity(StrEnum):
    MEMBER = "MEMBER"
    STUDENT = "STUDENT"
    ORGANIZATION = "ORGANIZATION"
    GRANT = "GRANT"
    GRIEVANCE = "GRIEVANCE"
    BENEVOLENCE_APPLICATION = "BENEVOLENCE_APPLICATION"


class SeedOutcome(StrEnum):
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
