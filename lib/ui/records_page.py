"""The generic records page: pick a table, search, page through it, edit in a grid, save."""

import streamlit as st

from lib.auth.identity import Identity
from lib.auth.permissions import Action, can
from lib.db import get_engine
from lib.editing.changes import ChangeSet, diff_records
from lib.editing.frames import from_frame, to_frame
from lib.editing.listing import Page, PageRequest, fk_choices, list_rows, page_labels
from lib.editing.save import SaveResult, save_changes
from lib.registry import REGISTRY, Entity, visible_entities
from lib.ui.dashkit import clear_dashboard_caches
from lib.ui.grid import column_config
from lib.ui.records_extras import conflicts_panel, detail_panel, export_panel, problems_panel

PAGE_SIZES = (25, 50, 100, 200)
ANY = ""  # a real option, not None: None would show as "Choose an option" with a clear button
VERSION_KEY = "records_data_version"
FLASH_KEY = "records_flash"


@st.cache_data(ttl=60, show_spinner=False)
def _choices(db_url: str, who: Identity, table: str) -> dict[str, dict[int, str] | None]:
    entity = REGISTRY[table]
    engine = get_engine(db_url)
    return {c: fk_choices(engine, who, entity, c) for c, info in entity.columns.items()
            if info.fk_table and c in entity.list_columns}


def pick_entity(who: Identity, slot) -> type[Entity] | None:
    grouped = visible_entities(who)
    options = [e.table_name for es in grouped.values() for e in es]
    if not options:
        st.info("Your role has no tables to look at here. Ask an admin if you need one.")
        return None
    wanted = st.query_params.get("table", options[0])
    if wanted not in options:
        st.warning(f"There is no table {wanted!r} you may open; showing {REGISTRY[options[0]].title}.")
        wanted = options[0]
    table = slot.selectbox("Table", options, index=options.index(wanted), key="records_table",
                         format_func=lambda t: f"{REGISTRY[t].domain} › {REGISTRY[t].title}")
    st.query_params["table"] = table
    return REGISTRY[table]


MAX_FILTERS = 2  # e.g. members by classification and by status


def request_bar(entity: type[Entity], left, filter_slots) -> PageRequest:
    hint = ", ".join(entity.label(c).lower() for c in entity.search_columns) or "nothing (no search columns)"
    search = left.text_input("Search", key=f"search_{entity.table_name}", placeholder=f"Search by {hint}",
                             disabled=not entity.search_columns)
    filters = {}
    enums = [c for c in entity.list_columns if entity.columns[c].kind == "enum"][:MAX_FILTERS]
    for column, slot in zip(enums, filter_slots):
        values = [ANY] + [m.value for m in entity.columns[column].enum_class]
        chosen = slot.selectbox(entity.label(column), values, key=f"filter_{entity.table_name}_{column}",
                                  format_func=lambda v: "Any" if v == ANY else v.replace("_", " ").title())
        filters[column] = None if chosen == ANY else chosen
    return PageRequest(search=search, filters=filters)


def _page_key(entity: type[Entity], request: PageRequest) -> str:
    return f"page_{entity.table_name}_{request.search}_{request.filters}_{request.page_size}"


