"""A hand-built leadership summary (numbers chosen so the PDF can be checked by eye and by test)."""

from datetime import date

import pandas as pd

from lib.reports.summary_model import AttentionList, ChartData, Kpi, MonthlySummary


def sample_summary(*, arrears_rows: int = 3) -> MonthlySummary:
    kpis = [Kpi("Members in good standing", 912, 900, note="of 1,000 members"),
            Kpi("Dues collected", 61_250.0, 64_000.0, unit="money", note="of $62,000 expected"),
            Kpi("Active students", 140, 150, note="in 5 cohorts"),
            Kpi("Completion rate", 0.82, 0.80, unit="pct", note="of students who finished a cohort"),
            Kpi("Grant spend vs award", 0.46, 0.41, unit="pct", note="$1.2M of $2.6M awarded"),
            Kpi("Open grievances", 12, 9, higher_is_better=False, note="3 steps overdue")]
    months = [f"{m:%b %y}" for m in pd.date_range("2025-12-01", "2026-11-01", freq="MS")]
    charts = [
        ChartData("Dues collected vs expected", pd.DataFrame(
            {"month": months, "Collected": [60_000 + 100 * i for i in range(12)], "Expected": [62_000] * 12}),
            money=True),
        ChartData("Grant spend vs award", pd.DataFrame(
            {"grant": ["G-01", "G-02", "G-03"], "Award": [1_000_000, 900_000, 700_000],
             "Spent": [600_000, 400_000, 200_000]}), money=True),
        ChartData("Open grievance steps", pd.DataFrame(
            {"step": ["Step 1", "Step 2", "Step 3", "Arbitration"], "On time": [4, 3, 1, 1], "Overdue": [2, 1, 0, 0]})),
        ChartData("Students by status", pd.DataFrame(
            {"status": ["Enrolled", "Active", "Completed", "Dropped"], "Students": [40, 140, 260, 60]}), kind="hbars"),
    ]
    arrears = pd.DataFrame({
        "Member": ["Siân O'Brien-Núñez", "Łukasz Wiśniewski", "Pat Doe"][:arrears_rows],
        "Card": ["46-000001", "46-000002", "46-000003"][:arrears_rows],
        "Months behind": [7, 4, 3][:arrears_rows], "Owed": [385.0, 220.0, 165.0][:arrears_rows]})
    attention = [
        AttentionList("Overdue grievance steps", pd.DataFrame({
            "Grievance": ["G-2026-014"], "Member": ["Zoë D'Angelo"], "Step": ["Step 2"],
            "Deadline": [date(2026, 11, 20)], "Days overdue": [10]}), "No grievance step is past its deadline."),
        AttentionList("Credentials expiring within 30 days", pd.DataFrame(
            {"Student": [], "Credential": [], "Expires": []}), "No credential expires in the next 30 days."),
        AttentionList("Members 3+ months in arrears", arrears, "No member is 3 or more months behind.",
                      money=("Owed",)),
        AttentionList("Grants ending within 60 days with unspent funds", pd.DataFrame({
            "Grant": ["G-02 Rural Trades Access"], "Funder": ["Ève & O'Hara Foundation"], "Ends": [date(2026, 12, 31)],
            "Unspent": [500_000.0]}), "No grant ends in the next 60 days with money left.", money=("Unspent",)),
    ]
    return MonthlySummary(month=date(2026, 11, 1), as_of=date(2026, 11, 30), kpis=kpis, charts=charts,
                          attention=attention)


def empty_summary() -> MonthlySummary:
    kpis = [Kpi("Members in good standing", 0, 0), Kpi("Dues collected", 0.0, 0.0, unit="money")]
    return MonthlySummary(month=date(2019, 1, 1), as_of=date(2019, 1, 31), kpis=kpis, charts=[], attention=[
        AttentionList("Overdue grievance steps", pd.DataFrame(), "None.")])
