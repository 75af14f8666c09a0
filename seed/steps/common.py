"""Small helpers the steps share: typed step output, money, dates, weighted picks."""

import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from typing import TypeVar

T = TypeVar("T")

WA_CITIES = ("Seattle", "Kent", "Tacoma", "Everett", "Renton", "Auburn", "Bellevue", "Federal Way",
             "Burien", "Tukwila", "Lynnwood", "Puyallup", "Bremerton", "Olympia")


@dataclass(frozen=True)
class StepOutput:
    """Rows this step wrote, per table (what the progress line and summary print)."""

    counts: dict[str, int] = field(default_factory=dict)


def cents(amount: float) -> Decimal:
    """A money amount with exactly two decimals."""
    return Decimal(round(amount * 100)).scaleb(-2)


def between(rng: random.Random, start: date, end: date) -> date:
    """A day in [start, end]; `end` when the range is empty (never later than `end`)."""
    span = (end - start).days
    return start + timedelta(days=rng.randint(0, span)) if span > 0 else min(start, end)


@lru_cache(maxsize=256)
def _cumulative(choices: tuple) -> tuple[tuple, tuple[float, ...], float, int]:
    values, weights = zip(*choices)
    cumulative = tuple(accumulate(weights))
    return values, cumulative, cumulative[-1] + 0.0, len(values) - 1


def weighted(rng: random.Random, choices: tuple[tuple[T, float], ...]) -> T:
    """A weighted pick: exactly rng.choices(values, cum_weights=..., k=1)[0] (same draw, same pick,
    so the data stays the same) without its argument checks and list, which cost a million calls."""
    values, cumulative, total, hi = _cumulative(choices)
    return values[bisect(cumulative, rng.random() * total, 0, hi)]


def add_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, 28))


def month_start(day: date) -> date:
    return day.replace(day=1)


def phone(rng: random.Random, area: str = "206") -> str:
    return f"{area}-{rng.randint(200, 989)}-{rng.randint(0, 9999):04d}"
