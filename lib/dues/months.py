"""Month arithmetic shared by the SQL and the Python ledgers, so both count months the same way.

A month index is year * 12 + month - 1: consecutive months differ by one, across year ends too.
"""

from datetime import date, timedelta


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def payment_deadline(index: int, grace_days: int) -> date:
    """The last day a month's dues count as on time: the first of the next month plus the grace days."""
    return month_start(index + 1) + timedelta(days=grace_days)


def required_month(as_of: date, grace_days: int) -> int:
    """The latest month that must be fully paid on `as_of` for good standing (its deadline has passed)."""
    index = month_index(as_of)
    while payment_deadline(index, grace_days) >= as_of:
        index -= 1
    return index


AGEING_BUCKETS = ("CURRENT", "1 MONTH", "2 MONTHS", "3-5 MONTHS", "6+ MONTHS")


def ageing_bucket(months_in_arrears: int) -> str:
    """The ageing bucket of a member: from the number of past months left unpaid."""
    if months_in_arrears <= 0:
        return AGEING_BUCKETS[0]
    if months_in_arrears <= 2:
        return AGEING_BUCKETS[months_in_arrears]
    return AGEING_BUCKETS[3] if months_in_arrears <= 5 else AGEING_BUCKETS[4]


def months_in_arrears(oldest_unpaid: int | None, last_owed: int, as_of: date) -> int:
    """Calendar months from the oldest unpaid one through the previous month (or the last owed one)."""
    if oldest_unpaid is None:
        return 0
    return max(0, min(month_index(as_of) - 1, last_owed) - oldest_unpaid + 1)


def to_cents(amount) -> int:
    return int((amount * 100).to_integral_value())


def label(index: int) -> str:
    return month_start(index).strftime("%b %Y")
