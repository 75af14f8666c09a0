"""Forms for frequent tasks: record a dues payment, advance a grievance, take attendance."""

from lib.auth.permissions import Action
from lib.ui.forms_page import render
from lib.ui.session import require_page

who = require_page(Action.VIEW_RECORDS)
render(who)
