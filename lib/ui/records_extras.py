"""Panels around the grid: what went wrong on save, conflicts with other people's edits, export."""

import pandas as pd
import streamlit as st

from lib.audit import jsonable
from lib.auth.identity import Identity
from lib.auth.permissions import Action, can
from lib.db import get_engine
from lib.editing.listing import PageRequest, iter_all_rows
from lib.editing.save import Conflict, RowProblem
from lib.importing.export import to_csv, to_excel
from lib.registry import Entity
from lib.ui.grid import wrapped_row_height


def problems_panel(entity: type[Entity], problems: list[RowProblem]) -> None:
    rows = {p.position for p in problems}
    st.error(f"Nothing was saved: {len(rows):,} row(s) have problems. Fix them in the grid (your edits "
             "are still there) and save again.")
    frame = pd.DataFrame([{"Row": p.position, "Field": entity.label(p.column) if p.column else "", "Problem": p.reason} for p in problems])
    st.dataframe(frame, hide_index=True, width="stretch", row_height=wrapped_row_height(frame["Problem"]),
                 column_config={"Row": st.column_config.TextColumn(width=80),
                                "Field": st.column_config.TextColumn(width=140)})


def _describe(values: dict | None) -> str:
    if values is None:
        return "deleted by someone else"
    return ", ".join(f"{k}: {jsonable(v)}" for k, v in values.items()
                     if k not in ("created_at", "seed_batch"))


def conflicts_panel(conflicts: list[Conflict]) -> bool:
    """Show rows someone else changed since they were loaded; True when the person reloads."""
    st.warning(f"Nothing was saved: {len(conflicts):,} row(s) were changed by someone else after you "
               "loaded them. Their values are below; reload to see them in the grid, then redo your edit.")
    st.dataframe(pd.DataFrame([{"Row": c.position, "Your change": _describe(c.mine),
                                "Stored now": _describe(c.theirs)} for c in conflicts]),
                 hide_index=True, width="stretch")
    return st.button("Reload the current values (drops your unsaved edits on this page)")


def export_panel(who: Identity, entity: type[Entity], request: PageRequest) -> None:
    if not can(who, Action.EXPORT_RECORDS):
        return
    with st.expander("Export this view (all pages, with the current search and filter)"):
        full = PageRequest(search=request.search, filters=request.filters)
        view = (entity.table_name, request.search, tuple(sorted(request.filters.items())))
        if st.button("Prepare CSV and Excel files", key="export_prepare"):
            with st.spinner("Preparing the export..."):
                engine = get_engine()
                st.session_state["export_files"] = (
                    view, to_csv(who, entity, iter_all_rows(engine, who, entity, full)),
                    to_excel(who, entity, iter_all_rows(engine, who, entity, full)))
        prepared = st.session_state.get("export_files")
        if prepared and prepared[0] == view:  # never offer the file of another table or search
            left, right = st.columns(2)
            left.download_button("Download CSV", prepared[1], f"{entity.table_name}.csv", "text/csv")
            right.download_button("Download Excel", prepared[2], f"{entity.table_name}.xlsx",
                                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _show_value(entity: Entity, column: str, value, labels: dict) -> str:
    if value is None:
        return "—"
    if column in labels:
        return labels[column].get(value, f"#{value}")
    if hasattr(value, "strftime"):
        return f"{value:%b %-d, %Y}" if not hasattr(value, "hour") else f"{value:%b %-d, %Y %H:%M}"
    return str(getattr(value, "label", value))


def detail_panel(who: Identity, entity: type[Entity], rows: list[dict], labels: dict) -> None:
    """One record of this page read as a card, with its documents when the table holds any."""
    if not rows:
        return
    with st.expander("Record detail" + (" and documents" if entity.attachments else "")):
        by_id = {r["id"]: r for r in rows}
        chosen = st.selectbox("Record", list(by_id), key=f"detail_{entity.table_name}",
                              format_func=lambda i: f"#{i} {entity.row_label(by_id[i])}")
        row = by_id[chosen]
        left, right = st.columns(2)
        for index, column in enumerate(entity.list_columns):
            slot = left if index % 2 == 0 else right
            slot.markdown(f"**{entity.label(column)}**: {_show_value(entity, column, row.get(column), labels)}")
        st.caption(f"Version {row['row_version']} · last changed {_show_value(entity, 'updated_at', row.get('updated_at'), {})}")
        if entity.attachments is not None:
            from lib.ui.documents import render_attachments
            render_attachments(entity.attachments, chosen, who)
