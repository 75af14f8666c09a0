"""Grants that fund the program, what they are spent on, and instructor time charged to them."""

from datetime import date
from decimal import Decimal

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from lib.models.base import SeededBase, enum_field, fk, money
from lib.models.enums import ExpenseCategory


class Grant(SeededBase, table=True):
    __tablename__ = "grants"
    grant_number: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=160)
    funder: str = Field(max_length=160)
    funder_organization_id: int | None = fk("organizations.id", nullable=True)
    award_amount: Decimal = money()
    start_date: date
    end_date: date = Field(index=True)
    target_enrollments: int = 0
    target_completions: int = 0
    target_placements: int = 0


class GrantBudgetLine(SeededBase, table=True):
    """The budget of a grant by expense category, for budget-vs-actual reporting."""

    __tablename__ = "grant_budget_lines"
    __table_args__ = (UniqueConstraint("grant_id", "category"),)
    grant_id: int = fk("grants.id")
    category: ExpenseCategory = enum_field(ExpenseCategory)
    amount: Decimal = money()


class Expense(SeededBase, table=True):
    __tablename__ = "expenses"
    grant_id: int = fk("grants.id")
    category: ExpenseCategory = enum_field(ExpenseCategory, index=True)
    amount: Decimal = money()
    spent_on: date = Field(index=True)
    vendor: str = Field(max_length=160)
    description: str | None = Field(default=None, max_length=300)


class InstructorHours(SeededBase, table=True):
    __tablename__ = "instructor_hours"
    instructor_id: int = fk("instructors.id")
    cohort_id: int | None = fk("cohorts.id", nullable=True)
    grant_id: int | None = fk("grants.id", nullable=True)
    worked_on: date = Field(index=True)
    hours: Decimal = Field(max_digits=5, decimal_places=2)
    rate: Decimal = Field(max_digits=8, decimal_places=2)
