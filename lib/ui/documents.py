"""Attachments in the UI: the list of a record's documents with download and delete, and the upload box.

Record pages embed `render_attachments(entity, row_id, who)`; the Documents page uses the same parts.
Storage problems are shown as one sentence; the rest of the page keeps working.
"""

import re

import streamlit as st

from lib.auth.identity import Identity
from lib.auth.permissions import Action, can
from lib.config import get_settings
from lib.db import get_engine
from lib.documents import (
    Attachment, DocumentError, can_delete, delete_attachment, list_attachments, read_attachment, upload_one,
)
from lib.filetypes import ALLOWED_SUMMARY, BY_EXTENSION, format_size
from lib.models.enums import AttachmentEntity
from lib.storage import StorageError, check_storage

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:@])")


def md_escape(text: str) -> str:
    """User text (file names) shown as itself in markdown, never as formatting or a link."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def day(moment) -> str:
    return f"{moment:%b} {moment.day}, {moment.year}"


def engine():
    return get_engine(get_settings().database_url)


@st.cache_data(ttl=30, show_spinner=False)
def storage_status() -> dict:
    """Checked at most every 30 s, so a dead endpoint slows one render, not every click."""
    return check_storage().as_dict()


@st.cache_data(ttl=30, show_spinner=False)
def cached_attachments(who: Identity, entity: AttachmentEntity | None, entity_id: int | None,
                       name_contains: str = "") -> list[Attachment]:
    return list_attachments(engine(), who, entity=entity, entity_id=entity_id, name_contains=name_contains)


def forget_cached() -> None:
    cached_attachments.clear()
    storage_status.clear()


def storage_notice() -> bool:
    """Say in one sentence when documents cannot be stored or read; True when storage answers."""
    status = storage_status()
    if not status["ok"]:
        st.error(f"Documents are unavailable right now. {md_escape(status['detail'])}", icon=":material/cloud_off:")
    return status["ok"]


def _download_bytes(who: Identity, attachment_id: int) -> bytes:
    _, stream = read_attachment(engine(), who, attachment_id)
    with stream:
        return stream.read()


def download_button(attachment: Attachment, who: Identity, key: str, *, available: bool) -> None:
    st.download_button("Download", data=lambda: _download_bytes(who, attachment.id),
                       file_name=attachment.original_name, mime=attachment.content_type, key=f"{key}-dl",
                       icon=":material/download:", disabled=not available, on_click="ignore")


def delete_button(attachment: Attachment, who: Identity, key: str, *, available: bool) -> None:
    """The first step of a delete; hidden for people who may not delete this document."""
    if not (can(who, Action.MANAGE_DOCUMENTS) and can_delete(who, attachment)):
        return
    # Disabled while storage is down: deleting the row while the object stays would leave an orphan.
    if st.button("Delete", key=f"{key}-del", icon=":material/delete:", disabled=not available):
        st.session_state[f"{key}-confirm"] = True
        st.rerun()


def delete_confirmation(attachment: Attachment, who: Identity, key: str) -> None:
    """The second step, full width under the document's row."""
    confirm_key = f"{key}-confirm"
    if not st.session_state.get(confirm_key):
        return
    st.warning(f"Delete **{md_escape(attachment.original_name)}** from {md_escape(attachment.record_label)}? "
               "This cannot be undone.", icon=":material/delete:")
    yes, no, _ = st.columns([1.3, 1, 8], gap="small")
    if yes.button("Yes, delete", key=f"{key}-yes", type="primary"):
        _delete(attachment, who)
        st.session_state.pop(confirm_key, None)
        st.rerun()
    if no.button("Cancel", key=f"{key}-no"):
        st.session_state.pop(confirm_key, None)
        st.rerun()


def _delete(attachment: Attachment, who: Identity) -> None:
    try:
        delete_attachment(engine(), who, attachment.id)
        st.toast(f"Deleted {attachment.original_name}.")
    except (DocumentError, StorageError) as exc:
        st.session_state["documents-flash"] = ("error", md_escape(str(exc)))
    forget_cached()


def flash() -> None:
    """A message kept across the rerun that follows an action."""
    if message := st.session_state.pop("documents-flash", None):
        getattr(st, message[0])(message[1])


