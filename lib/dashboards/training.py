"""Training dashboard: the pipeline funnel, per-cohort outcomes, credentials by type, tools per cohort.

Scope: the cohorts running during the period (start on or before its end, end on or after its
start), narrowed by the cohort and location filters. Credentials count when earned in the period.
"""

import pandas as pd
from sqlalchemy import Connection, and_, func, select, true

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.dashboards.filters import Filters
from lib.dashboards.sql import frame
from lib.models import Attendance, Certification, ClassSession, Cohort, Credential, JatcApplication, Student, ToolIssued
from lib.models.enums import ApplicationStatus, AttendanceStatus as AT, StudentStatus as SS

FUNNEL_STAGES = ("Students", "Completed the program", "Applied to the JATC", "Accepted apprentices", "Became members")


# What the page asks on each run, in its order (bench/dashboards_bench.py times these).
PAGE_QUESTIONS = ("kpis", "funnel", "credentials_by_type", "cohort_outcomes", "tools_by_cohort")

def cohort_choice(f: Filters) -> list:
    """The cohort and location filters, as conditions on cohorts."""
    conditions = []
    if f.cohort_id is not None:
        conditions.append(Cohort.id == f.cohort_id)
    if f.location_id is not None:
        conditions.append(Cohort.location_id == f.location_id)
    return conditions


def cohort_scope(f: Filters) -> list:
    """The chosen cohort whenever it ran (picking one must not end in 'no data'); otherwise the
    cohorts running during the period, at the chosen location."""
    if f.cohort_id is not None:
        return cohort_choice(f)
    return [Cohort.start_date <= f.end, Cohort.end_date >= f.start, *cohort_choice(f)]


def _in_chosen_cohorts(stmt, f: Filters, student_id):
    """Narrow a statement to students of the chosen cohort/location (no join when none is chosen)."""
    if not cohort_choice(f):
        return stmt
    if student_id is not Student.id:  # a statement on students already has them
        stmt = stmt.join(Student, Student.id == student_id)
    return stmt.join(Cohort, Cohort.id == Student.cohort_id).where(*cohort_choice(f))


def _rate(part, whole) -> float | None:
    """A percentage with one decimal; None when there is nothing to divide by."""
    return round(100.0 * float(part) / float(whole), 1) if whole else None


def _applications():
    """One row per student who applied, with how many applications were accepted (no fan-out)."""
    accepted = func.count().filter(JatcApplication.status == ApplicationStatus.ACCEPTED)
    return (select(JatcApplication.student_id, accepted.label("accepted"))
            .group_by(JatcApplication.student_id).subquery())


