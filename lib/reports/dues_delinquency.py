"""The dues delinquency report: who is behind, by how long, how much, and how to reach them."""

from datetime import date

from reportlab.platypus import Spacer, Table
from sqlalchemy import Engine

from lib.auth.identity import Identity
from lib.reports import fmt
from lib.reports.access import authorize
from lib.reports.charts import bar_chart
from lib.reports.queries.dues import DelinquencyData, GroupTotal, load_delinquency
from lib.reports.layout import ReportMeta, build_pdf, empty_notice, frame_height, frame_width, heading, para
from lib.reports.tables import Column, data_table, int_col, key_values, long_listing, money_col

TITLE = "Dues delinquency report"


def dues_delinquency_pdf(engine: Engine, who: Identity, as_of: date) -> bytes:
    authorize(who, "dues_delinquency")
    with engine.connect() as conn:
        data = load_delinquency(conn, as_of)
    return render(data, generated_by=who.full_name or who.email)


def render(data: DelinquencyData, *, generated_by: str) -> bytes:
    meta = ReportMeta(title=TITLE, generated_by=generated_by, landscape=True,
                      subtitle=f"Members in arrears on {fmt.day(data.as_of)}",
                      parameters=[("As of", fmt.day(data.as_of))])
    width = frame_width(meta)
    behind = len(data.members)
    story = [key_values([("Members in arrears", f"{behind:,} of {data.members_total:,} "
                          f"({fmt.pct(fmt.ratio(behind, data.members_total))})"),
                         ("Total owed", fmt.money(data.owed_total))], width)]
    if not data.members:
        story.append(empty_notice(f"No member is in arrears on {fmt.day(data.as_of)}: every member has paid "
                                  f"through the months the standing rule requires."))
        return build_pdf(meta, story)
    story += _summaries(data, width) + _listing(data, width, frame_height(meta))
    return build_pdf(meta, story)


def _totals_table(first_header: str, groups: list[GroupTotal], width: float):
    columns = [Column(first_header, 2, fmt.label), int_col("Members", 1), money_col("Owed", 1)]
    rows = [[g.name, g.members, g.owed] for g in groups]
    total = ["Total", sum(g.members for g in groups), sum(g.owed for g in groups)]
    table = data_table(columns, rows, width, total=total)
    table.hAlign = "LEFT"
    return table


def _summaries(data: DelinquencyData, width: float) -> list:
    """Both totals side by side (the classifications are a short, fixed list), the chart under the first."""
    half = width / 2 - 10
    chart = bar_chart("Amount owed by months in arrears", [fmt.label(g.name) for g in data.by_bucket],
                      [[float(g.owed) for g in data.by_bucket]], ["Owed"], width=half, height=150, money=True)
    left = [para("By months in arrears", "h2"), _totals_table("Months in arrears", data.by_bucket, half),
            Spacer(1, 10), chart]
    right = [para("By classification", "h2"), _totals_table("Classification", data.by_classification, half)]
    side = Table([[left, right]], colWidths=[half + 20, half])
    side.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [Spacer(1, 4), side]


def _listing(data: DelinquencyData, width: float, page_height: float) -> list:
    columns = [Column("Card", 0.8), Column("Name", 1.8), Column("Classification", 1.5, fmt.label),
               Column("Email", 2.5), Column("Phone", 1.2), int_col("Months", 0.7),
               Column("Oldest unpaid", 1.0, fmt.month), money_col("Owed", 1.0)]
    rows = [[m.card_number, m.name, m.classification, m.email, m.phone, m.months_in_arrears,
             m.oldest_unpaid, m.owed] for m in data.members]
    six_plus = [i for i, m in enumerate(data.members) if m.months_in_arrears >= 6]
    total = ["Total", fmt.plural(len(rows), "member"), "", "", "", "", "", data.owed_total]
    title = para("Members in arrears (longest first; 6+ months highlighted)", "h2")
    return long_listing(title, columns, rows, width, page_height, total=total, alert_rows=six_plus)
