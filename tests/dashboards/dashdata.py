"""A small hand-built data set whose dashboard answers are worked out by hand (not the seed).

Dues (rates from tests.dues.ledgerdata: journeyman $50 then $55 from Jul 2025, apprentice $30;
periods Jan 2025 - Dec 2026; 15 days' grace). As of Mar 20, 2026:
- A journeyman since Jun 2024, pays every month on the 10th (by check): current.
- B apprentice since Jan 15, 2026, paid January in cash on Feb 5: Feb unpaid, 4 days overdue (0-30).
- C journeyman since Jan 2025, never paid, $20 hardship credit on Feb 2026: 14 months, $775 owed (90+),
  home location "North Hall".
- D journeyman since Dec 2025, never paid, $5 charge on Jan 2026: Dec unpaid 63 days (61-90), 3 months, $225 (Dec-Mar + $5).
- E retired since Dec 15, 2025 (initiated Dec 2025), paid December's $10: owes nothing in 2026.
Expected each month of 2026: A 55 + B 30 + C 55 + D 55 = $195. Collected: Jan 55, Feb 85, Mar 55.
"""

from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, insert

from lib.auth.identity import Identity
from lib.dues.payments import record_payment
from lib.models import Location, Member
from lib.models.enums import LocationKind, MemberClassification as C, MemberStatus, PaymentMethod, RoleName
from tests.dues.ledgerdata import AP1, CLERK, JW, add_member, adjust, base_ledger, pay

LEADER = Identity(id=None, email="chair@local46.example", full_name="Chair", roles=frozenset({RoleName.LEADERSHIP}))
AS_OF = date(2026, 3, 20)


