"""PostgreSQL path of the all-members standing: every member, with or without classification
history, as arithmetic over classification segments, with no joins to the rate schedule.

Only the segments that overlap the dues periods matter; most members have one such segment (no
history, or no change since the first period) and are a single row. The schedule becomes constant
arrays: a segment's charge is two array reads, and the oldest unpaid month is `width_bucket` (a
binary search over the class's cumulative charges). Members with several segments take a running
sum over them to find the one where the credits run out. Same rules as the portable query; the
agreement tests (hand-made cases and every seeded member) run it against the one-member explanation.
"""

from lib.dues.standing_sql import CLASS_ORDER, FAR_FUTURE, FAR_PAST, StandingInputs, _months_raw, month_index_sql


def _width(inputs: StandingInputs) -> int:
    return inputs.as_of_month - inputs.base_month + 1


def _cum_array(inputs: StandingInputs) -> str:
    """All classes' cumulative cents in one flat array: class position * width + (month - base) + 1."""
    values = [inputs.schedule[(cls, inputs.base_month + i)] for cls in CLASS_ORDER for i in range(_width(inputs))]
    return "'{" + ",".join(map(str, values)) + "}'::bigint[]"


def _class_offset(inputs: StandingInputs, cls: str) -> str:
    whens = " ".join(f"WHEN '{c.value}' THEN {i * _width(inputs)}" for i, c in enumerate(CLASS_ORDER))
    return f"(CASE {cls} {whens} END)"


def _cum_at(inputs: StandingInputs, month: str) -> str:
    """Cumulative cents of the segment's class through `month` (zero before the first period)."""
    clamped = f"(CASE WHEN {month} < :base THEN :base ELSE {month} END)"
    return f"({_cum_array(inputs)})[s.class_offset + {clamped} - :base + 1]"


def _first_month_above(inputs: StandingInputs, cls: str, target: str) -> str:
    """The first month whose cumulative charge for the class exceeds `target`."""
    branches = []
    for c in CLASS_ORDER:
        cums = ",".join(str(inputs.schedule[(c, inputs.base_month + i)]) for i in range(_width(inputs)))
        branches.append(f"WHEN '{c.value}' THEN width_bucket({target}, '{{{cums}}}'::bigint[])")
    return f":base + (CASE {cls} {' '.join(branches)} END)"


def _segments_of_history() -> str:
    """Each recorded classification from its month to the month before the next change (the first
    one also before its date)."""
    mi = month_index_sql("postgresql", "effective_from")
    return f"""SELECT member_id, cls, CASE WHEN ROW_NUMBER() OVER w = 1 THEN {FAR_PAST} ELSE mi END AS seg_from,
            COALESCE(LEAD(mi) OVER w - 1, {FAR_FUTURE}) AS seg_to
        FROM (SELECT member_id, classification AS cls, effective_from, {mi} AS mi
              FROM member_classification_changes) c
        WINDOW w AS (PARTITION BY member_id ORDER BY effective_from)"""


def _charge_columns(inputs: StandingInputs) -> str:
    """cum_lo (cumulative cents before the segment) and charge (its months' cents) over `s`."""
    return f"""{_cum_at(inputs, 's.lo - 1')} AS cum_lo,
        CASE WHEN s.lo <= s.hi THEN {_cum_at(inputs, 's.hi')} - {_cum_at(inputs, 's.lo - 1')} ELSE 0 END AS charge"""


def _segments(inputs: StandingInputs, members_sql: str) -> str:
    """One row per member and classification segment overlapping the dues periods (one row for a
    member without history), clipped to the months they owe, with its charge; `single` marks a
    member's only segment."""
    single = "h.seg_from <= :base AND h.seg_to >= :as_of_month"
    overlapping = f"""SELECT * FROM ({_segments_of_history()}) h
                   WHERE h.seg_to >= :base AND h.seg_from <= :as_of_month"""
    clipped = f"""SELECT m.member_id, m.end_mi, m.credited, CASE WHEN m.credited > 0 THEN m.credited ELSE 0 END AS fifo,
            COALESCE(h.cls, m.cur_cls) AS cls, COALESCE(h.seg_from, {FAR_PAST}) AS seg_from,
            GREATEST(COALESCE(h.seg_from, {FAR_PAST}), m.start_mi) AS lo,
            LEAST(COALESCE(h.seg_to, {FAR_FUTURE}), m.end_mi) AS hi, COALESCE({single}, TRUE) AS single
        FROM (SELECT * FROM ({members_sql}) x OFFSET 0) m LEFT JOIN ({overlapping}) h ON h.member_id = m.member_id"""
    return f"""SELECT s.*, {_charge_columns(inputs)}
    FROM (SELECT b.*, {_class_offset(inputs, 'b.cls')} AS class_offset FROM ({clipped}) b OFFSET 0) s"""


def all_members_sql(inputs: StandingInputs, members_sql: str) -> str:
    """CTE arrears(member_id, charged, credited, oldest_mi, months_raw) for every member.

    A member with a single segment is direct arithmetic on its row; the others take a running sum
    over their segments to find the one where the credits run out."""
    crossing = "s.before <= s.fifo AND s.fifo < s.before + s.charge"
    return f"""
segments AS MATERIALIZED ({_segments(inputs, members_sql)}),
one_arrears AS (
    SELECT s.member_id, s.end_mi, s.charge AS charged, s.credited,
        CASE WHEN s.fifo < s.charge THEN {_first_month_above(inputs, "s.cls", "s.fifo + s.cum_lo")} END AS oldest_mi
    FROM segments s WHERE s.single),
runsum AS (
    SELECT s.*, CAST(SUM(s.charge) OVER (PARTITION BY s.member_id ORDER BY s.seg_from ROWS UNBOUNDED PRECEDING)
        AS BIGINT) - s.charge AS before
    FROM segments s WHERE NOT s.single),
multi_arrears AS (
    SELECT s.member_id, MAX(s.end_mi) AS end_mi, CAST(SUM(s.charge) AS BIGINT) AS charged, MAX(s.credited) AS credited,
        MIN(CASE WHEN {crossing} THEN {_first_month_above(inputs, "s.cls", "s.fifo - s.before + s.cum_lo")} END)
            AS oldest_mi
    FROM runsum s GROUP BY s.member_id),
arrears AS (
    SELECT member_id, charged, credited, oldest_mi, {_months_raw('end_mi', 'oldest_mi')} AS months_raw
    FROM (SELECT * FROM one_arrears UNION ALL SELECT * FROM multi_arrears) a)"""
