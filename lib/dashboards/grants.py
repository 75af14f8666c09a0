"""Grants dashboard: award vs spent, spend by category against budget, burn against a straight-line plan,
instructor-hours cost, and outcome targets vs the students of the funded cohorts.

Scope: the grants whose award period overlaps the date range (or the one chosen). "Spent" is every
charge up to as_of: expenses plus instructor hours x rate (as in the grant compliance report).
"""

from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Connection, func, literal, select, union_all

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.dashboards.filters import Filters
from lib.dashboards.sql import frame, month_labels, month_of
from lib.models import Cohort, Expense, Grant, GrantBudgetLine, InstructorHours, JatcApplication, Student
from lib.models.enums import ApplicationStatus, ExpenseCategory, StudentStatus

ENDING_SOON_DAYS = 60


# What the page asks on each run, in its order (bench/dashboards_bench.py times these).
PAGE_QUESTIONS = ("kpis", "award_vs_spent", "burn", "outcomes", "spend_by_category", "instructor_cost")

def _hours_cost(hours=InstructorHours):
    """hours x rate in cents per entry, so both engines sum the same exact amounts."""
    return func.round(hours.hours * hours.rate, 2)


def grant_scope(f: Filters) -> list:
    """The chosen grant whatever its dates; otherwise every grant whose award period overlaps the range."""
    if f.grant_id is not None:
        return [Grant.id == f.grant_id]
    return [Grant.start_date <= f.end, Grant.end_date >= f.start]


def _grant_ids(f: Filters):
    return select(Grant.id).where(*grant_scope(f))


def _charges(f: Filters, until: date, since: date | None = None):
    """(grant_id, day, kind, amount) of every charge to a grant in scope up to `until`."""
    hours = InstructorHours
    expense = select(Expense.grant_id, Expense.spent_on.label("day"), literal("expense").label("kind"),
                     Expense.amount.label("amount")).where(Expense.grant_id.in_(_grant_ids(f)),
                                                           Expense.spent_on <= until)
    instruction = select(hours.grant_id, hours.worked_on.label("day"), literal("hours").label("kind"),
                         _hours_cost().label("amount")).where(hours.grant_id.in_(_grant_ids(f)),
                                                                          hours.worked_on <= until)
    if since is not None:
        expense, instruction = expense.where(Expense.spent_on >= since), instruction.where(hours.worked_on >= since)
    return union_all(expense, instruction).subquery()


