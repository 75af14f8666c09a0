"""Training dashboard page: the pipeline funnel, cohort outcomes and rates, credentials, tools issued."""

import plotly.graph_objects as go
import streamlit as st

from lib.auth.identity import Identity
from lib.dashboards import training
from lib.ui.dashkit import ask, chart, kpi_row, no_data, page_header, show_figure, sidebar_filters

STATUS_COLORS = {"Completed": "#2e8540", "Active": "#1f4e79", "Not started": "#7f7f7f", "Dropped": "#c0392b"}


def _titled(df):
    return df.rename(columns=lambda c: c.replace("_", " ").capitalize())


def _funnel(df) -> None:
    title = "Pipeline: from student to member"
    if df.empty:
        st.markdown(f"**{title}**")
        no_data(title.lower())
        return
    fig = go.Figure(go.Funnel(y=df["Stage"], x=df["Students"], textinfo="value+percent initial",
                              marker={"color": "#1f4e79"}))
    show_figure(fig, df, title=title, x_label="Students", y_label="Stage", key="tr_funnel")


def render(who: Identity) -> None:
    f = sidebar_filters(who, location=True, cohort=True, key="training")
    page_header("Training", f,
                "Cohorts running during the period (a chosen cohort whenever it ran); credentials earned in it")
    kpi_row(ask(training.kpis, who, f))
    left, right = st.columns(2)
    with left:
        _funnel(_titled(ask(training.funnel, who, f)))
    with right:
        chart(_titled(ask(training.credentials_by_type, who, f)), "bar", "Certification", ["Earned", "Still valid"],
              barmode="group", title="Credentials earned by type", x_label="Certification", y_label="Credentials",
              key="tr_credentials")
    cohorts = _titled(ask(training.cohort_outcomes, who, f))
    chart(cohorts, "bar", "Cohort", list(STATUS_COLORS), color_discrete_map=STATUS_COLORS,
          title="Students per cohort by status", x_label="Cohort", y_label="Students", key="tr_cohorts")
    left, right = st.columns(2)
    with left:
        chart(cohorts, "bar", "Cohort", ["Completion rate", "Attendance rate"], barmode="group",
              title="Completion and attendance rate per cohort (%)", x_label="Cohort", y_label="Percent",
              key="tr_rates")
    with right:
        chart(_titled(ask(training.tools_by_cohort, who, f)), "bar", "Cohort", ["Outstanding value", "Returned value"],
              title="Tools issued per cohort ($)", x_label="Cohort", y_label="Value ($)", key="tr_tools",
              hover_data=["Items", "Issued value"])
