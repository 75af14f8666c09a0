"""Step 17: union operations: SALTing, benevolence (with reviews), grievances (with steps)."""

import random
from datetime import date, timedelta

from lib.models import BenevolenceApplication, BenevolenceReview, Grievance, GrievanceStep, SaltingActivity
from lib.models.enums import (
    BenevolenceReason, BenevolenceStatus as BS, ContractType, GrievanceStatus as GS, GrievanceStepName,
    MemberClassification as MC, MemberStatus, OrganizationType, ReviewDecision, SaltingActivityType,
    SaltingOutcome, StepOutcome,
)
from lib.workdays import add_business_days
from seed.context import MemberInfo, SeedContext
from seed.steps.common import StepOutput, between, cents, weighted

OUTCOMES = ((SaltingOutcome.NO_CONTACT, 25), (SaltingOutcome.CONTACT_MADE, 30), (SaltingOutcome.INTEREST_SHOWN, 20),
            (SaltingOutcome.CARD_SIGNED, 12), (SaltingOutcome.HIRED_ON, 5), (SaltingOutcome.REFUSED, 8))
BENEVOLENCE_MIX = ((BS.SUBMITTED, 20), (BS.UNDER_REVIEW, 20), (BS.APPROVED, 25), (BS.DENIED, 15), (BS.PAID, 20))
DECISION = {BS.UNDER_REVIEW: ReviewDecision.DEFER, BS.APPROVED: ReviewDecision.APPROVE,
            BS.PAID: ReviewDecision.APPROVE, BS.DENIED: ReviewDecision.DENY}
GRIEVANCE_MIX = ((GS.OPEN, 55), (GS.SETTLED, 25), (GS.WITHDRAWN, 10), (GS.DENIED, 10))
FINAL_OUTCOME = {GS.SETTLED: StepOutcome.RESOLVED, GS.WITHDRAWN: StepOutcome.WITHDRAWN, GS.DENIED: StepOutcome.DENIED}
CONTRACT_OF = {MC.RESIDENTIAL_WIREMAN: ContractType.RESIDENTIAL, MC.SOUND_COMM_TECHNICIAN: ContractType.SOUND_COMM}
ARTICLES = ("Art. 2 Sec. 2.05 hiring hall", "Art. 3 Sec. 3.10 overtime", "Art. 4 Sec. 4.02 wage rates",
            "Art. 6 Sec. 6.01 safety", "Art. 2 Sec. 2.09 discharge", "Art. 3 Sec. 3.14 travel pay")
STEPS = tuple(GrievanceStepName)


def _active(members: list[MemberInfo]) -> list[MemberInfo]:
    return [m for m in members if m.status is MemberStatus.ACTIVE and m.classification is MC.JOURNEYMAN_WIREMAN]


def _salting(ctx: SeedContext, rng: random.Random) -> int:
    organizers = _active(ctx.state.members)
    targets = [o.id for o in ctx.state.organizations if o.org_type is OrganizationType.NON_UNION_TARGET]
    rows = [(rng.choice(organizers).id, rng.choice(targets), between(rng, ctx.as_of - timedelta(days=365), ctx.as_of),
             rng.choice(tuple(SaltingActivityType)), weighted(rng, OUTCOMES), None) for _ in range(40 * ctx.scale)]
    columns = ["organizer_member_id", "target_organization_id", "activity_date", "activity_type", "outcome", "notes"]
    return ctx.insert(SaltingActivity, columns, rows)


