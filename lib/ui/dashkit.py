"""The dashboard kit: what every dashboard page is built from, so they look and behave the same.

Numbers come from lib.dashboards question functions `(conn, who, f: Filters) -> DataFrame` (SQL
aggregation, small results). A page script stays thin:

    who = require_page(Action.VIEW_DASHBOARDS)
    f = sidebar_filters(who, location=True, classification=True)      # -> lib.dashboards.Filters
    tiles = ask(members.kpis, who, f)                                  # cached, permission-checked
    kpi_row(tiles)                                                     # label, value, previous, fmt
    chart(ask(members.by_status, who, f), "bar", x="status", y="members", title="Members by status",
          x_label="Status", y_label="Members", key="by_status")

Pieces:
- `ask(question, who, f, *args)`: require(VIEW_DASHBOARDS), then the cached result. The cache
  (st.cache_data, TTL_SECONDS) is keyed on the database URL, the question's name, the filters and
  the args. Run an expensive shared input (the all-members dues standing) once: ask it as its own
  question and pass the answer on, e.g. `snap = ask(dues.standing_snapshot, who, Filters(as_of=...))`
  then `ask(overview.kpis, who, f, snap)`; the Overview and Dues pages then share one standing.
  Likewise the dues figures (payments per day, expected per month): `figs = ask(dues.dues_figures,
  who, dues.with_previous(f))` answers the Dues page's tiles, monthly charts and payments by method.
- `clear_dashboard_caches()`: call after any write (record saves, forms, imports, reverts, demo
  data) so the next dashboard run shows the new data.
- `kpi(column, label, value, previous, fmt=..., lower_is_better=...)`: a bordered st.metric with
  the change against the previous period; `kpi_row(frame)` lays a frame of tiles out in a row
  (columns label, value and optionally previous, fmt, lower_is_better, help).
- `chart(df, kind, x, y, title=, x_label=, y_label=, key=)`: a plotly chart (bar, line, area,
  funnel, scatter, pie) sized and lettered for a projector, with the data behind an expander and a
  CSV download; an empty frame shows `no_data` instead. `show_figure(fig, df, ...)` does the same
  for a figure built by hand (both refuse a chart without a title or axis labels).
- `no_data(what)`: the friendly message when the filters match nothing.
- `sidebar_filters(who, dates=, location=, classification=, cohort=, grant=)`: the sidebar
  widgets, returning a `Filters` (the default period as None, so it shares cache entries with
  Filters()); `page_header(title, f)`: the title, the period and the period compared with.
"""

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st
from sqlalchemy import Connection

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.config import get_settings
from lib.dashboards import options
from lib.dashboards.filters import Filters, months_back
from lib.db import get_engine
from lib.models.enums import MemberClassification

TTL_SECONDS = 300  # five minutes: meetings see fresh data; writes in this app clear it at once
CHART_HEIGHT = 420
FONT_SIZE = 16  # readable from the back of a meeting room
COLORS = ["#1f4e79", "#d9822b", "#2e8540", "#c0392b", "#7d3c98", "#17a2b8", "#7f7f7f", "#b8860b"]
Question = Callable[[Connection, Identity, Filters], Any]


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=2000)
def _cached(database_url: str, name: str, f: Filters, args: tuple, _question: Question, _who: Identity) -> Any:
    with get_engine().connect() as conn:
        return _question(conn, _who, f, *args)


def ask(question: Question, who: Identity, f: Filters, *args) -> Any:
    """The question's answer for these filters, from the cache when fresh (permission checked first).
    Extra args (e.g. a StandingSnapshot already asked) are passed on and are part of the cache key."""
    require(who, Action.VIEW_DASHBOARDS)
    name = f"{question.__module__}.{question.__qualname__}"
    return _cached(get_settings().database_url, name, f, args, _question=question, _who=who)


def clear_dashboard_caches() -> None:
    """Forget every cached dashboard answer (call after a write)."""
    _cached.clear()


def no_data(what: str | None = None) -> None:
    subject = f"No {what} to show" if what else "No data to show"
    st.info(f"{subject} for these filters. Try a wider date range, or 'Any' in the sidebar.",
            icon=":material/filter_alt_off:")


