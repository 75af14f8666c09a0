"""The import page (upload, preview with rejected lines, commit) and the audit page (AppTest)."""

from sqlalchemy import func, select

from lib.auth.identity import Identity
from lib.models import Member
from lib.models.enums import RoleName as R
from tests.editing.test_save import _insert, _member
from tests.ui.apptest import run_page, use_database

STAFF = Identity(id=None, email="staff@local46.example", roles=frozenset({R.STAFF}))
ADMIN = Identity(id=None, email="admin@local46.example", roles=frozenset({R.ADMIN}))
CSV = ("card_number,first_name,last_name,classification,status,initiation_date\n"
       "N1,Ana,Ruiz,APPRENTICE_1,ACTIVE,2024-01-02\n"
       "N2,Bo,,APPRENTICE_1,GRADUATED,2024-01-02\n").encode()


def _members(engine):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Member)).scalar_one()


def _url(engine):
    return engine.url.render_as_string(hide_password=False)


def test_import_previews_rejected_lines_and_writes_only_when_told(engine, monkeypatch):
    use_database(monkeypatch, _url(engine))
    at = run_page("import.py", STAFF)
    assert "Choose a file to start" in at.info[0].value
    at.file_uploader[0].set_value(("members.csv", CSV, "text/csv")).run()
    assert at.selectbox[1].label == "“card_number”" and at.selectbox[1].value == "card_number"
    assert "Card # · required" in at.selectbox[1].options  # the label fits its box; no column name
    at.button[0].click().run()  # Check every line
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric] == [("New lines", "1"), ("Updated lines", "0"),
                                                      ("Unchanged lines", "0"), ("Rejected lines", "1")]
    rejected = at.dataframe[0].value
    assert set(rejected["Field"]) == {"Last name", "Status"} and set(rejected["Line"]) == {"Line 3"}
    commit = next(b for b in at.button if b.label.startswith("Import 1 new"))
    assert commit.disabled and _members(engine) == 0
    at.checkbox(key="import_skip").check().run()
    next(b for b in at.button if b.label.startswith("Import 1 new")).click().run()
    assert "Imported from members.csv: 1 added, 0 updated." in at.success[0].value
    assert _members(engine) == 1


def test_a_bad_file_shows_its_reason(engine, monkeypatch):
    use_database(monkeypatch, _url(engine))
    at = run_page("import.py", STAFF)
    at.file_uploader[0].set_value(("members.csv", b"card_number,last_name\n", "text/csv")).run()
    assert "header row but no data rows" in at.error[0].value


def test_the_audit_page_lists_changes_and_reverts_one(engine, monkeypatch):
    use_database(monkeypatch, _url(engine))
    _insert(engine, _member(phone="111"))
    at = run_page("audit.py", ADMIN)
    assert not at.exception
    grid = at.dataframe[0].value
    assert list(grid["Action"]) == ["Create"] and grid["User"][0] == "staff@local46.example"
    at.checkbox(key="audit_revert_sure").check().run()
    next(b for b in at.button if b.label == "Revert").click().run()
    assert "Reverted entry #" in at.success[0].value and _members(engine) == 0
    staff_view = run_page("audit.py", STAFF)
    assert "does not allow you to view the audit log" in staff_view.error[0].value
