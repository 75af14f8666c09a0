"""The Documents page with AppTest: upload through the page, list, delete with confirmation, storage down."""

import io

import pytest
from streamlit.testing.v1 import AppTest

from lib.config import PROJECT_ROOT, get_settings
from lib.db import get_engine
from lib.documents import list_attachments, upload_attachment
from lib.models.enums import AttachmentEntity as E, RoleName
from lib.storage import LocalStorage, get_storage
from tests.documents.conftest import add_user
from tests.documents.s3server import free_port, new_bucket

PAGE = str(PROJECT_ROOT / "pages" / "documents.py")
PDF = b"%PDF-1.7\nagreement"


@pytest.fixture
def app_settings(monkeypatch, migrated_db_url, tmp_path):
    """Point the app's settings at the test database and the chosen storage, with no cached state."""
    def apply(**env):
        monkeypatch.setenv("DATABASE_URL", migrated_db_url)
        monkeypatch.setenv("UPLOAD_DIR", str(tmp_path / "uploads"))
        for name in ("S3_BUCKET", "S3_ENDPOINT_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"):
            monkeypatch.setenv(name, env.get(name, ""))
        _forget()
    yield apply
    _forget()


def _forget():
    import streamlit as st

    get_settings.cache_clear()
    get_engine.cache_clear()  # the page re-reads the logged-in user through the app's engine
    get_storage.cache_clear()
    st.cache_data.clear()


def _plain(markdown: str) -> str:
    return markdown.replace("\\", "")


def _page(who) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.session_state["identity"] = who
    return at.run()


def _pick_member(at: AppTest) -> AppTest:
    at.selectbox(key="docs-up-kind").set_value(E.MEMBER).run()
    at.text_input(key="docs-up-search-MEMBER").input("parks").run()
    assert at.selectbox(key=f"docs-up-record-MEMBER").value is not None
    return at


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_staff_uploads_finds_and_deletes(engine, records, staff, app_settings, backend, request):
    if backend == "s3":
        endpoint = request.getfixturevalue("s3_endpoint")
        app_settings(S3_BUCKET=new_bucket(endpoint), S3_ENDPOINT_URL=endpoint, S3_ACCESS_KEY_ID="testing",
                     S3_SECRET_ACCESS_KEY="testing")
    else:
        app_settings()
    at = _page(staff)
    assert not at.exception and not at.error
    assert "No documents yet: upload the first one" in at.info[0].value

    _pick_member(at)
    at.file_uploader[0].set_value([("Grant agreement.pdf", PDF, "application/pdf"),
                                   ("setup.pdf", b"MZ\x90\x00virus", "application/pdf")]).run()
    at.button(key=f"docs-up-MEMBER-{records[E.MEMBER]}-go").click().run()
    assert [_plain(s.value) for s in at.success] == ["Uploaded Grant agreement.pdf (18 bytes)."]
    assert _plain(at.error[0].value) == "setup.pdf is not a real PDF: its content looks like a Windows program."

    table = at.dataframe[0].value
    assert list(table["Document"]) == ["Grant agreement.pdf"]
    assert list(table["Attached to"]) == ["Member: Parks-Nguyen, Rosa · card 460001"]
    saved = list_attachments(engine, staff)[0]
    at.selectbox(key="docs-find-chosen").set_value(saved.id).run()
    assert not at.get("download_button")[0].proto.disabled
    at.button(key=f"docs-find-{saved.id}-del").click().run()
    assert _plain(at.warning[0].value).startswith("Delete **Grant agreement.pdf** from Parks-Nguyen, Rosa")
    at.button(key=f"docs-find-{saved.id}-yes").click().run()
    assert list_attachments(engine, staff) == []
    assert "No documents yet" in at.info[0].value


@pytest.mark.parametrize(("env", "message"), [
    ({"S3_ENDPOINT_URL": "http://127.0.0.1:{port}", "S3_BUCKET": "docs", "S3_ACCESS_KEY_ID": "k",
      "S3_SECRET_ACCESS_KEY": "s"}, "The storage service at http://127.0.0.1:{port} does not answer"),
    ({"S3_ENDPOINT_URL": "http://127.0.0.1:{port}", "S3_BUCKET": "docs"}, "S3 credentials are missing"),
    ({"S3_ENDPOINT_URL": "http://127.0.0.1:{port}"}, "S3_ENDPOINT_URL is set but S3_BUCKET is not"),
])
def test_storage_trouble_is_one_sentence_and_the_page_still_works(engine, records, staff, app_settings, env, message,
                                                                 monkeypatch, tmp_path):
    earlier = upload_attachment(engine, staff, E.MEMBER, records[E.MEMBER], io.BytesIO(PDF), "earlier.pdf",
                                storage=LocalStorage(tmp_path / "before"))
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # no instance-role lookup on a laptop or CI
    port = free_port()
    app_settings(**{k: v.format(port=port) for k, v in env.items()})
    message = message.format(port=port)
    at = _page(staff)
    assert not at.exception
    assert at.error[0].value.startswith("Documents are unavailable right now.")
    assert message in _plain(at.error[0].value)
    assert list(at.dataframe[0].value["Document"]) == ["earlier.pdf"]  # the list still comes from the database
    at.selectbox(key="docs-find-chosen").set_value(earlier.id).run()
    assert at.get("download_button")[0].proto.disabled
    assert at.button(key=f"docs-find-{earlier.id}-del").disabled  # a delete now would leave an orphan object
    _pick_member(at)
    assert at.file_uploader[0].disabled


def test_leadership_may_not_open_documents(engine, app_settings):
    app_settings()
    at = _page(add_user(engine, "boss@local46.example", RoleName.LEADERSHIP))
    assert at.error[0].value.startswith("Your role does not allow you to view documents")
    assert not at.dataframe and not at.file_uploader


def _record_page(entity_value: str, row_id: int):
    from lib.models.enums import AttachmentEntity
    from lib.ui.documents import render_attachments
    from lib.ui.session import current_identity

    render_attachments(AttachmentEntity(entity_value), row_id, current_identity())


def test_a_record_page_embeds_its_documents(engine, records, staff, app_settings):
    app_settings()
    at = AppTest.from_function(_record_page, args=("GRANT", records[E.GRANT]), default_timeout=30)
    at.session_state["identity"] = staff
    at.run()
    assert at.subheader[0].value == "Documents" and "No documents yet: add one below." in at.caption[0].value
    at.file_uploader[0].set_value(("award letter.pdf", PDF, "application/pdf")).run()
    at.button(key=f"att-GRANT-{records[E.GRANT]}-go").click().run()
    assert not at.exception
    assert "**award letter.pdf**" in [_plain(m.value) for m in at.markdown]


def test_a_name_with_folders_is_listed_and_confirmed_without_them(engine, records, staff, app_settings):
    app_settings()
    at = _pick_member(_page(staff))
    at.file_uploader[0].set_value([("../../etc/Grant agreement.pdf", PDF, "application/pdf")]).run()
    at.button(key=f"docs-up-MEMBER-{records[E.MEMBER]}-go").click().run()
    # The message names the file as the list does, so the two never disagree.
    assert [_plain(s.value) for s in at.success] == [
        "Uploaded Grant agreement.pdf (18 bytes), sent as “../../etc/Grant agreement.pdf”."]
    assert list(at.dataframe[0].value["Document"]) == ["Grant agreement.pdf"]
