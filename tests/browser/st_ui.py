"""Small Playwright helpers for Streamlit pages: screenshots per step, buttons, alerts, the data grid."""

import re
from contextlib import contextmanager
from pathlib import Path

from tests.browserutil import WAIT_MS, wait_for_app

ALERT = {"success": "stAlertContentSuccess", "error": "stAlertContentError", "warning": "stAlertContentWarning",
         "info": "stAlertContentInfo"}


class Shots:
    """Numbered screenshots of each step, for a person to look at afterwards."""

    def __init__(self, folder: Path):
        self.folder, self.count = folder, 0
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.png"):
            old.unlink()

    def take(self, page, name: str, focus=None) -> Path:
        """Screenshot the window, scrolled first to `focus` (a locator) when given."""
        if focus is not None:
            focus.scroll_into_view_if_needed()
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        page.screenshot(path=path)
        return path

    @contextmanager
    def on_failure(self, page, name: str):
        """Keep a screenshot of the page as it was when a step failed."""
        try:
            yield
        except BaseException:
            self.take(page, f"FAILED-{name}")
            raise


def no_exception(page) -> None:
    """A Streamlit traceback on the page fails the step with its text."""
    errors = page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()


def alert(page, kind: str, contains: str = "", timeout: int = WAIT_MS) -> str:
    """Wait for an alert of this kind containing the text; returns its text."""
    box = page.locator(f'[data-testid="{ALERT[kind]}"]').filter(has_text=re.compile(re.escape(contains)))
    box.first.wait_for(timeout=timeout)
    return box.first.inner_text()


def press(page, name: str, *, exact: bool = True) -> None:
    page.get_by_role("button", name=name, exact=exact).click()
    wait_for_app(page)


def fill(page, label: str, value: str, *, exact: bool = True) -> None:
    """Type into a text input and press Enter (Streamlit reruns on Enter or blur)."""
    box = page.get_by_role("textbox", name=label, exact=exact)
    box.fill(value)
    box.press("Enter")
    wait_for_app(page)


def pick(page, box, option: str, *, exact: bool = False) -> None:
    """Open a selectbox or multiselect (`box`, a locator) and click the option; a second try if the
    list did not open (a click that lands while the page is still rerunning is lost)."""
    wanted = page.get_by_role("option", name=option, exact=exact).first
    for attempt in range(3):
        box.click()
        try:
            wanted.wait_for(timeout=5_000)
            break
        except Exception:
            if attempt == 2:
                raise
    wanted.click()
    wait_for_app(page)


def edit_grid_cell(page, column_index: int, current: str, value: str) -> None:
    """Edit a cell of the first data row of the (only) data editor. The grid is a canvas (header and
    rows 35 px): select the row's first cell, move right with the arrow keys, open the cell's editor,
    check it holds `current` (so the right cell is edited), replace it, Enter."""
    canvas = page.locator('[data-testid="stDataFrame"] canvas').first
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + 60, box["y"] + 35 + 17)
    page.wait_for_timeout(300)
    for _ in range(column_index):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(60)
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.wait_for(timeout=WAIT_MS)
    assert editor.input_value() == current, f"editing the wrong cell: it holds {editor.input_value()!r}"
    editor.fill(value)
    editor.press("Enter")
    page.wait_for_timeout(300)
    wait_for_app(page)


def grid_cell(page, text: str):
    """A data grid cell by its text (the grid draws on a canvas; its accessible table is hidden)."""
    cell = page.get_by_role("gridcell", name=text, exact=True, include_hidden=True).first
    cell.wait_for(state="attached", timeout=WAIT_MS)
    return cell
