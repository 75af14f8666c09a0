"""People and organizations: members, their employment, employers and places."""

from datetime import date
from decimal import Decimal

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from lib.models.base import SeededBase, enum_field, fk
from lib.models.enums import (
    JobClassification, LocationKind, MemberClassification, MemberStatus, OrganizationType,
)


class Location(SeededBase, table=True):
    __tablename__ = "locations"
    name: str = Field(max_length=120, unique=True)
    kind: LocationKind = enum_field(LocationKind)
    address: str | None = Field(default=None, max_length=200)
    city: str | None = Field(default=None, max_length=80)
    state: str | None = Field(default=None, max_length=2)
    postal_code: str | None = Field(default=None, max_length=10)
    phone: str | None = Field(default=None, max_length=30)


class Organization(SeededBase, table=True):
    __tablename__ = "organizations"
    name: str = Field(max_length=160, unique=True)
    org_type: OrganizationType = enum_field(OrganizationType, index=True)
    address: str | None = Field(default=None, max_length=200)
    city: str | None = Field(default=None, max_length=80)
    state: str | None = Field(default=None, max_length=2)
    postal_code: str | None = Field(default=None, max_length=10)
    phone: str | None = Field(default=None, max_length=30)
    website: str | None = Field(default=None, max_length=200)
    is_active: bool = True


class OrganizationContact(SeededBase, table=True):
    __tablename__ = "organization_contacts"
    organization_id: int = fk("organizations.id")
    name: str = Field(max_length=120)
    title: str | None = Field(default=None, max_length=80)
    email: str | None = Field(default=None, max_length=160)
    phone: str | None = Field(default=None, max_length=30)
    is_primary: bool = False


class Member(SeededBase, table=True):
    __tablename__ = "members"
    card_number: str = Field(max_length=20, unique=True)
    first_name: str = Field(max_length=80)
    last_name: str = Field(max_length=80, index=True)
    email: str | None = Field(default=None, max_length=160)
    phone: str | None = Field(default=None, max_length=30)
    address: str | None = Field(default=None, max_length=200)
    city: str | None = Field(default=None, max_length=80)
    state: str | None = Field(default=None, max_length=2)
    postal_code: str | None = Field(default=None, max_length=10)
    classification: MemberClassification = enum_field(MemberClassification, index=True)
    status: MemberStatus = enum_field(MemberStatus, index=True)
    # The day the status took effect: a retired or deceased member owes no dues after it.
    status_effective_on: date | None = None
    initiation_date: date = Field(index=True)
    home_location_id: int | None = fk("locations.id", nullable=True)


class MemberClassificationChange(SeededBase, table=True):
    """A member's classification history: the dues rate follows the classification in force."""

    __tablename__ = "member_classification_changes"
    __table_args__ = (UniqueConstraint("member_id", "effective_from"),)
    member_id: int = fk("members.id")
    classification: MemberClassification = enum_field(MemberClassification)
    effective_from: date


class MemberEmployment(SeededBase, table=True):
    __tablename__ = "member_employments"
    member_id: int = fk("members.id")
    organization_id: int = fk("organizations.id")
    start_date: date = Field(index=True)
    end_date: date | None = Field(default=None, index=True)
    job_classification: JobClassification = enum_field(JobClassification)
    hourly_rate: Decimal = Field(max_digits=8, decimal_places=2)
