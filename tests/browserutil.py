"""Drive the real app in headless chromium (Playwright), logged in through the real login form.

Usage (in a test; mark it `@pytest.mark.browser` if your suite separates slow tests):

    from tests.browserutil import app_server, browser_page, log_in, add_login_user

    def test_my_page_in_a_browser(migrated_db_url, tmp_path):
        user = add_login_user(migrated_db_url, "clerk@local46.example", RoleName.STAFF)  # password PASSWORD
        with app_server(migrated_db_url, tmp_path / "app.log") as base_url, browser_page() as page:
            log_in(page, base_url, user.email)                  # lands on the home page
            open_page(page, base_url, "records")                # url_path of a PageSpec (script stem)
            page.screenshot(path=tmp_path / "records.png", full_page=True)

- `app_server(db_url, log_path, **env)` runs `python -m lib.start` on a free port (migrates, creates the
  first admin, serves), with APP_ENV=dev and the test cookie key `TEST_COOKIE_KEY`; extra env vars
  override (e.g. APP_ENV="staging"). Yields the base URL; stops the app afterwards.
- `browser_page()` yields a fresh Playwright page (its own cookies) in Debian's /usr/bin/chromium.
- `log_in(page, base_url, email, password=PASSWORD)` fills the form and waits for the "Log out" button;
  `log_in(..., expect_ok=False)` waits for the error message instead and returns its text.
- The first admin is `admin@local46.example` with the dev password `lib.auth.bootstrap.DEV_ADMIN_PASSWORD`.
- For a database that is seeded, use tests.seedutil.seeded_db_url for the URL.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lib.auth.identity import Identity
from lib.db import make_engine
from lib.migrate import upgrade_to_head
from lib.models.enums import RoleName
from tests.apputil import TEST_COOKIE_KEY, running_app
from tests.authutil import PASSWORD, add_user

CHROMIUM = "/usr/bin/chromium"
WAIT_MS = 30_000
__all__ = ["CHROMIUM", "PASSWORD", "TEST_COOKIE_KEY", "add_login_user", "app_server", "browser_page",
           "log_in", "open_page", "wait_for_app"]


def add_login_user(db_url: str, email: str, *roles: RoleName, password: str = PASSWORD) -> Identity:
    """Migrate the database if needed and add a user who can log in with `password`."""
    upgrade_to_head(db_url)
    engine = make_engine(db_url)
    try:
        return add_user(engine, email, *roles, password=password)
    finally:
        engine.dispose()


@contextmanager
def app_server(db_url: str, log_path: Path, **env: str) -> Iterator[str]:
    settings = {"AUTH_COOKIE_KEY": TEST_COOKIE_KEY, **env}
    with running_app(db_url, log_path, **settings) as base_url:
        yield base_url


@contextmanager
def browser_page(viewport: tuple[int, int] = (1280, 900)):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
            yield context.new_page()
        finally:
            browser.close()


_IDLE = "() => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'"


def wait_for_app(page, settle_ms: int = 400) -> None:
    """Until Streamlit has finished running the script, twice (the cookie manager asks for one more run)."""
    for _ in range(2):
        page.wait_for_function(_IDLE, timeout=WAIT_MS)
        page.wait_for_timeout(settle_ms)
    page.wait_for_function(_IDLE, timeout=WAIT_MS)


def log_in(page, base_url: str, email: str, password: str = PASSWORD, *, path: str = "",
           expect_ok: bool = True) -> str:
    """Log in through the form at base_url/path; returns '' or, with expect_ok=False, the error shown."""
    page.goto(f"{base_url}/{path}")
    page.get_by_label("Email").fill(email, timeout=WAIT_MS)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    if expect_ok:
        page.get_by_role("button", name="Log out").wait_for(timeout=WAIT_MS)
        wait_for_app(page)
        return ""
    alert = page.locator('[data-testid="stAlertContentError"]').first
    alert.wait_for(timeout=WAIT_MS)
    return alert.inner_text()


def open_page(page, base_url: str, url_path: str) -> None:
    """Go to a page by URL (a new browser session: the login cookie logs it in) and wait for it."""
    page.goto(f"{base_url}/{url_path}")
    wait_for_app(page)
