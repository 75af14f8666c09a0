"""Building blocks of the leadership summary: KPI tiles, a grid of charts, and DataFrame tables."""

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from lib.reports import fmt
from lib.reports.charts import bar_chart, hbar_chart, line_chart
from lib.reports.layout import ALERT, GOOD, MUTED, NAVY, STRIPE, escape, fonts, style
from lib.reports.summary_model import ChartData, Kpi
from lib.reports.tables import Column, data_table

UP, DOWN = "\u25b2", "\u25bc"
TILE_GAP = 6


def _tile_styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    base = ParagraphStyle("tile", fontName=regular, fontSize=8, leading=10, textColor=MUTED, alignment=TA_LEFT)
    return {"label": ParagraphStyle("tile_label", base, fontName=bold, textColor=NAVY),
            "value": ParagraphStyle("tile_value", base, fontName=bold, fontSize=17, leading=21, textColor=NAVY),
            "change": ParagraphStyle("tile_change", base, fontSize=8, leading=10),
            "note": ParagraphStyle("tile_note", base, fontSize=7.5, leading=9.5)}


def kpi_value(value: float | None, unit: str) -> str:
    if value is None:
        return fmt.DASH
    if unit == "money":
        return fmt.money(Decimal(str(value)), cents=False)
    return fmt.pct(value) if unit == "pct" else fmt.number(value)


def kpi_change(kpi: Kpi, previous_label: str) -> tuple[str, colors.Color]:
    """'▲ 12 (+1.5%) vs Oct 2026' and its colour: green when the move is good, red when it is bad."""
    if kpi.value is None or kpi.previous is None:
        return f"No figure for {previous_label}" if kpi.previous is None else "No figure this month", MUTED
    delta = kpi.value - kpi.previous
    if round(delta, 6) == 0:
        return f"No change vs {previous_label}", MUTED
    arrow = UP if delta > 0 else DOWN
    if kpi.unit == "pct":
        amount = f"{abs(delta) * 100:,.1f} pts"
    else:
        amount = kpi_value(abs(delta), kpi.unit)
        relative = fmt.ratio(delta, kpi.previous) if kpi.previous else None
        amount += f" ({relative * 100:+,.1f}%)" if relative is not None else ""
    good = (delta > 0) == kpi.higher_is_better
    return f"{arrow} {amount} vs {previous_label}", GOOD if good else ALERT


def kpi_tiles(kpis: Sequence[Kpi], previous_label: str, width: float) -> Table:
    """The headline numbers as tiles: label, value, change against last month, and a note."""
    styles = _tile_styles()
    per_row = 3  # four to a row wraps the Overview's longer labels and the values no longer line up
    cells = []
    for kpi in kpis:
        change, colour = kpi_change(kpi, previous_label)
        cells.append([Paragraph(escape(kpi.label), styles["label"]),
                      Paragraph(escape(kpi_value(kpi.value, kpi.unit)), styles["value"]),
                      Paragraph(escape(change), ParagraphStyle("tile_change_c", styles["change"], textColor=colour)),
                      Paragraph(escape(kpi.note), styles["note"])])
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    blanks = per_row - len(rows[-1])
    rows[-1] += [""] * blanks
    table = Table(rows, colWidths=[width / per_row] * per_row, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), STRIPE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("INNERGRID", (0, 0), (-1, -1), TILE_GAP, colors.white),  # white gutters between the tiles
        ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ] + ([("BACKGROUND", (per_row - blanks, -1), (-1, -1), colors.white)] if blanks else [])))
    return table


def chart_drawing(chart: ChartData, width: float, height: float):
    """A reportlab drawing of the chart's frame: bars, horizontal bars or lines."""
    frame = chart.frame
    series = [[float(v or 0) for v in frame[c]] for c in frame.columns[1:]]
    if not any(any(s) for s in series):  # all zero: an axis of "$0" labels says less than a sentence
        return _no_chart(chart, width, height)
    categories = [str(c) for c in frame.iloc[:, 0]]
    names = [str(c) for c in frame.columns[1:]]
    if chart.kind == "hbars":
        return hbar_chart(chart.title, categories, series[0] if series else [], width=width, height=height,
                          money=chart.money)
    if chart.kind == "lines":
        return line_chart(chart.title, categories, series, names, width=width, height=height, money=chart.money)
    return bar_chart(chart.title, categories, series, names, width=width, height=height, money=chart.money)


def _no_chart(chart: ChartData, width: float, height: float) -> Drawing:
    """The chart's title and a sentence in its place (reportlab's charts fail on no data at all)."""
    regular, bold = fonts()
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, chart.title, fontName=bold, fontSize=9.5, fillColor=NAVY))
    drawing.add(Rect(0, 20, width, height - 44, fillColor=STRIPE, strokeColor=None))
    drawing.add(String(width / 2, height / 2 - 8, chart.none_text, fontName=regular, fontSize=8.5,
                       fillColor=MUTED, textAnchor="middle"))
    return drawing


def chart_grid(charts: Sequence[ChartData], width: float, height: float = 160) -> Table:
    """Charts two to a row."""
    half = (width - 14) / 2
    drawings = [chart_drawing(c, half, height) for c in charts]
    rows = [drawings[i:i + 2] + [""] * (2 - len(drawings[i:i + 2])) for i in range(0, len(drawings), 2)]
    grid = Table(rows, colWidths=[half + 14, half], hAlign="LEFT")
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    return grid


def _is_day(value: object) -> bool:
    return isinstance(value, (date, datetime, pd.Timestamp))


def _column_for(frame: pd.DataFrame, name: str, money: Sequence[str]) -> Column:
    values = frame[name].dropna()
    if name in money:
        return Column(name, 0.9, lambda v: fmt.money(Decimal(str(v))) if v is not None else fmt.DASH, numeric=True)
    if len(values) and all(_is_day(v) for v in values):
        return Column(name, 0.9, lambda v: fmt.day(v) if _is_day(v) else fmt.DASH)
    if len(values) and pd.api.types.is_numeric_dtype(values):
        return Column(name, 0.6, lambda v: fmt.number(v) if v is not None and not pd.isna(v) else fmt.DASH,
                      numeric=True)
    longest = max([len(name)] + [len(str(v)) for v in values.head(200)])
    return Column(name, min(2.4, max(0.8, longest / 14)))


def frame_table(frame: pd.DataFrame, width: float, money: Sequence[str] = ()) -> Table:
    """A DataFrame as a report table: headers from its columns, formats from its values."""
    columns = [_column_for(frame, name, money) for name in frame.columns]
    rows = [[None if _missing(v) else v for v in row] for row in frame.itertuples(index=False, name=None)]
    return data_table(columns, rows, width)


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
