"""System (admin): health in detail, version, settings, recent problems, seed runs, sessions."""

from lib.auth.permissions import Action
from lib.ui.session import require_page
from lib.ui.system_page import render

who = require_page(Action.VIEW_SYSTEM)
render(who)