def pager(entity: type[Entity], request: PageRequest, total: int, page_slot) -> None:
    """Drawn after the page is loaded (the total comes with it); the widget keeps the page number."""
    pages = max(1, -(-total // request.page_size))
    page_slot.number_input(f"Page (of {pages:,})", 1, pages, min(request.page, pages), key=_page_key(entity, request),
                           disabled=pages == 1)


def _editor_key(entity: type[Entity], request: PageRequest) -> str:
    version = st.session_state.get(VERSION_KEY, 0)
    return f"grid_{entity.table_name}_{request.search}_{request.filters}_{request.page}_{request.page_size}_{version}"


def loaded_page(who: Identity, entity: type[Entity], request: PageRequest, key: str) -> Page:
    """The page as it was loaded for this grid: kept so the diff and versions stay those the person saw."""
    cache_key = f"loaded_{key}"
    if cache_key not in st.session_state:
        for old in [k for k in st.session_state if str(k).startswith("loaded_")]:
            del st.session_state[old]  # one page kept per browser session, not every page visited
        st.session_state[cache_key] = list_rows(get_engine(), who, entity, request)
    return st.session_state[cache_key]


def reload_data() -> None:
    st.session_state[VERSION_KEY] = st.session_state.get(VERSION_KEY, 0) + 1
    _choices.clear()


def render(who: Identity) -> None:
    st.title("Records")
    if flash := st.session_state.pop(FLASH_KEY, None):
        st.success(flash)
    table_slot, search_slot = st.columns([2, 5], vertical_alignment="bottom")
    entity = pick_entity(who, table_slot)
    if entity is None:
        return
    # Filters next to the pager: the search keeps room for its hint of the columns it looks in.
    *filter_slots, page_slot, size_slot = st.columns([2, 2, 1.2, 1.2], vertical_alignment="bottom")
    request = request_bar(entity, search_slot, filter_slots)
    request.page_size = size_slot.selectbox("Rows per page", PAGE_SIZES, index=1, key="records_page_size")
    request.page = int(st.session_state.get(_page_key(entity, request)) or 1)
    key = _editor_key(entity, request)
    page = loaded_page(who, entity, request, key)
    last = max(1, -(-page.total // request.page_size))
    if request.page > last:  # rows were deleted since the page number was chosen
        st.session_state[_page_key(entity, request)] = last
        st.rerun()
    pager(entity, request, page.total, page_slot)
    st.caption(page.caption())
    render_grid(who, entity, page, key)
    export_panel(who, entity, request)


def render_grid(who: Identity, entity: type[Entity], page: Page, key: str) -> None:
    engine = get_engine()
    choices = _choices(engine.url.render_as_string(hide_password=False), who, entity.table_name)
    labels = page_labels(engine, entity, page.rows)
    frame = to_frame(entity, page.rows, labels, choices)
    may_edit = can(who, Action.EDIT_RECORDS) and entity.can(who, "edit")
    may_add = can(who, Action.EDIT_RECORDS) and (entity.can(who, "create") or entity.can(who, "delete"))
    if not page.total and not page.request.search:
        st.info(f"No {entity.title.lower()} yet." + (" Add the first one in the grid below, or import a CSV "
                                                      "on the Import page." if may_add else ""))
    edited = st.data_editor(frame, key=key, hide_index=True, placeholder="—", num_rows="dynamic" if may_add else "fixed",
                            column_config=column_config(entity, choices, may_edit or may_add),
                            disabled=not (may_edit or may_add), width="stretch",
                            height=min(36 * (len(frame) + 2) + 3, 560))
    if may_add:
        st.caption("Add a row with the + at the bottom of the grid; select rows by their left edge to delete them.")
    if may_edit or may_add:
        save_bar(who, entity, page, frame, edited, choices)
    detail_panel(who, entity, page.rows, labels)


def save_bar(who, entity, page, frame, edited, choices) -> None:
    versions = {r["id"]: r["row_version"] for r in page.rows}
    changes = diff_records(from_frame(entity, frame, choices), from_frame(entity, edited, choices),
                           entity.editable_columns, versions)
    confirmed = True
    if changes.deletes:
        confirmed = st.checkbox(f"Yes, delete {len(changes.deletes):,} row(s) when I save", key=f"confirm_{id(page)}")
    left, right = st.columns([1, 4], vertical_alignment="center")
    clicked = left.button("Save changes", type="primary", disabled=changes.is_empty() or not confirmed)
    right.caption("Unsaved: " + changes.summary() if not changes.is_empty() else "No unsaved changes.")
    if clicked:
        _save(who, entity, changes)
    if st.session_state.get("records_result") is not None:
        show_result(entity, st.session_state["records_result"])


def _save(who: Identity, entity: type[Entity], changes: ChangeSet) -> None:
    result = save_changes(get_engine(), who, entity, changes)
    if result.ok:
        st.session_state.pop("records_result", None)
        st.session_state[FLASH_KEY] = result.summary()
        clear_dashboard_caches()  # dashboards show the saved rows at once
        reload_data()
        st.rerun()
    st.session_state["records_result"] = result


def show_result(entity: type[Entity], result: SaveResult) -> None:
    if result.problems:
        problems_panel(entity, result.problems)
    if result.conflicts:
        if conflicts_panel(result.conflicts):
            st.session_state.pop("records_result", None)
            reload_data()
            st.rerun()