def _show_results(key: str) -> None:
    for kind, text in st.session_state.pop(f"{key}-results", []):
        getattr(st, kind)(text)


def _upload_files(entity: AttachmentEntity, row_id: int, who: Identity, key: str, files: list) -> None:
    # Remembered per file: if Streamlit restarts this run mid-way, a file is never uploaded twice.
    done = st.session_state.setdefault(f"{key}-done", set())
    results = st.session_state.setdefault(f"{key}-results", [])
    pending = [f for f in files if f.file_id not in done]
    bar = st.progress(0.0, text="Uploading…")
    for number, upload in enumerate(pending, start=1):
        bar.progress((number - 1) / len(pending), text=f"Uploading {upload.name} ({number} of {len(pending)})…")
        result = upload_one(engine(), who, entity, row_id, upload, upload.name)
        done.add(upload.file_id)
        results.append(("error", md_escape(result.error)) if result.error else ("success", _uploaded(result)))
    forget_cached()


def _uploaded(result) -> str:
    """Under the name the list shows; the name as sent too when its folder part was dropped."""
    stored = result.attachment.original_name
    sent = f", sent as “{md_escape(result.name)}”" if stored != result.name else ""
    return f"Uploaded {md_escape(stored)} ({format_size(result.attachment.size_bytes)}){sent}."


def upload_box(entity: AttachmentEntity, row_id: int, who: Identity, key: str, *, available: bool) -> None:
    """Upload one or several files to one record, with a progress bar and a line per file."""
    if not can(who, Action.MANAGE_DOCUMENTS):
        return
    _show_results(key)
    limit = get_settings().max_upload_mb
    nonce = st.session_state.setdefault(f"{key}-nonce", 0)  # a new key empties the uploader after an upload
    files = st.file_uploader(f"Add documents (up to {limit} MB each: {ALLOWED_SUMMARY})", accept_multiple_files=True,
                             type=sorted(ext.lstrip(".") for ext in BY_EXTENSION), key=f"{key}-files-{nonce}",
                             disabled=not available, max_upload_size=limit)
    if not files or not st.button(f"Upload {len(files)} file{'s' if len(files) > 1 else ''}", key=f"{key}-go",
                                  type="primary", icon=":material/upload:"):
        return
    _upload_files(entity, row_id, who, key, files)
    st.session_state[f"{key}-nonce"] = nonce + 1
    st.session_state.pop(f"{key}-done", None)
    st.rerun()


def attachment_rows(attachments: list[Attachment], who: Identity, key: str, *, available: bool,
                    show_record: bool = False) -> None:
    for attachment in attachments:
        row_key = f"{key}-{attachment.id}"
        # Button columns wide enough for "Download" inside a record's expander (it was cut to "Downlo…").
        name, meta, download, remove = st.columns([4, 3, 2.6, 2.2], vertical_alignment="center")
        name.markdown(f"**{md_escape(attachment.original_name)}**" +
                      (f"  \n{md_escape(attachment.record_label)}" if show_record else ""))
        meta.caption(f"{format_size(attachment.size_bytes)} · {day(attachment.uploaded_at)} · "
                     f"{md_escape(attachment.uploaded_by)}")
        with download:
            download_button(attachment, who, row_key, available=available)
        with remove:
            delete_button(attachment, who, row_key, available=available)
        delete_confirmation(attachment, who, row_key)


def render_attachments(entity: AttachmentEntity, row_id: int, who: Identity) -> None:
    """The documents of one record, for embedding in its record page (needs VIEW_DOCUMENTS to show anything)."""
    if not can(who, Action.VIEW_DOCUMENTS):
        return
    key = f"att-{entity.value}-{row_id}"
    st.subheader("Documents")
    flash()
    available = storage_notice()
    attachments = cached_attachments(who, entity, row_id)
    if attachments:
        attachment_rows(attachments, who, key, available=available)
    else:
        st.caption("No documents yet: add one below." if can(who, Action.MANAGE_DOCUMENTS) else "No documents yet.")
    upload_box(entity, row_id, who, key, available=available)
