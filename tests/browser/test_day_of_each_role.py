"""A day of each role, in headless chromium against the real app on a fresh database (PostgreSQL when
TEST_DATABASE_URL is set, else SQLite). The tests run in file order and share the app and database:

  morning   the admin seeds the demo data (watching the progress) and creates a staff user;
  day       the staff user finds a member, records a dues payment, edits a phone number, uploads a
            document, and imports a CSV with one bad line that is rejected;
  afternoon leadership opens every dashboard, downloads the monthly summary PDF, and cannot open the
            records or admin pages by URL;
  evening   the admin downloads a backup and resets the demo data: the staff user's payment stays.

Screenshots of every step: test-output/day-of-each-role/<engine>/NN-step.png (look at them).
"""

import io
import os
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from lib.auth.bootstrap import DEV_ADMIN_PASSWORD
from lib.config import PROJECT_ROOT
from lib.db import make_engine
from lib.migrate import upgrade_to_head
from lib.models import DuesPayment, FileAttachment, Member
from lib.models.enums import RoleName
from seed.steps.accounts import DEMO_PASSWORD
from tests.browser.st_ui import Shots, alert, edit_grid_cell, fill, grid_cell, no_exception, pick, press
from tests.browserutil import WAIT_MS, app_server, browser_page, log_in, open_page, wait_for_app
from tests.dbutil import create_empty_database, drop_database

pytestmark = pytest.mark.browser
KIND = "postgresql" if os.environ.get("TEST_DATABASE_URL") else "sqlite"
ADMIN = "admin@local46.example"
LEADER = "leadership@demo.local46.example"
STAFF = "dana.staff@local46.example"
STAFF_PASSWORD = "staff-day-password-46"
NEW_PHONE = "(206) 555-0146"
OUTPUT = PROJECT_ROOT / "test-output" / "day-of-each-role" / KIND


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    """The fresh database, the app serving it, the screenshots, and what the steps learn on the way."""
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian's chromium is missing: run `bash .ci/system-packages.sh` (make test does).")
    url = create_empty_database(KIND, tmp_path_factory.mktemp("day-db"))
    upgrade_to_head(url)
    engine = make_engine(url)
    uploads, shots = tmp_path_factory.mktemp("uploads"), Shots(OUTPUT)
    try:
        with app_server(url, OUTPUT / "app.log", UPLOAD_DIR=str(uploads)) as base_url:
            yield {"url": base_url, "engine": engine, "shots": shots}
    finally:
        engine.dispose()
        drop_database(url)


def _member(engine) -> tuple[int, str, str]:
    """A demo member with a card number to search for: (id, card number, last name)."""
    with engine.connect() as conn:
        return conn.execute(select(Member.id, Member.card_number, Member.last_name)
                            .where(Member.seed_batch.is_not(None)).order_by(Member.id).limit(1)).one()


def test_morning_admin_seeds_demo_data_and_creates_a_staff_user(day):
    shots, engine = day["shots"], day["engine"]
    with browser_page() as page, shots.on_failure(page, "admin-morning"):
        log_in(page, day["url"], ADMIN, DEV_ADMIN_PASSWORD)
        shots.take(page, "admin-home")
        open_page(page, day["url"], "admin_demo_data")
        no_exception(page)
        assert page.get_by_text("No demo data").is_visible()
        shots.take(page, "admin-demo-data-empty")
        page.get_by_role("button", name="Seed demo data").click()
        step = page.get_by_text("Step 4/18")
        step.wait_for(timeout=WAIT_MS)  # the progress, live, while it runs
        shots.take(page, "admin-seed-progress", focus=step)
        headline = alert(page, "success", "Seeded ", timeout=180_000)
        wait_for_app(page)
        assert "at scale 1" in headline
        shots.take(page, "admin-seed-done")
        with engine.connect() as conn:
            assert conn.execute(select(Member.id).where(Member.seed_batch.is_not(None)).limit(1)).first()
        _create_staff_user(page, day)


def _create_staff_user(page, day) -> None:
    open_page(page, day["url"], "admin_users")
    page.get_by_text("Add a user").click()
    form = page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Add user"))
    form.get_by_role("textbox", name="Email").fill(STAFF)
    form.get_by_role("textbox", name="Full name").fill("Dana Staff")
    form.get_by_label("First password (8 to 72 bytes)").fill(STAFF_PASSWORD)
    pick(page, form.get_by_label("Roles"), "Staff", exact=True)
    page.keyboard.press("Escape")
    day["shots"].take(page, "admin-adds-staff-user")
    press(page, "Add user")
    alert(page, "success", f"Added {STAFF}")
    no_exception(page)
    day["shots"].take(page, "admin-staff-user-added", focus=page.get_by_text(f"Added {STAFF}"))


