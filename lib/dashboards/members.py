"""Members dashboard: status and classification, initiations, employment by contractor, members
without current work, retention by initiation year. Filters: location, classification, date range."""

import pandas as pd
from sqlalchemy import Connection, and_, case, func, or_, select

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.dashboards.dues import member_conditions
from lib.dashboards.filters import Filters
from lib.dashboards.sql import fill_months, frame, month_of
from lib.models import Member, MemberEmployment, Organization
from lib.models.enums import MemberStatus

TOP_CONTRACTORS = 15
RETENTION_YEARS = 10


def _label(value) -> str:
    return str(value).replace("_", " ").title()


def by_status_and_classification(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """classification, status, members (labels for people, not enum names)."""
    require(who, Action.VIEW_DASHBOARDS)
    stmt = (select(Member.classification, Member.status, func.count().label("members"))
            .where(*member_conditions(f)).group_by(Member.classification, Member.status)
            .order_by(Member.classification, Member.status))
    df = frame(conn, stmt)
    for col in ("classification", "status"):
        df[col] = df[col].map(_label)
    return df


def initiations_by_month(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """month, initiations: new members per month of the period (months without any show 0)."""
    require(who, Action.VIEW_DASHBOARDS)
    month = month_of(conn, Member.initiation_date).label("month")
    stmt = (select(month, func.count().label("initiations"))
            .where(Member.initiation_date.between(f.start, f.end), *member_conditions(f)).group_by(month))
    df = fill_months(frame(conn, stmt), f.start, f.end)
    df["initiations"] = df["initiations"].astype(int)
    return df


def _current_job(f: Filters):
    return and_(MemberEmployment.start_date <= f.as_of,
                or_(MemberEmployment.end_date.is_(None), MemberEmployment.end_date >= f.as_of))


def employment_by_contractor(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """contractor, members: the 15 employers with the most members working for them on as_of."""
    require(who, Action.VIEW_DASHBOARDS)
    members = func.count(func.distinct(MemberEmployment.member_id))
    stmt = (select(Organization.name.label("contractor"), members.label("members"))
            .join(MemberEmployment, MemberEmployment.organization_id == Organization.id)
            .where(_current_job(f)).group_by(Organization.id, Organization.name)
            .order_by(members.desc(), Organization.name).limit(TOP_CONTRACTORS))
    if conditions := member_conditions(f):
        stmt = stmt.join(Member, Member.id == MemberEmployment.member_id).where(*conditions)
    return frame(conn, stmt)


def without_current_employment(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """classification, active, without_work: active members with no job on as_of, per classification."""
    require(who, Action.VIEW_DASHBOARDS)
    # A join to the set of members working (one hash), not EXISTS per member: 80,000 index probes
    # took ~500 ms at 100,000 members.
    working = select(MemberEmployment.member_id).where(_current_job(f)).distinct().subquery()
    idle = func.sum(case((working.c.member_id.is_(None), 1), else_=0))
    stmt = (select(Member.classification, func.count().label("active"), idle.label("without_work"))
            .outerjoin(working, working.c.member_id == Member.id)
            .where(Member.status == MemberStatus.ACTIVE, *member_conditions(f))
            .group_by(Member.classification).order_by(Member.classification))
    df = frame(conn, stmt)
    df["classification"] = df["classification"].map(_label)
    df["without_work"] = df["without_work"].fillna(0).astype(int)
    return df


def retention_by_initiation_year(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """year, initiated, still_active, retention: of the members initiated each of the last ten
    years (to as_of), the share whose status is still Active."""
    require(who, Action.VIEW_DASHBOARDS)
    year = (func.to_char(Member.initiation_date, "YYYY") if conn.dialect.name == "postgresql"
            else func.strftime("%Y", Member.initiation_date))
    inner = (select(year.label("year"), Member.status)
             .where(Member.initiation_date > f.as_of.replace(year=f.as_of.year - RETENTION_YEARS, month=12, day=31),
                    Member.initiation_date <= f.as_of, *member_conditions(f)).subquery())
    active = func.sum(case((inner.c.status == MemberStatus.ACTIVE.value, 1), else_=0))
    stmt = (select(inner.c.year, func.count().label("initiated"), active.label("still_active"))
            .group_by(inner.c.year).order_by(inner.c.year))
    df = frame(conn, stmt)
    df["still_active"] = df["still_active"].fillna(0).astype(int)
    df["retention"] = df["still_active"] / df["initiated"]
    return df


def kpis(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """Tiles: active members, initiations in the period (vs the previous one), active without work,
    members who left active status in the period (vs previous; lower is better)."""
    require(who, Action.VIEW_DASHBOARDS)
    prev = f.previous()
    left = lambda g: and_(Member.status.in_(("INACTIVE", "SUSPENDED", "RETIRED", "DECEASED")),  # noqa: E731
                          Member.status_effective_on.between(g.start, g.end))
    joined = lambda g: Member.initiation_date.between(g.start, g.end)  # noqa: E731
    count_if = lambda cond: func.sum(case((cond, 1), else_=0))  # noqa: E731
    row = conn.execute(select(count_if(Member.status == MemberStatus.ACTIVE.value), count_if(joined(f)),
                              count_if(joined(prev)), count_if(left(f)), count_if(left(prev)))
                       .where(*member_conditions(f))).one()
    active, new, new_prev, gone, gone_prev = (int(v or 0) for v in row)
    idle = int(without_current_employment(conn, who, f)["without_work"].sum())
    return pd.DataFrame([
        {"label": "Active members", "value": active},
        {"label": "New initiations", "value": new, "previous": new_prev},
        {"label": "Active, no current job", "value": idle, "lower_is_better": True},
        {"label": "Left active status", "value": gone, "previous": gone_prev, "lower_is_better": True},
    ])
