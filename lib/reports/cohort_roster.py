"""Cohort roster and progress: attendance, grades, credentials, tools and JATC status per student."""

from collections import Counter
from datetime import date

from sqlalchemy import Engine

from lib.auth.identity import Identity
from lib.reports import fmt
from lib.reports.access import authorize
from lib.reports.queries.cohort import EXPIRY_WINDOW_DAYS, CohortReportData, load_cohort_report
from lib.reports.layout import ReportMeta, build_pdf, empty_notice, frame_width, heading
from lib.reports.tables import Column, data_table, date_col, int_col, key_values, money_col, pct_col

TITLE = "Cohort roster and progress"


def cohort_roster_pdf(engine: Engine, who: Identity, cohort_id: int, as_of: date) -> bytes:
    authorize(who, "cohort_roster")
    with engine.connect() as conn:
        data = load_cohort_report(conn, cohort_id, as_of)
    return render(data, generated_by=who.full_name or who.email)


def render(data: CohortReportData, *, generated_by: str) -> bytes:
    cohort = data.cohort
    meta = ReportMeta(title=TITLE, generated_by=generated_by, landscape=True, subtitle=cohort.name,
                      parameters=[("Cohort", cohort.name), ("As of", fmt.day(data.as_of))])
    width = frame_width(meta)
    story = [*heading("Cohort"), key_values(_facts(data), width)]  # two columns: the instructors need the width
    if not data.roster:
        story.append(empty_notice("No students are in this cohort yet: add them on the Records page "
                                  "(Students, with this cohort)."))
        return build_pdf(meta, story)
    story += [*heading("Students"), _roster_table(data, width)]
    story += _expiring(data, width) + _tools(data, width)
    return build_pdf(meta, story)


def _facts(data: CohortReportData) -> list[tuple[str, str]]:
    c, roster = data.cohort, data.roster
    statuses = Counter(fmt.label(line.status) for line in roster)
    marked = sum(line.counted for line in roster)
    rate = fmt.ratio(sum(line.attended for line in roster), marked)
    return [("Dates", f"{fmt.day(c.start_date)} \u2013 {fmt.day(c.end_date)}"), ("Location", c.location or fmt.DASH),
            ("Funded by", c.grant or fmt.DASH),
            ("Students", f"{len(roster):,} of {c.capacity:,} places"),
            ("By status", ", ".join(f"{n} {s.lower()}" for s, n in sorted(statuses.items())) or fmt.DASH),
            ("Attendance", fmt.pct(rate)),
            ("Instructors", "; ".join(c.instructors) or fmt.DASH)]


def _roster_table(data: CohortReportData, width: float):
    columns = [Column("Student", 2.2), Column("Status", 1, fmt.label), pct_col("Attendance", 0.9),
               Column("Sessions", 0.8, str, numeric=True), pct_col("Avg grade", 0.8),
               int_col("Credentials", 0.8), int_col("Tools out", 0.7), money_col("Tools value", 0.9),
               Column("JATC application", 1.2, fmt.label)]
    rows = [[r.name, r.status, r.attendance_rate, f"{r.attended} / {r.counted}", r.average_grade, r.credentials,
             r.tools_out, r.tools_out_value, r.jatc_status] for r in data.roster]
    low = [i for i, r in enumerate(data.roster) if r.attendance_rate is not None and r.attendance_rate < 0.8]
    total = ["Total", fmt.plural(len(rows), "student"), "", "", "", sum(r.credentials for r in data.roster),
             sum(r.tools_out for r in data.roster), sum(r.tools_out_value for r in data.roster), ""]
    return data_table(columns, rows, width, total=total, alert_rows=low)


def _expiring(data: CohortReportData, width: float) -> list:
    title = f"Credentials expired or expiring within {EXPIRY_WINDOW_DAYS} days"
    if not data.expiring:
        return [*heading(title), empty_notice(f"None: no credential of this cohort expires before "
                                              f"{fmt.day(data.as_of)} + {EXPIRY_WINDOW_DAYS} days.")]
    columns = [Column("Student", 2), Column("Certification", 2.5), date_col("Expires", 1)]
    return [*heading(title), data_table(columns, data.expiring, width * 0.7)]


def _tools(data: CohortReportData, width: float) -> list:
    if not data.tools_out:
        return [*heading("Tools not returned"), empty_notice("Every tool issued to this cohort has been returned.")]
    columns = [Column("Student", 2), Column("Item", 2.5), money_col("Value", 1), date_col("Issued", 1)]
    total = ["Total", fmt.plural(len(data.tools_out), "tool"), sum(t[2] for t in data.tools_out), ""]
    return [*heading("Tools not returned"), data_table(columns, data.tools_out, width * 0.7, total=total)]
