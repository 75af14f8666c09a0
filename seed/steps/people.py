"""Steps 3, 6 and 7: instructors, members (with classification history) and their employment."""

import random
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from lib.models import Instructor, Member, MemberClassificationChange, MemberEmployment
from lib.models.enums import JobClassification as Job, MemberClassification as MC, MemberStatus, OrganizationType
from seed.names import Names
from seed.context import InstructorInfo, MemberInfo, SeedContext
from seed.steps.common import WA_CITIES, StepOutput, add_months, between, cents, phone, weighted

SPECIALTIES = ("Electrical theory", "Blueprint reading", "Construction math", "Jobsite safety",
               "Conduit bending", "Motor controls", "Low voltage systems", "Career readiness")
CLASS_MIX = ((MC.JOURNEYMAN_WIREMAN, 45), (MC.APPRENTICE_1, 4), (MC.APPRENTICE_2, 4), (MC.APPRENTICE_3, 4),
             (MC.APPRENTICE_4, 4), (MC.APPRENTICE_5, 4), (MC.RESIDENTIAL_WIREMAN, 10),
             (MC.SOUND_COMM_TECHNICIAN, 8), (MC.MATERIAL_HANDLER, 7), (MC.RETIRED, 10))
APPRENTICE_YEARS = (MC.APPRENTICE_1, MC.APPRENTICE_2, MC.APPRENTICE_3, MC.APPRENTICE_4, MC.APPRENTICE_5)
STATUS_MIX = ((MemberStatus.ACTIVE, 90), (MemberStatus.INACTIVE, 4), (MemberStatus.SUSPENDED, 4),
              (MemberStatus.DECEASED, 2))
JOURNEY_JOBS = ((Job.JOURNEYMAN, 80), (Job.FOREMAN, 14), (Job.GENERAL_FOREMAN, 5), (Job.SUPERINTENDENT, 1))
BASE_RATE = {Job.JOURNEYMAN: 62.0, Job.FOREMAN: 68.0, Job.GENERAL_FOREMAN: 74.0, Job.SUPERINTENDENT: 80.0}


def instructors(ctx: SeedContext) -> StepOutput:
    rng = ctx.rng()
    fake = Names(rng)
    columns = ["first_name", "last_name", "email", "phone", "specialty", "hourly_rate", "is_active", "user_id"]
    rows = []
    for i in range(75 * ctx.scale):
        first, last = fake.first(), fake.last()
        rows.append([first, last, f"{first}.{last}.{i + 1}@jatc.local46.example".lower(), phone(rng),
                     rng.choice(SPECIALTIES), cents(rng.uniform(45, 75)), rng.random() > 0.05, None])
    if ctx.state.demo_users.instructor is not None:  # the demo instructor login is instructor #1
        rows[0][:3] = ["Ivan", "Torres", "instructor@demo.local46.example"]
        rows[0][-1], rows[0][-2] = ctx.state.demo_users.instructor, True
    ids = ctx.get_or_create(Instructor, ["email"], columns, [tuple(r) for r in rows])
    ctx.state.instructors = [InstructorInfo(i, row[5]) for i, row in zip(ids, rows)]
    return StepOutput({"instructors": len(rows)})


def _history(rng: random.Random, classification: MC, as_of: date) -> tuple[tuple[date, MC], ...]:
    """Classification changes from initiation to today; the last one is `classification`."""
    if classification in APPRENTICE_YEARS:
        year = APPRENTICE_YEARS.index(classification)
        start = as_of - timedelta(days=365 * year + rng.randint(30, 330))
        return tuple((add_months(start, 12 * y), APPRENTICE_YEARS[y]) for y in range(year + 1))
    if classification in (MC.JOURNEYMAN_WIREMAN, MC.RETIRED):
        start = as_of - timedelta(days=rng.randint(6 * 365, 40 * 365))
        # Long-past apprentice years collapse into one row: only the last year of dues reads history.
        steps = [(start, MC.APPRENTICE_1), (add_months(start, 60), MC.JOURNEYMAN_WIREMAN)]
        if classification is MC.RETIRED:
            steps.append((between(rng, max(add_months(start, 240), as_of - timedelta(days=3650)),
                                  as_of - timedelta(days=30)), MC.RETIRED))
        return tuple(steps)
    return ((as_of - timedelta(days=rng.randint(200, 30 * 365)), classification),)


