"""The filters every dashboard question takes, and the period before them for KPI changes."""

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from lib.dues.months import month_index, month_start


def months_back(day: date, months: int) -> date:
    """The first day of the month `months` before `day`'s month."""
    return month_start(month_index(day) - months)


@dataclass(frozen=True)
class Filters:
    """Hashable (frozen) so it can be part of a cache key. None means 'any'.

    The date range is inclusive; when not given it is the twelve months up to as_of (the first of
    the month eleven months back through as_of).
    """

    as_of: date = field(default_factory=date.today)
    date_from: date | None = None
    date_to: date | None = None
    location_id: int | None = None
    classification: str | None = None
    cohort_id: int | None = None
    grant_id: int | None = None

    @property
    def start(self) -> date:
        return self.date_from or months_back(self.as_of, 11)

    @property
    def end(self) -> date:
        return self.date_to or self.as_of

    def previous(self) -> "Filters":
        """The same-length period just before this one (what KPI tiles compare against)."""
        days = (self.end - self.start).days + 1
        end = self.start - timedelta(days=1)
        return replace(self, date_from=end - timedelta(days=days - 1), date_to=end, as_of=end)
