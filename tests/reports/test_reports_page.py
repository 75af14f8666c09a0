"""The Reports page under AppTest. Identities have id=None: require_page re-reads real users (id set) from the database."""

from datetime import date, timedelta

import pytest

from lib.auth.identity import Identity
from lib.models.enums import RoleName
from lib.ui.reports_page import RESULT_KEY, _choices
from tests.reports.builders import grant_fixture
from tests.ui.apptest import run_page, use_database

LEADER = Identity(id=None, email="lead@example.org", full_name="Lee Leader", roles=frozenset({RoleName.LEADERSHIP}))
CLERK = Identity(id=None, email="dues@example.org", full_name="Dee Clerk", roles=frozenset({RoleName.DUES_CLERK}))


@pytest.fixture
def page_db(engine, monkeypatch):
    use_database(monkeypatch, engine.url.render_as_string(hide_password=False))
    _choices.clear()
    yield engine
    _choices.clear()


def _choose(at, title):
    at.selectbox(key="rp-report").set_value(title).run()
    return at


def test_leadership_generates_a_grant_report_with_preview_and_download(page_db):
    grant_fixture(page_db)
    at = _choose(run_page("reports.py", LEADER), "Grant compliance report")
    assert "Member dues statement" not in at.selectbox(key="rp-report").options  # not for leadership
    at.button(key="rp-generate").click().run()
    assert not at.exception and not at.error
    result = at.session_state[RESULT_KEY]
    assert result["pdf"].startswith(b"%PDF") and result["name"].startswith("grant-compliance-")
    assert result["preview"].startswith(b"\x89PNG")
    assert len(at.get("download_button")) == 1 and len(at.get("image")) == 1


def test_a_period_that_ends_before_it_starts_is_a_clear_message(page_db):
    grant_fixture(page_db)
    at = _choose(run_page("reports.py", LEADER), "Grant compliance report")
    at.date_input(key="rp-grant_compliance-period_start").set_value(date(2025, 6, 1))
    at.date_input(key="rp-grant_compliance-period_end").set_value(date(2025, 5, 1)).run()
    at.button(key="rp-generate").click().run()
    assert "Period to is before Period from" in at.error[0].value
    assert RESULT_KEY not in at.session_state


def test_no_grants_says_what_to_do(page_db):
    at = _choose(run_page("reports.py", LEADER), "Grant compliance report")
    assert "No grants yet" in at.info[0].value


def test_member_search_that_finds_nobody_says_so(page_db):
    at = run_page("reports.py", CLERK)
    at.text_input(key="rp-dues_statement-member_id-search").input("Nobody").run()
    assert "No member matches" in at.warning[0].value
    at.button(key="rp-generate").click().run()
    assert "Member is required" in at.error[0].value


def test_no_login_no_page(page_db):
    at = run_page("reports.py", None)
    assert "Please log in." in at.warning[0].value


def test_leadership_picks_a_month_and_gets_the_monthly_summary(page_db):
    at = _choose(run_page("reports.py", LEADER), "Leadership monthly summary")
    picker = at.selectbox(key="rp-leadership_summary-month")
    today = date.today()
    assert picker.options[0] == f"{today:%B %Y} (to date)" and len(picker.options) == 36
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    assert picker.value == last_month  # the month that has ended, by default
    at.button(key="rp-generate").click().run()
    assert not at.exception and not at.error
    result = at.session_state[RESULT_KEY]
    assert result["name"] == f"leadership-summary-{last_month:%Y-%m}-{today:%Y-%m-%d}.pdf"
    assert result["preview"].startswith(b"\x89PNG")