def test_day_staff_works_with_members_dues_documents_and_an_import(day):
    shots, engine = day["shots"], day["engine"]
    member_id, card, last_name = _member(engine)
    day["member_id"] = member_id
    with browser_page() as page, shots.on_failure(page, "staff"):
        log_in(page, day["url"], STAFF, STAFF_PASSWORD)
        shots.take(page, "staff-home")
        _find_member(page, day, card, last_name)
        _record_dues_payment(page, day, card)
        _edit_phone(page, day, card)
        _upload_document(page, day, card)
        _import_with_one_bad_line(page, day)


def _find_member(page, day, card: str, last_name: str) -> None:
    open_page(page, day["url"], "records?table=members")
    fill(page, "Search", last_name)
    no_exception(page)
    grid_cell(page, card)
    day["shots"].take(page, "staff-finds-member")


def _record_dues_payment(page, day, card: str) -> None:
    open_page(page, day["url"], "forms")
    fill(page, "Find the member (name or card number)", card)
    press(page, "Record payment")
    text = alert(page, "success", "Recorded payment #")
    day["payment_id"] = int(text.split("#", 1)[1].split(":", 1)[0])
    day["shots"].take(page, "staff-records-dues-payment")
    with day["engine"].connect() as conn:
        payment = conn.execute(select(DuesPayment).where(DuesPayment.id == day["payment_id"])).one()
    assert payment.member_id == day["member_id"] and payment.seed_batch is None  # a real row


def _edit_phone(page, day, card: str) -> None:
    open_page(page, day["url"], "records?table=members")
    fill(page, "Search", card)
    grid_cell(page, card)
    with day["engine"].connect() as conn:
        phone = conn.execute(select(Member.phone).where(Member.id == day["member_id"])).scalar_one()
    edit_grid_cell(page, 5, phone, NEW_PHONE)  # columns: id, card, last, first, email, PHONE
    day["shots"].take(page, "staff-edits-phone")
    press(page, "Save changes")
    alert(page, "success", "1 changed")
    no_exception(page)
    day["shots"].take(page, "staff-phone-saved")
    with day["engine"].connect() as conn:
        assert conn.execute(select(Member.phone).where(Member.id == day["member_id"])).scalar_one() == NEW_PHONE


def _upload_document(page, day, card: str) -> None:
    open_page(page, day["url"], "documents")
    fill(page, "Find the member", card)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').last.set_input_files(
        files=[{"name": "dues-receipt.pdf", "mimeType": "application/pdf", "buffer": pdf}])
    wait_for_app(page)
    press(page, "Upload 1 file")
    alert(page, "success", "Uploaded dues-receipt.pdf")
    day["shots"].take(page, "staff-uploads-document", focus=page.get_by_text("Uploaded dues-receipt.pdf"))
    with day["engine"].connect() as conn:
        names = conn.execute(select(FileAttachment.original_name).where(FileAttachment.entity_id == day["member_id"])).scalars()
        assert "dues-receipt.pdf" in list(names)


def _import_with_one_bad_line(page, day) -> None:
    open_page(page, day["url"], "import")
    csv = ("Name,Kind,City\nNorth Hall,UNION_HALL,Seattle\nTraining Annex,NOT_A_KIND,Tacoma\n"
           "South Hall,UNION_HALL,Renton\n")
    _choose_import_table(page, "Locations")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "locations.csv", "mimeType": "text/csv", "buffer": csv.encode()}])
    wait_for_app(page)
    press(page, "Check every line")
    message = alert(page, "error", "line(s) have problems")
    assert message.startswith("1 line(s)")
    page.get_by_text("Rejected (1)").wait_for(timeout=WAIT_MS)
    grid_cell(page, "Kind")  # the rejected line's problem is in its Kind field
    no_exception(page)
    day["shots"].take(page, "staff-import-rejects-bad-line", focus=page.get_by_text("Rejected (1)"))


def _choose_import_table(page, title: str) -> None:
    pick(page, page.get_by_label("Import into"), title)


