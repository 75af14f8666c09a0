"""The balance and standing of every member in one set-based query (for dashboards and reports).

It follows the same rules as lib.dues.standing (a test asserts both agree for every member):
charges come from a per-classification cumulative rate schedule computed once in Python (rates x
months, a thousand rows), so the query never expands members x months; the oldest unpaid month is
found only for members whose credits fall short, inside the one classification segment where the
credits run out. Amounts are integer cents inside SQL, so SQLite's floats never round a comparison.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Connection, Date, Integer, String, TextClause, bindparam, case, column, func, select, text,
)

from lib.auth.identity import Identity
from lib.config import get_settings
from lib.dues import months as mo
from lib.dues.access import require_dues_reader
from lib.dues.rates import load_rates, period_months, rate_schedule
from lib.dues.standing import Standing, cents_to_money

FAR_PAST, FAR_FUTURE = -1, 10**7  # month indexes outside any real ledger


def month_index_sql(dialect: str, col: str) -> str:
    if dialect == "postgresql":
        return f"(CAST(EXTRACT(YEAR FROM {col}) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM {col}) AS INTEGER) - 1)"
    return f"(CAST(strftime('%Y', {col}) AS INTEGER) * 12 + CAST(strftime('%m', {col}) AS INTEGER) - 1)"


@dataclass(frozen=True)
class StandingInputs:
    """What the query needs from Python: the month bounds and the rate schedule."""

    as_of: date
    as_of_month: int
    base_month: int  # the month before the first dues period (its cumulative charge is zero)
    required_month: int
    schedule: dict

    def values_sql(self) -> str:
        # Enum names and integers only, so literal SQL is safe and keeps bind counts small.
        return ", ".join(f"('{cls.value}', {m}, {cum})" for (cls, m), cum in self.schedule.items())


def standing_inputs(conn: Connection, as_of: date) -> StandingInputs:
    as_of_month = mo.month_index(as_of)
    months = period_months(conn, as_of_month)
    first = min(months) if months else as_of_month + 1
    schedule = rate_schedule(load_rates(conn), months, first, as_of_month)
    return StandingInputs(as_of, as_of_month, first - 1,
                          mo.required_month(as_of, get_settings().dues_grace_days), schedule)


def credits_sql() -> str:
    """Each member's credits in cents counted on as_of: payments from the day paid, adjustments
    from their period's month. The maintained totals serve every member whose credits all take
    effect by as_of (all of them for today); the others are summed from their own rows."""
    return """
    SELECT member_id, SUM(cents) AS cents FROM (
        SELECT member_id, credit_cents AS cents FROM dues_member_credits WHERE latest_credit_on <= :as_of
        UNION ALL
        SELECT p.member_id, CAST(ROUND(p.amount * 100) AS BIGINT)
        FROM dues_member_credits c JOIN dues_payments p ON p.member_id = c.member_id
        WHERE c.latest_credit_on > :as_of AND p.paid_on <= :as_of
        UNION ALL
        SELECT a.member_id, CAST(ROUND(a.amount * 100) AS BIGINT)
        FROM dues_member_credits c JOIN dues_adjustments a ON a.member_id = c.member_id
        JOIN dues_periods pe ON pe.id = a.period_id
        WHERE c.latest_credit_on > :as_of AND pe.period_month <= :as_of
    ) c GROUP BY member_id"""


def _clamp(expr: str) -> str:
    return f"CASE WHEN {expr} < :base THEN :base ELSE {expr} END"


def standing_sql(dialect: str, inputs: StandingInputs) -> str:
    mi = lambda col: month_index_sql(dialect, col)  # noqa: E731
    return f"""
WITH sched(cls, mi, cum) AS (VALUES {inputs.values_sql()}),
mem AS (
    SELECT m.id AS member_id, m.classification AS cur_cls, {mi('m.initiation_date')} AS start_mi,
        CASE WHEN m.status IN ('RETIRED', 'DECEASED') AND m.status_effective_on IS NOT NULL
             AND {mi('m.status_effective_on')} < :as_of_month
        THEN {mi('m.status_effective_on')} ELSE :as_of_month END AS end_mi
    FROM members m),
chg AS (
    SELECT member_id, classification AS cls,
        CASE WHEN ROW_NUMBER() OVER w = 1 THEN {FAR_PAST} ELSE {mi('effective_from')} END AS seg_from,
        COALESCE(LEAD({mi('effective_from')}) OVER w - 1, {FAR_FUTURE}) AS seg_to
    FROM member_classification_changes
    WINDOW w AS (PARTITION BY member_id ORDER BY effective_from)),
seg AS (
    SELECT mem.member_id, COALESCE(chg.cls, mem.cur_cls) AS cls,
        CASE WHEN COALESCE(chg.seg_from, {FAR_PAST}) > mem.start_mi
             THEN chg.seg_from ELSE mem.start_mi END AS lo,
        CASE WHEN COALESCE(chg.seg_to, {FAR_FUTURE}) < mem.end_mi
             THEN chg.seg_to ELSE mem.end_mi END AS hi
    FROM mem LEFT JOIN chg ON chg.member_id = mem.member_id),
segc AS (
    SELECT seg.member_id, seg.cls, seg.lo, seg.hi, lo_s.cum AS cum_before, hi_s.cum - lo_s.cum AS charge
    FROM seg
    JOIN sched hi_s ON hi_s.cls = seg.cls AND hi_s.mi = {_clamp('seg.hi')}
    JOIN sched lo_s ON lo_s.cls = seg.cls AND lo_s.mi = {_clamp('seg.lo - 1')}
    WHERE seg.lo <= seg.hi),
