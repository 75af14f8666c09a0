"""The grant compliance report a funder is handed: budget vs actual, hours, outcomes, burn, expenses."""

from datetime import date
from decimal import Decimal

from reportlab.platypus import KeepTogether, Spacer
from sqlalchemy import Engine

from lib.auth.identity import Identity
from lib.reports import fmt
from lib.reports.access import authorize
from lib.reports.charts import bar_chart, line_chart
from lib.reports.queries.grant import GrantReportData, load_grant_report
from lib.reports.layout import ReportMeta, build_pdf, empty_notice, frame_height, frame_width, heading, para
from lib.reports.tables import (
    Column, date_col, data_table, int_col, key_values, long_listing, money_col, pct_col,
)

TITLE = "Grant compliance report"


def grant_compliance_pdf(engine: Engine, who: Identity, grant_id: int, period_start: date | None = None,
                         period_end: date | None = None) -> bytes:
    authorize(who, "grant_compliance")
    with engine.connect() as conn:
        data = load_grant_report(conn, grant_id, period_start, period_end)
    return render(data, generated_by=who.full_name or who.email)


def render(data: GrantReportData, *, generated_by: str) -> bytes:
    grant = data.grant
    meta = ReportMeta(
        title=TITLE, generated_by=generated_by,
        subtitle=f"{grant.grant_number} \u00b7 {grant.name}",
        parameters=[("Funder", grant.funder), ("Grant", f"{grant.grant_number} \u00b7 {grant.name}"),
                    ("Reporting period", f"{fmt.day(data.period_start)} \u2013 {fmt.day(data.period_end)}")],
    )
    width = frame_width(meta)
    story = [*heading("Award"), key_values(_award_facts(data), width)]
    if not data.has_activity:
        story.append(empty_notice(
            f"No activity: no expenses and no instructor hours were charged to this grant between "
            f"{fmt.day(data.period_start)} and {fmt.day(data.period_end)}."))
        return build_pdf(meta, story + _outcomes(data, width))
    story += _budget(data, width) + _outcomes(data, width) + _instructors(data, width)
    story += _burn(data, width) + _expenses(data, width, frame_height(meta))
    return build_pdf(meta, story)


def _award_facts(data: GrantReportData) -> list[tuple[str, str]]:
    grant = data.grant
    charged_to_end = data.charged_before + data.total_charged
    return [
        ("Award amount", fmt.money(grant.award_amount)),
        ("Award period", f"{fmt.day(grant.start_date)} \u2013 {fmt.day(grant.end_date)}"),
        ("Charged in this period", fmt.money(data.total_charged)),
        ("Charged since award start", fmt.money(charged_to_end)),
        ("Award remaining", fmt.money(Decimal(grant.award_amount) - charged_to_end)),
        ("Share of award used", fmt.pct(fmt.ratio(charged_to_end, grant.award_amount))),
    ]


def _budget(data: GrantReportData, width: float) -> list:
    columns = [Column("Category", 2), money_col("Budget"), money_col("Actual"), money_col("Remaining"),
               pct_col("Used")]
    rows = [[c.category, c.budget, c.actual, c.budget - c.actual, fmt.ratio(c.actual, c.budget)]
            for c in data.categories]
    over = [i for i, c in enumerate(data.categories) if c.actual > c.budget]
    rows.append(["Instructor time charged (see hours)", None, data.instructor_cost, None, None])
    budget = sum((c.budget for c in data.categories), Decimal(0))
    total = ["Total", budget, data.total_charged, budget - data.total_charged, fmt.ratio(data.total_charged, budget)]
    chart = bar_chart("Budget and actual by category", [fmt.label(c.category) for c in data.categories],
                      [[float(c.budget) for c in data.categories], [float(c.actual) for c in data.categories]],
                      ["Budget", "Actual"], width=width, money=True)
    return [*heading("Budget vs actual by expense category"),
            data_table(columns, rows, width, total=total, alert_rows=over), Spacer(1, 8), chart]


def _outcomes(data: GrantReportData, width: float) -> list:
    columns = [Column("Participant outcome (students of the cohorts this grant funds)", 3),
               int_col("Target"), int_col("Actual"), pct_col("Of target")]
    rows = [[o.label, o.target, o.actual, fmt.ratio(o.actual, o.target)] for o in data.outcomes]
    return [KeepTogether([*heading("Participant outcomes to date"), data_table(columns, rows, width)])]


def _instructors(data: GrantReportData, width: float) -> list:
    if not data.instructors:
        return [*heading("Instructor hours and cost"), empty_notice("No instructor hours were charged in this period.")]
    columns = [Column("Instructor", 2.5), int_col("Hours", 1), money_col("Average rate"), money_col("Cost")]
    rows = [[i.name, fmt.number(i.hours, 2), i.cost / i.hours if i.hours else None, i.cost] for i in data.instructors]
    hours = sum((i.hours for i in data.instructors), Decimal(0))
    columns[1] = Column("Hours", 1, str, numeric=True)
    total = ["Total", fmt.number(hours, 2), "", data.instructor_cost]
    return [*heading("Instructor hours and cost"), data_table(columns, rows, width, total=total)]


def _burn(data: GrantReportData, width: float) -> list:
    months, cumulative, plan = burn_series(data)
    chart = line_chart("Cumulative charged vs straight-line plan", [fmt.month(m) for m in months],
                       [cumulative, plan], ["Charged (expenses + instructor time)", "Straight-line plan"],
                       width=width, money=True)
    return [KeepTogether([*heading("Burn"), chart])]


def burn_series(data: GrantReportData, today: date | None = None) -> tuple[list[date], list[float], list[float]]:
    """Month ends of the period, cumulative charges at each (through today's month: the future has no
    charges yet, a flat line there would read as spending stopped), and the award spread evenly."""
    grant, months = data.grant, _month_starts(data.period_start, data.period_end)
    term_days = max(1, (grant.end_date - grant.start_date).days + 1)
    running, cumulative, plan = data.charged_before, [], []
    for month_start in months:
        month_end = _month_end(month_start)
        running += sum((v for d, v in data.daily_spend.items() if month_start <= d <= month_end), Decimal(0))
        if month_start <= (today or date.today()):
            cumulative.append(float(running))
        elapsed = min(term_days, max(0, (month_end - grant.start_date).days + 1))
        plan.append(float(grant.award_amount) * elapsed / term_days)
    return months, cumulative or [float(data.charged_before)], plan


def _month_starts(start: date, end: date) -> list[date]:
    months, current = [], start.replace(day=1)
    while current <= end:
        months.append(current)
        current = _next_month(current)
    return months


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_end(month_start: date) -> date:
    return date.fromordinal(_next_month(month_start).toordinal() - 1)


def _expenses(data: GrantReportData, width: float, page_height: float) -> list:
    columns = [date_col("Date", 1.05), Column("Category", 1.35, fmt.label), Column("Vendor", 1.8),
               Column("Description", 2.1), money_col("Amount", 1.2)]
    total = ["Total", fmt.plural(len(data.expenses), "expense"), "", "", data.expense_total]
    title = para(f"Expense listing ({fmt.plural(len(data.expenses), 'expense')})", "h2")
    return long_listing(title, columns, data.expenses, width, page_height, total=total)
