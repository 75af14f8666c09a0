"""Union operations dashboard: grievances by step and age, SALTing by outcome and target, benevolence.

The date range applies to when things happened: grievances filed, SALTing activities, benevolence
applications submitted. Grievance step clocks come from lib.grievances (same rules as the editors).
"""

from datetime import timedelta

import pandas as pd
from sqlalchemy import Connection, String, case, func, select, type_coerce

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.dashboards.filters import Filters
from lib.dashboards.sql import frame
from lib.grievances.clock import OVERDUE, STEP_ORDER, STEP_STATUSES, step_status_select
from lib.models import (
    BenevolenceApplication, BenevolenceReview, Grievance, GrievanceStep, Organization, SaltingActivity,
)
from lib.models.enums import (
    BenevolenceReason, GrievanceStatus, GrievanceStepName, ReviewDecision, SaltingActivityType, SaltingOutcome,
)

AGE_BUCKETS = ("0-30 days", "31-60 days", "61-90 days", "90+ days")
NO_OPEN_STEP = "Waiting for the next step"
TOP_TARGETS = 15
SIGNED = (SaltingOutcome.CARD_SIGNED, SaltingOutcome.HIRED_ON)


# What the page asks on each run, in its order (bench/dashboards_bench.py times these).
PAGE_QUESTIONS = ("kpis", "open_grievances_by_step_and_age", "salting_by_outcome", "step_clocks", "salting_by_target",
                  "benevolence_by_reason")

def _age_bucket(filed_on, f: Filters):
    """The age of a grievance on as_of, bucketed in SQL by comparing dates (portable, index-friendly)."""
    day = f.as_of
    return case((filed_on >= day - timedelta(days=30), AGE_BUCKETS[0]),
                (filed_on >= day - timedelta(days=60), AGE_BUCKETS[1]),
                (filed_on >= day - timedelta(days=90), AGE_BUCKETS[2]), else_=AGE_BUCKETS[3])


