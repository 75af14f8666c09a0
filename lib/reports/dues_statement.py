"""A member's dues statement: details, standing, and a year of months with a running balance."""

from datetime import date

from reportlab.platypus import Paragraph, Spacer
from sqlalchemy import Engine

from lib.auth.identity import Identity
from lib.reports import fmt
from lib.reports.access import authorize
from lib.reports.queries.dues import StatementData, load_statement
from lib.reports.layout import (
    ALERT, GOOD, ReportMeta, build_pdf, empty_notice, escape, frame_width, heading, para, style,
)
from lib.reports.tables import Column, data_table, key_values, money_col

TITLE = "Member dues statement"


def dues_statement_pdf(engine: Engine, who: Identity, member_id: int, as_of: date) -> bytes:
    authorize(who, "dues_statement")
    with engine.connect() as conn:
        data = load_statement(conn, who, member_id, as_of)
    return render(data, generated_by=who.full_name or who.email)


def render(data: StatementData, *, generated_by: str) -> bytes:
    member = data.member
    meta = ReportMeta(title=TITLE, generated_by=generated_by,
                      subtitle=f"{member.name} \u00b7 card {member.card_number}",
                      parameters=[("Member", f"{member.name} (card {member.card_number})"),
                                  ("Statement date", fmt.day(data.as_of))])
    width = frame_width(meta)
    story = [*heading("Member"), key_values(_details(data), width), *heading("Standing"), _standing(data)]
    story += [para(note) for note in data.ledger.notes]  # the ledger's own words: same as at the counter
    story += [Spacer(1, 4), *heading(f"Twelve months to {fmt.month(data.as_of)}")]
    if not data.lines:
        story.append(empty_notice(f"No activity: nothing was owed, paid or adjusted in the twelve months to "
                                  f"{fmt.day(data.as_of)}. Opening and closing balance: "
                                  f"{fmt.money(data.opening_balance)}."))
    else:
        story.append(_ledger_table(data, width))
    return build_pdf(meta, story)


def _details(data: StatementData) -> list[tuple[str, str]]:
    m = data.member
    return [("Name", m.name), ("Card number", m.card_number),
            ("Classification", fmt.label(m.classification)), ("Status", fmt.label(m.status)),
            ("Initiated", fmt.day(m.initiation_date)), ("Home location", m.home_location or fmt.DASH),
            ("Email", m.email or fmt.DASH), ("Phone", m.phone or fmt.DASH),
            ("Address", m.address or fmt.DASH)]


def _standing(data: StatementData) -> Paragraph:
    s = data.ledger.standing
    colour, words = (GOOD, "In good standing") if s.in_good_standing else (ALERT, "Not in good standing")
    verdict = f'<font color="#{colour.hexval()[2:]}"><b>{words}</b></font>'
    balance = (f"balance owed {fmt.money(s.balance)}" if s.balance > 0 else
               f"credit {fmt.money(s.credit)} carried forward" if s.credit else "nothing owed")
    return Paragraph(f"{verdict} on {escape(fmt.day(data.as_of))}: {escape(balance)}.", style("body"))


def _ledger_table(data: StatementData, width: float):
    columns = [Column("Month", 1.35, _month_or_text), Column("Classification", 1.7, _label_or_blank), money_col("Dues"),
               money_col("Paid"), money_col("Adjusted"), money_col("Balance"), Column("Status", 0.8, fmt.label)]
    rows = [["Opening balance", "", None, None, None, data.opening_balance, None]]
    rows += [[line.month, line.classification, line.charge, line.paid, line.adjusted, line.balance,
              line.covered or None] for line in data.lines]
    behind = [i + 1 for i, line in enumerate(data.lines) if line.covered in ("unpaid", "part paid")]
    total = ["Total", "", sum(line.charge for line in data.lines), sum(line.paid for line in data.lines),
             sum(line.adjusted for line in data.lines), data.lines[-1].balance, ""]
    return data_table(columns, rows, width, total=total, alert_rows=behind)


def _month_or_text(value) -> str:
    return value if isinstance(value, str) else fmt.month(value)


def _label_or_blank(value) -> str:
    return fmt.label(value) if value else ""
