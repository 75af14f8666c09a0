"""Union operations dashboard page: grievances by step and age, SALTing by outcome and target, benevolence."""

import streamlit as st

from lib.auth.identity import Identity
from lib.dashboards import union_ops
from lib.models.enums import SaltingOutcome
from lib.ui.dashkit import ask, chart, kpi_row, page_header, sidebar_filters

AGE_COLORS = dict(zip(union_ops.AGE_BUCKETS, ("#8fb8de", "#1f4e79", "#d9822b", "#c0392b")))
CLOCK_COLORS = {"Met": "#2e8540", "Late": "#b8860b", "Open": "#1f4e79", "Due Soon": "#d9822b", "Overdue": "#c0392b"}
OUTCOMES = [o.label for o in SaltingOutcome]


def _titled(df):
    return df.rename(columns=lambda c: c.replace("_", " ").capitalize())


def render(who: Identity) -> None:
    f = sidebar_filters(who, key="unionops")
    page_header("Union operations", f, "Grievances filed, SALTing done and benevolence asked for in the period")
    tiles = ask(union_ops.kpis, who, f)
    kpi_row(tiles.iloc[:3])
    kpi_row(tiles.iloc[3:])
    left, right = st.columns(2)
    with left:
        chart(_titled(ask(union_ops.open_grievances_by_step_and_age, who, f)), "bar", "Step", "Grievances",
              color="Age", color_discrete_map=AGE_COLORS, category_orders={"Age": list(AGE_COLORS)},
              hover_data=["Overdue"], title="Open grievances by step and age", x_label="Step now open",
              y_label="Grievances", key="uo_grievances")
        chart(_titled(ask(union_ops.salting_by_outcome, who, f)), "bar", "Outcome", "Activities",
              color="Activity type", category_orders={"Outcome": OUTCOMES}, title="SALTing activities by outcome",
              x_label="Outcome", y_label="Activities", key="uo_salting")
    with right:
        chart(_titled(ask(union_ops.step_clocks, who, f)), "bar", "Step", "Steps", color="Status",
              color_discrete_map=CLOCK_COLORS, category_orders={"Status": list(CLOCK_COLORS)},
              title="Grievance steps against their deadlines", x_label="Step", y_label="Steps", key="uo_clocks")
        chart(_titled(ask(union_ops.salting_by_target, who, f)), "bar", "Activities", "Target", orientation="h",
              hover_data=["Cards signed", "Hired on", "Last activity"], title="SALTing targets (top 15)",
              x_label="Activities", y_label="Target", key="uo_targets", height=520)
    chart(_titled(ask(union_ops.benevolence_by_reason, who, f)), "bar", "Reason", ["Requested", "Approved"],
          barmode="group", hover_data=["Applications", "Approved applications"],
          title="Benevolence: requested vs approved ($)", x_label="Reason", y_label="Dollars", key="uo_benevolence")
