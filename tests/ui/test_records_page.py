"""The records page as staff see it (AppTest): table picker, search, paging, roles, bad URLs."""

from lib.auth.identity import Identity
from lib.editing.changes import ChangeSet, RowChange
from lib.editing.save import save_changes
from lib.models.enums import RoleName as R
from lib.registry import entity_for
from tests.ui.apptest import run_page, use_database

STAFF = Identity(id=None, email="staff@local46.example", roles=frozenset({R.STAFF}))


def _members(engine, n):
    rows = [{"card_number": f"A{i:04d}", "first_name": "Ana", "last_name": f"Name{i:04d}",
             "classification": "APPRENTICE_1", "status": "ACTIVE" if i % 2 else "INACTIVE",
             "initiation_date": "2020-01-01"} for i in range(n)]
    rows[7]["last_name"] = "Okonkwo"
    result = save_changes(engine, STAFF, entity_for("members"),
                          ChangeSet(inserts=[RowChange(f"r{i}", r) for i, r in enumerate(rows)]))
    assert result.ok


def _captions(at):
    return [c.value for c in at.caption]


def test_staff_see_members_paged_and_can_search(engine, monkeypatch):
    use_database(monkeypatch, str(engine.url.render_as_string(hide_password=False)))
    _members(engine, 120)
    at = run_page("records.py", STAFF)
    assert not at.exception
    assert at.selectbox(key="records_table").value == "members"
    assert at.dataframe[0].value.shape[0] == 50
    assert any("Showing 1–50 of 120" in c for c in _captions(at))
    at.number_input[0].set_value(3).run()
    assert any("Showing 101–120 of 120" in c for c in _captions(at))
    at.text_input(key="search_members").set_value("okonk").run()
    grid = at.dataframe[0].value
    assert list(grid["last_name"]) == ["Okonkwo"] and any("of 1" in c for c in _captions(at))
    at.text_input(key="search_members").set_value("").run()
    at.selectbox(key="filter_members_classification").set_value("APPRENTICE_1").run()
    assert any("of 120" in c for c in _captions(at))
    at.selectbox(key="filter_members_status").set_value("INACTIVE").run()  # a second filter, with the first
    assert any("Showing 1–50 of 60" in c for c in _captions(at))
    assert set(at.dataframe[0].value["status"]) == {"INACTIVE"}


def test_an_unknown_table_in_the_url_says_so(engine, monkeypatch):
    use_database(monkeypatch, str(engine.url.render_as_string(hide_password=False)))
    at = run_page("records.py", STAFF, {"table": "password_hashes"})
    assert not at.exception
    assert "There is no table 'password_hashes' you may open" in at.warning[0].value


def test_an_empty_table_says_what_to_do(engine, monkeypatch):
    use_database(monkeypatch, str(engine.url.render_as_string(hide_password=False)))
    at = run_page("records.py", STAFF, {"table": "grievances"})
    assert "No grievances yet. Add the first one in the grid below" in at.info[0].value


def test_roles_limit_the_tables_and_leadership_gets_no_grid(engine, monkeypatch):
    use_database(monkeypatch, str(engine.url.render_as_string(hide_password=False)))
    clerk = Identity(id=None, email="d@x.org", roles=frozenset({R.DUES_CLERK}))
    at = run_page("records.py", clerk)
    options = at.selectbox(key="records_table").options
    assert "Dues › Dues payments" in options and not any(o.startswith("Grants") for o in options)
    leader = run_page("records.py", Identity(id=None, email="l@x.org", roles=frozenset({R.LEADERSHIP})))
    assert "does not allow you to view records" in leader.error[0].value and not leader.dataframe
    nobody = run_page("records.py", None)
    assert nobody.warning[0].value == "Please log in." and not nobody.dataframe


def test_export_offers_the_files_of_the_current_view_only(engine, monkeypatch):
    use_database(monkeypatch, str(engine.url.render_as_string(hide_password=False)))
    _members(engine, 10)
    at = run_page("records.py", STAFF)
    at.button(key="export_prepare").click().run()
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]
    at.text_input(key="search_members").set_value("okonk").run()
    assert not at.get("download_button")