def open_grievances_by_step_and_age(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """step, age, grievances, overdue: open grievances filed in the period by the step now open (or
    'waiting' between steps) and their age; overdue = the open step is past its deadline."""
    require(who, Action.VIEW_DASHBOARDS)
    clocks = step_status_select(f.as_of).where(GrievanceStep.closed_on.is_(None)).subquery()
    g = Grievance
    step = func.coalesce(type_coerce(clocks.c.step, String), NO_OPEN_STEP).label("step")
    age = _age_bucket(g.filed_on, f).label("age")
    # Bucketed in a subquery, grouped outside: a CASE with bound dates cannot be repeated in GROUP BY on PostgreSQL.
    rows = (select(step, age, (clocks.c.status == OVERDUE).label("is_overdue"))
            .outerjoin(clocks, clocks.c.grievance_id == g.id)
            .where(g.status == GrievanceStatus.OPEN, g.filed_on.between(f.start, f.end)).subquery())
    df = frame(conn, select(rows.c.step, rows.c.age, func.count().label("grievances"),
                            func.count().filter(rows.c.is_overdue).label("overdue")).group_by(rows.c.step, rows.c.age))
    order = [*[s.value for s in STEP_ORDER], NO_OPEN_STEP]
    df = df.sort_values(["step", "age"], key=lambda col: col.map((order if col.name == "step" else AGE_BUCKETS).index))
    df["step"] = df["step"].map(lambda s: GrievanceStepName(s).label if s in order[:-1] else s)
    return df.astype({"grievances": int, "overdue": int}).reset_index(drop=True)


def step_clocks(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """step, status, steps: every step of the grievances filed in the period by its clock status
    (OPEN, DUE_SOON, OVERDUE while open; MET or LATE once closed)."""
    require(who, Action.VIEW_DASHBOARDS)
    clocks = step_status_select(f.as_of).where(Grievance.filed_on.between(f.start, f.end)).subquery()
    df = frame(conn, select(clocks.c.step, clocks.c.status, func.count().label("steps"))
               .group_by(clocks.c.step, clocks.c.status))
    order = [s.value for s in STEP_ORDER]
    df = df.sort_values(["step", "status"],
                        key=lambda col: col.map((order if col.name == "step" else STEP_STATUSES).index))
    df["step"] = df["step"].map(lambda s: GrievanceStepName(s).label)
    df["status"] = df["status"].map(lambda s: s.replace("_", " ").title())
    return df.reset_index(drop=True)


def salting_by_outcome(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """activity_type, outcome, activities: SALTing activities in the period."""
    require(who, Action.VIEW_DASHBOARDS)
    s = SaltingActivity
    df = frame(conn, select(s.activity_type, s.outcome, func.count(s.id).label("activities"))
               .where(s.activity_date.between(f.start, f.end)).group_by(s.activity_type, s.outcome))
    types, outcomes = [t.value for t in SaltingActivityType], [o.value for o in SaltingOutcome]
    df = df.sort_values(["outcome", "activity_type"],
                        key=lambda col: col.map((outcomes if col.name == "outcome" else types).index))
    df["activity_type"] = df["activity_type"].map(lambda t: SaltingActivityType(t).label)
    df["outcome"] = df["outcome"].map(lambda o: SaltingOutcome(o).label)
    return df.reset_index(drop=True)


def salting_by_target(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """target, activities, cards_signed (card signed or hired on), hired_on, last_activity: the 15 most
    worked non-union targets in the period."""
    require(who, Action.VIEW_DASHBOARDS)
    s = SaltingActivity
    return frame(conn, select(Organization.name.label("target"), func.count(s.id).label("activities"),
                              func.count(s.id).filter(s.outcome.in_(SIGNED)).label("cards_signed"),
                              func.count(s.id).filter(s.outcome == SaltingOutcome.HIRED_ON).label("hired_on"),
                              func.max(s.activity_date).label("last_activity"))
                 .join(Organization, Organization.id == s.target_organization_id)
                 .where(s.activity_date.between(f.start, f.end)).group_by(Organization.id, Organization.name)
                 .order_by(func.count(s.id).desc(), Organization.name).limit(TOP_TARGETS))


def _approved_per_application():
    r = BenevolenceReview
    return (select(r.application_id, func.sum(r.approved_amount).label("approved"))
            .where(r.decision == ReviewDecision.APPROVE).group_by(r.application_id).subquery())


def benevolence_by_reason(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """reason, applications, requested, approved_applications, approved ($ of approving reviews): the
    applications submitted in the period."""
    require(who, Action.VIEW_DASHBOARDS)
    b, ok = BenevolenceApplication, _approved_per_application()
    df = frame(conn, select(b.reason, func.count(b.id).label("applications"),
                            func.sum(b.amount_requested).label("requested"),
                            func.count(ok.c.application_id).label("approved_applications"),
                            func.coalesce(func.sum(ok.c.approved), 0).label("approved"))
               .outerjoin(ok, ok.c.application_id == b.id).where(b.submitted_on.between(f.start, f.end))
               .group_by(b.reason))
    order = [r.value for r in BenevolenceReason]
    df = df.sort_values("reason", key=lambda col: col.map(order.index)).reset_index(drop=True)
    df["reason"] = df["reason"].map(lambda r: BenevolenceReason(r).label)
    df[["requested", "approved"]] = df[["requested", "approved"]].astype(float).round(2)
    return df


def _tile_sql(f: Filters) -> dict[str, object]:
    """Every tile's number for one period as scalar subqueries, so both periods take one round trip."""
    g, s, b, ok = Grievance, SaltingActivity, BenevolenceApplication, _approved_per_application()
    filed = select(func.count(g.id)).where(g.filed_on.between(f.start, f.end))
    clocks = step_status_select(f.as_of).where(g.filed_on.between(f.start, f.end)).subquery()
    activities = select(func.count(s.id)).where(s.activity_date.between(f.start, f.end))
    submitted = b.submitted_on.between(f.start, f.end)
    return {"filed": filed.scalar_subquery(), "open": filed.where(g.status == GrievanceStatus.OPEN).scalar_subquery(),
            "overdue": select(func.count()).select_from(clocks).where(clocks.c.status == OVERDUE).scalar_subquery(),
            "activities": activities.scalar_subquery(),
            "signed": activities.where(s.outcome.in_(SIGNED)).scalar_subquery(),
            "requested": select(func.coalesce(func.sum(b.amount_requested), 0)).where(submitted).scalar_subquery(),
            "approved": select(func.coalesce(func.sum(ok.c.approved), 0)).join(b, b.id == ok.c.application_id)
            .where(submitted).scalar_subquery()}


def _tile_numbers(conn: Connection, f: Filters) -> tuple[dict, dict]:
    """(this period, the period before), from one statement."""
    now, before = _tile_sql(f), _tile_sql(f.previous())
    row = conn.execute(select(*[q.label(f"now_{k}") for k, q in now.items()],
                              *[q.label(f"before_{k}") for k, q in before.items()])).one()._mapping
    return ({k: float(row[f"now_{k}"]) for k in now}, {k: float(row[f"before_{k}"]) for k in before})


def kpis(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """The tiles, each against the same-length period before."""
    require(who, Action.VIEW_DASHBOARDS)
    now, before = _tile_numbers(conn, f)
    tiles = (("Grievances filed", "filed", "{:,.0f}", False, None),
             ("Still open", "open", "{:,.0f}", True, "Grievances filed in the period that are open today"),
             ("Overdue steps", "overdue", "{:,.0f}", True, "Open steps past their deadline today"),
             ("SALTing activities", "activities", "{:,.0f}", False, None),
             ("Cards signed", "signed", "{:,.0f}", False, "Activities that ended with a signed card or a hire"),
             ("Benevolence requested", "requested", "${:,.0f}", False, None),
             ("Benevolence approved", "approved", "${:,.0f}", False, None))
    return pd.DataFrame([{"label": label, "value": now[k], "previous": before[k], "fmt": fmt,
                          "lower_is_better": lower, "help": help_} for label, k, fmt, lower, help_ in tiles])
