"""Dues dashboard: collected vs expected per month, collection rate, arrears ageing, methods, adjustments.

Standing comes from the ledger (lib.dues.standing_sql.standing_select), never re-derived here. It
costs ~0.5-0.8 s for 100,000 members, so `standing_snapshot` asks it ONCE and answers both the ageing
buckets and the longest-arrears list from that one query (the Overview uses the same snapshot).
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

import pandas as pd
from sqlalchemy import Connection, and_, case, func, literal, literal_column, null, select, union_all

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.config import get_settings
from lib.dashboards.filters import Filters
from lib.dashboards.sql import frame, month_labels, month_of
from lib.dues import months as mo
from lib.dues.rates import load_rates, period_months, rate_cents
from lib.dues.standing_sql import month_index_sql, standing_select
from lib.models import DuesAdjustment, DuesPayment, DuesPeriod, Member
from lib.models.enums import MemberClassification

AGE_BUCKETS = ("Current", "0-30 days", "31-60 days", "61-90 days", "90+ days")
ARREARS_LIST_LENGTH = 25


def member_conditions(f: Filters) -> list:
    """The location and classification filters, as conditions on members."""
    conditions = []
    if f.location_id is not None:
        conditions.append(Member.home_location_id == f.location_id)
    if f.classification is not None:
        conditions.append(Member.classification == f.classification)
    return conditions


def payments_by_day(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """day, method, payments, cents: payments per day paid and method over the period (a few
    thousand rows a year at most). Grouped by the date itself, not its month: no per-row date
    formatting over a million payments (the month, the method and the period totals follow in pandas)."""
    require(who, Action.VIEW_DASHBOARDS)
    stmt = (select(DuesPayment.paid_on.label("day"), DuesPayment.method, func.count().label("payments"),
                   func.sum(DuesPayment.amount).label("amount"))
            .where(DuesPayment.paid_on.between(f.start, f.end)).group_by(DuesPayment.paid_on, DuesPayment.method))
    if conditions := member_conditions(f):
        stmt = stmt.join(Member, Member.id == DuesPayment.member_id).where(*conditions)
    df = frame(conn, stmt)
    df["cents"] = [int(round(Decimal(str(a)) * 100)) for a in df["amount"]]  # exact sums, whatever the engine returns
    df["day"] = [d if isinstance(d, date) else date.fromisoformat(str(d)) for d in df["day"]]
    return df.drop(columns="amount")


@dataclass(frozen=True)
class DuesFigures:
    """Payments per day and method, and expected dues per month, over one window: every collected and
    expected figure of a page inside that window follows from it without another query (the Dues page
    asks it for the period and the one before; the Overview for the period and this month and last)."""

    start: date
    end: date
    payments: pd.DataFrame  # day, method, payments, cents
    expected: pd.DataFrame  # month ('YYYY-MM'), expected ($)

    def _within(self, start: date, end: date) -> pd.DataFrame:
        if start < self.start or end > self.end:
            raise ValueError(f"dues figures for {self.start}..{self.end} do not cover {start}..{end}")
        return self.payments[(self.payments["day"] >= start) & (self.payments["day"] <= end)]

    def collected(self, start: date, end: date) -> float:
        return int(self._within(start, end)["cents"].sum()) / 100

    def collected_by_month(self, start: date, end: date) -> dict[str, float]:
        rows = self._within(start, end)
        months = [f"{d:%Y-%m}" for d in rows["day"]]
        return {m: int(c) / 100 for m, c in rows.groupby(months)["cents"].sum().items()}

    def by_method(self, start: date, end: date) -> pd.DataFrame:
        rows = self._within(start, end)
        return rows.groupby("method", as_index=False)[["payments", "cents"]].sum()

    def expected_in(self, start: date, end: date) -> pd.DataFrame:
        self._within(start, end)
        return self.expected[self.expected["month"].isin(month_labels(start, end))].reset_index(drop=True)


def dues_figures(conn: Connection, who: Identity, f: Filters) -> DuesFigures:
    """The payments (one scan of dues_payments) and the expected dues (one scan of members) of f's window."""
    return DuesFigures(f.start, f.end, payments_by_day(conn, who, f), expected_by_month(conn, who, f))


