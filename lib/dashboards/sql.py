"""Small SQL helpers shared by the dashboard questions (portable between SQLite and PostgreSQL)."""

import pandas as pd
from sqlalchemy import Connection, func, literal_column
from sqlalchemy.sql.elements import ColumnElement

from lib.dues.months import month_index, month_start


def frame(conn: Connection, stmt, params: dict | None = None) -> pd.DataFrame:
    """Run a (small, aggregated) statement and return its rows with the statement's column names."""
    result = conn.execute(stmt, params or {})
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def month_of(conn: Connection, column) -> ColumnElement:
    """'YYYY-MM' of a date column, on either engine (for per-month grouping)."""
    # The format is inlined: a bound parameter would differ between SELECT and GROUP BY on PostgreSQL.
    if conn.dialect.name == "postgresql":
        return func.to_char(column, literal_column("'YYYY-MM'"))
    return func.strftime(literal_column("'%Y-%m'"), column)


def month_labels(start, end) -> list[str]:
    """Every 'YYYY-MM' from start's month through end's month, so empty months show as zero."""
    return [f"{month_start(m):%Y-%m}" for m in range(month_index(start), month_index(end) + 1)]


def fill_months(df: pd.DataFrame, start, end, month_col: str = "month") -> pd.DataFrame:
    """The frame with a row for every month of the range (missing months get zeros)."""
    months = pd.DataFrame({month_col: month_labels(start, end)})
    return months.merge(df, on=month_col, how="left").fillna(0)
