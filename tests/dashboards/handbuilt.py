"""Tiny hand-built data sets for the training, grants and union-operations dashboards: every number the
tests assert is worked out by hand in the docstrings (not the seed)."""

from datetime import date
from decimal import Decimal as D

from sqlalchemy import insert

from lib.auth.identity import Identity
from lib.models import (
    Attendance, BenevolenceApplication, BenevolenceReview, Certification, ClassSession, Cohort, Course, Credential,
    Expense, Grant, GrantBudgetLine, Grievance, GrievanceStep, Instructor, InstructorHours, JatcApplication, Location,
    Member, Organization, SaltingActivity, Student, ToolIssued,
)
from lib.models.enums import (
    ApplicationStatus as AS, AttendanceStatus as AT, BenevolenceReason as BR, BenevolenceStatus as BS,
    ExpenseCategory as EC, GrievanceStatus as GS, GrievanceStepName as GN, LocationKind, MemberClassification,
    MemberStatus, OrganizationType, ReviewDecision as RD, RoleName, SaltingActivityType as SA, SaltingOutcome as SO,
    StepOutcome as SO_, StudentStatus as SS,
)

AS_OF = date(2025, 12, 1)
LEADER = Identity(id=None, email="chair@local46.example", roles=frozenset({RoleName.LEADERSHIP}))
INSTRUCTOR = Identity(id=None, email="teach@local46.example", roles=frozenset({RoleName.INSTRUCTOR}))


def add(conn, model, **values) -> int:
    return conn.execute(insert(model).values(**values).returning(model.id)).scalar_one()


def member(conn, n: int, classification=MemberClassification.APPRENTICE_1) -> int:
    return add(conn, Member, card_number=f"T-{n}", first_name=f"M{n}", last_name="Test", classification=classification,
               status=MemberStatus.ACTIVE, initiation_date=date(2025, 6, 1))


def org(conn, name: str, kind=OrganizationType.NON_UNION_TARGET) -> int:
    return add(conn, Organization, name=name, org_type=kind)


def _student(conn, cohort: int, n: int, status: SS, **extra) -> int:
    return add(conn, Student, first_name=f"S{n}", last_name="Test", cohort_id=cohort, status=status,
               enrolled_on=date(2024, 12, 1), **extra)


