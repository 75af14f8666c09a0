"""The Documents page: find documents across all records, and upload to a record picked by search."""

import pandas as pd
import streamlit as st

from lib.attachment_targets import TARGETS, search_records
from lib.auth.identity import Identity
from lib.auth.permissions import Action, can
from lib.documents import LIST_LIMIT, Attachment
from lib.filetypes import BY_EXTENSION, format_size
from lib.models.enums import AttachmentEntity
from lib.ui.documents import (
    attachment_rows, cached_attachments, day, engine, flash, md_escape, storage_notice, upload_box,
)

_KIND_LABEL = {kind.content_type: kind.label for kind in BY_EXTENSION.values()}
_ANY = "All records"
_NONE = ""  # a real option, not None: None gets a clear button that does nothing useful here
_SEARCH_HINT = {
    AttachmentEntity.MEMBER: "name or card number", AttachmentEntity.STUDENT: "name",
    AttachmentEntity.ORGANIZATION: "name", AttachmentEntity.GRANT: "number, name or funder",
    AttachmentEntity.GRIEVANCE: "grievance number or member name",
    AttachmentEntity.BENEVOLENCE_APPLICATION: "application number or member name",
}


@st.cache_data(ttl=30, show_spinner=False)
def _search(who: Identity, entity: AttachmentEntity, text: str) -> list[tuple[int, str]]:
    return search_records(engine(), who, entity, text)


def _entity_picker(label: str, key: str, *, allow_any: bool) -> AttachmentEntity | None:
    options = ([_NONE] if allow_any else []) + list(AttachmentEntity)
    chosen = st.selectbox(label, options, key=key, format_func=lambda e: _ANY if e == _NONE else TARGETS[e].title)
    return chosen or None


def _table(attachments: list[Attachment]) -> pd.DataFrame:
    return pd.DataFrame([{
        "Document": a.original_name, "Attached to": f"{TARGETS[a.entity_type].title}: {a.record_label}",
        "Type": _KIND_LABEL.get(a.content_type, a.content_type), "Size": format_size(a.size_bytes),
        "Uploaded": day(a.uploaded_at), "By": a.uploaded_by} for a in attachments])


def _find_section(who: Identity, available: bool) -> None:
    kind_col, text_col = st.columns([1, 2])
    with kind_col:
        entity = _entity_picker("Attached to", "docs-find-kind", allow_any=True)
    name = text_col.text_input("File name contains", key="docs-find-name", placeholder="e.g. contract, receipt")
    attachments = cached_attachments(who, entity, None, name.strip())
    if not attachments:
        st.info("No documents match: clear the filters." if name.strip() or entity else
                "No documents yet: upload the first one in the Upload section below.")
        return
    more = " (the newest; narrow the search to see older ones)" if len(attachments) == LIST_LIMIT else ""
    st.caption(f"{len(attachments):,} documents{more}")
    st.dataframe(_table(attachments), hide_index=True, width="stretch")
    by_id = {a.id: a for a in attachments}
    chosen = st.selectbox("Download or delete", [_NONE, *by_id], key="docs-find-chosen",
                          format_func=lambda i: "Choose a document…" if i == _NONE else
                          f"{by_id[i].original_name} · {by_id[i].record_label} · {day(by_id[i].uploaded_at)}")
    if chosen != _NONE:
        attachment_rows([by_id[chosen]], who, "docs-find", available=available, show_record=True)


def _record_picker(who: Identity) -> tuple[AttachmentEntity, int | None]:
    kind_col, text_col = st.columns([1, 2])
    with kind_col:
        entity = _entity_picker("Record type", "docs-up-kind", allow_any=False)
    title = TARGETS[entity].title.lower()
    text = text_col.text_input(f"Find the {title}", key=f"docs-up-search-{entity.value}",
                               placeholder=_SEARCH_HINT[entity])
    if not text.strip():
        st.caption(f"Type the {title}'s {_SEARCH_HINT[entity]} to choose where the documents go.")
        return entity, None
    matches = _search(who, entity, text.strip())
    if not matches:
        st.warning(f"No {title} matches “{md_escape(text.strip())}”: check the spelling or search by number.")
        return entity, None
    labels = dict(matches)
    row_id = st.selectbox(f"{TARGETS[entity].title}", list(labels), format_func=labels.get,
                          key=f"docs-up-record-{entity.value}")
    return entity, row_id


def _upload_section(who: Identity, available: bool) -> None:
    entity, row_id = _record_picker(who)
    if row_id is not None:
        upload_box(entity, row_id, who, f"docs-up-{entity.value}-{row_id}", available=available)


def render_documents_page(who: Identity) -> None:
    st.title("Documents")
    st.caption("Contracts, grievance letters, grant agreements, certificates and receipts, attached to their records.")
    flash()
    available = storage_notice()
    st.subheader("Find documents", divider="gray")
    _find_section(who, available)
    if can(who, Action.MANAGE_DOCUMENTS):
        st.subheader("Upload", divider="gray")
        _upload_section(who, available)
