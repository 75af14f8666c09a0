"""One text form per value, readable back by Python (SQLite restore) and by PostgreSQL's COPY csv."""

import json
from datetime import date, datetime
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Column, DateTime, Integer, Numeric

# NULL is an unquoted \N (COPY ... NULL '\N'), so an empty text stays an empty text. A text that is
# exactly \N would come back as NULL; nothing in UnionOps stores one.
NULL = r"\N"


def to_text(value: Any, column: Column) -> str:
    if value is None:
        return NULL
    if isinstance(column.type, JSON):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, PyEnum):
        return value.name  # what a non-native SQLAlchemy Enum stores
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def sqlite_value(text: str, column: Column) -> Any:
    """What SQLite stores for the text form (as the seed's raw inserts do: datetimes as ISO text with
    their offset, numerics as floats, enums by name, JSON as text), so values read back unchanged."""
    if text == NULL:
        return None
    kind = column.type
    if isinstance(kind, Boolean):
        return 1 if text == "true" else 0
    if isinstance(kind, Integer):
        return int(text)
    if isinstance(kind, Numeric):
        return float(text)
    if isinstance(kind, DateTime):
        return text.replace("T", " ", 1)
    return text  # dates, enums, JSON and strings are stored as this very text