def test_afternoon_leadership_reads_dashboards_and_cannot_open_records_or_admin(day):
    from lib.auth.identity import Identity
    from lib.ui.navigation import pages_for

    shots = day["shots"]
    leader = Identity(id=None, email=LEADER, roles=frozenset({RoleName.LEADERSHIP}))
    allowed = pages_for(leader)
    dashboards = allowed["Overview"] + allowed.get("Dashboards", [])
    assert len(dashboards) >= 2, "the dashboards are missing from the navigation"
    with browser_page() as page, shots.on_failure(page, "leadership"):
        log_in(page, day["url"], LEADER, DEMO_PASSWORD)
        for spec in dashboards:
            if spec.script == "overview.py" or spec.section == "Dashboards":
                open_page(page, day["url"], url_path(spec))
                no_exception(page)
                page.get_by_role("heading", level=1).first.wait_for(timeout=WAIT_MS)
                shots.take(page, f"leadership-{url_path(spec)}")
        _monthly_summary_pdf(page, day)
        for path in ("records", "import", "documents", "admin_demo_data", "admin_system", "admin_users", "audit"):
            open_page(page, day["url"], path)
            page.get_by_text("Page not found").wait_for(timeout=WAIT_MS)  # not in this role's navigation
            no_exception(page)
            assert page.locator('[data-testid="stDataFrame"]').count() == 0, f"{path} showed a table"
            assert page.get_by_role("button", name="Seed demo data").count() == 0
            shots.take(page, f"leadership-refused-{path}")


def _monthly_summary_pdf(page, day) -> None:
    """Reports › Leadership monthly summary for last month (the default): preview, then the PDF."""
    from pypdf import PdfReader

    open_page(page, day["url"], "reports")
    pick(page, page.get_by_label("Report", exact=True), "Leadership monthly summary")
    press(page, "Generate")
    button = page.get_by_role("button", name="Download PDF")
    button.wait_for(timeout=180_000)
    no_exception(page)
    day["shots"].take(page, "leadership-monthly-summary", focus=button)
    with page.expect_download(timeout=WAIT_MS) as download:
        button.click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and download.value.suggested_filename.endswith(".pdf")
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Leadership monthly summary" in first_page, first_page[:300]


def url_path(spec) -> str:
    return spec.url_path or spec.script.removesuffix(".py")


def test_evening_admin_backs_up_and_resets_and_the_real_payment_stays(day):
    shots, engine = day["shots"], day["engine"]
    with browser_page() as page, shots.on_failure(page, "admin-evening"):
        log_in(page, day["url"], ADMIN, DEV_ADMIN_PASSWORD)
        open_page(page, day["url"], "admin_demo_data")
        press(page, "Reset demo data")
        alert(page, "warning", "This removes")
        shots.take(page, "admin-reset-confirmation-with-backup")
        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("button", name="Download backup").first.click()
        backup = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
        assert {"manifest.json", "members.csv", "dues_payments.csv"} <= set(backup.namelist())
        payments = backup.read("dues_payments.csv").decode().splitlines()
        assert any(line.startswith(f"{day['payment_id']},") for line in payments)  # today's payment is in it
        press(page, "Yes, remove the demo data")
        assert "real rows were not touched" in alert(page, "success", "Reset removed", timeout=180_000)
        kept = alert(page, "info", "Kept ")
        assert "dues_payments" in kept or "dues payments" in kept
        no_exception(page)
        shots.take(page, "admin-reset-done")
        open_page(page, day["url"], "admin_system")
        no_exception(page)
        sessions = page.get_by_test_id("stMetric").filter(has_text="Open browser sessions (this server)")
        assert int(sessions.get_by_test_id("stMetricValue").inner_text()) >= 1  # this very tab, at least
        shots.take(page, "admin-system-page")
    with engine.connect() as conn:
        payment = conn.execute(select(DuesPayment.member_id, DuesPayment.seed_batch)
                               .where(DuesPayment.id == day["payment_id"])).one()
        member = conn.execute(select(Member.phone, Member.seed_batch).where(Member.id == day["member_id"])).one()
        demo_left = conn.execute(select(Member.id).where(Member.seed_batch.like("seed-%")).limit(1)).first()
    assert payment == (day["member_id"], None)  # the staff user's real payment is still there
    assert member == (NEW_PHONE, "kept-by-reset") and demo_left is None
