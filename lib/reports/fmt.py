"""Numbers, money, dates and percentages formatted for people, and the guard on every cell value."""

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

DASH = "\u2014"


def cell_text(value: object) -> str:
    """Text for one table cell. A method or function here is a bug (SPEC lesson 8: `category.items`)."""
    if callable(value):
        raise TypeError(f"a report cell got a callable ({value!r}); a dict method read as an attribute?")
    if value is None:
        return DASH
    if isinstance(value, Enum):
        return label(value.value)
    return str(value)


def money(value: Decimal | float | int | None, *, cents: bool = True) -> str:
    if value is None:
        return DASH
    amount = Decimal(value)
    text = f"${abs(amount):,.2f}" if cents else f"${abs(amount):,.0f}"
    return f"-{text}" if amount < 0 else text


def number(value: int | float | Decimal | None, places: int = 0) -> str:
    return DASH if value is None else f"{value:,.{places}f}"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def pct(ratio: float | Decimal | None) -> str:
    """A ratio (0.123) as "12.3%"; None (nothing to divide by) as a dash."""
    return DASH if ratio is None else f"{float(ratio) * 100:,.1f}%"


def ratio(part: float | Decimal | int, whole: float | Decimal | int) -> float | None:
    return float(part) / float(whole) if whole else None


def day(value: date | datetime | None) -> str:
    """Dates like "Mar 3, 2026"."""
    return DASH if value is None else f"{value:%b} {value.day}, {value.year}"


def moment(value: datetime) -> str:
    return f"{day(value)} {value:%H:%M} {value.tzname() or ''}".strip()


def month(value: date) -> str:
    return f"{value:%b %Y}"


_LABELS = {"TOOLS_EQUIPMENT": "Tools & equipment", "SOUND_COMM_TECHNICIAN": "Sound & comm technician",
           "SOUND_COMM": "Sound & comm", "JATC": "JATC"}


def label(value: Enum | str | None) -> str:
    """An enum name as words: APPRENTICE_1 -> "Apprentice 1", TOOLS_EQUIPMENT -> "Tools & equipment"."""
    if value is None:
        return DASH
    name = value.value if isinstance(value, Enum) else str(value)
    return _LABELS.get(name) or name.replace("_", " ").capitalize()
