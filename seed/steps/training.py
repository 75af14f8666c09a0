"""Steps 8 to 12: students, cohorts, tools issued, credentials and JATC applications."""

import random
from bisect import bisect_left
from datetime import date, timedelta

from sqlalchemy import bindparam, select, update

from lib.models import (
    Certification, Cohort, Credential, InstructorCohort, JatcApplication, Member, Student, ToolIssued,
)
from lib.models.enums import ApplicationStatus as AS, InstructorRole, MemberClassification, StudentStatus
from seed.names import Names
from seed.context import CohortInfo, MemberInfo, SeedContext, StudentInfo
from seed.steps.common import StepOutput, add_months, between, cents, phone, weighted

COHORT_DAYS = 84  # twelve weeks
TOOLS = (("Klein hand tool kit", 285.0), ("Hard hat and safety glasses", 45.0), ("Fluke multimeter", 210.0),
         ("Tool belt and pouch", 95.0), ("Cordless drill kit", 189.0), ("Steel-toe boots voucher", 150.0))
CERTIFICATIONS = (("OSHA 10 Construction", "OSHA", 60), ("First Aid / CPR / AED", "American Red Cross", 24),
                  ("NFPA 70E Electrical Safety", "NFPA", 36), ("Forklift Operator", "Local 46 JATC", 36),
                  ("Aerial Lift Operator", "Local 46 JATC", 36), ("Flagger", "WA L&I", 36),
                  ("OSHA 30 Construction", "OSHA", 60))


def cohort_plan(scale: int, as_of: date) -> list[tuple[str, date, date]]:
    """(name, start, end) of every cohort: three years back to two months ahead, evenly spread."""
    count = 15 * scale
    first, last = as_of - timedelta(days=3 * 365), as_of + timedelta(days=56)
    step = (last - first).days / max(count - 1, 1)
    starts = [first + timedelta(days=int(i * step)) for i in range(count)]
    return [(f"Pre-apprenticeship {i + 1:03d} ({s:%b %Y})", s, s + timedelta(days=COHORT_DAYS))
            for i, s in enumerate(starts)]


def _student_status(rng: random.Random, start: date, end: date, as_of: date) -> tuple[StudentStatus, date | None]:
    if start > as_of:
        return StudentStatus.ENROLLED, None
    if rng.random() < (0.15 if end < as_of else 0.10):
        return StudentStatus.DROPPED, between(rng, start, min(end, as_of))
    return (StudentStatus.COMPLETED, end) if end < as_of else (StudentStatus.ACTIVE, None)


def students(ctx: SeedContext) -> StepOutput:
    rng, plan = ctx.rng(), cohort_plan(ctx.scale, ctx.as_of)
    fake = Names(rng)
    columns = ["id", "first_name", "last_name", "email", "phone", "date_of_birth", "status", "enrolled_on",
               "completed_on", "dropped_on"]
    ids = ctx.ids(Student, 500 * ctx.scale)
    rows, infos = [], []
    for j, sid in enumerate(ids):
        index = j % len(plan)
        _, start, end = plan[index]
        status, finished = _student_status(rng, start, end, ctx.as_of)
        enrolled = min(start - timedelta(days=rng.randint(7, 45)), ctx.as_of)
        first, last = fake.first(), fake.last()
        born = ctx.as_of - timedelta(days=rng.randint(18 * 365, 45 * 365))
        rows.append((sid, first, last, f"{first}.{last}.s{j + 1}@example.org".lower(), phone(rng), born, status,
                     enrolled, finished if status is StudentStatus.COMPLETED else None,
                     finished if status is StudentStatus.DROPPED else None))
        infos.append(StudentInfo(sid, index, status, enrolled, finished))
    ctx.state.students = infos
    return StepOutput({"students": ctx.insert(Student, columns, rows)})


def cohorts(ctx: SeedContext) -> StepOutput:
    rng, plan, places = ctx.rng(), cohort_plan(ctx.scale, ctx.as_of), ctx.state.location_ids
    rows = [(name, places[1] if rng.random() < 0.7 else places[3], start, end, 35) for name, start, end in plan]
    ids = ctx.get_or_create(Cohort, ["name"], ["name", "location_id", "start_date", "end_date", "capacity"], rows)
    ctx.state.cohorts = [CohortInfo(cid, r[2], r[3], r[1]) for cid, r in zip(ids, rows)]
    links = [(ins.id, ids[i % len(ids)], InstructorRole.LEAD if i < len(ids) else InstructorRole.ASSISTANT)
             for i, ins in enumerate(ctx.state.instructors)]
    ctx.get_or_create(InstructorCohort, ["instructor_id", "cohort_id"], ["instructor_id", "cohort_id", "role"], links)
    members_of: dict[int, list[int]] = {}
    for student in ctx.state.students:
        members_of.setdefault(ids[student.cohort_index], []).append(student.id)
    for cohort_id, student_ids in members_of.items():
        ctx.db.execute(update(Student).where(Student.id.in_(student_ids)).values(cohort_id=cohort_id))
    return StepOutput({"cohorts": len(rows), "instructor_cohorts": len(links)})


def _started(student: StudentInfo, cohort: CohortInfo) -> date:
    """When a student got their kit: the first day of class, or orientation for future cohorts."""
    return cohort.start if student.status is not StudentStatus.ENROLLED else student.enrolled_on