def _status(rng: random.Random, history: tuple, as_of: date) -> tuple[MemberStatus, date | None]:
    last_change, classification = history[-1]
    if classification is MC.RETIRED:
        return MemberStatus.RETIRED, last_change
    status = weighted(rng, STATUS_MIX)
    long_ago = history[0][0] < as_of - timedelta(days=10 * 365)
    if status is MemberStatus.ACTIVE or (status is MemberStatus.DECEASED and not long_ago):
        return MemberStatus.ACTIVE, None
    recent = max(last_change, as_of - timedelta(days=rng.randint(20, 400)))
    return status, min(recent, as_of)


def members(ctx: SeedContext) -> StepOutput:
    rng, as_of = ctx.rng(), ctx.as_of
    fake = Names(rng)
    columns = ["card_number", "first_name", "last_name", "email", "phone", "address", "city", "state",
               "postal_code", "classification", "status", "status_effective_on", "initiation_date",
               "home_location_id"]
    rows, infos = [], []
    for i in range(1000 * ctx.scale):
        classification = weighted(rng, CLASS_MIX)
        history = _history(rng, classification, as_of)
        status, effective = _status(rng, history, as_of)
        first, last = fake.first(), fake.last()
        rows.append((f"46-{i + 1:06d}", first, last, f"{first}.{last}{i + 1}@example.com".lower(), phone(rng),
                     fake.street(), rng.choice(WA_CITIES), "WA", f"98{rng.randint(0, 199):03d}",
                     classification, status, effective, history[0][0], rng.choice(ctx.state.location_ids)))
        infos.append((classification, status, effective, history[0][0], history))
    ids = ctx.get_or_create(Member, ["card_number"], columns, rows)
    ctx.state.members = [MemberInfo(mid, *info) for mid, info in zip(ids, infos)]
    changes = [(m.id, cls, day) for m in ctx.state.members for day, cls in m.history]
    written = ctx.insert(MemberClassificationChange, ["member_id", "classification", "effective_from"], changes)
    return StepOutput({"members": len(rows), "member_classification_changes": written})


def _job(rng: random.Random, member: MemberInfo, start: date) -> tuple[Job, float]:
    held = member.classification_on(start)
    if held in APPRENTICE_YEARS:
        year = max(APPRENTICE_YEARS.index(held), min(4, (start - member.initiation_date).days // 365))
        return Job.APPRENTICE, 28.0 + 5.0 * year
    job = weighted(rng, JOURNEY_JOBS) if member.classification in (MC.JOURNEYMAN_WIREMAN, MC.RETIRED) else Job.JOURNEYMAN
    return job, BASE_RATE[job]


def _jobs_of(rng: random.Random, member: MemberInfo, employers: list[int], as_of: date) -> list[tuple]:
    """Jobs one after another from initiation: never overlapping, with short gaps on the bench."""
    until = member.status_effective_on if member.status in (MemberStatus.RETIRED, MemberStatus.DECEASED) else as_of
    span = (until - member.initiation_date).days
    count = max(1, min(6 + int(rng.random() * 5), span // 45))
    length, draw, first_day = span / count, rng.random, member.initiation_date
    jobs, employer = [], None
    for n in range(count):
        start = first_day + timedelta(days=int((n + 0.15 * draw()) * length))
        end = first_day + timedelta(days=int((n + 1 - 0.15 * draw()) * length) - 1)
        pick = int(draw() * len(employers))
        employer = employers[(pick + 1) % len(employers)] if employers[pick] == employer else employers[pick]
        job, base = _job(rng, member, start)
        still_there = n == count - 1 and member.status is MemberStatus.ACTIVE and draw() < 0.85
        jobs.append((member.id, employer, start, None if still_there else min(end, until), job,
                     _hourly(base, as_of.year - start.year)))
    return jobs


@lru_cache(maxsize=4096)
def _hourly(base: float, years_ago: int) -> Decimal:
    """The scale's rate that many years ago (about 3% a year less)."""
    return cents(base * 0.97 ** max(0, years_ago))


def member_employments(ctx: SeedContext) -> StepOutput:
    rng = ctx.rng()
    employers = [o.id for o in ctx.state.organizations if o.org_type is OrganizationType.SIGNATORY_CONTRACTOR]
    columns = ["member_id", "organization_id", "start_date", "end_date", "job_classification", "hourly_rate"]
    rows = [job for member in ctx.state.members for job in _jobs_of(rng, member, employers, ctx.as_of)]
    ctx.state.open_jobs = [(r[0], r[1], r[2]) for r in rows if r[3] is None]
    return StepOutput({"member_employments": ctx.insert(MemberEmployment, columns, rows)})
