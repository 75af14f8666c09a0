"""The balance and standing of every member in one set-based query (for dashboards and reports).

It follows the same rules as lib.dues.standing (a test asserts both agree for every member):
charges come from a per-classification cumulative rate schedule computed once in Python (rates x
months, a thousand rows), so the query never expands members x months; the oldest unpaid month is
found only for members whose credits fall short, inside the one classification segment where the
credits run out. Amounts are integer cents inside SQL, so SQLite's floats never round a comparison.
This portable query serves SQLite; PostgreSQL uses the array arithmetic of lib.dues.standing_pg.
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
from lib.models.enums import MemberClassification

FAR_PAST, FAR_FUTURE = -1, 10**5  # month indexes outside any real ledger (year 8333)
CLASS_ORDER = list(MemberClassification)
KEY_STRIDE = 10**6  # schedule key = classification position * stride + month index


def schedule_key(cls: MemberClassification, month: int) -> int:
    return CLASS_ORDER.index(cls) * KEY_STRIDE + month


def class_position_sql(col: str) -> str:
    whens = " ".join(f"WHEN '{cls.value}' THEN {i}" for i, cls in enumerate(CLASS_ORDER))
    return f"(CASE {col} {whens} END)"


def month_index_sql(dialect: str, col: str) -> str:
    if dialect == "postgresql":
        # date_part (double) is much cheaper than EXTRACT (numeric) over 100,000 rows.
        return f"(CAST(date_part('year', {col}) AS INTEGER) * 12 + CAST(date_part('month', {col}) AS INTEGER) - 1)"
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
        # Integers only, so literal SQL is safe and keeps bind counts small. One integer key per
        # (classification, month): single-column equality joins that the planner hashes well.
        return ", ".join(f"({schedule_key(cls, m)}, {cum})" for (cls, m), cum in self.schedule.items())

    def runs(self) -> list[tuple]:
        """(classification, first month, last month, cumulative before, monthly cents) of each run of
        consecutive months charged the same positive amount: the oldest unpaid month is then
        arithmetic inside the one run where the credits run out, not a search over months."""
        runs = []
        for (cls, month), cum in sorted(self.schedule.items()):
            charge = cum - self.schedule.get((cls, month - 1), cum)
            last = runs[-1] if runs else None
            if charge > 0 and last and last[0] == cls and last[2] == month - 1 and last[4] == charge:
                runs[-1] = (cls, last[1], month, last[3], charge)
            elif charge > 0:
                runs.append((cls, month, month, cum - charge, charge))
        return runs

    def runs_sql(self) -> str:
        rows = self.runs() or [(next(iter(self.schedule))[0], 0, -1, 0, 1)]  # never matches
        return ", ".join(f"('{cls.value}', {first}, {last}, {before}, {cents})" for cls, first, last, before, cents in rows)


def standing_inputs(conn: Connection, as_of: date) -> StandingInputs:
    as_of_month = mo.month_index(as_of)
    months = period_months(conn, as_of_month)
    first = min(months) if months else as_of_month + 1
    schedule = rate_schedule(load_rates(conn), months, first, as_of_month)
    return StandingInputs(as_of, as_of_month, first - 1,
                          mo.required_month(as_of, get_settings().dues_grace_days), schedule)


def credits_sql() -> str:
    """A member's credits in cents counted on as_of (payments from the day paid, adjustments from
    their period's month), as an expression over `c` (dues_member_credits) and `m` (members).
    The maintained total serves every member whose credits all take effect by as_of (all of them
    for today); only the others are summed from their own rows."""
    return """CAST(CASE WHEN c.member_id IS NULL THEN 0
        WHEN c.latest_credit_on <= :as_of THEN c.credit_cents
        ELSE COALESCE((SELECT SUM(CAST(ROUND(p.amount * 100) AS BIGINT)) FROM dues_payments p
                       WHERE p.member_id = m.id AND p.paid_on <= :as_of), 0)
           + COALESCE((SELECT SUM(CAST(ROUND(a.amount * 100) AS BIGINT)) FROM dues_adjustments a
                       JOIN dues_periods pe ON pe.id = a.period_id
                       WHERE a.member_id = m.id AND pe.period_month <= :as_of), 0) END AS BIGINT)"""


def _clamp(expr: str) -> str:
    return f"CASE WHEN {expr} < :base THEN :base ELSE {expr} END"


def _members_sql(dialect: str, where: str = "") -> str:
    """Per member: owed months [start_mi, end_mi] and credits; `fifo` is what pays months (never < 0)."""
    mi = lambda col: month_index_sql(dialect, col)  # noqa: E731
    return f"""
    SELECT m.id AS member_id, m.classification AS cur_cls, {mi('m.initiation_date')} AS start_mi,
        CASE WHEN m.status IN ('RETIRED', 'DECEASED') AND m.status_effective_on IS NOT NULL
             AND {mi('m.status_effective_on')} < :as_of_month
        THEN {mi('m.status_effective_on')} ELSE :as_of_month END AS end_mi,
        {credits_sql()} AS credited
    FROM members m LEFT JOIN dues_member_credits c ON c.member_id = m.id {where}"""


def _months_raw(end: str, oldest: str) -> str:
    return f"""CASE WHEN {oldest} IS NULL THEN 0 WHEN {end} < :as_of_month - 1 THEN {end} - {oldest} + 1
             ELSE :as_of_month - {oldest} END"""


def _segments_sql(dialect: str, inputs: StandingInputs, members_where: str) -> str:
    """CTEs ending in arrears_seg(member_id, charged, credited, oldest_mi, months_raw): members split
    into classification segments, credits applied to the oldest first (portable SQL)."""
    mi = lambda col: month_index_sql(dialect, col)  # noqa: E731
    return f"""
