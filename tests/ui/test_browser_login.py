"""The login in a real browser (headless chromium): what a person sees across refreshes, logout and old cookies."""

import pytest

from lib.auth.cookie_token import make_token
from lib.models.enums import RoleName as R
from tests.browserutil import add_login_user, app_server, browser_page, log_in, open_page, wait_for_app

pytestmark = pytest.mark.browser


def on_login_page(page) -> bool:
    return page.get_by_role("button", name="Log in").is_visible() and \
        not page.get_by_role("button", name="Log out").is_visible()


@pytest.fixture
def app(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'app.db'}"
    user = add_login_user(db_url, "staff@local46.example", R.STAFF)
    with app_server(db_url, tmp_path / "app.log") as base_url:
        yield base_url, user, tmp_path / "app.log"


def test_login_survives_a_refresh_and_logout_cannot_be_undone(app):
    base_url, user, _ = app
    with browser_page() as page:
        open_page(page, base_url, "records")
        assert on_login_page(page) and not page.get_by_text("No rows match").is_visible()
        log_in(page, base_url, user.email, path="records")
        assert page.get_by_role("heading", name="Records").is_visible()  # the page asked for before login
        open_page(page, base_url, "records")  # a new browser session: the cookie logs it in
        page.reload()
        wait_for_app(page)
        assert page.get_by_role("heading", name="Records").is_visible()
        assert page.get_by_role("button", name="Log out").is_visible()
        saved = [c for c in page.context.cookies() if c["name"] == "unionops_auth"]
        page.get_by_role("button", name="Log out").click()
        page.get_by_role("button", name="Log in").wait_for()
        wait_for_app(page)
        assert "unionops_auth" not in {c["name"] for c in page.context.cookies()}
        page.reload()
        wait_for_app(page)
        assert on_login_page(page)
        open_page(page, base_url, "records")
        assert on_login_page(page)
        page.context.add_cookies(saved)  # a copy kept from before the logout is refused by the server
        open_page(page, base_url, "records")
        assert on_login_page(page)


def test_a_cookie_signed_with_another_key_lands_on_a_clean_login_page(app):
    base_url, user, log_path = app
    forged = make_token(user.email, "another-key-entirely-0123456789abcdefghij", 1)
    with browser_page() as page:
        page.context.add_cookies([{"name": "unionops_auth", "value": forged, "url": base_url}])
        open_page(page, base_url, "records")
        assert on_login_page(page)
        assert not page.locator('[data-testid="stException"]').count()
        assert "unionops_auth" not in {c["name"] for c in page.context.cookies()}
    log = log_path.read_text()
    assert log.count("ignored a login cookie") == 1 and "Traceback" not in log
