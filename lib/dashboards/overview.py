"""Overview (leadership home): the headline tiles and the attention list, also used by the leadership
monthly summary PDF. Entry point: `summary(conn, who, f) -> OverviewSummary` (kpis, attention and
attention_counts frames), which asks the all-members dues standing exactly once.

KPIs: members in good standing, dues collected this month vs expected, active students and the
completion rate, grant spend vs award (grants running on as_of), open grievances and overdue steps.
Attention: overdue grievance steps, credentials expiring within 30 days, members 3+ months in
arrears, grants ending within 60 days with unspent funds (at most ATTENTION_ROWS of each kind).
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import Connection, and_, case, func, or_, select

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.dashboards import dues
from lib.dashboards.filters import Filters, months_back
from lib.dashboards.sql import frame
from lib.models import (
    Certification, Credential, Expense, Grant, Grievance, GrievanceStep, Member, Student,
)
from lib.models.enums import GrievanceStatus, StudentStatus

ATTENTION_ROWS = 25
CREDENTIAL_DAYS, GRANT_DAYS = 30, 60
KINDS = ("Overdue grievance steps", "Credentials expiring within 30 days", "Members 3+ months in arrears",
         "Grants ending within 60 days with funds unspent")


@dataclass(frozen=True)
class OverviewSummary:
    kpis: pd.DataFrame  # label, value, previous, fmt, lower_is_better, help
    attention: pd.DataFrame  # kind, item, detail, date
    attention_counts: pd.DataFrame  # kind, count (all of them, not only the rows listed)
    dues_trend: pd.DataFrame  # month, collected, expected, collection_rate over the period


def _count_if(cond):
    return func.sum(case((cond, 1), else_=0))


def active_on(day: date):
    """Enrolled or active on `day`: the same as the status today, and right for a past month (the
    leadership summary's last month): a student who completed or dropped after `day` was still active."""
    still = or_(Student.status.in_((StudentStatus.ENROLLED.value, StudentStatus.ACTIVE.value)),
                and_(Student.status == StudentStatus.COMPLETED.value, Student.completed_on > day),
                and_(Student.status == StudentStatus.DROPPED.value, Student.dropped_on > day))
    return and_(or_(Student.enrolled_on.is_(None), Student.enrolled_on <= day), still)


def students(conn: Connection, who: Identity, f: Filters) -> dict:
    """Active students on as_of; completion rate = completed / (completed + dropped) among students who
    finished in the period, and in the previous period."""
    require(who, Action.VIEW_DASHBOARDS)
    prev = f.previous()
    done = lambda g: Student.completed_on.between(g.start, g.end)  # noqa: E731
    dropped = lambda g: Student.dropped_on.between(g.start, g.end)  # noqa: E731
    row = conn.execute(select(
        _count_if(active_on(f.as_of)),
        _count_if(done(f)), _count_if(dropped(f)), _count_if(done(prev)), _count_if(dropped(prev)))).one()
    active, comp, drop, comp_prev, drop_prev = (int(v or 0) for v in row)
    rate = lambda c, d: c / (c + d) if c + d else None  # noqa: E731
    return {"active": active, "completion_rate": rate(comp, drop), "previous_rate": rate(comp_prev, drop_prev)}


def grant_spend(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """grant, award, spent, spent_before: grants running on as_of, spent through as_of and through
    the previous period's end."""
    require(who, Action.VIEW_DASHBOARDS)
    prev_end = f.previous().end
    spent = (select(Expense.grant_id, func.sum(Expense.amount).label("spent"),
                    func.sum(case((Expense.spent_on <= prev_end, Expense.amount), else_=0)).label("spent_before"))
             .where(Expense.spent_on <= f.as_of).group_by(Expense.grant_id).subquery())
    stmt = (select(Grant.grant_number.label("grant"), Grant.award_amount.label("award"),
                   func.coalesce(spent.c.spent, 0).label("spent"), func.coalesce(spent.c.spent_before, 0).label("spent_before"))
            .outerjoin(spent, spent.c.grant_id == Grant.id)
            .where(Grant.start_date <= f.as_of, Grant.end_date >= f.as_of).order_by(Grant.end_date, Grant.grant_number))
    df = frame(conn, stmt)
    for col in ("award", "spent", "spent_before"):
        df[col] = df[col].astype(float)
    return df


def grievance_counts(conn: Connection, who: Identity, f: Filters) -> dict:
    """Open grievances and overdue steps on as_of and on the previous period's end."""
    require(who, Action.VIEW_DASHBOARDS)
    now, before = f.as_of, f.previous().end
    last_closed = (select(func.max(GrievanceStep.closed_on)).where(GrievanceStep.grievance_id == Grievance.id)
                   .scalar_subquery())
    open_on = lambda day: and_(Grievance.filed_on <= day, or_(  # noqa: E731
        Grievance.status == GrievanceStatus.OPEN.value, last_closed > day))
    overdue_on = lambda day: and_(GrievanceStep.started_on <= day, GrievanceStep.deadline_on < day,  # noqa: E731
                                  or_(GrievanceStep.closed_on.is_(None), GrievanceStep.closed_on > day))
    opened = conn.execute(select(_count_if(open_on(now)), _count_if(open_on(before)))).one()
    overdue = conn.execute(select(_count_if(overdue_on(now)), _count_if(overdue_on(before)))).one()
    return {"now": (int(opened[0] or 0), int(overdue[0] or 0)), "before": (int(opened[1] or 0), int(overdue[1] or 0))}


def dues_window(f: Filters) -> Filters:
    """The window the Overview's dues figures cover: the period (the trend chart) and this month and
    last (the tiles), so one scan of the payments answers both (the page has no member filters)."""
    return replace(f, date_from=min(f.start, months_back(f.as_of, 1)), date_to=max(f.end, f.as_of))


def kpis(conn: Connection, who: Identity, f: Filters, snapshot: dues.StandingSnapshot,
         figures: dues.DuesFigures | None = None) -> pd.DataFrame:
    """The headline tiles (pass the snapshot: the standing is asked once per page run; and the dues
    figures of dues_window(f), shared with the trend chart, else they are asked here)."""
    require(who, Action.VIEW_DASHBOARDS)
    figures = figures if figures is not None else dues.dues_figures(conn, who, dues_window(f))
    last_start = months_back(f.as_of, 1)
    month = dues.collected_vs_expected(conn, who, replace(f, date_from=last_start, date_to=f.as_of), figures)
    st_, grants, griev = students(conn, who, f), grant_spend(conn, who, f), grievance_counts(conn, who, f)
    award = grants["award"].sum()
    share = lambda col: grants[col].sum() / award if award else None  # noqa: E731
    this, last = month.iloc[-1], month.iloc[0]
    # Month to date against last month to the same day, not a running month against a whole one.
    same_day = min(last_start + timedelta(days=f.as_of.day - 1), f.as_of.replace(day=1) - timedelta(days=1))
    last_mtd = figures.collected(last_start, same_day)
    last_rate = last_mtd / last["expected"] if last["expected"] else None
    good_share = snapshot.in_good_standing / snapshot.members if snapshot.members else None
    return pd.DataFrame([
        {"label": "Members in good standing", "value": snapshot.in_good_standing, "fmt": "{:,.0f}",
         "help": f"{good_share:.0%} of {snapshot.members:,} members" if good_share is not None else None},
        {"label": f"Dues collected, {f.as_of:%B}", "value": this["collected"], "previous": last_mtd,
         "fmt": "${:,.0f}", "help": f"Month to date; the change compares with {last_start:%b 1}-{same_day:%-d}. "
                                    f"Expected ${this['expected']:,.0f} this month"},
        {"label": "Collection rate, this month", "value": this["collection_rate"], "previous": last_rate,
         "fmt": "{:.0%}", "help": "Collected this month to date / dues expected for the month (last month: to the same day)"},
        {"label": "Active students", "value": st_["active"], "fmt": "{:,.0f}"},
        {"label": "Completion rate", "value": st_["completion_rate"], "previous": st_["previous_rate"],
         "fmt": "{:.0%}", "help": "Completed / (completed + dropped) among students who finished in the period"},
        {"label": "Grant spend vs award", "value": share("spent"), "previous": share("spent_before"), "fmt": "{:.0%}",
         "help": f"${grants['spent'].sum():,.0f} spent of ${award:,.0f} awarded (grants running now)"},
        {"label": "Open grievances", "value": griev["now"][0], "previous": griev["before"][0],
         "fmt": "{:,.0f}", "lower_is_better": True},
        {"label": "Overdue grievance steps", "value": griev["now"][1], "previous": griev["before"][1],
         "fmt": "{:,.0f}", "lower_is_better": True},
    ])


def overdue_steps(conn: Connection, f: Filters) -> tuple[pd.DataFrame, int]:
    late = and_(GrievanceStep.closed_on.is_(None), GrievanceStep.deadline_on < f.as_of)
    total = conn.execute(select(func.count()).select_from(GrievanceStep).where(late)).scalar_one()
    stmt = (select(Grievance.grievance_number, Member.first_name, Member.last_name, GrievanceStep.step,
                   GrievanceStep.deadline_on)
            .join(Grievance, Grievance.id == GrievanceStep.grievance_id).join(Member, Member.id == Grievance.member_id)
            .where(late).order_by(GrievanceStep.deadline_on, Grievance.grievance_number).limit(ATTENTION_ROWS))
    rows = [{"kind": KINDS[0], "item": f"{r.grievance_number} · {r.first_name} {r.last_name}",
             "detail": f"{str(r.step).replace('_', ' ').title()}: {(f.as_of - r.deadline_on).days} days past the deadline",
             "date": r.deadline_on} for r in conn.execute(stmt)]
    return pd.DataFrame(rows), total


def expiring_credentials(conn: Connection, f: Filters) -> tuple[pd.DataFrame, int]:
    soon = Credential.expires_on.between(f.as_of, f.as_of + timedelta(days=CREDENTIAL_DAYS))
    total = conn.execute(select(func.count()).select_from(Credential).where(soon)).scalar_one()
    stmt = (select(Student.first_name, Student.last_name, Certification.name, Credential.expires_on)
            .join(Student, Student.id == Credential.student_id)
            .join(Certification, Certification.id == Credential.certification_id)
            .where(soon).order_by(Credential.expires_on, Student.last_name).limit(ATTENTION_ROWS))
    rows = [{"kind": KINDS[1], "item": f"{r.first_name} {r.last_name}", "detail": r.name,
             "date": r.expires_on} for r in conn.execute(stmt)]
    return pd.DataFrame(rows), total


def ending_grants(conn: Connection, f: Filters) -> tuple[pd.DataFrame, int]:
    spent = (select(Expense.grant_id, func.sum(Expense.amount).label("spent")).group_by(Expense.grant_id).subquery())
    unspent = Grant.award_amount - func.coalesce(spent.c.spent, 0)
    stmt = (select(Grant.grant_number, Grant.name, Grant.end_date, unspent.label("unspent"))
            .outerjoin(spent, spent.c.grant_id == Grant.id)
            .where(Grant.end_date.between(f.as_of, f.as_of + timedelta(days=GRANT_DAYS)), unspent > 0)
            .order_by(Grant.end_date))
    rows = [{"kind": KINDS[3], "item": f"{r.grant_number} {r.name}", "detail": f"${float(r.unspent):,.2f} unspent",
             "date": r.end_date} for r in conn.execute(stmt)]
    return pd.DataFrame(rows[:ATTENTION_ROWS]), len(rows)


def attention(conn: Connection, who: Identity, f: Filters,
              snapshot: dues.StandingSnapshot) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows, counts): what needs leadership's attention, soonest or worst first within each kind."""
    require(who, Action.VIEW_DASHBOARDS)
    arrears = pd.DataFrame([{"kind": KINDS[2], "item": f"{r.name} (card {r.card_number})",
                             "detail": f"{r.months_in_arrears} months in arrears, ${r.balance:,.2f} owed", "date": None}
                            for r in snapshot.longest_arrears.itertuples()])
    parts = [overdue_steps(conn, f), expiring_credentials(conn, f), (arrears, snapshot.three_plus_months),
             ending_grants(conn, f)]
    rows = pd.concat([p for p, _ in parts if not p.empty] or [pd.DataFrame(columns=["kind", "item", "detail", "date"])],
                     ignore_index=True)
    counts = pd.DataFrame({"kind": KINDS, "count": [n for _, n in parts]})
    return rows, counts


def summary(conn: Connection, who: Identity, f: Filters) -> OverviewSummary:
    """Everything the Overview page and the leadership summary PDF show, with one standing query and
    one dues figures query (the tiles and the trend chart)."""
    require(who, Action.VIEW_DASHBOARDS)
    snapshot = dues.standing_snapshot(conn, who, Filters(as_of=f.as_of))
    figures = dues.dues_figures(conn, who, dues_window(f))
    rows, counts = attention(conn, who, f, snapshot)
    return OverviewSummary(kpis(conn, who, f, snapshot, figures), rows, counts, dues_trend(conn, who, f, figures))


def dues_trend(conn: Connection, who: Identity, f: Filters, figures: dues.DuesFigures | None = None) -> pd.DataFrame:
    """month, collected, expected over the period (the Overview's trend chart; from `figures` of
    dues_window(f) when given)."""
    return dues.collected_vs_expected(conn, who, f, figures)


def as_of_label(day: date) -> str:
    return f"{day:%B %-d, %Y}"
