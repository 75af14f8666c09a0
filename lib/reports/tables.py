"""Data tables for reports: headers repeated on every page, numbers right-aligned, nothing overflowing."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Table, TableStyle

from lib.reports import fmt
from lib.reports.layout import ALERT, ALERT_BG, NAVY, RULE, STRIPE, escape, fonts, style

FONT_SIZE = 8
PADDING = 4
ROW_HEIGHT = FONT_SIZE * 1.2 + 2 * 2.5  # leading plus the top and bottom padding of _style_commands
ELLIPSIS = "\u2026"
SHORT_LISTING = 150  # rows; longer listings start on a new page, one table per page


@dataclass(frozen=True)
class Column:
    """One column: its header, share of the width, and how its values become text."""

    header: str
    weight: float = 1.0
    format: Callable[[object], str] = fmt.cell_text
    numeric: bool = False
    wrap: bool = False


def money_col(header: str, weight: float = 1.0) -> Column:
    return Column(header, weight, fmt.money, numeric=True)


def int_col(header: str, weight: float = 0.7) -> Column:
    return Column(header, weight, fmt.number, numeric=True)


def date_col(header: str, weight: float = 0.9) -> Column:
    return Column(header, weight, fmt.day)


def pct_col(header: str, weight: float = 0.7) -> Column:
    return Column(header, weight, fmt.pct, numeric=True)


def fit(text: str, width: float, font: str, size: float = FONT_SIZE) -> str:
    """Cut text with an ellipsis so that it fits the width (a long vendor name must not overflow)."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # binary search the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle].rstrip() + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def _cell(column: Column, value: object, width: float, font: str):
    if callable(value):
        fmt.cell_text(value)  # raises: a bound method in a report cell is a bug (lesson 8)
    text = column.format(value)
    if column.wrap:
        return Paragraph(escape(text), style("cell_right" if column.numeric else "cell"))
    return fit(text, width - 2 * PADDING, font)


def _header(column: Column) -> Paragraph:
    return Paragraph(escape(column.header), style("cell_head_right" if column.numeric else "cell_head"))


def data_table(columns: Sequence[Column], rows: Iterable[Sequence[object]], width: float, *,
               total: Sequence[object] | None = None, alert_rows: Iterable[int] = ()) -> Table:
    """A table that splits across pages with its header repeated; `total` is a bold last row."""
    regular, bold = fonts()
    weights = sum(c.weight for c in columns)
    widths = [width * c.weight / weights for c in columns]
    body = [[_cell(c, v, w, regular) for c, v, w in zip(columns, row, widths, strict=True)] for row in rows]
    if total is not None:
        body.append([fit(v if isinstance(v, str) else c.format(v), w - 2 * PADDING, bold)
                     for c, v, w in zip(columns, total, widths, strict=True)])
    # One-line rows get a fixed height: reportlab otherwise re-measures every remaining row at each page
    # split (quadratic: 10,000 expenses took 24 s). Only the header (which may wrap) is measured.
    heights = None if any(c.wrap for c in columns) else [None] + [ROW_HEIGHT] * len(body)
    table = Table([[_header(c) for c in columns]] + body, colWidths=widths, rowHeights=heights, repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle(_style_commands(columns, len(body), total is not None, alert_rows, regular, bold)))
    return table


def long_listing(title: Flowable, columns: Sequence[Column], rows: Sequence[Sequence[object]], width: float,
                 page_height: float, *, total: Sequence[object] | None = None,
                 alert_rows: Iterable[int] = ()) -> list[Flowable]:
    """A listing of up to thousands of rows; a long one starts on a new page, cut into one table per page.

    Each page's table fits whole, so reportlab never splits (and re-measures) a 10,000-row table;
    every page still starts with the column headers.
    """
    if len(rows) <= SHORT_LISTING:  # a short listing follows on the same page; reportlab splits it cheaply
        table = data_table(columns, rows, width, total=total, alert_rows=alert_rows)
        return [CondPageBreak(2 * inch), title, table]
    header_height = Table([[_header(c) for c in columns]], colWidths=[width / len(columns)] * len(columns)
                          ).wrap(width, page_height)[1] + 6
    title_height = title.wrap(width, page_height)[1] + 20
    per_page = int((page_height - header_height) / ROW_HEIGHT) - 1
    first = max(1, int((page_height - header_height - title_height) / ROW_HEIGHT) - 1)
    alerts, story, start = set(alert_rows), [PageBreak(), title], 0
    while start < len(rows) or not story[2:]:
        size = first if start == 0 else per_page
        chunk, last = rows[start:start + size], start + size >= len(rows)
        story.append(data_table(columns, chunk, width, total=total if last else None,
                                alert_rows=[i - start for i in alerts if start <= i < start + size]))
        if not last:
            story.append(PageBreak())
        start += size
    return story


def _style_commands(columns, body_rows, has_total, alert_rows, regular, bold) -> list:
    last = body_rows
    commands = [
        ("FONT", (0, 1), (-1, -1), regular, FONT_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    commands += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i, c in enumerate(columns) if c.numeric]
    for row in alert_rows:
        commands += [("BACKGROUND", (0, row + 1), (-1, row + 1), ALERT_BG),
                     ("TEXTCOLOR", (0, row + 1), (-1, row + 1), ALERT)]
    if has_total and last:
        commands += [("FONT", (0, last), (-1, last), bold, FONT_SIZE),
                     ("LINEABOVE", (0, last), (-1, last), 1, NAVY),
                     ("BACKGROUND", (0, last), (-1, last), colors.white)]
    return commands


def key_values(pairs: Sequence[tuple[str, str]], width: float, columns: int = 2) -> Table:
    """Label/value pairs laid out in a grid (member details, award summary)."""
    if not pairs:
        return Table([[""]])
    cells = [[Paragraph(escape(k), style("small")), Paragraph(escape(v), style("body"))] for k, v in pairs]
    per_row = [sum(cells[i:i + columns], []) for i in range(0, len(cells), columns)]
    per_row[-1] += [""] * (2 * columns - len(per_row[-1]))
    unit = width / columns
    table = Table(per_row, colWidths=[unit * 0.32, unit * 0.68] * columns, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table