def training_data(engine) -> dict[str, int]:
    """Cohort A (Jan-Mar 2025, hall): s1-s4 completed (Mar 31), s5 dropped (Feb 15). s1 applied twice (rejected,
    then accepted) and became a member; s2 accepted, not yet a member; s3 rejected; s4 never applied; s5 applied.
    Cohort B (Sep-Dec 20 2025, still running, training center): s6, s7 active, s8 not started, s9 dropped Sep 20.
    Cohort C (2023, out of range): one completed, accepted member.
    Funnel (2025): 9 students, 4 completed, 3 of them applied, 2 accepted, 1 member.
    Attendance A: present, late, absent, excused -> 2 of 3 = 66.7%; B: present -> 100%.
    Credentials 2025: OSHA 10 x2 (s1 expired Aug 1, s2 valid), First Aid x1 (s6, no expiry); 2023: one more OSHA 10.
    Tools: A $100 + $50 (returned) -> 150/50/100; B $200 -> 200/0/200."""
    with engine.begin() as conn:
        hall = add(conn, Location, name="Union Hall", kind=LocationKind.UNION_HALL)
        center = add(conn, Location, name="Training Center", kind=LocationKind.TRAINING_CENTER)
        add(conn, Location, name="Dispatch", kind=LocationKind.DISPATCH_OFFICE)
        a = add(conn, Cohort, name="A", location_id=hall, start_date=date(2025, 1, 6), end_date=date(2025, 3, 31))
        b = add(conn, Cohort, name="B", location_id=center, start_date=date(2025, 9, 1), end_date=date(2025, 12, 20))
        c = add(conn, Cohort, name="C", location_id=hall, start_date=date(2023, 1, 9), end_date=date(2023, 3, 31))
        done = {"completed_on": date(2025, 3, 31)}
        s1 = _student(conn, a, 1, SS.COMPLETED, member_id=member(conn, 1), **done)
        s2 = _student(conn, a, 2, SS.COMPLETED, **done)
        s3 = _student(conn, a, 3, SS.COMPLETED, **done)
        _student(conn, a, 4, SS.COMPLETED, **done)
        s5 = _student(conn, a, 5, SS.DROPPED, dropped_on=date(2025, 2, 15))
        s6 = _student(conn, b, 6, SS.ACTIVE)
        s7 = _student(conn, b, 7, SS.ACTIVE)
        _student(conn, b, 8, SS.ENROLLED)
        _student(conn, b, 9, SS.DROPPED, dropped_on=date(2025, 9, 20))
        old = _student(conn, c, 10, SS.COMPLETED, member_id=member(conn, 2), completed_on=date(2023, 3, 31))
        for sid, status, decided in ((s1, AS.REJECTED, date(2024, 12, 20)), (s1, AS.ACCEPTED, date(2025, 5, 1)),
                                     (s2, AS.ACCEPTED, date(2025, 5, 10)), (s3, AS.REJECTED, date(2025, 5, 10)),
                                     (s5, AS.APPLIED, None), (old, AS.ACCEPTED, date(2023, 5, 1))):
            add(conn, JatcApplication, student_id=sid, submitted_on=date(2025, 4, 1), status=status, decided_on=decided)
        course = add(conn, Course, code="EL-101", title="Basic electricity", hours=40)
        a1, a2 = (add(conn, ClassSession, cohort_id=a, course_id=course, session_date=date(2025, 1, d)) for d in (7, 9))
        b1 = add(conn, ClassSession, cohort_id=b, course_id=course, session_date=date(2025, 9, 2))
        for session, sid, status in ((a1, s1, AT.PRESENT), (a2, s1, AT.LATE), (a1, s2, AT.ABSENT), (a2, s2, AT.EXCUSED),
                                     (b1, s6, AT.PRESENT)):
            add(conn, Attendance, session_id=session, student_id=sid, status=status)
        osha = add(conn, Certification, name="OSHA 10")
        aid = add(conn, Certification, name="First Aid")
        for sid, cert, earned, expires in ((s1, osha, date(2025, 2, 1), date(2025, 8, 1)),
                                           (s2, osha, date(2025, 2, 1), date(2026, 2, 1)),
                                           (s6, aid, date(2025, 9, 10), None), (old, osha, date(2023, 2, 1), None)):
            add(conn, Credential, student_id=sid, certification_id=cert, earned_on=earned, expires_on=expires)
        for sid, value, returned in ((s1, "100.00", None), (s1, "50.00", date(2025, 4, 1)), (s6, "200.00", None)):
            add(conn, ToolIssued, student_id=sid, item="Kit", value=D(value), issued_on=date(2025, 1, 6),
                returned_on=returned)
    return {"a": a, "b": b, "c": c, "hall": hall, "center": center}


