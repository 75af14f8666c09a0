"""What the grant compliance report needs, aggregated in SQL: budget vs actual, hours, outcomes, burn."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Connection, and_, func, select

from lib.models import (
    Cohort, Expense, Grant, GrantBudgetLine, Instructor, InstructorHours, JatcApplication, Student,
)
from lib.models.enums import ApplicationStatus, ExpenseCategory, StudentStatus
from lib.reports.errors import ReportParameterError

ZERO = Decimal("0")
CENT = Decimal("0.01")


def dec(value) -> Decimal:
    """SQL sums come back as Decimal (PostgreSQL) or float (SQLite); both become exact cents."""
    return Decimal(str(value or 0)).quantize(CENT)


@dataclass(frozen=True)
class CategoryLine:
    category: ExpenseCategory
    budget: Decimal
    actual: Decimal


@dataclass(frozen=True)
class InstructorCharge:
    name: str
    hours: Decimal
    cost: Decimal


@dataclass(frozen=True)
class Outcome:
    label: str
    actual: int
    target: int


@dataclass
class GrantReportData:
    grant: Grant
    period_start: date
    period_end: date
    categories: list[CategoryLine] = field(default_factory=list)
    # (spent_on, category, vendor, description, amount): plain tuples, there can be 10,000 of them.
    expenses: list[tuple] = field(default_factory=list)
    instructors: list[InstructorCharge] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    daily_spend: dict[date, Decimal] = field(default_factory=dict)
    # Charged from the grant's start up to the reporting period: the burn line starts there.
    charged_before: Decimal = ZERO

    @property
    def expense_total(self) -> Decimal:
        return sum((c.actual for c in self.categories), ZERO)

    @property
    def instructor_cost(self) -> Decimal:
        return sum((i.cost for i in self.instructors), ZERO)

    @property
    def total_charged(self) -> Decimal:
        return self.expense_total + self.instructor_cost

    @property
    def has_activity(self) -> bool:
        return bool(self.expenses or self.instructors)


def load_grant_report(conn: Connection, grant_id: int, period_start: date | None = None,
                      period_end: date | None = None) -> GrantReportData:
    grant = _grant(conn, grant_id)
    start, end = period_start or grant.start_date, period_end or grant.end_date
    if end < start:
        raise ReportParameterError(f"The period ends ({end:%b %d, %Y}) before it starts ({start:%b %d, %Y}).")
    data = GrantReportData(grant=grant, period_start=start, period_end=end)
    data.categories = _categories(conn, grant_id, start, end)
    data.expenses = _expense_rows(conn, grant_id, start, end)
    data.instructors = _instructor_charges(conn, grant_id, start, end)
    data.outcomes = _outcomes(conn, grant)
    data.daily_spend = _daily_spend(conn, grant_id, start, end)
    if start > grant.start_date:
        before = _daily_spend(conn, grant_id, grant.start_date, start - timedelta(days=1))
        data.charged_before = sum(before.values(), ZERO)
    return data


def _grant(conn: Connection, grant_id: int) -> Grant:
    row = conn.execute(select(Grant).where(Grant.id == grant_id)).first()
    if row is None:
        raise ReportParameterError(f"There is no grant with id {grant_id}; choose one from the list.")
    return Grant.model_validate(row._mapping)


def _in_period(column, start: date, end: date):
    return and_(column >= start, column <= end)


def _categories(conn, grant_id, start, end) -> list[CategoryLine]:
    budgets = dict(conn.execute(select(GrantBudgetLine.category, GrantBudgetLine.amount)
                                .where(GrantBudgetLine.grant_id == grant_id)).all())
    actuals = dict(conn.execute(
        select(Expense.category, func.sum(Expense.amount))
        .where(Expense.grant_id == grant_id, _in_period(Expense.spent_on, start, end))
        .group_by(Expense.category)).all())
    return [CategoryLine(c, dec(budgets.get(c)), dec(actuals.get(c)))
            for c in ExpenseCategory if c in budgets or c in actuals]


def _expense_rows(conn, grant_id, start, end) -> list[tuple]:
    return [tuple(r) for r in conn.execute(
        select(Expense.spent_on, Expense.category, Expense.vendor, Expense.description, Expense.amount)
        .where(Expense.grant_id == grant_id, _in_period(Expense.spent_on, start, end))
        .order_by(Expense.spent_on, Expense.id))]


def _instructor_charges(conn, grant_id, start, end) -> list[InstructorCharge]:
    rows = conn.execute(
        select(Instructor.first_name, Instructor.last_name, func.sum(InstructorHours.hours),
               func.sum(InstructorHours.hours * InstructorHours.rate))
        .join(Instructor, Instructor.id == InstructorHours.instructor_id)
        .where(InstructorHours.grant_id == grant_id, _in_period(InstructorHours.worked_on, start, end))
        .group_by(Instructor.id, Instructor.first_name, Instructor.last_name)
        .order_by(Instructor.last_name, Instructor.first_name)).all()
    return [InstructorCharge(f"{first} {last}", dec(hours), dec(cost))
            for first, last, hours, cost in rows]


def _outcomes(conn, grant: Grant) -> list[Outcome]:
    """Students of the cohorts this grant funds: enrolled, completed, accepted into the apprenticeship."""
    funded = select(Cohort.id).where(Cohort.grant_id == grant.id)
    placed = select(JatcApplication.student_id).where(JatcApplication.status == ApplicationStatus.ACCEPTED)
    enrolled, completed, placements = conn.execute(select(
        func.count(Student.id),
        func.count(Student.id).filter(Student.status == StudentStatus.COMPLETED),
        func.count(Student.id).filter(Student.id.in_(placed)),
    ).where(Student.cohort_id.in_(funded))).one()
    return [Outcome("Enrolled", enrolled, grant.target_enrollments),
            Outcome("Completed", completed, grant.target_completions),
            Outcome("Placed into apprenticeship", placements, grant.target_placements)]


def _daily_spend(conn, grant_id, start, end) -> dict[date, Decimal]:
    """Expenses plus instructor cost per day (summed in SQL); the burn chart buckets them by month."""
    totals: dict[date, Decimal] = defaultdict(lambda: ZERO)
    expense_days = select(Expense.spent_on, func.sum(Expense.amount)).where(
        Expense.grant_id == grant_id, _in_period(Expense.spent_on, start, end)).group_by(Expense.spent_on)
    hour_days = select(InstructorHours.worked_on, func.sum(InstructorHours.hours * InstructorHours.rate)).where(
        InstructorHours.grant_id == grant_id, _in_period(InstructorHours.worked_on, start, end)
    ).group_by(InstructorHours.worked_on)
    for query in (expense_days, hour_days):
        for day, amount in conn.execute(query):
            totals[day] += dec(amount)
    return dict(totals)


def grant_choices(conn: Connection) -> list[tuple[int, str]]:
    """(id, "G-2025-01 · Name") for the parameter picker, newest first."""
    rows = conn.execute(select(Grant.id, Grant.grant_number, Grant.name).order_by(Grant.start_date.desc(), Grant.id))
    return [(gid, f"{number} \u00b7 {name}") for gid, number, name in rows]
