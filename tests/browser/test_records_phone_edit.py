"""Issue 6 in a real browser (headless chromium, both engines): a staff user edits a member's phone in the
records grid (a canvas), saves, reloads the page and still sees the new phone; an admin finds the change,
with its before and after values, on the Audit log page.

Screenshots: test-output/records-phone-edit/<engine>/NN-step.png (look at them).
"""

from datetime import date

import pytest
from sqlalchemy import insert, select

from lib.config import PROJECT_ROOT
from lib.models import AuditLog, Member
from lib.models.enums import MemberClassification, MemberStatus, RoleName
from tests.browser.st_ui import Shots, alert, edit_grid_cell, fill, grid_cell, no_exception, press
from tests.browserutil import add_login_user, app_server, browser_page, log_in, open_page, wait_for_app

pytestmark = pytest.mark.browser
OLD_PHONE, NEW_PHONE = "(206) 555-0100", "(206) 555-0177"
CARD = "P4601"


def _add_members(engine) -> int:
    """Two members, so the search has something to leave out; returns the id of the one edited."""
    rows = [dict(card_number=CARD, first_name="Rosa", last_name="Quintero", phone=OLD_PHONE),
            dict(card_number="P4602", first_name="Omar", last_name="Baptiste", phone="(206) 555-0101")]
    with engine.begin() as conn:
        ids = [conn.execute(insert(Member).values(
            **row, email=None, classification=MemberClassification.JOURNEYMAN_WIREMAN, status=MemberStatus.ACTIVE,
            initiation_date=date(2019, 4, 1)).returning(Member.id)).scalar_one() for row in rows]
    return ids[0]


def test_staff_edits_a_phone_in_the_grid_and_the_admin_sees_it_in_the_audit_log(engine, migrated_db_url, tmp_path):
    kind = engine.dialect.name
    shots = Shots(PROJECT_ROOT / "test-output" / "records-phone-edit" / kind)
    member_id = _add_members(engine)
    staff = add_login_user(migrated_db_url, "clerk@local46.example", RoleName.STAFF)
    admin = add_login_user(migrated_db_url, "auditor@local46.example", RoleName.ADMIN)
    with app_server(migrated_db_url, tmp_path / "app.log") as base_url:
        with browser_page() as page, shots.on_failure(page, "staff"):
            log_in(page, base_url, staff.email)
            open_page(page, base_url, "records?table=members")
            fill(page, "Search", CARD)
            grid_cell(page, CARD)
            edit_grid_cell(page, 5, OLD_PHONE, NEW_PHONE)  # columns: id, card, last, first, email, PHONE
            shots.take(page, "staff-edits-phone")
            press(page, "Save changes")
            alert(page, "success", "")
            no_exception(page)
            shots.take(page, "staff-phone-saved")
            page.reload()  # a new session: the grid is read from the database again
            wait_for_app(page)
            grid_cell(page, NEW_PHONE)
            assert page.get_by_role("gridcell", name=OLD_PHONE, exact=True, include_hidden=True).count() == 0
            shots.take(page, "staff-sees-phone-after-reload")
        _admin_sees_the_change(base_url, admin.email, staff.email, member_id, shots)
    with engine.connect() as conn:
        assert conn.execute(select(Member.phone).where(Member.id == member_id)).scalar_one() == NEW_PHONE
        logged = conn.execute(select(AuditLog.before, AuditLog.after).where(
            AuditLog.table_name == "members", AuditLog.row_id == member_id)).all()
    assert [(b["phone"], a["phone"]) for b, a in logged] == [(OLD_PHONE, NEW_PHONE)]


def _admin_sees_the_change(base_url, email, staff_email, member_id, shots) -> None:
    with browser_page(viewport=(1600, 900)) as page, shots.on_failure(page, "admin"):
        log_in(page, base_url, email)
        open_page(page, base_url, "audit")
        no_exception(page)
        _choose_table(page, "Members")
        grid_cell(page, f"Phone: {OLD_PHONE} → {NEW_PHONE}")  # the before and after values
        grid_cell(page, staff_email)
        shots.take(page, "admin-sees-change-in-audit-log")


def _choose_table(page, title: str) -> None:
    """The table list is long and drawn only in part: type to narrow it, then click the option."""
    box = page.get_by_role("combobox", name="Table")
    box.click()
    box.fill(title)
    page.get_by_role("option", name=title, exact=True).first.click()
    wait_for_app(page)
