"""Overview: leadership's home page (tiles, two trends and the attention list)."""

import pandas as pd
import streamlit as st

from lib.auth.identity import Identity
from lib.dashboards import dues, overview
from lib.dashboards.filters import Filters
from lib.ui.dashkit import ask, chart, data_table, kpi_row, page_header, sidebar_filters


def attention_list(rows: pd.DataFrame, counts: pd.DataFrame) -> None:
    st.subheader("Needs attention")
    if counts["count"].sum() == 0:
        st.success("Nothing needs attention: no overdue steps, expiring credentials, long arrears or ending grants.")
        return
    for kind, total in zip(counts["kind"], counts["count"]):
        if not total:
            continue
        shown = rows[rows["kind"] == kind].drop(columns="kind")
        more = f" (showing the first {len(shown)})" if total > len(shown) else ""
        with st.expander(f"{kind}: {total:,}{more}", expanded=total <= 10):
            st.dataframe(shown.rename(columns=str.title), hide_index=True, width="stretch")


def overview_tiles(who: Identity, f: Filters) -> tuple[pd.DataFrame, dues.StandingSnapshot, dues.DuesFigures]:
    """The Overview's KPI tiles, with the dues standing asked as its own cached question: the Home
    page, the Overview and the Dues page then share one standing run (~0.8 s at 100,000 members).
    The dues figures (payments per day, expected per month) are asked once for the tiles and the trend."""
    snapshot = ask(dues.standing_snapshot, who, Filters(as_of=f.as_of))
    figures = ask(dues.dues_figures, who, overview.dues_window(f))
    return ask(overview.kpis, who, f, snapshot, figures), snapshot, figures


def render(who: Identity) -> None:
    f = sidebar_filters(who, key="overview")
    page_header("Overview", f, "Dues this month and standing as of today; rates over the period")
    tiles, snapshot, figures = overview_tiles(who, f)
    rows, counts = ask(overview.attention, who, f, snapshot)
    kpi_row(tiles.iloc[:4])
    kpi_row(tiles.iloc[4:])
    left, right = st.columns(2)
    with left:
        trend = ask(overview.dues_trend, who, f, figures).rename(columns={"month": "Month", "collected": "Collected",
                                                                 "expected": "Expected", "collection_rate": "Rate"})
        chart(trend, "bar", "Month", ["Collected", "Expected"], title="Dues collected vs expected",
              x_label="Month", y_label="Dollars", key="ov_dues", barmode="group")
    with right:
        grants = ask(overview.grant_spend, who, f).rename(columns={"grant": "Grant", "award": "Award", "spent": "Spent",
                                                                   "spent_before": "Spent before period"})
        chart(grants, "bar", "Grant", ["Award", "Spent"], title="Grant spend vs award (running grants)",
              x_label="Grant", y_label="Dollars", key="ov_grants", barmode="group")
    attention_list(rows, counts)
    data_table(tiles[["label", "value", "previous"]], "Overview figures", key="ov_kpis")
