"""Charts drawn with reportlab's own graphics (vector, no browser): bars, grouped bars and lines."""

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from lib.reports.layout import GOLD, INK, NAVY, RULE, fonts

PALETTE = [NAVY, GOLD, colors.HexColor("#4F81BD"), colors.HexColor("#9BBB59"),
           colors.HexColor("#8064A2"), colors.HexColor("#F79646")]


def _axis_label(value: float, money: bool) -> str:
    if not money:
        return f"{value:,.0f}"
    if abs(value) >= 1_000_000:
        return f"${value / 1_000_000:,.1f}M"
    return f"${value / 1000:,.0f}k" if abs(value) >= 10_000 else f"${value:,.0f}"


def _frame(width: float, height: float, title: str) -> Drawing:
    regular, bold = fonts()
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, title, fontName=bold, fontSize=9.5, fillColor=NAVY))
    return drawing


def _legend(drawing: Drawing, names: Sequence[str], right: float, y: float) -> None:
    """Swatches and names in one row, ending at the drawing's right edge (never beyond it)."""
    if len(names) < 2:
        return
    legend = Legend()
    step = max(stringWidth(n, fonts()[0], 7.5) for n in names) + 24
    legend.x, legend.y, legend.alignment = right - step * len(names), y, "right"
    legend.fontName, legend.fontSize = fonts()[0], 7.5
    legend.columnMaximum, legend.dx, legend.dy, legend.deltax, legend.dxTextSpace = 1, 8, 8, step, 4
    legend.colorNamePairs = list(zip(PALETTE, names, strict=False))
    drawing.add(legend)


def _whole_steps(chart, money: bool) -> None:
    """Counts up to 5 step by 1 (reportlab picks 0.5 and the labels read 0, 0, 1, 1, 2...)."""
    top = max((max(series) for series in chart.data if len(series)), default=0)
    if not money and top < 6:
        chart.valueAxis.valueStep = 1


def _style_axes(chart, money: bool) -> None:
    regular = fonts()[0]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = regular, 7
        axis.strokeColor, axis.labels.fillColor = RULE, INK
    chart.valueAxis.labelTextFormat = lambda v: _axis_label(v, money)
    chart.valueAxis.gridStrokeColor, chart.valueAxis.visibleGrid = RULE, True
    chart.valueAxis.forceZero, chart.valueAxis.rangeRound = True, "ceiling"


def bar_chart(title: str, categories: Sequence[str], series: Sequence[Sequence[float]], names: Sequence[str],
              *, width: float, height: float = 170, money: bool = False) -> Drawing:
    """Vertical bars, one group per category and one colour per series (e.g. budget vs actual)."""
    drawing = _frame(width, height, title)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 45, 38, width - 55, height - 80
    chart.data = [list(s) for s in series] if any(any(s) for s in series) else [[0] * len(categories)]
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.angle, chart.categoryAxis.labels.boxAnchor = (30, "ne") if len(categories) > 6 else (0, "n")
    _style_axes(chart, money)
    _whole_steps(chart, money)
    chart.valueAxis.valueMin = 0
    chart.barSpacing, chart.groupSpacing = 1, 8
    for i in range(len(chart.data)):
        chart.bars[i].fillColor, chart.bars[i].strokeColor = PALETTE[i % len(PALETTE)], None
    drawing.add(chart)
    _legend(drawing, names, width, height - 24)
    return drawing


def hbar_chart(title: str, labels: Sequence[str], values: Sequence[float], *, width: float,
               height: float = 170, money: bool = False) -> Drawing:
    """Horizontal bars for a ranking or a breakdown with long labels."""
    drawing = _frame(width, height, title)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 110, 20, width - 125, height - 42
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    _style_axes(chart, money)
    _whole_steps(chart, money)
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor, chart.bars[0].strokeColor = NAVY, None
    drawing.add(chart)
    return drawing


def line_chart(title: str, x_labels: Sequence[str], series: Sequence[Sequence[float]], names: Sequence[str],
               *, width: float, height: float = 180, money: bool = False) -> Drawing:
    """Lines over an ordered x axis (months), e.g. cumulative spend against the straight-line plan."""
    drawing = _frame(width, height, title)
    chart = LinePlot()
    chart.x, chart.y, chart.width, chart.height = 50, 22, width - 60, height - 64
    chart.data = [list(enumerate(s)) for s in series]
    regular = fonts()[0]
    chart.xValueAxis.valueSteps = list(range(len(x_labels)))
    step = max(1, len(x_labels) // 8)
    chart.xValueAxis.labelTextFormat = lambda i: x_labels[int(i)] if int(i) % step == 0 and int(i) < len(x_labels) else ""
    for axis in (chart.xValueAxis, chart.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize, axis.strokeColor = regular, 7, RULE
    chart.yValueAxis.labelTextFormat = lambda v: _axis_label(v, money)
    chart.yValueAxis.rangeRound = "ceiling"
    chart.yValueAxis.valueMin, chart.yValueAxis.visibleGrid, chart.yValueAxis.gridStrokeColor = 0, True, RULE
    for i in range(len(series)):
        chart.lines[i].strokeColor, chart.lines[i].strokeWidth = PALETTE[i % len(PALETTE)], 1.8
    chart.lines[1].strokeDashArray = [4, 3] if len(series) > 1 else None
    drawing.add(chart)
    _legend(drawing, names, width, height - 24)
    return drawing
