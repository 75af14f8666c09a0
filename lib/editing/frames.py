"""Between stored rows and the grid: FK ids as readable names, enums as text, and back."""

from decimal import Decimal
from typing import Any

import pandas as pd

from lib.editing.values import is_blank
from lib.registry import Entity

LABEL_SUFFIX = " (name)"


def label_column(column: str) -> str:
    return f"{column}__label"


def _cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return getattr(value, "value", value)


def to_frame(entity: type[Entity], rows: list[dict], labels: dict[str, dict[int, str]],
             choices: dict[str, dict[int, str] | None]) -> pd.DataFrame:
    """The grid's data: id first, then the listed columns; an FK shows its name."""
    records = []
    for row in rows:
        record = {"id": row["id"]}
        for column in entity.list_columns:
            value = row.get(column)
            if column in choices and choices[column] is not None:
                record[column] = choices[column].get(value) or labels.get(column, {}).get(value)
            else:
                record[column] = _cell(value)
                if column in choices:
                    record[label_column(column)] = labels.get(column, {}).get(value)
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=frame_columns(entity, choices))
    return frame.astype(object).where(frame.notna(), None)


def frame_columns(entity: type[Entity], choices: dict[str, dict[int, str] | None]) -> list[str]:
    columns = ["id"]
    for column in entity.list_columns:
        columns.append(column)
        if column in choices and choices[column] is None:
            columns.append(label_column(column))
    return columns


def from_frame(entity: type[Entity], frame: pd.DataFrame,
               choices: dict[str, dict[int, str] | None]) -> list[dict]:
    """The grid's rows as plain dicts with FK names turned back into ids."""
    back = {c: {label: i for i, label in opts.items()} for c, opts in choices.items() if opts}
    records = []
    for raw in frame.astype(object).where(frame.notna(), None).to_dict("records"):
        record = {k: v for k, v in raw.items() if not k.endswith("__label")}
        for column, mapping in back.items():
            value = record.get(column)
            if not is_blank(value):
                record[column] = mapping.get(value, value)
        records.append(record)
    return records
