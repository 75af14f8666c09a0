"""The Users page (admin) and My password (everyone) under AppTest, against the real tables."""

from lib.auth.login import attempt_login
from lib.models.enums import RoleName as R
from tests.authutil import PASSWORD, add_user
from tests.ui.apptest import run_page, use_database

NEW_PASSWORD = "Fresh-password-7"


def _setup(engine, monkeypatch):
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    return add_user(engine, "boss@local46.example", R.ADMIN, full_name="Bo Boss")


def test_admin_adds_a_user_who_can_then_log_in(engine, monkeypatch):
    admin = _setup(engine, monkeypatch)
    at = run_page("admin_users.py", admin)
    at.text_input(key="new_user_email").input("ana@local46.example")
    at.text_input(key="new_user_name").input("Ana Ruiz")
    at.text_input(key="new_user_password").input(NEW_PASSWORD)
    at.multiselect(key="new_user_roles").select(R.LEADERSHIP)
    next(b for b in at.button if b.label == "Add user").click().run()
    assert not at.exception and not at.error
    assert at.success[0].value.startswith("Added ana@local46.example")
    table = at.dataframe[0].value
    assert table[["Email", "Roles", "Active"]].values.tolist() == [
        ["boss@local46.example", "admin", True], ["ana@local46.example", "leadership", True]]
    assert attempt_login(engine, "ana@local46.example", NEW_PASSWORD).identity.roles == {R.LEADERSHIP}


def test_a_too_short_first_password_is_refused_with_the_rule(engine, monkeypatch):
    admin = _setup(engine, monkeypatch)
    at = run_page("admin_users.py", admin)
    at.text_input(key="new_user_email").input("ana@local46.example")
    at.text_input(key="new_user_name").input("Ana Ruiz")
    at.text_input(key="new_user_password").input("short")
    at.multiselect(key="new_user_roles").select(R.STAFF)
    next(b for b in at.button if b.label == "Add user").click().run()
    assert [e.value for e in at.error] == ["The password must be at least 8 characters long."]
    assert len(at.dataframe[0].value) == 1


def test_admin_deactivates_a_user_and_cannot_deactivate_themself(engine, monkeypatch):
    admin = _setup(engine, monkeypatch)
    staff = add_user(engine, "staff@local46.example", R.STAFF)
    at = run_page("admin_users.py", admin)
    next(b for b in at.button if b.label == "Deactivate").click().run()
    assert [e.value for e in at.error] == ["You cannot deactivate yourself."]
    at.selectbox(key="users_page_user").select(staff.id).run()
    next(b for b in at.button if b.label == "Deactivate").click().run()
    assert "staff@local46.example is deactivated" in at.success[0].value
    assert at.dataframe[0].value["Active"].tolist() == [True, False]
    assert "Reactivate" in [b.label for b in at.button]
    assert "deactivated" in attempt_login(engine, staff.email, PASSWORD).message


def test_anyone_changes_their_own_password(engine, monkeypatch):
    _setup(engine, monkeypatch)
    teacher = add_user(engine, "teacher@local46.example", R.INSTRUCTOR)
    at = run_page("my_password.py", teacher)
    fields = at.text_input
    fields[0].input(PASSWORD), fields[1].input(NEW_PASSWORD), fields[2].input("something-else")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["The new password and its confirmation differ."]
    fields = at.text_input
    fields[0].input(PASSWORD), fields[1].input(NEW_PASSWORD), fields[2].input(NEW_PASSWORD)
    at.button[0].click().run()
    assert [s.value for s in at.success] == ["Your password is changed."]
    assert at.session_state["auth_set_cookie"] is True  # Home.py writes a fresh cookie on the next run
    assert attempt_login(engine, teacher.email, NEW_PASSWORD).ok
