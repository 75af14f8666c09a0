"""What the leadership monthly summary shows, independent of where the numbers come from.

The loader (lib.reports.leadership_summary) fills these from the Overview dashboard's functions;
the renderer draws them. Tests can build them by hand.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd


@dataclass(frozen=True)
class Kpi:
    """One headline number this month and last month; `unit` is count, money or pct (a 0-1 ratio)."""

    label: str
    value: float | None
    previous: float | None
    unit: str = "count"
    higher_is_better: bool = True
    note: str = ""


@dataclass(frozen=True)
class ChartData:
    """A chart's series: the first column names the categories, each other column is one series."""

    title: str
    frame: pd.DataFrame
    kind: str = "bars"  # bars, hbars or lines
    money: bool = False
    none_text: str = "Nothing to show for this month."


@dataclass(frozen=True)
class AttentionList:
    """One list of things that need a decision; `money` names the columns shown as currency."""

    title: str
    frame: pd.DataFrame
    none_text: str
    money: tuple[str, ...] = ()
    total: int | None = None  # how many there are in all, when the frame lists only the most urgent

    @property
    def count(self) -> int:
        return len(self.frame) if self.total is None else max(self.total, len(self.frame))


@dataclass(frozen=True)
class MonthlySummary:
    month: date  # the first day of the month reported on
    as_of: date  # the day the figures describe: the month's last day, or today for the current month
    kpis: list[Kpi] = field(default_factory=list)
    charts: list[ChartData] = field(default_factory=list)
    attention: list[AttentionList] = field(default_factory=list)

    @property
    def previous_month(self) -> date:
        return (self.month - timedelta(days=1)).replace(day=1)

    @property
    def has_activity(self) -> bool:
        """False when every number is zero or missing and nothing needs attention (an empty month)."""
        return any(k.value or k.previous for k in self.kpis) or any(a.count for a in self.attention)


def month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - timedelta(days=1)


def report_day(month: date, today: date) -> date:
    """The last day of the month, or today while the month is still running."""
    return min(month_end(month), today)
