"""Steps 13 to 15: grants with budgets, their expenses, and instructor hours charged to them."""

import random
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import update

from lib.models import Cohort, Expense, Grant, GrantBudgetLine, InstructorHours
from lib.models.enums import ExpenseCategory as EC, OrganizationType
from seed.context import GrantInfo, SeedContext
from seed.steps.common import StepOutput, add_months, between, cents, weighted

PROGRAMS = ("Pre-Apprenticeship Pathways", "Women in the Trades", "Youth Electrical Careers",
            "Clean Energy Workforce", "Veterans to Electricians", "Rural Trades Access")
BUDGET_SHARES = ((EC.INSTRUCTION, 0.40), (EC.TOOLS_EQUIPMENT, 0.15), (EC.SUPPLIES, 0.10),
                 (EC.PARTICIPANT_SUPPORT, 0.20), (EC.TRAVEL, 0.05), (EC.ADMINISTRATION, 0.10))
VENDORS = {
    EC.INSTRUCTION: ("Local 46 JATC", "Renton Technical College"),
    EC.TOOLS_EQUIPMENT: ("Platt Electric Supply", "Grainger", "Klein Tools Direct"),
    EC.SUPPLIES: ("CED Seattle", "Office Depot", "Home Depot Pro"),
    EC.PARTICIPANT_SUPPORT: ("ORCA Transit Passes", "Childcare Aware WA", "Safety Boot Outlet"),
    EC.TRAVEL: ("Alaska Airlines", "Enterprise Rent-A-Car"),
    EC.ADMINISTRATION: ("Local 46 Finance Office", "QuickBooks Online"),
}


def _grant_row(rng: random.Random, i: int, funder: tuple[int, str] | None, as_of: date) -> tuple:
    start = between(rng, as_of - timedelta(days=3 * 365), as_of - timedelta(days=90)).replace(day=1)
    end = add_months(start, rng.choice((24, 36))) - timedelta(days=1)
    award = cents(rng.randint(150, 1200) * 1000)
    enrollments = rng.randint(40, 150)
    funder_id, funder_name = funder or (None, "Washington State Workforce Board")
    return (f"G-{start.year}-{i + 1:03d}", f"{rng.choice(PROGRAMS)} {start.year}", funder_name, funder_id,
            award, start, end, enrollments, int(enrollments * 0.8), int(enrollments * 0.6))


def grants(ctx: SeedContext) -> StepOutput:
    rng = ctx.rng()
    funders = [(o.id, o.name) for o in ctx.state.organizations if o.org_type is OrganizationType.FUNDER]
    rows = [_grant_row(rng, i, funders[i % len(funders)] if funders else None, ctx.as_of) for i in range(10 * ctx.scale)]
    columns = ["grant_number", "name", "funder", "funder_organization_id", "award_amount", "start_date",
               "end_date", "target_enrollments", "target_completions", "target_placements"]
    ids = ctx.get_or_create(Grant, ["grant_number"], columns, rows)
    ctx.state.grants = [GrantInfo(gid, r[5], r[6], r[4]) for gid, r in zip(ids, rows)]
    lines = [(g.id, cat, cents(float(g.award) * share)) for g in ctx.state.grants for cat, share in BUDGET_SHARES]
    ctx.get_or_create(GrantBudgetLine, ["grant_id", "category"], ["grant_id", "category", "amount"], lines)
    _fund_cohorts(ctx)
    return StepOutput({"grants": len(rows), "grant_budget_lines": len(lines)})


def _fund_cohorts(ctx: SeedContext) -> None:
    """Each cohort is charged to a grant whose award period covers its start, when one does."""
    for n, cohort in enumerate(ctx.state.cohorts):
        covering = [g for g in ctx.state.grants if g.start <= cohort.start <= g.end]
        if covering:
            grant = covering[n % len(covering)]
            ctx.state.cohorts[n] = replace(cohort, grant_id=grant.id)
            ctx.db.execute(update(Cohort).where(Cohort.id == cohort.id).values(grant_id=grant.id))


def expenses(ctx: SeedContext) -> StepOutput:
    rng, rows = ctx.rng(), []
    for grant in ctx.state.grants:
        rows += _grant_expenses(rng, grant, ctx.as_of)
    columns = ["grant_id", "category", "amount", "spent_on", "vendor", "description"]
    return StepOutput({"expenses": ctx.insert(Expense, columns, rows)})


# 20 expenses per grant (200 per 10 grants), split like the budget: 8 instruction, 3 tools, ...
EXPENSES_PER_CATEGORY = {cat: round(20 * share) for cat, share in BUDGET_SHARES}


def _grant_expenses(rng: random.Random, grant: GrantInfo, as_of: date) -> list[tuple]:
    """Spending that follows the time elapsed (52-98% of a straight-line burn), each category within its budget."""
    last = min(grant.end, as_of)
    elapsed = max(0, (last - grant.start).days) / max(1, (grant.end - grant.start).days)
    spent = float(grant.award) * elapsed * rng.uniform(0.65, 0.85)
    rows = []
    for category, share in BUDGET_SHARES:
        # Categories run ahead or behind the overall pace, but never past their budget line.
        in_category = min(spent * share * rng.uniform(0.8, 1.15), float(grant.award) * share)
        weights = [rng.uniform(0.5, 1.5) for _ in range(EXPENSES_PER_CATEGORY[category])]
        for weight in weights:
            rows.append((grant.id, category, cents(in_category * weight / sum(weights)),
                         between(rng, grant.start, last), rng.choice(VENDORS[category]),
                         f"{category.label} for {grant.start.year} cohorts"))
    return rows


def instructor_hours(ctx: SeedContext) -> StepOutput:
    rng, rows, cohorts, grants_by_id = ctx.rng(), [], ctx.state.cohorts, {g.id: g for g in ctx.state.grants}
    for i, instructor in enumerate(ctx.state.instructors):
        cohort = cohorts[i % len(cohorts)]
        # Hours of a cohort that has not started yet are preparation in the weeks before today.
        first = cohort.start if cohort.start <= ctx.as_of else ctx.as_of - timedelta(days=60)
        last = min(cohort.end, ctx.as_of)
        grant = grants_by_id.get(cohort.grant_id) if cohort.grant_id else None
        for _ in range(20):
            worked = between(rng, first, last)
            charged = grant.id if grant and grant.start <= worked <= grant.end else None
            rows.append((instructor.id, cohort.id, charged, worked, cents(rng.randint(4, 16) / 2),
                         instructor.hourly_rate))
    columns = ["instructor_id", "cohort_id", "grant_id", "worked_on", "hours", "rate"]
    return StepOutput({"instructor_hours": ctx.insert(InstructorHours, columns, rows)})