def with_previous(f: Filters) -> Filters:
    """f widened back to the start of the previous period: the window the Dues page's figures cover."""
    return replace(f, date_from=f.previous().start, date_to=f.end)


def _figures(conn: Connection, who: Identity, f: Filters, figures: DuesFigures | None) -> DuesFigures:
    return figures if figures is not None else dues_figures(conn, who, f)


def _owing_groups(conn: Connection, f: Filters, lo: int, hi: int) -> pd.DataFrame:
    """Members counted by (classification, first owed month, last owed month), clamped to [lo, hi]:
    a few hundred rows however many members, from which each month's expected dues follow."""
    d = conn.dialect.name
    init = literal_column(month_index_sql(d, "members.initiation_date"))
    ended = literal_column(month_index_sql(d, "members.status_effective_on"))
    start = case((init < lo, literal_column(str(lo))), else_=init)
    end = case((and_(Member.status.in_(("RETIRED", "DECEASED")), Member.status_effective_on.is_not(None),
                     ended < hi), ended), else_=literal_column(str(hi)))
    owing = (select(Member.classification, start.label("start_mi"), end.label("end_mi"))
             .where(init <= hi, *member_conditions(f)).subquery())
    # Grouped outside: bound parameters inside a grouped CASE differ between SELECT and GROUP BY on PostgreSQL.
    stmt = (select(owing.c.classification, owing.c.start_mi, owing.c.end_mi, func.count().label("n"))
            .group_by(owing.c.classification, owing.c.start_mi, owing.c.end_mi))
    return frame(conn, stmt)