def grants_data(engine) -> dict[str, int]:
    """G1: $120,000, 2025 (365 days), targets 10/8/5; budget instruction 60k, supplies 20k, travel 40k; expenses
    supplies $1,000 (Feb 10), instruction $3,000 (Mar 5), supplies $500 (Mar 20), supplies $700 on Dec 20 (after
    as_of: not yet spent); hours 10 x $50 (Mar 1) + 2.5 x $60.10 (Apr 1) = $650.25. Spent $5,150.25.
    G2: $50,000, Jul 2025 - Jun 2026, targets 4/3/2; budget administration 50k; $2,000 on Aug 1.
    G3: 2022, out of any 2025 range. Cohort of G1: 2 completed (one accepted), 1 active; of G2: 1 dropped."""
    with engine.begin() as conn:
        g1 = add(conn, Grant, grant_number="G1", name="Pathways", funder="State", award_amount=D("120000"),
                 start_date=date(2025, 1, 1), end_date=date(2025, 12, 31), target_enrollments=10,
                 target_completions=8, target_placements=5)
        g2 = add(conn, Grant, grant_number="G2", name="Women in the Trades", funder="Fund", award_amount=D("50000"),
                 start_date=date(2025, 7, 1), end_date=date(2026, 6, 30), target_enrollments=4,
                 target_completions=3, target_placements=2)
        g3 = add(conn, Grant, grant_number="G3", name="Old", funder="Fund", award_amount=D("10000"),
                 start_date=date(2022, 1, 1), end_date=date(2022, 12, 31))
        for grant, category, amount in ((g1, EC.INSTRUCTION, "60000"), (g1, EC.SUPPLIES, "20000"),
                                        (g1, EC.TRAVEL, "40000"), (g2, EC.ADMINISTRATION, "50000"),
                                        (g3, EC.SUPPLIES, "10000")):
            add(conn, GrantBudgetLine, grant_id=grant, category=category, amount=D(amount))
        for grant, category, amount, day in ((g1, EC.SUPPLIES, "1000", date(2025, 2, 10)),
                                             (g1, EC.INSTRUCTION, "3000", date(2025, 3, 5)),
                                             (g1, EC.SUPPLIES, "500", date(2025, 3, 20)),
                                             (g1, EC.SUPPLIES, "700", date(2025, 12, 20)),
                                             (g2, EC.ADMINISTRATION, "2000", date(2025, 8, 1)),
                                             (g3, EC.SUPPLIES, "9000", date(2022, 5, 1))):
            add(conn, Expense, grant_id=grant, category=category, amount=D(amount), spent_on=day, vendor="V")
        teacher = add(conn, Instructor, first_name="Mara", last_name="Quinn", email="mq@x.org", hourly_rate=D("50"))
        for hours, rate, day in (("10", "50", date(2025, 3, 1)), ("2.5", "60.10", date(2025, 4, 1))):
            add(conn, InstructorHours, instructor_id=teacher, grant_id=g1, worked_on=day, hours=D(hours), rate=D(rate))
        c1 = add(conn, Cohort, name="Funded 1", grant_id=g1, start_date=date(2025, 2, 1), end_date=date(2025, 4, 30))
        c2 = add(conn, Cohort, name="Funded 2", grant_id=g2, start_date=date(2025, 8, 1), end_date=date(2025, 10, 30))
        first = _student(conn, c1, 1, SS.COMPLETED)
        _student(conn, c1, 2, SS.COMPLETED)
        _student(conn, c1, 3, SS.ACTIVE)
        _student(conn, c2, 4, SS.DROPPED)
        add(conn, JatcApplication, student_id=first, submitted_on=date(2025, 5, 1), status=AS.ACCEPTED)
    return {"g1": g1, "g2": g2, "g3": g3}


def _grievance(conn, n: int, member_id: int, employer: int, filed: date, status: GS, steps) -> None:
    gid = add(conn, Grievance, grievance_number=f"GR-{n}", member_id=member_id, employer_organization_id=employer,
              filed_on=filed, contract_article="Art. 3", status=status)
    for step, started, deadline, closed, outcome in steps:
        add(conn, GrievanceStep, grievance_id=gid, step=step, started_on=started, deadline_on=deadline,
            closed_on=closed, outcome=outcome)


