"""The leadership monthly summary: the Overview's KPIs against last month, four charts, the attention list."""

from datetime import date

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
from sqlalchemy import Engine

from lib.auth.identity import Identity
from lib.reports import fmt
from lib.reports.access import authorize
from lib.reports.layout import ReportMeta, build_pdf, empty_notice, frame_width, heading, para
from lib.reports.summary_blocks import chart_grid, frame_table, kpi_tiles
from lib.reports.summary_model import AttentionList, MonthlySummary
from lib.reports.summary_source import load_summary

TITLE = "Leadership monthly summary"


def leadership_summary_pdf(engine: Engine, who: Identity, month: date, today: date | None = None) -> bytes:
    """The summary of `month` (any day in it), with figures through today while the month is running."""
    authorize(who, "leadership_summary")
    with engine.connect() as conn:
        summary = load_summary(conn, who, month.replace(day=1), today or date.today())
    return render(summary, generated_by=who.full_name or who.email)


def month_name(month) -> str:
    return f"{month:%B %Y}"


def render(summary: MonthlySummary, *, generated_by: str) -> bytes:
    meta = ReportMeta(title=TITLE, generated_by=generated_by, subtitle=month_name(summary.month),
                      parameters=[("Month", month_name(summary.month)), ("Figures as of", fmt.day(summary.as_of)),
                                  ("Compared with", month_name(summary.previous_month))])
    width = frame_width(meta)
    if not summary.has_activity:
        return build_pdf(meta, [empty_notice(
            f"No activity in {month_name(summary.month)}: no members, dues, students, grants or grievances "
            f"were on record, and nothing needs attention. Pick another month, or check that data has been "
            f"entered (Records page).")])
    story = [*heading("At a glance"), kpi_tiles(summary.kpis, fmt.month(summary.previous_month), width)]
    if summary.charts:
        story += [*heading("Trends"), chart_grid(summary.charts, width)]
    story += _attention(summary, width)
    return build_pdf(meta, story)


def _attention(summary: MonthlySummary, width: float) -> list:
    total = sum(a.count for a in summary.attention)
    story = [*heading(f"Needs attention ({fmt.plural(total, 'item')})")]
    for item in summary.attention:
        story += _attention_list(item, width)
    return story


def _attention_list(item: AttentionList, width: float) -> list:
    title = para(f"{item.title} ({item.count:,})", "h3")
    if item.frame.empty:
        return [KeepTogether([title, para(item.none_text, "small"), Spacer(1, 4)])]
    if item.count > len(item.frame):  # the Overview lists the most urgent; say so rather than imply all
        title = KeepTogether([title, para(f"The {len(item.frame):,} most urgent of {item.count:,} are listed; "
                                          f"the Overview dashboard and the records have them all.", "small")])
    table = frame_table(item.frame, width, item.money)
    if len(item.frame) < 15:  # a short list stays on one page with its title
        return [KeepTogether([title, table]), Spacer(1, 6)]
    return [CondPageBreak(1.2 * inch), title, table, Spacer(1, 6)]
