"""Dues dashboard page: collected vs expected, collection rate, arrears ageing, methods, adjustments."""

import pandas as pd
import streamlit as st

from lib.auth.identity import Identity
from lib.dashboards import dues
from lib.dashboards.filters import Filters
from lib.ui.dashkit import ask, chart, data_table, kpi_row, page_header, sidebar_filters


def _titled(df):
    return df.rename(columns=lambda c: c.replace("_", " ").capitalize())


def render(who: Identity) -> None:
    f = sidebar_filters(who, location=True, classification=True, key="dues")
    page_header("Dues", f, "Standing and arrears as of today")
    # The ledger's standing is one ~0.8 s query at 100,000 members: asked once, shared by tiles and charts.
    snapshot = ask(dues.standing_snapshot, who, Filters(as_of=f.as_of, location_id=f.location_id,
                                                        classification=f.classification))
    # Payments per day and expected per month, for the period and the one before: one scan answers
    # the tiles, both monthly charts and payments by method.
    figures = ask(dues.dues_figures, who, dues.with_previous(f))
    kpi_row(pd.concat([ask(dues.collection_kpis, who, f, figures), dues.standing_tiles(snapshot)], ignore_index=True))
    monthly = _titled(ask(dues.collected_vs_expected, who, f, figures))
    chart(monthly, "bar", "Month", ["Collected", "Expected"], barmode="group", title="Dues collected vs expected per month",
          x_label="Month", y_label="Dollars", key="dues_monthly")
    left, right = st.columns(2)
    with left:
        overdue = snapshot.buckets[snapshot.buckets["bucket"] != dues.AGE_BUCKETS[0]]  # 'Current' would dwarf the rest
        chart(_titled(overdue), "bar", "Bucket", "Members", title="Arrears ageing: members by days overdue",
              x_label="Days overdue (oldest unpaid month)", y_label="Members", key="dues_ageing", hover_data=["Owed"])
        chart(_titled(ask(dues.adjustments_by_month, who, f)), "bar", "Month", ["Credits", "Charges"],
              barmode="group", title="Adjustments per month", x_label="Month of the period adjusted",
              y_label="Dollars", key="dues_adjustments")
    with right:
        chart(monthly, "line", "Month", "Collection rate",
              title="Collection rate per month", x_label="Month", y_label="Collected / expected",
              key="dues_rate", markers=True, y_percent=True)
        chart(_titled(ask(dues.payments_by_method, who, f, figures)), "bar", "Method", "Amount",
              title="Payments by method", x_label="Method", y_label="Dollars", key="dues_methods",
              hover_data=["Payments"])
    if not snapshot.longest_arrears.empty:
        st.subheader("Longest in arrears")
        data_table(_titled(snapshot.longest_arrears.drop(columns="member_id")), "Members 3+ months in arrears",
                   key="dues_longest", expanded=True)

