"""Members dashboard page: status and classification, initiations, employers, idle members, retention."""

import streamlit as st

from lib.auth.identity import Identity
from lib.dashboards import members
from lib.ui.dashkit import ask, chart, kpi_row, page_header, sidebar_filters


def _titled(df):
    return df.rename(columns=lambda c: c.replace("_", " ").capitalize())


def render(who: Identity) -> None:
    f = sidebar_filters(who, location=True, classification=True, key="members")
    page_header("Members", f, "Initiations and departures over the period; jobs as of today")
    kpi_row(ask(members.kpis, who, f))
    left, right = st.columns(2)
    with left:
        chart(_titled(ask(members.by_status_and_classification, who, f)), "bar", "Classification", "Members",
              color="Status", title="Members by classification and status", x_label="Classification",
              y_label="Members", key="mem_status")
        chart(_titled(ask(members.employment_by_contractor, who, f)), "bar", "Members", "Contractor",
              orientation="h", title="Members working by contractor (top 15)", x_label="Members working",
              y_label="Contractor", key="mem_contractors", height=520)
    with right:
        chart(_titled(ask(members.initiations_by_month, who, f)), "bar", "Month", "Initiations",
              title="New initiations per month", x_label="Month", y_label="Initiations", key="mem_new")
        chart(_titled(ask(members.without_current_employment, who, f)), "bar", "Classification",
              ["Active", "Without work"], barmode="group", title="Active members without a current job",
              x_label="Classification", y_label="Members", key="mem_idle")
    retention = _titled(ask(members.retention_by_initiation_year, who, f))
    chart(retention, "bar", "Year", "Retention", title="Retention: share still active, by initiation year",
          x_label="Initiation year", y_label="Still active", key="mem_retention", text_auto=".0%", y_percent=True,
          hover_data=["Initiated", "Still active"])
