"""Grants dashboard page: award vs spent, budget by category, burn against the plan, instructor cost, outcomes."""

import streamlit as st

from lib.auth.identity import Identity
from lib.dashboards import grants
from lib.ui.dashkit import ask, chart, kpi_row, page_header, sidebar_filters


def _titled(df):
    return df.rename(columns=lambda c: c.replace("_", " ").capitalize())


def render(who: Identity) -> None:
    f = sidebar_filters(who, grant=True, key="grants")
    page_header("Grants", f, "Grants whose award period overlaps the date range (a chosen grant whatever its "
                             "dates); spending up to today")
    kpi_row(ask(grants.kpis, who, f))
    awards = _titled(ask(grants.award_vs_spent, who, f))
    chart(awards, "bar", "Grant", ["Spent", "Remaining"], title="Award: spent and remaining per grant ($)",
          x_label="Grant", y_label="Dollars", key="gr_awards",
          hover_data=["Name", "Pct spent", "Pct time", "Days left"])
    left, right = st.columns(2)
    with left:
        chart(_titled(ask(grants.burn, who, f)), "line", "Month", ["Spent to date", "Planned to date"],
              title="Burn: spent to date against a straight-line plan ($)", x_label="Month", y_label="Dollars",
              key="gr_burn", line_dash="variable", color_discrete_map={"Spent to date": "#1f4e79",
                                                                       "Planned to date": "#7f7f7f"})
        chart(_titled(ask(grants.outcomes, who, f)), "bar", "Measure", ["Target", "Actual"], barmode="group",
              title="Outcomes: targets vs actual students", x_label="Measure", y_label="Students", key="gr_outcomes")
    with right:
        chart(_titled(ask(grants.spend_by_category, who, f)), "bar", "Category", ["Budget", "Spent"], barmode="group",
              title="Expenses by category against the budget ($)", x_label="Category", y_label="Dollars",
              key="gr_categories")
        chart(_titled(ask(grants.instructor_cost, who, f)), "bar", "Grant", "Cost", hover_data=["Hours", "Instructors"],
              title="Instructor hours cost per grant ($)", x_label="Grant", y_label="Dollars", key="gr_instructors")