def month(i: int) -> date:
    """The first of the i-th month counted from Jan 2025 (0 = Jan 2025)."""
    return date(2025 + i // 12, i % 12 + 1, 1)


def dues_members(conn: Connection) -> dict[str, int]:
    base_ledger(conn)
    north = conn.execute(insert(Location).values(name="North Hall", kind=LocationKind.UNION_HALL)
                         .returning(Location.id)).scalar_one()
    ids = {"A": add_member(conn, date(2024, 6, 1), JW, name="Alice"),
           "B": add_member(conn, date(2026, 1, 15), AP1, name="Bo"),
           "C": add_member(conn, date(2025, 1, 1), JW, name="Cy"),
           "D": add_member(conn, date(2025, 12, 1), JW, name="Di"),
           "E": add_member(conn, date(2025, 12, 1), C.RETIRED, MemberStatus.RETIRED, date(2025, 12, 15), name="Ed")}
    conn.execute(Member.__table__.update().where(Member.id == ids["C"]).values(home_location_id=north))
    for i in range(15):  # A: Jan 2025 - Mar 2026, each on the 10th
        pay(conn, ids["A"], month(i), "50.00" if i < 6 else "55.00", month(i).replace(day=10))
    record_payment(conn, CLERK, member_id=ids["B"], period=date(2026, 1, 1), amount=Decimal("30.00"),
                   method=PaymentMethod.CASH, paid_on=date(2026, 2, 5))
    pay(conn, ids["E"], date(2025, 12, 1), "10.00", date(2025, 12, 10))
    adjust(conn, ids["C"], date(2026, 2, 1), "20.00", "hardship")
    adjust(conn, ids["D"], date(2026, 1, 1), "-5.00", "late fee")
    return ids | {"north": north}


def _add(conn: Connection, model, **values) -> int:
    return conn.execute(insert(model).values(**values).returning(model.id)).scalar_one()


def employments(conn: Connection, ids: dict) -> None:
    """A works for Bright Electric (since 2025), C did until Dec 31, 2025, D works for Volt Co since 2026."""
    from lib.models import MemberEmployment, Organization
    from lib.models.enums import JobClassification, OrganizationType
    bright = _add(conn, Organization, name="Bright Electric", org_type=OrganizationType.SIGNATORY_CONTRACTOR)
    volt = _add(conn, Organization, name="Volt Co", org_type=OrganizationType.SIGNATORY_CONTRACTOR)
    job = dict(job_classification=JobClassification.JOURNEYMAN, hourly_rate=Decimal("50.00"))
    _add(conn, MemberEmployment, member_id=ids["A"], organization_id=bright, start_date=date(2025, 1, 1), **job)
    _add(conn, MemberEmployment, member_id=ids["C"], organization_id=bright, start_date=date(2025, 1, 1),
         end_date=date(2025, 12, 31), **job)
    _add(conn, MemberEmployment, member_id=ids["D"], organization_id=volt, start_date=date(2026, 1, 1), **job)
    ids["bright"] = bright


def students_grants_grievances(conn: Connection, ids: dict) -> None:
    """Students: 2 active; completed Feb 1 and Mar 1, 2026, dropped Jan 10, 2026 (2 of 3 completed);
    completed Nov 1 and dropped Nov 15, 2025 (1 of 2). Credentials expire Mar 19, Apr 10 (within 30
    days of Mar 20) and May 1, 2026. Grants running: G1 $10,000 to Apr 30, 2026 ($2,000 spent Jun 2025,
    $1,000 Feb 2026: $7,000 unspent, ends in 41 days), G2 $5,000 fully spent Dec 2025; G3 ended 2025.
    Grievances: X filed Jan 5, 2026, step 1 due Feb 2 still open (overdue); Y filed Nov 1, 2025,
    step 1 due Nov 20 closed Jan 15, 2026 (settled); Z filed Mar 1, 2026, step 1 due Mar 30."""
    from lib.models import (Certification, Credential, Expense, Grant, Grievance, GrievanceStep, Student)
    from lib.models.enums import ExpenseCategory, GrievanceStatus, GrievanceStepName, StepOutcome, StudentStatus
    st = lambda name, status, **kw: _add(conn, Student, first_name=name, last_name="Student", status=status,  # noqa: E731
                                         enrolled_on=date(2025, 9, 1), **kw)
    st("S1", StudentStatus.ACTIVE), st("S2", StudentStatus.ENROLLED)
    s3 = st("S3", StudentStatus.COMPLETED, completed_on=date(2026, 2, 1))
    s4 = st("S4", StudentStatus.COMPLETED, completed_on=date(2026, 3, 1))
    st("S5", StudentStatus.DROPPED, dropped_on=date(2026, 1, 10))
    s6 = st("S6", StudentStatus.COMPLETED, completed_on=date(2025, 11, 1))
    st("S7", StudentStatus.DROPPED, dropped_on=date(2025, 11, 15))
    osha = _add(conn, Certification, name="OSHA 10")
    for student, expires in ((s6, date(2026, 3, 19)), (s3, date(2026, 4, 10)), (s4, date(2026, 5, 1))):
        _add(conn, Credential, student_id=student, certification_id=osha, earned_on=date(2025, 12, 1), expires_on=expires)
    grant = lambda no, award, start, end: _add(conn, Grant, grant_number=no, name=f"Grant {no}", funder="State",  # noqa: E731
                                               award_amount=Decimal(award), start_date=start, end_date=end)
    g1 = grant("G1", "10000", date(2025, 1, 1), date(2026, 4, 30))
    g2 = grant("G2", "5000", date(2025, 6, 1), date(2027, 6, 30))
    grant("G3", "1000", date(2024, 1, 1), date(2025, 12, 31))
    for g, amount, day in ((g1, "2000", date(2025, 6, 1)), (g1, "1000", date(2026, 2, 1)), (g2, "5000", date(2025, 12, 1))):
        _add(conn, Expense, grant_id=g, category=ExpenseCategory.SUPPLIES, amount=Decimal(amount), spent_on=day, vendor="V")
    for no, filed, status, due, closed in (("X", date(2026, 1, 5), GrievanceStatus.OPEN, date(2026, 2, 2), None),
                                           ("Y", date(2025, 11, 1), GrievanceStatus.SETTLED, date(2025, 11, 20), date(2026, 1, 15)),
                                           ("Z", date(2026, 3, 1), GrievanceStatus.OPEN, date(2026, 3, 30), None)):
        gid = _add(conn, Grievance, grievance_number=no, member_id=ids["A"], employer_organization_id=ids["bright"],
                   filed_on=filed, contract_article="Art. 2", status=status)
        _add(conn, GrievanceStep, grievance_id=gid, step=GrievanceStepName.STEP_1, started_on=filed, deadline_on=due,
             closed_on=closed, outcome=StepOutcome.RESOLVED if closed else StepOutcome.PENDING)
    ids["G1"] = g1


def everything(conn: Connection) -> dict:
    ids = dues_members(conn)
    employments(conn, ids)
    students_grants_grievances(conn, ids)
    return ids
