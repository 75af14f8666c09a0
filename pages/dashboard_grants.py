"""Grants dashboard."""

from lib.auth.permissions import Action
from lib.ui.grants_dashboard import render
from lib.ui.session import require_page

who = require_page(Action.VIEW_DASHBOARDS)
render(who)
