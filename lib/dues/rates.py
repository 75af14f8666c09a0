"""Which rate a member owes for a month: the rate of their classification in force on that period.

Rules (the SQL and the Python ledger both use these functions, so they cannot drift apart):
- a rate applies to a month when it starts in or before that month and has not ended before the
  month's first day; when several apply, the latest start wins;
- a classification change applies from the month it is dated in; before a member's first recorded
  change the first change's classification applies; with no history, the member's current one.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from lib.dues.months import month_index, month_start, to_cents
from lib.models import DuesPeriod, DuesRate, MemberClassificationChange
from lib.models.enums import MemberClassification


@dataclass(frozen=True)
class Rate:
    classification: MemberClassification
    cents: int
    effective_from: date
    effective_to: date | None


def load_rates(conn: Connection) -> list[Rate]:
    rows = conn.execute(select(DuesRate.classification, DuesRate.monthly_amount,
                               DuesRate.effective_from, DuesRate.effective_to))
    return [Rate(MemberClassification(c), to_cents(a), f, t) for c, a, f, t in rows]


def rate_cents(rates: Iterable[Rate], classification: MemberClassification, month: int) -> int:
    """The monthly dues in cents of a classification for a month index (0 when no rate is set)."""
    first_day = month_start(month)
    applicable = [r for r in rates if r.classification == classification
                  and month_index(r.effective_from) <= month
                  and (r.effective_to is None or r.effective_to >= first_day)]
    return max(applicable, key=lambda r: r.effective_from).cents if applicable else 0


def period_months(conn: Connection, through: int | None = None) -> dict[int, int]:
    """{month index: period id} of every dues period (optionally only up to a month)."""
    rows = conn.execute(select(DuesPeriod.period_month, DuesPeriod.id))
    months = {month_index(m): pid for m, pid in rows}
    return {m: p for m, p in months.items() if through is None or m <= through}


def rate_schedule(rates: list[Rate], months: Iterable[int], first: int, last: int) -> dict:
    """{(classification, month): cumulative cents charged from `first` through that month}.

    Months without a dues period charge nothing. Includes `first - 1` (zero) for lookups.
    """
    existing = set(months)
    schedule = {}
    for cls in MemberClassification:
        total = 0
        schedule[(cls, first - 1)] = 0
        for month in range(first, last + 1):
            if month in existing:
                total += rate_cents(rates, cls, month)
            schedule[(cls, month)] = total
    return schedule


def classification_history(conn: Connection, member_id: int) -> list[tuple[int, MemberClassification]]:
    """[(month index, classification)] in date order."""
    rows = conn.execute(select(MemberClassificationChange.effective_from,
                               MemberClassificationChange.classification)
                        .where(MemberClassificationChange.member_id == member_id)
                        .order_by(MemberClassificationChange.effective_from))
    return [(month_index(d), MemberClassification(c)) for d, c in rows]


def classification_in(history: list, current: MemberClassification, month: int) -> MemberClassification:
    if not history:
        return current
    in_force = [cls for start, cls in history if start <= month]
    return in_force[-1] if in_force else history[0][1]