def funnel(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """stage, students, pct_of_students: each stage counts the students who also reached every earlier one."""
    require(who, Action.VIEW_DASHBOARDS)
    apps = _applications()
    done = Student.status == SS.COMPLETED
    applied = and_(done, apps.c.student_id.is_not(None))
    accepted = and_(applied, apps.c.accepted > 0)
    row = conn.execute(select(
        func.count(Student.id), func.count(Student.id).filter(done), func.count(Student.id).filter(applied),
        func.count(Student.id).filter(accepted),
        func.count(Student.id).filter(accepted, Student.member_id.is_not(None)),
    ).join(Cohort, Cohort.id == Student.cohort_id).outerjoin(apps, apps.c.student_id == Student.id)
        .where(*cohort_scope(f))).one()
    if not row[0]:
        return pd.DataFrame(columns=["stage", "students", "pct_of_students"])
    return pd.DataFrame({"stage": FUNNEL_STAGES, "students": list(row),
                         "pct_of_students": [_rate(n, row[0]) for n in row]})


def _cohorts_in_scope(f: Filters):
    return select(Cohort.id).where(*cohort_scope(f))


def _students_per_cohort(f: Filters):
    s = Student
    return select(s.cohort_id, func.count(s.id).label("enrolled"),
                  func.count(s.id).filter(s.status == SS.ENROLLED).label("not_started"),
                  func.count(s.id).filter(s.status == SS.ACTIVE).label("active"),
                  func.count(s.id).filter(s.status == SS.COMPLETED).label("completed"),
                  func.count(s.id).filter(s.status == SS.DROPPED).label("dropped")
                  ).where(s.cohort_id.in_(_cohorts_in_scope(f))).group_by(s.cohort_id).subquery()


def _attendance_per_cohort(f: Filters):
    """Present or late over every recorded attendance that was not excused."""
    a = Attendance
    return (select(ClassSession.cohort_id,
                   func.count(a.id).filter(a.status.in_((AT.PRESENT, AT.LATE))).label("attended"),
                   func.count(a.id).filter(a.status != AT.EXCUSED).label("expected"))
            .join(ClassSession, ClassSession.id == a.session_id)
            .where(ClassSession.cohort_id.in_(_cohorts_in_scope(f))).group_by(ClassSession.cohort_id).subquery())


def cohort_outcomes(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """cohort, start_date, end_date, enrolled, not_started, active, completed, dropped, completion_rate
    (completed of those who finished, %, once the cohort has ended), attendance_rate (%); oldest first."""
    require(who, Action.VIEW_DASHBOARDS)
    st, att = _students_per_cohort(f), _attendance_per_cohort(f)
    counts = [func.coalesce(st.c[n], 0).label(n) for n in ("enrolled", "not_started", "active", "completed", "dropped")]
    df = frame(conn, select(Cohort.name.label("cohort"), Cohort.start_date, Cohort.end_date, *counts,
                            att.c.attended, att.c.expected)
               .outerjoin(st, st.c.cohort_id == Cohort.id).outerjoin(att, att.c.cohort_id == Cohort.id)
               .where(*cohort_scope(f)).order_by(Cohort.start_date, Cohort.name))
    df["completion_rate"] = [_rate(c, c + d) if end < f.as_of else None
                             for c, d, end in zip(df["completed"], df["dropped"], df["end_date"])]
    df["attendance_rate"] = [_rate(a or 0, e) for a, e in zip(df["attended"], df["expected"])]
    return df.drop(columns=["attended", "expected"])


def _earned_in_scope(f: Filters) -> list:
    """Earned in the period, or whenever for a chosen cohort (like cohort_scope)."""
    return [] if f.cohort_id is not None else [Credential.earned_on.between(f.start, f.end)]


def credentials_by_type(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """certification, earned (in the period), still_valid (not expired as of today); most earned first."""
    require(who, Action.VIEW_DASHBOARDS)
    c = Credential
    valid = func.count(c.id).filter((c.expires_on.is_(None)) | (c.expires_on >= f.as_of))
    stmt = (select(Certification.name.label("certification"), func.count(c.id).label("earned"),
                   valid.label("still_valid"))
            .join(Certification, Certification.id == c.certification_id)
            .where(*_earned_in_scope(f)).group_by(Certification.name)
            .order_by(func.count(c.id).desc(), Certification.name))
    return frame(conn, _in_chosen_cohorts(stmt, f, c.student_id))


def tools_by_cohort(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """cohort, start_date, items, issued_value, returned_value, outstanding_value ($); oldest first."""
    require(who, Action.VIEW_DASHBOARDS)
    t = ToolIssued
    df = frame(conn, select(Cohort.name.label("cohort"), Cohort.start_date, func.count(t.id).label("items"),
                            func.sum(t.value).label("issued_value"),
                            func.coalesce(func.sum(t.value).filter(t.returned_on.is_not(None)), 0)
                            .label("returned_value"))
               .join(Student, Student.id == t.student_id).join(Cohort, Cohort.id == Student.cohort_id)
               .where(*cohort_scope(f)).group_by(Cohort.id, Cohort.name, Cohort.start_date)
               .order_by(Cohort.start_date, Cohort.name))
    for column in ("issued_value", "returned_value"):
        df[column] = df[column].astype(float)
    df["outstanding_value"] = df["issued_value"] - df["returned_value"]
    return df


def _student_tiles(f: Filters, tag: str) -> list:
    s = Student
    in_scope = and_(Cohort.start_date <= f.end, Cohort.end_date >= f.start)
    finished = func.coalesce(s.completed_on, s.dropped_on).between(f.start, f.end)
    return [func.count(s.id).filter(in_scope).label(f"{tag}students"),
            func.count(s.id).filter(in_scope, s.status == SS.ACTIVE).label(f"{tag}active"),
            func.count(s.id).filter(finished).label(f"{tag}ended"),
            func.count(s.id).filter(finished, s.status == SS.COMPLETED).label(f"{tag}completed")]


def _tile_numbers(conn: Connection, f: Filters) -> tuple[dict, dict]:
    """(this period, the period before): one pass over students, applications and credentials each,
    counting both periods with FILTER, in one statement."""
    p, app, cred = f.previous(), JatcApplication, Credential
    students = (select(*_student_tiles(f, "now_"), *_student_tiles(p, "before_")).select_from(Student)
                .join(Cohort, Cohort.id == Student.cohort_id).where(*cohort_choice(f)).subquery())
    accepted = _in_chosen_cohorts(select(
        *[func.count(app.id).filter(app.decided_on.between(x.start, x.end)).label(f"{t}accepted") for t, x in
          (("now_", f), ("before_", p))]).where(app.status == ApplicationStatus.ACCEPTED), f, app.student_id).subquery()
    earned = _in_chosen_cohorts(select(
        *[func.count(cred.id).filter(cred.earned_on.between(x.start, x.end)).label(f"{t}credentials") for t, x in
          (("now_", f), ("before_", p))]).where(cred.earned_on.between(p.start, f.end)), f, cred.student_id).subquery()
    # Three one-row aggregates side by side (ON true: one row each, no fan-out).
    row = conn.execute(select(students, accepted, earned).select_from(
        students.join(accepted, true()).join(earned, true()))).one()._mapping
    periods = tuple({k.removeprefix(tag): v for k, v in row.items() if k.startswith(tag)}
                    for tag in ("now_", "before_"))
    for numbers in periods:
        # A share (0-1) like every rate tile: the kit shows it as % and its change in points.
        numbers["completion"] = round(numbers["completed"] / numbers["ended"], 3) if numbers["ended"] else None
    return periods


def kpis(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """The tiles: label, value, previous (the same-length period before), fmt, help."""
    require(who, Action.VIEW_DASHBOARDS)
    now, before = _tile_numbers(conn, f)
    return pd.DataFrame([
        {"label": "Students in cohorts", "value": now["students"], "previous": before["students"], "fmt": "{:,.0f}",
         "help": "Students of the cohorts running during the period"},
        {"label": "Active students", "value": now["active"], "previous": None, "fmt": "{:,.0f}",
         "help": "In class today, in the cohorts of the period"},
        {"label": "Completion rate", "value": now["completion"], "previous": before["completion"], "fmt": "{:.1%}",
         "help": "Completed, of the students who completed or dropped during the period"},
        {"label": "Credentials earned", "value": now["credentials"], "previous": before["credentials"],
         "fmt": "{:,.0f}"},
        {"label": "Accepted by the JATC", "value": now["accepted"], "previous": before["accepted"], "fmt": "{:,.0f}",
         "help": "JATC applications accepted during the period"},
    ])