def _benevolence(ctx: SeedContext, rng: random.Random) -> tuple[int, int]:
    applicants = [m for m in ctx.state.members if m.status in (MemberStatus.ACTIVE, MemberStatus.RETIRED)]
    reviewers = _active(ctx.state.members)
    ids = ctx.ids(BenevolenceApplication, 15 * ctx.scale)
    apps, reviews = [], []
    for app_id in ids:
        member, status = rng.choice(applicants), weighted(rng, BENEVOLENCE_MIX)
        submitted = between(rng, ctx.as_of - timedelta(days=540), ctx.as_of - timedelta(days=1))
        requested = cents(rng.randint(10, 100) * 50)
        apps.append((app_id, member.id, submitted, rng.choice(tuple(BenevolenceReason)), requested, status, None))
        if status in DECISION:
            approved = cents(float(requested) * rng.choice((0.5, 0.75, 1.0))) if DECISION[status] is ReviewDecision.APPROVE else None
            reviewer = next(r for r in rng.sample(reviewers, 3) if r.id != member.id)
            reviewed = min(submitted + timedelta(days=rng.randint(3, 30)), ctx.as_of)
            reviews.append((app_id, reviewer.id, reviewed, DECISION[status], approved, None))
    ctx.insert(BenevolenceApplication, ["id", "member_id", "submitted_on", "reason", "amount_requested", "status",
                                        "description"], apps)
    ctx.insert(BenevolenceReview, ["application_id", "reviewer_member_id", "reviewed_on", "decision",
                                   "approved_amount", "notes"], reviews)
    return len(apps), len(reviews)


def _open_steps(rng: random.Random, days: int, holidays: tuple, as_of: date) -> list[tuple]:
    """Escalated steps then one pending step: about 40% past their deadline, 20% due soon."""
    band = rng.random()
    days_ago = rng.randint(25, 60) if band < 0.4 else rng.randint(9, 11) if band < 0.6 else rng.randint(0, 4)
    start = as_of - timedelta(days=days_ago)
    current = rng.randint(0, 3)
    steps = [(STEPS[current], start, add_business_days(start, days, holidays), None, StepOutcome.PENDING)]
    for index in range(current - 1, -1, -1):
        closed, start = start, start - timedelta(days=rng.randint(5, 12))
        steps.insert(0, (STEPS[index], start, add_business_days(start, days, holidays), closed, StepOutcome.ESCALATED))
    return steps


def _closed_steps(rng: random.Random, days: int, holidays: tuple, as_of: date, status: GS) -> list[tuple]:
    start, last, steps = as_of - timedelta(days=rng.randint(60, 360)), rng.randint(0, 3), []
    for index in range(last + 1):
        closed = start + timedelta(days=rng.randint(5, 12))
        outcome = FINAL_OUTCOME[status] if index == last else StepOutcome.ESCALATED
        steps.append((STEPS[index], start, add_business_days(start, days, holidays), closed, outcome))
        start = closed
    return steps


def _grievances(ctx: SeedContext, rng: random.Random) -> tuple[int, int]:
    members = {m.id: m for m in ctx.state.members}
    settled_in = [j for j in ctx.state.open_jobs if j[2] <= ctx.as_of - timedelta(days=400)] or ctx.state.open_jobs
    ids, grievances, steps = ctx.ids(Grievance, 20 * ctx.scale), [], []
    for n, gid in enumerate(ids):
        member_id, employer_id, _ = rng.choice(settled_in)
        contract = CONTRACT_OF.get(members[member_id].classification, ContractType.INSIDE)
        days = ctx.settings.grievance_days_per_step.get(contract.value, 10)
        status = weighted(rng, GRIEVANCE_MIX)
        holidays = tuple(ctx.settings.holidays)  # the same calendar as lib.grievances.clock
        history = (_open_steps(rng, days, holidays, ctx.as_of) if status is GS.OPEN
                   else _closed_steps(rng, days, holidays, ctx.as_of, status))
        filed = history[0][1]
        grievances.append((gid, f"GR-{filed.year}-{n + 1:04d}", member_id, employer_id, contract, filed,
                           rng.choice(ARTICLES), None, status))
        steps += [(gid, *step, None) for step in history]
    ctx.insert(Grievance, ["id", "grievance_number", "member_id", "employer_organization_id", "contract", "filed_on",
                           "contract_article", "description", "status"], grievances)
    ctx.insert(GrievanceStep, ["grievance_id", "step", "started_on", "deadline_on", "closed_on", "outcome", "notes"],
               steps)
    return len(grievances), len(steps)


def union_operations(ctx: SeedContext) -> StepOutput:
    rng = ctx.rng()
    salting = _salting(ctx, rng)
    applications, reviews = _benevolence(ctx, rng)
    grievances, steps = _grievances(ctx, rng)
    return StepOutput({"salting_activities": salting, "benevolence_applications": applications,
                       "benevolence_reviews": reviews, "grievances": grievances, "grievance_steps": steps})
