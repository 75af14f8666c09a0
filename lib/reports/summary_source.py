"""The leadership summary's numbers, taken from the Overview dashboard's own functions (no SQL here).

This month's KPIs and attention list are those of the Overview page on the report day; last month's
KPIs are the same functions on the last day of the month before, so each tile changes month over month.
"""

from datetime import date

import pandas as pd
from sqlalchemy import Connection

from lib.auth.identity import Identity
from lib.dashboards import dues, members, overview
from lib.dashboards.filters import Filters, months_back
from lib.reports.summary_model import AttentionList, ChartData, Kpi, MonthlySummary, month_end, report_day

# The Overview's attention kinds, as the report titles them, with headers for item / detail / date.
ATTENTION = {
    overview.KINDS[0]: ("Overdue grievance steps", ("Grievance and member", "Step", "Deadline"),
                        "No grievance step is past its deadline."),
    overview.KINDS[1]: (f"Credentials expiring within {overview.CREDENTIAL_DAYS} days",
                        ("Student", "Certification", "Expires"), "No credential expires in the next 30 days."),
    overview.KINDS[2]: ("Members 3+ months in arrears", ("Member", "Arrears", None),
                        "No member is 3 or more months behind on dues."),
    overview.KINDS[3]: (f"Grants ending within {overview.GRANT_DAYS} days with unspent funds",
                        ("Grant", "Unspent", "Ends"), "No grant ends in the next 60 days with money left."),
}


def month_filters(month: date, today: date) -> Filters:
    """The month (through today while it is running), the way the Overview's period filter takes it."""
    as_of = report_day(month, today)
    return Filters(as_of=as_of, date_from=month, date_to=as_of)


def load_summary(conn: Connection, who: Identity, month: date, today: date) -> MonthlySummary:
    this = month_filters(month, today)
    previous_month = months_back(month, 1)
    last = Filters(as_of=month_end(previous_month), date_from=previous_month, date_to=month_end(previous_month))
    snapshot = dues.standing_snapshot(conn, who, Filters(as_of=this.as_of))
    before = dues.standing_snapshot(conn, who, Filters(as_of=last.as_of))
    kpis = _kpis(overview.kpis(conn, who, this, snapshot), overview.kpis(conn, who, last, before))
    rows, counts = overview.attention(conn, who, this, snapshot)
    return MonthlySummary(month=month, as_of=this.as_of, kpis=kpis, charts=_charts(conn, who, this, snapshot),
                          attention=_attention(rows, counts))


def _unit(pattern: str) -> str:
    return "money" if pattern.startswith("$") else "pct" if "%" in pattern else "count"


def _kpis(now: pd.DataFrame, before: pd.DataFrame) -> list[Kpi]:
    """The Overview's tiles; 'previous' is each tile's value at the end of last month."""
    result = []
    for (_, tile), (_, old) in zip(now.iterrows(), before.iterrows(), strict=True):
        result.append(Kpi(label=tile["label"], value=_number(tile["value"]), previous=_number(old["value"]),
                          unit=_unit(tile["fmt"]), higher_is_better=tile.get("lower_is_better") is not True,
                          note=tile.get("help") if isinstance(tile.get("help"), str) else ""))
    return result


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _attention(rows: pd.DataFrame, counts: pd.DataFrame) -> list[AttentionList]:
    totals = dict(zip(counts["kind"], counts["count"], strict=True))
    lists = []
    for kind, (title, headers, none_text) in ATTENTION.items():
        part = rows[rows["kind"] == kind] if len(rows) else rows
        shown = pd.DataFrame({h: part[c].tolist() for h, c in zip(headers, ("item", "detail", "date")) if h})
        lists.append(AttentionList(title, shown, none_text, total=int(totals.get(kind, len(shown)))))
    return lists


def _month_label(key: str) -> str:
    return f"{date(int(key[:4]), int(key[5:7]), 1):%b %y}"


def _charts(conn: Connection, who: Identity, f: Filters, snapshot: dues.StandingSnapshot) -> list[ChartData]:
    """Four charts from the dashboards' functions: dues trend, arrears ageing, grant spend, new members."""
    year = Filters(as_of=f.as_of)  # the twelve months to the report day
    trend = overview.dues_trend(conn, who, year)
    trend = pd.DataFrame({"month": trend["month"].map(_month_label), "Collected": trend["collected"],
                          "Expected": trend["expected"]})
    ageing = snapshot.buckets[snapshot.buckets["bucket"] != dues.AGE_BUCKETS[0]]
    grants = overview.grant_spend(conn, who, f)
    joins = members.initiations_by_month(conn, who, year)
    return [
        ChartData("Dues collected vs expected, last 12 months", trend, money=True,
                  none_text="No dues expected or collected in these months."),
        ChartData("Dues owed by days overdue", pd.DataFrame({"bucket": ageing["bucket"], "Owed": ageing["owed"]}),
                  money=True, none_text="No member owed dues on the report day."),
        ChartData("Grant spend vs award (grants running now)",
                  pd.DataFrame({"grant": grants["grant"], "Award": grants["award"], "Spent": grants["spent"]}),
                  money=True, none_text="No grant was running on the report day."),
        ChartData("New members per month", pd.DataFrame({"month": joins["month"].map(_month_label),
                                                         "Initiations": joins["initiations"]}),
                  none_text="No member was initiated in these twelve months."),
    ]
