"""The import page: upload, map columns, check every line, preview the diff, commit or not."""

import hashlib

import pandas as pd
import streamlit as st

from lib.audit import jsonable
from lib.auth.identity import Identity
from lib.config import get_settings
from lib.db import get_engine
from lib.importing.mapping import auto_mapping
from lib.importing.plan import ImportPlan, commit_import, plan_import
from lib.importing.read import ImportFileError, read_table
from lib.registry import REGISTRY, Entity, visible_entities
from lib.ui.dashkit import clear_dashboard_caches
from lib.ui.grid import wrapped_row_height

IGNORE = "(ignore this column)"


def importable(who: Identity) -> list[str]:
    return [e.table_name for es in visible_entities(who).values() for e in es
            if e.can(who, "create") or e.can(who, "edit")]


def pick_table(who: Identity) -> type[Entity] | None:
    options = importable(who)
    if not options:
        st.info("Your role cannot import into any table.")
        return None
    table = st.selectbox("Import into", options, key="import_table",
                         format_func=lambda t: f"{REGISTRY[t].domain} › {REGISTRY[t].title}")
    return REGISTRY[table]


def mapping_editor(entity: type[Entity], headers: list[str], file_key: str) -> dict[str, str | None]:
    st.subheader("2. Match the file's columns")
    guessed = auto_mapping(entity, headers)
    targets = [IGNORE, "id", *entity.editable_columns]
    # The label only: "Name (column_name) · required" did not fit a select box and was cut.
    labels = {c: entity.label(c) + (" · required" if entity.is_required(c) else "") for c in targets[1:]}
    mapping = {}
    columns = st.columns(min(3, len(headers)))
    for index, header in enumerate(headers):
        guess = guessed.get(header) or IGNORE
        chosen = columns[index % len(columns)].selectbox(
            f"“{header}”", targets, index=targets.index(guess), key=f"map_{file_key}_{index}",
            format_func=lambda c: labels.get(c, c))
        mapping[header] = None if chosen == IGNORE else chosen
    st.caption("Rows are matched to existing records on the id column if mapped, else on "
               + (", ".join(entity.label(c) for c in entity.natural_key) or "nothing (every line is new)") + ".")
    return mapping


def _diff_text(entity: type[Entity], before: dict, after: dict) -> str:
    return "; ".join(f"{entity.label(k)}: {jsonable(before.get(k))} → {jsonable(v)}" for k, v in after.items())


def _line_number(line: str) -> int:
    return int(line.split()[-1]) if line.split()[-1].isdigit() else 0


def rejected_frame(entity: type[Entity], plan: ImportPlan) -> pd.DataFrame:
    """One row per problem, in file order, fields in the table's order."""
    order = {c: i for i, c in enumerate(entity.editable_columns)}
    rows = sorted(((line, c, why) for line, problems in plan.rejected.items() for c, why in problems),
                  key=lambda p: (_line_number(p[0]), order.get(p[1], -1)))
    return pd.DataFrame([{"Line": line, "Field": entity.label(c) if c else "", "Problem": why}
                         for line, c, why in rows], columns=["Line", "Field", "Problem"])


def preview(entity: type[Entity], plan: ImportPlan) -> None:
    st.subheader("3. Preview")
    counts = plan.counts()
    for slot, (name, value) in zip(st.columns(4), counts.items()):
        slot.metric(f"{name.capitalize()} lines", f"{value:,}")
    if plan.ignored_headers:
        st.caption("Ignored columns: " + ", ".join(plan.ignored_headers))
    tabs = st.tabs([f"Rejected ({counts['rejected']:,})", f"New ({counts['new']:,})",
                    f"Updated ({counts['updated']:,})"])
    rejected = rejected_frame(entity, plan)
    tabs[0].dataframe(rejected, hide_index=True, width="stretch", row_height=wrapped_row_height(rejected["Problem"]),
                      column_config={"Line": st.column_config.TextColumn(width=80),
                                     "Field": st.column_config.TextColumn(width=140)})
    tabs[1].dataframe(pd.DataFrame([{"Line": c.position, **{k: jsonable(v) for k, v in c.values.items()}}
                                    for c in plan.inserts if c.position not in plan.rejected][:500]),
                      hide_index=True, width="stretch")
    tabs[2].dataframe(pd.DataFrame([{"Line": c.position, "Row": c.row_id,
                                     "Changes": _diff_text(entity, plan.before.get(c.row_id, {}), c.values)}
                                    for c in plan.updates if c.position not in plan.rejected][:500]),
                      hide_index=True, width="stretch")


def commit_bar(who: Identity, entity: type[Entity], plan: ImportPlan, source: str) -> None:
    good = plan.good_rows()
    skip = False
    if plan.rejected:
        st.error(f"{len(plan.rejected):,} line(s) have problems. Nothing will be written unless you fix the "
                 "file and upload it again, or choose to import only the good lines.")
        skip = st.checkbox(f"Import only the {len(good.inserts) + len(good.updates):,} good lines and skip "
                           f"the {len(plan.rejected):,} rejected ones", key="import_skip")
    label = f"Import {len(good.inserts):,} new and {len(good.updates):,} updated rows"
    if st.button(label, type="primary", disabled=good.is_empty() or (bool(plan.rejected) and not skip)):
        with st.spinner("Writing in one transaction..."):
            result = commit_import(get_engine(), who, entity, plan, skip_rejected=skip, source=source)
        if result.ok:
            clear_dashboard_caches()
            st.session_state.pop("import_plan", None)
            st.success(f"Imported from {source}: {len(result.inserted):,} added, {result.updated:,} updated.")
        else:
            st.error("Nothing was imported: " + "; ".join(f"{p.position} {p.column or ''}: {p.reason}"
                                                          for p in result.problems[:10]))


def render(who: Identity) -> None:
    st.title("Import")
    st.caption("CSV (UTF-8) or Excel (.xlsx). Export a table from the Records page to get a file with the right columns.")
    entity = pick_table(who)
    if entity is None:
        return
    st.subheader("1. Upload")
    upload = st.file_uploader("File", type=["csv", "xlsx", "xlsm", "xls", "txt"], key=f"upload_{entity.table_name}")
    if upload is None:
        st.info("Choose a file to start. Nothing is written until you confirm the preview.")
        return
    data = upload.getvalue()
    try:
        frame = read_table(data, upload.name, get_settings().max_upload_mb * 1_000_000)
    except ImportFileError as exc:
        st.error(str(exc))
        return
    st.caption(f"{upload.name}: {len(frame):,} data lines, {len(frame.columns):,} columns.")
    file_key = hashlib.sha256(data).hexdigest()[:12]
    mapping = mapping_editor(entity, list(frame.columns), file_key)
    plan_key = (entity.table_name, file_key, tuple(sorted((k, v or "") for k, v in mapping.items())))
    if st.button("Check every line"):
        bar = st.progress(0.0, text="Checking lines...")
        try:
            plan = plan_import(get_engine(), who, entity, frame, mapping,
                               progress=lambda done, total: bar.progress(done / total, text=f"Checked {done:,} of {total:,} lines"))
        except ImportFileError as exc:
            st.error(str(exc))
            return
        bar.empty()
        st.session_state["import_plan"] = (plan_key, plan)
    stored = st.session_state.get("import_plan")
    if stored and stored[0] == plan_key:
        preview(entity, stored[1])
        commit_bar(who, entity, stored[1], upload.name)
