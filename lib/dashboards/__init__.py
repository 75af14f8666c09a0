"""Leadership dashboards: the numbers, computed in SQL (no streamlit here; pages render them).

Layout: one module per dashboard (overview, members, dues, training, grants, unionops), one function
per question. Every question function has the same shape, so lib.ui.dashkit can cache any of them:

    def question(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
        require(who, Action.VIEW_DASHBOARDS)
        ...  # one SQL aggregation that works on SQLite and PostgreSQL; a small result
        return frame(conn, stmt)

- lib.dashboards.filters: `Filters` (date range, location, classification, cohort, grant, as_of)
  and the previous period for KPI changes.
- lib.dashboards.sql: `frame` (rows -> DataFrame with named columns), `month_of` (a 'YYYY-MM'
  expression on either engine), `since_months`.
- lib.dashboards.options: the choices behind the sidebar filters (locations, cohorts, grants).
"""