sched(k, cum) AS (VALUES {inputs.values_sql()}),
runs(cls, from_mi, to_mi, cum_before, rate) AS (VALUES {inputs.runs_sql()}),
mem AS MATERIALIZED ({_members_sql(dialect, members_where)}),
chg AS (
    SELECT member_id, classification AS cls,
        CASE WHEN ROW_NUMBER() OVER w = 1 THEN {FAR_PAST} ELSE {mi('effective_from')} END AS seg_from,
        COALESCE(LEAD({mi('effective_from')}) OVER w - 1, {FAR_FUTURE}) AS seg_to
    FROM member_classification_changes
    WINDOW w AS (PARTITION BY member_id ORDER BY effective_from)),
bounds AS (
    SELECT mem.member_id, COALESCE(chg.cls, mem.cur_cls) AS cls,
        CASE WHEN COALESCE(chg.seg_from, {FAR_PAST}) > mem.start_mi
             THEN chg.seg_from ELSE mem.start_mi END AS lo,
        CASE WHEN COALESCE(chg.seg_to, {FAR_FUTURE}) < mem.end_mi
             THEN chg.seg_to ELSE mem.end_mi END AS hi
    FROM mem LEFT JOIN chg ON chg.member_id = mem.member_id),
seg AS MATERIALIZED (
    SELECT member_id, cls, lo, {class_position_sql('cls')} * {KEY_STRIDE} + {_clamp('lo - 1')} AS lo_key,
        {class_position_sql('cls')} * {KEY_STRIDE} + {_clamp('hi')} AS hi_key
    FROM bounds WHERE lo <= hi),
segw AS MATERIALIZED (
    SELECT seg.member_id, seg.cls, lo_s.cum AS cum_before, hi_s.cum - lo_s.cum AS charge,
        SUM(hi_s.cum - lo_s.cum) OVER (PARTITION BY seg.member_id ORDER BY seg.lo ROWS UNBOUNDED PRECEDING)
            - (hi_s.cum - lo_s.cum) AS before
    FROM seg
    JOIN sched hi_s ON hi_s.k = seg.hi_key
    JOIN sched lo_s ON lo_s.k = seg.lo_key),
tot AS MATERIALIZED (
    SELECT mem.member_id, mem.end_mi, COALESCE(ch.charged, 0) AS charged, mem.credited,
        CASE WHEN mem.credited > 0 THEN mem.credited ELSE 0 END AS fifo
    FROM mem
    LEFT JOIN (SELECT member_id, SUM(charge) AS charged FROM segw GROUP BY member_id) ch
        ON ch.member_id = mem.member_id),
crossing AS MATERIALIZED (
    SELECT w.member_id, w.cls, tot.fifo - w.before + w.cum_before AS target
    FROM segw w JOIN tot ON tot.member_id = w.member_id
    WHERE w.before <= tot.fifo AND tot.fifo < w.before + w.charge),
oldest AS (
    SELECT x.member_id, r.from_mi + (x.target - r.cum_before) / r.rate AS oldest_mi
    FROM crossing x JOIN runs r ON r.cls = x.cls
        AND r.cum_before <= x.target AND x.target < r.cum_before + r.rate * (r.to_mi - r.from_mi + 1)),
arrears_seg AS (
    SELECT tot.member_id, tot.charged, tot.credited, x.oldest_mi, {_months_raw('tot.end_mi', 'x.oldest_mi')} AS months_raw
    FROM tot LEFT JOIN oldest x ON x.member_id = tot.member_id)"""


def standing_sql(dialect: str, inputs: StandingInputs) -> str:
    if dialect == "postgresql":
        from lib.dues.standing_pg import all_members_sql  # arrays instead of joins to the schedule

        ctes = all_members_sql(inputs, _members_sql(dialect))
    else:
        ctes = _segments_sql(dialect, inputs, "") + ",\narrears AS (SELECT * FROM arrears_seg)"
    return f"""WITH {ctes}
SELECT member_id, CAST(charged AS BIGINT) AS charged_cents, CAST(credited AS BIGINT) AS credited_cents,
    CAST(charged - credited AS BIGINT) AS balance_cents, CAST(oldest_mi AS INTEGER) AS oldest_unpaid_month_index,
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
    if conn.dialect.name == "postgresql":
        # The estimates of this many-CTE query are far too high, so PostgreSQL would JIT-compile it
        # for seconds to save milliseconds; off for the rest of this transaction only.
        conn.execute(text("SET LOCAL jit = off"))
        # The members' segments (~15 MB at 100,000 members) stay in memory instead of a temp file.
        conn.execute(text("SET LOCAL work_mem = '64MB'"))
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
