"""Column config for st.data_editor from a registry entry (the server re-validates everything)."""

import streamlit as st

from lib.editing.frames import label_column
from lib.registry import Entity

MONEY_WORDS = ("amount", "value", "rate", "award")
LINE_PX, PADDING_PX, MAX_LINES = 19, 16, 4


def wrapped_row_height(texts, chars_per_line: int = 80) -> int | None:
    """A row height that shows the longest text on up to 4 wrapped lines (the grid wraps when rows are
    taller); None (the default 35 px) when every text fits on one line."""
    longest = max((len(str(t)) for t in texts), default=0)
    lines = min(MAX_LINES, -(-longest // chars_per_line))
    return None if lines <= 1 else lines * LINE_PX + PADDING_PX


def _number(entity: type[Entity], column: str, info, **common):
    signed = column in entity.signed_columns
    if info.kind == "int":
        return st.column_config.NumberColumn(step=1, min_value=None if signed else 0, format="%d", **common)
    money = info.decimal_places == 2 and any(w in column for w in MONEY_WORDS)
    step = 10 ** -(info.decimal_places or 0)
    return st.column_config.NumberColumn(step=step, min_value=None if signed else 0,
                                         format="dollar" if money else f"%.{info.decimal_places or 0}f", **common)


def _column(entity: type[Entity], column: str, choices: dict, editable: bool):
    info = entity.columns[column]
    common = {"label": entity.label(column), "help": entity.help.get(column),
              "required": entity.is_required(column) if editable else None, "disabled": not editable}
    if column in choices and choices[column] is not None:
        return st.column_config.SelectboxColumn(options=list(choices[column].values()), **common)
    if column in choices:
        common["label"] += " #"
        return st.column_config.NumberColumn(step=1, format="%d", **common)
    if info.kind == "enum":
        return st.column_config.SelectboxColumn(options=[m.value for m in info.enum_class],
                                                format_func=lambda v: str(v).replace("_", " ").title(), **common)
    if info.kind in ("int", "decimal", "float"):
        return _number(entity, column, info, **common)
    if info.kind == "date":
        return st.column_config.DateColumn(format="MMM D, YYYY", **common)
    if info.kind == "datetime":
        return st.column_config.DatetimeColumn(format="MMM D, YYYY h:mm a", **common)
    if info.kind == "bool":
        return st.column_config.CheckboxColumn(**common)
    return st.column_config.TextColumn(max_chars=info.max_length, **common)


def column_config(entity: type[Entity], choices: dict, may_edit: bool) -> dict:
    config = {"id": st.column_config.NumberColumn("ID", disabled=True, format="%d", width="small")}
    for column in entity.list_columns:
        config[column] = _column(entity, column, choices, may_edit and column in entity.editable_columns)
        if column in choices and choices[column] is None:
            config[label_column(column)] = st.column_config.TextColumn(entity.label(column), disabled=True)
    return config
