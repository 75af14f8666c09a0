"""Overview, leadership's home."""

from lib.auth.permissions import Action
from lib.ui.overview_page import render
from lib.ui.session import require_page

who = require_page(Action.VIEW_DASHBOARDS)
render(who)