def union_ops_data(engine) -> None:
    """Range Jun 1 - Dec 1 2025 (as_of Dec 1); the period before is Nov 28 2024 - May 31 2025.
    Grievances: g1 filed Nov 20, step 1 open until Dec 31 (0-30 days, open); g2 filed Oct 1 (61 days), step 1 met,
    step 2 open and overdue since Oct 24; g3 filed Jul 1 (90+), step 1 closed late, no step open yet; g4 filed
    Aug 1, settled at step 1 (met); g5 filed Jan 10 (previous period), step 1 overdue.
    SALTing: T1 house call contact, house call card, site visit hired (Nov 1); T2 leafleting no contact (Jul 1);
    T2 refused on Mar 1 (previous period). Benevolence: medical $1,000 (deferred, then $600 approved), medical
    $500 denied, hardship $300 not reviewed; disaster $2,000 on Apr 1 (previous period), not reviewed."""
    with engine.begin() as conn:
        m1, m2 = member(conn, 1), member(conn, 2)
        employer = org(conn, "Employer", OrganizationType.SIGNATORY_CONTRACTOR)
        t1, t2 = org(conn, "Target One"), org(conn, "Target Two")
        P = SO_.PENDING
        _grievance(conn, 1, m1, employer, date(2025, 11, 20), GS.OPEN,
                   [(GN.STEP_1, date(2025, 11, 20), date(2025, 12, 31), None, P)])
        _grievance(conn, 2, m1, employer, date(2025, 10, 1), GS.OPEN,
                   [(GN.STEP_1, date(2025, 10, 1), date(2025, 10, 15), date(2025, 10, 10), SO_.ESCALATED),
                    (GN.STEP_2, date(2025, 10, 10), date(2025, 10, 24), None, P)])
        _grievance(conn, 3, m2, employer, date(2025, 7, 1), GS.OPEN,
                   [(GN.STEP_1, date(2025, 7, 1), date(2025, 7, 15), date(2025, 7, 20), SO_.ESCALATED)])
        _grievance(conn, 4, m2, employer, date(2025, 8, 1), GS.SETTLED,
                   [(GN.STEP_1, date(2025, 8, 1), date(2025, 8, 15), date(2025, 8, 5), SO_.RESOLVED)])
        _grievance(conn, 5, m2, employer, date(2025, 1, 10), GS.OPEN,
                   [(GN.STEP_1, date(2025, 1, 10), date(2025, 1, 24), None, P)])
        for target, kind, outcome, day in ((t1, SA.HOUSE_CALL, SO.CONTACT_MADE, date(2025, 9, 1)),
                                           (t1, SA.HOUSE_CALL, SO.CARD_SIGNED, date(2025, 10, 1)),
                                           (t1, SA.JOB_SITE_VISIT, SO.HIRED_ON, date(2025, 11, 1)),
                                           (t2, SA.LEAFLETING, SO.NO_CONTACT, date(2025, 7, 1)),
                                           (t2, SA.HOUSE_CALL, SO.REFUSED, date(2025, 3, 1))):
            add(conn, SaltingActivity, organizer_member_id=m1, target_organization_id=target, activity_date=day,
                activity_type=kind, outcome=outcome)
        a1 = add(conn, BenevolenceApplication, member_id=m1, submitted_on=date(2025, 9, 1), reason=BR.MEDICAL,
                 amount_requested=D("1000"), status=BS.APPROVED)
        a2 = add(conn, BenevolenceApplication, member_id=m2, submitted_on=date(2025, 9, 5), reason=BR.MEDICAL,
                 amount_requested=D("500"), status=BS.DENIED)
        add(conn, BenevolenceApplication, member_id=m2, submitted_on=date(2025, 10, 1), reason=BR.HARDSHIP,
            amount_requested=D("300"), status=BS.SUBMITTED)
        add(conn, BenevolenceApplication, member_id=m2, submitted_on=date(2025, 4, 1), reason=BR.DISASTER,
            amount_requested=D("2000"), status=BS.SUBMITTED)
        for app, decision, amount, day in ((a1, RD.DEFER, None, date(2025, 9, 10)),
                                           (a1, RD.APPROVE, "600", date(2025, 9, 20)),
                                           (a2, RD.DENY, None, date(2025, 9, 12))):
            add(conn, BenevolenceReview, application_id=app, reviewer_member_id=m2, reviewed_on=day, decision=decision,
                approved_amount=D(amount) if amount else None)
