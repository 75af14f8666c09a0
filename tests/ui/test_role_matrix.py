"""Every role opens every page (AppTest): allowed pages run, the others refuse; the menu shows only the allowed.

Run on SQLite only: who may open a page does not depend on the engine, and 6 roles x every page
twice would cost minutes on this machine for nothing new.
"""

import pytest

from lib.auth.permissions import ALLOWED
from lib.db import make_engine
from lib.migrate import upgrade_to_head
from lib.models.enums import RoleName as R
from lib.ui.navigation import PAGES, pages_for
from tests.auth.test_readme_matrix import label, readme_matrix
from tests.authutil import add_user
from tests.ui.apptest import run_page, use_database

REFUSAL = "Your role does not allow you to"
OFFICE = {"Overview", "Dashboards", "Records", "Documents", "Reports", "Account"}
SECTIONS = {  # the menu sections each role should see, written out from the issue
    R.ADMIN: OFFICE | {"Admin"},
    R.STAFF: OFFICE,
    R.DUES_CLERK: OFFICE,
    R.GRANT_MANAGER: OFFICE,
    R.LEADERSHIP: {"Overview", "Dashboards", "Reports", "Account"},
    R.INSTRUCTOR: {"Records", "Account"},
}


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('roles') / 'roles.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    who = {role: add_user(engine, f"{role.value.lower()}@local46.example", role) for role in R}
    engine.dispose()
    return url, who


@pytest.mark.parametrize("role", list(R), ids=lambda r: r.value.lower())
def test_menu_shows_the_sections_and_pages_the_readme_gives_the_role(people, role):
    _, who = people
    menu = pages_for(who[role])
    present = {p.section for p in PAGES}
    assert set(menu) == SECTIONS[role] & present
    _, readme = readme_matrix()
    allowed_actions = {action for action, roles in readme.items() if label(role) in roles}
    assert {p.script for specs in menu.values() for p in specs} == {
        p.script for p in PAGES if p.action.value in allowed_actions}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.script.removesuffix(".py"))
@pytest.mark.parametrize("role", list(R), ids=lambda r: r.value.lower())
def test_each_role_on_each_page(people, role, page, monkeypatch):
    url, who = people
    use_database(monkeypatch, url)
    at = run_page(page.script, who[role])
    refusals = [e.value for e in at.error if e.value.startswith(REFUSAL)]
    if role in ALLOWED[page.action]:
        assert not at.exception and not refusals, f"{role} should open {page.script}"
        assert "Please log in." not in [w.value for w in at.warning]
    else:
        assert refusals == [f"{REFUSAL} {page.action.value}. Ask an admin if you need it."]
        assert len(at.main.children) <= 2  # the refusal and nothing of the page