def tools_issued(ctx: SeedContext) -> StepOutput:
    rng, rows = ctx.rng(), []
    for student in ctx.state.students:
        issued = _started(student, ctx.state.cohorts[student.cohort_index])
        for item, value in rng.sample(TOOLS, 2):
            returned = None
            if student.status is StudentStatus.DROPPED and rng.random() < 0.6:
                returned = min(student.finished_on + timedelta(days=rng.randint(1, 14)), ctx.as_of)
            rows.append((student.id, item, cents(value), issued, returned))
    written = ctx.insert(ToolIssued, ["student_id", "item", "value", "issued_on", "returned_on"], rows)
    return StepOutput({"tools_issued": written})


def credentials(ctx: SeedContext) -> StepOutput:
    rng = ctx.rng()
    cert_ids = ctx.get_or_create(Certification, ["name"], ["name", "issuing_body", "validity_months"],
                                 CERTIFICATIONS)
    rows = []
    for student in ctx.state.students:
        start = _started(student, ctx.state.cohorts[student.cohort_index])
        latest = min(student.finished_on or ctx.as_of, ctx.as_of)
        for n in rng.sample(range(len(CERTIFICATIONS)), 2):
            earned = between(rng, start, min(start + timedelta(days=70), latest))
            expires = add_months(earned, CERTIFICATIONS[n][2])
            rows.append((student.id, cert_ids[n], earned, expires, f"C{cert_ids[n]:02d}-{student.id:07d}"))
    columns = ["student_id", "certification_id", "earned_on", "expires_on", "credential_number"]
    return StepOutput({"certifications": len(CERTIFICATIONS), "credentials": ctx.insert(Credential, columns, rows)})


APPLICATION_MIX = {
    StudentStatus.COMPLETED: ((AS.ACCEPTED, 45), (AS.WAITLISTED, 15), (AS.REJECTED, 10), (AS.INTERVIEWED, 15),
                              (AS.TESTED, 15)),
    StudentStatus.ACTIVE: ((AS.APPLIED, 60), (AS.TESTED, 40)),
    StudentStatus.ENROLLED: ((AS.APPLIED, 100),),
    StudentStatus.DROPPED: ((AS.APPLIED, 70), (AS.REJECTED, 30)),
}
TESTED = {AS.TESTED, AS.INTERVIEWED, AS.ACCEPTED, AS.REJECTED, AS.WAITLISTED}
DECIDED = {AS.ACCEPTED, AS.REJECTED, AS.WAITLISTED}


def _application(rng: random.Random, student: StudentInfo, cohort: CohortInfo, as_of: date) -> tuple:
    status = weighted(rng, APPLICATION_MIX[student.status])
    earliest = student.enrolled_on if student.status is StudentStatus.ENROLLED else cohort.start
    submitted = between(rng, earliest, min(student.finished_on or as_of, as_of))
    aptitude = cents(rng.uniform(55, 99)) if status in TESTED else None
    interview = cents(rng.uniform(50, 98)) if status in TESTED - {AS.TESTED} else None
    decided = min(submitted + timedelta(days=rng.randint(20, 60)), as_of) if status in DECIDED else None
    return student.id, submitted, aptitude, interview, status, decided


def jatc_applications(ctx: SeedContext) -> StepOutput:
    rng = ctx.rng()
    rows = [_application(rng, s, ctx.state.cohorts[s.cohort_index], ctx.as_of) for s in ctx.state.students]
    columns = ["student_id", "submitted_on", "aptitude_score", "interview_score", "status", "decided_on"]
    written = ctx.insert(JatcApplication, columns, rows)
    accepted = sorted((r[5], r[0]) for r in rows if r[4] is AS.ACCEPTED)
    links = _indentures(accepted, ctx.state.members)
    _link_students_to_members(ctx, links)
    return StepOutput({"jatc_applications": written, "students_who_became_members": len(links)})


INDENTURE_DAYS = 120  # an accepted applicant is initiated as a 1st-year apprentice within about four months


def _indentures(accepted: list[tuple[date, int]], members: list[MemberInfo]) -> list[tuple[int, int]]:
    """(student id, member id): each accepted student, earliest decision first, becomes the first
    apprentice initiated after the decision and within INDENTURE_DAYS; the rest are still waiting."""
    free = sorted((m.initiation_date, m.id) for m in members
                  if m.history and m.history[0][1] is MemberClassification.APPRENTICE_1
                  and m.classification is not MemberClassification.RETIRED)
    links = []
    for decided, student_id in accepted:
        at = bisect_left(free, (decided, 0))
        if at < len(free) and free[at][0] <= decided + timedelta(days=INDENTURE_DAYS):
            links.append((student_id, free.pop(at)[1]))
    return links


def _link_students_to_members(ctx: SeedContext, links: list[tuple[int, int]]) -> None:
    """One person across the pipeline: the student points at the member, who carries the student's name."""
    if not links:
        return
    ctx.db.execute(update(Student).where(Student.id == bindparam("sid")).values(member_id=bindparam("mid")),
                   [{"sid": sid, "mid": mid} for sid, mid in links])
    names = {row[0]: row for row in ctx.db.execute(select(Student.id, Student.first_name, Student.last_name,
                                                          Student.email).where(Student.id.in_([s for s, _ in links])))}
    ctx.db.execute(update(Member).where(Member.id == bindparam("mid")).values(
        first_name=bindparam("fn"), last_name=bindparam("ln"), email=bindparam("em")),
        [{"mid": mid, "fn": names[sid][1], "ln": names[sid][2], "em": names[sid][3]} for sid, mid in links])
