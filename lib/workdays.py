"""Business-day arithmetic for deadlines (weekends and listed holidays skipped)."""

from collections.abc import Iterable
from datetime import date, timedelta


def is_business_day(day: date, holidays: frozenset[date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_business_days(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    """The date `days` business days after `start` (start itself never counts)."""
    off = frozenset(holidays)
    current, remaining = start, days
    while remaining > 0:
        current += timedelta(days=1)
        if is_business_day(current, off):
            remaining -= 1
    return current
