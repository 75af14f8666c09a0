"""The audit log (admin): who changed what, filtered, with a revert for record changes."""

from datetime import date

import pandas as pd
import streamlit as st

from lib.audit import jsonable
from lib.auth.identity import Identity
from lib.db import get_engine
from lib.editing.audit_log import REVERTIBLE, AuditFilter, RevertRefused, audit_entries, audit_users, revert_change
from lib.registry import REGISTRY
from lib.ui.dashkit import clear_dashboard_caches

ANYONE = "(anyone)"


def _filters(who: Identity) -> AuditFilter:
    users = [ANYONE, *audit_users(get_engine(), who)]
    tables = ["", *sorted(REGISTRY)]  # "" is "any": None would show as an empty choice with a clear button
    a, b, c, d = st.columns([2, 2, 1, 2])
    user = a.selectbox("User", users, key="audit_user")
    table = b.selectbox("Table", tables, key="audit_table",
                        format_func=lambda t: REGISTRY[t].title if t else "(any table)")
    row = c.number_input("Row id", min_value=0, value=None, step=1, key="audit_row", placeholder="any")
    dates = d.date_input("Between", value=(), key="audit_dates", format="YYYY-MM-DD")
    since, until = (list(dates) + [None, None])[:2] if dates else (None, None)
    return AuditFilter(user_email=None if user == ANYONE else user, table=table or None,
                       row_id=int(row) if row is not None else None, since=since, until=until or since)


ROW_KEEPING = {"id", "storage_key", "sha256", "created_at", "updated_at", "row_version", "seed_batch"}


def _changes(entry: dict) -> str:
    """Updates as 'field: old → new'; creates and deletes as the values the row had, names first and
    without the row's bookkeeping (a hash or storage key buried the file name)."""
    before, after = entry["before"] or {}, entry["after"] or {}
    entity = REGISTRY.get(entry.get("table_name"))
    label = entity.label if entity else str  # the names the Records and Import pages use
    if not before or not after:
        shown = sorted(((k, v) for k, v in (after or before).items() if k not in ROW_KEEPING),
                       key=lambda kv: "name" not in kv[0])
        return "; ".join(f"{label(k)}: {jsonable(v)}" for k, v in shown)[:400]
    keys = list(dict.fromkeys([*before, *after]))
    return "; ".join(f"{label(k)}: {jsonable(before.get(k))} → {jsonable(after.get(k))}" for k in keys)[:400]


def _when(value) -> str:
    return f"{value:%b %-d, %Y %H:%M}" if value else ""


def entries_table(entries: list[dict]) -> None:
    frame = pd.DataFrame([{"Entry": e["id"], "When (UTC)": _when(e["occurred_at"]), "User": e["user_email"] or "system",
                           "Action": e["action"].value.title(),
                           "Table": REGISTRY[e["table_name"]].title if e["table_name"] in REGISTRY else (e["table_name"] or ""), "Row": e["row_id"],
                           "Changes": _changes(e), "Note": e["detail"] or ""} for e in entries])
    st.dataframe(frame, hide_index=True, width="stretch", height=min(36 * (len(frame) + 1) + 3, 740), column_config={
        "Entry": st.column_config.NumberColumn(format="%d", width="small"),
        "Row": st.column_config.NumberColumn(format="%d", width="small"),
        "Changes": st.column_config.TextColumn(width="large")})


def revert_box(who: Identity, entries: list[dict]) -> None:
    revertible = [e["id"] for e in entries if e["action"] in REVERTIBLE and e["table_name"] in REGISTRY]
    if not revertible:
        return
    with st.expander("Revert a change"):
        entry = st.selectbox("Entry", revertible, key="audit_revert_entry",
                             format_func=lambda i: next(f"#{e['id']} {e['action'].value.title()} "
                                                        f"{e['table_name']} row {e['row_id']}" for e in entries if e["id"] == i))
        sure = st.checkbox("Yes, undo this change (the undo is itself recorded here)", key="audit_revert_sure")
        if st.button("Revert", disabled=not sure, type="primary"):
            try:
                result = revert_change(get_engine(), who, entry)
            except RevertRefused as exc:
                st.error(str(exc))
                return
            if result.ok:
                clear_dashboard_caches()
                st.success(f"Reverted entry #{entry}. " + result.summary())
            else:
                st.error("Not reverted: " + "; ".join(f"{p.column or ''} {p.reason}".strip() for p in result.problems)
                         + ("; the row was changed meanwhile" if result.conflicts else ""))


def render(who: Identity) -> None:
    st.title("Audit log")
    flt = _filters(who)
    entries, total = audit_entries(get_engine(), who, flt)
    pages = max(1, -(-total // flt.page_size))
    left, right = st.columns([5, 1], vertical_alignment="bottom")
    flt.page = int(right.number_input(f"Page (of {pages:,})", 1, pages, 1, key="audit_page", disabled=pages == 1))
    if flt.page != 1:
        entries, total = audit_entries(get_engine(), who, flt)
    if not total:
        st.info("No audit entries match. Changes made on the Records, Import and form pages appear here.")
        return
    first = (flt.page - 1) * flt.page_size + 1
    left.caption(f"Showing {first:,}–{first + len(entries) - 1:,} of {total:,} entries, newest first")
    entries_table(entries)
    revert_box(who, entries)