def delta_text(value: float, previous: float, fmt: str) -> str:
    """'+12', '-$340' ...: the sign first, so st.metric colours it the right way."""
    change = value - previous
    sign = "-" if change < 0 else "+"
    if "%" in fmt:  # a change of a rate reads best in percentage points
        return f"{sign}{abs(change) * 100:.1f} pts"
    return sign + fmt.format(abs(change))


def tile_value(value: float, fmt: str) -> str:
    """Six-figure dollar amounts in short form ($556.4k, $8.21M): a tile in a row of five holds ~8 characters."""
    if fmt.startswith("$") and abs(value) >= 100_000:
        return f"${value / 1e6:,.2f}M" if abs(value) >= 1e6 else f"${value / 1e3:,.1f}k"
    return fmt.format(value)


def kpi(column, label: str, value: float | None, previous: float | None = None, *,
        fmt: str = "{:,.0f}", lower_is_better: bool = False, help: str | None = None) -> None:
    shown = "—" if value is None or pd.isna(value) else tile_value(value, fmt)
    if shown != "—" and shown != fmt.format(value):
        help = f"{fmt.format(value)} exactly. {help or ''}".strip()  # the short form loses the exact amount
    delta = None
    if value is not None and previous is not None and not pd.isna(value) and not pd.isna(previous):
        delta = delta_text(value, previous, fmt)
    color = "off" if delta and value == previous else "inverse" if lower_is_better else "normal"
    column.metric(label, shown, delta=delta, delta_color=color, help=help, border=True,
                  delta_description="vs prior period" if delta else None)


def kpi_row(tiles: pd.DataFrame) -> None:
    """One bordered tile per row of `tiles` (label, value and optionally previous, fmt, lower_is_better, help)."""
    if tiles.empty:
        return
    for column, tile in zip(st.columns(len(tiles)), tiles.to_dict("records")):
        given = {k: v for k, v in tile.items() if v is not None and not (isinstance(v, float) and pd.isna(v))}
        kpi(column, given["label"], given.get("value"), given.get("previous"), fmt=given.get("fmt", "{:,.0f}"),
            lower_is_better=bool(given.get("lower_is_better")), help=given.get("help"))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "data"


def data_table(df: pd.DataFrame, title: str, key: str, expanded: bool = False) -> None:
    with st.expander(f"Data: {title}", expanded=expanded):
        st.dataframe(df, hide_index=True, width="stretch")
        st.download_button("Download CSV", df.to_csv(index=False).encode(), file_name=f"{_slug(title)}.csv",
                           mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:")


def style(fig: go.Figure, title: str, x_label: str, y_label: str, height: int = CHART_HEIGHT) -> go.Figure:
    if not (title and x_label and y_label):
        raise ValueError("Every dashboard chart needs a title and both axis labels.")
    fig.update_layout(title={"text": title, "font": {"size": FONT_SIZE + 6}}, height=height,
                      font={"size": FONT_SIZE}, colorway=COLORS, template="plotly_white",
                      margin={"l": 10, "r": 10, "t": 60, "b": 10}, legend={"title": {"text": ""}})
    fig.update_xaxes(title_text=x_label)
    fig.update_yaxes(title_text=y_label)
    return fig


def show_figure(fig: go.Figure, df: pd.DataFrame, *, title: str, x_label: str, y_label: str, key: str,
                height: int = CHART_HEIGHT) -> None:
    """A hand-built figure, styled like the others, with its data table and CSV below."""
    # theme=None: our high-contrast colours and large letters, not the theme's pale blues.
    st.plotly_chart(style(fig, title, x_label, y_label, height), key=f"{key}_chart", theme=None,
                    config={"displaylogo": False})
    data_table(df, title, key)


def _all_zero(df: pd.DataFrame, y: str | list[str]) -> bool:
    """A chart of nothing but zeros (empty months filled in) says 'no data' better as a message."""
    values = df[[y] if isinstance(y, str) else y].select_dtypes("number")
    return not values.empty and bool((values.fillna(0) == 0).all().all())


CHART_KINDS = {"bar": px.bar, "line": px.line, "area": px.area, "funnel": px.funnel,
               "scatter": px.scatter}


def chart(df: pd.DataFrame | None, kind: str, x: str, y: str | list[str], *, title: str, x_label: str,
          y_label: str, key: str, color: str | None = None, height: int = CHART_HEIGHT, y_percent: bool = False,
          **px_args) -> None:
    """A titled, labelled chart of a small frame; the friendly message when it is empty.
    y_percent: the values are shares (0..1), shown as percentages."""
    if df is None or df.empty or _all_zero(df, y):
        st.markdown(f"**{title}**")
        no_data(title.lower())
        return
    fig = _figure(df, kind, x, y, color, y_percent, (title, x_label, y_label, height), px_args)
    st.plotly_chart(fig, key=f"{key}_chart", theme=None, config={"displaylogo": False})
    data_table(df, title, key)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=500)