def expected_by_month(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """month, expected ($): every owing member's rate for the month (the ledger's rate rule, at the
    member's current classification), for months that have a dues period."""
    require(who, Action.VIEW_DASHBOARDS)
    lo, hi = mo.month_index(f.start), mo.month_index(f.end)
    groups = list(_owing_groups(conn, f, lo, hi).itertuples(index=False))
    rates, periods = load_rates(conn), period_months(conn, hi)
    rate = {(cls, m): rate_cents(rates, MemberClassification(cls), m)
            for cls in {g.classification for g in groups} for m in range(lo, hi + 1)}
    cents = [sum(g.n * rate[(g.classification, m)] for g in groups if g.start_mi <= m <= g.end_mi)
             if m in periods else 0 for m in range(lo, hi + 1)]
    return pd.DataFrame({"month": month_labels(f.start, f.end), "expected": [c / 100 for c in cents]})


def collected_vs_expected(conn: Connection, who: Identity, f: Filters,
                          figures: DuesFigures | None = None) -> pd.DataFrame:
    """month, collected, expected, collection_rate (collected / expected, None when nothing expected).
    Pass `figures` (dues_figures of a window covering f) to answer without a query."""
    require(who, Action.VIEW_DASHBOARDS)
    figures = _figures(conn, who, f, figures)
    df = figures.expected_in(f.start, f.end)
    collected = figures.collected_by_month(f.start, f.end)
    df.insert(1, "collected", [float(collected.get(m, 0.0)) for m in df["month"]])
    df["collection_rate"] = (df["collected"] / df["expected"]).where(df["expected"] > 0)
    return df


def age_thresholds(as_of: date) -> list[int]:
    """The latest month index still overdue by more than 0, 30, 60 and 90 days on as_of: a member's
    bucket is then an integer comparison of their oldest unpaid month (deadlines grow with months)."""
    grace = get_settings().dues_grace_days
    result = []
    for days in (0, 30, 60, 90):
        month = mo.month_index(as_of)
        while mo.payment_deadline(month, grace) >= as_of - timedelta(days=days):
            month -= 1
        result.append(month)
    return result


def _age_bucket(oldest, as_of: date):
    m0, m30, m60, m90 = age_thresholds(as_of)
    return case((oldest.is_(None), AGE_BUCKETS[0]), (oldest > m0, AGE_BUCKETS[0]),
                (oldest > m30, AGE_BUCKETS[1]), (oldest > m60, AGE_BUCKETS[2]),
                (oldest > m90, AGE_BUCKETS[3]), else_=AGE_BUCKETS[4])


@dataclass(frozen=True)
class StandingSnapshot:
    buckets: pd.DataFrame  # bucket, members, in_good_standing, owed, credit, three_plus (in AGE_BUCKETS order)
    longest_arrears: pd.DataFrame  # member_id, card_number, name, months_in_arrears, balance (top 25)

    @property
    def members(self) -> int:
        return int(self.buckets["members"].sum())

    @property
    def in_good_standing(self) -> int:
        return int(self.buckets["in_good_standing"].sum())

    @property
    def three_plus_months(self) -> int:
        return int(self.buckets["three_plus"].sum())


def standing_snapshot(conn: Connection, who: Identity, f: Filters) -> StandingSnapshot:
    """The ledger's standing of every (filtered) member as of f.as_of, queried once: the ageing
    buckets by days overdue and the members longest in arrears (3+ months), in one statement."""
    require(who, Action.VIEW_DASHBOARDS)
    s = standing_select(conn, f.as_of).cte("standing")
    initiated = Member.initiation_date <= f.as_of  # a past as_of (last month's tiles) counts no later members
    base = select(s, Member.card_number, (Member.first_name + " " + Member.last_name).label("name"),
                  _age_bucket(s.c.oldest_unpaid_month_index, f.as_of).label("bucket"),
                  case((s.c.months_in_arrears >= 3, 1), else_=0).label("three_plus")).join(
        Member, Member.id == s.c.member_id).where(*member_conditions(f), initiated).cte("filtered")
    totals = select(literal("bucket").label("kind"), base.c.bucket, func.count().label("members"),
                    func.sum(base.c.in_good_standing).label("good"),
                    func.sum(case((base.c.balance_cents > 0, base.c.balance_cents), else_=0)).label("owed"),
                    func.sum(case((base.c.balance_cents < 0, -base.c.balance_cents), else_=0)).label("credit"),
                    func.sum(base.c.three_plus).label("three_plus"), null().label("member_id"),
                    null().label("card_number"), null().label("name")).group_by(base.c.bucket)
    longest = select(base).where(base.c.three_plus == 1).order_by(
        base.c.months_in_arrears.desc(), base.c.balance_cents.desc(), base.c.member_id).limit(
        ARREARS_LIST_LENGTH).subquery()
    top = select(literal("member").label("kind"), null(), longest.c.months_in_arrears, null(),
                 longest.c.balance_cents, null(), null(), longest.c.member_id, longest.c.card_number, longest.c.name)
    rows = frame(conn, union_all(totals, top))
    return _snapshot(rows)


def _snapshot(rows: pd.DataFrame) -> StandingSnapshot:
    totals = {r.bucket: r for r in rows.itertuples(index=False) if r.kind == "bucket"}
    zero = lambda b, col: int(getattr(totals[b], col) or 0) if b in totals else 0  # noqa: E731
    buckets = pd.DataFrame({"bucket": AGE_BUCKETS, "members": [zero(b, "members") for b in AGE_BUCKETS],
                            "in_good_standing": [zero(b, "good") for b in AGE_BUCKETS],
                            "owed": [zero(b, "owed") / 100 for b in AGE_BUCKETS],
                            "credit": [zero(b, "credit") / 100 for b in AGE_BUCKETS],
                            "three_plus": [zero(b, "three_plus") for b in AGE_BUCKETS]})
    top = [r for r in rows.itertuples(index=False) if r.kind == "member"]
    longest = pd.DataFrame({"member_id": [int(r.member_id) for r in top], "card_number": [r.card_number for r in top],
                            "name": [r.name for r in top], "months_in_arrears": [int(r.members) for r in top],
                            "balance": [int(r.owed) / 100 for r in top]},
                           columns=["member_id", "card_number", "name", "months_in_arrears", "balance"])
    return StandingSnapshot(buckets, longest)


def payments_by_method(conn: Connection, who: Identity, f: Filters,
                       figures: DuesFigures | None = None) -> pd.DataFrame:
    """method, payments, amount over the period, largest amount first (from `figures` when given)."""
    require(who, Action.VIEW_DASHBOARDS)
    df = _figures(conn, who, f, figures).by_method(f.start, f.end)
    df = df.sort_values(["cents", "method"], ascending=[False, True], ignore_index=True)
    df["method"] = df["method"].map(lambda m: "ACH" if str(m) == "ACH" else str(m).replace("_", " ").title())
    df["payments"] = df["payments"].astype(int)
    df["amount"] = df.pop("cents").astype(int) / 100
    return df[["method", "payments", "amount"]]


def adjustments_by_month(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    """month (of the period adjusted), credits ($, reduce what is owed), charges ($), adjustments."""
    require(who, Action.VIEW_DASHBOARDS)
    month = month_of(conn, DuesPeriod.period_month).label("month")
    amount = DuesAdjustment.amount
    stmt = (select(month, func.sum(case((amount > 0, amount), else_=0)).label("credits"),
                   func.sum(case((amount < 0, -amount), else_=0)).label("charges"),
                   func.count().label("adjustments"))
            .join(DuesPeriod, DuesPeriod.id == DuesAdjustment.period_id)
            .where(DuesPeriod.period_month.between(f.start.replace(day=1), f.end)).group_by(month).order_by(month))
    if conditions := member_conditions(f):
        stmt = stmt.join(Member, Member.id == DuesAdjustment.member_id).where(*conditions)
    df = frame(conn, stmt)
    for col in ("credits", "charges"):
        df[col] = df[col].astype(float)
    return df




def collection_kpis(conn: Connection, who: Identity, f: Filters,
                    figures: DuesFigures | None = None) -> pd.DataFrame:
    """Tiles: collected, expected and collection rate over the period, each vs the previous period
    (expected counts whole months: those the period's days fall in). `figures` must cover both periods
    (dues_figures of with_previous(f)); without it they are asked here."""
    require(who, Action.VIEW_DASHBOARDS)
    prev = f.previous()
    figures = _figures(conn, who, with_previous(f), figures)
    in_months = lambda p: float(figures.expected_in(p.start, p.end)["expected"].sum())  # noqa: E731
    collected_now, collected_before = figures.collected(f.start, f.end), figures.collected(prev.start, prev.end)
    exp_now, exp_before = in_months(f), in_months(prev)
    rate = lambda c, e: c / e if e else None  # noqa: E731
    if not exp_before and not collected_before:  # no dues ledger yet then: nothing to compare with
        collected_before = exp_before = None
    return pd.DataFrame([
        {"label": "Dues collected", "value": collected_now, "previous": collected_before, "fmt": "${:,.0f}"},
        {"label": "Dues expected", "value": exp_now, "previous": exp_before, "fmt": "${:,.0f}"},
        {"label": "Collection rate", "value": rate(collected_now, exp_now), "previous": rate(collected_before or 0, exp_before),
         "fmt": "{:.0%}"},
    ])


def standing_tiles(snapshot: StandingSnapshot) -> pd.DataFrame:
    """Tiles from the standing snapshot (no query): members overdue and what members owe."""
    overdue = snapshot.members - int(snapshot.buckets.loc[snapshot.buckets["bucket"] == AGE_BUCKETS[0], "members"].sum())
    return pd.DataFrame([
        {"label": "Members overdue", "value": overdue, "fmt": "{:,.0f}", "lower_is_better": True,
         "help": f"{snapshot.in_good_standing:,} of {snapshot.members:,} members are in good standing"},
        {"label": "Owed by members", "value": float(snapshot.buckets["owed"].sum()), "fmt": "${:,.0f}",
         "lower_is_better": True},
    ])
