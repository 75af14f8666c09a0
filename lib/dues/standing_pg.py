"""PostgreSQL fast path of the all-members standing, for members without a classification history
(most of them): one pass over members and their credit totals, no joins to the rate schedule.

The schedule becomes constant arrays: a charge is two array reads, and the oldest unpaid month is
`width_bucket` (a binary search over the class's cumulative charges). Same rules as the portable
query; the agreement tests run it against the one-member explanation on PostgreSQL.
"""

from lib.dues.standing_sql import CLASS_ORDER, StandingInputs, _months_raw


def _cum_array(inputs: StandingInputs) -> tuple[str, int]:
    """All classes' cumulative cents in one flat array: class position * width + (month - base) + 1."""
    width = inputs.as_of_month - inputs.base_month + 1
    values = [inputs.schedule[(cls, inputs.base_month + i)] for cls in CLASS_ORDER for i in range(width)]
    return "'{" + ",".join(map(str, values)) + "}'::bigint[]", width


def _cum_at(inputs: StandingInputs, month: str) -> str:
    array, width = _cum_array(inputs)
    position = " ".join(f"WHEN '{cls.value}' THEN {i * width}" for i, cls in enumerate(CLASS_ORDER))
    clamped = f"(CASE WHEN {month} < :base THEN :base ELSE {month} END)"
    return f"({array})[(CASE b.cur_cls {position} END) + {clamped} - :base + 1]"


def _first_month_above(inputs: StandingInputs, target: str) -> str:
    """The first month whose cumulative charge for the member's class exceeds `target`."""
    width = inputs.as_of_month - inputs.base_month + 1
    branches = []
    for cls in CLASS_ORDER:
        cums = ",".join(str(inputs.schedule[(cls, inputs.base_month + i)]) for i in range(width))
        branches.append(f"WHEN '{cls.value}' THEN width_bucket({target}, '{{{cums}}}'::bigint[])")
    return f":base + (CASE s.cur_cls {' '.join(branches)} END)"


def single_segment_sql(inputs: StandingInputs, members_sql: str) -> str:
    """CTE arrears_one(member_id, charged, credited, oldest_mi, months_raw) for members without history."""
    oldest = (f"CASE WHEN s.start_mi <= s.end_mi AND s.fifo < s.charged "
              f"THEN {_first_month_above(inputs, 's.fifo + s.cum_lo')} END")
    return f"""
one AS MATERIALIZED (
    SELECT b.member_id, b.cur_cls, b.start_mi, b.end_mi, b.credited,
        CASE WHEN b.credited > 0 THEN b.credited ELSE 0 END AS fifo,
        {_cum_at(inputs, 'b.start_mi - 1')} AS cum_lo,
        CASE WHEN b.start_mi <= b.end_mi
             THEN {_cum_at(inputs, 'b.end_mi')} - {_cum_at(inputs, 'b.start_mi - 1')} ELSE 0 END AS charged
    FROM (SELECT * FROM ({members_sql}) x OFFSET 0) b),
one_oldest AS MATERIALIZED (SELECT s.member_id, s.end_mi, s.charged, s.credited, {oldest} AS oldest_mi FROM one s),
arrears_one AS (
    SELECT member_id, charged, credited, oldest_mi, {_months_raw('end_mi', 'oldest_mi')} AS months_raw
    FROM one_oldest)"""
