"""Union operations: organizing (SALTing), benevolence and grievances."""

from datetime import date
from decimal import Decimal

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from lib.models.base import SeededBase, enum_field, fk, money
from lib.models.enums import (
    BenevolenceReason, BenevolenceStatus, ContractType, GrievanceStatus, GrievanceStepName,
    ReviewDecision, SaltingActivityType, SaltingOutcome, StepOutcome,
)


class SaltingActivity(SeededBase, table=True):
    __tablename__ = "salting_activities"
    organizer_member_id: int = fk("members.id")
    target_organization_id: int = fk("organizations.id")
    activity_date: date = Field(index=True)
    activity_type: SaltingActivityType = enum_field(SaltingActivityType)
    outcome: SaltingOutcome = enum_field(SaltingOutcome)
    notes: str | None = Field(default=None, max_length=500)


class BenevolenceApplication(SeededBase, table=True):
    __tablename__ = "benevolence_applications"
    member_id: int = fk("members.id")
    submitted_on: date = Field(index=True)
    reason: BenevolenceReason = enum_field(BenevolenceReason)
    amount_requested: Decimal = money()
    status: BenevolenceStatus = enum_field(BenevolenceStatus, index=True)
    description: str | None = Field(default=None, max_length=500)


class BenevolenceReview(SeededBase, table=True):
    __tablename__ = "benevolence_reviews"
    application_id: int = fk("benevolence_applications.id")
    reviewer_member_id: int = fk("members.id")
    reviewed_on: date
    decision: ReviewDecision = enum_field(ReviewDecision)
    approved_amount: Decimal | None = money(nullable=True, default=None)
    notes: str | None = Field(default=None, max_length=500)


class Grievance(SeededBase, table=True):
    __tablename__ = "grievances"
    grievance_number: str = Field(max_length=20, unique=True)
    member_id: int = fk("members.id")
    employer_organization_id: int = fk("organizations.id")
    contract: ContractType = enum_field(ContractType, default=ContractType.INSIDE)
    filed_on: date = Field(index=True)
    contract_article: str = Field(max_length=40)
    description: str | None = Field(default=None, max_length=1000)
    status: GrievanceStatus = enum_field(GrievanceStatus, index=True)


class GrievanceStep(SeededBase, table=True):
    __tablename__ = "grievance_steps"
    __table_args__ = (UniqueConstraint("grievance_id", "step"),)
    grievance_id: int = fk("grievances.id")
    step: GrievanceStepName = enum_field(GrievanceStepName)
    started_on: date
    deadline_on: date = Field(index=True)
    closed_on: date | None = None
    outcome: StepOutcome = enum_field(StepOutcome, default=StepOutcome.PENDING)
    notes: str | None = Field(default=None, max_length=1000)