def _figure(df: pd.DataFrame, kind: str, x: str, y, color, y_percent: bool, text: tuple, px_args: dict) -> go.Figure:
    """The styled figure of a frame, cached on the frame's content: plotly express takes 0.1-0.25 s a
    chart on this machine, which a page of six charts would pay again on every rerun."""
    px_args = {"color_discrete_sequence": COLORS, "template": "plotly_white", **px_args}
    if kind == "pie":
        fig = px.pie(df, names=x, values=y, hole=0.45, **px_args)
    else:
        fig = CHART_KINDS[kind](df, x=x, y=y, color=color, **px_args)
    if kind in ("line", "area"):
        fig.update_traces(line={"width": 3})
    if px_args.get("orientation") == "h":
        fig.update_yaxes(autorange="reversed")  # the frame's first row on top (largest first)
    if y_percent:
        fig.update_yaxes(tickformat=".0%")
    title, x_label, y_label, height = text
    return style(fig, title, x_label, y_label, height)


def _pick(label: str, frame: pd.DataFrame, key: str) -> int | None:
    names = dict(zip(frame["id"], frame["name"])) if not frame.empty else {}
    return st.sidebar.selectbox(label, [None, *names], key=key,
                                format_func=lambda i: "Any" if i is None else names.get(i, str(i)))


def _date_range(today: date, key: str) -> tuple[date | None, date | None]:
    default = (months_back(today, 11), today)
    picked = st.sidebar.date_input("Date range", value=default, min_value=date(1970, 1, 1), max_value=today,
                                   key=key, format="YYYY-MM-DD")
    if isinstance(picked, (tuple, list)) and len(picked) == 2 and tuple(picked) != default:
        return picked[0], picked[1]
    # The default period (or a half-picked range) stays None: Filters() then shares its cache entries.
    return None, None


def sidebar_filters(who: Identity, *, dates: bool = True, location: bool = False,
                    classification: bool = False, cohort: bool = False, grant: bool = False,
                    key: str = "dash") -> Filters:
    """The sidebar filters a dashboard asks for; everything else stays 'Any'."""
    today = date.today()
    base = Filters(as_of=today)
    st.sidebar.header("Filters")
    start, end = _date_range(today, f"{key}_dates") if dates else (None, None)
    loc = _pick("Location", ask(options.locations, who, base), f"{key}_location") if location else None
    cls = st.sidebar.selectbox("Classification", [None, *[c.value for c in MemberClassification]],
                               key=f"{key}_classification",
                               format_func=lambda c: "Any" if c is None else MemberClassification(c).label
                               ) if classification else None
    coh = _pick("Cohort", ask(options.cohorts, who, base), f"{key}_cohort") if cohort else None
    gr = _pick("Grant", ask(options.grants, who, base), f"{key}_grant") if grant else None
    return Filters(as_of=today, date_from=start, date_to=end, location_id=loc, classification=cls,
                   cohort_id=coh, grant_id=gr)


def page_header(title: str, f: Filters, caption: str = "") -> None:
    st.title(title)
    prev = f.previous()
    period = f"{f.start:%b %-d, %Y} – {f.end:%b %-d, %Y}"
    prior = f"changes compare with {prev.start:%b %-d, %Y} – {prev.end:%b %-d, %Y}"
    st.caption(" · ".join(p for p in (f"Period: {period}", prior, f"as of {f.as_of:%b %-d, %Y}", caption) if p))