segw AS (
    SELECT segc.*, SUM(charge) OVER (PARTITION BY member_id ORDER BY lo
                                     ROWS UNBOUNDED PRECEDING) - charge AS before
    FROM segc),
cred AS ({credits_sql()}),
tot AS (
    SELECT mem.member_id, mem.end_mi, COALESCE(ch.charged, 0) AS charged, COALESCE(cred.cents, 0) AS credited
    FROM mem
    LEFT JOIN (SELECT member_id, SUM(charge) AS charged FROM segc GROUP BY member_id) ch
        ON ch.member_id = mem.member_id
    LEFT JOIN cred ON cred.member_id = mem.member_id),
crossing AS (
    SELECT w.member_id, MIN(s.mi) AS oldest_mi
    FROM segw w
    JOIN tot ON tot.member_id = w.member_id
        AND w.before <= tot.credited AND tot.credited < w.before + w.charge
    JOIN sched s ON s.cls = w.cls AND s.mi >= w.lo AND s.mi <= w.hi
        AND s.cum > tot.credited - w.before + w.cum_before
    GROUP BY w.member_id),
arrears AS (
    SELECT tot.member_id, tot.charged, tot.credited, x.oldest_mi,
        CASE WHEN x.oldest_mi IS NULL THEN 0
             WHEN tot.end_mi < :as_of_month - 1 THEN tot.end_mi - x.oldest_mi + 1
             ELSE :as_of_month - x.oldest_mi END AS months_raw
    FROM tot LEFT JOIN crossing x ON x.member_id = tot.member_id)
SELECT member_id, charged AS charged_cents, credited AS credited_cents,
    charged - credited AS balance_cents, oldest_mi AS oldest_unpaid_month_index,
    CASE WHEN months_raw > 0 THEN months_raw ELSE 0 END AS months_in_arrears,
    CASE WHEN months_raw <= 0 THEN '{mo.AGEING_BUCKETS[0]}'
         WHEN months_raw <= 2 THEN CASE months_raw WHEN 1 THEN '{mo.AGEING_BUCKETS[1]}'
                                                    ELSE '{mo.AGEING_BUCKETS[2]}' END
         WHEN months_raw <= 5 THEN '{mo.AGEING_BUCKETS[3]}' ELSE '{mo.AGEING_BUCKETS[4]}' END
        AS ageing_bucket,
    CASE WHEN oldest_mi IS NULL OR oldest_mi > :required_month THEN 1 ELSE 0 END AS in_good_standing
FROM arrears"""


STANDING_COLUMNS = (
    column("member_id", Integer), column("charged_cents", Integer), column("credited_cents", Integer),
    column("balance_cents", Integer), column("oldest_unpaid_month_index", Integer),
    column("months_in_arrears", Integer), column("ageing_bucket", String),
    column("in_good_standing", Integer),
)


def standing_select(conn: Connection, as_of: date):
    """A selectable with one row per member (columns: STANDING_COLUMNS) to query or aggregate.

    Callers check permissions (see all_standings / standing_summary for ready-made readers).
    """
    inputs = standing_inputs(conn, as_of)
    clause: TextClause = text(standing_sql(conn.dialect.name, inputs)).bindparams(
        bindparam("as_of", as_of, type_=Date), bindparam("as_of_month", inputs.as_of_month),
        bindparam("base", inputs.base_month), bindparam("required_month", inputs.required_month))
    return clause.columns(*STANDING_COLUMNS)


def _standing_of(row) -> Standing:
    oldest = row.oldest_unpaid_month_index
    return Standing(
        member_id=row.member_id, charged=cents_to_money(row.charged_cents),
        credited=cents_to_money(row.credited_cents), balance=cents_to_money(row.balance_cents),
        oldest_unpaid=mo.month_start(oldest) if oldest is not None else None,
        months_in_arrears=row.months_in_arrears, ageing_bucket=row.ageing_bucket,
        in_good_standing=bool(row.in_good_standing))


def all_standings(conn: Connection, who: Identity, as_of: date) -> dict[int, Standing]:
    """{member id: Standing} for every member, from the one set-based query."""
    require_dues_reader(who)
    return {row.member_id: _standing_of(row) for row in conn.execute(standing_select(conn, as_of))}


@dataclass(frozen=True)
class StandingSummary:
    members: int
    in_good_standing: int
    by_bucket: dict[str, int]  # every bucket of AGEING_BUCKETS, in order, zero included
    arrears_total: Decimal  # what members owe (positive balances)
    credit_total: Decimal  # credits carried forward (negative balances, as a positive amount)

    @property
    def good_standing_share(self) -> float:
        return self.in_good_standing / self.members if self.members else 0.0


def standing_summary(conn: Connection, who: Identity, as_of: date) -> StandingSummary:
    """Counts and totals for a dashboard, aggregated in SQL (one row per bucket comes back)."""
    require_dues_reader(who)
    s = standing_select(conn, as_of).subquery()
    rows = conn.execute(select(
        s.c.ageing_bucket, func.count(), func.sum(s.c.in_good_standing),
        func.sum(case((s.c.balance_cents > 0, s.c.balance_cents), else_=0)),
        func.sum(case((s.c.balance_cents < 0, -s.c.balance_cents), else_=0)),
    ).group_by(s.c.ageing_bucket)).all()
    by_bucket = {b: 0 for b in mo.AGEING_BUCKETS} | {r[0]: r[1] for r in rows}
    return StandingSummary(
        members=sum(r[1] for r in rows), in_good_standing=sum(int(r[2] or 0) for r in rows),
        by_bucket=by_bucket, arrears_total=cents_to_money(sum(int(r[3] or 0) for r in rows)),
        credit_total=cents_to_money(sum(int(r[4] or 0) for r in rows)))
