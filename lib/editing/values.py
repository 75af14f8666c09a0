"""Turn what a person typed (editor cell, CSV text) into the model's type, or say why not.

st.data_editor enforces nothing on the server, so every value goes through here before a write.
"""

import math
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from lib.registry.columns import ColumnInfo

EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]{2,}$")
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%b %d, %Y", "%B %d, %Y", "%d %b %Y")
TRUE_WORDS = {"true", "yes", "y", "1", "t", "x"}
FALSE_WORDS = {"false", "no", "n", "0", "f"}


class CellError(ValueError):
    """A value that cannot be stored in its column; the message says why, in words."""


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _show(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _to_str(info: ColumnInfo, value: Any) -> str:
    text = str(value).strip()
    if info.max_length and len(text) > info.max_length:
        raise CellError(f"is {len(text):,} characters long; at most {info.max_length:,} fit")
    if info.name == "email" or info.name.endswith("_email"):
        if not EMAIL.match(text):
            raise CellError(f"{_show(text)} is not an email address (like name@example.org)")
    return text


def _to_int(info: ColumnInfo, value: Any) -> int:
    if isinstance(value, bool):
        raise CellError(f"{_show(value)} is not a whole number")
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise CellError(f"{_show(value)} is not a whole number") from None
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(f"{_show(value)} is not a whole number")
    if abs(number) > 2**31 - 1:
        raise CellError(f"{_show(value)} is too large")
    return int(number)


def _to_decimal(info: ColumnInfo, value: Any) -> Decimal:
    text = str(value).strip().replace(",", "").lstrip("$")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(f"{_show(value)} is not a number") from None
    if not number.is_finite():
        raise CellError(f"{_show(value)} is not a number")
    places = info.decimal_places or 0
    if -number.normalize().as_tuple().exponent > places:
        raise CellError(f"{_show(value)} has more than {places} decimals")
    number = number.quantize(Decimal(1).scaleb(-places))
    if info.max_digits and abs(number) >= Decimal(10) ** (info.max_digits - places):
        raise CellError(f"{_show(value)} is too large (below {10 ** (info.max_digits - places):,})")
    return number


def _to_date(info: ColumnInfo, value: Any) -> date:
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text[:10] if fmt == "%Y-%m-%d" else text, fmt).date()
        except ValueError:
            continue
    raise CellError(f"{_show(value)} is not a date (write it like 2026-03-03)")


def _to_datetime(info: ColumnInfo, value: Any) -> datetime:
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise CellError(f"{_show(value)} is not a date and time (like 2026-03-03 14:30)") from None


def _to_bool(info: ColumnInfo, value: Any) -> bool:
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    word = str(value).strip().lower()
    if word in TRUE_WORDS | FALSE_WORDS:
        return word in TRUE_WORDS
    raise CellError(f"{_show(value)} is not yes or no")


def _to_enum(info: ColumnInfo, value: Any):
    enum_cls = info.enum_class
    text = str(getattr(value, "value", value)).strip()
    wanted = text.upper().replace(" ", "_").replace("-", "_")
    for member in enum_cls:
        if wanted in (member.value.upper(), member.name.upper()):
            return member
    choices = ", ".join(getattr(m, "label", m.value) for m in enum_cls)
    raise CellError(f"{_show(text)} is not one of: {choices}")


def _to_float(info: ColumnInfo, value: Any) -> float:
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        raise CellError(f"{_show(value)} is not a number") from None


_CONVERTERS = {"str": _to_str, "int": _to_int, "decimal": _to_decimal, "date": _to_date,
               "datetime": _to_datetime, "bool": _to_bool, "enum": _to_enum, "float": _to_float}


def coerce(info: ColumnInfo, value: Any, *, signed: bool = False) -> Any:
    """The value in the column's type; None for blank. Raises CellError with the reason."""
    if is_blank(value):
        return None
    converter = _CONVERTERS.get(info.kind)
    if converter is None:
        return value
    result = converter(info, value)
    if info.kind in ("int", "decimal", "float") and not signed and result < 0 and not info.fk_table:
        raise CellError(f"{_show(value)} must not be negative")
    return result