def award_vs_spent(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """grant, name, award, expenses, instructor_cost, spent, remaining, pct_spent, pct_time, end_date,
    days_left: one row per grant in scope, the one ending first on top."""
    require(who, Action.VIEW_DASHBOARDS)
    ch = _charges(f, f.as_of)
    sums = (select(ch.c.grant_id, func.sum(ch.c.amount).filter(ch.c.kind == "expense").label("expenses"),
                   func.sum(ch.c.amount).filter(ch.c.kind == "hours").label("instructor_cost"))
            .group_by(ch.c.grant_id).subquery())
    df = frame(conn, select(Grant.grant_number.label("grant"), Grant.name, Grant.award_amount.label("award"),
                            sums.c.expenses, sums.c.instructor_cost, Grant.start_date, Grant.end_date)
               .outerjoin(sums, sums.c.grant_id == Grant.id).where(*grant_scope(f))
               .order_by(Grant.end_date, Grant.grant_number))
    for column in ("award", "expenses", "instructor_cost"):
        df[column] = df[column].fillna(0).astype(float).round(2)
    df["spent"] = df["expenses"] + df["instructor_cost"]
    df["remaining"] = df["award"] - df["spent"]
    df["pct_spent"] = (100 * df["spent"] / df["award"].where(df["award"] > 0)).round(1)
    df["pct_time"] = [_elapsed_pct(s, e, f.as_of) for s, e in zip(df["start_date"], df["end_date"])]
    df["days_left"] = [max(0, (end - f.as_of).days) for end in df["end_date"]]
    return df[["grant", "name", "award", "expenses", "instructor_cost", "spent", "remaining", "pct_spent",
               "pct_time", "end_date", "days_left"]]


def _elapsed_share(start: date, end: date, day: date) -> float:
    """How much of the award period has passed at the end of `day` (0-1): the straight-line plan's share."""
    total = (end - start).days + 1
    return min(max((day - start).days + 1, 0), total) / total


def _elapsed_pct(start: date, end: date, day: date) -> float:
    return round(100.0 * _elapsed_share(start, end, day), 1)


def spend_by_category(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """category, budget, spent ($ of expenses up to as_of), pct_of_budget: summed over the grants in scope."""
    require(who, Action.VIEW_DASHBOARDS)
    lines = union_all(
        select(GrantBudgetLine.category, GrantBudgetLine.amount.label("budget"), literal(0).label("spent"))
        .where(GrantBudgetLine.grant_id.in_(_grant_ids(f))),
        select(Expense.category, literal(0), Expense.amount).where(Expense.grant_id.in_(_grant_ids(f)),
                                                                   Expense.spent_on <= f.as_of)).subquery()
    df = frame(conn, select(lines.c.category, func.sum(lines.c.budget).label("budget"),
                            func.sum(lines.c.spent).label("spent")).group_by(lines.c.category))
    if df.empty:
        return pd.DataFrame(columns=["category", "budget", "spent", "pct_of_budget"])
    order = [c.value for c in ExpenseCategory]
    df = df.sort_values("category", key=lambda col: col.map(order.index)).reset_index(drop=True)
    df["category"] = df["category"].map(lambda c: ExpenseCategory(c).label)
    df[["budget", "spent"]] = df[["budget", "spent"]].fillna(0).astype(float).round(2)
    df["pct_of_budget"] = (100 * df["spent"] / df["budget"].where(df["budget"] > 0)).round(1)
    return df


def _month_end(month: str) -> date:
    year, mon = int(month[:4]), int(month[5:])
    return date(year + mon // 12, mon % 12 + 1, 1) - timedelta(days=1)


def _planned_to_date(grants: pd.DataFrame, months: list[str]) -> list[float]:
    """The straight-line plan at the end of each month: every award spread evenly over its period
    (months x grants in numpy: a thousand grants over six years is still instant)."""
    start = np.array([d.toordinal() for d in grants["start_date"]])
    days = np.array([d.toordinal() for d in grants["end_date"]]) - start + 1
    ends = np.array([_month_end(m).toordinal() for m in months])[:, None]
    share = np.clip((ends - start + 1) / days, 0, 1)
    return (share @ grants["award"].astype(float).to_numpy()).round(2).tolist()


def burn(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """month, spent, spent_to_date (through as_of's month; empty after), planned_to_date: every month from
    the first grant's start to the last one's end."""
    require(who, Action.VIEW_DASHBOARDS)
    grants = frame(conn, select(Grant.award_amount.label("award"), Grant.start_date, Grant.end_date)
                   .where(*grant_scope(f)))
    if grants.empty:
        return pd.DataFrame(columns=["month", "spent", "spent_to_date", "planned_to_date"])
    ch = _charges(f, f.as_of)
    month = month_of(conn, ch.c.day).label("month")
    spent = frame(conn, select(month, func.sum(ch.c.amount).label("spent")).group_by(month))
    months = month_labels(grants["start_date"].min(), grants["end_date"].max())
    df = pd.DataFrame({"month": months}).merge(spent, on="month", how="left")
    df["spent"] = df["spent"].fillna(0).astype(float).round(2)
    df["spent_to_date"] = df["spent"].cumsum().where(df["month"] <= f"{f.as_of:%Y-%m}")
    df["planned_to_date"] = _planned_to_date(grants, months)
    return df


def instructor_cost(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """grant, instructors, hours, cost ($): instructor hours charged to each grant in scope up to as_of."""
    require(who, Action.VIEW_DASHBOARDS)
    h = InstructorHours
    # Per (grant, instructor) first, hashed: count(DISTINCT) would sort every hour row.
    per = (select(h.grant_id, h.instructor_id, func.sum(h.hours).label("hours"), func.sum(_hours_cost()).label("cost"))
           .where(h.grant_id.in_(_grant_ids(f)), h.worked_on <= f.as_of).group_by(h.grant_id, h.instructor_id)
           .subquery())
    df = frame(conn, select(Grant.grant_number.label("grant"), func.count().label("instructors"),
                            func.sum(per.c.hours).label("hours"), func.sum(per.c.cost).label("cost"))
               .join(Grant, Grant.id == per.c.grant_id).group_by(Grant.grant_number)
               .order_by(func.sum(per.c.cost).desc(), Grant.grant_number))
    df[["hours", "cost"]] = df[["hours", "cost"]].astype(float).round(2)
    return df


def outcomes(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """measure, target, actual, pct_of_target: enrollments, completions and placements (accepted by the
    JATC) of the students in the cohorts the grants in scope fund, against the grants' targets."""
    require(who, Action.VIEW_DASHBOARDS)
    targets = conn.execute(select(func.count(Grant.id), func.sum(Grant.target_enrollments),
                                  func.sum(Grant.target_completions), func.sum(Grant.target_placements))
                           .where(*grant_scope(f))).one()
    if not targets[0]:
        return pd.DataFrame(columns=["measure", "target", "actual", "pct_of_target"])
    placed = select(JatcApplication.student_id).where(JatcApplication.status == ApplicationStatus.ACCEPTED)
    actual = conn.execute(select(func.count(Student.id),
                                 func.count(Student.id).filter(Student.status == StudentStatus.COMPLETED),
                                 func.count(Student.id).filter(Student.id.in_(placed)))
                          .join(Cohort, Cohort.id == Student.cohort_id).where(Cohort.grant_id.in_(_grant_ids(f)))).one()
    df = pd.DataFrame({"measure": ["Enrollments", "Completions", "Placements"],
                       "target": [int(t or 0) for t in targets[1:]], "actual": list(actual)})
    df["pct_of_target"] = (100 * df["actual"] / df["target"].where(df["target"] > 0)).round(1)
    return df


def _spent_sql(f: Filters):
    ch = _charges(f, f.end, since=f.start)
    return select(func.coalesce(func.sum(ch.c.amount), 0)).scalar_subquery()


def _tile_row(conn: Connection, f: Filters):
    """Every tile's number from one statement (scalar subqueries): one round trip."""
    scope, charged = grant_scope(f), _charges(f, f.as_of)
    soon = (Grant.end_date > f.as_of, Grant.end_date <= f.as_of + timedelta(days=ENDING_SOON_DAYS))
    return conn.execute(select(
        select(func.count(Grant.id)).where(*scope).scalar_subquery().label("grants"),
        select(func.coalesce(func.sum(Grant.award_amount), 0)).where(*scope).scalar_subquery().label("award"),
        select(func.coalesce(func.sum(charged.c.amount), 0)).scalar_subquery().label("charged"),
        select(func.count(Grant.id)).where(*scope, *soon).scalar_subquery().label("ending"),
        _spent_sql(f).label("period"), _spent_sql(f.previous()).label("previous"))).one()


def kpis(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """The tiles: total award, spent in the period (vs the period before), remaining, grants ending soon."""
    require(who, Action.VIEW_DASHBOARDS)
    row = _tile_row(conn, f)
    money = {k: round(float(getattr(row, k)), 2) for k in ("award", "charged", "period", "previous")}
    return pd.DataFrame([
        {"label": "Grants", "value": row.grants, "previous": None, "fmt": "{:,.0f}",
         "help": "Grants whose award period overlaps the date range"},
        {"label": "Awarded", "value": money["award"], "previous": None, "fmt": "${:,.0f}"},
        {"label": "Spent in the period", "value": money["period"], "previous": money["previous"],
         "fmt": "${:,.0f}", "help": "Expenses plus instructor hours charged during the date range"},
        {"label": "Remaining", "value": round(money["award"] - money["charged"], 2), "previous": None,
         "fmt": "${:,.0f}", "help": "Award minus everything charged up to today"},
        {"label": f"Ending within {ENDING_SOON_DAYS} days", "value": row.ending, "previous": None, "fmt": "{:,.0f}"},
    ])
